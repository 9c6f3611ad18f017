"""gen as a library: what the ``gen`` command does, as Python calls.

``import gen`` gives these names (loaded on first use, so ``import gen``
stays cheap)::

    import gen

    module = gen.extract("include/api.h", include_dirs=["include"], defines=["API_LEVEL=2"])
    for enum in module.enums:
        print(enum.name, [(m.name, m.value) for m in enum.members])

    paths = gen.generate(["include/api.h"], out_dir="src/api", formats=["python"], stem="_enums")

Both raise :class:`gen.GenError` for bad input (``str(error)`` is the
command's one-line message, ``file:line:col: error: ...``) and report
warnings through :mod:`warnings` as :class:`gen.GenWarning`, so that
``warnings.simplefilter("error", gen.GenWarning)`` (or ``werror=True``)
makes them fatal. Neither prints anything nor uses the run cache.

Keyword arguments are the command line's long options with ``_`` for
``-`` (``out_dir``, ``include_dirs``, ``ts_style``, ...), and mean the same.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from gen.diagnostics import Diagnostic, GenError, Level
from gen.model import Module

__all__ = ["GenError", "GenWarning", "extract", "generate", "schema", "schema_path", "schema_text"]

_PathLike = str | os.PathLike[str]


class GenWarning(UserWarning):
    """A warning of gen's (``str(w)`` is the command's one-line message)."""


def schema_path() -> Path:
    """The JSON Schema of the JSON output, as shipped in the package
    (``gen/schema/gen-enums.schema.json``)."""
    return Path(__file__).resolve().parent.parent / "schema" / "gen-enums.schema.json"


def schema_text() -> str:
    """The JSON Schema's text (what ``gen --print-schema`` prints)."""
    return schema_path().read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of the JSON output, parsed."""
    data: dict[str, Any] = json.loads(schema_text())
    return data


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    """Raise the first error (naming how many more there are); warn the rest."""
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more error(s))" if len(errors) > 1 else ""
        raise GenError(first.message + more, first.location)
    for d in diagnostics:
        if d.level is Level.WARNING:
            warnings.warn(GenWarning(str(d)), stacklevel=3)


def _options(
    headers: Sequence[_PathLike],
    config: _PathLike | None,
    given: dict[str, Any],
) -> argparse.Namespace:
    """The settings as the command line would have parsed them."""
    ns = argparse.Namespace(
        headers=[os.fspath(h) for h in headers],
        config=os.fspath(config) if config is not None else None,
        no_config=config is None,
        out_dir=None,
        formats=None,
        include_dirs=None,
        defines=None,
        undefines=None,
        force_includes=None,
        target=None,
        docs=None,
        macros=None,
        shims=None,
        templates=None,
        include_enums=None,
        exclude_enums=None,
        strip_prefix=None,
        ts_style=None,
        depfile=None,
        depfile_target=None,
        werror=None,
        missing_includes=None,
        stem=None,
    )
    for key, value in given.items():
        if value is None:
            continue
        if isinstance(value, (str, os.PathLike)):
            value = os.fspath(value)
        elif isinstance(value, (list, tuple)):
            value = [os.fspath(v) for v in value]
        setattr(ns, key, value)
    return ns


@contextlib.contextmanager
def _working_folder(root: Path | None) -> Iterator[None]:
    with contextlib.chdir(root) if root is not None else contextlib.nullcontext():
        yield


def extract(
    header: _PathLike,
    *,
    include_dirs: Sequence[_PathLike] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[_PathLike] = (),
    target: str | None = None,
    shims: bool = True,
    macros: str = "main",
    werror: bool = False,
    missing_includes: str = "warn",
) -> Module:
    """The enums and ``#define`` groups of one C header, with the values
    clang computes for ``target`` (default ``x86_64-w64-mingw32``).

    The arguments are the command line's (``-I``, ``-D``, ``-U``,
    ``-include``, ``--target``, ``--no-shims``, ``--macros``, ``--werror``,
    ``--missing-includes``). Raises :class:`GenError` naming the file, line
    and column of the first error.
    """
    from gen.run.config import load_settings
    from gen.run.pipeline import extract_settings

    given = {
        "include_dirs": list(include_dirs) or None,
        "defines": list(defines) or None,
        "undefines": list(undefines) or None,
        "force_includes": list(force_includes) or None,
        "target": target,
        "shims": None if shims else False,
        "macros": macros,
        "werror": werror or None,
        "missing_includes": missing_includes,
    }
    (settings,) = load_settings(_options([header], None, given))
    module, diagnostics = extract_settings(settings)
    _report(diagnostics)
    assert module is not None  # no error: there is a module
    return module


def generate(
    headers: Sequence[_PathLike] = (),
    *,
    config: _PathLike | None = None,
    out_dir: _PathLike | None = None,
    formats: Sequence[str] | None = None,
    stem: str | None = None,
    include_dirs: Sequence[_PathLike] | None = None,
    defines: Sequence[str] | None = None,
    undefines: Sequence[str] | None = None,
    force_includes: Sequence[_PathLike] | None = None,
    target: str | None = None,
    shims: bool | None = None,
    templates: _PathLike | None = None,
    ts_style: str | None = None,
    macros: str | None = None,
    docs: Sequence[_PathLike] | None = None,
    include_enums: Sequence[str] | None = None,
    exclude_enums: Sequence[str] | None = None,
    strip_prefix: bool | None = None,
    depfile: _PathLike | None = None,
    depfile_target: str | None = None,
    werror: bool | None = None,
    missing_includes: str | None = None,
    jobs: int = 1,
) -> list[Path]:
    """Write the outputs of ``headers`` as ``gen`` does, all or nothing
    (unchanged files are not touched); the paths of every output, written
    or already current, absolute.

    ``config`` names a pyproject.toml whose ``[tool.gen]`` gives the
    settings (and the headers, when ``headers`` is empty); its paths are
    relative to its folder, where the run then works (the working folder
    changes for the duration of the call). Without ``config`` no
    configuration is read. The other arguments override it, as the
    command line's options do. Raises :class:`GenError` on any error.
    Orphaned outputs are not looked for (``gen --check`` and ``gen --prune``
    do that).
    """
    from gen.output.writer import write_outputs
    from gen.run.config import load_settings
    from gen.run.depfile import depfile_output, depfile_path
    from gen.run.pipeline import RunResult, plan

    given: dict[str, Any] = {
        "out_dir": out_dir,
        "formats": list(formats) if formats is not None else None,
        "stem": stem,
        "include_dirs": include_dirs,
        "defines": defines,
        "undefines": undefines,
        "force_includes": force_includes,
        "target": target,
        "shims": shims,
        "templates": templates,
        "ts_style": ts_style,
        "macros": macros,
        "docs": docs,
        "include_enums": include_enums,
        "exclude_enums": exclude_enums,
        "strip_prefix": strip_prefix,
        "depfile": depfile,
        "depfile_target": depfile_target,
        "werror": werror,
        "missing_includes": missing_includes,
    }
    origin = Path.cwd()
    settings = load_settings(_options(headers, config, given))
    root = settings[0].root if settings else None
    with _working_folder(root):
        run = RunResult()
        plan(settings, run, jobs=jobs)
        _report(run.diagnostics)
        planned = list(run.outputs)
        if settings and settings[0].depfile:

            def named(path: str | Path) -> str:
                return depfile_path(os.path.abspath(path), origin, root)

            target_name = settings[0].depfile_target
            targets = [target_name] if target_name else [named(o.path) for o in run.outputs]
            planned.append(depfile_output(Path(settings[0].depfile), targets, [named(d) for d in run.deps]))
        write_outputs(planned)
        return [Path(os.path.abspath(o.path)) for o in run.outputs]

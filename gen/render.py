"""Stage 5, render: the Jinja environment and the output formats.

A format is a template named ``<format>.<extension>.j2``; the built-in ones
are ``python.py.j2``, ``json.json.j2`` and ``typescript.ts.j2`` in the
top-level ``templates/`` folder (shipped inside the wheel as
``gen/templates``). A user template folder is searched first, so a file of
the same name replaces a built-in one, and any other ``*.*.j2`` file there
adds a format of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.meta

from gen.diagnostics import GenError, Location
from gen.filters import FILTERS
from gen.viewmodel import ModuleView

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_FORMATS = ("python", "json", "typescript")


def builtin_templates_dir() -> Path:
    # Installed wheel: gen/templates; source checkout: <repo>/templates.
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise GenError("the built-in templates folder is missing from this installation")


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    template: str


def discover_formats(template_dirs: Sequence[Path]) -> dict[str, OutputFormat]:
    """Formats defined by ``<name>.<ext>.j2`` files; earlier folders win."""
    found: dict[str, OutputFormat] = {}
    for folder in [*template_dirs, builtin_templates_dir()]:
        for path in sorted(folder.glob("*.*.j2")):
            name, ext = path.name[: -len(".j2")].split(".", 1)
            found.setdefault(name, OutputFormat(name, ext, path.name))
    return found


def make_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The one Jinja environment: strict undefineds, user folders first."""
    for folder in template_dirs:
        if not folder.is_dir():
            raise GenError(f"template folder '{folder}' does not exist")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, template_dirs), str(builtin_templates_dir())]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def render(env: jinja2.Environment, fmt: OutputFormat, view: ModuleView) -> str:
    """Render one output; the text always has LF endings and one final newline."""
    try:
        template = env.get_template(fmt.template)
        text = template.render(**{f.name: getattr(view, f.name) for f in dataclasses.fields(view)})
    except jinja2.TemplateSyntaxError as exc:
        raise GenError(
            f"template error: {exc.message}", Location(exc.filename or fmt.template, exc.lineno or 1)
        ) from None
    except jinja2.TemplateError as exc:
        raise GenError(f"template '{fmt.template}' failed: {exc}") from None
    text = text.replace("\r\n", "\n").rstrip("\n")
    return text + "\n"


def template_paths(env: jinja2.Environment, fmt: OutputFormat) -> list[str]:
    """Files a format's template reads (itself and what it includes), for depfiles."""
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, fmt.template)
    paths = [filename] if filename else []
    for ref in jinja2.meta.find_referenced_templates(env.parse(source)):
        if ref:
            _, sub, _ = env.loader.get_source(env, ref)
            if sub:
                paths.append(sub)
    return paths

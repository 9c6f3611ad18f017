"""Stage 5, render: the Jinja environment and the output formats.

A format is a template named ``<format>.<extension>.j2``; the built-in ones
are ``python.py.j2``, ``json.json.j2`` and ``typescript.ts.j2`` in the
top-level ``templates/`` folder (shipped inside the wheel as
``gen/templates``). A user template folder is searched first, so a file of
the same name replaces a built-in one, and any other ``*.*.j2`` file there
adds a format of its own. Files whose name starts with ``_`` are partials
(for ``{% include %}``, ``{% extends %}``, ``{% import %}``), never formats.

The environment records every template file it loads, so a depfile can name
exactly the templates an output was made from (see :func:`loaded_templates`).
See docs/templates.md for what templates receive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes

from gen.diagnostics import GenError, Location
from gen.output.filters import FILTERS
from gen.output.viewmodel import ModuleView

#: The installed package (gen/, one level up from gen/output/).
PACKAGE_DIR = Path(__file__).resolve().parent.parent
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
    """Formats defined by ``<name>.<ext>.j2`` files; earlier folders win.

    ``csharp.cs.j2`` is format ``csharp`` writing ``<stem>.cs``; a name
    starting with ``_`` is a partial, not a format.
    """
    found: dict[str, OutputFormat] = {}
    for folder in [*template_dirs, builtin_templates_dir()]:
        if not folder.is_dir():
            raise GenError(f"template folder '{folder}' does not exist")
        for path in sorted(folder.glob("*.*.j2")):
            if path.name.startswith(("_", ".")) or not path.is_file():
                continue
            name, ext = path.name[: -len(".j2")].split(".", 1)
            if not name or not ext:
                continue
            found.setdefault(name, OutputFormat(name, ext, path.name))
    return found


#: The module-level name under which a compiled template keeps the templates
#: its source names statically (see :class:`ReferencesCodeGenerator`).
_REFERENCES_NAME = "gen_static_references"


class ReferencesCodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's code generator, also writing into the compiled module the
    templates the source names in extends/include/import: the depfile's
    static dependencies (:func:`template_paths`) then come from the template
    as loaded, even from the bytecode cache, without parsing its source again."""

    def visit_Template(self, node: jinja2.nodes.Template, frame: jinja2.compiler.Frame | None = None) -> None:
        refs = tuple(ref for ref in jinja2.meta.find_referenced_templates(node) if ref)
        super().visit_Template(node, frame)
        self.writeline(f"{_REFERENCES_NAME} = {refs!r}")


def _compiled_references(template: jinja2.Template) -> tuple[str, ...] | None:
    """The references :class:`ReferencesCodeGenerator` wrote into ``template``;
    None when it was compiled without them."""
    namespace = getattr(template.root_render_func, "__globals__", {})
    refs = namespace.get(_REFERENCES_NAME)
    return refs if isinstance(refs, tuple) else None


class RecordingLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that remembers the file behind every template it
    loads (the format's own, and whatever it extends, includes or imports,
    dynamic names included): the template dependencies for a depfile."""

    def __init__(self, searchpath: Sequence[str]) -> None:
        super().__init__(list(searchpath))
        self.loaded: list[str] = []
        #: The template last loaded under each name, for its compiled references.
        self.templates: dict[str, jinja2.Template] = {}

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        template = super().load(environment, name, globals)
        self.templates[name] = template
        return template

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if filename not in self.loaded:
            self.loaded.append(filename)
        return source, filename, uptodate


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates under keys of their own: code compiled without
    :class:`ReferencesCodeGenerator` (by an earlier gen) is never loaded."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{name}|{_REFERENCES_NAME}", filename)


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates in ``folder``, like Python's __pycache__: Jinja
    checks each entry against the template's source, so it is never stale."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(folder))


def make_environment(template_dirs: Sequence[Path] = (), bytecode_dir: Path | None = None) -> jinja2.Environment:
    """The one Jinja environment: strict undefineds, user folders first;
    compiled templates are kept in ``bytecode_dir`` when one is given."""
    for folder in template_dirs:
        if not folder.is_dir():
            raise GenError(f"template folder '{folder}' does not exist")
    env = jinja2.Environment(
        loader=RecordingLoader([*map(str, template_dirs), str(builtin_templates_dir())]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(bytecode_dir),
    )
    env.code_generator_class = ReferencesCodeGenerator
    env.filters.update(FILTERS)
    env.globals["fail"] = fail
    return env


def fail(message: str) -> NoReturn:
    """``{{ fail("...") }}`` in a template stops the run with ``message``
    (reported as an error at the template's file and line)."""
    raise jinja2.TemplateRuntimeError(str(message))


def render(env: jinja2.Environment, fmt: OutputFormat, view: ModuleView) -> str:
    """Render one output; the text always has LF endings and one final newline."""
    try:
        template = env.get_template(fmt.template)
        text = template.render(**{f.name: getattr(view, f.name) for f in dataclasses.fields(view)})
    except jinja2.TemplateSyntaxError as exc:
        raise GenError(
            f"template error: {exc.message}", Location(exc.filename or fmt.template, exc.lineno or 1)
        ) from None
    except Exception as exc:  # a user template can make any filter or method raise
        what = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        raise GenError(f"template '{fmt.template}' failed: {what}", _template_location(env, exc)) from None
    text = text.replace("\r\n", "\n").rstrip("\n")
    return text + "\n"


def _template_location(env: jinja2.Environment, exc: BaseException) -> Location | None:
    """The innermost template line in the traceback (Jinja maps its frames
    back to template files and lines)."""
    import traceback  # only a failing template needs it

    loaded = set(loaded_templates(env))
    found: Location | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename in loaded and frame.lineno:
            found = Location(frame.filename, frame.lineno)
    return found


def loaded_templates(env: jinja2.Environment) -> list[str]:
    """Every template file ``env`` has loaded so far, in loading order."""
    loader = env.loader
    return list(loader.loaded) if isinstance(loader, RecordingLoader) else []


def template_paths(env: jinja2.Environment, fmt: OutputFormat) -> list[str]:
    """Files a format's template can read: itself and, recursively, every
    template it names statically in extends/include/import, for depfiles.
    (Rendering records the files actually read, dynamic names included:
    :func:`loaded_templates`.)"""
    assert env.loader is not None
    paths: list[str] = []
    pending = [fmt.template]
    seen: set[str] = set()
    while pending:
        name = pending.pop(0)
        if name in seen:
            continue
        seen.add(name)
        loaded = _loaded_references(env, name)
        if loaded is not None:
            filename, refs = loaded
        else:
            try:
                source, filename, _ = env.loader.get_source(env, name)
            except jinja2.TemplateNotFound:
                continue
            refs = _references(env, filename, source)
        if filename and filename not in paths:
            paths.append(filename)
        pending.extend(refs)
    return paths


def _loaded_references(env: jinja2.Environment, name: str) -> tuple[str | None, tuple[str, ...]] | None:
    """The file and static references of template ``name`` as ``env`` loaded
    it (rendering loads the format's template, and most partials), if its
    file is unchanged since; else None, and the caller reads the source."""
    loader = env.loader
    template = loader.templates.get(name) if isinstance(loader, RecordingLoader) else None
    if template is None or not template.is_up_to_date:
        return None
    refs = _compiled_references(template)
    return None if refs is None else (template.filename, refs)


#: The static references of each template text already parsed in this
#: process: a run of many headers parses each template once, not per header.
_REFERENCES: dict[tuple[str | None, str], tuple[str, ...]] = {}


def _references(env: jinja2.Environment, filename: str | None, source: str) -> tuple[str, ...]:
    key = (filename, source)
    if key not in _REFERENCES:
        try:
            refs = jinja2.meta.find_referenced_templates(env.parse(source))
        except jinja2.TemplateSyntaxError:
            refs = iter(())
        _REFERENCES[key] = tuple(ref for ref in refs if ref)
    return _REFERENCES[key]

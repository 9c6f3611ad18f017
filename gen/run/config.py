"""Settings: command-line flags over ``[tool.gen]`` of the nearest pyproject.toml.

The configuration is the ``[tool.gen]`` table of the nearest pyproject.toml
that has one, searched from the current folder upward (a pyproject.toml
without ``[tool.gen]`` is passed over, as ruff does); ``--config FILE``
names the file instead.

Keys (all optional; paths are relative to the pyproject.toml's folder)::

    [tool.gen]
    headers = ["include/foo.h"]     # used when no header is given on the command line
    out-dir = "out"
    formats = ["python", "json", "typescript"]
    include-dirs = []               # like -I
    defines = []                    # like -D, "NAME" or "NAME=VALUE"
    undefines = []                  # like -U
    force-includes = []             # like -include
    target = "x86_64-w64-mingw32"
    shims = true
    system-includes = true          # the system's include folders (Linux targets)
    sysroot = "/opt/sysroot"        # look for them under this folder instead of /
    templates = "gen-templates"     # user template folder
    ts-style = "const-object"       # or "enum", "const-enum"
    depfile = "build/gen.d"
    depfile-target = "gen.stamp"    # the target the depfile names (default: the outputs)
    include = ["^IXP"]              # regexes: keep only enums whose name matches one
    exclude = []                    # regexes: drop enums whose name matches one
    strip-prefix = false            # strip members' common prefix in Python/TypeScript names
    class-names = "c"               # or "pascal": SMTP_COMMAND -> SmtpCommand (Python and TypeScript)
    ts-lookup = true                # TypeScript isX / nameOfX / valuesOfX helpers (const-object form)
    header-comments = true          # the header's own comments become descriptions
    macros = "main"                 # #define constants: "main" (this header's), "all", "none"
    language = "idl"                # "c" or "idl"; default: "idl" for .idl files, else "c"
    groups = [{ name = "IMAP_MSGFLAGS", match = "^IMAP_MSG_", flags = true }]  # explicit #define groups
    docs = ["sdk-docs"]             # folders of SDK reference pages (like --docs)
    flags = { POP3MARKTYPE = true } # force the IntFlag choice per enum
    werror = false                  # every warning is an error (like -Werror)
    missing-includes = "warn"       # or "error": an include that is not found stops the run

    [tool.gen.header."include/foo.h"]   # per-header settings: same keys but headers, header, depfile[-target]
    defines = ["FOO_EXTRA"]
    stem = "foo_enums"              # output base name: foo_enums.py, foo_enums.json, ...

A per-header value replaces the top-level one, except ``flags``, whose
entries are merged over the top-level ``flags``. Command-line flags override
both; list flags (-I, -D, --include-enum, ...) replace the list. An unknown
key is an error naming the file, the line and the key.
"""

from __future__ import annotations

import argparse
import keyword
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gen.c.search import MULTIARCH
from gen.c.targets import DEFAULT_TARGET, TARGETS
from gen.diagnostics import GenError, Location
from gen.model import GroupSpec, Module

if TYPE_CHECKING:
    import tomllib

_LIST_KEYS = ("formats", "include-dirs", "defines", "undefines", "force-includes", "include", "exclude", "docs")
_PATH_LIST_KEYS = ("include-dirs", "docs")
_SCALAR_KEYS = (
    "out-dir",
    "target",
    "shims",
    "system-includes",
    "sysroot",
    "templates",
    "ts-style",
    "depfile",
    "depfile-target",
    "strip-prefix",
    "macros",
    "werror",
    "missing-includes",
    "stem",
    "class-names",
    "ts-lookup",
    "header-comments",
    "language",
)
_BOOL_KEYS = ("shims", "system-includes", "strip-prefix", "werror", "ts-lookup", "header-comments")
_TOP_ONLY = ("headers", "header")
#: Settings of the whole run: not allowed in a per-header table.
_RUN_ONLY = ("depfile", "depfile-target")
#: The choices of keys (and options) that take one of a few words.
CHOICES = {
    "ts-style": ("const-object", "enum", "const-enum"),
    "macros": ("main", "all", "none"),
    "missing-includes": ("warn", "error"),
    "class-names": ("c", "pascal"),
    "language": ("c", "idl"),
}
_TABLE_KEYS = ("flags", "groups")
KNOWN_KEYS = frozenset(_LIST_KEYS + _SCALAR_KEYS + _TOP_ONLY + _TABLE_KEYS)


class ConfigError(GenError):
    pass


@dataclass
class HeaderSettings:
    header: str
    out_dir: Path = Path("out")
    formats: list[str] = field(default_factory=lambda: ["python", "json", "typescript"])
    include_dirs: list[str] = field(default_factory=list)
    defines: list[str] = field(default_factory=list)
    undefines: list[str] = field(default_factory=list)
    force_includes: list[str] = field(default_factory=list)
    target: str = DEFAULT_TARGET
    shims: bool = True
    #: Search the system's include folders (Linux targets; gen.c.search).
    system_includes: bool = True
    #: Look for them under this folder instead of /.
    sysroot: str | None = None
    template_dirs: list[Path] = field(default_factory=list)
    ts_style: str = "const-object"
    depfile: str | None = None
    #: The target the depfile names (default: the outputs).
    depfile_target: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    strip_prefix: bool = False
    #: Python class and TypeScript type names: "c" (as in C) or "pascal".
    class_names: str = "c"
    #: TypeScript lookup helpers (isX, nameOfX, valuesOfX) in the const-object form.
    ts_lookup: bool = True
    #: The header's own comments become descriptions (documentation pages win).
    header_comments: bool = True
    #: Which #define constants to extract: "main", "all" or "none".
    macros: str = "main"
    #: The input's language, "c" or "idl"; None: by the file's extension.
    language: str | None = None
    #: Folders of documentation pages (Microsoft SDK reference format).
    docs: list[str] = field(default_factory=list)
    #: Explicit #define groups: (name, regex, flags or None).
    groups: list[GroupSpec] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=dict)
    #: Every warning is an error.
    werror: bool = False
    #: "warn" (default: continue without the file) or "error".
    missing_includes: str = "warn"
    #: The outputs' base name; None: made from the header's name.
    stem: str | None = None
    config_file: str | None = None
    #: The folder the run works in: the config file's, when there is one
    #: (so outputs do not depend on where gen is started); None: the cwd.
    #: Relative paths in these settings are relative to it.
    root: Path | None = None

    def select(self, module: Module) -> Module:
        """Apply the include/exclude regexes to the module's enums."""
        if not self.include and not self.exclude:
            return module
        inc = [re.compile(p) for p in self.include]
        exc = [re.compile(p) for p in self.exclude]

        def keep(name: str) -> bool:
            if inc and not any(p.search(name) for p in inc):
                return False
            return not any(p.search(name) for p in exc)

        enums = tuple(e for e in module.enums if keep(e.name or ""))
        return replace(module, enums=enums)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml, from ``start`` upward, with a
    ``[tool.gen]`` table; None if there is none."""
    for candidate in pyproject_candidates(start):
        if candidate.is_file() and _has_gen_table(candidate):
            return candidate
    return None


def pyproject_candidates(start: Path) -> list[Path]:
    """Where :func:`find_pyproject` looks, nearest first."""
    start = start.resolve()
    return [folder / "pyproject.toml" for folder in [start, *start.parents]]


def _has_gen_table(path: Path) -> bool:
    import tomllib  # only a run that finds a pyproject.toml reads TOML

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Broken files on the way up are not ours to judge unless they
        # mention gen: then reading it properly reports the problem.
        try:
            # ``[tool.gen`` with its bracket missing counts too.
            return bool(re.search(r"^\s*\[\s*tool\s*\.\s*gen\b", path.read_text("utf-8", "replace"), re.M))
        except OSError:
            return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "gen" in tool


def _shown(path: Path) -> str:
    """A config path as diagnostics show it: relative to the cwd if inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _load_table(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", Location(_shown(path), 1)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(*_toml_error(exc, path)) from None
    tool = data.get("tool", {})
    table = tool.get("gen", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError("[tool.gen] must be a table", Location(_shown(path), _line_of(path, "gen", "tool")))
    return table


def _toml_error(exc: tomllib.TOMLDecodeError, path: Path) -> tuple[str, Location]:
    """tomllib's message ("Invalid value (at line 3, column 11)") as a
    message and the location it names."""
    text = str(exc)
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", text)
    if m is None:
        m = re.search(r"\s*\(at end of document\)\s*$", text)
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            lines = [""]
        where = Location(_shown(path), len(lines), len(lines[-1]) + 1)
    else:
        where = Location(_shown(path), int(m.group(1)), int(m.group(2)))
    message = text[: m.start()] if m else text
    return f"invalid TOML: {message[:1].lower()}{message[1:]}", where


def _check_keys(
    table: Mapping[str, Any], where: str, path: Path, allowed: frozenset[str], section: str = "tool.gen"
) -> None:
    for key in table:
        if key in allowed:
            continue
        message = f"unknown key '{key}' in {where}"
        if key in KNOWN_KEYS:
            message = f"'{key}' cannot be set in {where}, only in [tool.gen]"
        else:
            import difflib  # only for a mistake

            close = difflib.get_close_matches(key.replace("_", "-"), sorted(allowed), n=1)
            if close:
                message += f" (did you mean '{close[0]}'?)"
        raise ConfigError(message, Location(_shown(path), _line_of(path, key, section)))


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_DOTTED_KEY = re.compile(rf"""\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*=""")
_TABLE_HEADER = re.compile(rf"""\s*\[\[?\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*\]""")


def _dotted(text: str) -> tuple[str, ...]:
    """``tool . gen."a.h"`` -> ``("tool", "gen", "a.h")``."""
    parts = re.findall(_TOML_KEY, text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _line_of(path: Path, key: str, section: str = "tool.gen") -> int:
    """The line where ``key`` is set in the table ``section`` (dotted, as
    ``tool.gen`` or ``tool.gen.header.include/foo.h``): the line of
    ``key = ...`` in that table (dotted keys and sub-table headers count),
    else the table's header line, else 1. A best effort for messages."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    want = (*_split_section(section), key)
    current: tuple[str, ...] = ()
    header_line = 0
    for i, line in enumerate(lines, 1):
        head = _TABLE_HEADER.match(line)
        if head:
            current = _dotted(head.group(1))
            if current[: len(want)] == want:
                return i
            if current == want[:-1] and not header_line:
                header_line = i
            continue
        assign = _DOTTED_KEY.match(line)
        if assign and (*current, *_dotted(assign.group(1)))[: len(want)] == want:
            return i
    return header_line or 1


def setting_line(path: Path, name: str) -> int:
    """The first line of ``path`` that sets ``name`` (``name = ...``, in a
    table or inline), else 1: where a message about that setting points."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"""(?:^|[{{,\s])["']?{re.escape(name)}["']?\s*=""")
    return next((i for i, line in enumerate(lines, 1) if pattern.search(line)), 1)


def _split_section(section: str) -> tuple[str, ...]:
    """``tool.gen.header."a.h"`` -> ``("tool", "gen", "header", "a.h")``."""
    return _dotted(section)


def _apply(s: HeaderSettings, table: Mapping[str, Any], base: Path, path: Path, section: str = "tool.gen") -> None:
    def typed(key: str, kind: type, value: Any) -> Any:
        if not isinstance(value, kind):
            name = {"list": "list", "str": "string", "bool": "boolean (true or false)", "dict": "table"}
            where = Location(_shown(path), _line_of(path, key.split(".")[0], section))
            raise ConfigError(f"'{key}' in [{section}] must be a {name.get(kind.__name__, kind.__name__)}", where)
        return value

    for key, value in table.items():
        if key in _TOP_ONLY:
            continue
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            items = typed(key, list, value)
            for item in items:
                typed(key, str, item)
            problem = next((p for p in map(lambda i: value_problem(key, i), items) if p), None)
            if problem is None and key == "formats" and not items:
                problem = "'formats' is empty: name at least one format"
            if problem:
                raise ConfigError(problem, Location(_shown(path), _line_of(path, key, section)))
            if key in _PATH_LIST_KEYS:
                items = [_under(base, i) for i in items]
            if key == "docs":
                problems = (folder_problem(base / i, "documentation folder", Path(i)) for i in items)
                problem = next((p for p in problems if p), None)
                if problem:
                    raise ConfigError(problem, Location(_shown(path), _line_of(path, key, section)))
            elif key == "force-includes":
                items = [_force_include(i, base) for i in items]
            setattr(s, attr, list(items))
        elif key == "groups":
            s.groups = [_group_spec(g, path, section) for g in typed(key, list, value)]
        elif key == "flags":
            flags = typed(key, dict, value)
            for name, flag in flags.items():
                typed(f"flags.{name}", bool, flag)
            # Per-header entries are merged over the top-level ones.
            s.flags = {**s.flags, **flags}
        elif key in _BOOL_KEYS:
            setattr(s, attr, typed(key, bool, value))
        elif key == "out-dir":
            s.out_dir = Path(_under(base, typed(key, str, value)))
        elif key == "templates":
            s.template_dirs = [Path(_under(base, typed(key, str, value)))]
            problem = folder_problem(base / s.template_dirs[0], "template folder", s.template_dirs[0])
            if problem:
                raise ConfigError(problem, Location(_shown(path), _line_of(path, key, section)))
        elif key == "depfile":
            s.depfile = _under(base, typed(key, str, value))
        elif key == "sysroot":
            s.sysroot = _under(base, typed(key, str, value))
        else:
            text = typed(key, str, value)
            problem = value_problem(key, text)
            if problem:
                raise ConfigError(problem, Location(_shown(path), _line_of(path, key, section)))
            setattr(s, attr, text)


_FILE_KINDS = {
    stat.S_IFREG: "a file",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
}


def folder_problem(path: Path, what: str, shown: Path | None = None) -> str | None:
    """Why ``path`` cannot serve as a folder to read (missing, not a folder,
    unreadable), or None; the message names it as ``shown`` (default: path)."""
    name = (shown or path).as_posix()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return f"{what} '{name}' does not exist"
    except OSError as exc:
        return f"cannot use {what} '{name}': {exc.strerror or exc}"
    if not stat.S_ISDIR(st.st_mode):
        kind = _FILE_KINDS.get(stat.S_IFMT(st.st_mode), "not a folder")
        return f"{what} '{name}' is not a folder ({kind})"
    if not os.access(path, os.R_OK | os.X_OK):
        return f"cannot use {what} '{name}': permission denied"
    return None


def value_problem(key: str, value: str) -> str | None:
    """What is wrong with one value of ``key`` (a config key or the option
    of the same name), or None."""
    if key == "target" and value not in TARGETS:
        return f"unknown target '{value}' (known: {', '.join(sorted(TARGETS))})"
    if key in CHOICES and value not in CHOICES[key]:
        return f"unknown {key} '{value}' (known: {', '.join(CHOICES[key])})"
    if key in ("include", "exclude"):
        try:
            re.compile(value)
        except re.error as exc:
            return f"invalid regular expression {value!r}: {exc}"
    if key == "stem" and (not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value) or keyword.iskeyword(value)):
        return f"stem {value!r} is not a module name (letters, digits and '_', not first a digit, not a keyword)"
    if key == "formats" and not value.strip():
        return "an empty format name"
    return None


def _force_include(name: str, base: Path) -> str:
    """Like gcc's ``-include``: a relative name is looked up in ``base``
    (the working folder, or the config's) first, then in the include path."""
    candidate = base / name
    if not Path(name).is_absolute() and candidate.is_file():
        return str(candidate.resolve())
    return name


def _group_spec(table: Any, path: Path, section: str = "tool.gen") -> GroupSpec:
    where = Location(_shown(path), _line_of(path, "groups", section))
    if not isinstance(table, dict):
        raise ConfigError("each entry of 'groups' must be a table {name, match[, flags]}", where)
    unknown = set(table) - {"name", "match", "flags"}
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' in a 'groups' entry", where)
    name, match, flags = table.get("name"), table.get("match"), table.get("flags")
    if not isinstance(name, str) or not isinstance(match, str) or not (flags is None or isinstance(flags, bool)):
        raise ConfigError("a 'groups' entry needs name (string), match (regex string) and optional flags (bool)", where)
    try:
        re.compile(match)
    except re.error as exc:
        raise ConfigError(f"invalid regular expression {match!r}: {exc}", where) from None
    return GroupSpec(name, match, flags)


def load_settings(args: argparse.Namespace, require_headers: bool = True) -> list[HeaderSettings]:
    """One HeaderSettings per header, merged from defaults, config and flags.

    Without ``require_headers``, no header at all gives one HeaderSettings
    (header "") of the top-level settings (``--print-search-dirs``)."""
    config_path = Path(args.config) if getattr(args, "config", None) else find_pyproject(Path.cwd())
    if getattr(args, "no_config", False) and not getattr(args, "config", None):
        config_path = None
    table: dict[str, Any] = {}
    if config_path is not None:
        if not config_path.is_file():
            raise ConfigError(f"config file '{config_path}' not found")
        table = _load_table(config_path)
        _check_keys(table, "[tool.gen]", config_path, KNOWN_KEYS)
    base = config_path.parent.resolve() if config_path is not None else Path.cwd()
    per_header = _per_header_tables(table, base, config_path) if config_path is not None else {}
    # With a config, paths are kept relative to its folder (the run works
    # there); paths typed on the command line are taken from the cwd.
    root = base if config_path is not None else None
    headers: list[str] = [_from_cwd(h, root) for h in args.headers]
    if not headers and config_path is not None and "headers" in table:
        configured = table["headers"]
        if not isinstance(configured, list) or not all(isinstance(h, str) for h in configured):
            where = Location(_shown(config_path), _line_of(config_path, "headers"))
            raise ConfigError("'headers' in [tool.gen] must be a list of strings", where)
        headers = [_under(base, base / h) for h in configured]
    if not headers and require_headers:
        raise GenError("no header given (pass one, or set 'headers' in [tool.gen] of pyproject.toml)")
    if not headers:
        headers = [""]
    result: list[HeaderSettings] = []
    seen: set[Path] = set()
    for header in headers:
        try:
            resolved = ((root or Path.cwd()) / header).resolve()
        except RuntimeError:  # a symbolic link loop (Python < 3.13): reading it reports that
            resolved = Path(os.path.abspath((root or Path.cwd()) / header))
        if resolved in seen:
            continue  # the same header twice: one run is enough
        seen.add(resolved)
        s = HeaderSettings(header=header, out_dir=Path("out"), root=root)
        if config_path is not None:
            s.config_file = _under(base, config_path.resolve())
            _apply(s, table, base, config_path)
            if header and resolved in per_header:
                key, sub = per_header[resolved]
                _apply(s, sub, base, config_path, f'tool.gen.header."{key}"')
        _apply_args(s, args, root)
        _validate(s)
        result.append(s)
    return result


def _under(base: Path, path: Path | str) -> str:
    """``path`` relative to ``base`` if inside it (normalised, '/'), else absolute."""
    full = os.path.normpath(os.path.join(base, path))
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive
        return Path(full).as_posix()
    return Path(full).as_posix() if rel == ".." or rel.startswith(".." + os.sep) else Path(rel).as_posix()


def _from_cwd(path: str, root: Path | None) -> str:
    """A path typed on the command line, for a run working in ``root``."""
    return path if root is None else _under(root, Path.cwd() / path)


def _per_header_tables(table: Mapping[str, Any], base: Path, path: Path) -> dict[Path, tuple[str, Mapping[str, Any]]]:
    """``[tool.gen.header."x.h"]`` tables by resolved header path, checked."""
    raw = table.get("header", {})
    if not isinstance(raw, dict):
        where = Location(_shown(path), _line_of(path, "header"))
        raise ConfigError("'header' in [tool.gen] must be tables: [tool.gen.header.\"path/to/x.h\"]", where)
    allowed = KNOWN_KEYS - set(_TOP_ONLY) - set(_RUN_ONLY)
    found: dict[Path, tuple[str, Mapping[str, Any]]] = {}
    for key, sub in raw.items():
        section = f'tool.gen.header."{key}"'
        where = Location(_shown(path), _line_of(path, key, "tool.gen.header"))
        if not isinstance(sub, dict):
            raise ConfigError(f'[tool.gen.header."{key}"] must be a table of settings', where)
        _check_keys(sub, f'[tool.gen.header."{key}"]', path, allowed, section)
        header = (base / key).resolve()
        if not header.is_file():
            raise ConfigError(f'[tool.gen.header."{key}"] names no file (paths are relative to {_shown(path)})', where)
        if header in found:
            raise ConfigError(f'[tool.gen.header."{key}"] and ."{found[header][0]}" name the same header', where)
        found[header] = (key, sub)
    return found


def _apply_args(s: HeaderSettings, args: argparse.Namespace, root: Path | None = None) -> None:
    if args.out_dir:
        s.out_dir = Path(_from_cwd(args.out_dir, root))
    if args.formats is not None:
        s.formats = [f.strip() for item in args.formats for f in item.split(",") if f.strip()]
        if not s.formats:
            raise ConfigError(f"no output format given (-f {' '.join(map(repr, args.formats))})")
    if args.include_dirs:
        s.include_dirs = [_from_cwd(d, root) for d in args.include_dirs]
    for attr in ("defines", "undefines"):
        value = getattr(args, attr)
        if value:
            setattr(s, attr, list(value))
    if args.force_includes:
        s.force_includes = [_force_include(f, Path.cwd()) for f in args.force_includes]
    if getattr(args, "include_enums", None):
        s.include = list(args.include_enums)
    if getattr(args, "exclude_enums", None):
        s.exclude = list(args.exclude_enums)
    if getattr(args, "strip_prefix", None) is not None:
        s.strip_prefix = args.strip_prefix
    for attr in ("class_names", "ts_lookup", "header_comments"):
        if getattr(args, attr, None) is not None:
            setattr(s, attr, getattr(args, attr))
    if args.target:
        s.target = args.target
    if args.shims is not None:
        s.shims = args.shims
    if getattr(args, "system_includes", None) is not None:
        s.system_includes = args.system_includes
    if getattr(args, "sysroot", None):
        s.sysroot = _from_cwd(args.sysroot, root)
    if args.templates:
        s.template_dirs = [Path(_from_cwd(args.templates, root))]
    if args.ts_style:
        s.ts_style = args.ts_style
    if getattr(args, "depfile_target", None):
        s.depfile_target = args.depfile_target
    if getattr(args, "werror", False):
        s.werror = True
    if getattr(args, "missing_includes", None):
        s.missing_includes = args.missing_includes
    if args.depfile:
        s.depfile = _from_cwd(args.depfile, root)
    if getattr(args, "stem", None):
        s.stem = args.stem
    if getattr(args, "macros", None):
        s.macros = args.macros
    if getattr(args, "language", None):
        s.language = args.language
    if getattr(args, "docs", None):
        s.docs = [_from_cwd(d, root) for d in args.docs]


def _validate(s: HeaderSettings) -> None:
    """Check the values the command line gave (the configuration's were
    checked with their line)."""
    values = [("target", s.target), ("ts-style", s.ts_style), ("macros", s.macros), ("class-names", s.class_names)]
    values += [("missing-includes", s.missing_includes), *(("include", p) for p in s.include)]
    values += [("stem", s.stem)] if s.stem is not None else []
    values += [("language", s.language)] if s.language is not None else []
    values += [("exclude", p) for p in s.exclude]
    for key, value in values:
        problem = value_problem(key, value)
        if problem:
            raise ConfigError(problem)
    here = s.root or Path.cwd()
    if s.sysroot is not None:
        if s.target not in MULTIARCH:
            raise ConfigError(
                f"a sysroot applies to targets with system include folders ({', '.join(sorted(MULTIARCH))}), "
                f"not to {s.target}"
            )
        if not here.joinpath(s.sysroot).is_dir():
            raise ConfigError(f"sysroot '{s.sysroot}' is not a folder")
    folders = [(Path(d), "documentation folder") for d in s.docs] + [(d, "template folder") for d in s.template_dirs]
    for folder, what in folders:
        problem = folder_problem(here / folder, what, folder)
        if problem:
            raise ConfigError(problem)

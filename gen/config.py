"""Settings: command-line flags over ``[tool.gen]`` of the nearest pyproject.toml.

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
    templates = "gen-templates"     # user template folder
    ts-style = "const-object"       # or "enum", "const-enum"
    depfile = "build/gen.d"
    include = ["^IXP"]              # regexes: keep only enums whose name matches one
    exclude = []                    # regexes: drop enums whose name matches one
    strip-prefix = false            # strip members' common prefix in Python/TypeScript names
    macros = "main"                 # #define constants: "main" (this header's), "all", "none"
    groups = [{ name = "IMAP_MSGFLAGS", match = "^IMAP_MSG_", flags = true }]  # explicit #define groups
    flags = { POP3MARKTYPE = true } # force the IntFlag choice per enum

    [tool.gen.header."include/foo.h"]   # per-header settings, same keys but headers
    defines = ["FOO_EXTRA"]

Command-line flags override both; list flags (-I, -D, ...) replace the list.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gen.api import DEFAULT_TARGET, TARGETS
from gen.diagnostics import GenError, Location
from gen.macro_groups import GroupSpec
from gen.model import Module

_LIST_KEYS = ("formats", "include-dirs", "defines", "undefines", "force-includes", "include", "exclude")
_PATH_LIST_KEYS = ("include-dirs",)
_SCALAR_KEYS = ("out-dir", "target", "shims", "templates", "ts-style", "depfile", "strip-prefix", "macros")
_TOP_ONLY = ("headers", "header")
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
    template_dirs: list[Path] = field(default_factory=list)
    ts_style: str = "const-object"
    depfile: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    strip_prefix: bool = False
    #: Which #define constants to extract: "main", "all" or "none".
    macros: str = "main"
    #: Explicit #define groups: (name, regex, flags or None).
    groups: list[GroupSpec] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=dict)
    config_file: str | None = None

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
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _load_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", Location(path.as_posix(), 1)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        raise ConfigError(f"invalid TOML: {exc}", Location(path.as_posix(), line)) from None
    table = data.get("tool", {}).get("gen", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.gen] must be a table", Location(path.as_posix(), 1))
    return table


def _check_keys(table: Mapping[str, Any], where: str, path: Path, allowed: frozenset[str]) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError(f"unknown key '{key}' in {where}", Location(path.as_posix(), _line_of(path, key)))


def _line_of(path: Path, key: str) -> int:
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
                return i
    except OSError:
        pass
    return 1


def _apply(s: HeaderSettings, table: Mapping[str, Any], base: Path, path: Path) -> None:
    def typed(key: str, kind: type, value: Any) -> Any:
        if not isinstance(value, kind):
            raise ConfigError(f"'{key}' must be a {kind.__name__}", Location(path.as_posix(), _line_of(path, key)))
        return value

    for key, value in table.items():
        if key in _TOP_ONLY:
            continue
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            items = typed(key, list, value)
            for item in items:
                typed(key, str, item)
            if key in _PATH_LIST_KEYS:
                items = [str(base / i) for i in items]
            setattr(s, attr, list(items))
        elif key == "groups":
            s.groups = [_group_spec(g, path) for g in typed(key, list, value)]
        elif key == "flags":
            flags = typed(key, dict, value)
            for name, flag in flags.items():
                typed(f"flags.{name}", bool, flag)
            s.flags = dict(flags)
        elif key in ("shims", "strip-prefix"):
            setattr(s, attr, typed(key, bool, value))
        elif key == "out-dir":
            s.out_dir = base / typed(key, str, value)
        elif key == "templates":
            s.template_dirs = [base / typed(key, str, value)]
        elif key == "depfile":
            s.depfile = str(base / typed(key, str, value))
        else:
            setattr(s, attr, typed(key, str, value))


def _group_spec(table: Any, path: Path) -> GroupSpec:
    where = Location(path.as_posix(), _line_of(path, "groups"))
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


def load_settings(args: argparse.Namespace) -> list[HeaderSettings]:
    """One HeaderSettings per header, merged from defaults, config and flags."""
    config_path = Path(args.config) if getattr(args, "config", None) else find_pyproject(Path.cwd())
    table: dict[str, Any] = {}
    if config_path is not None:
        if not config_path.is_file():
            raise ConfigError(f"config file '{config_path}' not found")
        table = _load_table(config_path)
        _check_keys(table, "[tool.gen]", config_path, KNOWN_KEYS)
    base = config_path.parent if config_path is not None else Path.cwd()
    per_header: dict[str, Any] = table.get("header", {}) if table else {}
    headers: list[str] = list(args.headers)
    if not headers:
        configured = table.get("headers", [])
        headers = [_relative(base / h) for h in configured]
    if not headers:
        raise GenError("no header given (pass one, or set 'headers' in [tool.gen] of pyproject.toml)")
    result: list[HeaderSettings] = []
    for header in headers:
        s = HeaderSettings(header=header, out_dir=base / "out" if table else Path("out"))
        if table and config_path is not None:
            s.config_file = config_path.as_posix()
            _apply(s, table, base, config_path)
            for key, sub in per_header.items():
                if (base / key).resolve() == Path(header).resolve():
                    _check_keys(sub, f'[tool.gen.header."{key}"]', config_path, KNOWN_KEYS - set(_TOP_ONLY))
                    _apply(s, sub, base, config_path)
        _apply_args(s, args)
        _validate(s)
        result.append(s)
    return result


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _apply_args(s: HeaderSettings, args: argparse.Namespace) -> None:
    if args.out_dir:
        s.out_dir = Path(args.out_dir)
    if args.formats:
        s.formats = [f.strip() for item in args.formats for f in item.split(",") if f.strip()]
    for attr in ("include_dirs", "defines", "undefines", "force_includes"):
        value = getattr(args, attr)
        if value:
            setattr(s, attr, list(value))
    if args.target:
        s.target = args.target
    if args.shims is not None:
        s.shims = args.shims
    if args.templates:
        s.template_dirs = [Path(args.templates)]
    if args.ts_style:
        s.ts_style = args.ts_style
    if args.depfile:
        s.depfile = args.depfile
    if getattr(args, "macros", None):
        s.macros = args.macros


def _validate(s: HeaderSettings) -> None:
    if s.target not in TARGETS:
        raise ConfigError(f"unknown target '{s.target}' (known: {', '.join(sorted(TARGETS))})")
    if s.ts_style not in ("const-object", "enum", "const-enum"):
        raise ConfigError(f"unknown ts-style '{s.ts_style}'")
    for pattern in s.include + s.exclude:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"invalid regular expression {pattern!r}: {exc}") from None

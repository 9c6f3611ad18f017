"""Name escaping, text escaping and value formatting for the outputs.

Each function is a pure, deterministic mapping; the view model applies them
so templates never escape anything themselves. They are also registered as
Jinja filters for user templates.
"""

from __future__ import annotations

import json
import keyword
import re

# -- Python ---------------------------------------------------------------------

#: Names the enum machinery reserves or that break a class body.
_PY_ENUM_RESERVED = frozenset({"mro", "name", "value"})
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _identifier(name: str) -> str:
    """Replace characters not allowed in identifiers (C allows ``$``)."""
    out = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not out or out[0].isdigit():
        out = "_" + out
    return out


def py_name(name: str) -> str:
    """A C name as a Python module-level or class name.

    Keywords (``None``, ``class``, ...) get a trailing underscore; soft
    keywords (``match``, ``type``, ``_``) are valid names and stay.
    """
    out = _identifier(name)
    if keyword.iskeyword(out):
        out += "_"
    return out


def py_member_name(name: str) -> str:
    """A C enumerator name as an enum member name.

    On top of :func:`py_name`: ``_sunder_`` and ``__dunder__`` names are
    reserved by :mod:`enum`, and ``__private`` names would be mangled, so
    they get a ``m`` prefix; ``mro``, ``name`` and ``value`` get a trailing
    underscore.
    """
    out = py_name(name)
    sunder = len(out) > 2 and out[0] == "_" and out[-1] == "_"
    if sunder or (out.startswith("__")):
        out = "m" + out
    if out in _PY_ENUM_RESERVED:
        out += "_"
    return out


def py_all_order(names: list[str]) -> list[str]:
    """``__all__`` in the isort-style order ruff's RUF022 expects:
    SCREAMING_CASE, then CamelCase, then the rest, each in natural order."""

    def key(name: str) -> tuple[int, list[str | int]]:
        category = 0 if name == name.upper() else 1 if name[:1].isupper() else 2
        parts: list[str | int] = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]
        return category, parts

    return sorted(names, key=key)


def py_docstring(text: str) -> str:
    """Text for a triple-double-quoted docstring body (no quotes added)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", out)
    return out


def py_string(text: str) -> str:
    """A Python string literal (double-quoted) for ``text``."""
    return json.dumps(text, ensure_ascii=False)


# -- TypeScript -------------------------------------------------------------------

_TS_RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "await",
        "any",
        "boolean",
        "number",
        "string",
        "symbol",
        "type",
        "of",
        "undefined",
        "never",
        "unknown",
        "object",
        "bigint",
        "arguments",
        "eval",
    ]
)
MAX_SAFE_INTEGER = 2**53 - 1


def ts_name(name: str) -> str:
    """A C name as a TypeScript binding (``export const``/``enum``/``type``)."""
    out = re.sub(r"[^A-Za-z0-9_$]", "_", name)
    if not out or out[0].isdigit():
        out = "_" + out
    if out in _TS_RESERVED:
        out += "_"
    return out


def ts_key(name: str) -> str:
    """A property or enum member name; reserved words are fine there."""
    if re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", name):
        return name
    return json.dumps(name)


def ts_value(value: int) -> str:
    """A number literal, or a bigint literal past 2**53 (numbers lose precision)."""
    if abs(value) > MAX_SAFE_INTEGER:
        return f"{value}n"
    return str(value)


def comment_text(text: str) -> str:
    """Text safe inside a ``/* */`` or JSDoc comment, on one line per line."""
    out = text.replace("*/", "*\\/")
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", out)
    return out


def line_comment(text: str) -> str:
    """Text safe after ``#`` or ``//``: one line, no control characters."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", text).split())


# -- values ------------------------------------------------------------------------


def hex_value(value: int, bits: int = 32) -> str:
    """``0x...`` with at least 8 digits; negatives as ``-0x...``."""
    digits = max(8, (bits + 3) // 4) if bits > 32 else 8
    if value < 0:
        return f"-0x{-value:0{digits}X}"
    return f"0x{value:0{digits}X}"


def unsigned32(value: int) -> str:
    """The unsigned 32-bit spelling of a signed value (``0x800CCC19``)."""
    return f"0x{value & 0xFFFFFFFF:08X}"


def json_value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


FILTERS = {
    "py_name": py_name,
    "py_member_name": py_member_name,
    "py_docstring": py_docstring,
    "py_string": py_string,
    "ts_name": ts_name,
    "ts_key": ts_key,
    "ts_value": ts_value,
    "comment_text": comment_text,
    "line_comment": line_comment,
    "hex_value": hex_value,
    "unsigned32": unsigned32,
    "json": json_value,
}

"""Name escaping, text escaping and value formatting for the outputs.

Each function is a pure, deterministic mapping; the view model applies them
so templates never escape anything themselves. They are also registered as
Jinja filters for user templates.

The name mapping (C name -> Python / TypeScript name), in order:

1. Characters a language does not allow in names become ``_`` (C allows
   ``$``: TypeScript keeps it, Python does not; C also allows Unicode
   characters both languages refuse, such as ``²``, and invisible ones,
   which never stay); a name that would start with a digit or a combining
   mark gets a leading ``_``. Other Unicode letters stay (``café``). Python
   names are in NFKC form, the form Python itself reads them in (C ``ﬁ``
   and ``fi`` are then one name: rule 6 tells them apart).
2. Python, module level (:func:`py_name`: enum classes, constants of
   anonymous enums): keywords (``None``, ``class``; soft keywords such as
   ``match``, ``type`` and ``_`` are valid names and stay) and the names the
   generated module binds itself (``enum``, ``Final``) get a trailing ``_``;
   ``__dunder__`` names (``__name__``, ``__all__``, ``__debug__``) get an
   ``m`` prefix.
3. Python, enum members (:func:`py_member_name`): keywords get a trailing
   ``_``; ``_sunder_`` names (reserved by :mod:`enum`: ``_missing_``,
   ``_ignore_``, ``_order_``, any ``_x_``) and every name starting with
   ``__`` (dunders are not members, ``__private`` names are mangled and are
   not members either) get an ``m`` prefix; names that clash with what
   every member already has get a trailing ``_``: ``mro`` (rejected by
   :mod:`enum`), ``name`` and ``value`` (mypy rejects ``name = 1`` and
   mistypes ``.value`` of every member once a member is called ``value``),
   ``unsigned`` (the property HRESULT classes have), and int's public attributes (``real``, ``imag``, ``numerator``,
   ``denominator``, ``bit_length``, ``bit_count``, ``to_bytes``,
   ``from_bytes``, ``conjugate``, ``as_integer_ratio``, ``is_integer``:
   ``E.A.real`` would be the member ``real``, and mypy rejects most).
   Once the class name is known, a member name :mod:`enum` takes for a
   private name of the class (``_E__x`` in class ``E``) gets an ``m``
   prefix too (``gen.output.viewmodel``).
4. TypeScript bindings (:func:`ts_name`: ``export const``, ``type``,
   ``enum``): reserved words of strict-mode modules, ``arguments``,
   ``eval``, names a type alias or enum cannot have (``any``,
   ``number``, ``undefined``, ``as``, ...) and the names a CommonJS module
   has or its emitted prologue uses (``require``, ``exports``, ``module``,
   ``__filename``, ``__dirname``, ``__esModule``, ``Object``) get a
   trailing ``_``.
5. TypeScript keys (:func:`ts_key`: const-object properties, enum members)
   stay as written (reserved words are fine there) except ``__proto__``,
   which in an object literal sets the prototype instead of adding a
   property (and in an enum does the same through assignment): it becomes
   ``__proto___``.
6. Names must stay distinct where they share a scope (members of one enum;
   everything a module exports: classes or const objects of named enums
   and the constants of anonymous ones). :func:`unique_names` decides: a
   name the mapping left unchanged keeps it; a changed name that is already
   taken gets ``_2``, ``_3``, ... (just ``2``, ``3``, ... after a name that
   ends in ``_``), the first that is free, in declaration order. So C
   ``None`` and ``None_`` in one enum become ``None_2`` and ``None_``, and
   C ``$`` and ``_`` become ``_2`` and ``_`` (never ``__2``, which Python
   would mangle). The JSON always has the C names.

Text that ends up in comments, docstrings or string literals is escaped by
:func:`py_docstring`, :func:`py_string`, :func:`comment_text` and
:func:`line_comment`; lone surrogates (from undecodable file names) become
U+FFFD in all of them, so every output encodes as UTF-8, and invisible
characters (bidi controls, zero-width characters, :data:`INVISIBLE_RE`) are
written as escapes, decoded in strings and visible in comments.
"""

from __future__ import annotations

import dataclasses
import json
import keyword
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

# -- Python ---------------------------------------------------------------------

#: Member names that clash with what every enum member has (see rule 3).
_PY_ENUM_RESERVED = frozenset(
    {
        "mro",
        "name",
        "value",
        "real",
        "imag",
        "numerator",
        "denominator",
        "bit_length",
        "bit_count",
        "to_bytes",
        "from_bytes",
        "conjugate",
        "as_integer_ratio",
        "is_integer",
        "unsigned",
    }
)
#: Names the generated Python module binds itself (``import enum``, ``Final``).
_PY_MODULE_RESERVED = frozenset({"enum", "Final"})
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


#: Default-ignorable code points (Unicode's DerivedCoreProperties): invisible
#: wherever they stand, so never kept in a name even where a language would
#: take them (a name must look like what it is).
_INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def _name_char(c: str) -> bool:
    """Whether ``c`` may continue a name in Python and in TypeScript (both
    take Unicode's XID_Continue characters; C allows more, such as ``²``)."""
    if c.isascii():
        return c.isalnum() or c == "_"
    return ("a" + c).isidentifier() and not _INVISIBLE_RE.match(c)


def _identifier(name: str, keep: str = "") -> str:
    """Replace characters not allowed in identifiers (C allows ``$``, and
    Unicode characters that are not XID_Continue: rule 1); ``keep`` lists
    ASCII characters the language allows besides ``[A-Za-z0-9_]``."""
    if _IDENT_RE.match(name):
        return name  # the common case, and already a name in every language
    out = "".join(c if c in keep or _name_char(c) else "_" for c in name)
    if not out or not (out[0] in keep or (out[0] + "a").isidentifier()):
        out = "_" + out  # a digit, or a mark that cannot start a name
    return out


def _py_identifier(name: str) -> str:
    # Python reads names in NFKC form ("ﬁ" is "fi", "x²" would be "x2"): use
    # that form, so that the name in the module is the name Python binds.
    out = unicodedata.normalize("NFKC", _identifier(unicodedata.normalize("NFKC", name)))
    if keyword.iskeyword(out):
        out += "_"
    return out


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def py_name(name: str) -> str:
    """A C name as a Python module-level or class name (rules 1 and 2)."""
    out = _py_identifier(name)
    if _is_dunder(out):
        out = "m" + out
    if out in _PY_MODULE_RESERVED:
        out += "_"
    return out


def py_member_name(name: str) -> str:
    """A C enumerator name as an enum member name (rules 1 and 3)."""
    out = _py_identifier(name)
    sunder = len(out) > 2 and out[0] == "_" and out[-1] == "_"
    if sunder or out.startswith("__"):
        out = "m" + out
    if out in _PY_ENUM_RESERVED:
        out += "_"
    return out


def unique_names(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Distinct names for ``(original, escaped)`` pairs in one scope (rule 6).

    Unchanged names are placed first (the first of equal ones wins); then
    each changed or repeated name takes the first free ``<name>_<k>``
    (``<name><k>`` if the name ends in ``_``), ``k`` = 2, 3, ... A name
    ending in a digit is never a keyword, a ``_sunder_`` or ``__dunder__``
    name, nor reserved, and no suffix creates a leading ``__``: the result
    is valid wherever the escaped names were.
    """
    used: set[str] = set()
    out: list[str | None] = [None] * len(pairs)
    for i, (original, escaped) in enumerate(pairs):
        if escaped == original and escaped not in used:
            used.add(escaped)
            out[i] = escaped
    for i, (_, escaped) in enumerate(pairs):
        if out[i] is None:
            name, k = escaped, 2
            stem = escaped if escaped.endswith("_") else escaped + "_"
            while name in used:
                name, k = f"{stem}{k}", k + 1
            used.add(name)
            out[i] = name
    return [n for n in out if n is not None]


def unique_derived(taken: set[str], wanted: Sequence[str]) -> list[str]:
    """Names made up by gen (helpers) for one scope that already holds
    ``taken``: each keeps its name if free, else takes ``_2``, ``_3``, ..."""
    used = set(taken)
    out: list[str] = []
    for name in wanted:
        candidate, k = name, 2
        stem = name if name.endswith("_") else name + "_"
        while candidate in used:
            candidate, k = f"{stem}{k}", k + 1
        used.add(candidate)
        out.append(candidate)
    return out


def pascal_case(name: str) -> str:
    """``SMTP_COMMAND`` -> ``SmtpCommand``, ``tagPOP3_MARK`` -> ``TagPop3Mark``.

    The name is split at ``_``; a word without lower-case letters is
    capitalised (``SMTP`` -> ``Smtp``), a word with some keeps its case after
    an upper-cased first letter (``myEnum`` -> ``MyEnum``). A name with no
    ``_`` and no lower-case letter is one word: ``SMTPCOMMAND`` ->
    ``Smtpcommand`` (there is no telling where its words end).
    """
    words = [w for w in name.split("_") if w]
    out = "".join(w[0].upper() + (w[1:] if any(c.islower() for c in w) else w[1:].lower()) for w in words)
    return out or name


def unique_members(members: Sequence[Any]) -> tuple[Any, ...]:
    """Member views of one enum with distinct ``py_name`` and ``ts_key``."""
    py = unique_names([(m.c_name, m.py_name) for m in members])
    ts = unique_names([(m.c_name, m.ts_key) for m in members])
    return tuple(
        m if (m.py_name, m.ts_key) == (p, t) else dataclasses.replace(m, py_name=p, ts_key=t)
        for m, p, t in zip(members, py, ts, strict=True)
    )


def unique_exports(views: Sequence[Any]) -> list[Any]:
    """Enum views with distinct module-level names in each language.

    A named enum exports its class (``py_name``) and const/type/enum
    (``ts_name``); an anonymous enum exports each member as a constant
    (the member's ``py_name``, also escaped as a module-level name, and its
    ``ts_name``). All of them share one namespace per language.
    """
    slots: list[tuple[int, int | None]] = []
    py_pairs: list[tuple[str, str]] = []
    ts_pairs: list[tuple[str, str]] = []
    for i, v in enumerate(views):
        if v.c_name:
            slots.append((i, None))
            py_pairs.append((v.c_name, v.py_name))
            ts_pairs.append((v.c_name, v.ts_name))
            continue
        for j, m in enumerate(v.members):
            slots.append((i, j))
            py_pairs.append((m.c_name, py_name(m.py_name)))
            ts_pairs.append((m.c_name, m.ts_name))
    py = unique_names(py_pairs)
    ts = unique_names(ts_pairs)
    out = list(views)
    members: dict[int, list[Any]] = {}
    for (i, slot), p, t in zip(slots, py, ts, strict=True):
        if slot is None:
            if (out[i].py_name, out[i].ts_name) != (p, t):
                out[i] = dataclasses.replace(out[i], py_name=p, ts_name=t)
            continue
        row = members.setdefault(i, list(out[i].members))
        if (row[slot].py_name, row[slot].ts_name) != (p, t):
            row[slot] = dataclasses.replace(row[slot], py_name=p, ts_name=t)
    for i, row in members.items():
        out[i] = dataclasses.replace(out[i], members=tuple(row))
    return out


def py_all_order(names: list[str]) -> list[str]:
    """``__all__`` in the order ruff's RUF022 ("isort-style") expects.

    Categories first: SCREAMING_CASE (more than one character, every cased
    character upper case), then names starting with an upper-case letter,
    then the rest (``_``, ``_x``, ``lower``); within one, the natural order
    of the ``natord`` crate ruff uses (:func:`natural_compare`).
    """

    def category(name: str) -> int:
        if len(name) > 1 and name.isupper():
            return 0
        return 1 if name[:1].isupper() else 2

    return sorted(names, key=lambda name: (category(name), natural_key(name)))


_NATURAL_TOKEN_RE = re.compile("[0-9]+|.", re.S)


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key in the order of :func:`natural_compare`: computed once per
    name, where a comparison function runs for every pair sorting compares.

    Each character is ``(code point, 0, "")`` and each run of digits
    ``(ord("0"), length, digits)``, with length 0 for a run starting with
    ``0``: runs then sort among themselves as natural_compare says, and
    against any other character as their first digit; whitespace is left out.
    """
    key: list[tuple[int, int, str]] = []
    for token in _NATURAL_TOKEN_RE.findall(text):
        if token[0] in _DIGITS:
            key.append((0x30, 0 if token[0] == "0" else len(token), token))
        elif not token.isspace():
            key.append((ord(token), 0, ""))
    return tuple(key)


def natural_compare(a: str, b: str) -> int:
    """-1, 0 or 1: Martin Pool's natural order as the ``natord`` crate does it.

    Runs of digits compare as numbers (``a2`` < ``a10``), except that a run
    starting with ``0`` compares digit by digit, left-aligned (``a015`` <
    ``a12``); whitespace is skipped; other characters compare by code point.
    """
    i = j = 0
    while True:
        while i < len(a) and a[i].isspace():
            i += 1
        while j < len(b) and b[j].isspace():
            j += 1
        if i == len(a) or j == len(b):
            return (i < len(a)) - (j < len(b))
        x, y = a[i], b[j]
        if x in _DIGITS and y in _DIGITS:
            run_a = len(a[i:]) - len(a[i:].lstrip(_DIGITS))
            run_b = len(b[j:]) - len(b[j:].lstrip(_DIGITS))
            da, db = a[i : i + run_a], b[j : j + run_b]
            if x == "0" or y == "0":
                common = min(run_a, run_b)
                if da[:common] != db[:common]:
                    return -1 if da[:common] < db[:common] else 1
                if run_a != run_b:
                    return -1 if run_a < run_b else 1
            elif run_a != run_b:
                return -1 if run_a < run_b else 1
            elif da != db:
                return -1 if da < db else 1
            i, j = i + run_a, j + run_b
            continue
        if x != y:
            return -1 if x < y else 1
        i, j = i + 1, j + 1


_DIGITS = "0123456789"


_SURROGATE_RE = re.compile("[\ud800-\udfff]")

#: Characters a reader cannot see or that reorder what they see: C1 controls,
#: and Unicode's format characters (Cf: bidi embeddings, overrides and
#: isolates U+202A-U+202E and U+2066-U+2069, marks U+200E/U+200F/U+061C,
#: zero-width spaces and joiners, the BOM, tags) and line/paragraph separators
#: (Zl, Zp: line ends in JavaScript). Every output spells them as escapes
#: (ruff's PLE2502 and the "Trojan Source" attack, CVE-2021-42574).
#: tests/test_escaping.py checks this class against the running Python's
#: Unicode database.
INVISIBLE_RE = re.compile(
    "[\x80-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) as U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text)


def _py_escape(char: str) -> str:
    """A Python string escape for one character."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every invisible character (:data:`INVISIBLE_RE`) written
    as its escape (``\\u202e``), for comments and messages, where no escape
    is decoded: the reader sees that something was there."""
    return INVISIBLE_RE.sub(lambda m: _py_escape(m.group()), text)


def py_docstring(text: str) -> str:
    """Text for a triple-double-quoted docstring body (no quotes added)."""
    out = _encodable(text).replace("\\", "\\\\").replace('"', '\\"')
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", out)
    return visible(out)


def py_string(text: str) -> str:
    """A Python string literal (double-quoted) for ``text``."""
    return visible(json.dumps(_encodable(text), ensure_ascii=False))


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
        "as",
        "never",
        "unknown",
        "object",
        "bigint",
        "arguments",
        "eval",
        # CommonJS: the module wrapper's parameters and what TypeScript's
        # emitted prologue uses (`Object.defineProperty(exports, "__esModule", ...)`).
        "require",
        "exports",
        "module",
        "__filename",
        "__dirname",
        "__esModule",
        "Object",
    ]
)
MAX_SAFE_INTEGER = 2**53 - 1


def ts_name(name: str) -> str:
    """A C name as a TypeScript binding (``export const``/``enum``/``type``)."""
    out = _identifier(name, keep="$")
    if out in _TS_RESERVED:
        out += "_"
    return out


def ts_key(name: str) -> str:
    """A property or enum member name; reserved words are fine there, but
    ``__proto__`` would set the prototype instead (rule 5)."""
    if name == "__proto__":
        return "__proto___"
    if name and _identifier(name, keep="$") == name:
        return name
    return json.dumps(name)


def ts_value(value: int, bigint: bool = False) -> str:
    """A number literal, or a bigint literal when ``bigint`` or past 2**53
    (numbers lose precision there)."""
    if bigint or abs(value) > MAX_SAFE_INTEGER:
        return f"{value}n"
    return str(value)


def comment_text(text: str) -> str:
    """Text safe inside a ``/* */`` or JSDoc comment, on one line per line
    (invisible characters written as escapes)."""
    out = _encodable(text).replace("*/", "*\\/")
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", out)
    return visible(out)


def line_comment(text: str) -> str:
    """Text safe after ``#`` or ``//``: one line, no control characters,
    invisible characters written as escapes."""
    return visible(" ".join(re.sub(r"[\x00-\x1f\x7f]", " ", _encodable(text)).split()))


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


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


#: Strings JSON spells as they are: printable ASCII but ``"`` and ``\\``.
_PLAIN_JSON_RE = re.compile(r"[ !#-\[\]-~]*\Z")


def json_value(value: object) -> str:
    """``value`` as JSON; invisible characters (they only occur in strings) as ``\\uXXXX`` escapes."""
    # The JSON output calls this for every field of every member: spell the
    # common values directly, as json.dumps would, without its overhead.
    if value is None or type(value) is bool:
        return "null" if value is None else "true" if value else "false"
    if type(value) is str and _PLAIN_JSON_RE.match(value):
        return f'"{value}"'
    return INVISIBLE_RE.sub(lambda m: _json_escape(m.group()), _encodable(json.dumps(value, ensure_ascii=False)))


FILTERS = {
    "py_name": py_name,
    "pascal_case": pascal_case,
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

"""Differential property tests: gen's values against the machine's gcc.

Hypothesis writes random headers: typedefs, enums (tagged, anonymous,
typedef'd, nested in structs), enumerators whose initializers use every C
operator, casts (int, unsigned, long, long long, unsigned char, short, _Bool,
typedef names, enum types), sizeof, character constants, integer literals of
every base and suffix, references to earlier enumerators and #define macros
(object- and function-like), #if/#else blocks, and junk around them
(comments, string literals holding "enum { ... }", prototypes, #if 0
sections, line splices, CRLF line ends, Latin-1 bytes in comments), with
names that are Python or TypeScript keywords, builtins or enum-machinery
names.

For each header, gen runs in-process (the real CLI, ``--target
x86_64-linux-gnu``), and a small C program made of the same header and one
``printf`` per enumerator and macro is compiled with gcc and run. Then:

* if gcc accepts the header, gen must succeed and every enumerator gcc
  prints must be in gen's JSON with the same value (and no other
  enumerator may be there); every integer macro gen puts in a group must
  have gcc's value;
* if gcc rejects it (a C extension gcc refuses and clang accepts, such as
  an implicit value past INT_MAX or the comma operator), the same program
  is compiled with clang; if clang accepts it, gen must agree with clang;
* if gen fails, clang must refuse the program too (gcc folds some things
  C does not call constant, such as ``x / 0 < 0u``, which clang refuses);
* without a clang binary, the libclang wheel (test extra) stands in for
  clang: it parses the program and gives the enumerators' values (not the
  macros', which need a run);
* if both reject it, gen must either succeed or fail cleanly;
* failing cleanly means exit code 2, one ``file:line:col: error: ...`` line
  per problem (plus the "nothing written" summary), no traceback and no
  file in the output folder;
* whenever gen succeeds, its Python output is executed and its enum
  classes and constants carry the JSON's values in order, with no name
  lost to a collision; a sample of the Python and TypeScript outputs is
  also type-checked (mypy --strict, ruff, tsc --strict) at the end.

Why ``--target x86_64-linux-gnu``: gcc on this machine is LP64 (``long``
is 64 bits); gen's default target is LLP64. Running gen for the same data
model lets the generator use ``long`` freely.

Where gcc and clang fold the same C differently, the generator stays on
the side where they agree (gen follows clang):

* shift counts are integer literals in [0, 31], always below the width of
  the promoted left operand (for counts >= the width or negative, clang
  clamps or reverses the shift, gcc gives 0 or refuses);
* unsuffixed (or ``l``/``ll``) decimal literals stay <= LLONG_MAX (above,
  gcc gives them type __int128, clang unsigned long long);
* no C23 fixed underlying types (``enum X : short``; gcc 12 lacks them) and
  no ``i64``-style MS suffixes.

Run more cases with ``GEN_PROPERTY_EXAMPLES`` (see CONTRIBUTING.md)::

    GEN_PROPERTY_EXAMPLES=10000 python3 -m pytest tests/test_properties.py -q
"""

from __future__ import annotations

import contextlib
import enum
import io
import json
import os
import re
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, node_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gen.run.cli import main as gen_main

EXAMPLES = int(os.environ.get("GEN_PROPERTY_EXAMPLES", "250"))
#: Seconds one gen run may take before the example counts as a hang.
HANG_SECONDS = 60
GCC = shutil.which("gcc")
CLANG = shutil.which("clang")
try:  # clang's verdict without a clang binary: the libclang wheel (test extra)
    import clang.cindex as cindex
except ImportError:  # pragma: no cover - the test extra installs it
    cindex = None
pytestmark = pytest.mark.skipif(GCC is None, reason="gcc is not installed")

DIAGNOSTIC_RE = re.compile(r"^[^\n]*:\d+(:\d+)?: (error|warning|note): [^\n]*$|^gen: \d+ error\(s\); nothing written$")

# -- names ----------------------------------------------------------------------------

C_KEYWORDS = frozenset(
    """auto break case char const continue default do double else enum extern float for goto if inline int long
    register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while
    asm typeof _Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn _Static_assert
    _Thread_local""".split()  # noqa: SIM905 - a word list reads better this way
)
#: Names that break something in the generated outputs unless escaped.
INTERESTING_NAMES = (  # noqa: SIM905
    # Python keywords and soft keywords that are valid C names
    "None True False and as assert async await class def del elif except finally from global import in is "
    "lambda nonlocal not or pass raise try with yield match type _ "
    # Python builtins and names the generated module binds
    "print len str list dict object id range Final "
    # what every enum member has, or enum reserves
    "name value mro real imag numerator bit_length to_bytes _missing_ _ignore_ _order_ _value_ _x_ "
    "__private __init__ __all__ __name__ __debug__ __x__ ___ "
    # TypeScript reserved words and names a type or enum cannot have
    "debugger delete export extends function instanceof new null super this throw true false typeof var "
    "implements interface let package private protected public any boolean number string symbol of undefined "
    "never unknown object bigint arguments eval __proto__ constructor prototype toString NaN Infinity "
    # C allows $ in names; TypeScript keeps it, Python does not
    "$ $x a$b"
).split()
#: Names the harness uses, and macros gcc or gen predefine.
RESERVED = frozenset({"printf", "main", "GEN_P"}) | C_KEYWORDS


def _predefined_macro_names() -> frozenset[str]:
    names: set[str] = set()
    for path in (REPO / "gen" / "data").glob("predefined-*.h"):
        names.update(re.findall(r"^#define (\w+)", path.read_text(encoding="utf-8"), re.M))
    if GCC:
        out = subprocess.run([GCC, "-dM", "-E", "-std=gnu17", "-"], input="", capture_output=True, text=True)
        names.update(re.findall(r"^#define (\w+)", out.stdout, re.M))
    return frozenset(names)


EXCLUDED = RESERVED | _predefined_macro_names()
RANDOM_NAME = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_letters),
    st.text(string.ascii_letters + string.digits + "_", max_size=7),
)
#: Names C11 allows beyond ASCII (Annex D; gcc 12 and clang 18 take them in
#: C17 mode), written in UTF-8 or as universal character names: accents,
#: other scripts, NFKC pairs that Python reads as one name ("\ufb01"/"fi",
#: "\u00b5"/"\u03bc", "x\u00b2"/"x2", fullwidth letters), characters
#: Python refuses ("\u00b2", a leading Arabic digit) and an invisible one C
#: allows (U+200D). Bidi controls (U+202A-U+202E), which C allows too, are
#: left out here: the docstrings naming such an enum need item 12's escaping
#: of bidi controls in outputs (ruff's PLE2502).
UNICODE_NAMES = (
    *("café", "Ünï", "naïve", "π", "日本語", "ß", "\ufb01", "fi", "x\u00b2", "x2", "\u210c", "\u00b5", "\u03bc"),
    *("\u01c4", "\uff46\uff55\uff4c\uff4c", "a\u200db", "caf\\u00e9x", "\\u00e9t\\u00e9", "\u0663abc", "Ωmega"),
)
NAME = st.one_of(
    st.sampled_from([n for n in INTERESTING_NAMES if n not in EXCLUDED]),
    RANDOM_NAME,
    st.sampled_from(UNICODE_NAMES),
)


def canonical(name: str) -> str:
    """A C name with its universal character names replaced by the characters."""
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m[1] or m[2], 16)), name)


# -- types and literals ---------------------------------------------------------------------

INTEGER_TYPES = (
    "int",
    "unsigned",
    "unsigned int",
    "signed",
    "long",
    "long int",
    "unsigned long",
    "long long",
    "unsigned long long",
    "short",
    "unsigned short",
    "short int",
    "char",
    "signed char",
    "unsigned char",
    "_Bool",
)
EDGE_VALUES = (
    0,
    1,
    2,
    7,
    255,
    256,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x7FFFFFFF,
    0x80000000,
    0xFFFFFFFF,
    0x100000000,
    2**53,
    2**53 + 1,
    2**63 - 1,
    2**63,
    2**64 - 1,
)
SUFFIXES = ("", "", "", "u", "U", "l", "L", "ul", "UL", "lu", "ll", "LL", "ull", "ULL", "llu")
LLONG_MAX = 2**63 - 1
CHARS = ("'a'", "'Z'", "'0'", "'\\n'", "'\\0'", "'\\\\'", "'\\''", "'\\x7f'", "'\\xff'", "'\\377'", "'\\x41'",
         "'ab'", "'abcd'", "'\\xff\\xfe'", "L'a'", "u'b'", "U'c'", "' '", "'\"'")  # fmt: skip


@st.composite
def int_literal(draw: st.DrawFn) -> str:
    value = draw(st.one_of(st.sampled_from(EDGE_VALUES), st.integers(0, 300), st.integers(0, 2**64 - 1)))
    base = draw(st.sampled_from(("dec", "dec", "hex", "oct", "bin")))
    suffix = draw(st.sampled_from(SUFFIXES))
    if base == "dec" and value > LLONG_MAX and "u" not in suffix.lower():
        suffix += "u"  # gcc types such a literal __int128, clang unsigned long long
    text = {"dec": str(value), "hex": f"0x{value:x}", "oct": f"0{value:o}", "bin": f"0b{value:b}"}[base]
    if base == "hex" and draw(st.booleans()):
        text = text.upper().replace("0X", "0x")
    return text + suffix


# -- the header model ---------------------------------------------------------------------


@dataclass
class Scope:
    """What the header has declared so far (what an expression may use)."""

    used: set[str] = field(default_factory=set)
    constants: list[str] = field(default_factory=list)  # enumerators, in order
    typedefs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # completed enum tags
    macros: list[str] = field(default_factory=list)  # object-like, integer valued
    pp_macros: list[str] = field(default_factory=list)  # usable in #if too
    functions: list[str] = field(default_factory=list)  # function-like macros of one argument
    branches: int = 0


@dataclass
class Header:
    text: str
    #: Names of enumerators, each with the branch marker guarding it (or None).
    enumerators: list[tuple[str, str | None]]
    macros: list[str]
    crlf: bool = False

    def source(self) -> bytes:
        text = self.text.replace("\n", "\r\n") if self.crlf else self.text
        return encode(text)


def encode(text: str) -> bytes:
    """UTF-8; lone surrogates U+DC80-U+DCFF stand for bytes that are not UTF-8."""
    return text.encode("utf-8", "surrogateescape")


def fresh_name(draw: st.DrawFn, scope: Scope) -> str:
    """A name not used yet (suffixed ``_<k>`` if drawn twice or excluded);
    ``caf\\u00e9`` and ``café`` are one name in C."""
    name, k = draw(NAME), len(scope.used)
    while canonical(name) in scope.used or name in EXCLUDED or name.startswith("GEN_"):
        name, k = f"{name}_{k}", k + 1
    scope.used.add(canonical(name))
    return name


def expression(draw: st.DrawFn, scope: Scope, depth: int) -> str:
    """A C integer constant expression (a string) over what ``scope`` holds."""
    leaves = 3 + bool(scope.constants) + bool(scope.macros)
    kind = draw(st.integers(0, 12 if depth > 0 else leaves - 1))
    if kind == 0:
        return draw(int_literal())
    if kind == 1:
        return draw(st.sampled_from(CHARS))
    if kind == 2:
        t = draw(st.sampled_from(INTEGER_TYPES + tuple(scope.typedefs) + tuple(f"enum {t}" for t in scope.tags)))
        return f"sizeof({t})"
    if kind == 3 and scope.constants:
        return draw(st.sampled_from(scope.constants))
    if kind in (3, 4) and scope.macros:
        return draw(st.sampled_from(scope.macros))
    if kind <= 4:
        return draw(int_literal())
    sub = depth - 1
    if kind == 5:
        op = draw(st.sampled_from(("-", "+", "~", "!")))
        operand = expression(draw, scope, sub)
        return f"{op}({operand})" if draw(st.booleans()) or op in "-+" else f"{op}{_wrap(draw, operand)}"
    if kind == 6:
        t = draw(st.sampled_from(INTEGER_TYPES + tuple(scope.typedefs) + tuple(f"enum {t}" for t in scope.tags)))
        return f"({t}){_wrap(draw, expression(draw, scope, sub), force=True)}"
    if kind == 7:
        count = draw(st.integers(0, 31))
        op = draw(st.sampled_from(("<<", ">>")))
        return f"({_wrap(draw, expression(draw, scope, sub))} {op} {count})"
    if kind == 8:
        cond, a, b = (expression(draw, scope, sub) for _ in range(3))
        return f"({_wrap(draw, cond)} ? {_wrap(draw, a)} : {_wrap(draw, b)})"
    if kind == 9 and scope.functions:
        return f"{draw(st.sampled_from(scope.functions))}({expression(draw, scope, sub)})"
    if kind == 10 and draw(st.integers(0, 9)) == 0:
        # The comma operator: clang folds it (with a warning), gcc refuses.
        return f"({expression(draw, scope, sub)}, {expression(draw, scope, sub)})"
    if kind == 11:
        return f"sizeof({expression(draw, scope, sub)})"
    op = draw(st.sampled_from(("+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "<=", ">=", "==", "!=", "&&", "||")))
    left, right = expression(draw, scope, sub), expression(draw, scope, sub)
    return f"{_wrap(draw, left)} {op} {_wrap(draw, right)}"


def _wrap(draw: st.DrawFn, text: str, force: bool = False) -> str:
    """Parenthesize an operand, or not: both parsers must then agree on precedence."""
    simple = re.fullmatch(r"[\w$']+|'[^']*'|\([^()]*\)", text) is not None
    if simple or (not force and draw(st.integers(0, 3)) == 0):
        return text
    return f"({text})"


def pp_expression(draw: st.DrawFn, scope: Scope, depth: int, in_macro: bool = False) -> str:
    """An #if expression: literals, macros, undefined names (0), defined().

    ``in_macro``: for a macro body that enumerator initializers use too, so
    no ``defined`` and no undefined names."""
    kind = draw(st.integers(0, 7 if depth > 0 else (1 if in_macro else 3)))
    if kind == 0:
        return draw(st.sampled_from(("0", "1", "2", "-1", "0x7fffffff", "0xffffffffffffffff", "'a'", "'\\377'", "1u")))
    if kind == 1:
        return draw(st.sampled_from(scope.pp_macros)) if scope.pp_macros else "1"
    if kind in (2, 3) and in_macro:
        return "1"
    if kind == 2:
        name = draw(st.sampled_from(scope.macros + ["GEN_UNDEFINED", "unknown_name"]))
        return f"defined({name})" if draw(st.booleans()) else f"defined {name}"
    if kind == 3:
        return "GEN_UNDEFINED"
    sub = depth - 1
    if kind == 4:
        return f"{draw(st.sampled_from(('-', '~', '!')))}({pp_expression(draw, scope, sub, in_macro)})"
    if kind == 5:
        a, b, c = (pp_expression(draw, scope, sub, in_macro) for _ in range(3))
        return f"(({a}) ? ({b}) : ({c}))"
    if kind == 6:
        return f"(({pp_expression(draw, scope, sub, in_macro)}) << {draw(st.integers(0, 31))})"
    op = draw(st.sampled_from(("+", "-", "*", "/", "%", "&", "|", "^", "<", ">=", "==", "!=", "&&", "||")))
    return f"({pp_expression(draw, scope, sub, in_macro)}) {op} ({pp_expression(draw, scope, sub, in_macro)})"


def enum_item(draw: st.DrawFn, scope: Scope, guard: str | None, out: list[tuple[str, str | None]]) -> str:
    depth = draw(st.integers(0, 4))
    tag = fresh_name(draw, scope) if draw(st.booleans()) else None
    members: list[str] = []
    names: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        name = fresh_name(draw, scope)
        if draw(st.integers(0, 3)) == 0:
            members.append(name)  # implicit value
        else:
            attribute = " __attribute__((deprecated))" if draw(st.integers(0, 30)) == 0 else ""
            members.append(f"{name}{attribute} = {expression(draw, scope, depth)}")
        scope.constants.append(name)  # visible to the next initializers
        names.append(name)
    out.extend((n, guard) for n in names)
    sep = draw(st.sampled_from((", ", ",\n    ", " ,", ",\\\n  ")))
    body = sep.join(members) + ("," if draw(st.booleans()) else "")
    head = f"enum {tag} " if tag else "enum "
    form = draw(st.integers(0, 4))
    if tag:
        scope.tags.append(tag)
    if form == 0 or (form == 1 and not tag):
        td = fresh_name(draw, scope)
        scope.typedefs.append(td)
        pointer = f", *{fresh_name(draw, scope)}" if draw(st.integers(0, 3)) == 0 else ""
        return f"typedef {head}{{\n    {body}\n}} {td}{pointer};\n"
    if form == 1:
        # The common typedef enum tagX {...} X;
        scope.typedefs.append(tag or "")
        return f"typedef {head}{{ {body} }} {tag};\n"
    if form == 2:
        struct = fresh_name(draw, scope)
        field_name = fresh_name(draw, scope)
        return f"struct {struct} {{\n    int first;\n    {head}{{ {body} }} {field_name};\n}};\n"
    return f"{head}{{{body}}};\n"


# -- directives with comments and line splices ---------------------------------------------------

_PP_TOKEN_RE = re.compile(
    r"""[^\W\d]\w*|\\u[0-9A-Fa-f]{4}\w*|\.?\d(?:[eEpP][+-]|[\w.'])*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"
    |<<|>>|<=|>=|==|!=|&&|\|\||\#\#|\S""",
    re.X,
)
#: What may stand where a directive has a space: comments are one space
#: (C11 5.1.1.2, also when they span lines), splices join lines.
SPACES = (" ", "\t", " \\\n", "\\\n ", "/**/", " /* c */ ", "/* a comment\n   spanning lines */", " /* a\\\n b */")
#: What may stand where a directive has no space (``NAME(`` of a function-like macro).
NO_SPACES = ("", "\\\n")
ENDINGS = ("", " // c", " /* c */", " /* a comment\n   spanning lines */", " \\\n")


def directive(draw: st.DrawFn, line: str) -> str:
    """``line`` (a directive) with comments and line splices at token
    boundaries, now and then inside a name, and after it."""
    if draw(st.integers(0, 2)) == 0:
        return line + "\n"
    out: list[str] = []
    pos = 0
    for m in _PP_TOKEN_RE.finditer(line):
        gap = line[pos : m.start()]
        if out:
            out.append(draw(st.sampled_from(SPACES if gap else NO_SPACES)))
        token = m.group()
        if len(token) > 2 and token[0].isalpha() and token.isascii() and draw(st.integers(0, 5)) == 0:
            cut = draw(st.integers(1, len(token) - 1))
            token = token[:cut] + "\\\n" + token[cut:]  # a splice inside a name
        out.append(token)
        pos = m.end()
    ending = draw(st.sampled_from(ENDINGS))
    # A splice at the end joins the next line: make that one empty.
    return "".join(out) + ending + ("\n\n" if ending.endswith("\n") else "\n")


def junk_item(draw: st.DrawFn, scope: Scope) -> str:
    kind = draw(st.integers(0, 10))
    if kind == 0:
        name = fresh_name(draw, scope)
        base = draw(st.sampled_from(INTEGER_TYPES + tuple(f"enum {t}" for t in scope.tags)))
        scope.typedefs.append(name)
        return f"typedef {base} {name};\n"
    if kind == 1:
        name = fresh_name(draw, scope)
        if draw(st.booleans()):
            text = directive(
                draw, f"#define {name} ({pp_expression(draw, scope, draw(st.integers(0, 2)), in_macro=True)})"
            )
            scope.pp_macros.append(name)
        else:
            text = directive(draw, f"#define {name} ({expression(draw, scope, draw(st.integers(0, 3)))})")
        scope.macros.append(name)
        return text
    if kind == 2:
        name = fresh_name(draw, scope)
        op = draw(st.sampled_from(("+", "*", "|", "-", "^")))
        text = directive(draw, f"#define {name}(x) ((x) {op} {expression(draw, scope, 1)})")
        scope.functions.append(name)
        return text
    if kind == 3:
        words = draw(
            st.lists(
                st.sampled_from(["enum", "{", "}", "A", "=", "1", ";", "*", "/", "//", '"', "é", "x"]), max_size=12
            )
        )
        return "/* " + " ".join(words).replace("*/", "* /") + " */\n"
    if kind == 4:
        continued = " \\\n   still the comment" if draw(st.booleans()) else ""
        return f"// enum {{ FAKE = 1 }};{continued}\n"
    if kind == 5:
        return f'static const char *{fresh_name(draw, scope)} = "enum {{ Z = 1 }}; /* not a comment */";\n'
    if kind == 6:
        return f"{draw(st.sampled_from(INTEGER_TYPES))} {fresh_name(draw, scope)}(int a, long b, const char *c);\n"
    if kind == 7:
        junk = draw(st.lists(st.sampled_from(["enum", "{", "@", "`", "#error", "x", "= 1", "}", ";", "'"]), max_size=8))
        return directive(draw, "#if 0") + " ".join(junk) + "\n" + directive(draw, "#endif")
    if kind == 8:
        return "/* caf\udce9 \udca9 2024 (a Latin-1 comment: invalid UTF-8) */\n"
    if kind == 9:
        return f"extern unsigned long {fresh_name(draw, scope)};\n"
    return "\n\t\n"


@st.composite
def headers(draw: st.DrawFn) -> Header:
    scope = Scope()
    enumerators: list[tuple[str, str | None]] = []
    parts: list[str] = [directive(draw, "#pragma once")] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 6))):
        for _ in range(draw(st.integers(0, 3))):
            parts.append(junk_item(draw, scope))
        if draw(st.integers(0, 3)) == 0:
            # An #if block: gen must take the branch gcc takes.
            scope.branches += 1
            marker = f"GEN_BRANCH_{scope.branches}"
            cond = pp_expression(draw, scope, draw(st.integers(0, 3)))
            # What one branch declares is unknown in the other and after both.
            saved = (list(scope.constants), list(scope.typedefs), list(scope.tags))
            then = enum_item(draw, scope, f"{marker} == 1", enumerators)
            scope.constants, scope.typedefs, scope.tags = (list(x) for x in saved)
            other = enum_item(draw, scope, f"{marker} == 0", enumerators)
            scope.constants, scope.typedefs, scope.tags = (list(x) for x in saved)
            parts.append(
                directive(draw, f"#if {cond}")
                + directive(draw, f"#define {marker} 1")
                + then
                + directive(draw, "#else")
                + directive(draw, f"#define {marker} 0")
                + other
                + directive(draw, "#endif")
            )
        else:
            parts.append(enum_item(draw, scope, None, enumerators))
    return Header("".join(parts), enumerators, list(scope.macros), crlf=draw(st.integers(0, 9)) == 0)


# -- the oracles -----------------------------------------------------------------------------


class HarnessCrash(Exception):
    """The compiled harness died: a macro evaluated at run time trapped (INT_MIN / -1)."""


def harness(header: Header, with_macros: bool = True) -> str:
    """A C program: the header, then one line per enumerator and macro: name, sign, magnitude."""
    lines = [
        "int printf(const char *, ...);",
        header.text,
        '#define GEN_P(X) printf("%s %d %llu\\n", #X, (X) < 0, '
        "(X) < 0 ? 0ULL - (unsigned long long)(X) : (unsigned long long)(X))",
        "int main(void) {",
    ]
    for name, guard in header.enumerators:
        lines.append(f"#if {guard}\n  GEN_P({name});\n#endif" if guard else f"  GEN_P({name});")
    if with_macros:
        lines.extend(f"  GEN_P({m});" for m in header.macros)
    lines += ["  return 0;", "}", ""]
    return "\n".join(lines)


def compiled_values(compiler: str, program: str, folder: Path) -> dict[str, int] | None:
    """Build and run ``program``: name -> value, or None if the compiler refuses it."""
    src = folder / "harness.c"
    src.write_bytes(encode(program))
    exe = folder / "harness"
    build = subprocess.run(
        [compiler, "-std=gnu17", "-w", "-fno-diagnostics-color", "-o", str(exe), str(src)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if build.returncode != 0:
        return None
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise HarnessCrash(f"{exe} exited {run.returncode}")
    values: dict[str, int] = {}
    for line in run.stdout.splitlines():
        name, negative, magnitude = line.split()
        values[canonical(name)] = -int(magnitude) if negative == "1" else int(magnitude)
    return values


def libclang_values(program: str, header: Header, folder: Path) -> dict[str, int] | None:
    """What clang makes of ``program`` (x86_64-linux-gnu, gnu17) through the
    libclang wheel: None if it has errors, else the value of each of the
    header's enumerators (macros need a run: they are left out)."""
    assert cindex is not None
    src = folder / "libclang.c"
    src.write_bytes(encode(program))
    tu = cindex.Index.create().parse(str(src), args=["-x", "c", "-target", "x86_64-linux-gnu", "-std=gnu17", "-w"])
    if any(d.severity >= cindex.Diagnostic.Error for d in tu.diagnostics):
        return None
    names = {canonical(n) for n, _ in header.enumerators}
    return {
        canonical(c.spelling): c.enum_value
        for c in tu.cursor.walk_preorder()
        if c.kind == cindex.CursorKind.ENUM_CONSTANT_DECL and canonical(c.spelling) in names
    }


# -- gen, in-process ---------------------------------------------------------------------------


@dataclass
class GenRun:
    code: int
    stderr: str
    outputs: dict[str, str]


class Hang(BaseException):
    """Raised in gen's stack when a run takes too long; a BaseException so
    that no ``except Exception`` in gen turns it into a diagnostic."""


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(_sig: int, _frame: Any) -> None:
        raise Hang(f"gen ran longer than {seconds} s (a hang?)")

    if not hasattr(signal, "SIGALRM"):  # Windows: no alarm
        yield
        return
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_gen(header: Path, out: Path, *args: str) -> GenRun:
    config = header.parent / "empty.toml"
    config.write_text("", encoding="utf-8")
    err, sink = io.StringIO(), io.StringIO()
    with time_limit(HANG_SECONDS), contextlib.redirect_stderr(err), contextlib.redirect_stdout(sink):
        code = gen_main(["-q", "--no-cache", "--config", str(config), "-o", str(out), *args, str(header)])
    outputs = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())} if out.is_dir() else {}
    return GenRun(code, err.getvalue(), outputs)


def assert_clean_failure(run: GenRun) -> None:
    assert run.code == 2, f"exit code {run.code}\n{run.stderr}"
    lines = run.stderr.splitlines()
    assert lines, "no diagnostic"
    bad = [line for line in lines if not DIAGNOSTIC_RE.match(line)]
    assert not bad, f"not one-line diagnostics: {bad}"
    assert not run.outputs, f"files written on error: {sorted(run.outputs)}"


def json_values(run: GenRun) -> tuple[dict[str, int], dict[str, int], dict[str, Any]]:
    """(enumerators, macro-group members) by name, and the JSON itself."""
    (text,) = [t for n, t in run.outputs.items() if n.endswith(".json")]
    data = json.loads(text)
    enums: dict[str, int] = {}
    macros: dict[str, int] = {}
    for e in data["enums"]:
        target = macros if e.get("origin") == "macros" else enums
        for m in e["members"]:
            assert m["name"] not in target, f"{m['name']} appears twice in the JSON"
            target[m["name"]] = m["value"]
    return enums, macros, data


def check_python(run: GenRun, data: dict[str, Any]) -> str:
    """Execute the Python output; its classes and constants hold the JSON's values."""
    (name, text) = next((n, t) for n, t in run.outputs.items() if n.endswith(".py"))
    module = types.ModuleType("gen_property_output")
    exec(compile(text, name, "exec"), module.__dict__)  # our own generated code
    classes = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, enum.Enum)]
    named = [e for e in data["enums"] if e["name"] is not None]
    assert [[m.value for m in c.__members__.values()] for c in classes] == [
        [m["value"] for m in e["members"]] for e in named
    ]
    for c, e in zip(classes, named, strict=True):
        if issubclass(c, enum.IntFlag):
            assert e["flags"] and all(m["value"] >= 0 for m in e["members"]), f"{c.__name__}: negative IntFlag"
    constants = [v for k, v in vars(module).items() if k in module.__all__ and not isinstance(v, type)]
    anonymous = [m["value"] for e in data["enums"] if e["name"] is None for m in e["members"]]
    assert constants == anonymous
    assert len(module.__all__) == len(set(module.__all__)) == len(classes) + len(anonymous)
    return text


# -- the property --------------------------------------------------------------------------------

#: Outputs kept for the type-checking test at the end (one compile for all):
#: every STRIDE-th successful example, at most MAX_SAMPLES of them.
SAMPLES: list[tuple[str, str]] = []
MAX_SAMPLES = 60
STRIDE = max(1, EXAMPLES // MAX_SAMPLES)
_seen = [0]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(headers())
def test_values_agree_with_gcc(header: Header) -> None:
    assert GCC is not None
    with tempfile.TemporaryDirectory(prefix="gen-prop-") as tmp:
        folder = Path(tmp)
        path = folder / "input.h"
        path.write_bytes(header.source())
        run = run_gen(path, folder / "out", "--target", "x86_64-linux-gnu")
        assert "Traceback" not in run.stderr, run.stderr
        program = harness(header)
        try:
            gcc_values = compiled_values(GCC, program, folder)
        except HarnessCrash:
            # Macros are printed at run time, where an overflowing division
            # traps; the enumerators (compile-time constants) still compare.
            program = harness(header, with_macros=False)
            gcc_values = compiled_values(GCC, program, folder)
        clang_values = None
        clang_known = CLANG is not None or cindex is not None
        if CLANG is not None and (gcc_values is None or run.code != 0):
            try:
                clang_values = compiled_values(CLANG, program, folder)
            except HarnessCrash:
                program = harness(header, with_macros=False)
                clang_values = compiled_values(CLANG, program, folder)
        elif cindex is not None and (gcc_values is None or run.code != 0):
            clang_values = libclang_values(program, header, folder)
        if run.code != 0:
            assert_clean_failure(run)
            # gcc also folds some expressions C does not call constant (x / 0 < 0u
            # is 0 for it); gen follows clang, which refuses them.
            refused = clang_values is None if clang_known else gcc_values is None
            who = "clang" if clang_known else "gcc"
            assert refused, f"gen failed where {who} succeeds:\n{run.stderr}\n{header.text}"
            return
        oracle, who = (gcc_values, "gcc") if gcc_values is not None else (clang_values, "clang")
        assert run.code == 0 and not [ln for ln in run.stderr.splitlines() if ": error: " in ln], run.stderr
        enums, macros, data = json_values(run)
        text = check_python(run, data)
        _seen[0] += 1
        if len(SAMPLES) < MAX_SAMPLES and _seen[0] % STRIDE == 0:
            SAMPLES.append((text, next(t for n, t in run.outputs.items() if n.endswith(".ts"))))
        if oracle is None:
            return  # neither compiler accepts this header: nothing to compare with
        macro_names = {canonical(m) for m in header.macros}
        expected = {n: v for n, v in oracle.items() if n not in macro_names}
        wrong = {n: (enums.get(n), v) for n, v in expected.items() if enums.get(n) != v}
        extra = sorted(set(enums) - set(expected))
        assert not wrong and not extra, f"gen vs {who}: wrong (gen, {who}) {wrong}; extra {extra}\n{header.text}"
        wrong_macros = {n: (v, oracle[n]) for n, v in macros.items() if n in oracle and oracle[n] != v}
        assert not wrong_macros, f"macro groups vs {who}: (gen, {who}) {wrong_macros}\n{header.text}"


def test_sampled_outputs_type_check(tmp_path: Path) -> None:
    """The outputs the property test kept pass mypy --strict, ruff and tsc --strict."""
    if not SAMPLES:
        pytest.skip("run together with test_values_agree_with_gcc")
    py_files, ts_files = [], []
    for i, (py, ts) in enumerate(SAMPLES):
        (tmp_path / f"m{i:04d}.py").write_text(py, encoding="utf-8")
        (tmp_path / f"m{i:04d}.ts").write_text(ts, encoding="utf-8")
        py_files.append(str(tmp_path / f"m{i:04d}.py"))
        ts_files.append(str(tmp_path / f"m{i:04d}.ts"))
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", *py_files], capture_output=True, text=True
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy"),
            *py_files,
        ],
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    tsc = subprocess.run(
        [str(node_tool("tsc")), "--strict", "--erasableSyntaxOnly", "--noEmit", "--target", "es2022", *ts_files],
        capture_output=True,
        text=True,
    )
    assert tsc.returncode == 0, tsc.stdout + tsc.stderr


# -- the same headers for gen's default target, against clang ----------------------------------------

LLP64_EXAMPLES = int(os.environ.get("GEN_PROPERTY_EXAMPLES_LLP64", str(max(1, EXAMPLES // 2))))
LLP64_TARGET = "x86_64-w64-mingw32"


def c_literal(value: int) -> str:
    return f"{value}ULL" if value >= 0 else f"(-{-value - 1}LL - 1)"


def llp64_check_program(header: Header, enums: dict[str, int], macros: dict[str, int]) -> str:
    """The header, then one static assertion per value gen computed (exact: value and sign)."""
    lines = [header.text]
    for i, (name, value) in enumerate(sorted({**enums, **macros}.items())):
        if name in {canonical(m) for m in header.macros} or name in enums:
            check = f"({name}) == {c_literal(value)} && (({name}) < 0) == {int(value < 0)}"
        elif name.startswith("GEN_BRANCH_"):
            check = f"{name} == {value}"
        else:
            continue
        # Through an enumerator: clang folds there what a static assertion
        # alone would refuse as not an integer constant expression (a comma).
        lines.append(f'enum {{ GEN_OK_{i} = ({check}) }};\n_Static_assert(GEN_OK_{i}, "{name}");')
    return "\n".join(lines) + "\n"


def clang_accepts(program: str, folder: Path) -> tuple[bool, str]:
    assert CLANG is not None
    src = folder / "check.c"
    src.write_bytes(encode(program))
    proc = subprocess.run(
        [CLANG, f"--target={LLP64_TARGET}", "-std=gnu17", "-fsyntax-only", "-w", "-fno-color-diagnostics", str(src)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode == 0, proc.stderr


@pytest.mark.skipif(CLANG is None, reason="clang is not installed")
@settings(
    max_examples=LLP64_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(headers())
def test_values_agree_with_clang_llp64(header: Header) -> None:
    """gen's default target (LLP64: long is 32 bits) against clang for the
    same target: clang checks gen's values with one _Static_assert each."""
    with tempfile.TemporaryDirectory(prefix="gen-prop-llp64-") as tmp:
        folder = Path(tmp)
        path = folder / "input.h"
        path.write_bytes(header.source())
        run = run_gen(path, folder / "out")
        assert "Traceback" not in run.stderr, run.stderr
        header_ok, _ = clang_accepts(header.text, folder)
        if run.code != 0:
            assert_clean_failure(run)
            assert not header_ok, f"gen failed where clang succeeds:\n{run.stderr}\n{header.text}"
            return
        enums, macros, data = json_values(run)
        check_python(run, data)
        if not header_ok:
            return
        # Which branch of each #if gen took, and so which enumerators it must have.
        expected = {n for n, guard in header.enumerators if guard is None or eval_guard(guard, macros)}
        assert set(enums) == expected, f"enumerators: gen has {sorted(set(enums) ^ expected)} wrong\n{header.text}"
        ok, errors = clang_accepts(llp64_check_program(header, enums, macros), folder)
        wrong = re.findall(r'"([^"\n]+)"\s*$', errors, re.M)
        assert ok, f"clang ({LLP64_TARGET}) disagrees with gen on {wrong}:\n{errors[:3000]}\n{header.text}"


def eval_guard(guard: str, macros: dict[str, int]) -> bool:
    marker, _, value = guard.partition(" == ")
    assert marker in macros, f"{marker} is missing from gen's macro groups"
    return macros[marker] == int(value)

"""Names and text never break the generated code.

C names that are keywords, builtins, soft keywords or names the enum
machinery owns, TypeScript reserved words, names that escape to the same
name, aliases; doc text with quotes, comment terminators, backslashes and
control characters; values a target cannot hold as a plain number. Each
output is imported or compiled: Python with ruff and mypy --strict,
TypeScript with tsc --strict and run by Node, JSON against the schema.
The mapping itself is documented in gen/output/filters.py.
"""

from __future__ import annotations

import ast
import enum
import functools
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from conftest import REPO, node_tool
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gen.c.inttypes import LLP64, IntTypes
from gen.diagnostics import Location
from gen.model import Enum, Member, Module
from gen.output import filters
from gen.output.render import discover_formats, make_environment, render
from gen.output.viewmodel import module_view

TYPES = IntTypes(LLP64)
SCHEMA = json.loads((REPO / "gen" / "schema" / "gen-enums.schema.json").read_text(encoding="utf-8"))
TS_STYLES = ("const-object", "enum", "const-enum")

# -- the mapping, name by name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("c_name", "member", "module", "ts_name", "ts_key"),
    [
        ("plain", "plain", "plain", "plain", "plain"),
        ("None", "None_", "None_", "None", "None"),
        ("class", "class_", "class_", "class_", "class"),
        ("lambda", "lambda_", "lambda_", "lambda", "lambda"),
        ("match", "match", "match", "match", "match"),  # soft keywords are names
        ("type", "type", "type", "type_", "type"),
        ("_", "_", "_", "_", "_"),
        ("print", "print", "print", "print", "print"),
        ("name", "name_", "name", "name", "name"),
        ("value", "value_", "value", "value", "value"),
        ("mro", "mro_", "mro", "mro", "mro"),
        ("real", "real_", "real", "real", "real"),
        ("bit_length", "bit_length_", "bit_length", "bit_length", "bit_length"),
        ("_missing_", "m_missing_", "_missing_", "_missing_", "_missing_"),
        ("_ignore_", "m_ignore_", "_ignore_", "_ignore_", "_ignore_"),
        ("_x_", "m_x_", "_x_", "_x_", "_x_"),
        ("__private", "m__private", "__private", "__private", "__private"),
        ("__init__", "m__init__", "m__init__", "__init__", "__init__"),
        ("__all__", "m__all__", "m__all__", "__all__", "__all__"),
        ("___", "m___", "___", "___", "___"),
        ("Final", "Final", "Final_", "Final", "Final"),
        ("$", "_", "_", "$", "$"),
        ("a$b", "a_b", "a_b", "a$b", "a$b"),
        ("__proto__", "m__proto__", "m__proto__", "__proto__", "__proto___"),
        ("as", "as_", "as_", "as_", "as"),
        ("number", "number", "number", "number_", "number"),
        ("yield", "yield_", "yield_", "yield_", "yield"),
        ("arguments", "arguments", "arguments", "arguments_", "arguments"),
        ("undefined", "undefined", "undefined", "undefined_", "undefined"),
        ("constructor", "constructor", "constructor", "constructor", "constructor"),
    ],
)
def test_name_mapping(c_name: str, member: str, module: str, ts_name: str, ts_key: str) -> None:
    assert filters.py_member_name(c_name) == member
    assert filters.py_name(c_name) == module
    assert filters.ts_name(c_name) == ts_name
    assert filters.ts_key(c_name) == ts_key


def test_unique_names_keeps_unescaped_names_and_numbers_the_rest() -> None:
    pairs = [
        ("None", "None_"),
        ("None_", "None_"),
        ("$x", "_x"),
        ("_x", "_x"),
        ("_x_2", "_x_2"),
        ("A", "A"),
        ("A", "A"),
    ]
    assert filters.unique_names(pairs) == ["None_2", "None_", "_x_3", "_x", "_x_2", "A", "A_2"]
    assert filters.unique_names([("$", "_"), ("_", "_")]) == ["_2", "_"]  # not __2: Python would mangle it


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["_", "$", "__", "_2", "None", "None_", "name", "__x"]),
            st.from_regex(r"[A-Za-z_$][A-Za-z0-9_$]{0,5}", fullmatch=True),
        ),
        max_size=30,
    )
)
def test_unique_names_are_distinct_and_valid(names: list[str]) -> None:
    for escape in (filters.py_member_name, filters.py_name, filters.ts_name, filters.ts_key):
        out = filters.unique_names([(n, escape(n)) for n in names])
        assert len(set(out)) == len(out)
        assert all(escape(n) == n for n in out), out  # a suffix never needs escaping again


_NATURAL_TEXT = st.text(alphabet="0019/:a_ \u00e9", max_size=6)


@given(_NATURAL_TEXT, _NATURAL_TEXT)
@example("a2", "a10").via("numbers")
@example("a015", "a12").via("a leading 0: digit by digit")
@example("01", "1").via("a leading 0 first")
@example("x1 2", "x12").via("whitespace")
@settings(max_examples=300)
def test_natural_key_sorts_as_natural_compare(a: str, b: str) -> None:
    ka, kb = filters.natural_key(a), filters.natural_key(b)
    assert (ka > kb) - (ka < kb) == filters.natural_compare(a, b)


@given(st.lists(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,6}", fullmatch=True), max_size=30))
def test_py_all_order_is_ruffs_order(names: list[str]) -> None:
    def category(name: str) -> int:
        return 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2

    def compare(a: str, b: str) -> int:
        return (category(a) - category(b)) or filters.natural_compare(a, b)

    assert filters.py_all_order(names) == sorted(names, key=functools.cmp_to_key(compare))


# -- names, through the whole pipeline ------------------------------------------------------------

NAMES_HEADER = r"""
typedef enum Keywords {
    None, None_, True, False, class, def, lambda, match, type, print, str, nonlocal, await, async
} Keywords;

enum Machinery {
    name, value, mro, real, imag, bit_length, to_bytes, numerator,
    _missing_, _ignore_, _order_, _value_, _generate_next_value_, __private, __init__, ___, m__private
};

enum TsWords {
    debugger, delete, export, function, instanceof, new, null, super, this, throw, typeof, var, with,
    implements, interface, let, package, private, protected, public, yield, boolean, number,
    string, symbol, of, undefined, never, unknown, object, bigint, arguments, eval, as,
    __proto__, __proto___, constructor, prototype, toString, NaN, Infinity
};

enum Dollars { $ = 1, $x = 2, a$b = 3, _x = 4, a_b = 5, _ = 6 };

/* aliases: duplicate values */
enum Alias { P = 1, Q = 1, R = P, S = 2 };

/* enum and typedef names that need escaping (an enumerator 'any' above
   would redefine 'any' as another kind of symbol: C refuses that) */
typedef enum { CLS1 = 1 } class_t, *class_p;
typedef enum { FIN1 = 1 } Final;
typedef enum { NUM1 = 7 } number_t;
typedef enum tag_any { ANY1 = 8 } any;

/* the same name for two enums: a tag and another enum's typedef */
enum X { X_TAG = 1 };
typedef enum { X_TYPEDEF = 2 } X;

/* anonymous constants: module-level names */
enum { Y = 5, __name__ = 6, __all__ = 7, undefined_, Keywords_, enum_, nothing = 0 };
enum Y { Y_TAG = 9 };
"""


def generate(tmp_path: Path, header_text: str, *args: str, name: str = "names") -> dict[str, Path]:
    folder = tmp_path / f"{name}{'_'.join(args).replace('-', '')}"
    folder.mkdir()
    (folder / f"{name}.h").write_text(header_text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "-q", "--no-cache", "-o", "out", *args, f"{name}.h"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "GEN_CACHE_DIR": str(tmp_path / ".gen-cache"), "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    return {p.suffix: p for p in (folder / "out").iterdir()}


def import_path(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"escaping_{path.parent.parent.name}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_python(path: Path) -> ModuleType:
    """Import; ruff and mypy --strict pass."""
    module = import_path(path)
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", str(path)], capture_output=True, text=True
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)], capture_output=True, text=True
    )
    assert mypy.returncode == 0, mypy.stdout
    return module


def run_typescript(path: Path, style: str, tmp: Path) -> dict[str, Any]:
    """Compile with tsc --strict (and --erasableSyntaxOnly for the default
    form) and return what Node sees exported (bigints as {"bigint": "..."})."""
    # Node's type stripping needs --erasableSyntaxOnly, which enums do not pass.
    erasable = ["--erasableSyntaxOnly"] if style == "const-object" else ["--preserveConstEnums"]
    out = tmp / f"js-{path.parent.parent.name}"
    build = subprocess.run(
        [
            str(node_tool("tsc")),
            "--strict",
            *erasable,
            "--target",
            "es2020",
            "--module",
            "commonjs",
            "--outDir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout
    script = (
        "const m = require(process.argv[1]);"
        "console.log(JSON.stringify(m, (k, v) => typeof v === 'bigint' ? {bigint: v.toString()} : v));"
    )
    run = subprocess.run(["node", "-e", script, str(out / (path.stem + ".js"))], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    exported: dict[str, Any] = json.loads(run.stdout)
    return exported


def ts_number(v: Any) -> int:
    if isinstance(v, dict):
        return int(v["bigint"])
    return int(v)  # a number, or a string in the enum forms past 2**53


def check_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return data


@pytest.mark.parametrize("style", TS_STYLES)
def test_names_in_every_output(tmp_path: Path, style: str) -> None:
    out = generate(tmp_path, NAMES_HEADER, "--ts-style", style)
    data = check_json(out[".json"])
    named = [e for e in data["enums"] if e["name"] is not None and e["origin"] == "enum"]
    anonymous = [m for e in data["enums"] if e["name"] is None for m in e["members"]]

    # Python (the same for every TypeScript style): every enum is a class,
    # every member is there with its value.
    py = check_python(out[".py"]) if style == "const-object" else import_path(out[".py"])
    classes = [v for v in vars(py).values() if isinstance(v, type) and issubclass(v, enum.Enum)]
    assert [[m.value for m in c.__members__.values()] for c in classes] == [
        [m["value"] for m in e["members"]] for e in named
    ]
    assert len(py.__all__) == len(set(py.__all__)) == len(classes) + len(anonymous)
    assert py.Keywords.None_2 == 0 and py.Keywords.None_ == 1 and py.Keywords.class_ == 4
    assert py.Machinery.name_ == 0 and py.Machinery.value_ == 1 and py.Machinery.real_ == 3
    assert py.Machinery.m__private_2 == 13 and py.Machinery.m__private == 16
    assert py.Machinery["m_missing_"] == 8 and py.Machinery["m___"] == 15
    assert (py.Dollars._2, py.Dollars._x_2, py.Dollars.a_b_2, py.Dollars._x, py.Dollars.a_b, py.Dollars._) == (
        1,
        2,
        3,
        4,
        5,
        6,
    )
    assert py.Alias.Q is py.Alias.P and py.Alias.R is py.Alias.P and len(py.Alias) == 2
    assert py.class_t.CLS1 == 1 and py.Final_.FIN1 == 1 and py.any.ANY1 == 8
    assert py.X.X_TAG == 1 and py.X_2.X_TYPEDEF == 2  # one name, two enums: the second is X_2
    assert py.Y == 5 and py.Y_2.Y_TAG == 9  # the first in the header keeps the name
    assert (py.m__name__, py.m__all__, py.undefined_, py.Keywords_, py.enum_, py.nothing) == (6, 7, 8, 9, 10, 0)

    # TypeScript: keys are the C names (but __proto__), bindings are escaped.
    exported = run_typescript(out[".ts"], style, tmp_path)
    ts_names = {"Keywords": "Keywords", "Machinery": "Machinery", "TsWords": "TsWords", "Dollars": "Dollars"}
    for c_name, ts in ts_names.items():
        (e,) = [e for e in named if e["name"] == c_name]
        obj = {k: ts_number(v) for k, v in exported[ts].items() if not k.isdigit() and not k.startswith("-")}
        expected = {m["name"]: m["value"] for m in e["members"]}
        if c_name == "TsWords":
            expected["__proto___2"] = expected.pop("__proto__")
        assert obj == expected, c_name
    assert ts_number(exported["X"]["X_TAG"]) == 1 and ts_number(exported["X_2"]["X_TYPEDEF"]) == 2
    assert ts_number(exported["any_"]["ANY1"]) == 8 and ts_number(exported["number_t"]["NUM1"]) == 7
    assert ts_number(exported["Y"]) == 5 and ts_number(exported["Y_2"]["Y_TAG"]) == 9
    assert ts_number(exported["undefined_"]) == 8
    assert ts_number(exported["__name__"]) == 6 and ts_number(exported["enum_"]) == 10


def test_escaped_names_with_strip_prefix(tmp_path: Path) -> None:
    header = "enum P { P_None, P_class, P_name, P_ok };\nenum Q { Q_A, Q_B };\n"
    out = generate(tmp_path, header, "--strip-prefix", name="strip")
    py = check_python(out[".py"])
    # An enum whose stripped names would need escaping keeps its full names.
    assert [m.name for m in py.P] == ["P_None", "P_class", "P_name", "P_ok"]
    assert [m.name for m in py.Q] == ["A", "B"]


# -- text, through a Module built by hand -----------------------------------------------------------

NASTY = [
    '"""',
    "'''",
    'ends with a quote"',
    "ends with a backslash \\",
    "back\\slash \\n \\x41 \\u0041 \\",
    "*/ export const PWNED = 1; /*",
    "/* nested /* comment */",
    '"""; import os; os.system("echo pwned"); """',
    "line\nbreak and\r\ncarriage\rreturn",
    "nul\x00 bell\x07 esc\x1b[31m del\x7f",
    "line separators \u2028 and \u2029 and next-line \x85",
    "vertical\x0btab and form\x0cfeed and\ttab",
    "# not a comment // nor this </script> ${x} `backtick`",
    "a lone surrogate \ud800 from a file name",
    "emoji \U0001f600 and accents \u00e9\u00e8",
    "@deprecated {@link Nothing} @type {string}",
    "\\",
    "",
]


def nasty_module(source: str = 'dir/evil"""*/\n#x\u2028name.h') -> Module:
    loc = Location(source, 1, 1)
    members = tuple(Member(f"M{i}", i, str(i), Location(source, i + 2, 3), doc=text) for i, text in enumerate(NASTY))
    return Module(
        source=source,
        enums=(
            Enum("tagNASTY", ("NASTY",), members, loc, TYPES.int, doc="\n\n".join(NASTY)),
            Enum(None, (), (Member("LONE", 42, None, loc, doc=NASTY[5] + NASTY[7]),), loc, TYPES.int, doc=NASTY[8]),
        ),
    )


def render_all(module: Module, style: str) -> dict[str, str]:
    env = make_environment()
    formats = discover_formats([])
    view = module_view(module, "nasty", target="x86_64-w64-mingw32", ts_style=style)
    return {
        f".{formats[name].extension}": render(env, formats[name], view) for name in ("python", "json", "typescript")
    }


def normalized(text: str) -> str:
    """What a one-line doc becomes: whitespace runs to one space, lone surrogates to U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", " ".join(text.split()))


@pytest.mark.parametrize("style", TS_STYLES)
def test_doc_text_cannot_break_out(tmp_path: Path, style: str) -> None:
    outputs = render_all(nasty_module(), style)
    for suffix, text in outputs.items():
        text.encode("utf-8")  # every output encodes (no lone surrogates)
        (tmp_path / f"nasty{suffix}").write_text(text, encoding="utf-8")

    # Python: the only code is what the template writes; docstrings hold the text.
    tree = ast.parse(outputs[".py"])
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    for doc in NASTY:
        if doc.strip():
            assert any(normalized(doc) in s for s in strings), repr(doc)
    imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert [ast.unparse(n) for n in imports] == ["import enum", "from typing import Final"]
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    py = check_python(tmp_path / "nasty.py") if style == "const-object" else import_path(tmp_path / "nasty.py")
    assert [m.value for m in py.NASTY.__members__.values()] == list(range(len(NASTY))) and py.LONE == 42
    assert normalized(NASTY[7]) in (py.NASTY.__doc__ or "")

    # JSON: the docs exactly (lone surrogates as U+FFFD).
    data = check_json(tmp_path / "nasty.json")
    (nasty,) = [e for e in data["enums"] if e["name"] == "NASTY"]
    assert [m["doc"] for m in nasty["members"]] == [re.sub("[\ud800-\udfff]", "\ufffd", d) for d in NASTY]

    # TypeScript: every comment ends where the template ends it.
    ts = outputs[".ts"]
    assert "PWNED" not in re.sub(r"/\*.*?\*/", "", ts, flags=re.S)
    assert [line for line in ts.splitlines() if line.lstrip().startswith("//")] == ts.splitlines()[:1]
    exported = run_typescript(tmp_path / "nasty.ts", style, tmp_path)
    # Functions (the lookup helpers) are not data: JSON.stringify leaves them out.
    assert sorted(exported) == ["LONE", "NASTY", *(["valuesOfNASTY"] if style == "const-object" else [])]
    got = {k: ts_number(v) for k, v in exported["NASTY"].items() if not k.isdigit()}
    assert got == {f"M{i}": i for i in range(len(NASTY))}


@given(st.text())
def test_docstring_escaping_round_trips(text: str) -> None:
    body = filters.py_docstring(text)
    assert ast.literal_eval('"""' + body + '"""') == re.sub("[\ud800-\udfff]", "\ufffd", text)
    assert ast.literal_eval(filters.py_string(text)) == re.sub("[\ud800-\udfff]", "\ufffd", text)


@given(st.text())
def test_comment_escaping_never_ends_a_comment(text: str) -> None:
    block = filters.comment_text(text)
    assert "*/" not in block and not re.search(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", block)
    line = filters.line_comment(text)
    assert len(line.splitlines()) <= 1 and not re.search("[\r\n\u2028\u2029\x85\ud800-\udfff]", line)
    assert json.loads(filters.json_value(text)) == re.sub("[\ud800-\udfff]", "\ufffd", text)


@given(st.one_of(st.none(), st.booleans(), st.text(st.characters(max_codepoint=0x7F)), st.text()))
def test_json_filter_is_json(value: str | bool | None) -> None:
    # None, booleans and plain strings take a short cut past json.dumps: same text.
    if not isinstance(value, str) or value.isascii():
        assert filters.json_value(value) == json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        assert json.loads(filters.json_value(value)) == re.sub("[\ud800-\udfff]", "\ufffd", value)


def test_member_ts_comment_is_doc_and_hresult_hex() -> None:
    loc = Location("t.h", 1, 1)
    hresults = (Member("E_X", -2147467259, None, loc, doc="Failed  */ here."), Member("E_Y", -2147467263, None, loc))
    plain = (
        Member("A", 1, None, loc, doc="First\nline."),
        Member("B", 2, None, loc),
        Member("C", 3, None, loc, doc=" "),
    )
    module = Module("t.h", (Enum("HR", (), hresults, loc, TYPES.int), Enum("P", (), plain, loc, TYPES.int)))
    view = module_view(module, "t", target="x86_64-w64-mingw32")
    comments = [m.ts_comment for e in view.enums for m in e.members]
    assert comments == ["Failed *\\/ here. (0x80004005)", "0x80004001", "First line.", None, None]


# -- values a target cannot hold ----------------------------------------------------------------------

VALUES_HEADER = """
enum Big64 {
    MAX_SAFE = 9007199254740991,      /* 2**53 - 1: still a number */
    OVER_SAFE = 9007199254740993,     /* 2**53 + 1: a bigint / a string */
    I64_MAX = 0x7fffffffffffffff,
    I64_MIN = -0x7fffffffffffffff - 1
};
enum U64 { U64_ZERO = 0, U64_MAX = 0xffffffffffffffffull };
enum NegFlags { NF_A = 0x1, NF_B = 0x2, NF_C = 0x4, NF_ALL = -1 };
enum BigFlags { BF_LOW = 0x1, BF_MID = 0x100000000ull, BF_HIGH = 0x8000000000000000ull };
enum { ANON_BIG = 0x123456789abcdef0ull };
"""
VALUES = {
    "Big64": {"MAX_SAFE": 2**53 - 1, "OVER_SAFE": 2**53 + 1, "I64_MAX": 2**63 - 1, "I64_MIN": -(2**63)},
    "U64": {"U64_ZERO": 0, "U64_MAX": 2**64 - 1},
    "NegFlags": {"NF_A": 1, "NF_B": 2, "NF_C": 4, "NF_ALL": -1},
    "BigFlags": {"BF_LOW": 1, "BF_MID": 2**32, "BF_HIGH": 2**63},
}


@pytest.mark.parametrize("style", TS_STYLES)
def test_values_beyond_what_targets_hold(tmp_path: Path, style: str) -> None:
    out = generate(tmp_path, VALUES_HEADER, "--ts-style", style, name="values")
    data = check_json(out[".json"])
    assert {e["name"]: {m["name"]: m["value"] for m in e["members"]} for e in data["enums"] if e["name"]} == VALUES
    flags = {e["name"]: e["flags"] for e in data["enums"] if e["name"]}
    assert flags == {"Big64": False, "U64": False, "NegFlags": False, "BigFlags": True}

    py = check_python(out[".py"]) if style == "const-object" else import_path(out[".py"])
    assert issubclass(py.NegFlags, enum.IntEnum) and not issubclass(py.NegFlags, enum.IntFlag)
    assert issubclass(py.BigFlags, enum.IntFlag) and (py.BigFlags.BF_HIGH | py.BigFlags.BF_LOW) == 2**63 + 1
    for name, members in VALUES.items():
        assert {m.name: m.value for m in getattr(py, name)} == members
    assert py.ANON_BIG == 0x123456789ABCDEF0

    ts = out[".ts"].read_text(encoding="utf-8")
    # One member past 2**53 makes every member of the enum a bigint, so | and & type-check.
    if style == "const-object":
        assert "MAX_SAFE: 9007199254740991n," in ts and "OVER_SAFE: 9007199254740993n," in ts
    else:  # TypeScript enums hold no bigint: strings, for every member
        assert 'MAX_SAFE = "9007199254740991",' in ts and 'OVER_SAFE = "9007199254740993",' in ts
    exported = run_typescript(out[".ts"], style, tmp_path)
    for name, members in VALUES.items():
        assert {k: ts_number(v) for k, v in exported[name].items() if k in members} == members
    assert exported["ANON_BIG"] == {"bigint": str(0x123456789ABCDEF0)}
    if style == "const-object":
        assert exported["Big64"]["MAX_SAFE"] == {"bigint": str(2**53 - 1)}
        assert exported["Big64"]["OVER_SAFE"] == {"bigint": str(2**53 + 1)}
        assert exported["NegFlags"]["NF_ALL"] == -1  # an enum that fits stays numbers


def test_negative_values_are_never_intflag_even_when_forced(tmp_path: Path) -> None:
    folder = tmp_path / "forced"
    folder.mkdir()
    (folder / "neg.h").write_text("enum NegFlags { NF_A = 0x1, NF_B = 0x2, NF_ALL = -1 };\n")
    (folder / "pyproject.toml").write_text("[tool.gen]\nflags = { NegFlags = true }\n")
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "--no-cache", "-o", "out", "neg.h"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "GEN_CACHE_DIR": str(tmp_path / ".gen-cache"), "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "neg.h:1:1: error: NegFlags cannot be flags: NF_ALL = -1 is negative"
    assert not (folder / "out").exists()


# -- issue 18: names a module system or the enum machinery takes, invisible text ---------------


def test_enum_private_member_names_are_members(tmp_path: Path) -> None:
    header = "enum E { A = 1, _E__B = 2, m_E__B = 3 };\ntypedef enum { _X__Y = 1, Z = 2 } X;\n"
    out = generate(tmp_path, header, name="private")
    py = check_python(out[".py"])
    # enum takes _E__B in class E for a private name (a plain int, E(2) raising).
    assert [m.name for m in py.E] == ["A", "m_E__B_2", "m_E__B"] and py.E(2) is py.E.m_E__B_2
    assert [m.name for m in py.X] == ["m_X__Y", "Z"] and py.X(1) is py.X.m_X__Y


def test_commonjs_names_compile_and_run(tmp_path: Path) -> None:
    names = ["require", "exports", "module", "__esModule", "Object", "__filename", "__dirname"]
    # Each as an enum name (a binding) and as a member name (a key: fine as it is).
    header = "".join(f"enum {n} {{ {n.upper().strip('_')}_A = {i} }};\n" for i, n in enumerate(names))
    header += "enum Keys { " + ", ".join(f"{n} = {i}" for i, n in enumerate(names)) + " };\n"
    for style in TS_STYLES:
        out = generate(tmp_path, header, "--ts-style", style, name=f"cjs{style}")
        exported = run_typescript(out[".ts"], style, tmp_path)
        assert all(f"{n}_" in exported for n in names), sorted(exported)
        assert {k for k in exported["Keys"] if not k.isdigit()} == set(names)
    assert filters.ts_name("require") == "require_" and filters.ts_key("require") == "require"


INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff\u2028\x85\U000e0001"


def test_invisible_characters_are_escaped_everywhere(tmp_path: Path) -> None:
    doc = f"spoof{INVISIBLE}end"
    loc = Location(f"dir{INVISIBLE}/h.h", 1, 1)
    module = Module(
        source=f"dir{INVISIBLE}/h.h",
        enums=(Enum("tagS", ("S",), (Member("S_A", 1, "1", loc, doc=doc),), loc, TYPES.int, doc=doc),),
    )
    outputs = render_all(module, "const-object")
    for suffix, text in outputs.items():
        assert not filters.INVISIBLE_RE.search(text), suffix
        (tmp_path / f"inv{suffix}").write_text(text, encoding="utf-8")
    py = check_python(tmp_path / "inv.py")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "PLE", str(tmp_path / "inv.py")],
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout
    # Strings decode back to the text (whitespace-like ones were collapsed in one-line docs).
    assert "\u202e" in (py.S.__doc__ or "") and "\U000e0001" in (py.S.__doc__ or "")
    data = check_json(tmp_path / "inv.json")
    assert data["enums"][0]["doc"] == doc and data["source"] == module.source
    run_typescript(tmp_path / "inv.ts", "const-object", tmp_path)


def test_the_invisible_class_is_unicodes() -> None:
    import unicodedata

    expected = {
        chr(c)
        for c in range(0x80, 0x110000)
        if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp", "Cc") and not 0xD800 <= c <= 0xDFFF
    }
    found = {chr(c) for c in range(0x80, 0x110000) if filters.INVISIBLE_RE.match(chr(c))}
    assert expected <= found, sorted(hex(ord(c)) for c in expected - found)


@pytest.mark.parametrize(
    ("c_name", "pascal"),
    [
        ("SMTP_COMMAND", "SmtpCommand"),
        ("SMTPCOMMAND", "Smtpcommand"),
        ("tagPOP3_MARK", "TagPOP3Mark"),  # a word with lower case keeps its case
        ("open_flags", "OpenFlags"),
        ("imapCommandKind", "ImapCommandKind"),
        ("__x__", "X"),
        ("_", "_"),
    ],
)
def test_pascal_case(c_name: str, pascal: str) -> None:
    assert filters.pascal_case(c_name) == pascal


def test_pascal_collisions_are_errors_naming_both(tmp_path: Path) -> None:
    folder = tmp_path / "clash"
    folder.mkdir()
    (folder / "h.h").write_text("enum FOO_BAR { A };\nenum FooBar { B };\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "--no-cache", "--class-names", "pascal", "-o", "out", "h.h"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2 and not (folder / "out").exists()
    assert proc.stderr.strip() == (
        "h.h:2:1: error: class-names = pascal: FOO_BAR (h.h:1) and FooBar (h.h:2) would both be named FooBar"
    )

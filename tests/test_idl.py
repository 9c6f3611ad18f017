"""The IDL front end (gen/idl): what an .idl gives is what the header MIDL or
widl would write from it gives, located in the .idl.

Wine's whole IDL corpus against widl's headers is tests/differential/idl.py
(a sample runs in tests/test_idl_differential_sample.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, run_gen

from gen.c.lexer import Token, tokenize
from gen.diagnostics import GenError, Level
from gen.idl.frontend import extract
from gen.idl.parser import parse_tokens, strip_attributes
from gen.idl.syntax import Block, Const, CppQuote, Declaration, Import, unescape
from gen.idl.widl import contract_version, header_guard, widl_number
from gen.model import Enum


def _idl(tmp_path: Path, text: str, name: str = "x.idl") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _values(path: Path, **kwargs: object) -> dict[str, int]:
    result = extract(path, **kwargs)  # type: ignore[arg-type]
    assert not result.errors, result.errors
    return {m.name: m.value for e in result.module.enums for m in e.members}


def _enum(result_enums: tuple[Enum, ...], name: str) -> Enum:
    return next(e for e in result_enums if e.name == name)


# -- the main job ----------------------------------------------------------------------


def _without_locations(text: str) -> str:
    text = re.sub(r"headers/(Imnxport\.h|imnxport\.idl)(:\d+)?", "SOURCE", text)
    return re.sub(r'"line": \d+, "column": \d+', '"line": L, "column": C', text)


def test_imnxport_idl_gives_the_outputs_of_imnxport_h(tmp_path: Path) -> None:
    run_gen(["-q", "--no-cache", "-o", str(tmp_path / "h"), "headers/Imnxport.h"])
    run_gen(["-q", "--no-cache", "-o", str(tmp_path / "idl"), "headers/imnxport.idl"])
    for ext in ("json", "py", "ts"):
        header = (tmp_path / "h" / f"imnxport.{ext}").read_text(encoding="utf-8")
        idl = (tmp_path / "idl" / f"imnxport.{ext}").read_text(encoding="utf-8")
        assert "imnxport.idl" in idl
        assert _without_locations(idl) == _without_locations(header), ext
    data = json.loads((tmp_path / "idl" / "imnxport.json").read_text(encoding="utf-8"))
    enums = [e for e in data["enums"] if e["origin"] == "enum"]
    macros = [m for e in data["enums"] if e["origin"] == "macros" for m in e["members"]]
    assert (len(enums), sum(len(e["members"]) for e in enums), len(macros)) == (20, 166, 217)


def test_imnxport_idl_locations_point_into_the_idl() -> None:
    result = extract(REPO / "headers" / "imnxport.idl", name="headers/imnxport.idl")
    lines = (REPO / "headers" / "imnxport.idl").read_text(encoding="utf-8").split("\n")
    members = {m.name: m for e in result.module.enums for m in e.members}
    for name in ("POP3_MARK_FOR_DELE", "IXP_E_TIMEOUT", "CCHMAX_DOMAIN", "IMAP_MSG_SEEN", "irtSEARCH"):
        where = members[name].location
        assert where.file == "headers/imnxport.idl"
        assert lines[where.line - 1][where.column - 1 :].startswith(name), (name, where)


# -- pieces ----------------------------------------------------------------------------


def _tokens(text: str) -> list[Token]:
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        out += tokenize(line, "t.idl", number)
    return out


def test_attribute_lists_are_told_from_array_sizes() -> None:
    toks, attrs = strip_attributes(_tokens("typedef [public] struct { [size_is(n)] BYTE b[10][2]; int n; } S;"))
    assert " ".join(t.text for t in toks) == "typedef struct { BYTE b [ 10 ] [ 2 ] ; int n ; } S ;"
    assert [a.name.text for a in attrs[1]] == ["public"]
    assert [a.name.text for a in attrs[3]] == ["size_is"]


def test_statements_of_a_small_idl() -> None:
    text = """
        import "a.idl", "b.h";
        cpp_quote("#define A \\"x\\" \\\\n")
        [object, uuid(00000000-0000-0000-C000-000000000046)]
        interface IFoo : IUnknown { typedef enum { X } E; HRESULT f([in] int a); }
        interface IBar;
        library L { importlib("stdole2.tlb"); const int C = 1; };
        typedef int T;
    """
    stmts = parse_tokens(_tokens(text), "t.idl")
    kinds = [type(s).__name__ for s in stmts]
    assert kinds == ["Import", "CppQuote", "Block", "Block", "Block", "Declaration"]
    imp, quote, iface, fwd, lib, td = stmts
    assert isinstance(imp, Import) and [f for f, _ in imp.files] == ["a.idl", "b.h"]
    assert isinstance(quote, CppQuote) and quote.text == '#define A "x" \\n'
    assert isinstance(iface, Block) and iface.derived and iface.body is not None
    assert [a.name.text for a in iface.attrs] == ["object", "uuid"]
    assert isinstance(fwd, Block) and fwd.body is None
    assert isinstance(lib, Block) and lib.body is not None and isinstance(lib.body[0], Const)
    assert isinstance(td, Declaration) and td.kind == "typedef"


def test_widl_escapes_and_numbers() -> None:
    assert unescape(r"a\"b\\c\n") == 'a"b\\c\\n'
    for written, header in (
        ("~0u", "~0"),
        ("0x00000010L", "0x10"),
        ("10UL", "10"),
        ("010", "8"),
        ("0x100000001", "0x1"),
    ):
        number = re.match(r"[0-9a-fA-FxXuUlL]+", written.lstrip("~")).group()  # type: ignore[union-attr]
        assert widl_number(tokenize(number, "t", 1)[0]).text == header.lstrip("~")
    assert header_guard("windows.foundation.idl") == "__windows_foundation_h__"
    assert header_guard("sub/ObjectArray.idl") == "__objectarray_h__"
    assert contract_version(tokenize("1.0", "t", 1)) == 0x10000
    assert contract_version(tokenize("14", "t", 1)) == 0xE0000


# -- what the header would hold --------------------------------------------------------


def test_cpp_quote_is_c_of_the_header_in_order(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        """
cpp_quote("#define BASE 0x100")
typedef enum { A = BASE, B } E;            // BASE is known only in the header
#define IDL_ONLY 5
cpp_quote("#ifdef IDL_ONLY")                // IDL macros do not reach the header
typedef enum { HIDDEN = 1 } H;
cpp_quote("#endif")
cpp_quote("#if defined(__WIDL__)")          // nor does the IDL compiler's own
typedef enum { ALSO_HIDDEN = 1 } H2;
cpp_quote("#endif")
#ifdef __WIDL__
typedef enum { SEEN = IDL_ONLY } S;          // but the .idl is read with it
#endif
cpp_quote("/* a comment that")
typedef enum { COMMENTED = 1 } C;
cpp_quote("ends here */")
""",
    )
    assert _values(path) == {"A": 256, "B": 257, "SEEN": 5, "BASE": 256}


def test_const_becomes_a_define_of_the_header(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        """
const DWORD FLAG_A = 0x00000001;
const DWORD FLAG_B = 0x2;
const ULONG ALL_BITS = ~0u;
const LPCWSTR NAME = L"x";
typedef enum { E_ONE = FLAG_B } E;
""",
    )
    result = extract(path)
    assert not result.errors
    flags = _enum(result.module.enums, "FLAG")
    assert [(m.name, m.value, m.expr) for m in flags.members] == [
        ("FLAG_A", 1, "( 0x1 )"),
        ("FLAG_B", 2, "( 0x2 )"),
    ]
    values = {m.name: m.value for e in result.module.enums for m in e.members}
    # widl writes numbers without their suffix: (~0) is -1, as widl's header says
    assert values["ALL_BITS"] == -1 and values["E_ONE"] == 2 and "NAME" not in values


def test_blocks_hoist_their_enums_and_imports_are_visible_not_emitted(tmp_path: Path) -> None:
    _idl(
        tmp_path,
        """
cpp_quote("#define IMPORTED_BASE 40")
typedef enum { IMPORTED = 7 } I;
""",
        "base.idl",
    )
    path = _idl(
        tmp_path,
        """
import "base.idl";
[object, uuid(1-2-3-4-5)] interface IFoo : IUnknown {
    typedef enum tagIN_IFACE { IN_IFACE_ONE = IMPORTED + 1 } IN_IFACE;
    HRESULT f([in] IN_IFACE x);
}
[uuid(1-2-3-4-6)] library Lib {
    importlib("stdole2.tlb");
    typedef [v1_enum] enum { IN_LIBRARY_ONE = IMPORTED_BASE } IN_LIBRARY;
    module M { const int IN_MODULE = 3; }
    dispinterface D { properties: [id(1)] int p; methods: [id(2)] void m(); }
    coclass C { [default] interface IFoo; }
}
""",
    )
    result = extract(path)
    assert not result.diagnostics
    assert [e.name for e in result.module.enums] == ["IN_IFACE", "IN_LIBRARY", None]
    assert _values(path) == {"IN_IFACE_ONE": 8, "IN_LIBRARY_ONE": 40, "IN_MODULE": 3}
    assert str(tmp_path / "base.idl") in result.module.files_read


def test_a_missing_import_is_a_warning(tmp_path: Path) -> None:
    path = _idl(tmp_path, 'import "nowhere.idl";\ntypedef enum { A = 1 } E;\n')
    result = extract(path, name="x.idl")
    assert [str(d) for d in result.diagnostics] == [
        "x.idl:1:8: warning: 'nowhere.idl' not found; continuing without it"
    ]
    assert _values(path) == {"A": 1}
    assert str(tmp_path) in result.module.dirs_probed


def test_helpstrings_become_descriptions(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        """
typedef [v1_enum, helpstring("How a transfer ends")] enum tagEND {
    [helpstring("It worked")] END_OK = 0,
    END_FAILED = 1,
    [helpstring("Somebody \\"cancelled\\" it")] END_CANCELLED = 2
} END;
""",
    )
    enum = extract(path).module.enums[0]
    assert enum.doc == "How a transfer ends"
    assert [m.doc for m in enum.members] == ["It worked", None, 'Somebody "cancelled" it']


def test_winrt_namespace_enums_and_contracts(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        """
namespace Windows.Demo {
    [contractversion(2)] apicontract DemoContract {};
    [contract(Windows.Demo.DemoContract, 1.0)]
    enum Shape {
        Circle = 0,
        Square,
        [contract(Windows.Demo.DemoContract, 3.0)] Hexagon,
        Triangle = Square + 5
    };
    [contract(DemoContract, 4.0)] enum Later { Never = 1 };
}
""",
    )
    result = extract(path)
    assert not result.errors
    shape = _enum(result.module.enums, "Shape")
    assert shape.tag == "Shape"
    assert [(m.name, m.value) for m in shape.members] == [
        ("Shape_Circle", 0),
        ("Shape_Square", 1),
        ("Shape_Triangle", 6),
    ]
    values = {m.name: m.value for e in result.module.enums for m in e.members}
    assert values["WINDOWS_DEMO_DEMOCONTRACT_VERSION"] == 0x20000
    assert "Later_Never" not in values


def test_the_header_including_itself(tmp_path: Path) -> None:
    """An SDK header the prologue includes may include this .idl's own header
    (Wine's ole2.h includes propidl.h): it gets the .idl, as the real
    header would get itself, and then its guard skips the rest."""
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "windows.h").write_text(
        "#pragma once\n#include <self.h>\n#define AFTER_SELF 1\n", encoding="utf-8"
    )
    path = _idl(
        tmp_path,
        'cpp_quote("#ifndef AFTER_SELF")\ncpp_quote("#define SEEN_FIRST 2")\ncpp_quote("#endif")\n',
        "self.idl",
    )
    assert _values(path, include_dirs=[str(tmp_path / "inc")]) == {"SEEN_FIRST": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("interface IFoo : IUnknown {\n  HRESULT f();\n", "x.idl:1:27: error: unbalanced '{'"),
        ("typedef enum { A } E;\n}\n", "x.idl:2:1: error: unbalanced '}'"),
        ("typedef int T\n", "x.idl:1:1: error: expected ';' at the end of the declaration"),
        ("cpp_quote(42)\n", "x.idl:1:1: error: cpp_quote expects a string"),
        ("typedef enum { A = } E;\n", "x.idl:1:18: error: expected an expression after '=' (the value of 'A')"),
        ("import 42;\n", "x.idl:1:8: error: expected a file name in quotes after import"),
    ],
)
def test_broken_idl_is_a_located_error(tmp_path: Path, text: str, message: str) -> None:
    path = _idl(tmp_path, text)
    with pytest.raises(GenError) as info:
        extract(path, name="x.idl")
    assert str(info.value.diagnostic).startswith(message)


def test_an_enumerator_that_cannot_be_computed_is_named(tmp_path: Path) -> None:
    path = _idl(tmp_path, "typedef enum { A = UNKNOWN_NAME } E;\n")
    errors = [str(d) for d in extract(path, name="x.idl").diagnostics if d.level is Level.ERROR]
    assert errors == [
        "x.idl:1:20: error: cannot compute the value of enumerator 'A': unresolved identifier 'UNKNOWN_NAME'"
    ]


def test_blocks_nested_too_deeply_are_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _idl(tmp_path, "library L {\n" * 1000 + "}\n" * 1000)
    with pytest.raises(GenError) as info:
        extract(path, name="x.idl")
    assert str(info.value.diagnostic) == "x.idl:257:11: error: blocks nested deeper than 256 levels"
    path = _idl(tmp_path, "library L {\n" * 200 + "typedef enum { A = 1 } E;" + "}\n" * 200)
    assert _values(path) == {"A": 1}


def test_an_empty_idl_gives_empty_outputs(tmp_path: Path) -> None:
    result = extract(_idl(tmp_path, ""))
    assert result.module.enums == () and not result.diagnostics


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('typedef int T;\ncpp_quote("#if 1")\n', "x.idl:2:12: error: unterminated #if"),
        ('cpp_quote("#endif")\n', "x.idl:1:12: error: #endif without #if"),
        ('cpp_quote("#error stop here")\n', "x.idl:1:12: error: #error stop here"),
    ],
)
def test_cpp_quote_directives_are_located_in_the_idl(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GenError) as info:
        extract(_idl(tmp_path, text), name="x.idl")
    assert str(info.value.diagnostic).startswith(message)


def test_binary_data_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.idl"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(GenError) as info:
        extract(path, name="x.idl")
    assert str(info.value.diagnostic).startswith("x.idl:1:1: error: not a C header: the file contains NUL bytes")


def test_midl_pragmas_and_stray_semicolons_are_read_past(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        'midl_pragma warning (disable: 2111)\ntypedef enum { A = 1 } E;;\ncpp_quote("#define B 2");\n'
        "midl_pragma warning (default: 2111);\ntypedef enum { C = 3 } F;\n",
    )
    assert _values(path) == {"A": 1, "B": 2, "C": 3}


def test_comments_of_the_idl_describe_as_a_header_s_do(tmp_path: Path) -> None:
    path = _idl(
        tmp_path,
        """
// Colors [of the screen]: the comment keeps its brackets.
typedef [v1_enum, helpstring("a [bracket]")] enum tagC {
    [helpstring("red")] RED = 1,   // the first
    GREEN                          // the last
} C;
const int LIMIT = 3;               // at most
""",
    )
    result = extract(path)
    enum = _enum(result.module.enums, "C")
    assert enum.comment == "Colors [of the screen]: the comment keeps its brackets."
    assert (enum.doc, [m.doc for m in enum.members]) == ("a [bracket]", ["red", None])
    assert [m.comment for m in enum.members] == ["the first", "the last"]
    assert [m.comment for e in result.module.enums if e.origin == "macros" for m in e.members] == ["at most"]


def test_pragma_pack_reaches_the_header_and_cpp_quote_conditionals_keep_their_ends(tmp_path: Path) -> None:
    # widl copies '#pragma pack' into the header (Wine's mmreg.h, read as IDL,
    # has one between cpp_quote("#if 0") and cpp_quote("#endif")).
    path = _idl(
        tmp_path,
        """
#pragma pack(push, 1)
typedef struct { char c; int a; } PACKED;
cpp_quote("#if 0")
#pragma pack(push, 2)
typedef enum { HIDDEN = 1 } H;
#pragma pack(pop)
cpp_quote("#endif")
#pragma pack(pop)
typedef struct { char c; int a; } PLAIN;
typedef enum { P = sizeof(PACKED), Q = sizeof(PLAIN) } E;
""",
    )
    assert _values(path) == {"P": 5, "Q": 8}


def test_a_missing_include_warns_about_the_conditionals_it_leaves_undecided(tmp_path: Path) -> None:
    # As for headers (tests/test_missing_includes.py): in the .idl itself, and
    # in the header text cpp_quote gives.
    path = _idl(
        tmp_path,
        """import "unknwn.idl";
#include "config.h"
typedef enum tagT {
    T_FIRST,
#ifdef HAVE_TLS
    T_TLS,
#endif
    T_LAST
} T;
#if defined(USE_OLD)
typedef enum { OLD_A, OLD_B } OLD;
#endif
#ifdef HAVE_Y
#define Y_ONLY_IN_IDL 1
#endif
cpp_quote("#include \\"hconfig.h\\"")
cpp_quote("#ifdef HAVE_X")
cpp_quote("#define FOO_A 1")
cpp_quote("#endif")
""",
    )
    result = extract(path, name="x.idl")
    assert [str(d) for d in result.diagnostics] == [
        "x.idl:2:1: warning: 'config.h' not found; continuing without it",
        "x.idl:16:12: warning: 'hconfig.h' not found; continuing without it",
        "x.idl:5:1: warning: #ifdef HAVE_TLS: 'HAVE_TLS' is not defined, perhaps because 'config.h' was not found; "
        "enum 'T' may differ",
        "x.idl:10:1: warning: #if defined(USE_OLD): 'USE_OLD' is not defined, perhaps because 'config.h' was not "
        "found; the enums declared in it may differ",
        "x.idl:17:12: warning: #ifdef HAVE_X: 'HAVE_X' is not defined, perhaps because 'hconfig.h' was not found; "
        "the macro FOO_A may differ",
    ]

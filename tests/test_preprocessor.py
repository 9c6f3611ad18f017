"""The preprocessor on its own: macro expansion as the C standard specifies
(6.10.3.5 examples), conditionals, includes, and its diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from gen.c.inttypes import LLP64, IntTypes
from gen.c.lexer import spell
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.diagnostics import GenError, Reporter


def expand(text: str, tmp_path: Path, **options: object) -> str:
    header = tmp_path / "t.h"
    header.write_text(text, encoding="utf-8")
    pp = Preprocessor(IntTypes(LLP64), PreprocessorOptions(**options), Reporter())  # type: ignore[arg-type]
    return spell(list(pp.tokens(header, "t.h")))


def test_standard_example_3_rescanning_and_hidesets(tmp_path: Path) -> None:
    # C11 6.10.3.5 EXAMPLE 3 (first part).
    text = """
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
"""
    out = expand(text, tmp_path, shims=False)
    assert "f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);" in out
    assert "f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);" in out
    assert "int i[] = { 1, 23, 4, 5, };" in out
    assert 'char c[2][6] = { "hello", "" };' in out


def test_standard_example_4_stringize_and_paste(tmp_path: Path) -> None:
    text = r"""
#define str(s) # s
#define xstr(s) str(s)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
glue(HIGH, LOW);
xglue(HIGH, LOW)
xstr(INCFILE(2).h)
"""
    out = expand(text, tmp_path, shims=False)
    assert '"hello";' in out
    assert '"hello" ", world"' in out
    assert '"vers2.h"' in out


def test_variadic_and_gnu_comma_paste(tmp_path: Path) -> None:
    text = """
#define debug(...) f(__VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(fmt, ...) printf(fmt, ## __VA_ARGS__)
debug(1, 2, 3);
showlist(The first, second, and third items.);
report("a");
report("b", 1);
"""
    out = expand(text, tmp_path, shims=False)
    assert "f(1, 2, 3);" in out
    assert 'puts("The first, second, and third items.");' in out
    assert 'printf("a");' in out
    assert 'printf("b", 1);' in out


def test_conditionals_defined_and_has_include(tmp_path: Path) -> None:
    (tmp_path / "present.h").write_text("#define PRESENT 1\n", encoding="utf-8")
    text = """
#define A 2
#if defined(A) && A * 2 == 4 && !defined B
yes1
#elif 1
no1
#else
no2
#endif
#ifdef B
no3
#elifndef B
yes2
#endif
#if __has_include("present.h") && !__has_include(<absent.h>)
yes3
#endif
#if 0
#error not reached
#garbage directive inside a skipped group
#endif
#if (0x7fffffffffffffff + 0) > 0 && -1 < 0 && (-1 > 0u)
yes4
#endif
"""
    out = expand(text, tmp_path, shims=False)
    assert out.split() == ["yes1", "yes2", "yes3", "yes4"]


def test_the_has_operators_count_as_defined(tmp_path: Path) -> None:
    """As in clang (and gcc): headers test ``#ifdef __has_include`` before using it (glibc's
    sys/mount.h does, to include linux/mount.h)."""
    text = """
#ifdef __has_include
yes1
#endif
#if defined(__has_builtin) && defined __has_attribute && !defined(__has_cpp_attribute)
yes2
#endif
#ifndef __has_feature
no1
#endif
"""
    assert expand(text, tmp_path, shims=False).split() == ["yes1", "yes2"]


def test_a_comment_spanning_lines_does_not_end_a_directive(tmp_path: Path) -> None:
    """A comment is one space (phase 3): its newlines do not end a #define or an #if (valgrind's
    memcheck.h comments inside macro bodies this way)."""
    text = """#define SUM(a, b) /* the sum,
   of two */ ((a) + \\
   (b))
#if 1 /* always
*/ && 0
no
#endif
SUM(1, 2) /* and
a comment */ end
"""
    assert expand(text, tmp_path, shims=False).split() == ["((1)", "+", "(2))", "end"]


def test_lines_after_a_directive_with_a_comment_keep_their_numbers(tmp_path: Path) -> None:
    from gen.c.frontend import extract

    header = tmp_path / "c.h"
    header.write_text(
        "#define BASE 1 /* a comment\n   over two lines */ + 1\nenum color { RED = BASE };\n", encoding="utf-8"
    )
    result = extract(header)
    assert not result.diagnostics
    [enum] = [e for e in result.module.enums if e.tag == "color"]
    assert [(m.name, m.value) for m in enum.members] == [("RED", 2)]
    assert enum.location.line == 3


def test_include_next_and_case_insensitive_names(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "Wrap.h").write_text("first\n#include_next <wrap.h>\n", encoding="utf-8")
    (second / "wrap.h").write_text("second\n", encoding="utf-8")
    out = expand('#include "WRAP.H"\n', tmp_path, include_dirs=[str(first), str(second)], shims=False)
    assert out.split() == ["first", "second"]


def test_include_guard_and_pragma_once_skip_second_inclusion(tmp_path: Path) -> None:
    (tmp_path / "g.h").write_text("#ifndef G_H\n#define G_H\nguarded\n#endif\n", encoding="utf-8")
    (tmp_path / "o.h").write_text("#pragma once\nonce\n", encoding="utf-8")
    out = expand('#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n', tmp_path, shims=False)
    assert out.split() == ["guarded", "once"]


def test_missing_include_is_a_warning(tmp_path: Path) -> None:
    header = tmp_path / "t.h"
    header.write_text('#include "nowhere.h"\nafter\n', encoding="utf-8")
    reporter = Reporter()
    pp = Preprocessor(IntTypes(LLP64), PreprocessorOptions(shims=False), reporter)
    assert spell(list(pp.tokens(header, "t.h"))) == "after"
    assert [str(d) for d in reporter.diagnostics] == ["t.h:1:1: warning: 'nowhere.h' not found; continuing without it"]


def test_error_directive_is_an_error_unless_an_include_was_missing(tmp_path: Path) -> None:
    with pytest.raises(GenError) as err:
        expand("#error stop here\n", tmp_path, shims=False)
    assert str(err.value.diagnostic) == "t.h:1:1: error: #error stop here"
    assert expand("#include <sdk.h>\n#error needs the sdk\nok\n", tmp_path, shims=False) == "ok"


def test_include_cycle_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "self.h").write_text('#include "self.h"\n', encoding="utf-8")
    with pytest.raises(GenError, match="nested deeper"):
        expand('#include "self.h"\n', tmp_path, shims=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#if 1\n", "t.h:1:1: error: unterminated #if (the file ends inside a conditional)"),
        ("#endif\n", "t.h:1:1: error: #endif without #if"),
        ("#if 1 +\n#endif\n", "t.h:1:8: error: unexpected end of #if expression"),
        ("#if 1 / 0\n#endif\n", "t.h:1:7: error: in #if: division by zero in a constant expression"),
        ("#define F(x) x\nF(1\n", "t.h:2:1: error: unterminated argument list invoking macro 'F'"),
        ("#define\n", "t.h:1:8: error: macro name missing after #define"),
    ],
)
def test_errors_have_file_line_column(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GenError) as err:
        expand(text, tmp_path, shims=False)
    assert str(err.value.diagnostic) == message


def test_predefined_macros_follow_the_target(tmp_path: Path) -> None:
    text = "_WIN64 __SIZEOF_LONG__ __SIZEOF_POINTER__ __MINGW64__\n"
    assert expand(text, tmp_path, shims=False).split() == ["1", "4", "8", "1"]
    linux = expand(text, tmp_path, shims=False, target="x86_64-linux-gnu").split()
    assert linux == ["_WIN64", "8", "8", "__MINGW64__"]


def test_command_line_defines_and_undefines(tmp_path: Path) -> None:
    out = expand("A B _WIN32\n", tmp_path, shims=False, defines=["A", "B=7"], undefines=["_WIN32"])
    assert out.split() == ["1", "7", "_WIN32"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Hello world, this is prose.\n",
            "t.h:1:28: error: expected ';' at end of input (after the declaration that starts at t.h:1:1)",
        ),
        (
            "typedef int X;\nint f(int a,\n      int b)\n\n#if 1\n#endif\n",
            "t.h:3:13: error: expected ';' at end of input (after the declaration that starts at t.h:2:1)",
        ),
        ("enum E { A }\nint x;\n", "t.h:2:1: error: expected ';' after the enum declaration, before 'int'"),
        ("struct S { int a; }\nenum E { A };\n", "t.h:2:1: error: expected ';' after the struct or union declaration"),
        ("It's prose.\n", "t.h:1:3: error: missing terminating ' character (is this file C?)"),
        ('{"a": 1}\n', "t.h:1:1: error: expected a declaration before '{' (is this file C?)"),
        ("@interface Foo\n", "t.h:1:1: error: stray '@' in the header (is this file C?)"),
        ("typedef int X;\nstruct S { int a;\n", "t.h:2:10: error: unbalanced '{': the file ends before it is closed"),
        ("enum { A, B\n", "t.h:1:1: error: unterminated enum declaration (truncated file?)"),
        ("struct S { int a; }}\n", "t.h:1:20: error: unbalanced '}': no '{' is open here"),
    ],
)
def test_text_that_is_not_c_or_is_truncated_is_one_clean_error(tmp_path: Path, text: str, message: str) -> None:
    from gen.c.frontend import extract

    header = tmp_path / "t.h"
    header.write_text(text, encoding="utf-8")
    with pytest.raises(GenError) as err:
        extract(header, name="t.h", shims=False)
    assert str(err.value.diagnostic).startswith(message)


def test_function_definitions_and_trailing_macro_calls_are_complete(tmp_path: Path) -> None:
    from gen.c.frontend import extract

    header = tmp_path / "t.h"
    header.write_text(
        "#define DECLARE_THING(x)\n"
        "static int f(int a) { return a; }\n"
        "UNKNOWN_SDK_MACRO(not, defined, here)\n"
        "enum { AFTER = 1 };\n"
        "static int g(void) { return 0; }\n"
        "DECLARE_THING(thing)\n"
        "ANOTHER_UNKNOWN_MACRO(x)\n",
        encoding="utf-8",
    )
    result = extract(header, name="t.h", shims=False)
    assert [m.name for e in result.module.enums for m in e.members] == ["AFTER"]


def test_a_header_may_end_with_a_function_whose_brace_starts_a_line(tmp_path: Path) -> None:
    from gen.c.frontend import extract

    header = tmp_path / "t.h"
    header.write_text(
        "typedef struct S { int a; } S;\nenum { ONLY = 1 };\nstatic int h(S s)\n{\n    return s.a;\n}\n",
        encoding="utf-8",
    )
    result = extract(header, name="t.h", shims=False)
    assert [m.name for e in result.module.enums for m in e.members] == ["ONLY"]


def test_enum_keyword_from_a_macro_with_the_brace_on_the_next_line(tmp_path: Path) -> None:
    # Wine's axextendenums.h: ENUM16 TAG(X) expands to "typedef enum tagX".
    from gen.c.frontend import extract

    header = tmp_path / "t.h"
    header.write_text(
        "#define TAG(x) tag##x\n#define ENUM16 typedef enum\n"
        "ENUM16 TAG(TunerInputType)\n{\n    TunerInputCable,\n    TunerInputAntenna\n} TunerInputType;\n",
        encoding="utf-8",
    )
    result = extract(header, name="t.h", shims=False, macros="none")
    assert [(e.tag, e.typedefs, [m.name for m in e.members]) for e in result.module.enums] == [
        ("tagTunerInputType", ("TunerInputType",), ["TunerInputCable", "TunerInputAntenna"])
    ]


def test_macro_groups_leave_out_lists_and_facts_about_the_reader(tmp_path: Path) -> None:
    """A comma list is no constant (gcc refuses a comma operator in one), and a macro built on
    __GNUC__ or __LINE__ says which compiler reads the header, and where: neither is grouped."""
    from gen.c.frontend import extract

    header = tmp_path / "m.h"
    header.write_text(
        "#define KEY_BYTES 0xf4, 0x55, 0x61\n"
        "#define KEY_PAIR (1, 2)\n"
        "#define KEY_SIZED sizeof(1, 2)\n"
        "#define GCC_VERSION (__GNUC__ * 100 + __GNUC_MINOR__)\n"
        "#define VERSION_OF(major, minor) ((major) * 100 + (minor))\n"
        "#define CLANG_VERSION VERSION_OF(__clang_major__, __clang_minor__)\n"
        "#define HERE __LINE__\n"
        "#define KEY_COUNT 3\n",
        encoding="utf-8",
    )
    result = extract(header)
    assert not result.diagnostics
    names = {m.name for e in result.module.enums for m in e.members}
    assert names == {"KEY_SIZED", "KEY_COUNT"}


@pytest.mark.parametrize("space", ["", " "])
def test_push_and_pop_macro_with_or_without_a_space(tmp_path: Path, space: str) -> None:
    """clang takes ``#pragma push_macro("X")`` and ``push_macro ("X")`` alike."""
    text = f"""#define X 1
#pragma push_macro{space}("X")
#undef X
#define X 2
a X
#pragma pop_macro{space}("X")
b X
"""
    assert expand(text, tmp_path, shims=False).split() == ["a", "2", "b", "1"]

"""Tests for gen.docs.page (reading and matching reference pages) and gen.docs.report."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from gen.c.inttypes import LLP64, IntTypes
from gen.diagnostics import GenError, Location
from gen.docs.markdown import to_plain_text
from gen.docs.matching import apply_docs, match_pages
from gen.docs.page import DocPage, doc_folders, load_docs, parse_page, parse_text
from gen.docs.report import drift_report
from gen.docs.sections import DocMember
from gen.model import Enum, Member

FIXTURES = Path(__file__).parent / "fixtures" / "docs"
INT = IntTypes(LLP64).int

SMTP_MEMBERS = [
    "SMTP_NONE",
    "SMTP_BANNER",
    "SMTP_CONNECTED",
    "SMTP_SEND_MESSAGE",
    "SMTP_AUTH",
    "SMTP_EHLO",
    "SMTP_HELO",
    "SMTP_MAIL",
    "SMTP_RCPT",
    "SMTP_RSET",
    "SMTP_QUIT",
    "SMTP_DATA",
    "SMTP_DOT",
    "SMTP_SEND_STREAM",
    "SMTP_CUSTOM",
]


def make_enum(
    typedef: str | None,
    members: Sequence[str | tuple[str, int]],
    tag: str | None = "",
    line: int = 1,
) -> Enum:
    """An enum as the extractor would build it; members on the following lines.

    ``tag=""`` means the usual ``tag<TYPEDEF>``; a bare name is valued by its
    position, a (name, value) pair as given.
    """
    pairs = [(m, i) if isinstance(m, str) else m for i, m in enumerate(members)]
    return Enum(
        tag=("tag" + typedef if typedef else None) if tag == "" else tag,
        typedefs=(typedef,) if typedef else (),
        members=tuple(
            Member(name, value, None, Location("Imnxport.h", line + 1 + i, 3)) for i, (name, value) in enumerate(pairs)
        ),
        location=Location("Imnxport.h", line, 1),
        underlying=INT,
    )


def smtpcommand() -> Enum:
    return make_enum("SMTPCOMMAND", SMTP_MEMBERS, line=100)


def header_enums() -> list[Enum]:
    """The header side of the fixtures: one enum per fixture page but one."""
    return [
        smtpcommand(),
        make_enum(
            "INBOXVIEW",
            [
                ("INBOX_VIEW_ALL", 0),
                ("INBOX_VIEW_UNREAD", 1),
                ("INBOX_VIEW_FLAGGED", 2),
                ("INBOX_VIEW_DEFAULT", 0),
            ],
            line=200,
        ),
        make_enum("RELAYMODE", ["RELAY_OFF", "RELAY_ON", "RELAY_AUTO"], line=300),
        make_enum(
            "SPOOLFLAGS",
            [("SPOOL_NONE", 0), ("SPOOL_URGENT", 1), ("SPOOL_RETRY", 2), ("SPOOL_ARCHIVE", 4)],
            line=400,
        ),
        make_enum(None, ["FOLDER_SORT_NAME", "FOLDER_SORT_DATE", "FOLDER_SORT_SIZE"], tag=None, line=500),
        make_enum("QUOTEMODE", ["QUOTE_PLAIN", "QUOTE_RAW"], line=600),
        make_enum("UNDOCUMENTED", ["UNDOC_A", "UNDOC_B"], line=700),
    ]


@pytest.fixture(scope="module")
def pages() -> list[DocPage]:
    return load_docs([FIXTURES])


def page_named(pages: list[DocPage], stem: str) -> DocPage:
    return next(p for p in pages if Path(p.path).stem == stem)


def write(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def test_parse_page_reads_front_matter_syntax_and_constants() -> None:
    page = parse_page(FIXTURES / "smtpcommand.md")
    assert page.path == (FIXTURES / "smtpcommand.md").as_posix()
    assert page.title == "SMTPCOMMAND enumeration"
    assert page.title_name == "SMTPCOMMAND"
    assert page.api_names == ("ACCESSTYPE",)
    assert page.api_locations == ("Imnxport.h",)
    assert page.syntax_tag == "tagSMTPCOMMAND"
    assert page.syntax_typedefs == ("ACCESSTYPE",)
    assert [m.name for m in page.syntax_members] == SMTP_MEMBERS
    assert page.syntax_members[12] == DocMember("SMTP_DOT", "12", 12)
    assert list(page.descriptions) == SMTP_MEMBERS
    assert page.descriptions["SMTP_DOT"] == (
        "The lone period that ends the body was sent; the transport tidies up and goes back to SMTP_SEND_MESSAGE."
    )


def test_description_is_the_introduction_without_the_availability_notice() -> None:
    page = parse_page(FIXTURES / "smtpcommand.md")
    assert page.description.startswith("Names the step an SMTP session has reached")
    assert "Requirements" not in page.description


def test_description_falls_back_to_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\ntitle: X enumeration\ndescription: 'Said in the **front** matter.'\n---\n# X\n",
    )
    assert parse_page(path).description == "Said in the front matter."


def test_syntax_values_hex_references_implicit_and_comments(pages: list[DocPage]) -> None:
    inbox = page_named(pages, "inboxview")
    assert inbox.syntax_typedefs == ("INBOXVIEW",)  # the pointer typedef is not a name of the enum
    assert inbox.syntax_members == (
        DocMember("INBOX_VIEW_ALL", "0", 0),
        DocMember("INBOX_VIEW_UNREAD", "0x1", 1),
        DocMember("INBOX_VIEW_FLAGGED", "0x2", 2),
        DocMember("INBOX_VIEW_DEFAULT", "INBOX_VIEW_ALL", 0),
    )
    relay = page_named(pages, "relaymode")
    assert relay.syntax_members[1] == DocMember("RELAY_ON", None, 1)


def test_values_written_beside_constant_names(pages: list[DocPage]) -> None:
    inbox = page_named(pages, "inboxview")
    assert inbox.constant_values == (
        DocMember("INBOX_VIEW_ALL", "0x0", 0),
        DocMember("INBOX_VIEW_UNREAD", "0x1", 1),
        DocMember("INBOX_VIEW_FLAGGED", "0x2", 2),
    )


@pytest.mark.parametrize(
    ("initializer", "value"),
    [
        ("0x10", 16),
        ("010", 8),
        ("42UL", 42),
        ("-1", -1),
        ("(1 << 4) | 0x3", 19),
        ("A_FIRST + 1", 8),
        ("~0", -1),
        ("sizeof(int)", None),
        ("09", None),
        ("1 << 999", None),
        ("A_UNKNOWN", None),
    ],
)
def test_syntax_value_expressions(initializer: str, value: int | None) -> None:
    page = parse_text(f"# E\n## Syntax\n```C\nenum E {{ A_FIRST = 7, A_SECOND = {initializer} }};\n```\n", "e.md")
    assert page.syntax_members[1] == DocMember("A_SECOND", initializer, value)
    assert page.syntax_tag == "E" and page.syntax_typedefs == ()


@pytest.mark.parametrize(
    ("code", "tag", "typedefs", "names"),
    [
        ("typedef enum{A,B=3}X;", None, ("X",), ["A", "B"]),
        ("enum class Y : unsigned int { A = 1 };", "Y", (), ["A"]),
        ("typedef [v1_enum] enum tagZ { A, } Z, *PZ, FAR *LPZ;", "tagZ", ("Z",), ["A"]),
        ("enum Fwd; struct S { int s; };\nenum Real { R };", "Real", (), ["R"]),
    ],
)
def test_syntax_forms(code: str, tag: str | None, typedefs: tuple[str, ...], names: list[str]) -> None:
    page = parse_text(f"# T\n## Syntax\n```C\n{code}\n```\n", "t.md")
    assert (page.syntax_tag, page.syntax_typedefs) == (tag, typedefs)
    assert [m.name for m in page.syntax_members] == names


def test_absurd_value_nesting_is_just_unknown() -> None:
    code = "enum E { A = " + "(" * 5000 + "1" + ")" * 5000 + " };"
    page = parse_text(f"# T\n## Syntax\n```C\n{code}\n```\n", "t.md")
    assert page.syntax_members[0].value is None


def test_member_after_an_unknown_value_has_no_value() -> None:
    page = parse_text("# E\n## Syntax\n```C\ntypedef enum { A = sizeof(int), B } E;\n```\n", "e.md")
    assert page.syntax_members == (DocMember("A", "sizeof(int)", None), DocMember("B", None, None))
    assert page.syntax_tag is None and page.syntax_typedefs == ("E",)


def test_page_without_constants_or_syntax_is_still_a_page(tmp_path: Path) -> None:
    page = parse_page(
        write(
            tmp_path,
            "---\ntitle: Y enumeration\napi_name:\n- Y\n---\n\n# Y enumeration\n\nA page.\n",
        )
    )
    assert (page.api_names, page.syntax_members, dict(page.descriptions)) == (("Y",), (), {})
    struct = parse_text("# S structure\n## Syntax\n```C++\ntypedef struct tagS { int a; } S;\n```\n", "s.md")
    assert struct.syntax_members == () and struct.syntax_tag is None


def test_constants_that_share_a_description_and_table_constants() -> None:
    shared = parse_text(
        "# E\n## Constants\n<dl> <dt>\n\n**A\\_ONE** (1)\n</dt> <dt>\n\n**A\\_TWO** (2)\n</dt> <dd>\n\nBoth.\n\n</dd> </dl>\n",
        "e.md",
    )
    assert dict(shared.descriptions) == {"A_ONE": "Both.", "A_TWO": "Both."}
    assert shared.constant_values == (DocMember("A_ONE", "1", 1), DocMember("A_TWO", "2", 2))
    table = parse_text(
        "# E\n## Constants\n\n| Constant | Meaning |\n|---|---|\n"
        '| <span id="B_ONE"></span>**B\\_ONE**<br/>0x1 | The *first*. |\n| **B\\_TWO** | Second. |\n',
        "e.md",
    )
    assert dict(table.descriptions) == {"B_ONE": "The first.", "B_TWO": "Second."}
    assert table.constant_values == (DocMember("B_ONE", "0x1", 1),)


def test_translated_constant_names_come_from_the_span_id() -> None:
    page = parse_text(
        '# E\n## Constants\n<dl> <dt>\n\n<span id="C_ONE"></span>**Eins** (1)\n</dt> <dd>\n\nx\n\n</dd> </dl>\n',
        "e.md",
    )
    assert list(page.descriptions) == ["C_ONE"]


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("---\ntitle: X\n# X\n", "no closing '---'", 1, 1),
        ("Just some text.\n", "not a reference page", 1, 1),
        ("---\ntitle: X\nthis is not yaml\n---\n", "cannot read front-matter line", 3, 1),
        (
            "# X\n\n## Syntax\n\n```C\ntypedef enum {\n  A = 1,\n  2 + 2,\n} X;\n```\n",
            "cannot read enum member '2 + 2'",
            8,
            3,
        ),
        ("# X\n## Syntax\n```C\ntypedef enum tagX {\n  A = 1,\n```\n", "no closing '}'", 4, 9),
        (
            "# X\n## Constants\n<dl> <dt>\n\n42\n</dt> <dd>\n\nno name\n\n</dd> </dl>\n",
            "constant without a name",
            3,
            1,
        ),
    ],
)
def test_malformed_pages_raise_located_errors(tmp_path: Path, text: str, message: str, line: int, column: int) -> None:
    path = write(tmp_path, text)
    with pytest.raises(GenError) as caught:
        parse_page(path)
    diagnostic = caught.value.diagnostic
    assert message in diagnostic.message
    assert diagnostic.location == Location(path.as_posix(), line, column)


def test_non_utf8_page_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"---\ntitle: X\n---\n# X \xff\n")
    with pytest.raises(GenError) as caught:
        parse_page(path)
    assert caught.value.diagnostic.location == Location(path.as_posix(), 4, 1)


def test_load_docs_is_sorted_and_reads_md_and_txt(tmp_path: Path) -> None:
    names = [Path(p.path).name for p in load_docs([FIXTURES])]
    assert names == sorted(names)
    assert {"smtpcommand.md", "inboxview.txt"} <= set(names)
    assert len(names) == 7
    write(tmp_path, "not a page", "notes.rst")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "# B\n", "b.md")
    write(tmp_path, "# A\n", "a.txt")
    assert [Path(p.path).name for p in load_docs([tmp_path, tmp_path / "sub"])] == ["a.txt", "b.md"]


def test_load_docs_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(GenError, match="not found"):
        load_docs([tmp_path / "nope"])


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**SMTP\\_NONE** and *italic* and __bold__", "SMTP_NONE and italic and bold"),
        ("`a\\_b *c*` stays", "a\\_b *c* stays"),
        (
            '[**text**](http://x/(y) "t") and ![alt](i.png) and <https://e.com>',
            "text and alt and https://e.com",
        ),
        ("\\[in\\] \\*not em\\*", "[in] *not em*"),
        ("&amp; &lt;b&gt; &#39;q&#39; &#x41; a&nbsp;b &bogus;", "& <b> 'q' A a b &bogus;"),
        ('<span id="X"></span>one<br/>two<!-- hidden -->', "one two"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("<dl> <dt>term</dt> <dd>def</dd> </dl>", "term\n\ndef"),
        ("line one\nline   two\n\n\n  next para  ", "line one line two\n\nnext para"),
        ("snake_case_name and __int64 and 2*3*4", "snake_case_name and __int64 and 2*3*4"),
        ("x < y and <FOO> stay", "x < y and <FOO> stay"),
        ("- one\n- two\n1. first", "one\n\ntwo\n\n1. first"),
        ("> [!NOTE]\n> Careful.", "Note: Careful."),
        ("## Heading\ntext", "Heading\n\ntext"),
        ("| a | b |\n|---|---|\n| c | \\| d |", "a | b\n\nc | | d"),
        ("```C\nint  x;\n```\nafter", "int x;\n\nafter"),
        ("", ""),
    ],
)
def test_to_plain_text(markdown: str, plain: str) -> None:
    assert to_plain_text(markdown) == plain


def test_markup_and_entities_are_stripped(pages: list[DocPage]) -> None:
    page = page_named(pages, "foldersort")
    assert page.title == "FOLDERSORT enumeration"
    assert page.description == "Sort orders for a folder listing, used by SortFolder & friends."
    assert page.descriptions["FOLDER_SORT_NAME"] == (
        'Sorts by name with lstrcmpi, so "a" < "B". Ties keep their order.'
        "\n\nNote: Names that differ only in case are equal here."
    )
    assert page.descriptions["FOLDER_SORT_DATE"] == "Newest first.\n\nSee the overview for the clock's source."
    # A nested <dl> is text of its member, not more members.
    assert list(page.descriptions) == ["FOLDER_SORT_NAME", "FOLDER_SORT_DATE", "FOLDER_SORT_SIZE"]
    assert page.descriptions["FOLDER_SORT_SIZE"] == (
        "Largest first. The size is one of:\n\nBytes [default]\n\nExact size.\n\ncounted on disk\n\nrounded to kilobytes"
    )


def test_code_like_text_comes_through_intact(pages: list[DocPage]) -> None:
    page = page_named(pages, "quotemode")
    assert (
        page.description
        == 'Keeps """quotes""", {{ braces }}, {% tags %}, ${dollars} and a lone ` backtick as they are.'
    )
    assert page.descriptions["QUOTE_PLAIN"] == 'Ends a docstring with """ and a comment with */; opens one with /* too.'
    assert page.descriptions["QUOTE_RAW"] == (
        'A path such as C:\\Temp\\new stays; \\ is one backslash; "\\n" */ is code.'
        " Bell \x07, escape \x1b[31m, unit \x1f and delete \x7f survive."
    )
    # A comment in the Syntax block holding "}" and ";" does not end the enum.
    assert [m.name for m in page.syntax_members] == ["QUOTE_PLAIN", "QUOTE_RAW"]
    assert page.syntax_typedefs == ("QUOTEMODE",)


# --------------------------------------------------------------------------
# Matching and applying
# --------------------------------------------------------------------------


def test_match_pages(pages: list[DocPage]) -> None:
    enums = header_enums()
    matches = match_pages(pages, enums)
    found = {m.enum.name: (Path(m.page.path).stem, m.how) for m in matches.matches}
    assert found == {
        "SMTPCOMMAND": ("smtpcommand", "tag"),  # the page calls it ACCESSTYPE
        "INBOXVIEW": ("inboxview", "typedef"),
        "RELAYMODE": ("relaymode", "typedef"),
        "SPOOLFLAGS": ("spoolflags", "typedef"),
        None: ("foldersort", "members"),  # anonymous in the header
        "QUOTEMODE": ("quotemode", "typedef"),
    }
    assert [m.enum for m in matches.matches] == [e for e in enums if e.name != "UNDOCUMENTED"]
    assert [e.name for e in matches.undocumented] == ["UNDOCUMENTED"]
    assert [Path(p.path).stem for p in matches.unmatched_pages] == ["printquality"]
    assert matches.page_for(enums[0]) is page_named(pages, "smtpcommand")
    assert matches.page_for(enums[-1]) is None


def test_each_page_documents_one_enum_at_most(pages: list[DocPage]) -> None:
    elsewhere = make_enum("RELAYMODE", ["RELAY_OFF", "RELAY_ON", "RELAY_AUTO"])
    elsewhere = Enum(elsewhere.tag, elsewhere.typedefs, elsewhere.members, Location("Other.h", 5, 1), INT)
    enums = [elsewhere, make_enum("RELAYMODE", ["RELAY_OFF", "RELAY_ON", "RELAY_AUTO"], line=300)]
    matches = match_pages(pages, enums)
    assert len(matches.matches) == 1
    # The page's api_location names Imnxport.h, so that declaration wins.
    assert matches.matches[0].enum is enums[1]
    assert matches.undocumented == (elsewhere,)


def test_member_majority_is_needed_on_both_sides(pages: list[DocPage]) -> None:
    few = make_enum(None, ["SMTP_NONE", "SMTP_DOT"], tag=None)  # 2 of the page's 15
    other = make_enum(None, ["PRINT_DRAFT", "PRINT_BEST", "X_1", "X_2", "X_3"], tag=None)  # 2 of its 5
    assert match_pages(pages, [few, other]).matches == ()


def test_apply_docs_fills_enum_and_member_docs(pages: list[DocPage]) -> None:
    enums = header_enums()
    documented = apply_docs(enums, match_pages(pages, enums))
    smtp = documented[0]
    assert smtp.doc is not None and smtp.doc.startswith("Names the step an SMTP session has reached")
    dot = next(m for m in smtp.members if m.name == "SMTP_DOT")
    assert dot.doc == (
        "The lone period that ends the body was sent; the transport tidies up and goes back to SMTP_SEND_MESSAGE."
    )
    assert all(m.doc for m in smtp.members)
    assert dot.value == 12 and dot.location == enums[0].members[12].location  # the rest is untouched
    spool = documented[3]
    assert [m.doc for m in spool.members][-1] is None  # SPOOL_ARCHIVE is not documented
    assert documented[-1] == enums[-1]  # no page, unchanged


def test_apply_docs_pages_take_precedence(pages: list[DocPage]) -> None:
    """Over descriptions an earlier stage set (an IDL [helpstring]); what the
    page does not describe keeps its own."""
    enum = smtpcommand()
    members = (
        Member("SMTP_NONE", 0, None, enum.members[0].location, doc="From the IDL."),
        Member("SMTP_BANNER", 1, None, enum.members[1].location, doc="Also from the IDL."),
        Member("SMTP_UNDOCUMENTED", 99, None, enum.members[1].location, doc="Only in the IDL."),
    )
    enum = Enum(enum.tag, enum.typedefs, members, enum.location, INT, doc="IDL doc.")
    (result,) = apply_docs([enum], match_pages(pages, [enum]))
    assert result.doc is not None and result.doc != "IDL doc."
    assert result.members[1].doc == "The server greeted a fresh connection; a greeting command goes out next."
    assert result.members[2].doc == "Only in the IDL."


# --------------------------------------------------------------------------
# Drift report
# --------------------------------------------------------------------------


def test_drift_flags_the_typedef_the_docs_name(pages: list[DocPage]) -> None:
    report = drift_report(match_pages(pages, [smtpcommand()]))
    (entry,) = report.enums
    assert entry.typedef_names == ("ACCESSTYPE",)
    assert (entry.tag, entry.values, entry.documented_only, entry.undocumented) == (
        None,
        (),
        (),
        (),
    )
    page = (FIXTURES / "smtpcommand.md").as_posix()
    assert report.to_text().split("\n")[0] == (
        f"Imnxport.h:100: SMTPCOMMAND: docs name the typedef ACCESSTYPE (page {page})"
    )
    assert report.has_drift


def test_drift_lines_for_every_kind_of_finding(pages: list[DocPage]) -> None:
    text = drift_report(match_pages(pages, header_enums())).to_text()
    page = FIXTURES.as_posix()
    assert text.split("\n") == [
        f"Imnxport.h:100: SMTPCOMMAND: docs name the typedef ACCESSTYPE (page {page}/smtpcommand.md)",
        f"Imnxport.h:303: RELAYMODE: RELAY_AUTO is 2 in the header, docs say 0x3 (= 3) (page {page}/relaymode.md)",
        (
            "Imnxport.h:400: SPOOLFLAGS: docs list SPOOL_LEGACY, which the header does not declare"
            f" (page {page}/spoolflags.md)"
        ),
        f"Imnxport.h:404: SPOOLFLAGS: SPOOL_ARCHIVE is not documented (page {page}/spoolflags.md)",
        f"Imnxport.h:500: (anonymous enum): docs name the typedef FOLDERSORT (page {page}/foldersort.md)",
        f"{page}/printquality.md: page documents PRINTQUALITY, which matches no enum",
    ]


def test_correct_page_has_no_drift(pages: list[DocPage]) -> None:
    inbox = header_enums()[1]
    report = drift_report(match_pages([page_named(pages, "inboxview")], [inbox]))
    assert not report.has_drift
    assert report.to_text() == ""
    assert report.to_json()["enums"][0]["has_drift"] is False


def test_value_drift_from_constants_and_implied_values() -> None:
    page = parse_text(
        "# E\n## Syntax\n```C\ntypedef enum { E_A = 5, E_B } E;\n```\n"
        "## Constants\n<dl> <dt>\n\n**E\\_A** (0x6)\n</dt> <dd>\n\nA.\n\n</dd> <dt>\n\n**E\\_B**\n</dt> <dd>\n\nB.\n\n</dd> </dl>\n",
        "e.md",
    )
    enum = make_enum("E", [("E_A", 5), ("E_B", 7)])
    report = drift_report(match_pages([page], [enum]))
    assert [(v.member.name, v.docs_text, v.docs_value, v.source) for v in report.enums[0].values] == [
        ("E_A", "0x6", 6, "constants"),
        ("E_B", None, 6, "syntax"),
    ]
    assert "E_B is 7 in the header, docs imply 6 (page e.md)" in report.to_text()


def test_values_compare_in_the_underlying_type() -> None:
    page = parse_text("# E\n## Syntax\n```C\ntypedef enum { E_ALL = 0xFFFFFFFF } E;\n```\n", "e.md")
    report = drift_report(match_pages([page], [make_enum("E", [("E_ALL", -1)])]))
    assert report.enums[0].values == ()


def test_drift_json_is_plain_and_deterministic(pages: list[DocPage]) -> None:
    first = drift_report(match_pages(pages, header_enums())).to_json()
    again = drift_report(match_pages(list(reversed(pages)), header_enums())).to_json()
    assert json.dumps(first) == json.dumps(again)
    assert first["has_drift"] is True
    assert list(first) == ["has_drift", "enums", "unmatched_pages"]
    smtp = first["enums"][0]
    assert smtp == {
        "enum": "SMTPCOMMAND",
        "location": {"file": "Imnxport.h", "line": 100, "column": 1},
        "page": (FIXTURES / "smtpcommand.md").as_posix(),
        "matched_by": "tag",
        "has_drift": True,
        "typedef_names": ["ACCESSTYPE"],
        "tag": None,
        "values": [],
        "documented_only": [],
        "undocumented": [],
    }
    relay = next(e for e in first["enums"] if e["enum"] == "RELAYMODE")
    assert relay["values"] == [
        {
            "member": "RELAY_AUTO",
            "location": {"file": "Imnxport.h", "line": 303, "column": 3},
            "header_value": 2,
            "docs_text": "0x3",
            "docs_value": 3,
            "source": "syntax",
        }
    ]
    assert first["unmatched_pages"] == [{"page": (FIXTURES / "printquality.md").as_posix(), "name": "PRINTQUALITY"}]


def test_tag_drift_and_text_stays_one_line_per_finding() -> None:
    page = parse_text("# E\n## Syntax\n```C\ntypedef enum tagOTHER { E_A } E;\n```\n", "odd\nname.md")
    enum = make_enum("E", ["E_A"])
    report = drift_report(match_pages([page], [enum]))
    assert report.enums[0].tag == "tagOTHER"
    assert report.to_text() == "Imnxport.h:1: E: docs name the tag tagOTHER, the header tagE (page odd name.md)"


# --------------------------------------------------------------------------
# Readings of real Microsoft pages that a hand-written parser got wrong
# --------------------------------------------------------------------------


def test_bold_around_a_bold_link_leaves_no_markdown() -> None:
    # SDK pages link an enum in bold around a bold name: **[**SMTPCOMMAND**](oe-smtpcommand.md)**.
    text = "Receives the **[**SMTPCOMMAND**](oe-smtpcommand.md)** that ended."
    assert to_plain_text(text) == "Receives the SMTPCOMMAND that ended."
    page = parse_text(
        "# E\n## Constants\n<dl> <dt>\n\n**[**E\\_ONE**](e.md)** (1)\n</dt> <dd>\n\nSee **[**E**](e.md)**.\n\n</dd> </dl>\n",
        "e.md",
    )
    assert dict(page.descriptions) == {"E_ONE": "See E."}
    assert page.constant_values == (DocMember("E_ONE", "1", 1),)


def test_escaped_front_matter_title_is_read_whole(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\ntitle: IMAP\\_RESPONSE\\_TYPE enumeration\napi_name:\n - IMAP_RESPONSE_TYPE\n---\n\n# X\n",
    )
    page = parse_page(path)
    assert page.title == "IMAP_RESPONSE_TYPE enumeration"
    assert page.title_name == "IMAP_RESPONSE_TYPE"


def test_front_matter_is_yaml(tmp_path: Path) -> None:
    page = parse_page(
        write(
            tmp_path,
            "---\n"
            "title: 'Quoted: with a colon'\n"
            "description: >-\n  Folded\n  text.\n"
            "api_name: [A, B]\n"
            "api_location: Imnxport.h\n"
            "ms.date: 2018-12-05\n"
            "nested: {a: 1}\n"
            "---\n",
        )
    )
    assert (page.title, page.description, page.api_names, page.api_locations) == (
        "Quoted: with a colon",
        "Folded text.",
        ("A", "B"),
        ("Imnxport.h",),
    )


@pytest.mark.parametrize(
    ("front", "message", "line"),
    [
        ("- a list\n", "front matter is not a table of keys", 2),
        ("a: " + "[" * 5000 + "\n", "cannot read", 2),
        ("title: Foo: bar\n", "cannot read front-matter line 'title: Foo: bar'", 2),
    ],
)
def test_front_matter_that_is_not_a_table_is_a_located_error(
    tmp_path: Path, front: str, message: str, line: int
) -> None:
    path = write(tmp_path, f"---\n{front}---\n# X\n")
    with pytest.raises(GenError) as caught:
        parse_page(path)
    assert message in caught.value.diagnostic.message
    assert caught.value.diagnostic.location == Location(path.as_posix(), line, 1)


def test_star_between_digits_is_text_and_nesting_is_bounded() -> None:
    assert to_plain_text("2*3*4 and a*b but *em*") == "2*3*4 and a*b but em"
    # markdown-it-py caps nesting (quotes deeper than its limit are left
    # out) and recurses no deeper than that: no RecursionError.
    assert to_plain_text("> " * 2000 + "quoted") == ""
    assert to_plain_text("quoted " + "[" * 2000 + "x" + "](y)" * 2000).startswith("quoted [[[")


def test_many_emphasis_openers_parse_in_linear_time() -> None:
    # Issue 18: a <dd> of "*a " x 50,000 took over 60 s. CommonMark's
    # delimiter algorithm is linear; the timing itself is in bench/, here
    # only the result (and that the suite does not stall).
    page = parse_text(
        "# E\n## Constants\n<dl> <dt>\n\n**E\\_A**\n</dt> <dd>\n\n" + "*a " * 50_000 + "\n\n</dd> </dl>\n", "e.md"
    )
    assert page.descriptions["E_A"] == " ".join(["*a"] * 50_000)


def test_a_docs_folder_nested_1500_deep(tmp_path: Path) -> None:
    # Made level by level relative to the one above (pathlib's mkdir would recurse).
    folder = tmp_path / "docs"
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1500):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        page = os.open("x.md", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(page, b"---\ntitle: X enumeration\napi_name: [X]\n---\n# X\nDeep.\n")
        os.close(page)
    finally:
        os.close(fd)
    try:
        assert [p.description for p in load_docs([folder])] == ["Deep."]
        assert len(doc_folders([folder])) == 1501
    finally:
        _remove_deep(folder, 1500)


def _remove_deep(folder: Path, depth: int) -> None:
    """Remove the chain of "d" folders bottom-up (shutil.rmtree, which
    pytest uses to clean up, recurses once per level)."""
    fds = [os.open(folder, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("x.md", dir_fd=fds[-1])
    for level in range(depth, 0, -1):
        os.close(fds[level])
        os.rmdir("d", dir_fd=fds[level - 1])
    os.close(fds[0])


def test_docs_path_that_is_a_device_says_so() -> None:
    with pytest.raises(GenError, match="neither a folder nor a regular file"):
        load_docs(["/dev/null"])

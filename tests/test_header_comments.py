"""The header's own comments as descriptions (gen/c/comments.py): which
comment describes which enum, member or #define group, on small headers
written here and on real ones (Wine, mingw-w64 and Vulkan from Debian's
packages, fetched into the corpus cache; GEN_SKIP_CORPUS=1 skips those)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from gen.c.comments import clean, scan
from gen.c.frontend import extract
from gen.c.inttypes import LLP64, IntTypes
from gen.diagnostics import Location
from gen.model import Enum, Member, Module
from gen.output.viewmodel import module_view

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def docs_of(tmp_path: Path, text: str) -> dict[str, str | None]:
    """name -> comment, for every enum (by name) and member of ``text``."""
    header = tmp_path / "h.h"
    header.write_text(text, encoding="utf-8")
    module = extract(header).module
    found: dict[str, str | None] = {}
    for e in module.enums:
        found[e.name or "(anonymous)"] = e.comment
        found.update({m.name: m.comment for m in e.members})
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Doxygen, before and after
        ("/** E doc. */\nenum E { A };", {"E": "E doc.", "A": None}),
        ("/*! E doc. */\ntypedef enum { A } E;", {"E": "E doc."}),
        ("/// line one\n/// line two\nenum E { A };", {"E": "line one line two"}),
        ("//! bang\nenum E { A };", {"E": "bang"}),
        (
            "enum E {\n  A, ///< a\n  B, //!< b\n  C /**< c */,\n  D /*!< d */\n};",
            {"A": "a", "B": "b", "C": "c", "D": "d"},
        ),
        ("enum E {\n  /** before B */\n  B = 2,\n};", {"B": "before B"}),
        # an explicit "after" comment wins over a plain one above
        ("enum E {\n  /* above */\n  A = 1, /**< after */\n};", {"A": "after"}),
        # plain comments above and after are both kept
        ("enum E {\n  /* above */\n  A = 1, /* after */\n};", {"A": "above\n\nafter"}),
        # plain, after the comma, before it, after the last member, spanning lines
        (
            "enum E {\n  A = 1, /* a */\n  B = 2 /* b */,\n  C = 3 /* c\n         more c */\n};",
            {"A": "a", "B": "b", "C": "c more c"},
        ),
        # a comment after a member is never the next member's comment above
        ("enum E {\n  A, /* about A */\n  B\n};", {"A": "about A", "B": None}),
        # members on one line: the comment after the last one is its own
        ("enum E { A, B, C }; /* not about A */", {"A": None, "B": None, "C": None}),
        ("enum E {\n  A, B, /* about B */\n};", {"A": None, "B": "about B"}),
        # a blank line between comment and declaration: nothing
        ("/* far away */\n\nenum E { A };", {"E": None}),
        # typedef and MIDL attribute comments may stand between
        ("/* The E. */\ntypedef /* [public][v1_enum] */\nenum tagE { A } E;", {"E": "The E."}),
        ("enum E {\n  /* [helpstring] */ A = 1,\n};", {"A": None}),
        # Doxygen block layout: stars, @brief, paragraphs, separators
        (
            "/**\n * @brief The E.\n *\n * More about it.\n */\nenum E { A };",
            {"E": "The E.\n\nMore about it."},
        ),
        ("/*****************/\n/* Banner E */\n/*****************/\nenum E { A };", {"E": "Banner E"}),
        ("//------\n// Boxed E\n//------\nenum E { A };", {"E": "Boxed E"}),
        # comment-like text inside literals is not a comment
        ('const char *s = "/* no */";\nenum E { A };', {"E": None}),
        # #define constants: after, above, headings over a run, the group's heading
        ("#define ONE_A 1 /* a */\n#define ONE_B 2 // b\n", {"ONE_A": "a", "ONE_B": "b"}),
        (
            "/* The group */\n#define TWO_A 1\n#define TWO_B 2\n",
            {"TWO": "The group", "TWO_A": None, "TWO_B": None},
        ),
        (
            "// first kind\n#define R_OK 0\n#define R_BUSY 1 /* busy */\n// second kind\n#define R_LOST 2\n#define R_GONE 3\n",
            {"R": None, "R_OK": None, "R_BUSY": "busy", "R_LOST": None, "R_GONE": None},
        ),
        (
            "// Returned when empty\n#define RL_EMPTY 1\n// Stands for the last one\n#define RL_LAST 2\n",
            {"RL": None, "RL_EMPTY": "Returned when empty", "RL_LAST": "Stands for the last one"},
        ),
        ("/* The port */\n#define DEFAULT_PORT 80\n", {"DEFAULT_PORT": "The port"}),
    ],
)
def test_which_comment_describes_what(tmp_path: Path, text: str, expected: dict[str, str | None]) -> None:
    found = docs_of(tmp_path, text)
    assert {name: found[name] for name in expected} == expected


def test_a_define_in_an_included_file_takes_its_own_files_comments(tmp_path: Path) -> None:
    (tmp_path / "inner.h").write_text("\n\n#define INNER_ONE 1 /* one */\n", encoding="utf-8")
    header = tmp_path / "h.h"
    header.write_text('#include "inner.h"\n/* Outer. */\nenum OUTER { O_A };\n', encoding="utf-8")
    module = extract(header, macros="all").module
    found = {e.name: e.comment for e in module.enums} | {m.name: m.comment for e in module.enums for m in e.members}
    assert (found["INNER_ONE"], found["OUTER"]) == ("one", "Outer.")


def test_crlf_and_latin1_headers(tmp_path: Path) -> None:
    header = tmp_path / "h.h"
    header.write_bytes(b"/* Caf\xe9 enum. */\r\nenum E {\r\n  A = 1, /* \xe0 la carte */\r\n};\r\n")
    module = extract(header).module
    (e,) = module.enums
    assert (e.comment, e.members[0].comment) == ("Caf\u00e9 enum.", "\u00e0 la carte")


def test_clean_and_scan() -> None:
    assert clean(" * one\n * two\n *\n * three ") == "one two\n\nthree"
    assert clean(" [in][out] ") == "" and clean("-----") == ""
    kinds = [(c.kind, c.text, c.starts_line) for c in scan("x; /// a\n/**< b */ //!< c\n/* d")]
    assert kinds == [("doc", "a", False), ("after", "b", True), ("after", "c", False), ("plain", "d", True)]


def test_many_comments_do_not_slow_extraction_down(tmp_path: Path) -> None:
    # 100,000 comments and 20,000 members: one linear pass (timings are in bench/).
    lines = ["/* filler */"] * 100_000 + ["enum BIG {"] + [f"  M{i} = {i}, /* m{i} */" for i in range(20_000)] + ["};"]
    found = docs_of(tmp_path, "\n".join(lines) + "\n")
    assert found["M0"] == "m0" and found["M19999"] == "m19999"
    assert found["BIG"] == "filler"  # the nearest block comment only


def test_documentation_pages_win_and_the_switch_turns_comments_off() -> None:
    loc = Location("h.h", 1, 1)
    member = Member("A", 1, None, loc, doc=None, comment="from the header")
    paged = Member("B", 2, None, loc, doc="from the page", comment="from the header")
    enum = Enum("E", (), (member, paged), loc, IntTypes(LLP64).int, comment="header", doc="page")
    module = Module("h.h", (enum,))
    view = module_view(module, "h", target="x86_64-w64-mingw32")
    (e,) = view.enums
    assert (e.doc, [m.doc for m in e.members]) == ("page", ["from the header", "from the page"])
    off = module_view(module, "h", target="x86_64-w64-mingw32", header_comments=False)
    assert (off.enums[0].doc, [m.doc for m in off.enums[0].members]) == ("page", [None, "from the page"])


def test_no_header_comments_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "h.h").write_text("/* About E. */\nenum E { A /* a */ };\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "GEN_NO_CACHE": "1"}
    for args, has_doc in ((["--no-header-comments"], False), ([], True)):
        proc = subprocess.run(
            [sys.executable, "-m", "gen", "-q", "-f", "json", "-o", "out", *args, "h.h"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
        )
        assert proc.returncode == 0, proc.stderr
        assert ('"doc": "About E."' in (tmp_path / "out" / "h.json").read_text(encoding="utf-8")) is has_doc


# -- real headers ------------------------------------------------------------------------------------------

corpus_only = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")


def _real(name: str) -> tuple[Path, list[str]]:
    from tests.differential.corpus import load

    corpus = load(name)
    return corpus.root, list(corpus.include_dirs)


@corpus_only
@pytest.mark.parametrize(
    ("corpus", "header", "expected"),
    [
        # Wine: plain comments after #defines and after enum members
        (
            "wine",
            "mmsystem.h",
            {"SND_ASYNC": "play asynchronously", "MMIO_READ": "open file for reading only"},
        ),
        ("wine", "cvconst.h", {"CV_REG_PCDR3": "this includes PCDR4 to PCDR7"}),
        ("wine", "commctrl.h", {"ICC_TAB_CLASSES": "tab, tooltips"}),
        # mingw-w64
        (
            "mingw",
            "d3d9types.h",
            {"D3DPRESENTFLAG_LOCKABLE_BACKBUFFER": "Create a lockable backbuffer", "D3DRS_ZENABLE": None},
        ),
    ],
)
def test_real_headers(corpus: str, header: str, expected: dict[str, str | None]) -> None:
    root, include_dirs = _real(corpus)
    module = extract(root / header, include_dirs=include_dirs, force_includes=["windows.h"]).module
    found = {m.name: m.comment for e in module.enums for m in e.members}
    assert {name: found[name] for name in expected} == expected


@pytest.fixture(scope="module")
def vulkan() -> Path:
    from tests.differential.corpus import _download, cache_dir

    root = cache_dir() / "vulkan"
    marker = root / ".unpacked"
    if not marker.exists():
        debs = cache_dir() / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        deb = _download("libvulkan-dev", debs)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        marker.write_text(deb.name + "\n", encoding="utf-8")
    return root / "usr" / "include"


@corpus_only
def test_vulkan_core(vulkan: Path) -> None:
    # Debian 12's Vulkan 1.3 headers: the licence block heads the file and
    # describes nothing; the few constants with a comment above keep it.
    module = extract(vulkan / "vulkan" / "vulkan_core.h", include_dirs=[str(vulkan)], target="x86_64-linux-gnu").module
    documented = {m.name: m.comment for e in module.enums for m in e.members if m.comment}
    assert documented == {"VK_HEADER_VERSION": "Version of this file"}
    assert not [e.name for e in module.enums if e.comment]
    assert len(module.enums) > 500

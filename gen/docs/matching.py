"""Pairing reference pages with enums, and copying their descriptions
into the model (:func:`match_pages`, :func:`apply_docs`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gen.docs.page import DocPage
from gen.model import Enum, Member


@dataclass(frozen=True)
class DocMatch:
    """One enum and the page that documents it.

    ``how`` says which rule paired them (see :func:`match_pages`):
    "typedef", "tag", "title" or "members".
    """

    enum: Enum
    page: DocPage
    how: str


@dataclass(frozen=True)
class DocMatches:
    """The result of :func:`match_pages`."""

    #: Matched enums, in the order the enums were given.
    matches: tuple[DocMatch, ...]
    #: Enums no page documents, in the order given.
    undocumented: tuple[Enum, ...]
    #: Pages that document no enum, sorted by path.
    unmatched_pages: tuple[DocPage, ...]

    def page_for(self, enum: Enum) -> DocPage | None:
        """The page matched to ``enum`` (compared by value), if any."""
        return next((m.page for m in self.matches if m.enum == enum), None)


#: A rule: does this page document this enum? None for no, else a score
#: whose higher values win when several pairs compete.
_Rule = Callable[[Enum, DocPage], "int | None"]


def match_pages(pages: Sequence[DocPage], enums: Sequence[Enum]) -> DocMatches:
    """Pair each enum with the page that documents it.

    Rules apply in order of confidence; each pairs the enums and pages that
    earlier rules left over:

    1. a typedef name of the enum is one of the page's ``api_name`` entries
       or Syntax-block typedef names;
    2. the enum's tag is the page's Syntax tag (or one of its api names);
    3. a typedef name of the enum is the name the page title starts with
       ("FOO" of "FOO enumeration");
    4. the member names overlap by a majority of both the enum's members
       and the page's.

    Each page documents at most one enum and each enum gets at most one page.
    When several pairs compete in one rule, a page whose ``api_location``
    names the enum's header wins, then the larger member overlap, then the
    earlier enum and the earlier page, so the result is deterministic.
    """
    taken_pages: set[int] = set()
    found: dict[int, DocMatch] = {}
    rules = (
        ("typedef", _by_typedef),
        ("tag", _by_tag),
        ("title", _by_title),
        ("members", _by_members),
    )
    for how, rule in rules:
        for _, e, p in _candidates(pages, enums, rule, set(found), taken_pages):
            if e not in found and p not in taken_pages:
                found[e] = DocMatch(enums[e], pages[p], how)
                taken_pages.add(p)
    return DocMatches(
        matches=tuple(found[e] for e in sorted(found)),
        undocumented=tuple(enum for e, enum in enumerate(enums) if e not in found),
        unmatched_pages=tuple(sorted((p for i, p in enumerate(pages) if i not in taken_pages), key=lambda p: p.path)),
    )


def _candidates(
    pages: Sequence[DocPage],
    enums: Sequence[Enum],
    rule: _Rule,
    skip_enums: set[int],
    skip_pages: set[int],
) -> list[tuple[tuple[int, int], int, int]]:
    """Pairs the rule accepts, best first: ((location, overlap), enum, page)."""
    pairs = []
    for e, enum in enumerate(enums):
        if e in skip_enums:
            continue
        for p, page in enumerate(pages):
            if p in skip_pages or rule(enum, page) is None:
                continue
            pairs.append(((_same_header(enum, page), _overlap(enum, page)), e, p))
    pairs.sort(key=lambda pair: (-pair[0][0], -pair[0][1], pair[1], pair[2]))
    return pairs


def _by_typedef(enum: Enum, page: DocPage) -> int | None:
    names = set(page.api_names) | set(page.syntax_typedefs)
    return 1 if names.intersection(enum.typedefs) else None


def _by_tag(enum: Enum, page: DocPage) -> int | None:
    if enum.tag is None:
        return None
    return 1 if enum.tag == page.syntax_tag or enum.tag in page.api_names else None


def _by_title(enum: Enum, page: DocPage) -> int | None:
    return 1 if page.title_name is not None and page.title_name in enum.typedefs else None


def _by_members(enum: Enum, page: DocPage) -> int | None:
    overlap = _overlap(enum, page)
    mine, theirs = len(enum.members), len(page.member_names)
    return overlap if overlap * 2 > mine and overlap * 2 > theirs else None


def _overlap(enum: Enum, page: DocPage) -> int:
    return len({m.name for m in enum.members}.intersection(page.member_names))


def _same_header(enum: Enum, page: DocPage) -> int:
    header = Path(enum.location.file).name.lower()
    return int(header in {Path(loc).name.lower() for loc in page.api_locations})


# --------------------------------------------------------------------------
# Attaching docs to the model
# --------------------------------------------------------------------------


def apply_docs(enums: Iterable[Enum], matches: DocMatches) -> tuple[Enum, ...]:
    """Return ``enums`` with docs from their matched pages filled in.

    ``Enum.doc`` gets the page description and each ``Member.doc`` the
    Constants description of the same name. A page takes precedence over a
    description set by an earlier stage (an IDL ``[helpstring]``), which an
    empty or missing description leaves as it was; enums without a page come
    back unchanged.
    """
    return tuple(_with_docs(enum, matches.page_for(enum)) for enum in enums)


def _with_docs(enum: Enum, page: DocPage | None) -> Enum:
    if page is None:
        return enum
    members = tuple(_member_with_doc(m, page.descriptions.get(m.name)) for m in enum.members)
    doc = page.description or enum.doc
    return dataclasses.replace(enum, members=members, doc=doc)


def _member_with_doc(member: Member, description: str | None) -> Member:
    if not description:
        return member
    return dataclasses.replace(member, doc=description)

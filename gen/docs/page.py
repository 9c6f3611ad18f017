"""Microsoft SDK reference pages: read one into a :class:`DocPage`.

A reference page is Markdown with YAML front matter, a ``## Syntax`` section
whose fenced code block declares the enum, and a ``## Constants`` section that
describes each member in a ``<dl>`` list::

    ---
    title: FOO enumeration
    api_name:
    - FOO
    ---
    # FOO enumeration
    What FOO is for.
    ## Syntax
    ```C++
    typedef enum tagFOO { FOO_A = 0, FOO_B = 1 } FOO;
    ```
    ## Constants
    <dl> <dt> <span id="FOO_A"></span>**FOO\\_A** </dt> <dd> About A. </dd> </dl>

:func:`parse_page` / :func:`load_docs` read pages (:func:`parse_text`
parses text already in memory); :mod:`gen.docs.sections` reads the Syntax
and Constants sections, :mod:`gen.docs.markdown` the text, and
:mod:`gen.docs.matching` pairs pages with enums.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from gen.diagnostics import GenError, Location
from gen.docs.markdown import HEADING, collapse, normalize_newlines, to_plain_text, track_fence
from gen.docs.sections import IDENT_PREFIX, DocMember, Section, read_constants, read_syntax

# --------------------------------------------------------------------------
# The page model
# --------------------------------------------------------------------------


def _frozen_map(items: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True)
class DocPage:
    """What one reference page says about one enum.

    All text fields are plain text (see :func:`to_plain_text`), not Markdown.
    """

    #: The page file, as given to :func:`parse_page` ('/' separators).
    path: str
    #: Front-matter ``title``, else the H1 heading ("FOO enumeration").
    title: str = ""
    #: The introduction after the H1, else the front-matter ``description``.
    description: str = ""
    #: Front-matter ``api_name`` list: the names the page is filed under.
    api_names: tuple[str, ...] = ()
    #: Front-matter ``api_location`` list (headers, DLLs).
    api_locations: tuple[str, ...] = ()
    #: The enum tag in the Syntax block (``tagFOO``), if any.
    syntax_tag: str | None = None
    #: Plain (non-pointer) typedef names declared by the Syntax block.
    syntax_typedefs: tuple[str, ...] = ()
    #: The members of the Syntax block, in order.
    syntax_members: tuple[DocMember, ...] = ()
    #: Member name -> description from the Constants section, in page order.
    descriptions: Mapping[str, str] = field(default_factory=_frozen_map, hash=False)
    #: Values the Constants section writes beside a name (``**FOO** (0x1)``).
    constant_values: tuple[DocMember, ...] = ()

    @property
    def name(self) -> str:
        """The name the page documents, for messages."""
        for names in (self.syntax_typedefs, self.api_names):
            if names:
                return names[0]
        return self.title_name or self.syntax_tag or Path(self.path).stem

    @property
    def title_name(self) -> str | None:
        """The identifier that starts the title ("FOO" of "FOO enumeration")."""
        match = IDENT_PREFIX.match(self.title)
        return match.group(0) if match else None

    @property
    def member_names(self) -> tuple[str, ...]:
        """Every member the page names: Syntax block first, then Constants."""
        names = [m.name for m in self.syntax_members]
        names += [n for n in self.descriptions if n not in names]
        return tuple(names)


# --------------------------------------------------------------------------

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_FRONT_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
_CONSTANTS_SECTIONS = ("constants", "members", "enumerators", "values")

#: A front matter: key -> scalar text or list of items.
FrontMatter = dict[str, str | list[str]]


def parse_page(path: str | Path) -> DocPage:
    """Read one reference page.

    Raises :class:`~gen.diagnostics.GenError`, located in the page, when the
    file is not UTF-8, has unterminated front matter, has neither front
    matter nor an H1 title, or has a Syntax block whose enum cannot be read.
    Missing sections are fine: a page without Constants is still a page.
    """
    name = Path(path).as_posix()
    return parse_text(_read(Path(path), name), name)


def parse_text(text: str, path: str) -> DocPage:
    """Parse page ``text``; ``path`` names it in the result and in errors."""
    lines = normalize_newlines(text).split("\n")
    front, body_start = _front_matter(lines, path)
    title, intro, sections = _sections(lines, body_start)
    if not front and title is None:
        raise GenError("not a reference page: no front matter and no '# ' title", Location(path, 1, 1))
    tag, typedefs, members = read_syntax(sections.get("syntax"), path)
    constants = read_constants(_first_section(sections, _CONSTANTS_SECTIONS), path)
    return DocPage(
        path=path,
        title=collapse(_scalar(front, "title") or to_plain_text(title or "")),
        description=_description(intro, _scalar(front, "description")),
        api_names=_items(front, "api_name"),
        api_locations=_items(front, "api_location"),
        syntax_tag=tag,
        syntax_typedefs=typedefs,
        syntax_members=members,
        descriptions=_frozen_map({name: text for name, _, _, text in constants}),
        constant_values=tuple(DocMember(n, t, v) for n, t, v, _ in constants if t is not None),
    )


def _read(path: Path, name: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GenError(f"cannot read documentation page: {error.strerror}", Location(name, 1)) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise GenError("documentation page is not UTF-8", Location(name, line, 1)) from error


def _front_matter(lines: list[str], path: str) -> tuple[FrontMatter, int]:
    """Parse a leading ``---`` block; return it and the index after it."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    front: FrontMatter = {}
    key: str | None = None
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() == "---":
            return front, index + 1
        key = _front_line(front, key, line, Location(path, index + 1, 1))
    raise GenError("front matter has no closing '---'", Location(path, 1, 1))


def _front_line(front: FrontMatter, key: str | None, line: str, where: Location) -> str | None:
    """Add one front-matter line; return the key that later lines extend."""
    if not line.strip() or line.lstrip().startswith("#"):
        return key
    item = _FRONT_ITEM.match(line)
    if item and key is not None:
        value = front.get(key)
        items = value if isinstance(value, list) else []
        items.append(_unquote(item.group(1)))
        front[key] = items
        return key
    pair = _FRONT_KEY.match(line)
    if pair:
        value_text = pair.group(2) or ""
        # "key:" alone (or a block-scalar indicator) opens a list or a text.
        front[pair.group(1)] = "" if value_text in ("", "|", ">", "|-", ">-") else _unquote(value_text)
        return pair.group(1)
    if line[0] in " \t" and key is not None and isinstance(front.get(key), str):
        front[key] = f"{front[key]} {line.strip()}".strip()  # folded continuation
        return key
    raise GenError(f"cannot read front-matter line {line.strip()!r}", where)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _scalar(front: FrontMatter, key: str) -> str:
    value = front.get(key, "")
    return value if isinstance(value, str) else " ".join(value)


def _items(front: FrontMatter, key: str) -> tuple[str, ...]:
    value = front.get(key, ())
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(value)


def _sections(lines: list[str], start: int) -> tuple[str | None, Section, dict[str, Section]]:
    """Split the body at headings: (H1 text, introduction, H2 sections).

    Sections are keyed by their lower-cased heading; the first of a name
    wins. Headings inside fenced code blocks are code, not headings.
    """
    title: str | None = None
    intro = Section(start + 1)
    sections: dict[str, Section] = {}
    current = intro
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        fence = track_fence(fence, line)
        heading = HEADING.match(line) if fence is None else None
        level = len(heading.group(1)) if heading else 0
        if heading and level == 1 and title is None:
            title = heading.group(2)
            intro = current = Section(index + 2)
        elif heading and level == 2:
            current = Section(index + 2)
            sections.setdefault(collapse(to_plain_text(heading.group(2))).lower(), current)
        else:
            current.lines.append(line)
    return title, intro, sections


def _first_section(sections: dict[str, Section], names: Sequence[str]) -> Section | None:
    for name in names:
        if name in sections:
            return sections[name]
    return None


def _description(intro: Section, front_description: str) -> str:
    """The introduction's paragraphs, minus "[X is available ...]" notices."""
    paragraphs = [
        p for p in to_plain_text(intro.text).split("\n\n") if p and not (p.startswith("[") and p.endswith("]"))
    ]
    return "\n\n".join(paragraphs) if paragraphs else to_plain_text(front_description)


# --------------------------------------------------------------------------
# The Syntax block


# --------------------------------------------------------------------------

_PAGE_SUFFIXES = (".md", ".txt")


def load_docs(dirs: Iterable[str | Path]) -> list[DocPage]:
    """Parse every ``*.md`` and ``*.txt`` page under ``dirs`` (recursively).

    A file given directly is read whatever its suffix. Pages come back
    sorted by path, each once, so results do not depend on file-system order.
    """
    files: set[Path] = set()
    for entry in dirs:
        path = Path(entry)
        if path.is_dir():
            files.update(_pages_under(path))
        elif path.is_file():
            files.add(path)
        else:
            raise GenError(f"documentation directory not found: {path.as_posix()}")
    return [parse_page(p) for p in sorted(files, key=lambda p: p.as_posix())]


def doc_folders(dirs: Iterable[str | Path]) -> list[Path]:
    """Every folder :func:`load_docs` lists when reading ``dirs``."""
    found: list[Path] = []
    for entry in dirs:
        root = Path(entry)
        if root.is_dir():
            found.append(root)
            found += sorted(p for p in _visible_under(root) if p.is_dir())
    return found


def _pages_under(root: Path) -> Iterable[Path]:
    for path in _visible_under(root):
        if path.suffix.lower() in _PAGE_SUFFIXES and path.is_file():
            yield path


def _visible_under(root: Path) -> Iterable[Path]:
    """Everything under ``root`` except hidden entries and what they hold
    (skip .git and friends: a docs checkout holds more than pages)."""
    for path in root.rglob("*"):
        if not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path


# --------------------------------------------------------------------------
# Matching pages to enums
# --------------------------------------------------------------------------

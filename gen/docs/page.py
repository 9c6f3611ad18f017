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

import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from gen.diagnostics import GenError, Location
from gen.docs.markdown import collapse, normalize_newlines, parse, to_plain_text
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
        # The title is Markdown too (``IMAP\_RESPONSE\_TYPE enumeration``).
        title=collapse(to_plain_text(_scalar(front, "title") or title or "")),
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
    """Parse a leading ``---`` block (YAML); return it and the index after it."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return _yaml(lines[1:index], path), index + 1
    raise GenError("front matter has no closing '---'", Location(path, 1, 1))


def _yaml(lines: list[str], path: str) -> FrontMatter:
    """The front matter's keys with their text or list of texts (other
    values, such as nested tables, are not used and left out)."""
    import yaml  # only --docs reads pages

    try:
        # safe_load: no Python objects from tags; its pure-Python loader
        # ends deep nesting in a RecursionError, not a crash.
        data = yaml.safe_load("\n".join(lines))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = min(mark.line, len(lines) - 1) if mark is not None and lines else 0
        text = lines[line].strip() if lines else ""
        raise GenError(
            f"cannot read front-matter line {text!r}: {error.problem or 'not YAML'}", Location(path, line + 2, 1)
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError):
        raise GenError("cannot read the front matter: not YAML", Location(path, 2, 1)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GenError("front matter is not a table of keys", Location(path, 2, 1))
    front: FrontMatter = {}
    for key, value in data.items():
        if _is_scalar(value):
            front[str(key)] = _text(value)
        elif isinstance(value, list):
            front[str(key)] = [_text(item) for item in value if _is_scalar(item)]
    return front


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, datetime.date)) or value is None


def _text(value: object) -> str:
    return "" if value is None else str(value)


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
    wins. Headings are CommonMark's, top-level ones only (never in code
    blocks or quotes); the H1 text is Markdown.
    """
    body = lines[start:]
    title: str | None = None
    intro = Section(start + 1)
    sections: dict[str, Section] = {}
    current = intro
    cursor = 0
    tokens = parse("\n".join(body))
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.level != 0 or token.tag not in ("h1", "h2") or not token.map:
            continue
        first, after = token.map
        text = tokens[index + 1].content if index + 1 < len(tokens) else ""
        if token.tag == "h1" and title is not None:
            continue  # a later H1 is text of its section
        current.lines.extend(body[cursor:first])
        cursor = after
        if token.tag == "h1":
            title = text
            intro = current = Section(start + after + 1)
        else:
            current = Section(start + after + 1)
            sections.setdefault(collapse(to_plain_text(text)).lower(), current)
    current.lines.extend(body[cursor:])
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
            files.update(p for p, is_dir in _visible_under(path) if not is_dir and p.suffix.lower() in _PAGE_SUFFIXES)
        elif path.is_file():
            files.add(path)
        elif path.exists():
            raise GenError(f"documentation path is neither a folder nor a regular file: {path.as_posix()}")
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
            found += sorted(p for p, is_dir in _visible_under(root) if is_dir)
    return found


def _visible_under(root: Path) -> Iterable[tuple[Path, bool]]:
    """(path, is a folder) of everything under ``root`` except hidden
    entries and what they hold (skip .git and friends: a docs checkout holds
    more than pages). Walked with a stack, not recursion, so any depth
    works; links to folders are not followed (no loops); a folder that
    cannot be listed is an error naming it."""
    pending = [(root, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = [(entry.name, entry.is_dir(follow_symlinks=False), entry.is_file()) for entry in entries]
        except OSError as error:
            where = folder.as_posix() if depth < 8 else f"{depth} levels below {root.as_posix()}"
            raise GenError(f"cannot list documentation folder {where}: {error.strerror or error}") from None
        for name, is_dir, is_file in listed:
            if name.startswith("."):
                continue
            path = folder / name
            if is_dir:
                pending.append((path, depth + 1))
                yield path, True
            elif is_file:
                yield path, False


# --------------------------------------------------------------------------
# Matching pages to enums
# --------------------------------------------------------------------------

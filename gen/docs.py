"""Microsoft SDK reference pages: parse them, match them to enums, attach docs.

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

The public API is small:

* :func:`parse_page` / :func:`load_docs` read pages into :class:`DocPage`
  (:func:`parse_text` parses text already in memory);
* :func:`to_plain_text` turns the pages' Markdown/HTML into plain text;
* :func:`match_pages` pairs pages with :class:`~gen.model.Enum` objects;
* :func:`apply_docs` copies the matched descriptions into the model.

Everything uses the standard library only: the front matter is simple enough
not to need a YAML parser, and the Syntax block is one C declaration.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from gen.diagnostics import GenError, Location
from gen.model import Enum, Member

# --------------------------------------------------------------------------
# The page model
# --------------------------------------------------------------------------


class DocMember(NamedTuple):
    """One member as a page writes it: name, value text, value if known.

    ``value_text`` is None when the page gives no value (the member follows
    its predecessor); ``value`` is None when the text is not something this
    module can evaluate (see :func:`_evaluate`).
    """

    name: str
    value_text: str | None
    value: int | None


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
        match = _IDENT_PREFIX.match(self.title)
        return match.group(0) if match else None

    @property
    def member_names(self) -> tuple[str, ...]:
        """Every member the page names: Syntax block first, then Constants."""
        names = [m.name for m in self.syntax_members]
        names += [n for n in self.descriptions if n not in names]
        return tuple(names)


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------

#: Whitespace to collapse. Spelled out instead of ``\s`` / ``str.split()``
#: because those also treat the C0 separators U+001C..U+001F as spaces, and
#: text must come through unchanged apart from layout.
_SPACE = " \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_RUN = re.compile(f"[{_SPACE}]+")
_BLANK_LINE = re.compile(f"^[{_SPACE}]*$")

#: HTML elements that separate paragraphs; other known tags just vanish.
_BLOCK_TAGS = frozenset(
    {"p", "div", "dl", "dt", "dd", "ul", "ol", "li", "table", "tr", "thead", "tbody"}
    | {"blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SPACE_TAGS = frozenset({"br", "td", "th"})
_INLINE_TAGS = frozenset(
    {"span", "a", "b", "i", "u", "em", "strong", "code", "sup", "sub", "img", "tt"}
    | {"nobr", "caption", "col", "colgroup"}
)
#: Only these names count as tags, so "x <y" or "<FOO>" placeholders stay text.
_TAG_NAMES = "|".join(sorted(_BLOCK_TAGS | _SPACE_TAGS | _INLINE_TAGS, key=len, reverse=True))

_INLINE = re.compile(
    rf"""
      (?P<ticks>`+)(?P<code>.+?)(?P=ticks)                       # `code`
    | \\(?P<escaped>[!-/:-@\[-`{{-~])                            # \_ \[ \*
    | <!--.*?-->                                                 # comment
    | !\[(?P<alt>[^\]]*)\]\([^)]*\)                              # ![alt](src)
    | \[(?P<link>(?:\\.|[^\\\]])*)\]
        (?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])                 # [text](url)
    | <(?P<url>https?://[^>{_SPACE}]+)>                           # <http://...>
    | </?(?P<tag>(?i:{_TAG_NAMES}))\b(?:[^<>]*)?/?>               # <span ...>
    | \*\*(?P<strong>[^{_SPACE}].*?(?<=[^{_SPACE}\\]))\*\*           # **strong**
    | (?<!\w)__(?P<strong2>[^{_SPACE}].*?(?<=[^{_SPACE}\\]))__(?!\w)  # __strong__
    | (?<!\w)\*(?P<em>[^{_SPACE}*].*?(?<=[^{_SPACE}\\]))\*           # *em*
    | (?<!\w)_(?P<em2>[^{_SPACE}_].*?(?<=[^{_SPACE}\\]))_(?!\w)      # _em_
    | ~~(?P<strike>.+?)~~                                        # ~~strike~~
    | (?P<entity>&(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)
    """,
    re.VERBOSE | re.DOTALL,
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_ALERT = re.compile(r"^\[!(\w+)\][ \t]*")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|(\d+[.)]))[ \t]+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def to_plain_text(markdown: str) -> str:
    """Render Markdown with embedded HTML as plain text.

    Inline markup (``**b**``, ``*i*``, `` `code` ``, ``[text](link)``,
    backslash escapes) and HTML tags are removed, HTML entities decoded,
    whitespace runs collapsed to one space; paragraphs (blank-line separated
    blocks, list items, table rows, ``<p>``/``<dt>``/``<dd>`` blocks) come out
    separated by one blank line. Any other character, control characters
    included, is kept: escaping for an output language is the renderers' job.
    """
    paragraphs: list[str] = []
    for block, is_code in _blocks(_normalize_newlines(markdown)):
        text = block if is_code else _inline(block)
        # Block-level tags turned into "\n\n" by _inline split paragraphs.
        for part in text.split("\n\n"):
            collapsed = _collapse(part)
            if collapsed:
                paragraphs.append(collapsed)
    return "\n\n".join(paragraphs)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip(" ")


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Split Markdown into (text, is_code) blocks, undoing line-level markup."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    fence: str | None = None

    def flush(is_code: bool = False) -> None:
        if current:
            blocks.append(("\n".join(current), is_code))
            current.clear()

    for raw in text.split("\n"):
        after = _track_fence(fence, raw)
        if fence is not None:  # inside a fenced block: keep text verbatim
            if after is None:
                flush(is_code=True)
            else:
                current.append(raw)
            fence = after
            continue
        if after is not None:
            flush()
            fence = after
            continue
        line = _strip_quote(raw)
        if _BLANK_LINE.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        own_block, line = _line_markup(line)
        if own_block:
            flush()
            current.append(line)
            if own_block == "alone":
                flush()
        else:
            current.append(line)
    flush(is_code=fence is not None)
    return blocks


def _strip_quote(line: str) -> str:
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    return _ALERT.sub(lambda m: m.group(1).capitalize() + ": ", line)


def _line_markup(line: str) -> tuple[str, str]:
    """Undo heading/list/table markup: (how the line starts a block, text).

    The first item is "" for an ordinary line, "start" when the line starts a
    new block (a list item), "alone" when it is a block by itself.
    """
    heading = _HEADING.match(line)
    if heading:
        return "alone", heading.group(2)
    if line.lstrip().startswith("|"):
        cells = [c.strip() for c in _CELL_SPLIT.split(line.strip().strip("|"))]
        return "alone", " | ".join(c for c in cells if c)
    item = _LIST_ITEM.match(line)
    if item:
        number = item.group(1)
        return "start", (number + " " if number else "") + line[item.end() :]
    return "", line


def _inline(text: str) -> str:
    return _INLINE.sub(_inline_replacement, text)


def _inline_replacement(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups["code"] is not None:
        code = groups["code"]
        # CommonMark: one space padding each side is not part of the code.
        return code[1:-1] if len(code) > 2 and code[0] == code[-1] == " " else code
    if groups["escaped"] is not None:
        return groups["escaped"]
    if groups["url"] is not None:
        return groups["url"]
    if groups["tag"] is not None:
        return _tag_replacement(groups["tag"].lower())
    if groups["entity"] is not None:
        return html.unescape(groups["entity"])
    for name in ("alt", "link", "strong", "strong2", "em", "em2", "strike"):
        if groups[name] is not None:
            return _inline(groups[name])
    return ""  # an HTML comment


def _tag_replacement(tag: str) -> str:
    if tag in _BLOCK_TAGS:
        return "\n\n"
    return " " if tag in _SPACE_TAGS else ""


# --------------------------------------------------------------------------
# Reading a page
# --------------------------------------------------------------------------

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_IDENT_RE = re.compile(_IDENT)
_IDENT_PREFIX = re.compile(_IDENT + r"(?![A-Za-z0-9_])")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_FRONT_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
_SPAN_ID = re.compile(r"<span\s[^>]*?\bid\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.DOTALL)
_DL_TAG = re.compile(r"<(/?)(dl|dt|dd)\b[^>]*>", re.IGNORECASE)
_CONSTANTS_SECTIONS = ("constants", "members", "enumerators", "values")

#: A front matter: key -> scalar text or list of items.
FrontMatter = dict[str, str | list[str]]


@dataclass
class _Section:
    """The lines of one part of the page, and the file line of the first."""

    first_line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


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
    lines = _normalize_newlines(text).split("\n")
    front, body_start = _front_matter(lines, path)
    title, intro, sections = _sections(lines, body_start)
    if not front and title is None:
        raise GenError("not a reference page: no front matter and no '# ' title", Location(path, 1, 1))
    tag, typedefs, members = _syntax(sections.get("syntax"), path)
    constants = _constants(_first_section(sections, _CONSTANTS_SECTIONS), path)
    return DocPage(
        path=path,
        title=_collapse(_scalar(front, "title") or to_plain_text(title or "")),
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


def _sections(lines: list[str], start: int) -> tuple[str | None, _Section, dict[str, _Section]]:
    """Split the body at headings: (H1 text, introduction, H2 sections).

    Sections are keyed by their lower-cased heading; the first of a name
    wins. Headings inside fenced code blocks are code, not headings.
    """
    title: str | None = None
    intro = _Section(start + 1)
    sections: dict[str, _Section] = {}
    current = intro
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        fence = _track_fence(fence, line)
        heading = _HEADING.match(line) if fence is None else None
        level = len(heading.group(1)) if heading else 0
        if heading and level == 1 and title is None:
            title = heading.group(2)
            intro = current = _Section(index + 2)
        elif heading and level == 2:
            current = _Section(index + 2)
            sections.setdefault(_collapse(to_plain_text(heading.group(2))).lower(), current)
        else:
            current.lines.append(line)
    return title, intro, sections


def _track_fence(fence: str | None, line: str) -> str | None:
    """The open fence after ``line`` (None outside code blocks)."""
    match = _FENCE.match(line)
    if not match:
        return fence
    marker = match.group(1)
    if fence is None:
        return marker
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip().lstrip(marker[0])
    return None if closes else fence


def _first_section(sections: dict[str, _Section], names: Sequence[str]) -> _Section | None:
    for name in names:
        if name in sections:
            return sections[name]
    return None


def _description(intro: _Section, front_description: str) -> str:
    """The introduction's paragraphs, minus "[X is available ...]" notices."""
    paragraphs = [
        p for p in to_plain_text(intro.text).split("\n\n") if p and not (p.startswith("[") and p.endswith("]"))
    ]
    return "\n\n".join(paragraphs) if paragraphs else to_plain_text(front_description)


# --------------------------------------------------------------------------
# The Syntax block
# --------------------------------------------------------------------------

_ENUM_KEYWORD = re.compile(r"\benum\b")
_ENUM_HEAD = re.compile(
    rf"enum(?:\s+(?:class|struct)\b)?\s*(?:\[[^\]]*\]\s*)?(?:(?P<tag>{_IDENT})\s*)?(?::[^{{;]*)?(?P<brace>\{{)?"
)
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_MEMBER = re.compile(rf"^(?:\[[^\]]*\]\s*)*(?P<name>{_IDENT})\s*(?:=\s*(?P<value>.+))?$", re.DOTALL)


def _syntax(section: _Section | None, path: str) -> tuple[str | None, tuple[str, ...], tuple[DocMember, ...]]:
    """The (tag, typedef names, members) of the first enum in the Syntax block.

    A Syntax block that declares no enum (a struct page, say) gives nothing.
    """
    code, first_line = _code_block(section) if section else ("", 0)
    # Blank comments out but keep offsets, so error locations stay right.
    code = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), code)
    for keyword in _ENUM_KEYWORD.finditer(code):
        head = _ENUM_HEAD.match(code, keyword.start())
        if head and head.group("brace"):
            where = _Where(path, code, first_line)
            return _enum_declaration(code, head, where)
    return None, (), ()


def _code_block(section: _Section) -> tuple[str, int]:
    """The first fenced block holding ``enum`` (else the first block)."""
    blocks: list[tuple[str, int]] = []
    fence: str | None = None
    for offset, line in enumerate(section.lines):
        after = _track_fence(fence, line)
        if fence is None and after is not None:
            blocks.append(("", section.first_line + offset + 1))
        elif fence is not None and after is not None:
            text, first = blocks[-1]
            blocks[-1] = (text + line + "\n", first)
        fence = after
    for text, first in blocks:
        if _ENUM_KEYWORD.search(text):
            return text, first
    return blocks[0] if blocks else ("", 0)


@dataclass(frozen=True)
class _Where:
    """Turns offsets in a code block into page locations."""

    path: str
    code: str
    first_line: int

    def at(self, offset: int) -> Location:
        line = self.code.count("\n", 0, offset)
        column = offset - (self.code.rfind("\n", 0, offset) + 1) + 1
        return Location(self.path, self.first_line + line, column)


def _enum_declaration(
    code: str, head: re.Match[str], where: _Where
) -> tuple[str | None, tuple[str, ...], tuple[DocMember, ...]]:
    body_start = head.end()
    body_end = _closing_brace(code, body_start)
    if body_end < 0:
        raise GenError("enum in the Syntax block has no closing '}'", where.at(head.start()))
    members = _members(code, body_start, body_end, where)
    semicolon = code.find(";", body_end)
    declarators = code[body_end + 1 : semicolon if semicolon >= 0 else len(code)]
    is_typedef = "typedef" in _IDENT_RE.findall(code[: head.start()].rsplit(";", 1)[-1])
    typedefs = _typedef_names(declarators) if is_typedef else ()
    return head.group("tag"), typedefs, members


def _closing_brace(code: str, start: int) -> int:
    depth = 0
    for index in range(start, len(code)):
        char = code[index]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _split_top_level(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """Split ``text[start:end]`` at commas outside parentheses: (part, offset)."""
    parts: list[tuple[str, int]] = []
    depth, part_start = 0, start
    for index in range(start, end):
        char = text[index]
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append((text[part_start:index], part_start))
            part_start = index + 1
    parts.append((text[part_start:end], part_start))
    return parts


def _members(code: str, start: int, end: int, where: _Where) -> tuple[DocMember, ...]:
    members: list[DocMember] = []
    known: dict[str, int] = {}
    for part, offset in _split_top_level(code, start, end):
        text = part.strip()
        if not text:
            continue  # a trailing comma
        match = _MEMBER.match(text)
        if not match:
            lead = len(part) - len(part.lstrip())
            raise GenError(
                f"cannot read enum member {_collapse(text)!r} in the Syntax block",
                where.at(offset + lead),
            )
        member = _member(match.group("name"), match.group("value"), members, known)
        if member.value is not None:
            known[member.name] = member.value
        members.append(member)
    return tuple(members)


def _member(name: str, value: str | None, before: list[DocMember], known: Mapping[str, int]) -> DocMember:
    if value is not None:
        text = _collapse(value)
        return DocMember(name, text, _evaluate(text, known))
    # No initializer: one more than the previous member, as in C.
    previous = before[-1].value if before else -1
    return DocMember(name, None, None if previous is None else previous + 1)


def _typedef_names(declarators: str) -> tuple[str, ...]:
    """Plain names among ``FOO, *PFOO, FAR *LPFOO``; pointers are skipped."""
    names: list[str] = []
    for part, _ in _split_top_level(declarators, 0, len(declarators)):
        if any(char in part for char in "*()[]&"):
            continue
        idents = _IDENT_RE.findall(part)
        if idents:
            names.append(idents[-1])
    return tuple(names)


# --------------------------------------------------------------------------
# Values as pages write them
# --------------------------------------------------------------------------

_VALUE_TOKEN = re.compile(
    rf"\s*(?:(?P<num>0[xX][0-9a-fA-F]+|[0-9]+)(?:[uUlL]|i64|ui64|i32|ui32)*(?![\w.])|(?P<name>{_IDENT})|(?P<op><<|>>|[-+*|&^~()]))"
)
_BINARY: dict[str, tuple[int, Callable[[int, int], int]]] = {
    "|": (1, lambda a, b: a | b),
    "^": (2, lambda a, b: a ^ b),
    "&": (3, lambda a, b: a & b),
    "<<": (4, lambda a, b: a << b),
    ">>": (4, lambda a, b: a >> b),
    "+": (5, lambda a, b: a + b),
    "-": (5, lambda a, b: a - b),
    "*": (6, lambda a, b: a * b),
}


class _Unknown(Exception):
    """The value text is not something :func:`_evaluate` understands."""


def _evaluate(text: str, known: Mapping[str, int]) -> int | None:
    """The value of a documented initializer, or None if it can't be known.

    Understands integer literals (decimal, hex, octal, with C suffixes),
    names of earlier members, parentheses, unary ``- + ~`` and the binary
    operators ``* + - << >> & ^ |``; that covers what reference pages write
    (``0x10``, ``FOO_NONE + 1``, ``1 << 4``). The result is the mathematical
    value; callers compare it modulo the enum's underlying type.
    """
    try:
        tokens = _value_tokens(text)
        value, rest = _binary(tokens, known, 0)
    except (_Unknown, ValueError, IndexError, RecursionError):
        return None  # RecursionError: absurdly nested parentheses
    return value if not rest and value.bit_length() <= 128 else None


def _value_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _VALUE_TOKEN.match(text, position)
        if not match:
            raise _Unknown(text)
        tokens.append(match.group("num") or match.group("name") or match.group("op"))
        position = match.end()
    return tokens


def _binary(tokens: list[str], known: Mapping[str, int], min_precedence: int) -> tuple[int, list[str]]:
    """Precedence climbing over ``tokens``; returns (value, unread tokens)."""
    left, tokens = _unary(tokens, known)
    while tokens and tokens[0] in _BINARY and _BINARY[tokens[0]][0] > min_precedence:
        operator = tokens[0]
        precedence, apply = _BINARY[operator]
        right, tokens = _binary(tokens[1:], known, precedence)
        if operator in ("<<", ">>") and not 0 <= right <= 128:
            raise _Unknown("shift out of range")  # C leaves it undefined
        left = apply(left, right)
    return left, tokens


def _unary(tokens: list[str], known: Mapping[str, int]) -> tuple[int, list[str]]:
    token, rest = tokens[0], tokens[1:]
    if token in ("-", "+", "~"):
        value, rest = _unary(rest, known)
        return {"-": -value, "+": value, "~": ~value}[token], rest
    if token == "(":
        value, rest = _binary(rest, known, 0)
        if not rest or rest[0] != ")":
            raise _Unknown("unbalanced parentheses")
        return value, rest[1:]
    if token[0].isdigit():
        return _literal(token), rest
    if token in known:
        return known[token], rest
    raise _Unknown(token)


def _literal(token: str) -> int:
    if token[:2].lower() == "0x":
        return int(token, 16)
    if len(token) > 1 and token[0] == "0":
        return int(token, 8)  # C octal; "09" raises ValueError -> unknown
    return int(token)


# --------------------------------------------------------------------------
# The Constants section
# --------------------------------------------------------------------------


def _constants(section: _Section | None, path: str) -> list[tuple[str, str | None, int | None, str]]:
    """(name, value text, value, description) of each documented constant.

    Reads the ``<dl>`` list; a ``<dt>`` names a constant (and may write its
    value after the name), the following ``<dd>`` describes it. Several
    ``<dt>`` before one ``<dd>`` share it. Pages that use a Markdown table
    instead are read row by row (first cell: name, the rest: description).
    """
    if section is None:
        return []
    terms = _dl_terms(section.text) if _DL_TAG.search(section.text) else _table_terms(section.text)
    constants = []
    for term, description in terms:
        name, value_text = _term_name(term)
        if name is None:
            raise GenError(
                f"constant without a name in the Constants section: {_collapse(to_plain_text(term))!r}",
                Location(
                    path,
                    section.first_line + section.text.count("\n", 0, section.text.find(term)),
                    1,
                ),
            )
        value = _evaluate(value_text, {}) if value_text else None
        constants.append((name, value_text, value, to_plain_text(description)))
    return constants


def _dl_terms(text: str) -> list[tuple[str, str]]:
    """(dt markup, dd markup) pairs of the outermost ``<dl>`` lists."""
    pairs: list[tuple[str, str]] = []
    pending: list[str] = []
    depth, open_at, open_kind = 0, 0, ""
    for tag in _DL_TAG.finditer(text):
        closing, kind = tag.group(1) == "/", tag.group(2).lower()
        if kind == "dl":
            depth += -1 if closing else 1
        elif depth == 1 and not closing:
            open_at, open_kind = tag.end(), kind
        elif depth == 1 and closing and kind == open_kind:
            content = text[open_at : tag.start()]
            if kind == "dt":
                pending.append(content)
            else:
                pairs += [(term, content) for term in pending]
                pending = []
            open_kind = ""
    return pairs + [(term, "") for term in pending]


def _table_terms(text: str) -> list[tuple[str, str]]:
    rows = [line for line in text.split("\n") if line.lstrip().startswith("|") and not _TABLE_RULE.match(line)]
    pairs = []
    for row in rows[1:]:  # the first row is the header
        cells = _CELL_SPLIT.split(row.strip().strip("|"))
        if len(cells) >= 2:
            pairs.append((cells[0], "\n\n".join(cells[1:])))
    return pairs


def _term_name(term: str) -> tuple[str | None, str | None]:
    """The constant a ``<dt>`` names and the value text written after it.

    The ``<span id>`` anchor is the most reliable name (translated pages
    keep it while the bold text is translated); then the bold text; then
    the first identifier.
    """
    plain = to_plain_text(term)
    candidates = [m.group(1) for m in _SPAN_ID.finditer(term)]
    candidates += [to_plain_text(b.group(1) or b.group(2)) for b in _BOLD.finditer(term)]
    candidates += _IDENT_RE.findall(plain)[:1]
    name = next((c for c in candidates if _IDENT_PREFIX.fullmatch(c)), None)
    if name is None:
        return None, None
    rest = plain.replace(name, "", 1) if name in plain else _after_bold(term)
    value = _collapse(rest).strip("()[] ")
    return name, value or None


def _after_bold(term: str) -> str:
    bold = _BOLD.search(term)
    return to_plain_text(term[bold.end() :]) if bold else ""


# --------------------------------------------------------------------------
# Loading
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
    Constants description of the same name. Docs already set (by an earlier
    stage) are kept, and empty descriptions leave ``None``; enums without a
    page come back unchanged.
    """
    return tuple(_with_docs(enum, matches.page_for(enum)) for enum in enums)


def _with_docs(enum: Enum, page: DocPage | None) -> Enum:
    if page is None:
        return enum
    members = tuple(_member_with_doc(m, page.descriptions.get(m.name)) for m in enum.members)
    doc = enum.doc if enum.doc is not None else page.description or None
    return dataclasses.replace(enum, members=members, doc=doc)


def _member_with_doc(member: Member, description: str | None) -> Member:
    if member.doc is not None or not description:
        return member
    return dataclasses.replace(member, doc=description)

"""Markdown and HTML of reference pages to plain text (descriptions).

The Markdown is CommonMark (with GitHub's tables and strikethrough), parsed
by markdown-it-py; this module only turns its tokens into plain text, and
keeps what is particular to Microsoft's pages: ``> [!Note]`` alerts become
"Note: ...", the HTML they embed (``<dl>``, ``<span id>``, ``<br/>``) is
read with a short list of known tags (anything else that looks like a tag,
such as a ``<FOO>`` placeholder, stays text), and a ``*`` between two
letters or digits is text (``2*3*4``), not emphasis. Parsing is linear in
the size of the page, and markdown-it-py bounds nesting.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

#: Whitespace to collapse. Spelled out instead of ``\s`` / ``str.split()``
#: because those also treat the C0 separators U+001C..U+001F as spaces, and
#: text must come through unchanged apart from layout.
_SPACE = " \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_RUN = re.compile(f"[{_SPACE}]+")

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
_HTML_TAG = re.compile(rf"<!--.*?-->|</?(?P<tag>(?i:{_TAG_NAMES}))\b[^<>]*>", re.DOTALL)
_ALERT = re.compile(r"\A\[!(\w+)\][ \t]*")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip(" ")


@functools.cache
def parser() -> MarkdownIt:
    """The one CommonMark parser (imported on first use: only --docs needs it)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.inline.ruler.before("emphasis", "intraword_star", _intraword_star)
    return md


def _intraword_star(state: StateInline, silent: bool) -> bool:
    """``*`` runs between two letters or digits are text (``2*3*4``)."""
    src, start = state.src, state.pos
    if src[start] != "*" or start == 0 or not src[start - 1].isalnum():
        return False
    end = start
    while end < state.posMax and src[end] == "*":
        end += 1
    if end >= state.posMax or not src[end].isalnum():
        return False
    if not silent:
        state.push("text", "", 0).content = src[start:end]
    state.pos = end
    return True


def parse(markdown: str) -> list[Token]:
    """The block tokens of ``markdown`` (each with ``map``: its lines)."""
    return parser().parse(normalize_newlines(markdown))


def to_plain_text(markdown: str) -> str:
    """Render Markdown with embedded HTML as plain text.

    Inline markup (``**b**``, ``*i*``, `` `code` ``, ``[text](link)``,
    backslash escapes) and HTML tags are removed, HTML entities decoded,
    whitespace runs collapsed to one space; paragraphs (blocks, list items,
    table rows, headings, ``<p>``/``<dt>``/``<dd>`` blocks) come out
    separated by one blank line. Any other character, control characters
    included, is kept: escaping for an output language is the renderers' job.
    """
    return _paragraphs(block_texts(parse(markdown)))


def block_texts(tokens: Sequence[Token]) -> list[str]:
    """The text of each block of ``tokens``, in order (not yet collapsed;
    ``"\\n\\n"`` inside one separates paragraphs)."""
    texts: list[str] = []
    quote_depth = 0
    item_number: str | None = None
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "list_item_open":
            item_number = f"{token.info}{token.markup}" if token.info else None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            texts.append(" | ".join(cell for cell in (collapse(c) for c in row) if cell))
            row = None
        elif kind in ("fence", "code_block"):
            texts.append(token.content)
        elif kind == "html_block":
            texts.append(html_text(token.content))
        elif kind == "inline":
            text = inline_text(token.children or [])
            if row is not None:
                row.append(text)
                continue
            if quote_depth:
                text = _ALERT.sub(lambda m: m.group(1).capitalize() + ": ", text.lstrip())
            if item_number is not None:
                text = f"{item_number} {text}"
                item_number = None
            texts.append(text)
    return texts


def _paragraphs(texts: Sequence[str]) -> str:
    paragraphs = [collapse(part) for text in texts for part in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def inline_text(children: Sequence[Token]) -> str:
    """Plain text of an inline token's children."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(child.content)  # the alt text
        elif kind == "html_inline":
            parts.append(_tag_text(child.content))
    return "".join(parts)


def _tag_text(tag: str) -> str:
    match = _HTML_TAG.fullmatch(tag)
    if match is None:
        return tag  # not a tag reference pages use: text such as <FOO>
    name = (match.group("tag") or "").lower()
    if name in _BLOCK_TAGS:
        return "\n\n"
    return " " if name in _SPACE_TAGS else ""


def html_text(fragment: str) -> str:
    """Plain text of an HTML block: known tags removed (block tags separate
    paragraphs), what is between them read as inline Markdown."""
    text = _HTML_TAG.sub(lambda m: _tag_text(m.group()), fragment)
    parts = [inline_text(_inline_tokens(part)) for part in text.split("\n\n")]
    return "\n\n".join(parts)


def _inline_tokens(text: str) -> list[Token]:
    if not text.strip():
        return []
    tokens = parser().parseInline(text)
    return tokens[0].children or [] if tokens else []


def strong_texts(markdown: str) -> tuple[list[str], str]:
    """The plain text of each outermost ``**strong**`` span of ``markdown``,
    and the plain text after the first one ("" if none)."""
    spans: list[str] = []
    after: list[str] = []
    for token in parse(markdown):
        if token.type != "inline":
            continue
        depth = 0
        current: list[Token] = []
        rest: list[Token] = []
        for child in token.children or []:
            if child.type in ("strong_open", "strong_close"):
                depth += 1 if child.type == "strong_open" else -1
                if depth == 0:
                    spans.append(collapse(inline_text(current)))
                    current = []
                continue
            if depth:
                current.append(child)
            if spans:
                rest.append(child)
        after.append(inline_text(rest))
    return spans, collapse(" ".join(after))

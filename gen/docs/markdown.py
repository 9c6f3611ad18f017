"""Markdown and HTML of reference pages to plain text (descriptions)."""

from __future__ import annotations

import html
import re

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

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_ALERT = re.compile(r"^\[!(\w+)\][ \t]*")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|(\d+[.)]))[ \t]+")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")


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
    for block, is_code in _blocks(normalize_newlines(markdown)):
        text = block if is_code else _inline(block)
        # Block-level tags turned into "\n\n" by _inline split paragraphs.
        for part in text.split("\n\n"):
            collapsed = collapse(part)
            if collapsed:
                paragraphs.append(collapsed)
    return "\n\n".join(paragraphs)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def collapse(text: str) -> str:
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
        after = track_fence(fence, raw)
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
        if _BLANK_LINE.match(line) or TABLE_RULE.match(line):
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
    heading = HEADING.match(line)
    if heading:
        return "alone", heading.group(2)
    if line.lstrip().startswith("|"):
        cells = [c.strip() for c in CELL_SPLIT.split(line.strip().strip("|"))]
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


def track_fence(fence: str | None, line: str) -> str | None:
    """The open fence after ``line`` (None outside code blocks)."""
    match = FENCE.match(line)
    if not match:
        return fence
    marker = match.group(1)
    if fence is None:
        return marker
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip().lstrip(marker[0])
    return None if closes else fence

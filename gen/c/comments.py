"""The header's own comments as descriptions of enums and members.

A pass of its own over the raw text of each file that declares an enum or a
``#define`` group (the preprocessor blanks comments out before anything
else sees the text, keeping lines and columns, so locations match).

Which comment describes what, as rust-bindgen and cbindgen do for Doxygen
comments and as MIDL, Wine and mingw-w64 headers write plain ones:

* **after a member**: ``///<``, ``//!<``, ``/**<`` or ``/*!<`` after it; or a
  plain ``//`` or ``/* */`` comment on the line where the member ends (after
  its ``,``, or where the ``#define`` line ends);
* **before a declaration or member**: a ``/** */``, ``/*! */``, ``///`` or
  ``//!`` comment, or a plain one, that starts its line and ends directly
  above it (no blank line between): one block comment, or one run of line
  comments;
  ``typedef`` and MIDL attribute comments (``/* [v1_enum] */``) may stand
  between.

When a member has both, an explicit Doxygen "after" comment wins, then a
Doxygen comment before it; plain comments above and after it are both
kept, in that order, as paragraphs. A plain comment above a member that the
next member follows on the very next line with no comment above it heads a
section (``// Errors of the socket layer`` over a run of
``#define``\\ s) and describes no member; when it is the only heading of
a ``#define`` group and stands above its first macro, it describes the group.

Comments that say nothing (separator lines such as ``/*****/``, MIDL
attribute lists ``/* [in] */``, ``// TODO``-free blanks) are skipped. The
text loses its comment markers, the ``*`` at the start of each line and a
leading ``@brief``/``\\brief``; lines are joined with spaces and blank lines
separate paragraphs (``"\\n\\n"``). Scanning is one linear pass.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gen.model import Enum, Member

#: Comments and the literals that may hold comment-like text. An unterminated
#: block comment runs to the end (the preprocessor reports it).
_SCAN_RE = re.compile(
    r"""//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""",
    re.S,
)
_ATTRIBUTES_RE = re.compile(r"\A(?:\s*\[[^\]]*\])+\s*\Z")
_WORD_RE = re.compile(r"\w")
_BRIEF_RE = re.compile(r"\A[@\\]brief\s+")
_LINE_STAR_RE = re.compile(r"^[ \t]*\*(?![*/])[ \t]?", re.M)
_SPACE_RE = re.compile(r"[ \t\f\v]+")
_NEWLINE_RE = re.compile("\n")
#: What can end a member: a comment, a line end (for a macro), brackets, ',' and '}'.
_MEMBER_STOP_RE = re.compile(r"/(?=[*/])|[\n()\[\],}]")
_BOX_RE = re.compile(r"\A[*/]{2,}|[*/]{2,}\Z")


@dataclass(frozen=True)
class Comment:
    start: int
    end: int
    #: "after" (``///<``, ``/**<``), "doc" (``/**``, ``///``) or "plain".
    kind: str
    #: The text without markers; "" for a comment that says nothing.
    text: str
    #: Only whitespace before it on its line.
    starts_line: bool
    #: A ``//`` comment.
    line: bool


def _kind_and_body(raw: str) -> tuple[str, str]:
    if raw.startswith("//"):
        body = raw[2:]
        if body[:2] in ("/<", "!<"):
            return "after", body[2:]
        if body[:1] in ("/", "!") and body[:2] != "//":
            return "doc", body[1:]
        return "plain", body
    body = raw[2:-2] if raw.endswith("*/") and len(raw) >= 4 else raw[2:]
    if body[:2] in ("*<", "!<"):
        return "after", body[2:]
    if body[:1] in ("*", "!") and body[:2] not in ("**", "*/") and body != "*":
        return "doc", body[1:]
    return "plain", body


def clean(body: str) -> str:
    """Comment text without markers, joined into paragraphs; "" when it says nothing."""
    text = _LINE_STAR_RE.sub("", body.replace("\r", ""))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        # Runs of stars or slashes are box drawing (``/*****``), not text.
        line = _BOX_RE.sub("", _SPACE_RE.sub(" ", line).strip()).strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    if paragraphs:
        paragraphs[0] = _BRIEF_RE.sub("", paragraphs[0])
    out = "\n\n".join(p for p in paragraphs if p)
    if not _WORD_RE.search(out) or _ATTRIBUTES_RE.match(out):
        return ""
    return out


def scan(text: str) -> list[Comment]:
    """Every comment of ``text`` (LF line ends), in order."""
    comments: list[Comment] = []
    for match in _SCAN_RE.finditer(text):
        raw = match.group()
        if raw[0] != "/":
            continue
        kind, body = _kind_and_body(raw)
        line_start = text.rfind("\n", 0, match.start()) + 1
        starts_line = not text[line_start : match.start()].strip()
        comments.append(Comment(match.start(), match.end(), kind, clean(body), starts_line, raw[1] == "/"))
    return comments


class FileComments:
    """The comments of one file, and what they describe."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.comments = scan(text)
        self._starts = [c.start for c in self.comments]
        self._lines = [0, *(m.end() for m in _NEWLINE_RE.finditer(text))]

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column (column 0: the line start)."""
        if line < 1 or line > len(self._lines):
            return -1
        return self._lines[line - 1] + max(column - 1, 0)

    def line_of(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_right(self._lines, offset)

    def _comment_ending_at(self, offset: int) -> int:
        """Index of the comment that ends last at or before ``offset``, or -1."""
        index = bisect.bisect_right(self._starts, offset) - 1
        while index >= 0 and self.comments[index].end > offset:
            index -= 1
        return index

    def before(self, offset: int, skip_words: Sequence[str] = ()) -> list[Comment]:
        """The comments directly above the code at ``offset``, in order,
        stepping back over blanks (never a blank line), ``skip_words`` and
        comments that say nothing (MIDL attribute lists)."""
        found: list[Comment] = []
        position = offset
        words = skip_words
        while True:
            back = self._skip_back(position, words)
            if back is None:
                break
            position = back
            index = self._comment_ending_at(position)
            if index < 0 or self.comments[index].end != position:
                break
            comment = self.comments[index]
            position = comment.start
            if not comment.text:
                if comment.kind == "plain":
                    continue
                break
            if not comment.starts_line or comment.kind == "after":
                break
            if found and not (comment.line and found[0].line):
                break  # one block comment, or one run of line comments
            found.insert(0, comment)
            words = ()
        return found

    def _skip_back(self, position: int, words: Sequence[str]) -> int | None:
        """Back over whitespace and ``words``; None at a blank line."""
        text = self.text
        while True:
            newlines = 0
            while position > 0 and text[position - 1] in " \t\f\v\n":
                if text[position - 1] == "\n":
                    newlines += 1
                    if newlines > 1:
                        return None
                position -= 1
            for word in words:
                if text.endswith(word, 0, position) and (
                    position == len(word)
                    or not (text[position - len(word) - 1].isalnum() or text[position - len(word) - 1] == "_")
                ):
                    position -= len(word)
                    break
            else:
                return position

    def after(self, start: int, end: int) -> Comment | None:
        """The first comment that starts inside the member (``start`` to
        ``end``, its last character) or after it on the line where it ends,
        with no code between."""
        end_line_stop = self.text.find("\n", end)
        stop = len(self.text) if end_line_stop < 0 else end_line_stop
        index = bisect.bisect_left(self._starts, start)
        while index < len(self.comments) and self.comments[index].start < stop:
            comment = self.comments[index]
            if comment.start > end and self.text[end + 1 : comment.start].strip(" \t,"):
                return None  # code after the member's end: another member's comment
            if comment.text and comment.kind != "doc":
                return comment
            index += 1
        return None

    def member_end(self, start: int, macro: bool) -> int:
        """Offset of the member's last character: the ``,`` after it at depth
        0, else the last code before ``}`` (or, for a macro, the line's end)."""
        depth = 0
        position = start
        last = start
        text = self.text
        # Only the characters that can end a member (or a comment) are looked
        # at one by one; the text between them only moves ``last``.
        for stop in _MEMBER_STOP_RE.finditer(text, start):
            at = stop.start()
            if at < position:
                continue  # inside a comment already skipped
            code = text[position:at].rstrip()
            if code:
                last = position + len(code) - 1
            char = text[at]
            position = at + 1
            if char == "/":
                index = bisect.bisect_left(self._starts, at)
                if index < len(self.comments) and self.comments[index].start == at:
                    if macro and text[at + 1] == "/":
                        return last
                    position = self.comments[index].end
                else:
                    last = at
            elif char == "\n":
                if macro and text[at - 1 : at] != "\\":
                    return last
            elif char in "([":
                depth += 1
                last = at
            elif char in ")]":
                depth -= 1
                last = at
            elif depth <= 0:
                return at if char == "," else last
            else:
                last = at
        code = text[position:].rstrip()
        return position + len(code) - 1 if code else last


def describe(enums: Iterable[Enum], file_text: Callable[[str], str | None]) -> tuple[Enum, ...]:
    """``enums`` with ``comment`` set on those and on the members the
    header's comments describe; ``file_text`` gives a file's text by its
    display name (None: leave its enums alone)."""
    files: dict[str, FileComments | None] = {}

    def comments_of(name: str) -> FileComments | None:
        if name not in files:
            text = file_text(name)
            files[name] = FileComments(text) if text is not None and "/" in text else None
        return files[name]

    out: list[Enum] = []
    for enum in enums:
        found = comments_of(enum.location.file)
        out.append(enum if found is None else _describe_enum(enum, found, comments_of))
    return tuple(out)


def _describe_enum(enum: Enum, found: FileComments, comments_of: Callable[[str], FileComments | None]) -> Enum:
    macro = enum.origin == "macros"
    count = len(enum.members)
    aboves: list[list[Comment]] = [[] for _ in range(count)]
    afters: list[Comment | None] = [None] * count
    end_lines = [0] * count
    for i, member in enumerate(enum.members):
        own = comments_of(member.location.file)
        start = own.offset(member.location.line, member.location.column) if own else -1
        if own is None or start < 0:
            continue
        aboves[i] = own.before(_line_start(own.text, start) if macro else start)
        end = own.member_end(start, macro)
        afters[i] = own.after(start, end)
        end_lines[i] = own.line_of(end)
    headings = [_is_heading(enum.members, aboves, afters, end_lines, i) for i in range(count)]
    group_doc: str | None = None
    if macro and count > 1 and headings[0] and not any(headings[1:]):
        group_doc = _joined(aboves[0])
    members: list[Member] = []
    for member, above, after, heading in zip(enum.members, aboves, afters, headings, strict=True):
        text = _choose([] if heading else above, after)
        members.append(dataclasses.replace(member, comment=text) if text else member)
    doc = group_doc
    if not macro:
        start = found.offset(enum.location.line, enum.location.column)
        doc = _joined(found.before(start, ("typedef",))) if start >= 0 else None
    return dataclasses.replace(enum, members=tuple(members), comment=doc or None)


def _is_heading(
    members: Sequence[Member],
    aboves: Sequence[list[Comment]],
    afters: Sequence[Comment | None],
    end_lines: Sequence[int],
    i: int,
) -> bool:
    """A plain comment above a member heads a section rather than describing
    the member when the next member follows on the very next line with no
    comment above it (``// Errors of the socket layer`` over a run of
    ``#define``\\ s)."""
    above = aboves[i]
    if not above or above[-1].kind == "doc":
        return False
    if i + 1 >= len(members):
        return False
    following = members[i + 1]
    return (
        following.location.file == members[i].location.file
        and following.location.line == end_lines[i] + 1
        and not aboves[i + 1]
    )


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _choose(above: list[Comment], after: Comment | None) -> str | None:
    if after is not None and after.kind == "after":
        return after.text
    if above and above[-1].kind == "doc":
        return _joined([c for c in above if c.kind == "doc"])
    # Plain comments: the one above, then the one after, as paragraphs.
    return "\n\n".join(t for t in (_joined(above), after.text if after else None) if t) or None


def _joined(comments: Sequence[Comment]) -> str | None:
    """Consecutive line comments are one paragraph; block comments are paragraphs."""
    parts: list[str] = []
    previous: Comment | None = None
    for comment in comments:
        if parts and previous is not None and previous.line and comment.line:
            parts[-1] = f"{parts[-1]} {comment.text}"
        else:
            parts.append(comment.text)
        previous = comment
    return "\n\n".join(parts) or None


def read_text(path: Path, encoding: str) -> str | None:
    """A file's text as the preprocessor decoded it (LF line ends), or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # As the preprocessor reads it (a byte that is not UTF-8 is a lone
    # surrogate, one character: columns agree), then such bytes shown as
    # Latin-1 (legacy code-page comments: "Caf\xe9").
    text = data.decode(encoding, errors="surrogateescape").translate(_LEGACY_BYTES)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_LEGACY_BYTES = {0xDC00 + b: b for b in range(0x80, 0x100)}

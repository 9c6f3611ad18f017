"""Skimming: text lines the declaration scanner only needs the outline of.

Outside enum declarations and simple typedefs the scanner follows statement
boundaries alone (see :class:`gen.c.macros.ScanPolicy`), so a line that
names neither ``enum``/``typedef`` nor a macro that may produce them (or
braces, or ``;``) is reduced to its braces and semicolons, with one TEXT
token for each stretch of other text. This is what keeps SDK include trees
cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gen.c.lexer import IDENT, PUNCT, TEXT, TextPattern, Token, identifiers, tokenize
from gen.c.macros import STRUCTURAL, Macro, ScanPolicy
from gen.diagnostics import GenError, Location

_KEYWORD_RE = re.compile(r"\b(?:enum|typedef|struct|union)\b")
# Braces and semicolons outside string and character literals.
# A literal left open runs to the end of its line (matched as ``open``, so
# that a line of escaped quotes is scanned once, not once per quote).
_STRUCTURE_RE = re.compile(
    r"""(?P<lit>(?:u8|[uUL])?(?:"(?:[^"\\\n]++|\\.)*+"|'(?:[^'\\\n]++|\\.)*+'))|(?P<open>["'][^\n]*)|(?P<p>[{};])"""
)
# A stretch of skimmed text: its first word (or character) stands for it.
_WORD_RE = TextPattern(lambda p: rf"{p.ident}(?:\s*\()?|[^\s{{}};\"']")
# Characters that cannot appear in C outside literals and comments (a quote
# here is one without its closing quote on the same line; a backslash that
# starts a universal character name is part of a name).
_STRAY_RE = re.compile(r"[@`\"']|\\(?!u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")

#: Starts the name a tree pass (gen.c.frontend) gives each header the forced
#: includes read: met in that pass alone, their blocks are not remembered.
TREE_MAIN = "\x00tree-main\x00"

_STRUCTURES: dict[tuple[str, str, int], list[Token]] = {}
#: Per text block: whether it names enum/typedef, and its identifiers.
_BLOCKS: dict[str, tuple[bool, frozenset[str]]] = {}
#: Tokens and names the two memos hold, and how many they may: a long run
#: (a whole SDK, one header after another) starts them again rather than
#: keep every file's (some 20 MB).
_held = [0]
_HELD_LIMIT = 200_000


def clear_caches() -> None:
    """Forget the per-block memos (with the shared file cache they belong to)."""
    _STRUCTURES.clear()
    _BLOCKS.clear()
    _held[0] = 0


def _hold(count: int) -> None:
    _held[0] += count
    if _held[0] > _HELD_LIMIT:
        clear_caches()


class Skimmer:
    """The skimming half of :class:`gen.c.preprocessor.Preprocessor` (a mixin:
    the state it reads is the preprocessor's)."""

    macros: dict[str, Macro]
    policy: ScanPolicy
    #: Parentheses left open by a whole line (a macro call continues).
    _carry: int
    #: Whether the last skimmed line ended in ``)`` (see :meth:`_after`).
    _paren_pending: bool
    _skimmed: bool
    #: Bumped by every change to the macro table: invalidates the danger memo.
    _version: int
    _danger: dict[int, tuple[int, Macro, bool]]
    _main_name: str

    def _text_block(self, block: str, name: str, first: int) -> Iterator[list[Token]]:
        """Tokens of a block of text lines, skimmed as a whole when possible."""
        if not self.policy.full and not self._carry and not (self.policy.closing and "}" in block):
            shared = self._remembered(name)
            info = _BLOCKS.get(block) if shared else None
            if info is None:
                info = (_KEYWORD_RE.search(block) is not None, frozenset(identifiers(block)))
                if shared:
                    _hold(len(info[1]))
                    _BLOCKS[block] = info
            if not info[0] and not any(self._dangerous(self.macros[n]) for n in self.macros.keys() & info[1]):
                tokens = structure_of(block, name, first) if shared else structure(block, name, first)
                yield self._after(block, tokens, skimmed=True)
                return
        lineno = first - 1
        for text in block.split("\n"):
            lineno += 1
            if not text.strip():
                continue
            if self.policy.full:
                self._carry = 0
                yield self._after(text, tokenize(text, name, lineno, space=True), skimmed=False)
            else:
                tokens = self._skim(text, name, lineno)
                yield self._after(text, tokens, skimmed=self._skimmed)

    def _remembered(self, file: str) -> bool:
        """Whether ``file``'s blocks go into the memos: not the main header's
        (met once: those of a long run would pile up), nor a tree pass's."""
        return file != self._main_name and not file.startswith(TREE_MAIN)

    def _after(self, text: str, tokens: list[Token], skimmed: bool) -> list[Token]:
        """Carry ``f(...)`` across a line break before its ``{``: when a
        skimmed line ended in ``)`` (which the scanner did not get) and the
        next opens with ``{``, that is a function body, and the scanner must
        see the ``)`` to end the declaration there."""
        if self._paren_pending and tokens and tokens[0].text == "{" and tokens[0].kind == PUNCT:
            brace = tokens[0]
            tokens = [Token(PUNCT, ")", brace.file, brace.line, brace.col, True), *tokens]
        stripped = text.rstrip()
        if stripped:
            self._paren_pending = skimmed and stripped.endswith(")")
        return tokens

    def _skim(self, text: str, file: str, line: int) -> list[Token]:
        """The tokens of a line that matter while the scanner only follows
        statement boundaries: its braces and semicolons, unless the line
        names ``enum``/``typedef`` or a macro that may produce them, in which
        case all of its tokens."""
        if not self._carry and _KEYWORD_RE.search(text) is None and not (self.policy.closing and "}" in text):
            names = self.macros.keys() & identifiers(text)
            if not any(self._dangerous(self.macros[n]) for n in names):
                self._skimmed = True
                return structure_of(text, file, line) if self._remembered(file) else structure(text, file, line)
        self._skimmed = False
        tokens = tokenize(text, file, line, space=True)
        # A macro invocation left open at the end of the line continues on
        # the next ones: keep them whole until the parentheses close.
        depth = self._carry
        for t in tokens:
            if t.text == "(":
                depth += 1
            elif t.text == ")" and depth:
                depth -= 1
        last = tokens[-1] if tokens else None
        if not depth and last is not None and last.kind == IDENT:
            m = self.macros.get(last.text)
            depth = 1 if m is not None and m.params is not None else 0
        self._carry = depth
        return tokens

    def _dangerous(self, macro: Macro) -> bool:
        """Whether expanding ``macro`` may produce enum, typedef, braces or ';'."""
        memo = self._danger.get(id(macro))
        if memo is not None and memo[0] == self._version and memo[1] is macro:
            return memo[2]
        result = self._compute_danger(macro, set())
        self._danger[id(macro)] = (self._version, macro, result)
        return result

    def _compute_danger(self, macro: Macro, seen: set[str]) -> bool:
        if macro.builtin is not None:
            return True  # __COUNTER__ must count every expansion
        seen.add(macro.name)
        for t in macro.body:
            if t.text in STRUCTURAL:
                return True
            if t.kind == IDENT and t.text not in seen:
                inner = self.macros.get(t.text)
                if inner is not None and self._compute_danger(inner, seen):
                    return True
        return False


def structure_of(block: str, file: str, first: int) -> list[Token]:
    """:func:`structure`, remembered per block (its tokens are never
    modified downstream)."""
    key = (block, file, first)
    tokens = _STRUCTURES.get(key)
    if tokens is None:
        tokens = structure(block, file, first)
        _hold(len(tokens))
        _STRUCTURES[key] = tokens
    return tokens


def structure(block: str, file: str, first: int) -> list[Token]:
    """The braces and semicolons of ``block`` (outside literals), with one
    TEXT token for each stretch of other text between them (so the scanner
    knows a statement is not empty); stray characters are errors."""
    tokens: list[Token] = []
    line = first
    seen = 0

    def at(offset: int) -> tuple[int, int]:
        nonlocal line, seen
        line += block.count("\n", seen, offset)
        seen = offset
        return line, offset - block.rfind("\n", 0, offset)

    words = _WORD_RE(block)
    gap_start = 0
    for m in _STRUCTURE_RE.finditer(block):
        start = m.start()
        stray = _STRAY_RE.search(block, gap_start, start)
        if stray is not None:
            raise GenError(_stray_message(stray.group()), Location(file, *at(stray.start())))
        if m.lastgroup == "open":
            raise GenError(_stray_message(m.group()[0]), Location(file, *at(start)))
        gap = words.search(block, gap_start, start)
        if gap is not None:
            tokens.append(Token(TEXT, gap.group(), file, *at(gap.start()), True))
            # ``f(...) {`` opens a function body, which ends its declaration.
            if block[start] == "{" and block[gap_start:start].rstrip().endswith(")"):
                tokens.append(Token(PUNCT, ")", file, *at(start), True))
        # A literal is content too; braces and semicolons are structure.
        kind = PUNCT if m.lastgroup == "p" else TEXT
        tokens.append(Token(kind, m.group(), file, *at(start), True))
        gap_start = m.end()
    stray = _STRAY_RE.search(block, gap_start)
    if stray is not None:
        raise GenError(_stray_message(stray.group()), Location(file, *at(stray.start())))
    gap = words.search(block, gap_start)
    if gap is not None:
        tokens.append(Token(TEXT, gap.group(), file, *at(gap.start()), True))
    return tokens


def _stray_message(char: str) -> str:
    if char in "\"'":
        return f"missing terminating {char} character (is this file C?)"
    return f"stray '{char}' in the header (is this file C?)"

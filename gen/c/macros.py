"""Macro definitions and their expansion (C11 6.10.3), with Prosser's hidesets.

:class:`Expander` pulls raw tokens from any iterator and yields fully
expanded tokens; the preprocessor feeds it the active lines of the
translation unit, and ``#if`` feeds it one directive's tokens.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping

from gen.c.lexer import IDENT, NUMBER, PREFIX_END, PUNCT, STRING, Token, tokenize
from gen.diagnostics import GenError, Location

PLACEMARKER = "placemarker"


class BudgetExceeded(GenError):
    """Macro expansion needed more work than the run allows."""


#: Tokens one expansion may produce at once (a macro's replacement, an
#: argument's expansion, a #if line): about 35 MB of tokens. The largest real
#: SDK macro produces a few hundred.
MAX_LIVE_TOKENS = 250_000


def _too_many(at: Token | None, macro: str) -> BudgetExceeded:
    what = f"expanding macro '{macro}'" if macro else "macro expansion"
    return BudgetExceeded(
        f"{what} produces too many tokens (more than {MAX_LIVE_TOKENS:,}: a runaway macro, growing exponentially?)",
        _loc(at) if at is not None else None,
    )


class ExpansionBudget:
    """The macro-expansion work one run may do, shared by every expansion of
    the run (the text, each ``#if``, each ``#define`` group candidate).

    Work is counted in tokens: one for each invocation, each token it
    produces and each name in its hideset (which grows with the nesting),
    and half a unit for each token gathered into a macro argument (calls
    nested in arguments gather their tokens again at every level). A run may do ``BASE`` units plus
    ``PER_BYTE`` per byte of input read, so time and memory stay linear in
    the input: real SDK headers use about 230,000 units for a whole
    ``windows.h`` tree (a thousand macro calls nested in each other's
    arguments need 1.4 million), while a macro that doubles forty times
    would need 2**40. Past the budget, expansion stops with
    :class:`BudgetExceeded`. Memory is bounded apart: no one expansion may
    hold more than :data:`MAX_LIVE_TOKENS`.
    """

    BASE = 4_000_000
    PER_BYTE = 4

    __slots__ = ("left",)

    def __init__(self, left: int | None = None) -> None:
        self.left = self.BASE if left is None else left

    def grant(self, input_bytes: int) -> None:
        """More room for the bytes of another file read."""
        self.left += input_bytes * self.PER_BYTE

    def spend(self, units: int, at: Token | None, macro: str) -> None:
        self.left -= units
        if self.left < 0:
            raise BudgetExceeded(
                f"expanding macro '{macro}' takes too much work (more than this run allows: "
                f"a runaway macro, growing exponentially?)",
                _loc(at) if at is not None else None,
            )

    def copy(self) -> ExpansionBudget:
        return ExpansionBudget(self.left)


class ScanPolicy:
    """What the declaration scanner needs right now.

    Outside enum declarations and simple typedefs the scanner only follows
    statement boundaries, so while ``full`` is false the preprocessor may
    hand it just ``{``, ``}`` and ``;`` of a line, and the expander leaves
    alone macros that cannot produce ``enum``, ``typedef``, braces or
    semicolons. This is what keeps whole SDK include trees cheap.
    """

    __slots__ = ("closing", "enum_keyword", "full")

    def __init__(self, full: bool = True) -> None:
        self.full = full
        #: A typedef waits for its names after a closing brace
        #: (``typedef struct {...} NAME;``): lines holding '}' are not skimmed.
        self.closing = False
        #: The ``enum`` keyword whose specifier the scanner is reading, if
        #: any: a conditional met meanwhile sits in that enum's body.
        self.enum_keyword: Token | None = None


#: Tokens whose appearance in a macro's expansion matters to the scanner.
STRUCTURAL = frozenset(("enum", "typedef", "struct", "union", "{", "}", ";"))


class Macro:
    """One macro definition.

    The replacement list is tokenized on first use: an SDK include tree
    defines tens of thousands of macros and expands few of them.
    """

    __slots__ = ("_body", "_source", "_text", "builtin", "location", "name", "param_index", "params", "variadic")

    def __init__(
        self,
        name: str,
        params: tuple[str, ...] | None,
        body: list[Token] | None,
        location: Location,
        variadic: bool = False,
        builtin: Callable[[Token], list[Token]] | None = None,
        text: str | None = None,
        source: tuple[str, str, int, int] | None = None,
    ) -> None:
        self.name = name
        #: Parameter names for function-like macros, None for object-like ones.
        self.params = params
        self.location = location
        self.variadic = variadic
        #: Built-in macros (__LINE__, ...) compute their body when expanded.
        self.builtin = builtin
        self.param_index = {p: i for i, p in enumerate(params)} if params is not None else {}
        self._body = body
        #: (replacement text, file, line, first column) for lazy tokenizing.
        self._source = source
        self._text = text

    @property
    def body(self) -> list[Token]:
        if self._body is None:
            text, file, line, col = self._source or ("", "", 0, 0)
            self._body = tokenize(text, file, line, col)
        return self._body

    @property
    def text(self) -> str:
        """The replacement text as written (whitespace-normalised)."""
        if self._text is None:
            self._text = " ".join(self._source[0].split()) if self._source else " ".join(t.text for t in self.body)
        return self._text

    @property
    def empty(self) -> bool:
        return not (self._source[0].strip() if self._body is None and self._source else self.body)


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


class Expander:
    """Expands macros in a token stream.

    ``if_mode`` makes ``defined`` and the ``__has_*`` operators work, as in
    a ``#if`` line; ``operators`` maps such operator names to handlers that
    read their operand through :meth:`next_raw`.
    """

    def __init__(
        self,
        macros: dict[str, Macro],
        source: Iterator[Token],
        operators: dict[str, Callable[[Expander, Token], Token]] | None = None,
        policy: ScanPolicy | None = None,
        dangerous: Callable[[Macro], bool] | None = None,
        budget: ExpansionBudget | None = None,
        memo: Mapping[str, tuple[Macro, list[Token]]] | None = None,
    ) -> None:
        self.macros = macros
        #: Object-like macros known to expand to a self-contained constant:
        #: a few tokens with the same value and type stand for the expansion.
        self.memo = memo or {}
        self.source = source
        self.pending: list[Token] = []  # pushed-back tokens; the last is next
        self.operators = operators or {}
        self.budget = budget if budget is not None else ExpansionBudget()
        # Hidesets are interned: equal ones are one object, so a deep chain
        # of macros does not cost a frozenset (about a kilobyte) per token.
        self._hidesets: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}
        # With a policy, macros that cannot matter to the scanner stay
        # unexpanded while it does not need full tokens.
        self.policy = policy
        self.dangerous = dangerous

    def next_raw(self) -> Token | None:
        if self.pending:
            return self.pending.pop()
        return next(self.source, None)

    def push(self, tokens: list[Token], macro: str = "", at: Token | None = None, hideset: int = 0) -> None:
        # One unit for the invocation itself (an empty expansion costs too),
        # and its hideset's size: deeply nested expansions carry big ones.
        self.budget.spend(len(tokens) + 1 + hideset, tokens[0] if tokens else at, macro)
        self.pending.extend(reversed(tokens))

    def __iter__(self) -> Iterator[Token]:
        return self

    def __next__(self) -> Token:
        tok = self.next_expanded()
        if tok is None:
            raise StopIteration
        return tok

    def next_expanded(self) -> Token | None:
        macros = self.macros
        while True:
            tok = self.next_raw()
            if tok is None:
                return None
            if tok.kind != IDENT:
                return tok
            name = tok.text
            op = self.operators.get(name)
            if op is not None:
                return op(self, tok)
            m = macros.get(name)
            if m is None or name in tok.hideset:
                return tok
            policy = self.policy
            if policy is not None and not policy.full and self.dangerous is not None and not self.dangerous(m):
                return tok
            if m.builtin is not None:
                self.push(m.builtin(tok), name, tok)
                continue
            if m.params is None:
                hs = self._union(tok.hideset, frozenset((name,)))
                known = self.memo.get(name)
                body = m if known is None or known[0] is not m else _sub_macro(m, known[1])
                self.push(self._subst(body, [], hs, tok, tok), name, tok, len(hs))
                continue
            # A function-like macro name not followed by '(' is an identifier.
            nxt = self.next_raw()
            if nxt is not None and nxt.kind == PREFIX_END:
                # The end of an include prefix (gen.c.implicit_prefix) is
                # no token: look past it, and drop it if a call goes on.
                after = self.next_raw()
                if after is None or after.text != "(":
                    if after is not None:
                        self.pending.append(after)
                else:
                    nxt = after
            if nxt is None or nxt.text != "(":
                if nxt is not None:
                    self.pending.append(nxt)
                return tok
            args, rparen = self._collect_args(m, tok)
            # Gathered tokens are references, not new tokens: half a unit.
            self.budget.spend(sum(map(len, args)) // 2, tok, name)
            hs = self._union(tok.hideset & rparen.hideset, frozenset((name,)))
            self.push(self._subst(m, args, hs, tok, rparen), name, tok, len(hs))

    def _union(self, a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
        if not a:
            return b
        key = (a, b)
        union = self._hidesets.get(key)
        if union is None:
            union = self._hidesets[key] = a | b
        return union

    def expand_all(self, given: int = 0) -> list[Token]:
        """Every token, expanded; expansion may add at most
        :data:`MAX_LIVE_TOKENS` to the ``given`` tokens read (memory)."""
        limit = given + MAX_LIVE_TOKENS
        out = list(itertools.islice(self, limit + 1))
        if len(out) > limit:
            raise _too_many(out[0], "")
        return out

    # -- arguments ------------------------------------------------------------
    def _collect_args(self, m: Macro, name_tok: Token) -> tuple[list[list[Token]], Token]:
        assert m.params is not None
        args: list[list[Token]] = [[]]
        depth = 0
        nparams = len(m.params)
        while True:
            tok = self.next_raw()
            if tok is None:
                raise GenError(f"unterminated argument list invoking macro '{m.name}'", _loc(name_tok))
            t = tok.text
            if tok.kind == PUNCT:
                if t == "(":
                    depth += 1
                elif t == ")":
                    if depth == 0:
                        break
                    depth -= 1
                elif t == "," and depth == 0 and not (m.variadic and len(args) >= nparams):
                    args.append([])
                    continue
            elif tok.kind == PREFIX_END:
                continue  # an include prefix ends inside the call: no token
            args[-1].append(tok)
        if nparams == 0 and args == [[]]:
            args = []
        elif len(args) < nparams:
            # F() for a one-parameter macro passes one empty argument; a
            # variadic macro may omit its variable part (C23, GNU).
            if m.variadic and len(args) == nparams - 1:
                args.append([])
            elif not (nparams == 1 and args == [[]]):
                raise GenError(
                    f"macro '{m.name}' requires {nparams} arguments, but only {len(args)} given",
                    _loc(name_tok),
                )
        elif len(args) > nparams:
            raise GenError(
                f"too many arguments provided to function-like macro invocation '{m.name}'",
                _loc(name_tok),
            )
        return args, tok

    def _expand_arg(self, arg: list[Token]) -> list[Token]:
        sub = Expander(self.macros, iter(arg), self.operators, budget=self.budget, memo=self.memo)
        sub._hidesets = self._hidesets
        return sub.expand_all(len(arg))

    # -- substitution -----------------------------------------------------------
    def _subst(self, m: Macro, args: list[list[Token]], hs: frozenset[str], inv: Token, inv_end: Token) -> list[Token]:
        body = m.body
        index = m.param_index
        expanded: dict[int, list[Token]] = {}
        out: list[Token] = []
        n = len(body)
        i = 0
        while i < n:
            tok = body[i]
            text = tok.text
            if m.params is not None and text == "#" and tok.kind == PUNCT and i + 1 < n and body[i + 1].text in index:
                arg = args[index[body[i + 1].text]]
                # The string may hold the argument's text twice over (escapes):
                # nested stringizing grows it exponentially in few tokens.
                self.budget.spend(2 * sum(len(t.text) + 1 for t in arg), inv, m.name)
                out.append(_stringize(arg, tok))
                i += 2
                continue
            if text == "__VA_OPT__" and m.variadic and i + 1 < n and body[i + 1].text == "(":
                j, inner = _va_opt_body(body, i + 1)
                va = args[-1] if args else []
                if va:
                    out.extend(self._subst(_sub_macro(m, inner), args, frozenset(), inv, inv_end))
                i = j
                continue
            if text == "##" and tok.kind == PUNCT and out and i + 1 < n:
                rhs_tok = body[i + 1]
                if rhs_tok.text in index:
                    rhs = [t.copy() for t in args[index[rhs_tok.text]]] or [_placemarker(rhs_tok)]
                    # GNU: ', ## __VA_ARGS__' drops the comma when the variable part is empty.
                    if rhs_tok.text == "__VA_ARGS__" and out[-1].text == "," and rhs[0].kind == PLACEMARKER:
                        out.pop()
                        i += 2
                        continue
                    if rhs_tok.text == "__VA_ARGS__" and out[-1].text == ",":
                        out.extend(rhs)
                        i += 2
                        continue
                else:
                    rhs = [rhs_tok]
                # A chain of pastes re-reads the growing token each time.
                self.budget.spend(len(out[-1].text) + len(rhs[0].text), inv, m.name)
                out[-1] = _paste(out[-1], rhs[0])
                out.extend(rhs[1:])
                i += 2
                continue
            if text in index and tok.kind == IDENT:
                arg = args[index[text]]
                if i + 1 < n and body[i + 1].text == "##":
                    out.extend([t.copy() for t in arg] or [_placemarker(tok)])
                else:
                    k = index[text]
                    if k not in expanded:
                        expanded[k] = self._expand_arg(arg)
                    exp = expanded[k]
                    if exp:
                        first = exp[0].copy(space=tok.space)
                        out.append(first)
                        out.extend(t.copy() for t in exp[1:])
                        if len(out) > MAX_LIVE_TOKENS:
                            raise _too_many(inv, m.name)
                i += 1
                continue
            out.append(tok.copy())
            i += 1
        if len(out) > MAX_LIVE_TOKENS:
            raise _too_many(inv, m.name)
        # Tokens take the invocation's place and remember where it started and ended.
        origin = inv.origin or inv
        origin_end = inv.origin_end or inv_end
        result: list[Token] = []
        for t in out:
            if t.kind == PLACEMARKER:
                continue
            t.hideset = self._union(t.hideset, hs)
            t.file, t.line, t.col = inv.file, inv.line, inv.col
            t.origin, t.origin_end = origin, origin_end
            result.append(t)
        if result:
            result[0].space = inv.space
        return result


def _sub_macro(m: Macro, body: list[Token]) -> Macro:
    return Macro(m.name, m.params, body, m.location, m.variadic)


def _va_opt_body(body: list[Token], open_index: int) -> tuple[int, list[Token]]:
    depth = 0
    for j in range(open_index, len(body)):
        t = body[j].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
            if depth == 0:
                return j + 1, body[open_index + 1 : j]
    return len(body), body[open_index + 1 :]


def _placemarker(at: Token) -> Token:
    return Token(PLACEMARKER, "", at.file, at.line, at.col)


def _paste(left: Token, right: Token) -> Token:
    if left.kind == PLACEMARKER:
        return right.copy(space=left.space)
    if right.kind == PLACEMARKER:
        return left
    tokens = tokenize(left.text + right.text, left.file, left.line, left.col)
    if len(tokens) == 1:
        tok = tokens[0]
        tok.space = left.space
        tok.hideset = left.hideset
        return tok
    # An invalid paste: keep the two tokens side by side, as gcc does.
    left.text = left.text + right.text
    left.kind = tokens[0].kind if tokens else left.kind
    return left


def _stringize(arg: list[Token], at: Token) -> Token:
    parts: list[str] = []
    for i, t in enumerate(arg):
        if i and t.space:
            parts.append(" ")
        if t.kind in (STRING, "chr"):
            parts.append(t.text.replace("\\", "\\\\").replace('"', '\\"'))
        else:
            parts.append(t.text)
    tok = Token(STRING, '"' + "".join(parts) + '"', at.file, at.line, at.col, at.space)
    return tok


def number_token(value: int, at: Token) -> Token:
    tok = Token(NUMBER, str(value), at.file, at.line, at.col, at.space, at.hideset)
    tok.origin, tok.origin_end = at.origin, at.origin_end
    return tok


def string_token(text: str, at: Token) -> Token:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    tok = Token(STRING, f'"{escaped}"', at.file, at.line, at.col, at.space, at.hideset)
    tok.origin, tok.origin_end = at.origin, at.origin_end
    return tok

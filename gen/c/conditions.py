"""``#if`` conditions: the expression after macro expansion, with
``defined`` and the ``__has_*`` operators, evaluated as clang does."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gen.c.cexpr import EvalError, Evaluator
from gen.c.ifexpr import IfSyntaxError, parse_if_expression
from gen.c.inttypes import IntTypes
from gen.c.lexer import IDENT, PUNCT, STRING, Token, spell, tokenize
from gen.c.macros import Expander, ExpansionBudget, Macro, number_token
from gen.c.source import SourceFile
from gen.diagnostics import GenError, Location, Reporter

if TYPE_CHECKING:
    from gen.c.includes import IncludedFile

#: Attributes clang reports through __has_attribute for GNU-style headers.
_KNOWN_ATTRIBUTES = frozenset(
    [
        "aligned",
        "alloc_size",
        "always_inline",
        "cdecl",
        "cold",
        "const",
        "constructor",
        "deprecated",
        "destructor",
        "dllexport",
        "dllimport",
        "fastcall",
        "format",
        "format_arg",
        "gnu_inline",
        "hot",
        "malloc",
        "may_alias",
        "mode",
        "ms_abi",
        "ms_struct",
        "no_instrument_function",
        "noinline",
        "nonnull",
        "noreturn",
        "nothrow",
        "packed",
        "pure",
        "returns_nonnull",
        "section",
        "sentinel",
        "stdcall",
        "sysv_abi",
        "thiscall",
        "transparent_union",
        "unused",
        "used",
        "vector_size",
        "visibility",
        "warn_unused_result",
        "weak",
        "alias",
        "artificial",
        "error",
        "warning",
        "externally_visible",
        "flatten",
        "optimize",
        "cleanup",
        "nonstring",
        "fallthrough",
    ]
)
_KNOWN_FEATURES = frozenset(
    [
        "c_alignas",
        "c_alignof",
        "c_atomic",
        "c_generic_selections",
        "c_static_assert",
        "c_thread_local",
        "attribute_deprecated_with_message",
        "attribute_unavailable_with_message",
    ]
)


class Conditions:
    """The ``#if`` half of :class:`gen.c.preprocessor.Preprocessor` (a mixin:
    the state it reads is the preprocessor's)."""

    types: IntTypes
    macros: dict[str, Macro]
    reporter: Reporter
    missing_includes: list[str]
    main_file: str
    budget: ExpansionBudget
    #: Names the last condition tested that nobody defined (gen.c.undecided).
    _not_defined: list[str]

    if TYPE_CHECKING:

        def source_file(self, name: str) -> SourceFile | None: ...

        def _find_include(
            self,
            target: str,
            quoted: bool,
            current: SourceFile | None,
            after: int | None,
            unusable: list[tuple[Path, str]] | None = None,
        ) -> IncludedFile | None: ...

    def _condition(self, kind: str, rest: str, file: str, line: int, text: str) -> bool:
        """The value of a condition; the names it tested that nobody defined
        are left in ``_not_defined``."""
        self._not_defined = []
        col0 = len(text) - len(rest) + 1
        toks = tokenize(rest, file, line, col0)
        if kind in ("ifdef", "ifndef"):
            if not toks or toks[0].kind != IDENT:
                raise GenError(f"macro name missing after #{kind}", Location(file, line, col0))
            if not self._is_defined(toks[0].text):
                self._not_defined.append(toks[0].text)
            return self._is_defined(toks[0].text) == (kind == "ifdef")
        end = Token(PUNCT, "", file, line, len(text) + 1)
        expanded = Expander(self.macros, iter(toks), self._if_operators(), budget=self.budget).expand_all(len(toks))
        # Identifiers left after expansion count as 0: without a missing
        # header that may not be what the SDK says (version macros...).
        self._not_defined += sorted({t.text for t in expanded if t.kind == IDENT} - {"defined"})
        try:
            node = parse_if_expression(expanded, end)
            evaluator = Evaluator(self.types, lambda _n: None, preprocessor=True)
            value, _ = evaluator.evaluate(node)
        except IfSyntaxError as exc:
            tok = exc.token or end
            undefined = _undefined_call(expanded)
            if undefined is not None and self.missing_includes:
                # NAME(...) left in a #if is a function-like macro nobody
                # defined, most likely in the header that was not found.
                self.reporter.warn(
                    f"#if uses '{undefined}', which is not defined (from the missing "
                    f"'{self.missing_includes[0]}'?); taking the condition as true",
                    Location(file, line, col0),
                )
                return True
            if undefined is not None:
                message = f"function-like macro '{undefined}' is not defined"
                raise GenError(message, Location(tok.file, tok.line, tok.col)) from None
            raise GenError(str(exc), Location(tok.file, tok.line, tok.col)) from None
        except EvalError as exc:
            coord = getattr(exc.node, "coord", None)
            where = Location(coord.file, coord.line, coord.column or 0) if coord else Location(file, line, col0)
            raise GenError(f"in #if: {exc}", where) from None
        return value != 0

    def _is_defined(self, name: str) -> bool:
        """``defined NAME``: a macro, or one of the operators clang defines
        (headers test ``#ifdef __has_include`` before using it)."""
        return name in self.macros or name in _DEFINED_OPERATORS

    def _if_operators(self) -> dict[str, Callable[[Expander, Token], Token]]:
        return {
            "defined": self._op_defined,
            "__has_include": self._op_has_include,
            "__has_include_next": self._op_has_include,
            "__has_attribute": _has(lambda n: n.strip("_") in _KNOWN_ATTRIBUTES),
            "__has_builtin": _has(lambda n: n.startswith("__builtin_") or n.startswith("__sync_")),
            "__has_feature": _has(lambda n: n in _KNOWN_FEATURES),
            "__has_extension": _has(lambda n: n in _KNOWN_FEATURES),
            "__has_cpp_attribute": _has(lambda n: False),
            "__has_c_attribute": _has(lambda n: n in ("deprecated", "fallthrough", "maybe_unused", "nodiscard")),
            "__has_declspec_attribute": _has(lambda n: n in ("dllexport", "dllimport", "noreturn", "uuid")),
            "__has_warning": _has(lambda n: False),
            "__is_identifier": _has(lambda n: True),
        }

    def _op_defined(self, ex: Expander, tok: Token) -> Token:
        nxt = ex.next_raw()
        paren = nxt is not None and nxt.text == "("
        if paren:
            nxt = ex.next_raw()
        if nxt is None or nxt.kind != IDENT:
            raise GenError("macro name missing after 'defined'", Location(tok.file, tok.line, tok.col))
        if paren:
            close = ex.next_raw()
            if close is None or close.text != ")":
                raise GenError("missing ')' after 'defined'", Location(tok.file, tok.line, tok.col))
        if not self._is_defined(nxt.text):
            self._not_defined.append(nxt.text)
        return number_token(int(self._is_defined(nxt.text)), tok)

    def _op_has_include(self, ex: Expander, tok: Token) -> Token:
        loc = Location(tok.file, tok.line, tok.col)
        opening = ex.next_raw()
        if opening is None or opening.text != "(":
            raise GenError(f"missing '(' after '{tok.text}'", loc)
        parts: list[Token] = []
        depth = 0
        while True:
            t = ex.next_raw()
            if t is None:
                raise GenError(f"missing ')' after '{tok.text}'", loc)
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                if depth == 0:
                    break
                depth -= 1
            parts.append(t)
        if parts and parts[0].kind == STRING:
            target, quoted = parts[0].text[1:-1], True
        else:
            spec = spell(Expander(self.macros, iter(parts), budget=self.budget).expand_all(len(parts))).strip()
            if spec.startswith('"'):
                target, quoted = spec.strip('"'), True
            else:
                target, quoted = spec.strip("<>").strip(), False
        current = self.source_file(tok.file)
        found = self._find_include(target, quoted, current, None)
        return number_token(int(found is not None), tok)


#: The ``#if`` operators that count as defined macros, as in clang's C mode
#: (where ``__has_cpp_attribute`` does not).
_DEFINED_OPERATORS = frozenset(
    (
        "__has_include",
        "__has_include_next",
        "__has_attribute",
        "__has_builtin",
        "__has_feature",
        "__has_extension",
        "__has_c_attribute",
        "__has_declspec_attribute",
        "__has_warning",
        "__is_identifier",
    )
)


def _has(predicate: Callable[[str], bool]) -> Callable[[Expander, Token], Token]:
    def op(ex: Expander, tok: Token) -> Token:
        loc = Location(tok.file, tok.line, tok.col)
        opening = ex.next_raw()
        if opening is None or opening.text != "(":
            raise GenError(f"missing '(' after '{tok.text}'", loc)
        words: list[str] = []
        depth = 0
        while True:
            t = ex.next_raw()
            if t is None:
                raise GenError(f"missing ')' after '{tok.text}'", loc)
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                if depth == 0:
                    break
                depth -= 1
            words.append(t.text)
        name = "".join(words).split("::")[-1]
        return number_token(int(predicate(name)), tok)

    return op


def _undefined_call(tokens: list[Token]) -> str | None:
    """The name in the first ``NAME (`` of an expanded #if line, if any."""
    for a, b in itertools.pairwise(tokens):
        if a.kind == IDENT and b.text == "(":
            return a.text
    return None

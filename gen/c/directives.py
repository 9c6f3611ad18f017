"""The directives that change the preprocessor's state: ``#define`` (and
its reporting to ``#define`` groups), ``#pragma``, ``#error``."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from gen.c.lexer import IDENT_RE, PRAGMA_PACK, TextPattern, Token, canonical
from gen.c.macros import Macro
from gen.c.source import SourceFile
from gen.diagnostics import GenError, Location, Reporter

_DEFINE_HEAD_RE = TextPattern(lambda p: rf"[ \t]*({p.ident})(\()?")
_PACK_RE = re.compile(r"\s*pack\s*\(([^()]*)\)")
_PUSH_POP_RE = re.compile(r"\s*(push_macro|pop_macro)\s*\(")


class Directives:
    """The ``#define``/``#pragma``/``#error`` half of
    :class:`gen.c.preprocessor.Preprocessor` (a mixin: the state it reads is
    the preprocessor's)."""

    macros: dict[str, Macro]
    reporter: Reporter
    missing_includes: list[str]
    on_define: Callable[[Macro], None] | None
    _once: set[Path]
    _version: int

    def _guarded_define(self, guard: str, rest: str, file: str, line: int, text: str) -> None:
        """``#ifndef X / #define X ...`` skipped because X is already defined:
        the header still defines X (as its own fallback); report it with the
        definition in force."""
        if self.on_define is None or not rest.split() or not rest.split()[0].startswith(guard):
            return
        macro = self._parse_define(rest, file, line, text)
        current = self.macros.get(macro.name)
        if macro.name == guard and current is not None and current.params is None:
            self.on_define(Macro(macro.name, None, current.body, macro.location, text=macro.text))

    def _define(self, rest: str, file: str, line: int, text: str) -> None:
        macro = self._parse_define(rest, file, line, text)
        self.macros[macro.name] = macro
        self._version += 1
        if self.on_define is not None:
            self.on_define(macro)

    def _parse_define(self, rest: str, file: str, line: int, text: str) -> Macro:
        col0 = len(text) - len(rest) + 1
        head = _DEFINE_HEAD_RE(rest).match(rest)
        if head is None:
            raise GenError("macro name missing after #define", Location(file, line, col0))
        loc = Location(file, line, col0 + head.start(1))
        name = canonical(head.group(1))
        if name is None:
            raise GenError(f"'{head.group(1)}': a universal character name no identifier may hold", loc)
        params: tuple[str, ...] | None = None
        variadic = False
        end = head.end()
        if head.group(2):
            close = rest.find(")", end)
            if close < 0:
                raise GenError(f"missing ')' in the parameter list of macro '{name}'", loc)
            params_list: list[str] = []
            for raw in rest[end:close].split(","):
                param = raw.strip()
                if param == "...":
                    variadic = True
                    params_list.append("__VA_ARGS__")
                elif param.endswith("...") and IDENT_RE(param).fullmatch(param[:-3].strip()):
                    variadic = True  # GNU named variadic parameter: args...
                    params_list.append(canonical(param[:-3].strip()) or param)
                elif IDENT_RE(param).fullmatch(param):
                    params_list.append(canonical(param) or param)
                elif param or len(params_list) or rest[end:close].strip():
                    raise GenError(f"invalid parameter '{param}' in the parameter list of macro '{name}'", loc)
            params = tuple(params_list)
            end = close + 1
        body_text = rest[end:]
        stripped = body_text.lstrip()
        body_col = col0 + end + (len(body_text) - len(stripped))
        return Macro(name, params, None, loc, variadic, source=(stripped, file, line, body_col))

    def _pragma(self, rest: str, source: SourceFile) -> None:
        words = rest.split()
        if words[:1] == ["once"]:
            self._once.add(source.path)
        elif (m := _PUSH_POP_RE.match(rest)) is not None:
            # ``push_macro("X")`` with or without a space before the '('.
            self._push_pop_macro(m.group(1), rest)

    def _push_pop_macro(self, kind: str, rest: str) -> None:
        m = re.search(r'"([^"]+)"', rest)
        if not m:
            return
        name = m.group(1)
        stacks: dict[str, list[Macro | None]] = self.__dict__.setdefault("_macro_stacks", {})
        if kind == "push_macro":
            stacks.setdefault(name, []).append(self.macros.get(name))
        elif stacks.get(name):
            saved = stacks[name].pop()
            self._version += 1
            if saved is None:
                self.macros.pop(name, None)
            else:
                self.macros[name] = saved

    def _pack_token(self, rest: str, loc: Location) -> Token | None:
        """``#pragma pack(...)`` as a token for the declaration scanner, its
        arguments macro-expanded as clang expands them (``_CRT_PACKING``)."""
        m = _PACK_RE.match(rest)
        if m is None:
            return None
        args = []
        for arg in m.group(1).split(","):
            word = arg.strip()
            for _ in range(16):  # object-like macros naming a number or a label
                macro = self.macros.get(word)
                if macro is None or macro.params is not None or len(macro.body) != 1:
                    break
                word = macro.body[0].text
            args.append(word)
        return Token(PRAGMA_PACK, ",".join(args), loc.file, loc.line, loc.column)

    def _error_directive(self, message: str, loc: Location) -> None:
        if self.missing_includes:
            # Without the SDK, an SDK's own sanity checks fire; what follows
            # may still be extractable.
            self.reporter.warn(
                f"#error {message} (ignored: probably caused by the missing '{self.missing_includes[0]}')", loc
            )
            return
        raise GenError(f"#error {message}", loc)

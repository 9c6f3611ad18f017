"""Stage 1 of the IDL front end, read: each .idl file through the C
preprocessor on its own, with what widl predefines (``__WIDL__``, not the C
compiler's target macros), then through the parser; and where an imported
file is found.
"""

from __future__ import annotations

import re
from pathlib import Path

from gen.c.comments import read_text
from gen.c.inttypes import IntTypes
from gen.c.lexer import IDENT, Token
from gen.c.macros import Expander, Macro
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.c.search import SHIM_DIR
from gen.diagnostics import Reporter
from gen.idl.parser import parse
from gen.idl.syntax import Statement

#: What widl predefines for the .idl (not the C compiler's target macros).
IDL_PREDEFINED = ("__WIDL__",)


class IdlFiles:
    """Every .idl of a run read through level 1, each with a fresh
    preprocessor (widl preprocesses each import on its own)."""

    def __init__(self, types: IntTypes, options: PreprocessorOptions, reporter: Reporter) -> None:
        self.types = types
        self.options = options
        self.reporter = reporter
        #: Every file read (in order), and every folder searched in vain.
        self.read: list[str] = []
        self.probed: set[str] = set()
        self.preprocessors: list[Preprocessor] = []
        #: The .idl files imported so far (each is read once, as by widl).
        self.imported: set[Path] = set()

    def statements(self, path: Path, name: str) -> list[Statement]:
        """The statements of one .idl file."""
        pp = Preprocessor(self.types, self.options, self.reporter)
        self.preprocessors.append(pp)
        unsafe = _UnsafeMacros(pp.macros)

        def expand(tokens: list[Token]) -> list[Token]:
            return Expander(pp.macros, iter(tokens)).expand_all()

        try:
            return parse(pp.tokens(path, name), name, unsafe, expand)
        finally:
            self.note(pp)

    def note(self, pp: Preprocessor) -> None:
        """Add what ``pp`` read and searched in vain (for depfiles and caches)."""
        for p in pp.files_read:
            if str(p) not in self.read:
                self.read.append(str(p))
        self.probed.update(pp.dirs_probed)

    def source_lines(self, name: str) -> list[str] | None:
        for pp in self.preprocessors:
            lines = pp.source_lines(name)
            if lines is not None:
                return lines
        return None

    def raw_text(self, name: str) -> str | None:
        """A file's text, comments and all (the comments describe enums and
        members, as a header's do: :mod:`gen.c.comments`), with attribute
        lists blanked as the header has them in comments."""
        for pp in self.preprocessors:
            source = pp.source_file(name)
            if source is not None:
                text = read_text(source.path, source.encoding)
                return None if text is None else _ATTRIBUTES_RE.sub(_blank_attributes, text)
        return None

    def path_of(self, name: str) -> Path | None:
        for pp in self.preprocessors:
            source = pp.source_file(name)
            if source is not None:
                return source.path
        return None

    def find(self, target: str, importer: Path) -> Path | None:
        """An imported file: next to the importing file, then in the include
        folders, then among the shims."""
        folders = [importer.parent, *(Path(d) for d in self.options.include_dirs)]
        if self.options.shims:
            folders.append(SHIM_DIR)
        for folder in folders:
            candidate = folder / target
            if candidate.is_file():
                return candidate
            self.probed.add(str(folder))
        return None


#: Comments and strings (kept) and attribute lists (blanked, lines kept).
_ATTRIBUTES_RE = re.compile(
    r"""//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|\[(?:[^][{};"/]|"(?:[^"\\\n]|\\.)*")*\]""", re.S
)


def _blank_attributes(m: re.Match[str]) -> str:
    text = m.group()
    return re.sub(r"[^\n]", " ", text) if text.startswith("[") else text


class _UnsafeMacros:
    """Which macros may not stay unexpanded in an attribute list: those
    whose expansion could unbalance its brackets, or hold ``{``, ``}``, ``;``."""

    def __init__(self, macros: dict[str, Macro]) -> None:
        self.macros = macros
        #: Per definition (kept alive here, so that its id stays its own):
        #: whether its own body is unsafe, and the names in it.
        self.memo: dict[int, tuple[Macro, bool, tuple[str, ...]]] = {}

    def __call__(self, name: str) -> bool:
        todo = [name]
        seen: set[str] = set()
        while todo:  # the macros its expansion may reach (no recursion: chains may be long)
            current = todo.pop()
            macro = self.macros.get(current)
            if macro is None or current in seen:
                continue
            seen.add(current)
            unsafe, names = self._own(macro)
            if unsafe:
                return True
            todo.extend(names)
        return False

    def _own(self, macro: Macro) -> tuple[bool, tuple[str, ...]]:
        known = self.memo.get(id(macro))
        if known is None or known[0] is not macro:
            depth = {"(": 0, "[": 0}
            structural = False
            for tok in macro.body:
                t = tok.text
                if t in depth:
                    depth[t] += 1
                elif t in (")", "]"):
                    depth["(" if t == ")" else "["] -= 1
                elif t in ("{", "}", ";"):
                    structural = True
            names = tuple(t.text for t in macro.body if t.kind == IDENT)
            known = self.memo[id(macro)] = (macro, structural or any(depth.values()), names)
        return known[1], known[2]


def shown_name(path: Path) -> str:
    """How an imported file is named in locations (shims by their name)."""
    try:
        return f"<gen>/{path.resolve().relative_to(SHIM_DIR).as_posix()}"
    except ValueError:
        return path.as_posix()

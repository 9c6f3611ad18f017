"""``#define`` constant groups: integer macros of a header as enums.

Extraction: every object-like macro defined in the main file (or in any file,
when asked) that is still defined at the end of the translation unit, whose
name is not reserved (``__x``, ``_X``), and whose full expansion is an
integer constant expression. Its value is computed as clang would compute
the macro used as an enumerator initializer at the end of the header.
Anything else (strings, types, statements, function-like macros, expansions
naming unknown identifiers, comma lists) is skipped silently, and so are
macros whose value depends on where or by which compiler they are read
(``__LINE__``, ``__COUNTER__``, ``__GNUC__``, ``__clang_major__``, ...): they
describe the compiler, not the header's API, and gcc and clang differ.

Grouping (the default, documented in the README):

1. A *run* is a sequence of extracted macros with nothing between them but
   blank lines, comments and preprocessor directives; C code ends a run.
2. Within a run, each macro's *key* is the first two ``_``-separated segments
   of its name (``IXP_E`` for ``IXP_E_TIMEOUT``) when at least one other
   macro of the run has that key, else its first segment (``DEFAULT`` for
   ``DEFAULT_SMTP_PORT``); a lower-case prefix before a capital (``iit`` in
   ``iitAUTHENTICATE``) is a segment too. Macros of a run with the same key
   form one group, named by the key.
3. If the statement right before a run is ``typedef <integer type> NAME;``
   (``typedef DWORD IMAP_MSGFLAGS;``), the run's first group is named NAME.
4. A macro alone in its group is a plain constant (no enum).
5. A group name that clashes with an enum or an earlier group gets the
   suffix ``_CONSTANTS`` (then ``_CONSTANTS2``, ...).

Explicit groups from the configuration (name, regular expression, flags)
take their macros first, in header order; the rest are grouped as above.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pycparser import c_ast

from gen.c.cexpr import EvalError, Evaluator, Value
from gen.c.ifexpr import IfSyntaxError, parse_constant_expression
from gen.c.inttypes import IntTypes
from gen.c.lexer import CHAR, IDENT, NUMBER, PUNCT, Token
from gen.c.macros import BudgetExceeded, Expander, ExpansionBudget, Macro
from gen.diagnostics import GenError, Location
from gen.model import Enum, GroupSpec, IntType, Member

GROUP_SUFFIX = "_CONSTANTS"
#: Expansion work each macro may do even when the run's budget is spent,
#: per character of its definition (the largest real one needs about 230
#: units in all).
WORK_PER_CHARACTER = 64

_ALLOWED_PUNCT = frozenset(
    (
        *("(", ")", "+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "~", "!"),
        *("<", ">", "<=", ">=", "==", "!=", "&&", "||", "?", ":", ","),
    )
)
_TYPE_ONLY_OPERATORS = frozenset({"sizeof", "_Alignof", "__alignof__", "alignof", "__alignof"})
_RESERVED_NAME = re.compile(r"\A(?:__|_[A-Z])")
#: Predefined macros that say which compiler reads the header (gen predefines
#: clang's values; gcc has its own).
_COMPILER_IDENTITY = frozenset(
    (
        *("__GNUC__", "__GNUC_MINOR__", "__GNUC_PATCHLEVEL__", "__GNUG__", "__VERSION__"),
        *("__clang__", "__clang_major__", "__clang_minor__", "__clang_patchlevel__", "__clang_version__"),
        *("_MSC_VER", "_MSC_FULL_VER", "_MSC_BUILD"),
    )
)
_LOWER_PREFIX = re.compile(r"\A([a-z]+)(?=[A-Z])")


@dataclass(frozen=True)
class IntegerMacro:
    name: str
    value: int
    type: IntType
    #: The replacement text as written (whitespace-normalised).
    text: str
    location: Location


@dataclass(frozen=True)
class TypedefMark:
    """A main-file ``typedef <integer type> NAME;`` and the line it ends on."""

    name: str
    line: int


def evaluate_macros(
    defined: Sequence[Macro],
    macros: dict[str, Macro],
    types: IntTypes,
    evaluator: Evaluator,
    is_type: Callable[[str], bool],
    budget: ExpansionBudget | None = None,
    warn: Callable[[str, Location], None] = lambda _message, _where: None,
) -> list[IntegerMacro]:
    """The integer-valued macros among ``defined``, in definition order.

    Expansions draw on the run's ``budget``; each macro may use at least
    :data:`WORK_PER_CHARACTER` units per character of its definition even
    when the run's budget is spent (so a runaway macro costs the macros
    after it nothing, and the total stays linear in the input). A macro
    whose expansion needs more is left out with a warning naming it.
    """
    budget = budget if budget is not None else ExpansionBudget()
    out: list[IntegerMacro] = []
    seen: set[str] = set()
    memo: dict[str, tuple[Macro, list[Token]]] = {}
    reader: dict[str, bool] = {}
    for m in defined:
        name = m.name
        current = macros.get(name)
        # Still defined at the end, by this definition (or, for a guarded
        # "#ifndef X / #define X", by the definition that made it skip).
        if m.params is not None or m.empty or name in seen or current is None:
            continue
        if current is not m and current.body is not m.body:
            continue
        if _RESERVED_NAME.match(name) or _depends_on_the_reader(name, macros, reader):
            continue
        seen.add(name)
        floor = WORK_PER_CHARACTER * (len(m.text) + len(name) + 1)
        left = budget.left
        budget.left = max(left, floor)
        try:
            value = _evaluate(m, macros, evaluator, is_type, budget, memo)
        except BudgetExceeded:
            warn(
                f"macro '{name}' is not extracted: its expansion takes too much work (more than this run allows)",
                m.location,
            )
            value = None
        finally:
            budget.left = left - (max(left, floor) - budget.left)
        if value is not None:
            out.append(IntegerMacro(name, value[0], value[1], m.text, m.location))
    return out


def _depends_on_the_reader(name: str, macros: dict[str, Macro], known: dict[str, bool]) -> bool:
    """Whether macro ``name`` expands, at any depth, a macro whose value is
    the reading compiler's (``__GNUC__``) or the reading position's
    (``__LINE__``).

    ``known`` keeps answers across the macros of a run, so the walks cost
    time linear in the macros' bodies: a walk that finds nothing clears
    every macro it saw, one that finds such a macro marks the path to it.
    """
    if name in known:
        return known[name]
    seen = {name}
    path = [(name, iter(macros[name].body))]
    while path:
        for tok in path[-1][1]:
            if tok.kind != IDENT or tok.text in seen:
                continue
            text = tok.text
            inner = macros.get(text)
            if text in _COMPILER_IDENTITY or known.get(text) or (inner is not None and inner.builtin is not None):
                for on_path, _ in path:
                    known[on_path] = True
                return True
            if inner is not None and text not in known:
                seen.add(text)
                path.append((text, iter(inner.body)))
                break
        else:
            path.pop()
    for cleared in seen:
        known[cleared] = False
    return False


def _evaluate(
    m: Macro,
    macros: dict[str, Macro],
    evaluator: Evaluator,
    is_type: Callable[[str], bool],
    budget: ExpansionBudget,
    memo: dict[str, tuple[Macro, list[Token]]],
) -> Value | None:
    start = Token(IDENT, m.name, m.location.file, m.location.line, m.location.column)
    try:
        tokens = Expander(macros, iter([start]), budget=budget, memo=memo).expand_all(1)
    except BudgetExceeded:
        raise
    except GenError:
        return None
    except RecursionError:
        raise GenError(f"{m.name}: macro calls nested too deeply to expand", m.location) from None
    if not tokens or not all(_allowed(t) for t in tokens):
        return None
    try:
        node = parse_constant_expression(tokens, is_type)
        if _names_a_non_constant(node, evaluator) or _has_comma_operator(node):
            return None
        value = evaluator.evaluate(node)
    except (IfSyntaxError, EvalError, RecursionError):
        return None
    if _self_contained(tokens, macros) and value[1].bits <= 64:
        memo[m.name] = (macros[m.name], _value_tokens(value, start))
    return value


def _self_contained(tokens: list[Token], macros: dict[str, Macro]) -> bool:
    """Whether an expansion means the same wherever the macro is expanded:
    one token or one parenthesized whole, naming no macro (so no hideset
    of the surroundings can change it and no call can reach past its end)."""
    if any(t.kind == IDENT and t.text in macros for t in tokens):
        return False
    if len(tokens) == 1:
        return True
    if tokens[0].text != "(" or tokens[-1].text != ")":
        return False
    depth = 0
    for t in tokens[:-1]:
        if t.kind == PUNCT:
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0:
                return False  # the first '(' closes before the end
    return True


def _value_tokens(value: Value, at: Token) -> list[Token]:
    """``((TYPE)NULL)``: the value with its type, in a few tokens."""
    v, t = value
    where = (at.file, at.line, at.col)
    words = [Token(IDENT, w, *where) for w in t.name.split()]
    unsigned = Token(NUMBER, f"{v % (1 << 64)}ULL", *where)
    return [
        Token(PUNCT, "(", *where),
        Token(PUNCT, "(", *where),
        *words,
        Token(PUNCT, ")", *where),
        unsigned,
        Token(PUNCT, ")", *where),
    ]


def _has_comma_operator(root: c_ast.Node) -> bool:
    """Whether a comma operator is evaluated: a constant expression may not
    hold one (C17 6.6p3; gcc refuses it, clang folds it with a warning), and
    a macro expanding to ``0xf4, 0x55, ...`` is a list for an initializer,
    not a constant."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, c_ast.UnaryOp) and node.op in _TYPE_ONLY_OPERATORS:
            continue
        if isinstance(node, c_ast.ExprList):
            return True
        stack.extend(child for _, child in node.children())
    return False


def _names_a_non_constant(root: c_ast.Node, evaluator: Evaluator) -> bool:
    """Whether an identifier that is not an enumerator appears outside a
    sizeof or alignof operand. The evaluator forgives one in an arm of ?:
    that is not taken (clang folds ``1 ? 0 : x`` for an int variable x), but
    in a macro it is nearly always a function or variable (``#define
    DebugTrace 1?0:DebugTraceFn``), which clang rejects: not a constant."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, c_ast.UnaryOp) and node.op in _TYPE_ONLY_OPERATORS:
            continue
        if isinstance(node, c_ast.ID) and evaluator.constant(node.name) is None:
            return True
        stack.extend(child for _, child in node.children())
    return False


def _allowed(tok: Token) -> bool:
    if tok.kind in (NUMBER, CHAR, IDENT):
        return True
    return tok.kind == PUNCT and tok.text in _ALLOWED_PUNCT


def _segments(name: str) -> list[str]:
    m = _LOWER_PREFIX.match(name)
    if m:
        return [m.group(1), name[m.end() :]]
    return [s for s in name.split("_") if s]


def _key(name: str, depth: int) -> str:
    segs = _segments(name)
    if len(segs) <= depth:
        return ""
    if _LOWER_PREFIX.match(name):
        return segs[0]
    return "_".join(segs[:depth])


def _runs(items: list[IntegerMacro], lines: list[str]) -> list[list[IntegerMacro]]:
    """Split ``items`` where C code lies between two consecutive macros."""
    runs: list[list[IntegerMacro]] = []
    for item in items:
        if runs and _only_directives(lines, runs[-1][-1].location.line, item.location.line):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _only_directives(lines: list[str], after: int, before: int) -> bool:
    for text in lines[after : before - 1]:
        stripped = text.strip()
        if stripped and not stripped.startswith("#"):
            return False
    return True


def _group_run(run: list[IntegerMacro]) -> list[tuple[str, list[IntegerMacro]]]:
    two = [_key(m.name, 2) for m in run]
    counts: dict[str, int] = {}
    for k in two:
        if k:
            counts[k] = counts.get(k, 0) + 1
    groups: dict[str, list[IntegerMacro]] = {}
    for m, k in zip(run, two, strict=True):
        key = k if k and counts[k] > 1 else (_key(m.name, 1) or m.name)
        groups.setdefault(key, []).append(m)
    return list(groups.items())


def group_macros(
    items: list[IntegerMacro],
    lines: list[str],
    typedefs: Sequence[TypedefMark],
    taken_names: set[str],
    specs: Sequence[GroupSpec] = (),
    types: IntTypes | None = None,
) -> list[Enum]:
    """Macro groups as Enums (origin "macros"); single macros come back as
    Enums without a name (rendered as constants)."""
    result: list[Enum] = []
    remaining = list(items)
    for spec in specs:
        pattern = re.compile(spec.pattern)
        chosen = [m for m in remaining if pattern.search(m.name)]
        if not chosen:
            continue
        remaining = [m for m in remaining if m not in chosen]
        name = _unique(spec.name, taken_names)
        result.append(_enum(name, chosen, types, None))
    for run in _runs(remaining, lines):
        head = _typedef_before(run[0], lines, typedefs)
        for index, (key, members) in enumerate(_group_run(run)):
            typedef = head if index == 0 and head else None
            if len(members) == 1 and not typedef:
                result.append(_enum(None, members, types, None))
                continue
            result.append(_enum(_unique(typedef or key, taken_names), members, types, typedef))
    result.sort(key=lambda e: (e.location.line, e.location.column))
    return result


def _typedef_before(first: IntegerMacro, lines: list[str], typedefs: Sequence[TypedefMark]) -> str | None:
    before = [t for t in typedefs if t.line < first.location.line]
    if not before:
        return None
    last = max(before, key=lambda t: t.line)
    return last.name if _only_directives(lines, last.line, first.location.line) else None


def _unique(name: str, taken: set[str]) -> str:
    candidate = name
    if candidate in taken:
        candidate = name + GROUP_SUFFIX
        n = 2
        while candidate in taken:
            candidate = f"{name}{GROUP_SUFFIX}{n}"
            n += 1
    taken.add(candidate)
    return candidate


def _enum(name: str | None, members: list[IntegerMacro], types: IntTypes | None, typedef: str | None) -> Enum:
    underlying = members[0].type
    if any(m.type != underlying for m in members) and types is not None:
        underlying = _common(members, types)
    return Enum(
        tag=None,
        typedefs=(typedef,) if typedef else (),
        group=name,
        members=tuple(Member(m.name, m.value, m.text, m.location) for m in members),
        location=members[0].location,
        underlying=underlying,
        origin="macros",
    )


def _common(members: list[IntegerMacro], types: IntTypes) -> IntType:
    t = members[0].type
    for m in members[1:]:
        t = types.common(t, m.type)
    if all(t.holds(m.value) for m in members):
        return t
    return types.llong

"""The constant-expression evaluator (gen/c/cexpr.py) and the #if parser
(gen/c/ifexpr.py) take input of any depth and length without recursion:
chains and nests far deeper than Python's recursion limit give the right
value, and malformed input a clean error at the right token."""

from __future__ import annotations

import sys

import pytest
from pycparser import c_ast

from gen.c.cexpr import MAX_BRACKET_DEPTH, EvalError, Evaluator, parser_stack, too_deep
from gen.c.ifexpr import IfSyntaxError, parse_constant_expression, parse_if_expression
from gen.c.inttypes import LLP64, LP64, IntTypes
from gen.c.lexer import tokenize

TYPES = IntTypes(LLP64)
DEEP = 100_000  # far beyond sys.getrecursionlimit()


def const(text: str) -> c_ast.Constant:
    return c_ast.Constant("int", text)


def enum_eval(node: c_ast.Node, types: IntTypes = TYPES) -> tuple[int, str]:
    value, t = Evaluator(types, lambda _n: None).evaluate(node)
    return value, t.name


def if_value(text: str) -> int:
    node = parse_if_expression(tokenize(text, "t.h", 1))
    value, _ = Evaluator(TYPES, lambda _n: None, preprocessor=True).evaluate(node)
    return value


def expr_value(text: str, types: IntTypes = TYPES) -> tuple[int, str]:
    node = parse_constant_expression(tokenize(text, "t.h", 1), lambda n: n == "T")
    value, t = Evaluator(types, lambda _n: None, typedef={"T": types.by_name["unsigned char"]}).evaluate(node)
    return value, t.name


# -- the evaluator on deep trees ------------------------------------------------


def test_left_deep_chain_of_additions() -> None:
    node: c_ast.Node = const("1")
    for _ in range(DEEP):
        node = c_ast.BinaryOp("+", node, const("1"))
    assert sys.getrecursionlimit() < DEEP
    assert enum_eval(node) == (DEEP + 1, "int")


def test_right_deep_nest_of_subtractions() -> None:
    node: c_ast.Node = const("0")
    for _ in range(DEEP):
        node = c_ast.BinaryOp("-", const("1"), node)  # 1 - (1 - (1 - ...))
    assert enum_eval(node) == (DEEP % 2, "int")


def test_deep_unary_and_cast_chains() -> None:
    node: c_ast.Node = const("5")
    for _ in range(DEEP):
        node = c_ast.UnaryOp("-", node)
    assert enum_eval(node) == (5, "int")
    to_type = c_ast.Typename(None, [], None, c_ast.TypeDecl(None, [], None, c_ast.IdentifierType(["short"])))
    node = const("70000")
    for _ in range(DEEP):
        node = c_ast.Cast(to_type, node)
    assert enum_eval(node) == (70000 - 65536, "short")


def test_deep_ternaries_in_unevaluated_arms_are_only_typed() -> None:
    # 1 ? 7 : (1 ? 7 : (... : 0u)): every else-arm is typed, never evaluated,
    # and the unsigned innermost arm makes every level unsigned.
    node: c_ast.Node = const("0u")
    for _ in range(DEEP // 4):
        node = c_ast.TernaryOp(const("1"), const("7"), node)
    assert enum_eval(node) == (7, "unsigned int")


def test_unevaluated_operands_may_divide_by_zero() -> None:
    div0 = c_ast.BinaryOp("/", const("0u"), const("0"))
    # The arm not taken only gives its type: -1 converted to unsigned int.
    assert enum_eval(c_ast.TernaryOp(const("1"), c_ast.UnaryOp("-", const("1")), div0)) == (0xFFFFFFFF, "unsigned int")
    assert enum_eval(c_ast.UnaryOp("sizeof", c_ast.BinaryOp("/", const("1LL"), const("0"))))[0] == 8
    assert enum_eval(c_ast.BinaryOp("&&", const("0"), div0)) == (0, "int")
    assert enum_eval(c_ast.BinaryOp("||", const("2"), div0)) == (1, "int")
    with pytest.raises(EvalError, match="division by zero"):
        enum_eval(c_ast.BinaryOp("+", const("1"), div0))
    with pytest.raises(EvalError, match="division by zero"):
        enum_eval(c_ast.TernaryOp(const("0"), const("1"), div0))


def test_errors_deep_inside_propagate_with_their_node() -> None:
    bad = c_ast.ID("UNKNOWN")
    node: c_ast.Node = bad
    for _ in range(DEEP // 4):
        node = c_ast.BinaryOp("|", const("1"), node)
    with pytest.raises(EvalError) as info:
        enum_eval(node)
    assert info.value.identifier == "UNKNOWN" and info.value.node is bad


@pytest.mark.parametrize(
    ("text", "value", "type_name"),
    [
        ("0x7fffffff << 4", -16, "int"),
        ("-2147483647 - 1 / -1", -2147483646, "int"),
        ("(-2147483647 - 1) % -1", 0, "int"),
        ("4294967295u + 1", 0, "unsigned int"),
        ("-1 < 0u", 0, "int"),
        ("(T)300 + (T)300", 88, "int"),
        ("sizeof(long) * 2", 8, "unsigned long long"),
        ("'ab'", 0x6162, "int"),
        ("(1, 2)", 2, "int"),
        ("1 ? -1 : 0u", 0xFFFFFFFF, "unsigned int"),
        ("1 << 40", -(2**31), "int"),  # clang clamps the count to width - 1
        ("~0ull >> 1", 2**63 - 1, "unsigned long long"),
        ("18446744073709551615", 2**64 - 1, "unsigned long long"),
    ],
)
def test_expression_values_llp64(text: str, value: int, type_name: str) -> None:
    assert expr_value(text) == (value, type_name)


def test_long_is_64_bits_on_lp64() -> None:
    assert expr_value("sizeof(long)", IntTypes(LP64)) == (8, "unsigned long")
    assert expr_value("2147483647L + 1", IntTypes(LP64)) == (2**31, "long")
    assert expr_value("2147483647L + 1") == (-(2**31), "long")


# -- the #if parser ---------------------------------------------------------------


def test_if_parentheses_100000_deep() -> None:
    assert if_value("(" * 100_000 + "3" + ")" * 100_000 + " == 3") == 1


def test_if_chain_of_100000_operators() -> None:
    assert if_value(" + ".join(["1"] * 100_000)) == 100_000


def test_if_deep_unary_and_ternary_nests() -> None:
    assert if_value("- " * 50_000 + "1") == 1
    assert if_value("!" * 50_001 + "0") == 1
    nested = "1 ? " * 20_000 + "5" + " : 0" * 20_000
    assert if_value(nested) == 5
    right = "0 ? 1 : " * 20_000 + "9"
    assert if_value(right) == 9


def test_constant_expression_deep_casts_and_sizeof() -> None:
    assert expr_value("(T)" * 50_000 + "300") == (44, "unsigned char")
    assert expr_value("sizeof " * 1000 + "1") == (8, "unsigned long long")


@pytest.mark.parametrize(
    ("text", "message", "col"),
    [
        ("(1 2", "expected ')' in #if expression", 4),
        ("1 ? 2", "expected ':' in #if expression", None),
        ("1 ? (2 : 3)", "expected ')' in #if expression", 8),
        ("1 2", "unexpected '2' in #if expression", 3),
        (") 1", "unexpected ')' in #if expression", 1),
        ("1 +", "unexpected end of #if expression", None),
        ("(((((1", "expected ')' in #if expression", None),
        ("1 : 2", "unexpected ':' in #if expression", 3),
        ('"s"', "unexpected '\"s\"' in #if expression", 1),
    ],
)
def test_if_syntax_errors_name_the_token(text: str, message: str, col: int | None) -> None:
    with pytest.raises(IfSyntaxError) as info:
        parse_if_expression(tokenize(text, "t.h", 1))
    assert str(info.value) == message
    assert (info.value.token.col if info.value.token else None) == col


def test_if_precedence_and_associativity() -> None:
    assert if_value("1 + 2 * 3 << 1") == 14
    assert if_value("10 - 4 - 3") == 3
    assert if_value("1 ? 2 : 0 ? 3 : 4") == 2
    assert if_value("0 ? 2 : 0 ? 3 : 4") == 4
    assert if_value("0 || 1 ? 5 : 6") == 5
    assert if_value("(1 ? 2, 3 : 4) + 1") == 4
    assert if_value("-1 < 0 && 1 == 1 != 0") == 1
    assert if_value("-1 > 0u") == 1  # #if arithmetic is in intmax_t / uintmax_t


# -- the bracket limit for recursive parsers ----------------------------------------


def test_too_deep_finds_the_first_bracket_past_the_limit() -> None:
    toks = tokenize("(" * MAX_BRACKET_DEPTH + "1" + ")" * MAX_BRACKET_DEPTH, "t.h", 1)
    assert too_deep(toks) is None
    toks = tokenize("[" + "(" * MAX_BRACKET_DEPTH + "1" + ")" * MAX_BRACKET_DEPTH + "]", "t.h", 1)
    found = too_deep(toks)
    assert found is not None and found.col == MAX_BRACKET_DEPTH + 1


def test_parser_stack_restores_the_limit() -> None:
    before = sys.getrecursionlimit()
    with parser_stack(before + 1000):
        assert sys.getrecursionlimit() == before + 1000
    assert sys.getrecursionlimit() == before
    with parser_stack(10):  # never lowers it
        assert sys.getrecursionlimit() == before


@pytest.mark.parametrize("kind", ["enum", "struct", "union"])
def test_tagged_type_casts_build_a_well_formed_tree(kind: str) -> None:
    """``(enum E)x`` in a macro: the tree must be walkable whatever the
    pycparser version (3.12 added Enum.underlying_type before coord; a coord
    there once broke the walk of macro_groups with an internal error)."""
    node = parse_constant_expression(tokenize(f"(({kind} E)(0 + sizeof(0)))", "m.h", 1, 1), lambda _n: False)
    stack: list[c_ast.Node] = [node]
    seen = 0
    while stack:
        current = stack.pop()
        assert isinstance(current, c_ast.Node)
        stack.extend(child for _, child in current.children())
        seen += 1
    assert seen > 4

"""Safe formulas for derived indicators: parsed with `ast` against a whitelist, never eval'd.

Allowed: numbers, indicator codes (Python identifiers), + - * /, unary minus/plus,
parentheses, and min(...)/max(...). A missing component or a division by zero gives
NULL with a reason, never an exception.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field

from koers.engine.errors import FormulaError

_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_FUNCS = {"min": "LEAST", "max": "GREATEST"}
MAX_LENGTH = 2000


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.expr = field(compare=False, repr=False)
    names: tuple[str, ...]  # indicator codes in order of first use


def parse_formula(text: str) -> Formula:
    """Parse and whitelist-check a formula; raises FormulaError with the offending part."""
    if not isinstance(text, str) or not text.strip():
        raise FormulaError("formula is empty", formula=text)
    if len(text) > MAX_LENGTH:
        raise FormulaError("formula is too long", formula=text[:80])
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"formula {text!r} is not valid: {exc.msg}", formula=text) from None
    names: list[str] = []
    _check(tree, text, names)
    return Formula(text, tree, tuple(names))


def _check(node: ast.AST, text: str, names: list[str]) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"only numbers are allowed as constants in {text!r}", formula=text)
    elif isinstance(node, ast.Name):
        if node.id in _FUNCS:
            raise FormulaError(f"{node.id} must be called in {text!r}", formula=text)
        if node.id not in names:
            names.append(node.id)
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        _check(node.left, text, names)
        _check(node.right, text, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check(node.operand, text, names)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCS
        and not node.keywords
        and len(node.args) >= 2
    ):
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise FormulaError(f"*args not allowed in {text!r}", formula=text)
            _check(arg, text, names)
    else:
        raise FormulaError(
            f"{type(node).__name__} is not allowed in formula {text!r}",
            formula=text,
            node=type(node).__name__,
        )


def to_sql(formula: Formula, columns: Mapping[str, str]) -> tuple[str, str]:
    """SQL (value, missing_reason) expressions; `columns` maps indicator codes to SQL columns."""
    zero_checks: list[str] = []

    def emit(node: ast.AST) -> str:
        if isinstance(node, ast.Constant):
            return repr(float(node.value))
        if isinstance(node, ast.Name):
            return columns[node.id]
        if isinstance(node, ast.UnaryOp):
            return f"({'-' if isinstance(node.op, ast.USub) else '+'}{emit(node.operand)})"
        if isinstance(node, ast.Call):
            args = [emit(a) for a in node.args]
            nulls = " OR ".join(f"{a} IS NULL" for a in args)
            return (
                f"(CASE WHEN {nulls} THEN NULL ELSE {_FUNCS[node.func.id]}({', '.join(args)}) END)"
            )
        left, right = emit(node.left), emit(node.right)
        if isinstance(node.op, ast.Div):
            zero_checks.append(right)
            return f"(CASE WHEN {right} = 0 THEN NULL ELSE {left} / {right} END)"
        return f"({left} {_BINOPS[type(node.op)]} {right})"

    value = emit(formula.tree)
    whens = [
        f"WHEN {columns[n]} IS NULL THEN {_sql_str('missing component ' + n)}"
        for n in formula.names
    ]
    whens += [f"WHEN {z} = 0 THEN 'division by zero'" for z in zero_checks]
    reason = f"(CASE {' '.join(whens)} ELSE NULL END)" if whens else "NULL"
    return value, reason


def evaluate(
    formula: Formula, values: Mapping[str, float | None]
) -> tuple[float | None, str | None]:
    """Evaluate for one key in Python: (value, None) or (None, reason)."""
    for name in formula.names:
        if values.get(name) is None:
            return None, f"missing component {name}"

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp):
            return -ev(node.operand) if isinstance(node.op, ast.USub) else ev(node.operand)
        if isinstance(node, ast.Call):
            return (min if node.func.id == "min" else max)(ev(a) for a in node.args)
        left, right = ev(node.left), ev(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right == 0:
            raise ZeroDivisionError
        return left / right

    try:
        return ev(formula.tree), None
    except ZeroDivisionError:
        return None, "division by zero"


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

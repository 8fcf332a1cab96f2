"""Derived metrics, defined once: each expression yields its Excel formula and its Python value.

Why a tiny expression language rather than two hand-written versions: the workbook's
formulas and the checks, JSON export and deck must never disagree. Every derived cell
is written from ``Expr.excel`` and every Python consumer calls ``Expr.evaluate``; the
LibreOffice oracle test recalculates the workbook and compares both, cell by cell.

Blank semantics, identical on both sides (they are what Excel's ``N()`` does):
- an input cell that is empty or holds text counts as 0;
- a derived cell that holds no number (it shows "") makes every metric that uses it
  blank;
- a division by zero or by a blank is blank, never ``#DIV/0!``.
Formulas nest ``IF`` (lazy in Excel and LibreOffice) rather than ``OR`` (eager), so no
guard can itself raise an error.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence


class Resolver(Protocol):
    """What an expression needs to compile or evaluate: cells and column ranges."""

    def cell(self, key: str) -> str:
        """Excel reference (A1 or defined name) of field/scalar ``key`` in the current row."""

    def column(self, key: str) -> str:
        """Excel range of the data rows of column ``key`` of the current table."""

    def is_derived(self, key: str) -> bool:
        """True when ``key`` is itself a derived value (it may be blank)."""

    def value(self, key: str) -> object:
        """Python value of ``key`` in the current row (derived ones computed on demand)."""

    def values(self, key: str) -> Sequence[object]:
        """Python values of column ``key`` over the data rows."""


def number(value: object) -> float:
    """Excel's ``N()``: a number stays, anything else (empty, text) is 0."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return value
    return 0


def is_number(value: object) -> bool:
    """A value that computes: int or finite float (not bool). An overflow (inf) or NaN counts as blank, so it
    never reaches a cell, a message or a slide."""
    if isinstance(value, float):
        return value == value and value not in (_INF, -_INF)
    return isinstance(value, int) and not isinstance(value, bool)


_INF = float("inf")


@dataclass(frozen=True)
class Compiled:
    """A formula body split into blank-guards and a value valid when no guard holds."""

    guards: tuple[str, ...]
    value: str

    def formula(self) -> str:
        body = self.value
        for guard in reversed(self.guards):
            body = f'IF({guard},"",{body})'
        if "/" in self.value or "*" in self.value:
            body = f'IFERROR({body},"")'  # overflow (#NUM!) of extreme inputs: blank, as in Python
        return "=" + body


class Expr:
    """A metric expression. Subclasses implement ``compile`` and ``evaluate``."""

    def compile(self, r: Resolver) -> Compiled:
        raise NotImplementedError

    def evaluate(self, r: Resolver) -> float | None:
        """The value, or None where the workbook shows an empty cell."""
        raise NotImplementedError

    def refs(self) -> set[str]:
        return set()

    def excel(self, r: Resolver) -> str:
        return self.compile(r).formula()

    # Operators make metric definitions read like their business definition.
    def __truediv__(self, other: Expr | float) -> Expr:
        return Div(self, _lift(other))

    def __mul__(self, other: Expr | float) -> Expr:
        return Op("*", self, _lift(other))

    def __add__(self, other: Expr | float) -> Expr:
        return Op("+", self, _lift(other))

    def __sub__(self, other: Expr | float) -> Expr:
        return Op("-", self, _lift(other))


def _finite(value: float) -> float | None:
    """Excel turns an overflow into #NUM! (shown blank by IFERROR); Python into inf."""
    return value if math.isfinite(value) else None


def _lift(value: Expr | float) -> Expr:
    return value if isinstance(value, Expr) else Const(value)


@dataclass(frozen=True)
class Const(Expr):
    number: float

    def compile(self, r: Resolver) -> Compiled:
        return Compiled((), repr(self.number) if isinstance(self.number, float) else str(self.number))

    def evaluate(self, r: Resolver) -> float | None:
        return self.number


@dataclass(frozen=True)
class Ref(Expr):
    """A field of the same row (or a scalar): inputs count as N(), derived ones may be blank."""

    key: str

    def compile(self, r: Resolver) -> Compiled:
        ref = r.cell(self.key)
        if r.is_derived(self.key):
            return Compiled((f"NOT(ISNUMBER({ref}))",), ref)
        return Compiled((), f"N({ref})")

    def evaluate(self, r: Resolver) -> float | None:
        value = r.value(self.key)
        if r.is_derived(self.key):
            return value if is_number(value) else None
        return number(value)

    def refs(self) -> set[str]:
        return {self.key}


@dataclass(frozen=True)
class Div(Expr):
    num: Expr
    den: Expr

    def compile(self, r: Resolver) -> Compiled:
        a, b = self.num.compile(r), self.den.compile(r)
        zero = () if isinstance(self.den, Const) and self.den.number else (f"{_paren(b.value)}=0",)
        return Compiled(a.guards + b.guards + zero, f"{_paren(a.value)}/{_paren(b.value)}")

    def evaluate(self, r: Resolver) -> float | None:
        a, b = self.num.evaluate(r), self.den.evaluate(r)
        if a is None or b is None or b == 0:
            return None
        return _finite(a / b)

    def refs(self) -> set[str]:
        return self.num.refs() | self.den.refs()


_OPS: dict[str, Callable[[float, float], float]] = {
    "*": lambda a, b: a * b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
}


@dataclass(frozen=True)
class Op(Expr):
    symbol: str
    left: Expr
    right: Expr

    def compile(self, r: Resolver) -> Compiled:
        a, b = self.left.compile(r), self.right.compile(r)
        return Compiled(a.guards + b.guards, f"{_paren(a.value)}{self.symbol}{_paren(b.value)}")

    def evaluate(self, r: Resolver) -> float | None:
        a, b = self.left.evaluate(r), self.right.evaluate(r)
        if a is None or b is None:
            return None
        return _finite(_OPS[self.symbol](a, b))

    def refs(self) -> set[str]:
        return self.left.refs() | self.right.refs()


@dataclass(frozen=True)
class Fallback(Expr):
    """``primary`` when the user typed a non-zero number there, else ``default``.

    Used for optional assumptions (target win ratio defaults to the N-1 win ratio).
    ``primary`` must be an input, ``default`` a derived field.
    """

    primary: str
    default: str

    def compile(self, r: Resolver) -> Compiled:
        p, d = r.cell(self.primary), r.cell(self.default)
        return Compiled((), f"IF(N({p})<>0,N({p}),IF(ISNUMBER({d}),{d},\"\"))")

    def evaluate(self, r: Resolver) -> float | None:
        p = number(r.value(self.primary))
        if p != 0:
            return p
        d = r.value(self.default)
        return d if is_number(d) else None

    def refs(self) -> set[str]:
        return {self.primary, self.default}


@dataclass(frozen=True)
class Override(Expr):
    """``primary`` when the user typed a number there (0 included), else ``default``.

    The one-source rule (issue 8): a value another tab holds is a live formula
    (``default``); the user may still type ``primary`` as an explicit override, and a
    check (``checks.restated``) reports it when it disagrees with the source. Unlike
    ``Fallback``, a typed 0 is a value (an objective that starts from nothing).
    """

    primary: str
    default: str

    def compile(self, r: Resolver) -> Compiled:
        p, d = r.cell(self.primary), r.cell(self.default)
        return Compiled((), f'IF(ISNUMBER({p}),{p},IF(ISNUMBER({d}),{d},""))')

    def evaluate(self, r: Resolver) -> float | None:
        p = r.value(self.primary)
        if is_number(p):
            return p
        d = r.value(self.default)
        return d if is_number(d) else None

    def refs(self) -> set[str]:
        return {self.primary, self.default}


@dataclass(frozen=True)
class Blank(Expr):
    """An empty cell (a branch of ``Switch`` that has no value)."""

    def compile(self, r: Resolver) -> Compiled:
        return Compiled((), '""')

    def evaluate(self, r: Resolver) -> float | None:
        return None


@dataclass(frozen=True)
class TotalOf(Expr):
    """The total-row value of another table's column (``TotalOf("leadgen", "spend")``): a live link."""

    table: str
    key: str

    def compile(self, r: Resolver) -> Compiled:
        ref = r.cell(f"total:{self.table}.{self.key}")
        return Compiled((), f'IF(ISNUMBER({ref}),{ref},"")')

    def evaluate(self, r: Resolver) -> float | None:
        value = r.value(f"total:{self.table}.{self.key}")
        return value if is_number(value) else None


@dataclass(frozen=True)
class IfGiven(Expr):
    """``expr`` only when input ``key`` holds a non-zero number, else blank (ROI needs revenue)."""

    key: str
    expr: Expr

    def compile(self, r: Resolver) -> Compiled:
        inner = self.expr.compile(r)
        return Compiled((f"N({r.cell(self.key)})=0",) + inner.guards, inner.value)

    def evaluate(self, r: Resolver) -> float | None:
        if number(r.value(self.key)) == 0:
            return None
        return self.expr.evaluate(r)

    def refs(self) -> set[str]:
        return {self.key} | self.expr.refs()


@dataclass(frozen=True)
class Sum(Expr):
    """Sum of a column over the data rows (numbers only, as Excel's SUM)."""

    key: str

    def compile(self, r: Resolver) -> Compiled:
        return Compiled((), f"SUM({r.column(self.key)})")

    def evaluate(self, r: Resolver) -> float | None:
        return sum(number(v) for v in r.values(self.key) if is_number(v))

    def refs(self) -> set[str]:
        return {self.key}


@dataclass(frozen=True)
class SumProduct(Expr):
    """Sum of the row-wise products of two columns (for weighted totals)."""

    left: str
    right: str

    def compile(self, r: Resolver) -> Compiled:
        return Compiled((), f"SUMPRODUCT({r.column(self.left)},{r.column(self.right)})")

    def evaluate(self, r: Resolver) -> float | None:
        pairs = zip(r.values(self.left), r.values(self.right))
        return sum(number(a) * number(b) for a, b in pairs if is_number(a) and is_number(b))

    def refs(self) -> set[str]:
        return {self.left, self.right}


@dataclass(frozen=True)
class SumIf(Expr):
    """Sum of ``key`` over the rows of ``table`` whose ``where`` column equals ``equals``.

    ``equals`` is the label shown in the workbook (for instance a budget block name).
    """

    table: str
    where: str
    equals: str
    key: str

    def compile(self, r: Resolver) -> Compiled:
        where = r.column(f"{self.table}.{self.where}")
        total = r.column(f"{self.table}.{self.key}")
        label = r.value(f"label:{self.table}.{self.where}:{self.equals}")
        return Compiled((), f'SUMIF({where},"{label}",{total})')

    def evaluate(self, r: Resolver) -> float | None:
        labels = r.values(f"{self.table}.{self.where}")
        amounts = r.values(f"{self.table}.{self.key}")
        label = r.value(f"label:{self.table}.{self.where}:{self.equals}")
        return sum(number(a) for w, a in zip(labels, amounts) if w == label and is_number(a))

    def refs(self) -> set[str]:
        return {f"{self.table}.{self.where}", f"{self.table}.{self.key}"}


@dataclass(frozen=True)
class RowSum(Expr):
    """Sum (or ``mode="count"``/``"average"``) of several fields of the same row (monthly actuals)."""

    keys: tuple[str, ...]
    mode: str = "sum"

    def compile(self, r: Resolver) -> Compiled:
        span = f"{r.cell(self.keys[0])}:{r.cell(self.keys[-1])}"
        if self.mode == "average":
            return Compiled((f"COUNT({span})=0",), f"AVERAGE({span})")
        return Compiled((), f"{self.mode.upper()}({span})")

    def evaluate(self, r: Resolver) -> float | None:
        nums = [number(v) for v in (r.value(k) for k in self.keys) if is_number(v)]
        if self.mode == "count":
            return len(nums)
        if self.mode == "average":
            return sum(nums) / len(nums) if nums else None
        return sum(nums)

    def refs(self) -> set[str]:
        return set(self.keys)


@dataclass(frozen=True)
class Switch(Expr):
    """``when_true`` if choice field ``key`` equals ``choice``, else ``otherwise``."""

    key: str
    choice: str
    when_true: Expr
    otherwise: Expr

    def compile(self, r: Resolver) -> Compiled:
        a, b = self.when_true.compile(r), self.otherwise.compile(r)
        label = r.value(f"label:{self.key}:{self.choice}")
        return Compiled((), f'IF({r.cell(self.key)}="{label}",{_formula_body(a)},{_formula_body(b)})')

    def evaluate(self, r: Resolver) -> float | None:
        label = r.value(f"label:{self.key}:{self.choice}")
        branch = self.when_true if r.value(self.key) == label else self.otherwise
        return branch.evaluate(r)

    def refs(self) -> set[str]:
        return {self.key} | self.when_true.refs() | self.otherwise.refs()


@dataclass(frozen=True)
class Lookup(Expr):
    """The N-1 value, from the tabs, of the metric chosen in choice field ``key``.

    ``sources`` maps a choice key to a table total (``"leadgen.leads"``) or a scalar
    (``"total_cost_prev"``). Blank when the choice has no source or the source is blank.
    Excel: ``IFERROR(CHOOSE(MATCH(choice, {labels}, 0), refs…), "")``.
    """

    key: str
    sources: tuple[tuple[str, str], ...]

    def compile(self, r: Resolver) -> Compiled:
        labels = ",".join('"' + str(r.value(f"label:{self.key}:{k}")).replace('"', '""') + '"' for k, _ in self.sources)
        refs = ",".join(self._ref(r, src) for _, src in self.sources)
        return Compiled((), f'IFERROR(CHOOSE(MATCH({r.cell(self.key)},{{{labels}}},0),{refs}),"")')

    @staticmethod
    def _ref(r: Resolver, src: str) -> str:
        if "." in src:
            return r.cell(f"total:{src}")
        ref = r.cell(src)
        # An input cell left empty: CHOOSE would return 0 for it; blank, as in Python.
        return ref if r.is_derived(src) else f'IF(ISNUMBER({ref}),{ref},"")'

    def evaluate(self, r: Resolver) -> float | None:
        chosen = r.value(self.key)
        for k, src in self.sources:
            if chosen == r.value(f"label:{self.key}:{k}"):
                value = r.value(f"total:{src}" if "." in src else src)
                return value if is_number(value) else None
        return None

    def refs(self) -> set[str]:
        return {self.key}


@dataclass(frozen=True)
class Filled(Expr):
    """How many of ``keys`` hold something: each key a column of another table (``"segments.profile"``)
    or a scalar (``"ansoff_product"``). Excel: ``COUNTA(range, name, …)``; input cells never hold formulas,
    so COUNTA counts exactly what the user typed."""

    keys: tuple[str, ...]

    def compile(self, r: Resolver) -> Compiled:
        refs = ",".join(r.column(k) if "." in k else r.cell(k) for k in self.keys)
        return Compiled((), f"COUNTA({refs})")

    def evaluate(self, r: Resolver) -> float | None:
        n = 0
        for k in self.keys:
            values = r.values(k) if "." in k else [r.value(k)]
            n += sum(1 for v in values if v is not None and v != "")
        return n

    def refs(self) -> set[str]:
        return set(self.keys)


@dataclass(frozen=True)
class AtLeast(Expr):
    """1 when ``expr`` ≥ ``threshold``, else 0 (blank when ``expr`` is): a yes/no answer read from the plan."""

    expr: Expr
    threshold: float

    def compile(self, r: Resolver) -> Compiled:
        inner = self.expr.compile(r)
        return Compiled(inner.guards, f"IF({inner.value}>={self.threshold},1,0)")

    def evaluate(self, r: Resolver) -> float | None:
        value = self.expr.evaluate(r)
        return None if value is None else (1 if value >= self.threshold else 0)

    def refs(self) -> set[str]:
        return self.expr.refs()


@dataclass(frozen=True)
class ByRow(Expr):
    """A different expression for each row, chosen by the row's text field ``key`` (a stable id such as "Q2").

    Rows whose id has no case are blank. Excel: ``IFERROR(CHOOSE(MATCH(id, {ids}, 0), e1, e2, …), "")``.
    """

    key: str
    cases: tuple[tuple[str, Expr], ...]

    def compile(self, r: Resolver) -> Compiled:
        ids = ",".join('"' + k.replace('"', '""') + '"' for k, _ in self.cases)
        bodies = ",".join(_formula_body(e.compile(r)) for _, e in self.cases)
        return Compiled((), f'IFERROR(CHOOSE(MATCH({r.cell(self.key)},{{{ids}}},0),{bodies}),"")')

    def evaluate(self, r: Resolver) -> float | None:
        chosen = r.value(self.key)
        wanted = str(chosen).strip().casefold() if chosen is not None else None
        for k, expr in self.cases:
            if wanted == k.casefold():
                return expr.evaluate(r)
        return None

    def refs(self) -> set[str]:
        return {self.key} | {ref for _, e in self.cases for ref in e.refs()}


def _formula_body(c: Compiled) -> str:
    return c.formula()[1:]


def _paren(text: str) -> str:
    """Parenthesise a compiled value unless it is atomic (a reference or a call)."""
    if text.replace("_", "").replace("$", "").replace("!", "").replace("'", "").isalnum():
        return text
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(text) - 1 and ch in "+-*/":
            return f"({text})"
    if text[0] == "-":
        return f"({text})"
    return text


def R(key: str) -> Ref:
    """Shorthand used by the schema: ``R("revenue") / R("deals")``."""
    return Ref(key)

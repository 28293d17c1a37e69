#!/usr/bin/python3
"""Writes tests/e2e/specs/*.fods, the spec sheets the end-to-end test recalculates in Calc.

The sheets follow LibreOffice's sc/qa/unit/data/functions pattern: a "Summary" sheet whose
B1 ANDs every check, and a "Specs" sheet with one row per case:

    A formula (as a user would type it) | B expected | C check | D what the row shows

Expected values come from the contract (issue 2) and the article, computed by hand or
written as the contract's own arithmetic (=1000000/30000 for an exact r = 0 value); never
from running LeadPlan. Cells store formulas the way Calc saves them (ODFF, add-in
functions as ORG.LEADPLAN.CALC.FUNCTIONS.METHOD), so the files open in any Calc with the
extension installed.

Edit the tables below, then run `make_specs.py` (writes) or `make_specs.py --check`
(fails when the committed sheets differ from the tables; a ctest runs this).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SERVICE = "ORG.LEADPLAN.CALC.FUNCTIONS"
FUNCTIONS = ("REQUIREDORDERS", "NEWCUSTOMERORDERS", "REQUIREDLEADS", "PROACTIVELEADS",
             "PROACTIVEREVENUE", "ACHIEVABLEREVENUE", "REQUIREDCONVERSION",
             "AVERAGEORDERSIZE", "CONVERSIONRATE", "PROACTIVEPLAN", "ACTIVITIESNEEDED",
             "PLANPROBABILITY", "PROACTIVELEADSFOR",
             "PROACTIVESCHEDULE", "PROACTIVELEADSLEFT")
_FUNC_RE = re.compile(r"\b(" + "|".join(FUNCTIONS) + r")\(")

# Check kinds (column C). Calc's "=" on numbers already forgives the last bits
# (rtl::math::approxEqual), which is right for whole counts; exact-chain (r = 0) values
# get an explicit relative tolerance because Calc's arithmetic and the core's may take
# different but equally valid routes to the same real number.
EQ, APPROX, TEXT, ERROR = "eq", "approx", "text", "error"
# Probabilities (issue 12): absolute 1e-12, or 1e-9 beyond 100,000 leads.
PROB12, PROB9 = "prob12", "prob9"


@dataclass
class Row:
    formula: str           # user form, e.g. "PROACTIVELEADS(1000000;20000;30;0.2;60)"
    expected: object       # number, "=expression", "text", or "Err:502"
    note: str
    kind: str = EQ


@dataclass
class ArrayBlock:
    anchor: tuple[int, int]   # 1-based (row, column) of the top-left cell
    rows: int
    cols: int
    formula: str


@dataclass
class Spec:
    name: str                 # file name without .fods
    title: str
    rows: list[Row] = field(default_factory=list)
    data: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, col) -> value
    arrays: list[ArrayBlock] = field(default_factory=list)

    def add(self, formula, expected, note, kind=None):
        if kind is None:
            if isinstance(expected, str) and expected.startswith("Err:"):
                kind = ERROR
            elif isinstance(expected, str) and not expected.startswith("="):
                kind = TEXT
            else:
                kind = EQ
        self.rows.append(Row(formula, expected, note, kind))

    def approx(self, formula, expected, note):
        self.add(formula, expected, note, APPROX)

    def err(self, formula, note, code=502):
        self.add(formula, f"Err:{code}", note, ERROR)


COL = {c: i + 1 for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}


def put_column(spec: Spec, column: str, first_row: int, values) -> None:
    """Data for ranges; None leaves the cell empty (as a month with no entry)."""
    for i, value in enumerate(values):
        if value is not None:
            spec.data[(first_row + i, COL[column])] = value


def odff(formula: str) -> str:
    """User form -> the form Calc stores: add-in names qualified by the service name."""
    return "of:=" + _FUNC_RE.sub(lambda m: f"{SERVICE}.{m.group(1)}(", formula)


# --------------------------------------------------------------------------------------
# The cases. Symbols: T target, S average order size, E existing-customer orders,
# c conversion, M marketing leads, cm marketing conversion, r rounding mode.
# Article: T=1,000,000 S=20,000 E=30 c=0.2 M=60 -> O=50 N=20 L=100 P=40, revenue 160,000.
# Uneven: T=1,000,000 S=30,000 E=30 c=0.2 M=10 -> r1: 34,4,20,10; r2: 34,4,17,7;
#         r0: 33.33.., 3.33.., 16.67.., 6.67...
# Lead quality: T=1,500,000 S=20,000 E=30 c=0.25 M=60 cm=0.1 -> P=156, revenue 780,000.
# --------------------------------------------------------------------------------------
O_R0 = "=1000000/30000"                       # 33.33...
N_R0 = "=1000000/30000-30"                    # 3.33...
L_R0 = "=(1000000/30000-30)/0.2"              # 16.67...
P_R0 = "=(1000000/30000-30-10*0.2)/0.2"       # 6.67...


def required_orders() -> Spec:
    s = Spec("requiredorders", "REQUIREDORDERS(T; S; [r]) = O")
    s.add("REQUIREDORDERS(1000000;20000)", 50, "article: 1,000,000 / 20,000")
    s.add("REQUIREDORDERS(1000000;20000;1)", 50, "article, r = 1 given")
    s.add("REQUIREDORDERS(1000000;20000;2)", 50, "article, r = 2")
    s.add("REQUIREDORDERS(1000000;20000;0)", 50, "article, r = 0")
    s.add("REQUIREDORDERS(1000000;30000)", 34, "uneven: r = 1 (default) rounds up 33.33")
    s.add("REQUIREDORDERS(1000000;30000;1)", 34, "uneven, r = 1")
    s.add("REQUIREDORDERS(1000000;30000;2)", 34, "uneven, r = 2")
    s.approx("REQUIREDORDERS(1000000;30000;0)", O_R0, "uneven, r = 0 exact 33.33...")
    s.add("REQUIREDORDERS(1000000;30000;)", 34, "r skipped (trailing ;) means the default 1")
    s.add("REQUIREDORDERS(1500000;20000)", 75, "lead-quality example")
    s.add("REQUIREDORDERS(2.1;0.7)", 3, "tolerant ceiling: 2.1/0.7 is 3.0000000000000004, not 4")
    s.add("REQUIREDORDERS(2.1;0.7;2)", 3, "tolerant ceiling, r = 2")
    s.approx("REQUIREDORDERS(2.1;0.7;0)", 3, "r = 0: 3 within floating-point noise")
    s.add("REQUIREDORDERS(0;20000)", 0, "T = 0 is valid")
    s.add("REQUIREDORDERS(1000000;0.5)", 2000000, "fractional order size")
    s.add("REQUIREDORDERS([.F2];[.F3])", 50, "cell references (article inputs in F2:F3)")
    s.add("REQUIREDORDERS([.F2];[.F3];[.F5])", 50, "r from a cell (F5 = 2)")
    s.approx("REQUIREDORDERS([.F2];[.F4];[.F6])", O_R0,
             "r from an empty cell (F6) counts as 0, not as left out")
    put_column(s, "F", 2, [1000000, 20000, 30000, 2, None])
    # Errors: every invalid argument, in order of position.
    s.err("REQUIREDORDERS(-1;20000)", "T < 0")
    s.err("REQUIREDORDERS(1000000;0)", "S = 0")
    s.err("REQUIREDORDERS(1000000;-20000)", "S < 0")
    s.err("REQUIREDORDERS(1000000;20000;3)", "r = 3")
    s.err("REQUIREDORDERS(1000000;20000;-1)", "r = -1")
    s.err("REQUIREDORDERS(1000000;20000;0.5)", "r = 0.5 (not exactly 0, 1 or 2)")
    s.err("REQUIREDORDERS(1000000;20000;1.5)", "r = 1.5")
    s.err('REQUIREDORDERS(1000000;20000;"1")', "r as text (even a numeric one)")
    s.err('REQUIREDORDERS(1000000;20000;"x")', "r as text")
    s.err("REQUIREDORDERS(1E+308;1E-308)", "overflow: T/S is not finite")
    # Calc's own conventions for plain double arguments, which the add-in relies on.
    s.err('REQUIREDORDERS("x";20000)', "text literal for a required argument: #VALUE! "
          "before the call", code=519)
    s.err("REQUIREDORDERS(1000000;;1)", "skipped required argument: Err:502 from Calc")
    return s


def new_customer_orders() -> Spec:
    s = Spec("newcustomerorders", "NEWCUSTOMERORDERS(T; S; E; [r]) = N")
    s.add("NEWCUSTOMERORDERS(1000000;20000;30)", 20, "article: 50 - 30")
    s.add("NEWCUSTOMERORDERS(1000000;20000;30;0)", 20, "article, r = 0")
    s.add("NEWCUSTOMERORDERS(1000000;20000;30;2)", 20, "article, r = 2")
    s.add("NEWCUSTOMERORDERS(1000000;30000;30)", 4, "uneven, r = 1: 34 - 30")
    s.add("NEWCUSTOMERORDERS(1000000;30000;30;1)", 4, "uneven, r = 1 given")
    s.add("NEWCUSTOMERORDERS(1000000;30000;30;2)", 4, "uneven, r = 2: ceil(3.33)")
    s.approx("NEWCUSTOMERORDERS(1000000;30000;30;0)", N_R0, "uneven, r = 0: 3.33...")
    s.add("NEWCUSTOMERORDERS(1000000;30000;30;)", 4, "r skipped means 1")
    s.add("NEWCUSTOMERORDERS(1000000;30000;29.5)", 5, "r = 1: ceil(34 - 29.5) = 5")
    s.add("NEWCUSTOMERORDERS(1000000;30000;29.5;2)", 4, "r = 2: ceil(33.33 - 29.5) = 4")
    s.approx("NEWCUSTOMERORDERS(1000000;30000;29.5;0)", "=1000000/30000-29.5", "r = 0: 3.83...")
    s.add("NEWCUSTOMERORDERS(1500000;20000;30)", 45, "lead-quality example: 75 - 30")
    s.add("NEWCUSTOMERORDERS(1000000;20000;50)", 0, "existing customers bring exactly O")
    s.add("NEWCUSTOMERORDERS(1000000;20000;60)", 0, "existing customers bring more than O: 0, not -10")
    s.add("NEWCUSTOMERORDERS(1000000;30000;60;0)", 0, "r = 0, E > O: 0")
    s.add("NEWCUSTOMERORDERS(0;20000;0)", 0, "T = 0, E = 0")
    s.add("NEWCUSTOMERORDERS([.F2];[.F3];[.F4])", 20, "cell references")
    put_column(s, "F", 2, [1000000, 20000, 30])
    s.err("NEWCUSTOMERORDERS(-1;20000;30)", "T < 0")
    s.err("NEWCUSTOMERORDERS(1000000;0;30)", "S = 0")
    s.err("NEWCUSTOMERORDERS(1000000;-1;30)", "S < 0")
    s.err("NEWCUSTOMERORDERS(1000000;20000;-1)", "E < 0")
    s.err("NEWCUSTOMERORDERS(1000000;20000;30;3)", "r = 3")
    s.err("NEWCUSTOMERORDERS(1000000;20000;30;0.5)", "r = 0.5")
    s.err('NEWCUSTOMERORDERS(1000000;20000;30;"0")', "r as text")
    s.err("NEWCUSTOMERORDERS(1E+308;1E-308;0)", "overflow: O is not finite")
    return s


def required_leads() -> Spec:
    s = Spec("requiredleads", "REQUIREDLEADS(T; S; E; c; [r]) = L")
    s.add("REQUIREDLEADS(1000000;20000;30;0.2)", 100, "article: 20 / 0.2")
    s.add("REQUIREDLEADS(1000000;20000;30;20%)", 100, "conversion as a percentage")
    s.add("REQUIREDLEADS(1000000;20000;30;0.2;0)", 100, "article, r = 0")
    s.add("REQUIREDLEADS(1000000;20000;30;0.2;2)", 100, "article, r = 2")
    s.add("REQUIREDLEADS(1000000;30000;30;0.2)", 20, "uneven, r = 1: 4 / 0.2")
    s.add("REQUIREDLEADS(1000000;30000;30;0.2;1)", 20, "uneven, r = 1 given")
    s.add("REQUIREDLEADS(1000000;30000;30;0.2;2)", 17, "uneven, r = 2: ceil(16.67)")
    s.approx("REQUIREDLEADS(1000000;30000;30;0.2;0)", L_R0, "uneven, r = 0: 16.67...")
    s.add("REQUIREDLEADS(1000000;30000;30;0.2;)", 20, "r skipped means 1")
    s.add("REQUIREDLEADS(1000000;20000;30;0.3)", 67, "r = 1: ceil(20 / 0.3) = ceil(66.67)")
    s.approx("REQUIREDLEADS(1000000;20000;30;0.3;0)", "=20/0.3", "r = 0: 66.67...")
    s.add("REQUIREDLEADS(1000000;20000;30;1)", 20, "c = 1 (100%) is valid")
    s.add("REQUIREDLEADS(1500000;20000;30;0.25)", 180, "lead-quality example: 45 / 0.25")
    s.add("REQUIREDLEADS(21;1;0;0.7)", 30, "tolerant ceiling: 21/0.7 is 30.000000000000004, not 31")
    s.add("REQUIREDLEADS(21;1;0;0.7;2)", 30, "tolerant ceiling, r = 2")
    s.add("REQUIREDLEADS(2.1;0.7;0;1;2)", 3, "r = 2: ceil~(3.0000000000000004) = 3")
    s.add("REQUIREDLEADS(1000000;20000;60;0.2)", 0, "existing customers cover the target")
    s.add("REQUIREDLEADS([.F2];[.F3];[.F4];[.F5])", 100, "cell references, c = 20% in F5")
    put_column(s, "F", 2, [1000000, 20000, 30, 0.2])
    s.err("REQUIREDLEADS(-1;20000;30;0.2)", "T < 0")
    s.err("REQUIREDLEADS(1000000;0;30;0.2)", "S = 0")
    s.err("REQUIREDLEADS(1000000;20000;-1;0.2)", "E < 0")
    s.err("REQUIREDLEADS(1000000;20000;30;0)", "c = 0")
    s.err("REQUIREDLEADS(1000000;20000;30;-0.2)", "c < 0")
    s.err("REQUIREDLEADS(1000000;20000;30;1.2)", "c > 1")
    s.err("REQUIREDLEADS(1000000;20000;30;120%)", "c = 120%")
    s.err("REQUIREDLEADS(1000000;20000;30;0.2;3)", "r = 3")
    s.err("REQUIREDLEADS(1000000;20000;30;0.2;-1)", "r = -1")
    s.err('REQUIREDLEADS(1000000;20000;30;0.2;"x")', "r as text")
    s.err("REQUIREDLEADS(1E+300;1;0;1E-300)", "overflow: N/c is not finite")
    return s


def proactive_leads() -> Spec:
    s = Spec("proactiveleads", "PROACTIVELEADS(T; S; E; c; M; [cm]; [r]) = P")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60)", 40, "article: (20 - 60*0.2) / 0.2")
    s.add("PROACTIVELEADS(1000000;20000;30;20%;60)", 40, "article with 20%")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;0.2)", 40, "cm given equal to c")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;;1)", 40, "cm skipped, r given")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;;)", 40, "cm and r skipped")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;0.2;0)", 40, "article, r = 0")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;0.2;2)", 40, "article, r = 2")
    s.add("PROACTIVELEADS(1000000;30000;30;0.2;10)", 10, "uneven, r = 1: (4 - 2) / 0.2")
    s.add("PROACTIVELEADS(1000000;30000;30;0.2;10;;1)", 10, "uneven, r = 1 given")
    s.add("PROACTIVELEADS(1000000;30000;30;0.2;10;;2)", 7, "uneven, r = 2: ceil(6.67)")
    s.approx("PROACTIVELEADS(1000000;30000;30;0.2;10;;0)", P_R0, "uneven, r = 0: 6.67... (cm skipped)")
    s.add("PROACTIVELEADS(1500000;20000;30;0.25;60;0.1)", 156,
          "lead quality: (45 - 60*0.1) / 0.25")
    s.add("PROACTIVELEADS(1500000;20000;30;0.25;60;10%)", 156, "lead quality, cm = 10%")
    s.add("PROACTIVELEADS(1500000;20000;30;0.25;60;0.1;2)", 156, "lead quality, r = 2")
    s.approx("PROACTIVELEADS(1500000;20000;30;0.25;60;0.1;0)", 156, "lead quality, r = 0")
    s.add("PROACTIVELEADS(1500000;20000;30;0.25;60)", 120, "cm left out is c: (45 - 15) / 0.25")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;0)", 100, "cm = 0: marketing's leads never close")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;60;1)", 0, "cm = 1: marketing alone brings 60 > 20")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;100)", 0, "marketing delivers exactly enough")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;200)", 0, "marketing delivers more: 0, not negative")
    s.add("PROACTIVELEADS(1000000;20000;60;0.2;0)", 0, "existing customers cover the target")
    s.add("PROACTIVELEADS(1000000;20000;30;0.2;59)", 41, "r = 1: ceil((20 - 11.8) / 0.2) = 41")
    s.add("PROACTIVELEADS(21;1;0;0.7;0)", 30, "tolerant ceiling: 21/0.7 is 30.000000000000004")
    s.add("PROACTIVELEADS(1000000;20000;30;1;60;0)", 20, "c = 1, cm = 0")
    s.add("PROACTIVELEADS([.F2];[.F3];[.F4];[.F5];[.F6])", 40, "cell references (article in F2:F6)")
    s.add("PROACTIVELEADS([.F2];[.F3];[.F4];[.F5];[.F6];[.F7])", 100,
          "cm from an empty cell (F7) counts as 0, not as left out")
    s.approx("PROACTIVELEADS(1000000;30000;30;0.2;10;0.2;[.F7])", P_R0,
             "r from an empty cell (F7) counts as 0")
    put_column(s, "F", 2, [1000000, 20000, 30, 0.2, 60, None])
    s.err("PROACTIVELEADS(-1;20000;30;0.2;60)", "T < 0")
    s.err("PROACTIVELEADS(1000000;0;30;0.2;60)", "S = 0")
    s.err("PROACTIVELEADS(1000000;-20000;30;0.2;60)", "S < 0")
    s.err("PROACTIVELEADS(1000000;20000;-30;0.2;60)", "E < 0")
    s.err("PROACTIVELEADS(1000000;20000;30;0;60)", "c = 0")
    s.err("PROACTIVELEADS(1000000;20000;30;1.5;60)", "c > 1")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;-60)", "M < 0")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;60;-0.1)", "cm < 0")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;60;1.1)", "cm > 1")
    s.err('PROACTIVELEADS(1000000;20000;30;0.2;60;"x")', "cm as text")
    s.err('PROACTIVELEADS(1000000;20000;30;0.2;60;"0.1")', "cm as text, even a numeric one")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;60;;3)", "r = 3")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;60;;-1)", "r = -1")
    s.err("PROACTIVELEADS(1000000;20000;30;0.2;60;;0.5)", "r = 0.5")
    s.err('PROACTIVELEADS(1000000;20000;30;0.2;60;;"2")', "r as text")
    s.err("PROACTIVELEADS(1E+308;1E-308;0;1;0)", "overflow: O is not finite")
    s.err("PROACTIVELEADS(1E+300;1;0;1E-300;0)", "overflow: P is not finite")
    return s


def proactive_revenue() -> Spec:
    s = Spec("proactiverevenue", "PROACTIVEREVENUE(T; S; E; c; M; [cm]) = max(0, T - (E + M*cm)*S)")
    s.add("PROACTIVEREVENUE(1000000;20000;30;0.2;60)", 160000, "article: 1,000,000 - (30 + 12) * 20,000")
    s.add("PROACTIVEREVENUE(1000000;20000;30;20%;60)", 160000, "article with 20%")
    s.add("PROACTIVEREVENUE(1000000;20000;30;0.2;60;)", 160000, "cm skipped means c")
    s.add("PROACTIVEREVENUE(1000000;20000;30;0.2;60;0.2)", 160000, "cm given equal to c")
    s.add("PROACTIVEREVENUE(1500000;20000;30;0.25;60;0.1)", 780000,
          "lead quality: 1,500,000 - (30 + 6) * 20,000")
    s.add("PROACTIVEREVENUE(1500000;20000;30;0.25;60)", 600000, "cm left out is c: 1,500,000 - 45 * 20,000")
    s.add("PROACTIVEREVENUE(1000000;30000;30;0.2;10)", 40000, "uneven: 1,000,000 - 32 * 30,000")
    s.add("PROACTIVEREVENUE(1000000;20000;30;0.2;60;0)", 400000, "cm = 0")
    s.add("PROACTIVEREVENUE(100.5;10;1;0.5;1)", 85.5, "never rounded: 100.5 - 1.5 * 10")
    s.add("PROACTIVEREVENUE(1000000;20000;30;0.2;100)", 0, "marketing covers exactly")
    s.add("PROACTIVEREVENUE(1000000;20000;60;0.2;0)", 0, "existing customers cover more: 0, not negative")
    s.add("PROACTIVEREVENUE(0;20000;0;0.2;0)", 0, "T = 0")
    s.add("PROACTIVEREVENUE(1000000;20000;1E+308;0.2;1E+308)", 0,
          "intermediate overflow, well-defined result: existing customers alone exceed T")
    s.add("PROACTIVEREVENUE(1000000;1E+308;1E+308;0.2;0)", 0,
          "E * S overflows, result still 0")
    s.add("PROACTIVEREVENUE([.F2];[.F3];[.F4];[.F5];[.F6])", 160000, "cell references")
    put_column(s, "F", 2, [1000000, 20000, 30, 0.2, 60])
    s.err("PROACTIVEREVENUE(-1;20000;30;0.2;60)", "T < 0")
    s.err("PROACTIVEREVENUE(1000000;0;30;0.2;60)", "S = 0")
    s.err("PROACTIVEREVENUE(1000000;-1;30;0.2;60)", "S < 0")
    s.err("PROACTIVEREVENUE(1000000;20000;-1;0.2;60)", "E < 0")
    s.err("PROACTIVEREVENUE(1000000;20000;30;0;60)", "c = 0 (invalid even where unused)")
    s.err("PROACTIVEREVENUE(1000000;20000;30;1.01;60)", "c > 1")
    s.err("PROACTIVEREVENUE(1000000;20000;30;0.2;-1)", "M < 0")
    s.err("PROACTIVEREVENUE(1000000;20000;30;0.2;60;-0.5)", "cm < 0")
    s.err("PROACTIVEREVENUE(1000000;20000;30;0.2;60;2)", "cm > 1")
    s.err('PROACTIVEREVENUE(1000000;20000;30;0.2;60;"x")', "cm as text")
    return s


def achievable_revenue() -> Spec:
    s = Spec("achievablerevenue", "ACHIEVABLEREVENUE(S; E; c; M; P; [cm]) = (E + M*cm + P*c)*S")
    s.add("ACHIEVABLEREVENUE(20000;30;0.2;60;40)", 1000000, "article: (30 + 12 + 8) * 20,000")
    s.add("ACHIEVABLEREVENUE(20000;30;20%;60;40)", 1000000, "article with 20%")
    s.add("ACHIEVABLEREVENUE(20000;30;0.2;60;40;)", 1000000, "cm skipped means c")
    s.add("ACHIEVABLEREVENUE(20000;30;0.25;60;156;0.1)", 1500000,
          "lead quality: (30 + 6 + 39) * 20,000")
    s.add("ACHIEVABLEREVENUE(20000;30;0.2;60;0)", 840000, "P = 0: (30 + 12) * 20,000")
    s.add("ACHIEVABLEREVENUE(20000;0;0.2;0;0)", 0, "nothing planned")
    s.add("ACHIEVABLEREVENUE(20000;30;0.2;60;40;0)", 760000, "cm = 0: (30 + 0 + 8) * 20,000")
    s.add("ACHIEVABLEREVENUE(30000;30;0.2;10;10)", 1020000, "uneven r = 1 plan: (30 + 2 + 2) * 30,000")
    s.approx(f"ACHIEVABLEREVENUE(30000;30;0.2;10;{P_R0[1:]})", 1000000,
             "inverse of PROACTIVELEADS r = 0: reaches T exactly")
    s.add("ACHIEVABLEREVENUE([.F2];[.F3];[.F4];[.F5];[.F6])", 1000000, "cell references")
    put_column(s, "F", 2, [20000, 30, 0.2, 60, 40])
    s.err("ACHIEVABLEREVENUE(0;30;0.2;60;40)", "S = 0")
    s.err("ACHIEVABLEREVENUE(-20000;30;0.2;60;40)", "S < 0")
    s.err("ACHIEVABLEREVENUE(20000;-1;0.2;60;40)", "E < 0")
    s.err("ACHIEVABLEREVENUE(20000;30;0;60;40)", "c = 0")
    s.err("ACHIEVABLEREVENUE(20000;30;1.5;60;40)", "c > 1")
    s.err("ACHIEVABLEREVENUE(20000;30;0.2;-1;40)", "M < 0")
    s.err("ACHIEVABLEREVENUE(20000;30;0.2;60;-1)", "P < 0")
    s.err("ACHIEVABLEREVENUE(20000;30;0.2;60;40;-0.1)", "cm < 0")
    s.err("ACHIEVABLEREVENUE(20000;30;0.2;60;40;1.1)", "cm > 1")
    s.err('ACHIEVABLEREVENUE(20000;30;0.2;60;40;"x")', "cm as text")
    s.err("ACHIEVABLEREVENUE(1E+308;1E+308;1;0;0)", "overflow: E * S is not finite")
    return s


def required_conversion() -> Spec:
    s = Spec("requiredconversion", "REQUIREDCONVERSION(T; S; E; leads; [r]) = N / leads")
    s.add("REQUIREDCONVERSION(1000000;20000;30;100)", 0.2, "article: 20 / 100")
    s.add("REQUIREDCONVERSION(1000000;20000;30;100;0)", 0.2, "article, r = 0")
    s.add("REQUIREDCONVERSION(1000000;20000;30;100;2)", 0.2, "article, r = 2")
    s.add("REQUIREDCONVERSION(1000000;20000;30;10)", 2, "above 1: 10 leads cannot reach the target")
    s.add("REQUIREDCONVERSION(1000000;20000;30;20)", 1, "exactly 100%")
    s.add("REQUIREDCONVERSION(1000000;30000;30;20)", 0.2, "uneven, r = 1: 4 / 20")
    s.add("REQUIREDCONVERSION(1000000;30000;30;20;1)", 0.2, "uneven, r = 1 given")
    s.add("REQUIREDCONVERSION(1000000;30000;30;20;2)", 0.2, "uneven, r = 2: ceil(3.33) / 20")
    s.approx("REQUIREDCONVERSION(1000000;30000;30;20;0)", "=(1000000/30000-30)/20",
             "uneven, r = 0: 3.33... / 20")
    s.add("REQUIREDCONVERSION(1000000;30000;30;20;)", 0.2, "r skipped means 1")
    s.add("REQUIREDCONVERSION(1000000;30000;29.5;20)", 0.25, "r = 1: ceil(4.5) / 20")
    s.add("REQUIREDCONVERSION(1000000;20000;60;100)", 0, "existing customers cover the target")
    s.add("REQUIREDCONVERSION(1000000;20000;30;0.5)", 40, "fractional leads are valid (> 0)")
    s.add("REQUIREDCONVERSION([.F2];[.F3];[.F4];[.F5])", 0.2, "cell references")
    put_column(s, "F", 2, [1000000, 20000, 30, 100])
    s.err("REQUIREDCONVERSION(-1;20000;30;100)", "T < 0")
    s.err("REQUIREDCONVERSION(1000000;0;30;100)", "S = 0")
    s.err("REQUIREDCONVERSION(1000000;20000;-1;100)", "E < 0")
    s.err("REQUIREDCONVERSION(1000000;20000;30;0)", "leads = 0")
    s.err("REQUIREDCONVERSION(1000000;20000;30;-100)", "leads < 0")
    s.err("REQUIREDCONVERSION(1000000;20000;30;100;3)", "r = 3")
    s.err("REQUIREDCONVERSION(1000000;20000;30;100;1.5)", "r = 1.5")
    s.err('REQUIREDCONVERSION(1000000;20000;30;100;"1")', "r as text")
    s.err("REQUIREDCONVERSION(1E+300;1;0;1E-300)", "overflow: N / leads is not finite")
    return s


# 12 months of history with gaps: empty cells and text are skipped as SUM skips them.
REVENUE_12 = [80000, 100000, None, 120000, "n/a", 90000, 110000, 100000, None, 100000, 150000, 50000]
ORDERS_12 = [4, 5, None, 6, "n/a", 5, 5, 5, None, 5, 7, 3]            # sum 45; 900,000 / 45
WON_12 = [2, 1, None, 3, "holiday", 2, 2, 1, None, 3, 2, 4]             # sum 20
LEADS_12 = [10, 5, None, 15, "holiday", 10, 10, 5, None, 15, 10, 20]   # sum 100


def average_order_size() -> Spec:
    s = Spec("averageordersize", "AVERAGEORDERSIZE(revenue; orders) = sum(revenue) / sum(orders)")
    put_column(s, "F", 2, REVENUE_12)
    put_column(s, "G", 2, ORDERS_12)
    put_column(s, "H", 2, [0, 0, 0])                    # orders that sum to 0
    put_column(s, "I", 2, [-100, 300])                  # a correction month, total positive
    put_column(s, "J", 2, [1e308, 1e308])               # sum overflows
    put_column(s, "K", 2, [1000, "=1/0", 2000])         # an error cell inside a range
    put_column(s, "L", 2, [-5000, 1000])                # negative total revenue
    s.add("AVERAGEORDERSIZE(1000000;50)", 20000, "single values: the article's S")
    s.add("AVERAGEORDERSIZE([.F2:.F13];[.G2:.G13])", 20000,
          "12 months with empty and text cells skipped: 900,000 / 45")
    s.add("AVERAGEORDERSIZE([.F2:.F13];45)", 20000, "range and single value")
    s.add("AVERAGEORDERSIZE(900000;[.G2:.G13])", 20000, "single value and range")
    s.add("AVERAGEORDERSIZE([.F2];[.G2])", 20000, "single cells: 80,000 / 4")
    s.approx("AVERAGEORDERSIZE([.F2:.F7];[.G2:.G7])", "=390000/20",
             "first six months: 390,000 / 20")
    s.add("AVERAGEORDERSIZE(1000;3)", "=1000/3", "not rounded", kind=APPROX)
    s.add("AVERAGEORDERSIZE(0;10)", 0, "revenue 0 is valid")
    s.add("AVERAGEORDERSIZE([.I2:.I3];2)", 100, "a negative month, total 200 >= 0")
    s.add("AVERAGEORDERSIZE({1000;2000|3000;4000};{1;1|1;1})", 2500, "inline arrays (2 x 2)")
    s.err("AVERAGEORDERSIZE(1000;0)", "orders = 0")
    s.err("AVERAGEORDERSIZE(1000;[.H2:.H4])", "orders sum to 0")
    s.err("AVERAGEORDERSIZE(1000;-5)", "orders < 0")
    s.err("AVERAGEORDERSIZE(-1000;5)", "revenue < 0")
    s.err("AVERAGEORDERSIZE([.L2:.L3];5)", "revenue range sums below 0")
    s.err("AVERAGEORDERSIZE(1E+308;1E-308)", "overflow: the ratio is not finite")
    s.err("AVERAGEORDERSIZE([.J2:.J3];1)", "overflow: the revenue total is not finite")
    s.err("AVERAGEORDERSIZE([.K2:.K4];1)", "an error cell inside a range stops the call (Calc)",
          code=504)
    return s


def conversion_rate() -> Spec:
    s = Spec("conversionrate", "CONVERSIONRATE(won; leads) = sum(won) / sum(leads)")
    put_column(s, "F", 2, WON_12)
    put_column(s, "G", 2, LEADS_12)
    put_column(s, "H", 2, [0, None, 0])
    s.add("CONVERSIONRATE(20;100)", 0.2, "single values: the article's c")
    s.add("CONVERSIONRATE([.F2:.F13];[.G2:.G13])", 0.2,
          "12 months with empty and text cells skipped: 20 / 100")
    s.add("CONVERSIONRATE([.F2:.F13];100)", 0.2, "range and single value")
    s.add("CONVERSIONRATE(20;[.G2:.G13])", 0.2, "single value and range")
    s.add("CONVERSIONRATE([.F2:.F4];[.G2:.G4])", 0.2, "first quarter: 3 / 15")
    s.add("CONVERSIONRATE(100;100)", 1, "every lead won")
    s.add("CONVERSIONRATE(0;100)", 0, "no lead won")
    s.approx("CONVERSIONRATE(1;3)", "=1/3", "not rounded")
    s.add("CONVERSIONRATE({1;2;3};{10;10;10})", 0.2, "inline arrays")
    s.err("CONVERSIONRATE(0;0)", "leads = 0")
    s.err("CONVERSIONRATE([.H2:.H4];[.H2:.H4])", "leads sum to 0")
    s.err("CONVERSIONRATE(1;-10)", "leads < 0")
    s.err("CONVERSIONRATE(101;100)", "won > leads")
    s.err("CONVERSIONRATE(-1;100)", "won < 0")
    return s


PLAN_LABELS_EN = ["Required orders", "Existing-customer orders", "New-customer orders",
                  "Leads needed", "Marketing leads", "Proactive leads", "Proactive revenue",
                  "Proactive leads per month"]


def proactive_plan() -> Spec:
    s = Spec("proactiveplan", "PROACTIVEPLAN(T; S; E; c; M; [cm]; [r]): 8 x 2 array (label, value)")
    blocks = [
        ("article", "PROACTIVEPLAN(1000000;20000;30;0.2;60)",
         [50, 30, 20, 100, 60, 40, 160000, 4], EQ, "ceil(40 / 12) = 4 per month"),
        ("uneven r = 1", "PROACTIVEPLAN(1000000;30000;30;0.2;10)",
         [34, 30, 4, 20, 10, 10, 40000, 1], EQ, "ceil(10 / 12) = 1"),
        ("uneven r = 2", "PROACTIVEPLAN(1000000;30000;30;0.2;10;;2)",
         [34, 30, 4, 17, 10, 7, 40000, 1], EQ, "ceil(7 / 12) = 1"),
        ("uneven r = 0", "PROACTIVEPLAN(1000000;30000;30;0.2;10;;0)",
         [O_R0, 30, N_R0, L_R0, 10, P_R0, 40000, f"=({P_R0[1:]})/12"], APPROX, "P / 12 unrounded"),
        ("lead quality", "PROACTIVEPLAN(1500000;20000;30;0.25;60;0.1)",
         [75, 30, 45, 180, 60, 156, 780000, 13], EQ, "ceil(156 / 12) = 13"),
    ]
    for i, (name, formula, values, kind, month_note) in enumerate(blocks):
        top = 2 + i * 9
        s.arrays.append(ArrayBlock((top, COL["I"]), 8, 2, formula))
        for k in range(8):
            ref_label = f"[.I{top + k}]"
            ref_value = f"[.J{top + k}]"
            s.add(ref_label, PLAN_LABELS_EN[k], f"{name}: {{={formula}}} in I{top}:J{top + 7}, "
                  f"row {k + 1} label", TEXT)
            note = f"{name}: row {k + 1} ({PLAN_LABELS_EN[k]})"
            if k == 7:
                note += f", {month_note}"
            s.add(ref_value, values[k], note, kind)
    s.add("INDEX(PROACTIVEPLAN(1000000;20000;30;0.2;60);6;2)", 40,
          "INDEX into the array in a normal cell: proactive leads")
    s.add("INDEX(PROACTIVEPLAN(1000000;20000;30;0.2;60);7;2)", 160000,
          "INDEX: proactive revenue")
    s.add("PROACTIVEPLAN(1000000;20000;30;0.2;60)", PLAN_LABELS_EN[0],
          "in a normal cell Calc shows the top-left element", TEXT)
    s.add("ROWS(PROACTIVEPLAN(1000000;20000;30;0.2;60))", 8, "8 rows")
    s.add("COLUMNS(PROACTIVEPLAN(1000000;20000;30;0.2;60))", 2, "2 columns")
    err_top = 2 + len(blocks) * 9
    s.arrays.append(ArrayBlock((err_top, COL["I"]), 8, 2, "PROACTIVEPLAN(1000000;20000;30;0;60)"))
    s.err(f"[.J{err_top + 5}]", f"array formula with c = 0 in I{err_top}:J{err_top + 7}: Err:502")
    s.err("PROACTIVEPLAN(-1;20000;30;0.2;60)", "T < 0")
    s.err("PROACTIVEPLAN(1000000;0;30;0.2;60)", "S = 0")
    s.err("PROACTIVEPLAN(1000000;20000;-1;0.2;60)", "E < 0")
    s.err("PROACTIVEPLAN(1000000;20000;30;0;60)", "c = 0")
    s.err("PROACTIVEPLAN(1000000;20000;30;1.5;60)", "c > 1")
    s.err("PROACTIVEPLAN(1000000;20000;30;0.2;-1)", "M < 0")
    s.err("PROACTIVEPLAN(1000000;20000;30;0.2;60;1.1)", "cm > 1")
    s.err('PROACTIVEPLAN(1000000;20000;30;0.2;60;"x")', "cm as text")
    s.err("PROACTIVEPLAN(1000000;20000;30;0.2;60;;3)", "r = 3")
    s.err('PROACTIVEPLAN(1000000;20000;30;0.2;60;;"1")', "r as text")
    s.err("PROACTIVEPLAN(1E+308;1E-308;0;1;0)", "overflow: O is not finite")
    return s


# Issue 11. Seasonality: a slow July and August, a busy November and December (sum 12).
SEASONAL = [1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 2, 2]
ARTICLE_ORDERS = [2, 2, 1] * 4    # 20 * i / 12 rounded up cumulatively
ARTICLE_LEADS = [4, 3, 3] * 4     # 40 * i / 12 likewise
# Cycle 2 with SEASONAL, worked by hand (tests/core/test_schedule.cpp shows the steps):
# W = (1,2,3,4,5,6,6,6,7,8,10,12)/12; v = SEASONAL two months on, V = (1,2,3,4,4,4,5,6,8,
# 10,11,12)/12.
SEASONAL_ORDERS = [2, 2, 1, 2, 2, 1, 0, 0, 2, 2, 3, 3]
SEASONAL_LEADS_C2 = [4, 3, 3, 4, 0, 0, 3, 3, 7, 7, 3, 3]
# Uneven inputs (N = 4, P = 10 in mode 1, P = 7 in mode 2), SEASONAL, cycle 3:
# 4 W = .33 .67 1 1.33 1.67 2 2 2 2.33 2.67 3.33 4 -> ceil 1 1 1 2 2 2 2 2 3 3 4 4;
# v = (1,1,1,0,0,1,1,2,2,1,1,1), V = (1,2,3,3,3,4,5,7,9,10,11,12)/12:
# 10 V = .83 1.67 2.5 2.5 2.5 3.33 4.17 5.83 7.5 8.33 9.17 10 -> 1 2 3 3 3 4 5 6 8 9 10 10;
#  7 V = .58 1.17 1.75 1.75 1.75 2.33 2.92 4.08 5.25 5.83 6.42 7 -> 1 2 2 2 2 3 3 5 6 6 7 7.
UNEVEN_ORDERS_C3 = [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0]
UNEVEN_LEADS_C3_R1 = [1, 1, 1, 0, 0, 1, 1, 1, 2, 1, 1, 0]
UNEVEN_LEADS_C3_R2 = [1, 1, 0, 0, 0, 1, 0, 2, 1, 0, 1, 0]


def proactive_schedule() -> Spec:
    s = Spec("proactiveschedule", "PROACTIVESCHEDULE(T; S; E; c; M; [cm]; [cycle]; [weights]; [r]): "
             "12 x 2 array (orders closing, leads to generate)")
    # Weights as a column (F2:F13), with an empty cell (G), with a text cell (H); as a row
    # (L2:W2), with an empty string (L3:W3), negative (L4:W4), all 0 (L5:W5), 11 cells
    # (L6:V6), a 2 x 6 block (L7:Q8).
    put_column(s, "F", 2, SEASONAL)
    put_column(s, "G", 2, SEASONAL[:3] + [None] + SEASONAL[4:])
    put_column(s, "H", 2, SEASONAL[:3] + ["high"] + SEASONAL[4:])
    put_row(s, "L2", SEASONAL)
    put_row(s, "L3", SEASONAL[:5] + ['=""'] + SEASONAL[6:])
    put_row(s, "L4", SEASONAL[:5] + [-1] + SEASONAL[6:])
    put_row(s, "L5", [0] * 12)
    put_row(s, "L6", [1] * 11)
    put_row(s, "L7", [1] * 6)
    put_row(s, "L8", [1] * 6)
    put_column(s, "F", 15, [2, "2", None])   # F15 a cycle, F16 a cycle as text, F17 empty
    column, row = "[.F2:.F13]", "[.L2:.W2]"
    twelfths = lambda total, ws: [f"={total}*{w}/12" for w in ws]
    n_r0, p_r0 = N_R0[1:], P_R0[1:]
    blocks = [
        ("article, equal weights, cycle 0", "PROACTIVESCHEDULE(1000000;20000;30;0.2;60)",
         ARTICLE_ORDERS, ARTICLE_LEADS, EQ),
        ("article, cycle 5, r = 2", "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;5;;2)",
         ARTICLE_ORDERS, ARTICLE_LEADS, EQ),
        ("article, cycle 11, equal weights given, r = 1", "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;11;{3;3;3;3;3;3;3;3;3;3;3;3};1)",
         ARTICLE_ORDERS, ARTICLE_LEADS, EQ),
        ("article, r = 0", "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;4;;0)",
         ["=20/12"] * 12, ["=40/12"] * 12, APPROX),
        ("seasonal column, cycle 2", f"PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;2;{column})",
         SEASONAL_ORDERS, SEASONAL_LEADS_C2, EQ),
        ("seasonal row, cycle from F15, r = 2", f"PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;[.F15];{row};2)",
         SEASONAL_ORDERS, SEASONAL_LEADS_C2, EQ),
        ("seasonal inline row, cycle 2, r = 0",
         "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;2;{1;1;1;1;1;1;0;0;1;1;2;2};0)",
         twelfths(20, SEASONAL), twelfths(40, SEASONAL[2:] + SEASONAL[:2]), APPROX),
        ("seasonal inline column, cycle 0", "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;{1|1|1|1|1|1|0|0|1|1|2|2})",
         SEASONAL_ORDERS, [4, 3, 3, 4, 3, 3, 0, 0, 4, 3, 7, 6], EQ),  # 40 W rounded up
        ("uneven, seasonal, cycle 3, r = 1", f"PROACTIVESCHEDULE(1000000;30000;30;0.2;10;;3;{column})",
         UNEVEN_ORDERS_C3, UNEVEN_LEADS_C3_R1, EQ),
        ("uneven, seasonal, cycle 3, r = 2", f"PROACTIVESCHEDULE(1000000;30000;30;0.2;10;;3;{column};2)",
         UNEVEN_ORDERS_C3, UNEVEN_LEADS_C3_R2, EQ),
        ("uneven, seasonal, cycle 3, r = 0", f"PROACTIVESCHEDULE(1000000;30000;30;0.2;10;;3;{row};0)",
         twelfths(f"({n_r0})", SEASONAL), twelfths(f"({p_r0})", SEASONAL[3:] + SEASONAL[:3]), APPROX),
        ("lead quality, cm = 10%", "PROACTIVESCHEDULE(1500000;20000;30;0.25;60;0.1)",
         [4, 4, 4, 3] * 3, [13] * 12, EQ),  # 3.75 i rounded up; 156 / 12
    ]
    for i, (name, formula, orders, leads, kind) in enumerate(blocks):
        top = 2 + i * 13
        s.arrays.append(ArrayBlock((top, COL["I"]), 12, 2, formula))
        for k in range(12):
            s.add(f"[.I{top + k}]", orders[k], f"{name}: {{={formula}}} in I{top}:J{top + 11}, "
                  f"month {k + 1} orders", kind)
            s.add(f"[.J{top + k}]", leads[k], f"{name}: month {k + 1} leads", kind)
    s.add("PROACTIVESCHEDULE(1000000;20000;30;0.2;60)", 2,
          "in a normal cell Calc shows the top-left element (month 1's orders)")
    s.add("INDEX(PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;2;[.F2:.F13]);9;2)", 7,
          "INDEX: September's leads with the seasonal weights, cycle 2")
    s.add("SUM(PROACTIVESCHEDULE(1000000;30000;30;0.2;10;;3;[.F2:.F13]))", 14,
          "the months add up to N + P = 4 + 10")
    s.add("ROWS(PROACTIVESCHEDULE(1000000;20000;30;0.2;60))", 12, "12 rows")
    s.add("COLUMNS(PROACTIVESCHEDULE(1000000;20000;30;0.2;60))", 2, "2 columns")
    err_top = 2 + len(blocks) * 13
    s.arrays.append(ArrayBlock((err_top, COL["I"]), 12, 2, "PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;12)"))
    s.err(f"[.J{err_top + 5}]", f"array formula with cycle 12 in I{err_top}:J{err_top + 11}: Err:502")
    # Everything PROACTIVELEADS rejects.
    s.err("PROACTIVESCHEDULE(-1;20000;30;0.2;60)", "T < 0")
    s.err("PROACTIVESCHEDULE(1000000;0;30;0.2;60)", "S = 0")
    s.err("PROACTIVESCHEDULE(1000000;20000;-1;0.2;60)", "E < 0")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0;60)", "c = 0")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;1.5;60)", "c > 1")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;-1)", "M < 0")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;1.1)", "cm > 1")
    s.err('PROACTIVESCHEDULE(1000000;20000;30;0.2;60;"x")', "cm as text")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;;3)", "r = 3")
    s.err('PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;;"1")', "r as text")
    s.err("PROACTIVESCHEDULE(1E+308;1E-308;0;1;0)", "overflow: O is not finite")
    # cycle: exactly one of 0..11.
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;12)", "cycle 12")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;-1)", "cycle -1")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;1.5)", "cycle 1.5")
    s.err('PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;"2")', "cycle as text")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;[.F16])", "cycle from a text cell")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;[.F15:.F16])", "cycle as a range")
    s.add("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;[.F17])", 2,
          "cycle from an empty cell counts as 0")
    # weights: a row or a column of exactly 12 numbers >= 0, not all 0.
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.G2:.G13])", "weights with an empty cell")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.H2:.H13])", "weights with a text cell")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.L3:.W3])", 'weights with an empty string ("")')
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.L4:.W4])", "a negative weight")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.L5:.W5])", "all weights 0")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.L6:.V6])", "11 weights")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.F2:.F14])", "13 weights (F14 empty)")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;[.L7:.Q8])", "a 2 x 6 block of 12")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;1)", "a single number")
    s.err('PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;"1")', "text")
    s.err("PROACTIVESCHEDULE(1000000;20000;30;0.2;60;;;{1;1;1})", "an inline array of 3")
    return s


def proactive_leads_left() -> Spec:
    s = Spec("proactiveleadsleft", "PROACTIVELEADSLEFT(T; S; E; c; M; monthsDone; newOrdersWon; "
             "[openLeads]; [cm]; [r]): the re-plan")
    put_column(s, "F", 2, [6, 8, 10, None, "x"])   # F2 months, F3 won, F4 open, F5 empty, F6 text
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;10)", 20,
          "issue: R = 12, marketing still brings 6, open leads 2: 4 / 0.2")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;10;;2)", 20, "the same, r = 2")
    s.approx("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;10;;0)", 20, "the same, r = 0")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;[.F2];[.F3];[.F4])", 20,
          "months done, orders won and open leads from cells")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;0;0)", 40, "month 0 = PROACTIVELEADS")
    s.add("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;0;0)", 10, "uneven month 0, r = 1 = PROACTIVELEADS")
    s.add("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;0;0;;;2)", 7, "uneven month 0, r = 2")
    s.approx("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;0;0;;;0)", P_R0, "uneven month 0, r = 0")
    s.add("PROACTIVELEADSLEFT(1500000;20000;30;0.25;60;0;0;;0.1)", 156, "lead quality month 0")
    s.add("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;12;0)", 20, "uneven, year over, r = 1: 4 / 0.2")
    s.add("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;12;0;;;2)", 17, "r = 2: ceil(3.33 / 0.2)")
    s.approx("PROACTIVELEADSLEFT(1000000;30000;30;0.2;10;12;0;;;0)", L_R0, "r = 0: 3.33 / 0.2")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;0.1)", 45,
          "cm 10%: 12 - 60 x 0.1 x 6/12 = 9 orders, 45 leads")
    s.approx("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;;0)", 30, "open skipped, r = 0: 6 / 0.2")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;9;8;0)", 45,
          "month 9: 12 - 3 = 9 orders left: 45")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;[.F5])", 30, "open leads from an empty cell: 0")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;25)", 0, "more won than needed: 0")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;3;2;500)", 0, "the pipeline covers it: 0")
    s.add("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8.5)", 28,
          "fractional won: (11.5 - 6) / 0.2 = 27.5, rounded up")
    # Everything PROACTIVELEADS rejects.
    s.err("PROACTIVELEADSLEFT(-1;20000;30;0.2;60;6;8)", "T < 0")
    s.err("PROACTIVELEADSLEFT(1000000;0;30;0.2;60;6;8)", "S = 0")
    s.err("PROACTIVELEADSLEFT(1000000;20000;-1;0.2;60;6;8)", "E < 0")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0;60;6;8)", "c = 0")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;1.5;60;6;8)", "c > 1")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;-1;6;8)", "M < 0")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;1.1)", "cm > 1")
    s.err('PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;"x")', "cm as text")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;;3)", "r = 3")
    s.err('PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;;;"1")', "r as text")
    s.err("PROACTIVELEADSLEFT(1E+308;1E-308;0;1;0;0;0)", "overflow: O is not finite")
    # monthsDone: exactly one of 0..12; newOrdersWon and openLeads >= 0 and numbers.
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;13;8)", "monthsDone 13")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;-1;8)", "monthsDone -1")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6.5;8)", "monthsDone 6.5")
    s.err('PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;"x";8)', "monthsDone as text: #VALUE! "
          "before the call", code=519)
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;-1)", "newOrdersWon < 0")
    s.err('PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;"x")', "newOrdersWon as text: #VALUE!",
          code=519)
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;-1)", "openLeads < 0")
    s.err('PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;"10")', "openLeads as text")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;[.F6])", "openLeads from a text cell")
    s.err("PROACTIVELEADSLEFT(1000000;20000;30;0.2;60;6;8;[.F2:.F4])", "openLeads as a range")
    return s


def calc_conventions() -> Spec:
    """How Calc itself hands plain double arguments to the add-in (issue 3)."""
    s = Spec("conventions", "Calc's conventions for the add-in's plain double arguments")
    put_column(s, "F", 2, [1000000, 1500000, 2000000])
    put_column(s, "G", 2, [20000, 20000, 40000])
    put_column(s, "F", 6, ["1000000"])                  # a number typed as text
    s.add("REQUIREDORDERS([.F2:.F4];20000)", 50,
          "a range in a normal cell is intersected with the formula's row (row 2 -> F2)")
    s.add("REQUIREDORDERS([.F2:.F4];20000)", 75, "row 3 -> F3")
    s.add("REQUIREDORDERS([.F2:.F4];20000)", 100, "row 4 -> F4")
    s.err("REQUIREDORDERS([.F2:.F4];20000)", "row 5 lies outside F2:F4: no intersection",
          code=519)
    s.add("REQUIREDORDERS([.F6];20000)", 50, 'a single text cell "1000000" is read as 1000000')
    s.err('PROACTIVELEADS(1000000;"x";30;0.2;60)', "a text literal: #VALUE! before the call",
          code=519)
    s.arrays.append(ArrayBlock((2, COL["I"]), 3, 1, "REQUIREDORDERS([.F2:.F4];[.G2:.G4])"))
    s.add("[.I2]", 50, "array formula {=REQUIREDORDERS(F2:F4;G2:G4)}, element 1")
    s.add("[.I3]", 75, "element 2")
    s.add("[.I4]", 50, "element 3")
    return s


def put_row(spec: Spec, first: str, values) -> None:
    """Data along a row from `first` (e.g. "F2"); None leaves the cell empty."""
    column, row = first[0], int(first[1:])
    for i, value in enumerate(values):
        if value is not None:
            spec.data[(row, COL[column] + i)] = value


def activities_needed() -> Spec:
    s = Spec("activitiesneeded", "ACTIVITIESNEEDED(leads; rates; [r]): a column, one count per filled rate")
    # Calls -> conversations 25%, conversations -> meetings 40%, meetings -> leads 50%:
    # 40 leads need 80 meetings, 200 conversations, 800 calls (issue 13).
    put_row(s, "F2", [0.25, 0.4, 0.5])                    # rates as a row
    put_column(s, "F", 4, [0.25, 0.4, 0.5])               # as a column
    put_column(s, "F", 8, [0.25, None, 0.4, None, 0.5])   # a column with empty cells between
    put_row(s, "F14", [None, 0.3, None, 0.45, None, 0.6])  # a row with empty cells between
    put_column(s, "F", 16, [None, None, None])            # no filled cell
    put_row(s, "F20", [0.5] * 11)                         # 11 cells
    put_column(s, "F", 22, [0.25, "calls", 0.5])          # text in a rate cell
    put_column(s, "F", 26, [0.25, "=1/0", 0.5])           # an error cell
    # F30 stays empty: r from an empty cell
    put_row(s, "F32", [0.25, 0.4, 0.5])                   # a block of 2 rows x 3 columns
    put_row(s, "F33", [0.25, 0.4, 0.5])
    put_column(s, "F", 35, [0.5, 0, 0.5])                 # a rate of 0 between valid ones

    # Array formulas in column R, read back cell by cell.
    blocks = [
        ("rates as a row F2:H2", "ACTIVITIESNEEDED(40;[.F2:.H2])", [800, 200, 80], EQ),
        ("rates as a column F4:F6", "ACTIVITIESNEEDED(40;[.F4:.F6])", [800, 200, 80], EQ),
        ("column F8:F12 with empty cells between", "ACTIVITIESNEEDED(40;[.F8:.F12])",
         [800, 200, 80], EQ),
        ("row F14:K14 with empty cells between, r = 1", "ACTIVITIESNEEDED(40;[.F14:.K14])",
         [497, 149, 67], EQ),
        ("30/45/60%, r = 2", "ACTIVITIESNEEDED(40;{0.3;0.45;0.6};2)", [494, 149, 67], EQ),
        ("30/45/60%, r = 0", "ACTIVITIESNEEDED(40;{0.3;0.45;0.6};0)",
         ["=40/0.6/0.45/0.3", "=40/0.6/0.45", "=40/0.6"], APPROX),
        ("leads = 0", "ACTIVITIESNEEDED(0;[.F2:.H2])", [0, 0, 0], EQ),
    ]
    top = 2
    for name, formula, values, kind in blocks:
        s.arrays.append(ArrayBlock((top, COL["R"]), len(values), 1, formula))
        for k, value in enumerate(values):
            s.add(f"[.R{top + k}]", value, f"{name}: {{={formula}}} in R{top}:R{top + len(values) - 1}, "
                  f"row {k + 1}", kind)
        top += len(values) + 1
    # An array one row taller than the result: Calc fills the extra cell with #N/A.
    s.arrays.append(ArrayBlock((top, COL["R"]), 4, 1, "ACTIVITIESNEEDED(40;[.F8:.F12])"))
    s.add(f"[.R{top + 2}]", 80, "array of 4 rows over 3 rates: row 3 is the meetings")
    s.err(f"[.R{top + 3}]", "array of 4 rows over 3 rates: row 4 is #N/A (Calc)", code=32767)
    top += 5
    s.arrays.append(ArrayBlock((top, COL["R"]), 3, 1, "ACTIVITIESNEEDED(40;[.F22:.F24])"))
    s.err(f"[.R{top}]", "array formula with text among the rates: Err:502")

    s.add("ACTIVITIESNEEDED(40;{0.25;0.4;0.5})", 800,
          "in a normal cell Calc shows the first activity's count (the calls)")
    s.add("INDEX(ACTIVITIESNEEDED(40;{0.25;0.4;0.5});2;1)", 200, "INDEX: conversations")
    s.add("INDEX(ACTIVITIESNEEDED(40;{0.25;0.4;0.5});3;1)", 80, "INDEX: meetings")
    s.add("ROWS(ACTIVITIESNEEDED(40;{0.25;0.4;0.5}))", 3, "one row per rate")
    s.add("COLUMNS(ACTIVITIESNEEDED(40;{0.25;0.4;0.5}))", 1, "one column")
    s.add("ROWS(ACTIVITIESNEEDED(40;[.F8:.F12]))", 3, "empty cells between the rates are skipped")
    s.add("ACTIVITIESNEEDED(40;{0.25|0.4|0.5})", 800, "an inline column")
    s.add("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};1)", 800, "r = 1 given")
    s.add("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};0)", 800, "r = 0: the example divides evenly")
    s.add("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};2)", 800, "r = 2")
    s.add("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};)", 800, "r skipped (trailing ;) means the default 1")
    s.add("ACTIVITIESNEEDED(40;{0.3;0.45;0.6})", 497,
          "r = 1: 40 / 0.6 = 66.7 -> 67, 67 / 0.45 = 148.9 -> 149, 149 / 0.3 = 496.7 -> 497")
    s.add("ACTIVITIESNEEDED(40;{0.3;0.45;0.6};1)", 497, "r = 1 given")
    s.add("ACTIVITIESNEEDED(40;{0.3;0.45;0.6};2)", 494, "r = 2: ceil(493.83)")
    s.approx("ACTIVITIESNEEDED(40;{0.3;0.45;0.6};0)", "=40/0.6/0.45/0.3", "r = 0: 493.83...")
    s.approx("ACTIVITIESNEEDED(40;{0.3;0.45;0.6};[.F30])", "=40/0.6/0.45/0.3",
             "r from an empty cell (F30) counts as 0, not as left out")
    s.add("ACTIVITIESNEEDED(39.5;0.5)", 79, "leads taken as given: 39.5 / 0.5 = 79, not 80")
    s.add("ACTIVITIESNEEDED(39.5;0.5;2)", 79, "39.5 leads, r = 2")
    s.add("ACTIVITIESNEEDED(39.5;0.5;0)", 79, "39.5 leads, r = 0")
    s.add("ACTIVITIESNEEDED(0;{0.3;0.45;0.6})", 0, "leads = 0 gives zeros")
    s.add("ACTIVITIESNEEDED(21;0.7)", 30, "tolerant ceiling: 21/0.7 is 30.000000000000004, not 31")
    s.add("ACTIVITIESNEEDED(40;1)", 40, "a rate of 100%")
    s.add("ACTIVITIESNEEDED(1;{0.5;0.5;0.5;0.5;0.5;0.5;0.5;0.5;0.5;0.5})", 1024, "ten rates: 2^10")
    s.add("ACTIVITIESNEEDED(40;[.F6])", 80, "a single cell (F6 = 50%)")
    s.add("ACTIVITIESNEEDED(40;TRUE())", 40, "TRUE is the number 1 (100%)")
    s.add("ACTIVITIESNEEDED(PROACTIVELEADS(1000000;20000;30;0.2;60);[.F2:.H2])", 800,
          "from PROACTIVELEADS, the usual source: 40 leads")
    # Invalid: every class of the contract.
    s.err("ACTIVITIESNEEDED(-1;{0.25;0.4;0.5})", "leads < 0")
    s.err("ACTIVITIESNEEDED(1E+308;0.5)", "result not finite: 2E+308")
    s.err("ACTIVITIESNEEDED(40;[.F16:.F18])", "no filled cell")
    s.err("ACTIVITIESNEEDED(40;[.F30])", "a single empty cell: no filled cell")
    s.err("ACTIVITIESNEEDED(40;[.F20:.P20])", "11 cells")
    s.err("ACTIVITIESNEEDED(40;[.F32:.H33])", "a block of 2 rows x 3 columns")
    s.err("ACTIVITIESNEEDED(40;{0.25;0.4|0.5;0.5})", "an inline block")
    s.err("ACTIVITIESNEEDED(40;[.F22:.F24])", "text among the rates")
    s.err('ACTIVITIESNEEDED(40;"0.5")', "a text literal, even a numeric one")
    s.err("ACTIVITIESNEEDED(40;[.F35:.F37])", "a rate of 0")
    s.err("ACTIVITIESNEEDED(40;{0.25;-0.4;0.5})", "a negative rate")
    s.err("ACTIVITIESNEEDED(40;{0.25;0.4;1.5})", "a rate above 1")
    s.err("ACTIVITIESNEEDED(40;150%)", "150%")
    s.err("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};3)", "r = 3")
    s.err("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};-1)", "r = -1")
    s.err("ACTIVITIESNEEDED(40;{0.25;0.4;0.5};0.5)", "r = 0.5")
    s.err('ACTIVITIESNEEDED(40;{0.25;0.4;0.5};"1")', "r as text")
    s.err("ACTIVITIESNEEDED(40;[.F26:.F28])", "an error cell among the rates stops the call (Calc)",
          code=504)
    s.err('ACTIVITIESNEEDED("x";0.5)', "text for leads: #VALUE! before the call", code=519)
    s.err("ACTIVITIESNEEDED(40;)", "rates skipped: Err:502 from Calc")
    return s


# Issue 12's independent answer key: Calc's own BINOMDIST, summed over X's outcomes x
# (rows first..last of ROW()) times P(Y >= N - x) = 1 - BINOMDIST(N - x - 1; P; c; 1),
# with N - x - 1 clamped to 0..P by IF (element by element inside SUMPRODUCT).
def binomdist_key(N: int, M: int, cm: str, P: int, c: str, first: int = 0,
                  last: int | None = None) -> str:
    last = M if last is None else last
    x = f"(ROW([.$A${first + 1}:.$A${last + 1}])-1)"
    k = f"({N}-{x}-1)"
    head = f"IF({k}<0;0;IF({k}>={P};1;BINOMDIST(IF({k}<0;0;IF({k}>{P};{P};{k}));{P};{c};1)))"
    return f"=SUMPRODUCT(BINOMDIST({x};{M};{cm};0)*(1-{head}))"


def plan_probability() -> Spec:
    s = Spec("planprobability", "PLANPROBABILITY(T; S; E; c; M; P; [cm])")
    s.add("ROUND(PLANPROBABILITY(1000000;20000;30;20%;60;40);5)", 0.53984, "article, to 5 decimals")
    s.add("ROUND(PLANPROBABILITY(1000000;20000;30;27.5%;60;40;15%);5)", 0.54078,
          "article with own 27.5% and marketing's 15%")
    s.add("PLANPROBABILITY(1000000;20000;30;20%;60;40)", binomdist_key(20, 60, "0.2", 40, "0.2"),
          "article against Calc's BINOMDIST convolution", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;30;27.5%;60;40;15%)",
          binomdist_key(20, 60, "0.15", 40, "0.275"), "lead quality, BINOMDIST key", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;50;20%;60;40)", 1, "N = 0: existing customers cover the target")
    s.add("PLANPROBABILITY(0;20000;0;20%;0;0)", 1, "T = 0: N = 0")
    s.add("PLANPROBABILITY(1000000;20000;30;20%;60;40;0)", "=1-BINOMDIST(19;40;0.2;1)",
          "cm = 0: only the 40 proactive leads count", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;30;20%;0;40)", "=1-BINOMDIST(19;40;0.2;1)",
          "M = 0", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;30;20%;60;0)", "=1-BINOMDIST(19;60;0.2;1)",
          "P = 0", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;30;100%;60;10;20%)", "=1-BINOMDIST(9;60;0.2;1)",
          "c = 1: the 10 proactive leads all convert, 10 more from marketing's 60", PROB12)
    s.add("PLANPROBABILITY(1000000;20000;30;100%;0;20)", 1, "c = 1, P = N")
    s.add("PLANPROBABILITY(1000000;20000;30;100%;0;19)", 0, "c = 1, P = N - 1")
    s.add("PLANPROBABILITY(1000000;20000;30;20%;10;9)", 0, "fewer leads than orders needed")
    s.add("PLANPROBABILITY(1000000;20000;30;20%;5*12.000000000000002;40)",
          "=PLANPROBABILITY(1000000;20000;30;20%;60;40)",
          "M = 60.00000000000001 (5 x 12 in floating point) counts as 60")
    s.add("PLANPROBABILITY(1000000;20000;30;20%;[.F2];[.F3];[.F4])",
          binomdist_key(20, 60, "0.1", 40, "0.2"), "cell references (F2:F4)", PROB12)
    put_column(s, "F", 2, [60, 40, 0.1])
    # Larger plans against BINOMDIST over X's significant outcomes only: beyond 9 standard
    # deviations the left-out probability is below 1e-18.
    s.add("PLANPROBABILITY(52000000;20000;0;20%;5000;5000;30%)",
          binomdist_key(2600, 5000, "0.3", 5000, "0.2", 1200, 1800),
          "M = P = 5,000, N = 2,600 (BINOMDIST key, X in 1200..1800)", PROB12)
    # With cm = c, X + Y is Binomial(M + P, c): tests/e2e/probability_key.py sums that
    # tail term by term in 50-digit decimals (its output, to 17 digits).
    s.add("PLANPROBABILITY(800000000;20000;0;20%;100000;100000)", 0.5008920614447845,
          "M = P = 100,000, N = 40,000: 50-digit key (probability_key.py)", PROB12)
    s.add("PLANPROBABILITY(40000000;20000;0;20%;4000;6000)", 0.5039893679420493,
          "M = 4,000, P = 6,000, N = 2,000: 50-digit key (probability_key.py)", PROB12)
    # Calc's own BINOMDIST is good to only about 3e-12 at 100,000 trials (it gives
    # 0.5008920614478533 where the 50-digit key says 0.5008920614447845).
    s.add("PLANPROBABILITY(800000000;20000;0;20%;100000;100000)",
          binomdist_key(40000, 100000, "0.2", 100000, "0.2", 18800, 21200),
          "M = P = 100,000, N = 40,000 (BINOMDIST key to 1e-9: see the row above)", PROB9)
    s.add("PLANPROBABILITY(8000000000;20000;0;20%;1000000;1000000)",
          binomdist_key(400000, 1000000, "0.2", 1000000, "0.2", 196000, 204000),
          "M = P = 1,000,000, N = 400,000 (BINOMDIST key, X in 196,000..204,000)", PROB9)
    s.add("PLANPROBABILITY(8000000000;20000;0;20%;1000000;1002000)",
          binomdist_key(400000, 1000000, "0.2", 1002000, "0.2", 196000, 204000),
          "M = 1,000,000, P = 1,002,000, N = 400,000 (BINOMDIST key)", PROB9)
    s.add("PLANPROBABILITY(40000000000;20000;0;20%;5000000;5000000)",
          "=PLANPROBABILITY(40000000000;20000;0;20%;5000000;4999999.999999)",
          "M + P = 10,000,000, the largest allowed (P within 1e-9 * P of whole)")
    s.add("AND(PLANPROBABILITY(40000000000;20000;0;20%;5000000;5000000)>0.5;"
          "PLANPROBABILITY(40000000000;20000;0;20%;5000000;5000000)<0.51)", 1,
          "N = 2,000,000 from 10,000,000 leads at 20%: the mean, a chance just above 1/2")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;60.5;40)", "M not whole")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;60;40.5)", "P not whole")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;60;40.000001)", "P = 40.000001: beyond 1e-9 * P")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;-1;40)", "M < 0")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;60;-1)", "P < 0")
    s.err("PLANPROBABILITY(40000000000;20000;0;20%;5000000;5000001)", "M + P above 10,000,000")
    s.err("PLANPROBABILITY(-1;20000;30;20%;60;40)", "T < 0")
    s.err("PLANPROBABILITY(1000000;0;30;20%;60;40)", "S = 0")
    s.err("PLANPROBABILITY(1000000;20000;-1;20%;60;40)", "E < 0")
    s.err("PLANPROBABILITY(1000000;20000;30;0;60;40)", "c = 0")
    s.err("PLANPROBABILITY(1000000;20000;30;1.5;60;40)", "c > 1")
    s.err("PLANPROBABILITY(1000000;20000;30;20%;60;40;1.5)", "cm > 1")
    s.err('PLANPROBABILITY(1000000;20000;30;20%;60;40;"x")', "cm as text")
    return s


def proactive_leads_for() -> Spec:
    s = Spec("proactiveleadsfor", "PROACTIVELEADSFOR(T; S; E; c; M; confidence; [cm])")
    for confidence, leads in ((50, 39), (80, 56), (90, 66), (95, 75)):
        s.add(f"PROACTIVELEADSFOR(1000000;20000;30;20%;60;{confidence}%)", leads,
              f"article, {confidence}% certainty")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;27.5%;60;80%;15%)", 52, "27.5% and 15%, 80%")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;27.5%;60;90%;15%)", 59, "27.5% and 15%, 90%")
    # The defining property against Calc's BINOMDIST: 66 leads reach 90%, 65 do not.
    s.add(binomdist_key(20, 60, "0.2", 66, "0.2")[1:] + ">=0.9", 1,
          "BINOMDIST key: 66 leads give at least 90%")
    s.add(binomdist_key(20, 60, "0.2", 65, "0.2")[1:] + "<0.9", 1,
          "BINOMDIST key: 65 leads give less than 90%")
    s.add("PROACTIVELEADSFOR(1000000;20000;50;20%;0;99%)", 0, "N = 0: no leads needed")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;20%;1000;99%)", 0, "marketing alone is sure enough")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;100%;0;50%)", 20, "c = 1: exactly N leads")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;20%;60;90%;0)",
          "=PROACTIVELEADSFOR(1000000;20000;30;20%;0;90%)", "cm = 0 is the same as M = 0")
    s.add("PROACTIVELEADSFOR(1000000;20000;30;20%;60;0.0000001%)", 0, "a tiny certainty")
    # A million marketing leads: the answer P and P - 1 against BINOMDIST over X's window.
    s.add("PROACTIVELEADSFOR(8000000000;20000;0;20%;1000000;90%)", "=[.F2]",
          "M = 1,000,000, N = 400,000: the P in F2 (checked in the next two rows)")
    s.add("PLANPROBABILITY(8000000000;20000;0;20%;1000000;[.F2])>=0.9", 1,
          "the add-in's own chance at P meets 90%")
    s.add(binomdist_key(400000, 1000000, "0.2", "[.F2]", "0.2", 196000, 204000)[1:] + ">=0.9-1E-9", 1,
          "BINOMDIST key at P meets 90% (to 1e-9)")
    s.add(binomdist_key(400000, 1000000, "0.2", "([.F2]-1)", "0.2", 196000, 204000)[1:] + "<0.9+1E-9", 1,
          "BINOMDIST key at P - 1 stays below 90% (to 1e-9)")
    s.data[(2, COL["F"])] = "=" + "PROACTIVELEADSFOR(8000000000;20000;0;20%;1000000;90%)"
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60;0)", "confidence 0")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60;1)", "confidence 1 (100%)")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60;-10%)", "confidence below 0")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60;150%)", "confidence above 1")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60.5;90%)", "M not whole")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;-1;90%)", "M < 0")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;0;60;90%)", "c = 0")
    s.err("PROACTIVELEADSFOR(1000000;20000;30;20%;60;90%;-1)", "cm < 0")
    s.err("PROACTIVELEADSFOR(-1;20000;30;20%;60;90%)", "T < 0")
    s.err("PROACTIVELEADSFOR(100000000000;20000;0;20%;0;50%)",
          "N = 5,000,000 needs 25,000,000 leads: more than 10,000,000")
    return s


SPECS = [required_orders, new_customer_orders, required_leads, proactive_leads,
         proactive_revenue, achievable_revenue, required_conversion, average_order_size,
         conversion_rate, proactive_plan, calc_conventions, activities_needed,
         plan_probability, proactive_leads_for,
         proactive_schedule, proactive_leads_left]


# --------------------------------------------------------------------------------------
# Writing .fods
# --------------------------------------------------------------------------------------
def _check_formula(kind: str, row: int) -> str:
    a, b = f"[.A{row}]", f"[.B{row}]"
    if kind == EQ:
        return f"of:=AND(ISNUMBER({a});{a}={b})"
    if kind == APPROX:
        return f"of:=AND(ISNUMBER({a});ABS({a}-{b})<=1E-9*MAX(1;ABS({b})))"
    if kind in (PROB12, PROB9):
        tolerance = "1E-12" if kind == PROB12 else "1E-9"
        return f"of:=AND(ISNUMBER({a});ABS({a}-{b})<={tolerance})"
    if kind == TEXT:
        # &"" because Calc 7.4 compares a string from an add-in's array result by
        # identity: EXACT(I2;"Required orders") is FALSE even when I2 shows exactly that.
        return f'of:=AND(ISTEXT({a});EXACT({a}&"";{b}))'
    if kind == ERROR:
        return f'of:=IF(ISERROR({a});("Err:"&ORG.OPENOFFICE.ERRORTYPE({a}))={b};FALSE())'
    raise ValueError(kind)


def _cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, Formula):
        return f"<table:table-cell table:formula={quoteattr(value.text)}/>"
    if isinstance(value, bool):
        raise TypeError("no booleans in specs")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value!r}</text:p></table:table-cell>")
    if isinstance(value, str) and value.startswith("="):
        return _cell(Formula(odff(value[1:])))
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>")


@dataclass(frozen=True)
class Formula:
    text: str


def _array_cell(block: ArrayBlock) -> str:
    return (f'<table:table-cell table:number-matrix-columns-spanned="{block.cols}" '
            f'table:number-matrix-rows-spanned="{block.rows}" '
            f"table:formula={quoteattr(odff(block.formula))}/>")


def _table(name: str, grid: dict[tuple[int, int], str]) -> str:
    rows = max(r for r, _ in grid)
    cols = max(c for _, c in grid)
    out = [f'  <table:table table:name="{name}">',
           f'   <table:table-column table:number-columns-repeated="{cols}"/>']
    for r in range(1, rows + 1):
        cells = [grid.get((r, c), "<table:table-cell/>") for c in range(1, cols + 1)]
        while cells and cells[-1] == "<table:table-cell/>":
            cells.pop()
        out.append("   <table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append("  </table:table>")
    return "\n".join(out)


def render(spec: Spec) -> str:
    grid: dict[tuple[int, int], str] = {}
    for col, head in enumerate(["Formula", "Expected", "Check", "Case"], start=1):
        grid[(1, col)] = _cell(head)
    for i, row in enumerate(spec.rows):
        r = i + 2
        grid[(r, 1)] = _cell(Formula(odff(row.formula)))
        grid[(r, 2)] = _cell(row.expected)
        grid[(r, 3)] = _cell(Formula(_check_formula(row.kind, r)))
        grid[(r, 4)] = _cell(row.note)
    for (r, c), value in spec.data.items():
        assert c > 4, "data lives right of the four spec columns"
        assert (r, c) not in grid
        grid[(r, c)] = _cell(value)
    for block in spec.arrays:
        r0, c0 = block.anchor
        for r in range(r0, r0 + block.rows):
            for c in range(c0, c0 + block.cols):
                assert (r, c) not in grid, f"array {block.formula} overlaps {r},{c}"
        grid[(r0, c0)] = _array_cell(block)
    last = len(spec.rows) + 1
    summary = {
        (1, 1): _cell("All checks pass"),
        (1, 2): _cell(Formula(f"of:=AND([$Specs.C2:.C{last}])")),
        (2, 1): _cell("Checks"),
        (2, 2): _cell(len(spec.rows)),
        (3, 1): _cell("Function"),
        (3, 2): _cell(spec.title),
    }
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tests/e2e/make_specs.py from its tables; edit those, then re-run it. -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" \
office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body>
 <office:spreadsheet>
{_table("Summary", summary)}
{_table("Specs", grid)}
 </office:spreadsheet>
 </office:body>
</office:document>
"""


def _assert_coverage(specs: list[Spec]) -> None:
    """Every function has valid cases and Err:502 cases; a table edit cannot drop one."""
    for name in FUNCTIONS:
        rows = [r for s in specs for r in s.rows if re.search(rf"\b{name}\(", r.formula)]
        rows += [r for s in specs for b in s.arrays if name in b.formula for r in s.rows
                 if r.formula.startswith("[.")]
        valid = [r for r in rows if r.kind != ERROR]
        invalid = [r for r in rows if r.kind == ERROR and r.expected == "Err:502"]
        if not valid or not invalid:
            raise SystemExit(f"make_specs: {name} needs valid and Err:502 cases")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed sheets instead of writing them")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "specs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stale = []
    wanted = set()
    specs = [make() for make in SPECS]
    _assert_coverage(specs)
    for spec in specs:
        path = args.out / f"{spec.name}.fods"
        wanted.add(path.name)
        text = render(spec)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    extra = sorted(p.name for p in args.out.glob("*.fods") if p.name not in wanted)
    if args.check and (stale or extra):
        print("spec sheets differ from tests/e2e/make_specs.py: " + ", ".join(stale + extra)
              + "\nrun tests/e2e/make_specs.py and commit the result", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

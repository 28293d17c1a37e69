#!/usr/bin/python3
"""Bad-input matrix: every LeadPlan function x every argument x every kind of bad input,
in one sheet of a real headless Calc with the built .oxt installed.

    test_badinput.py --oxt build/packaging/leadplan.oxt [--keep] [--verbose]

Each case replaces one argument of a valid call by one input class (negative, zero, a
rate above 1, text, an empty cell, an error value, a boolean, 1E308, 1E-308, a range
where one value belongs, ...). The expected cell comes from two written rules, never
from running LeadPlan:
  1. how Calc hands that input to an argument of that UNO type (issue 3 and the measured
     notes): a `double` argument gets #VALUE! for text before the add-in runs, an error
     value propagates, an `any` argument receives text or a range as such (the add-in
     rejects them: Err:502), a `sequence<sequence<double>>` argument receives a range
     whole (summed by the contract);
  2. the contract of issue 2 (tests/e2e/resilience/contract.py) for the numbers that
     arrive: a valid call gives the contract's number, an invalid argument or an
     infinite result gives Err:502.
A cell passes when it shows exactly that error, or a finite number equal to the
contract's. After the matrix, soffice must still compute a fresh call.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
sys.path.insert(0, str(HERE / "resilience"))

import lpcalc  # noqa: E402
import contract  # noqa: E402
from contract import FUNCTIONS, INVALID  # noqa: E402

# Calc's error codes (XCell.getError) and how the cell shows them.
ERROR_NAMES = {502: "Err:502", 504: "Err:504", 519: "#VALUE!", 532: "#DIV/0!", 32767: "#N/A"}
CODE = {name: code for code, name in ERROR_NAMES.items()}

# A valid call per function: the article's example, with every optional argument given
# so that each of them can be replaced as well.
BASE = {
    "T": 1_000_000.0, "S": 20_000.0, "E": 30.0, "c": 0.2, "M": 60.0, "cm": 0.1, "r": 1.0,
    "P": 40.0, "confidence": 0.9, "leads": 100.0, "revenue": 1_000_000.0, "orders": 50.0, "won": 20.0,
}
# ACTIVITIESNEEDED's rates: a valid call names the range $AF$1:$AF$3 holding them.
BASE["rates"] = [0.25, 0.4, 0.5]
TOKEN = {"rates": "$AF$1:$AF$3"}
# Issue 11: a 2-month cycle, seasonal weights in $AG$1:$AG$12, the re-plan after 6 months
# with 8 new-customer orders won and 10 open leads.
BASE.update({"cycle": 2.0, "weights": (1.0,) * 6 + (0.0, 0.0, 1.0, 1.0, 2.0, 2.0),
             "done": 6.0, "new_won": 8.0, "open": 10.0})
TOKEN["weights"] = "$AG$1:$AG$12"
# Cells each case checks: an array function's elements, read one by one with INDEX.
CELLS = {"PROACTIVEPLAN": 8, "PROACTIVESCHEDULE": 24}
# CONVERSIONRATE's "leads" is a history total, not REQUIREDCONVERSION's lead count, but
# 100 suits both (20 won of 100 leads).

FIRST_ROW = 10          # formulas start here (1-based); inputs live above and to the right
RANGE_SUM = 1.0 + 2.0 + 3.0 + 4.0    # $AB$1:$AC$2
COLUMN_VALUE = 2.5      # every cell of the column range $AE$1:$AE$<last>


def fmt(x: float) -> str:
    return repr(float(x)).replace("e+", "E").replace("e-", "E-")


class InputClass:
    """One kind of input: the text written into the formula and what each argument type
    receives. `receives[kind]` is ("value", x) or ("error", name); None means "left out"
    for an optional argument (the contract's default)."""

    def __init__(self, name, token, double, any_, seq, doc):
        self.name, self.token, self.doc = name, token, doc
        self.receives = {"double": double, "any": any_, "seq": seq}


def V(x):
    return ("value", float(x))


def ERR(name):
    return ("error", name)


# Built from issue 3's rules (text in a double argument is #VALUE! before the call; an
# optional argument that is text is Err:502; a range in a normal cell is intersected
# with the formula's row; an empty cell reference arrives as 0; ranges in the ratio
# functions are summed as SUM would) and the measured notes for the rest (an error cell
# inside a range stops the call with Err:504; a skipped required argument is Err:502
# without a call; an inline array in a scalar argument gives its first element).
CLASSES = [
    InputClass("negative", "-1", V(-1), V(-1), V(-1), "-1"),
    InputClass("zero", "0", V(0), V(0), V(0), "0"),
    InputClass("rate above 1", "1.5", V(1.5), V(1.5), V(1.5), "1.5 (150%)"),
    InputClass("text literal", '"abc"', ERR("#VALUE!"), INVALID, ERR("#VALUE!"), '"abc" typed in the formula'),
    InputClass("text cell", "$AA$1", ERR("#VALUE!"), INVALID, ERR("#VALUE!"), "a cell holding the text abc"),
    InputClass("numeric text cell", "$AA$2", V(5), INVALID, V(5), "a cell holding the text 5"),
    InputClass("empty cell", "$AA$3", V(0), V(0), V(0), "a reference to an empty cell"),
    InputClass("#N/A cell", "$AA$4", ERR("#N/A"), ERR("#N/A"), ERR("#N/A"), "a cell showing =NA()"),
    InputClass("#DIV/0! cell", "$AA$5", ERR("#DIV/0!"), ERR("#DIV/0!"), ERR("#DIV/0!"), "a cell showing =1/0"),
    InputClass("NA() inline", "NA()", ERR("#N/A"), ERR("#N/A"), ERR("#N/A"), "NA() typed in the formula"),
    InputClass("1/0 inline", "1/0", ERR("#DIV/0!"), ERR("#DIV/0!"), ERR("#DIV/0!"), "1/0 typed in the formula"),
    InputClass("TRUE", "TRUE()", V(1), V(1), V(1), "TRUE() (Calc's TRUE is the number 1)"),
    InputClass("FALSE", "FALSE()", V(0), V(0), V(0), "FALSE() (Calc's FALSE is the number 0)"),
    InputClass("1E308", "1E308", V(1e308), V(1e308), V(1e308), "1E308"),
    # Calc's formula compiler rejects a literal below the smallest normal double
    # (2.2E-308) as out of range: the whole formula is Err:502 before any call, and
    # getFormula shows the literal as 0. The same value in a cell reaches the add-in.
    InputClass("1E-308 literal", "1E-308", ERR("Err:502"), ERR("Err:502"), ERR("Err:502"),
               "1E-308 typed in the formula"),
    InputClass("1E-308 cell", "$AA$6", V(1e-308), V(1e-308), V(1e-308), "a cell holding 1E-308"),
    InputClass("2x2 range", "$AB$1:$AC$2", ERR("#VALUE!"), INVALID, V(RANGE_SUM),
               "a 2x2 range of numbers (1, 2, 3, 4)"),
    InputClass("column range", None, V(COLUMN_VALUE), INVALID, None,
               "a column range that covers the formula's row (each cell 2.5)"),
    InputClass("range with #N/A", "$AD$1:$AD$2", ERR("#VALUE!"), ERR("Err:504"), ERR("Err:504"),
               "a range holding 1 and #N/A, outside the formula's row"),
    InputClass("inline array", "{1;2}", V(1), INVALID, V(3), "the inline array {1;2}"),
    InputClass("skipped", "", ERR("Err:502"), None, ERR("Err:502"),
               "nothing between the separators, as in ;;"),
]


# What ACTIVITIESNEEDED's rates (sequence<sequence<any>>, issue 13) receive per class, from
# the measured notes: a number or TRUE as a 1x1 number, a text literal or text cell (even
# "5") as a string (refused: Err:502), an empty cell as an empty string (skipped, leaving no
# rate: Err:502), a range whole (a 2x2 block or a column of more than 10 cells: Err:502),
# an error cell in a range stops the call (Err:504), a single error value propagates.
ANYSEQ = {
    "text literal": INVALID, "text cell": INVALID, "numeric text cell": INVALID,
    "empty cell": INVALID, "2x2 range": INVALID, "column range": INVALID,
    "range with #N/A": ERR("Err:504"), "inline array": ("value", [1.0, 2.0]),
}


def column_range_token(last_row: int) -> str:
    return f"$AE$1:$AE${last_row}"


def receives(cls: InputClass, kind: str, rows: int):
    if cls.name == "column range" and kind == "seq":
        return V(COLUMN_VALUE * rows)   # a sequence argument takes the range whole: summed
    if kind == "anyseq":
        return ANYSEQ.get(cls.name, cls.receives["seq"])
    if kind == "weights":
        # An any: errors and "left out" as for any optional argument; every single value
        # and every range here (none is a row or column of exactly 12) is refused.
        got = cls.receives["any"]
        return INVALID if got is not None and got[0] == "value" else got
    return cls.receives[kind]


def expected_for(fn_name: str, arg_index: int, cls: InputClass | None, rows: int):
    """Expected shown result(s): a list of 1 (or 8 for PROACTIVEPLAN) items, each a float
    or an error name."""
    fn, names, kinds = FUNCTIONS[fn_name]
    values = [BASE[n] for n in names]
    if cls is not None:
        got = receives(cls, kinds[arg_index], rows)
        cells = 1 if plan_in_plain_cell(cls) else CELLS.get(fn_name, 1)
        if got == INVALID:
            outcome = INVALID
            return [outcome] * cells
        if got is None:
            values[arg_index] = None
        elif got[0] == "error":
            return [got[1]] * cells
        else:
            values[arg_index] = got[1]
    result = contract.evaluate(fn, *values)
    if fn_name == "PROACTIVEPLAN":
        if plan_in_plain_cell(cls):
            return [INVALID] if result == INVALID else [LABEL]
        return [INVALID] * 8 if result == INVALID else list(result)
    if fn_name == "PROACTIVESCHEDULE":
        if result == INVALID:
            return [INVALID] * (1 if plan_in_plain_cell(cls) else 24)
        # A plain cell shows the top-left element: month 1's orders.
        return [result[0]] if plan_in_plain_cell(cls) else list(result)
    return [result]


def call_text(fn_name: str, arg_index: int | None, token: str | None) -> str:
    _, names, _ = FUNCTIONS[fn_name]
    parts = [TOKEN[n] if n in TOKEN else fmt(BASE[n]) for n in names]
    if arg_index is not None:
        parts[arg_index] = token
    return f"{fn_name}({';'.join(parts)})"


def build_cases():
    """(function, argument index or None for the valid call, class or None)."""
    cases = []
    for fn_name, (_, names, _) in FUNCTIONS.items():
        cases.append((fn_name, None, None))
        for i in range(len(names)):
            for cls in CLASSES:
                cases.append((fn_name, i, cls))
    return cases


def formulas_for(case, last_row: int) -> list[str]:
    fn_name, arg_index, cls = case
    token = None
    if cls is not None:
        token = column_range_token(last_row) if cls.name == "column range" else cls.token
    call = call_text(fn_name, arg_index, token)
    if fn_name == "PROACTIVEPLAN" and not plan_in_plain_cell(cls):
        # INDEX reads one element of the 8 x 2 result in a normal cell, so every value is
        # checked without array formulas (which would make Calc iterate range arguments).
        return [f"=INDEX({call};{k};2)" for k in range(1, 9)]
    if fn_name == "PROACTIVESCHEDULE" and not plan_in_plain_cell(cls):
        return [f"=INDEX({call};{k};{j})" for k in range(1, 13) for j in (1, 2)]
    return ["=" + call]


def plan_in_plain_cell(cls: InputClass | None) -> bool:
    # Inside INDEX, Calc iterates an inline array given to a scalar argument and hands
    # INDEX a different element per row (measured: row 2 shows E = 2 for {1;2}), which
    # is Calc's array machinery, not LeadPlan. That class is checked in a plain cell,
    # where the call shows its first label.
    return cls is not None and cls.name == "inline array"


# A plain cell holding PROACTIVEPLAN shows the top-left element: a label (text).
LABEL = "a label"


def matches(want, err: int, value: float, text: str = "") -> bool:
    if want is LABEL:
        return err == 0 and text != "" and value == 0.0
    if isinstance(want, str):
        return err == CODE[want]
    if err != 0 or not math.isfinite(value):
        return False
    return abs(value - want) <= 1e-12 * max(1.0, abs(want))


def shown(err: int, value: float, text: str = "") -> str:
    if err:
        return ERROR_NAMES.get(err, f"Err:{err}")
    if text and value == 0.0 and text[0].isalpha():
        return f"text {text!r}"
    return fmt(value) if math.isfinite(value) else f"NOT FINITE {value!r}"


def run(oxt: Path, keep: bool, verbose: bool, timeout: float) -> int:
    contract.self_check()
    cases = build_cases()
    last_row = FIRST_ROW + len(cases) - 1
    rows_in_column_range = last_row
    expected = [expected_for(fn, i, cls, rows_in_column_range) for fn, i, cls in cases]
    formulas = [formulas_for(case, last_row) for case in cases]

    started = time.monotonic()
    with lpcalc.Office(oxt=oxt, timeout=timeout, keep=keep) as office:
        doc = office.new_calc()
        sh = lpcalc.sheet(doc, 0)
        # Inputs, above and right of the matrix; AE spans every matrix row so that the
        # "column range" class meets each formula's row.
        sh.getCellRangeByName("AA1").setString("abc")
        sh.getCellRangeByName("AA2").setString("5")
        sh.getCellRangeByName("AA4").setFormula("=NA()")
        sh.getCellRangeByName("AA5").setFormula("=1/0")
        sh.getCellRangeByName("AA6").setValue(1e-308)
        sh.getCellRangeByName("AB1:AC2").setDataArray(((1.0, 3.0), (2.0, 4.0)))
        sh.getCellRangeByName("AD1").setValue(1.0)
        sh.getCellRangeByName("AD2").setFormula("=NA()")
        sh.getCellRangeByName("AF1:AF3").setDataArray(tuple((x,) for x in BASE["rates"]))
        sh.getCellRangeByName(f"AE1:AE{last_row}").setDataArray(
            tuple((COLUMN_VALUE,) for _ in range(last_row)))
        sh.getCellRangeByName(TOKEN["weights"].replace("$", "")).setDataArray(
            tuple((w,) for w in BASE["weights"]))

        labels = tuple((fn, FUNCTIONS[fn][1][i] if i is not None else "(valid call)",
                        cls.name if cls else "")
                       for fn, i, cls in cases)
        sh.getCellRangeByName(f"A{FIRST_ROW}:C{last_row}").setDataArray(labels)
        width = max(len(f) for f in formulas)   # 24 for PROACTIVESCHEDULE: D to AA
        assert width <= 24, "the formulas would reach the inputs in AB:AG"
        block = tuple(tuple(f[k] if k < len(f) else "" for k in range(width)) for f in formulas)
        last_column = sh.getCellByPosition(3 + width - 1, 0).AbsoluteName.split(".")[1].split("$")[1]
        sh.getCellRangeByName(f"D{FIRST_ROW}:{last_column}{last_row}").setFormulaArray(block)
        office.calculate_all(doc)

        failures = []
        per_class = defaultdict(Counter)
        by_kind = defaultdict(set)
        outcome_counts = Counter()
        checked = 0
        for row, (case, want, fs) in enumerate(zip(cases, expected, formulas)):
            for k in range(len(fs)):
                c = sh.getCellByPosition(3 + k, FIRST_ROW - 1 + row)
                err, value = int(c.getError()), c.getValue()
                checked += 1
                ok = matches(want[k], err, value, c.getString() if want[k] is LABEL else "")
                cls_name = case[2].name if case[2] else "(valid call)"
                per_class[cls_name]["pass" if ok else "FAIL"] += 1
                if case[2] is not None:
                    kind = FUNCTIONS[case[0]][2][case[1]]
                    by_kind[(cls_name, kind)].add(
                        "number" if err == 0 else ERROR_NAMES.get(err, f"Err:{err}"))
                outcome_counts[shown(err, value) if err else "number"] += 1
                if not ok:
                    failures.append((case, fs[k], want[k], shown(err, value, c.getString())))
                elif verbose:
                    print(f"ok   {fs[k]:70} {shown(err, value)}")

        # soffice must still answer after the whole matrix.
        probe = lpcalc.cell(doc, 0, "M1")
        probe.setFormula("=PROACTIVELEADS(1000000;20000;30;0.2;60)")
        office.calculate_all(doc)
        alive = probe.getError() == 0 and probe.getValue() == 40.0
        lpcalc.close(doc)
        doc2 = office.new_calc()
        probe2 = lpcalc.cell(doc2, 0, "A1")
        probe2.setFormula("=REQUIREDORDERS(1000000;30000)")
        office.calculate_all(doc2)
        alive = alive and probe2.getValue() == 34.0 and office.proc.poll() is None
        lpcalc.close(doc2)

    elapsed = time.monotonic() - started
    print(f"bad-input matrix: {len(cases)} cases, {checked} cells checked in {elapsed:.1f} s")
    # What each class showed, by argument type: required number (double), optional
    # (any) and list (sequence) arguments; "number" is a valid call's result.
    print(f"{'input class':20} {'pass':>5} {'FAIL':>5}  {'required number':24} "
          f"{'optional [cm] [r]':24} {'list (ratio functions)':24} rates (ACTIVITIESNEEDED)")
    for cls_name, counts in per_class.items():
        cols = [" or ".join(sorted(by_kind.get((cls_name, k), {"-"})))
                for k in ("double", "any", "seq", "anyseq", "weights")]
        print(f"{cls_name:20} {counts['pass']:5} {counts['FAIL']:5}  {cols[0]:24} {cols[1]:24} "
              f"{cols[2]:24} {cols[3]:24} weights: {cols[4]}")
    print("shown results: " + ", ".join(f"{k} {v}" for k, v in sorted(outcome_counts.items())))
    for (fn, i, cls), formula, want, got in failures:
        arg = FUNCTIONS[fn][1][i] if i is not None else "-"
        print(f"FAIL {fn} argument {arg} <- {cls.name if cls else 'valid'}: {formula}\n"
              f"     expected {want if isinstance(want, str) else fmt(want)}, Calc shows {got}")
    print(f"soffice still computes after the matrix: {'yes' if alive else 'NO'}")
    if failures or not alive:
        print(f"bad-input matrix FAILED: {len(failures)} of {checked} cells wrong")
        return 1
    print(f"bad-input matrix passed: {checked} of {checked} cells as documented")
    return 0


# ---- the documented table (docs/gen/bad-input.md) ----------------------------------------
# The table users read is generated from these rows (--write-doc), and ctest
# bad_input_doc_fresh (--check-doc) fails when docs/gen/bad-input.md differs from them.
# Each row: what the user gives, the CLASSES above it stands for, and what a required,
# an optional, a list argument, ACTIVITIESNEEDED's stage rates and PROACTIVESCHEDULE's
# weights then show (DOC_KINDS). check_documented() ties the words to the
# expectations: every class has exactly one row, and every error the matrix expects for
# a class (an error Calc passes on, Err:502 for a refused argument, "the default" for a
# left-out optional one) is named in its row's words for that kind of argument. Numbers
# are left to the contract, which decides per argument whether they are allowed.
DOCUMENTED = [
    ("A number the function allows", [], "the result", "the result", "the result", "the result",
     "Err:502 (12 cells needed)"),
    ("A number it does not allow (-1; 0 for S, c or leads; a conversion of 1.5; Rounding 3)",
     ["negative", "zero", "rate above 1"],
     "Err:502", "Err:502", "Err:502 when the total is not allowed", "Err:502 (a rate must be above 0 and at most 1)",
     "Err:502 (12 cells needed)"),
    ("A number whose result would overflow (T = 1E308 with S = 0.5)", [],
     "Err:502", "Err:502", "Err:502", "Err:502",
     "Err:502"),
    ("Text typed in the formula (`\"abc\"`)", ["text literal"], "#VALUE!", "Err:502", "#VALUE!", "Err:502",
     "Err:502"),
    ("A cell holding text (`abc`)", ["text cell"],
     "#VALUE!", "Err:502", "#VALUE! (inside a range: counted as 0, like SUM)", "Err:502",
     "Err:502"),
    ("A cell holding a number as text (`'5`)", ["numeric text cell"],
     "the number 5", "Err:502", "the number 5", "Err:502 (text, even a number)",
     "Err:502"),
    ("An empty cell", ["empty cell"], "0", "0, **not** \"left out\": Rounding 0 means exact", "0",
     "skipped; with no rate left, Err:502",
     "Err:502 (also an empty cell among the 12)"),
    ("An error (`NA()`, `1/0`, or a cell showing one)", ["#N/A cell", "#DIV/0! cell", "NA() inline", "1/0 inline"],
     "that error (#N/A, #DIV/0!)", "that error (#N/A, #DIV/0!)", "that error (#N/A, #DIV/0!)",
     "that error (#N/A, #DIV/0!)",
     "that error (#N/A, #DIV/0!)"),
    ("TRUE / FALSE", ["TRUE", "FALSE"], "1 / 0", "1 / 0", "1 / 0", "100% / Err:502 (a rate of 0)",
     "Err:502"),
    ("1E308", ["1E308"], "a number: the result, or Err:502 if it overflows",
     "Err:502 (no ratio or mode is that large)", "the result, or Err:502", "Err:502",
     "Err:502"),
    ("1E-308 typed in the formula", ["1E-308 literal"],
     "Err:502 from Calc itself (see below)", "Err:502 from Calc", "Err:502 from Calc", "Err:502 from Calc",
     "Err:502 from Calc"),
    ("1E-308 in a cell", ["1E-308 cell"], "a valid, tiny number",
     "a valid, tiny number (as Rounding: Err:502)", "a valid, tiny number",
     "a valid, tiny rate (the counts then overflow: Err:502)",
     "Err:502 (12 cells needed)"),
    ("A block of cells (`A1:B2`)", ["2x2 range"], "#VALUE!", "Err:502", "added up",
     "Err:502 (one row or one column only)",
     "Err:502 (one row or one column of exactly 12 cells only)"),
    ("A column range (`B1:B100`) in a normal formula", ["column range"],
     "the cell on the formula's row (Calc's implicit intersection)", "Err:502", "added up",
     "Err:502 (more than 10 cells)",
     "Err:502 (not 12 cells)"),
    ("A range with an error cell in it", ["range with #N/A"],
     "#VALUE! when the range misses the formula's row", "Err:504", "Err:504", "Err:504",
     "Err:504"),
    ("An inline array (`{1;2}`)", ["inline array"], "its first element (in a normal cell)", "Err:502",
     "added up (3)", "the rates, in order: the result when each is above 0 and at most 1, else Err:502",
     "Err:502 (12 numbers needed)"),
    ("Nothing (`;;`)", ["skipped"], "Err:502 (Calc does not call)",
     "the default (Marketing conversion = Conversion, Rounding 1)", "Err:502", "Err:502",
     "the default (12 equal weights)"),
]
DOC_HEADER = ("| What you give | Required argument | Optional argument "
              "| List argument (AVERAGEORDERSIZE, CONVERSIONRATE) | Stage rates (ACTIVITIESNEEDED) "
              "| Weights (PROACTIVESCHEDULE) |\n"
              "|---|---|---|---|---|---|\n")
DOC_KINDS = ("double", "any", "seq", "anyseq", "weights")   # the table's columns after the first
DOC_BEGIN = ("<!-- generated from DOCUMENTED in tests/e2e/test_badinput.py: edit there, then run "
             "test_badinput.py --write-doc docs/gen/bad-input.md -->\n")
DOC_END = "<!-- end of the generated table -->\n"


def check_documented() -> list[str]:
    """What is wrong between DOCUMENTED and CLASSES (empty when they agree)."""
    problems = []
    covered = [name for _, names, *_ in DOCUMENTED for name in names]
    for cls in CLASSES:
        if covered.count(cls.name) != 1:
            problems.append(f"class {cls.name!r} is in {covered.count(cls.name)} documented rows, not 1")
    known = {cls.name: cls for cls in CLASSES}
    problems += [f"documented row names an unknown class {n!r}" for n in covered if n not in known]
    for given, names, *words in DOCUMENTED:
        if len(words) != len(DOC_KINDS):
            problems.append(f"{given!r}: {len(words)} columns of words, not {len(DOC_KINDS)}")
        for kind, text in zip(DOC_KINDS, words):
            for name in names:
                if name not in known:
                    continue
                got = receives(known[name], kind, rows=1)
                need = ("Err:502" if got == INVALID else "default" if got is None
                        else got[1] if got[0] == "error" else None)
                if need is not None and need not in text:
                    problems.append(f"{given!r}, {kind} argument: the matrix expects {need} for "
                                    f"{name!r}, the documented words {text!r} do not say so")
    return problems


def documented_table() -> str:
    rows = "".join(f"| {given} | {' | '.join(words)} |\n" for given, _, *words in DOCUMENTED)
    return DOC_BEGIN + DOC_HEADER + rows + DOC_END


def with_documented_table(markdown: str) -> str:
    """markdown with the generated table between its markers put in anew."""
    begin, end = markdown.find(DOC_BEGIN), markdown.find(DOC_END)
    if begin < 0 or end < begin:
        raise ValueError("no generated-table markers (see DOC_BEGIN and DOC_END)")
    return markdown[:begin] + documented_table() + markdown[end + len(DOC_END):]


def doc_command(path: Path, write: bool) -> int:
    problems = check_documented()
    for problem in problems:
        print(f"bad-input doc: {problem}")
    current = path.read_text(encoding="utf-8")
    wanted = with_documented_table(current)
    if write:
        if wanted != current:
            path.write_text(wanted, encoding="utf-8")
        print(f"bad-input doc: wrote the table into {path}")
    elif wanted != current:
        print(f"bad-input doc: {path} differs from DOCUMENTED in {Path(__file__).name}; run "
              f"{Path(__file__).name} --write-doc {path} (and then the functions_doc_update target)")
        return 1
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", type=Path)
    ap.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--timeout", type=float, default=240.0,
                    help="seconds the soffice session may take before the harness ends it")
    ap.add_argument("--check-doc", type=Path, metavar="MD",
                    help="only check that MD's generated table is DOCUMENTED's (no soffice)")
    ap.add_argument("--write-doc", type=Path, metavar="MD",
                    help="only write DOCUMENTED's table into MD between its markers")
    args = ap.parse_args()
    if args.check_doc or args.write_doc:
        return doc_command(args.write_doc or args.check_doc, write=args.write_doc is not None)
    if args.oxt is None:
        ap.error("--oxt is required to run the matrix")
    return run(args.oxt, args.keep, args.verbose, args.timeout)


if __name__ == "__main__":
    sys.exit(main())

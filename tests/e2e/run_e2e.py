#!/usr/bin/python3
"""LeadPlan's end-to-end tests: the built .oxt installed into a real, throwaway, headless Calc.

    run_e2e.py specs            --oxt build/packaging/leadplan.oxt [--specs-dir DIR] [NAME...]
    run_e2e.py function-wizard  --oxt ...
    run_e2e.py dutch-ui         --oxt ...

specs:           recalculates every tests/e2e/specs/*.fods and fails with the rows whose
                 check is not TRUE (formula, actual, expected, case).
function-wizard: com.sun.star.sheet.FunctionDescriptions in an English UI lists all the
                 functions in the Financial category with a description and a name and
                 description for every argument, optional ones marked optional.
dutch-ui:        in a Dutch UI the Function Wizard shows the Dutch names with Dutch
                 descriptions, a formula typed with a Dutch name computes, PROACTIVEPLAN's
                 labels are Dutch, and the saved file still stores SERVICE.METHOD.

Expected values come from the contract (issue 2) and the fixed names in docs, never from
running LeadPlan. Exit status 0 only when every check passed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))

import lpcalc  # noqa: E402

# Fixed names (a promise to saved documents; README and docs/functions.md list them).
# Per function: English name, Dutch name, number of arguments, how many trailing optional.
FUNCTIONS = [
    ("REQUIREDORDERS", "BENODIGDEORDERS", 3, 1),
    ("NEWCUSTOMERORDERS", "NIEUWEKLANTORDERS", 4, 1),
    ("REQUIREDLEADS", "BENODIGDELEADS", 5, 1),
    ("PROACTIVELEADS", "PROACTIEVELEADS", 7, 2),
    ("PROACTIVEREVENUE", "PROACTIEVEOMZET", 6, 1),
    ("ACHIEVABLEREVENUE", "HAALBAREOMZET", 6, 1),
    ("REQUIREDCONVERSION", "BENODIGDECONVERSIE", 5, 1),
    ("AVERAGEORDERSIZE", "GEMIDDELDEORDERGROOTTE", 2, 0),
    ("CONVERSIONRATE", "CONVERSIERATIO", 2, 0),
    ("PROACTIVEPLAN", "PROACTIEFPLAN", 7, 2),
    ("ACTIVITIESNEEDED", "BENODIGDEACTIVITEITEN", 3, 1),
    ("PLANPROBABILITY", "PLANKANS", 7, 1),
    ("PROACTIVELEADSFOR", "PROACTIEVELEADSVOOR", 7, 1),
    ("PROACTIVESCHEDULE", "PROACTIEFSCHEMA", 9, 4),
    ("PROACTIVELEADSLEFT", "PROACTIEVELEADSRESTEREND", 10, 3),
]
SERVICE = "ORG.LEADPLAN.CALC.FUNCTIONS"
FINANCIAL = 3  # com.sun.star.sheet.FunctionCategory.FINANCIAL

PLAN_LABELS_NL = ["Benodigde orders", "Orders bestaande klanten", "Orders nieuwe klanten",
                  "Benodigde leads", "Marketingleads", "Proactieve leads", "Proactieve omzet",
                  "Proactieve leads per maand"]
PLAN_VALUES = [50, 30, 20, 100, 60, 40, 160000, 4]   # the article's plan; ceil(40 / 12) = 4


class Failures:
    def __init__(self) -> None:
        self.items: list[str] = []

    def check(self, ok: bool, message: str) -> bool:
        if not ok:
            self.items.append(message)
        return ok

    def report(self, what: str) -> int:
        if self.items:
            print(f"FAIL {what}: {len(self.items)} problem(s)")
            for item in self.items:
                print("  - " + item)
            return 1
        print(f"PASS {what}")
        return 0


# ---- specs ------------------------------------------------------------------------------
def _is_true(v: lpcalc.CellValue) -> bool:
    return v.error == 0 and v.type == "FORMULA" and v.value == 1.0 and v.string.upper() in (
        "TRUE", "1", "WAAR")


def run_spec_file(office: lpcalc.Office, path: Path) -> tuple[int, list[str]]:
    """Returns (number of checks, failure lines)."""
    doc = office.load(path)
    try:
        office.calculate_all(doc)
        specs = lpcalc.sheet(doc, "Specs")
        declared = int(lpcalc.read(lpcalc.cell(doc, "Summary", "B2")).value)
        overall = lpcalc.read(lpcalc.cell(doc, "Summary", "B1"))
        failures = []
        names = 0
        for row in range(2, declared + 2):
            get = lambda col: lpcalc.read(specs.getCellRangeByName(f"{col}{row}"))  # noqa: E731
            formula, expected, check, case = get("A"), get("B"), get("C"), get("D")
            if formula.error == lpcalc.ERR_NAME:
                names += 1
            if not _is_true(check):
                shown_expected = expected.formula if expected.type == "FORMULA" else expected.shown()
                if expected.type == "FORMULA":
                    shown_expected += f" = {expected.value!r}"
                # Calc's API shows add-in calls by service name; users type the short one.
                typed = formula.formula.replace(f"{SERVICE}.", "")
                failures.append(f"row {row}: {typed}\n"
                                f"      actual   {formula.shown()}\n"
                                f"      expected {shown_expected}\n"
                                f"      case     {case.string}")
        if names == declared:
            failures.insert(0, "every formula is #NAME?: the extension is not installed or not "
                               "registered (see the unopkg output above)")
        if not failures and not _is_true(overall):
            failures.append(f"Summary.B1 (AND of all checks) shows {overall.shown()} although "
                            "every row passed: the AND range misses rows")
        if declared < 1:
            failures.append("no checks declared in Summary.B2")
        return declared, failures
    finally:
        lpcalc.close(doc)


def cmd_specs(args) -> int:
    files = sorted(Path(args.specs_dir).glob("*.fods"))
    if args.names:
        files = [f for f in files if f.stem in args.names]
    if not files:
        print(f"no spec sheets found in {args.specs_dir}")
        return 1
    total, failed_files = 0, 0
    with lpcalc.Office(oxt=args.oxt, locale="en-US", timeout=args.timeout) as office:
        for path in files:
            count, failures = run_spec_file(office, path)
            total += count
            if failures:
                failed_files += 1
                print(f"FAIL {path.name}: {len(failures)} of {count} checks")
                for line in failures:
                    print("  " + line)
            else:
                print(f"PASS {path.name}: {count} checks")
    print(f"{total} checks in {len(files)} sheets, {failed_files} sheet(s) failing")
    return 1 if failed_files else 0


# ---- Function Wizard --------------------------------------------------------------------
def check_descriptions(fails: Failures, listed: dict, language: str,
                       english: dict | None = None) -> None:
    for en, nl, nargs, noptional in FUNCTIONS:
        name = nl if language == "nl" else en
        info = listed.get(name)
        if not fails.check(info is not None, f"{name} is not in FunctionDescriptions"):
            continue
        other = en if language == "nl" else nl
        fails.check(other not in listed or other == name,
                    f"{other} is listed too: the UI shows one name per function")
        fails.check(info.category == FINANCIAL,
                    f"{name}: category {info.category}, expected Financial ({FINANCIAL})")
        fails.check(len(info.description.strip()) > 20,
                    f"{name}: description missing or too short: {info.description!r}")
        fails.check(len(info.arguments) == nargs,
                    f"{name}: {len(info.arguments)} arguments, expected {nargs}")
        for i, a in enumerate(info.arguments):
            fails.check(bool(a.name.strip()), f"{name} argument {i + 1}: no name")
            fails.check(len(a.description.strip()) > 10,
                        f"{name} argument {i + 1} ({a.name}): description missing or too "
                        f"short: {a.description!r}")
            want_optional = i >= nargs - noptional
            fails.check(a.optional == want_optional,
                        f"{name} argument {i + 1} ({a.name}): optional={a.optional}, "
                        f"expected {want_optional}")
        arg_names = [a.name for a in info.arguments]
        fails.check(len(set(arg_names)) == len(arg_names),
                    f"{name}: repeated argument names {arg_names}")
        if english is not None and en in english:
            ref = english[en]
            fails.check(info.description != ref.description,
                        f"{name}: the Dutch description is the English one: {info.description!r}")
            for i, (a, b) in enumerate(zip(info.arguments, ref.arguments)):
                fails.check(a.description != b.description,
                            f"{name} argument {i + 1}: the Dutch description is the English "
                            f"one: {a.description!r}")


def cmd_function_wizard(args) -> int:
    fails = Failures()
    with lpcalc.Office(oxt=args.oxt, locale="en-US", timeout=args.timeout) as office:
        listed = office.function_descriptions()
        check_descriptions(fails, listed, "en")
        if args.verbose:
            for en, *_ in FUNCTIONS:
                if en in listed:
                    _print_info(listed[en])
    return fails.report(f"Function Wizard (English): {len(FUNCTIONS)} functions with full descriptions")


def _print_info(info: lpcalc.FunctionInfo) -> None:
    print(f"{info.name}: {info.description}")
    for a in info.arguments:
        print(f"    {a.name}{' (optional)' if a.optional else ''}: {a.description}")


# ---- Dutch UI ---------------------------------------------------------------------------
def cmd_dutch_ui(args) -> int:
    fails = Failures()
    # The English descriptions, to prove the Dutch ones are translations, not copies.
    with lpcalc.Office(oxt=args.oxt, locale="en-US", timeout=args.timeout) as office:
        english = office.function_descriptions()
    with lpcalc.Office(oxt=args.oxt, locale="nl-NL", timeout=args.timeout) as office:
        listed = office.function_descriptions()
        check_descriptions(fails, listed, "nl", english)
        if args.verbose:
            for _, nl, *_ in FUNCTIONS:
                if nl in listed:
                    _print_info(listed[nl])

        doc = office.new_calc()
        try:
            cases = [
                # (cell, typed formula in the Dutch UI, expected value or error, why)
                ("A1", "=PROACTIEVELEADS(1000000;20000;30;0,2;60)", 40.0, "the article, Dutch name"),
                ("A2", "=proactieveleads(1000000;20000;30;20%;60)", 40.0, "lower case, 20%"),
                ("A3", "=BENODIGDEORDERS(1000000;30000)", 34.0, "r = 1 by default"),
                ("A4", "=PROACTIEVEOMZET(1500000;20000;30;0,25;60;0,1)", 780000.0, "lead quality"),
                ("A5", "=HAALBAREOMZET(20000;30;0,2;60;40)", 1000000.0, "inverse"),
                ("A6", "=BENODIGDECONVERSIE(1000000;20000;30;100)", 0.2, "required conversion"),
                ("A7", "=NIEUWEKLANTORDERS(1000000;20000;30)", 20.0, "new-customer orders"),
                ("A8", "=BENODIGDELEADS(1000000;20000;30;0,2)", 100.0, "leads needed"),
                ("A9", "=GEMIDDELDEORDERGROOTTE(1000000;50)", 20000.0, "average order size"),
                ("A10", "=CONVERSIERATIO(20;100)", 0.2, "conversion rate"),
                ("A11", "=PROACTIEVELEADS(1000000;20000;30;0;60)", "Err:502", "c = 0"),
                ("A12", "=PROACTIVELEADS(1000000;20000;30;0,2;60)", f"Err:{lpcalc.ERR_NAME}",
                 "the English name is #NAME? in a Dutch UI (Calc's own rule)"),
                ("A13", "=PROACTIEVELEADSRESTEREND(1000000;20000;30;0,2;60;6;8;10)", 20.0,
                 "the re-plan after 6 months"),
                ("A14", "=INDEX(PROACTIEFSCHEMA(1000000;20000;30;0,2;60;;2;{1;1;1;1;1;1;0;0;1;1;2;2});9;2)",
                 7.0, "month 9's leads, cycle 2, weights as an inline column"),
            ]
            for address, formula, _, _ in cases:
                lpcalc.set_formula_local(lpcalc.cell(doc, 0, address), formula)
            lpcalc.set_array_formula(doc, 0, "C1:D8", "=PROACTIVEPLAN(1000000;20000;30;0.2;60)")
            office.calculate_all(doc)
            for address, formula, want, why in cases:
                got = lpcalc.read(lpcalc.cell(doc, 0, address))
                if isinstance(want, str):
                    ok = got.error == int(want.split(":")[1])
                else:
                    ok = got.error == 0 and abs(got.value - want) <= 1e-9 * max(1.0, abs(want))
                fails.check(ok, f"{formula} ({why}): got {got.shown()}, expected {want}")
            # What was typed in Dutch reaches the API under the language-neutral name
            # (Calc 7.4 shows =ORG.LEADPLAN.CALC.FUNCTIONS.PROACTIVELEADS(...) there).
            api = lpcalc.read(lpcalc.cell(doc, 0, "A1")).formula.upper()
            fails.check(api.startswith(("=PROACTIVELEADS(", f"={SERVICE}.PROACTIVELEADS(")),
                        f"API formula of a Dutch-typed cell: {api!r}, expected "
                        "=PROACTIVELEADS(...)")
            local = lpcalc.cell(doc, 0, "A1").getPropertyValue("FormulaLocal")
            fails.check(local.upper().startswith("=PROACTIEVELEADS("),
                        f"FormulaLocal shows {local!r}, expected the Dutch name")
            for k in range(8):
                label = lpcalc.read(lpcalc.cell(doc, 0, f"C{k + 1}"))
                value = lpcalc.read(lpcalc.cell(doc, 0, f"D{k + 1}"))
                fails.check(label.error == 0 and label.string == PLAN_LABELS_NL[k],
                            f"PROACTIVEPLAN row {k + 1} label: {label.shown()!r}, expected "
                            f"{PLAN_LABELS_NL[k]!r}")
                fails.check(value.error == 0 and value.value == PLAN_VALUES[k],
                            f"PROACTIVEPLAN row {k + 1} value: {value.shown()}, expected "
                            f"{PLAN_VALUES[k]}")
            # Files store SERVICE.METHOD whatever the UI language.
            saved = office.folder / "dutch.fods"
            doc.storeToURL(saved.as_uri(), lpcalc.props(FilterName="OpenDocument Spreadsheet Flat XML"))
            text = saved.read_text(encoding="utf-8")
            for method in ("PROACTIVELEADS", "PROACTIVEPLAN", "AVERAGEORDERSIZE"):
                fails.check(f"{SERVICE}.{method}(" in text,
                            f"the saved file does not store {SERVICE}.{method}(")
            fails.check("PROACTIEVELEADS" not in text.upper(),
                        "the saved file stores the Dutch display name")
        finally:
            lpcalc.close(doc)
    return fails.report("Dutch UI: names, descriptions, typed formulas, plan labels")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["specs", "function-wizard", "dutch-ui"])
    parser.add_argument("names", nargs="*", help="specs: only these sheets (file stems)")
    parser.add_argument("--oxt", required=True, help="the built leadplan.oxt")
    parser.add_argument("--specs-dir", default=str(HERE / "specs"))
    parser.add_argument("--timeout", type=float, default=240.0,
                        help="seconds one soffice session may take before it is ended")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not Path(args.oxt).is_file():
        print(f"no extension at {args.oxt}: build the `oxt` target first")
        return 1
    command = {"specs": cmd_specs, "function-wizard": cmd_function_wizard,
               "dutch-ui": cmd_dutch_ui}[args.command]
    try:
        return command(args)
    except lpcalc.OfficeError as exc:
        print(f"ERROR {args.command}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())

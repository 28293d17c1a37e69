#!/usr/bin/python3
"""Install, use, remove, reinstall and upgrade LeadPlan with unopkg in one throwaway
profile, and check that no workbook loses a formula on the way.

    test_lifecycle.py --oxt build/packaging/leadplan.oxt [--keep]

Steps (each soffice session and each unopkg call has a timeout and is ended by its
process group id in every path):
  1. unopkg add; a workbook using all ten functions (inputs in cells) computes the
     contract's values; saved as .ods and as .xlsx. The .xlsx holds every formula as the
     running LibreOffice writes it: ORG.LEADPLAN.CALC.FUNCTIONS.REQUIREDORDERS(B1,B2) in
     7.4, the English name REQUIREDORDERS(B1,B2) in 25.2 (xlsx_stored).
  2. unopkg remove; the .ods reopened: every LeadPlan cell shows #NAME? (as opened and
     after a recalculation), and every formula is still there under its stored name,
     which Calc lower-cases (org.leadplan.calc.functions.<method>); saved again as .ods
     without the extension, the file stores that lower-cased name. The .xlsx from step 1
     likewise shows errors after a recalculation and keeps every formula under the name
     the file holds, lower-cased (xlsx_kept_without_extension).
  3. unopkg add again; the re-saved .ods computes the original values, reads back the
     original upper-case names, and follows a changed input.
  4. Upgrade: a copy of the .oxt whose description.xml carries a higher version is added
     over the installed one with plain `unopkg add` (no remove): unopkg list shows only
     the new version, and the workbook computes.
  5. The .xlsx saved in step 1 reopened with the extension computes and follows a
     changed input, its formulas read back as ORG.LEADPLAN.CALC.FUNCTIONS.* in both
     versions.
Expected numbers come from the contract model (tests/e2e/resilience/contract.py).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
sys.path.insert(0, str(HERE / "resilience"))

import lpcalc  # noqa: E402
import contract as C  # noqa: E402
from checklist import Failures  # noqa: E402

SERVICE = "ORG.LEADPLAN.CALC.FUNCTIONS"
# Stored names: the service name and the IDL method, upper-cased (a promise to files).
METHODS = {
    "REQUIREDORDERS": "REQUIREDORDERS", "NEWCUSTOMERORDERS": "NEWCUSTOMERORDERS",
    "REQUIREDLEADS": "REQUIREDLEADS", "PROACTIVELEADS": "PROACTIVELEADS",
    "PROACTIVEREVENUE": "PROACTIVEREVENUE", "ACHIEVABLEREVENUE": "ACHIEVABLEREVENUE",
    "REQUIREDCONVERSION": "REQUIREDCONVERSION", "AVERAGEORDERSIZE": "AVERAGEORDERSIZE",
    "CONVERSIONRATE": "CONVERSIONRATE", "PROACTIVEPLAN": "PROACTIVEPLAN",
}
UNOPKG_TIMEOUT = 120.0
SESSION_TIMEOUT = 120.0   # per soffice session; --timeout overrides

# The planning inputs (column B) and twelve months of history (D:E revenue/orders,
# F:G won/leads). The history is chosen so the averages are the article's S and c.
INPUTS = {"B1": 1_000_000.0, "B2": 20_000.0, "B3": 30.0, "B4": 0.2, "B5": 60.0, "B6": 0.1}
HISTORY = [(150_000.0, 8.0, 4.0, 21.0), (90_000.0, 4.0, 3.0, 14.0), (160_000.0, 8.0, 3.0, 15.0)]
# After reopening, the target changes to this: the cells must follow (not cached values).
NEW_TARGET = 1_500_000.0

# One row per function: cell, formula with English names, expected from the contract.
FORMULAS = [
    ("J1", "=REQUIREDORDERS(B1;B2)", lambda v: C.required_orders(v["B1"], v["B2"])),
    ("J2", "=NEWCUSTOMERORDERS(B1;B2;B3)", lambda v: C.new_customer_orders(v["B1"], v["B2"], v["B3"])),
    ("J3", "=REQUIREDLEADS(B1;B2;B3;B4)", lambda v: C.required_leads(v["B1"], v["B2"], v["B3"], v["B4"])),
    ("J4", "=PROACTIVELEADS(B1;B2;B3;B4;B5)",
     lambda v: C.proactive_leads(v["B1"], v["B2"], v["B3"], v["B4"], v["B5"])),
    ("J5", "=PROACTIVELEADS(B1;B2;B3;B4;B5;B6;2)",
     lambda v: C.proactive_leads(v["B1"], v["B2"], v["B3"], v["B4"], v["B5"], v["B6"], 2)),
    ("J6", "=PROACTIVEREVENUE(B1;B2;B3;B4;B5;B6)",
     lambda v: C.proactive_revenue(v["B1"], v["B2"], v["B3"], v["B4"], v["B5"], v["B6"])),
    ("J7", "=ACHIEVABLEREVENUE(B2;B3;B4;B5;J4)",
     lambda v: C.achievable_revenue(v["B2"], v["B3"], v["B4"], v["B5"],
                                    C.proactive_leads(v["B1"], v["B2"], v["B3"], v["B4"], v["B5"]))),
    ("J8", "=REQUIREDCONVERSION(B1;B2;B3;100;0)",
     lambda v: C.required_conversion(v["B1"], v["B2"], v["B3"], 100.0, 0)),
    ("J9", "=AVERAGEORDERSIZE(D1:D3;E1:E3)",
     lambda v: C.average_order_size(sum(h[0] for h in HISTORY), sum(h[1] for h in HISTORY))),
    ("J10", "=CONVERSIONRATE(F1:F3;G1:G3)",
     lambda v: C.conversion_rate(sum(h[2] for h in HISTORY), sum(h[3] for h in HISTORY))),
]
PLAN_RANGE = "L1:M8"   # PROACTIVEPLAN as an array formula, values in column M
PLAN_FORMULA = "=PROACTIVEPLAN(B1;B2;B3;B4;B5)"


def plan_expected(v):
    return C.proactive_plan(v["B1"], v["B2"], v["B3"], v["B4"], v["B5"])


def higher_version(version: str) -> str:
    parts = [int(p) for p in version.split(".")]
    parts += [0] * (3 - len(parts))
    return f"{parts[0]}.{parts[1] + 1}.0"


def upgraded_copy(oxt: Path, dest: Path, version: str) -> None:
    """The same extension with description.xml's version rewritten; every other entry
    is copied byte for byte."""
    with zipfile.ZipFile(oxt) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "description.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r'(<version\s+value=")[^"]+(")', rf"\g<1>{version}\g<2>", text, count=1)
                assert n == 1, "no version in description.xml"
                data = text.encode("utf-8")
            out.writestr(info, data)


def listed_versions(listing: str, ident: str) -> list[str]:
    """Versions of `ident` in `unopkg list` output (blocks of 'Identifier:'/'Version:')."""
    versions = []
    for block in re.split(r"\n(?=Identifier:)", listing):
        if re.search(rf"^Identifier:\s*{re.escape(ident)}\s*$", block, re.M):
            m = re.search(r"^\s*Version:\s*(\S+)", block, re.M)
            versions.append(m.group(1) if m else "?")
    return versions


def close_enough(got: float, want: float) -> bool:
    return math.isfinite(got) and abs(got - want) <= 1e-9 * max(1.0, abs(want))


def fill_workbook(doc) -> None:
    sh = lpcalc.sheet(doc, 0)
    for addr, value in INPUTS.items():
        sh.getCellRangeByName(addr).setValue(value)
    for row, (rev, orders, won, leads) in enumerate(HISTORY, start=1):
        for col, value in zip("DEFG", (rev, orders, won, leads)):
            sh.getCellRangeByName(f"{col}{row}").setValue(value)
    for addr, formula, _ in FORMULAS:
        sh.getCellRangeByName(addr).setFormula(formula)
    sh.getCellRangeByName(PLAN_RANGE).setArrayFormula(PLAN_FORMULA)


def check_values(f: Failures, doc, inputs: dict, what: str) -> None:
    sh = lpcalc.sheet(doc, 0)
    bad = []
    for addr, formula, rule in FORMULAS:
        c = sh.getCellRangeByName(addr)
        want = rule(inputs)
        if c.getError() != 0 or not close_enough(c.getValue(), want):
            bad.append(f"{addr} {formula}: shows {lpcalc.read(c).shown()}, contract {want!r}")
    plan = plan_expected(inputs)
    for i, want in enumerate(plan):
        c = sh.getCellByPosition(12, i)   # column M
        if c.getError() != 0 or not close_enough(c.getValue(), want):
            bad.append(f"M{i + 1} {PLAN_FORMULA}: shows {lpcalc.read(c).shown()}, contract {want!r}")
    f.check(not bad, f"{what}: all {len(FORMULAS) + len(plan)} LeadPlan cells compute the "
                     f"contract's values" + "".join("\n        " + b for b in bad))


def stored_formulas(doc) -> dict[str, str]:
    sh = lpcalc.sheet(doc, 0)
    out = {addr: sh.getCellRangeByName(addr).getFormula() for addr, _, _ in FORMULAS}
    out[PLAN_RANGE] = sh.getCellRangeByName("L1").getFormula()
    return out


def expected_stored(formula: str) -> str:
    name = re.match(r"=([A-Z]+)\(", formula).group(1)
    return formula.replace(f"={name}(", f"={SERVICE}.{METHODS[name]}(", 1)


def xlsx_stored(formula: str, version: tuple[int, int]) -> str:
    """What an .xlsx file holds for one of the formulas, per LibreOffice version (measured
    in 7.4 and 25.2; README's known limitations): 7.4 writes the service and method,
    ORG.LEADPLAN.CALC.FUNCTIONS.REQUIREDORDERS(B1,B2); 25.2 writes the function's English
    (compatibility) name, REQUIREDORDERS(B1,B2). Older versions are held to 7.4's form,
    newer ones to 25.2's."""
    name = re.match(r"=([A-Z]+)\(", formula).group(1)
    stored = formula[1:].replace(";", ",")
    if version < (25, 2):
        stored = stored.replace(f"{name}(", f"{SERVICE}.{METHODS[name]}(", 1)
    return stored


def xlsx_kept_without_extension(stored: str, version: tuple[int, int]) -> str:
    """The formula Calc keeps for a cell of the .xlsx opened without the extension: the
    name the file holds (xlsx_stored), lower-cased. 7.4:
    =org.leadplan.calc.functions.proactiveleads(B1;...); 25.2: =proactiveleads(B1;...)."""
    if version < (25, 2):
        return lower_name(stored)
    english = {method: name for name, method in METHODS.items()}
    return re.sub(rf"{re.escape(SERVICE)}\.([A-Z]+)", lambda m: english[m.group(1)].lower(), stored)


def lower_name(stored: str) -> str:
    """The formula as Calc keeps it without the extension: the service and method
    lower-cased, everything else as it was."""
    return re.sub(rf"{re.escape(SERVICE)}\.[A-Z]+", lambda m: m.group(0).lower(), stored)


def check_reopened(f: Failures, office, path: Path, original: dict[str, str], what: str) -> None:
    """A saved workbook reopened with the extension installed computes the contract's
    values, keeps the formulas as first stored, and follows a changed target."""
    doc = office.load(path)
    office.calculate_all(doc)
    check_values(f, doc, INPUTS, what)
    f.check(stored_formulas(doc) == original, f"{what}: formulas read back as first stored")
    lpcalc.cell(doc, 0, "B1").setValue(NEW_TARGET)
    office.calculate_all(doc)
    check_values(f, doc, dict(INPUTS, B1=NEW_TARGET),
                 f"{what}, target changed to {NEW_TARGET:.0f}")
    lpcalc.close(doc)


def save(doc, path: Path, filter_name: str) -> None:
    doc.storeToURL(path.as_uri(), lpcalc.props(FilterName=filter_name))


def run(oxt: Path, keep: bool, timeout: float) -> int:
    C.self_check()
    f = Failures()
    oxt = oxt.resolve()
    ident, version = lpcalc.extension_identity(oxt)
    started = time.monotonic()
    # One profile for every session and unopkg call; lpcalc ends each soffice and unopkg
    # by its process group (also on SIGTERM) and removes the folder at the end.
    with lpcalc.Profile(unopkg_timeout=UNOPKG_TIMEOUT, keep=keep,
                        prefix="leadplan-lifecycle-") as profile:
        folder = profile.folder
        books = folder / "books"
        books.mkdir()
        ods1, xlsx1, ods2 = books / "plan.ods", books / "plan.xlsx", books / "plan-without.ods"

        def session() -> lpcalc.Office:
            return lpcalc.Office(profile=profile, timeout=timeout)

        print(f"lifecycle: {oxt.name} {ident} {version} in {folder}")

        # 1. install, use, save
        rc, out = profile.add(oxt, check=False)
        f.check(rc == 0, f"unopkg add {oxt.name}: exit {rc}" + ("" if rc == 0 else "\n" + out))
        out = profile.list().output
        f.check(listed_versions(out, ident) == [version], f"unopkg list shows {ident} {version}: "
                f"{listed_versions(out, ident)}")
        with session() as office:
            office_version = office.version()
            print(f"      LibreOffice {office_version[0]}.{office_version[1]}")
            doc = office.new_calc()
            fill_workbook(doc)
            office.calculate_all(doc)
            check_values(f, doc, INPUTS, "installed, new workbook")
            original = stored_formulas(doc)
            f.check(all(original[a] == expected_stored(fm) for a, fm, _ in FORMULAS)
                    and original[PLAN_RANGE].startswith("{" + expected_stored(PLAN_FORMULA)),
                    "getFormula shows every call under ORG.LEADPLAN.CALC.FUNCTIONS.<METHOD>")
            save(doc, ods1, "calc8")
            save(doc, xlsx1, "Calc MS Excel 2007 XML")
            lpcalc.close(doc)

        # The .xlsx on disk: what the file carries for an add-in call.
        sheet_xml = zipfile.ZipFile(xlsx1).read("xl/worksheets/sheet1.xml").decode("utf-8")
        xlsx_formulas = re.findall(r"<f[^>]*>([^<]*)</f>", sheet_xml)
        print("      .xlsx stores: " + "; ".join(xlsx_formulas[:3]) + " ...")
        want = ([xlsx_stored(fm, office_version) for _, fm, _ in FORMULAS]
                + [xlsx_stored(PLAN_FORMULA, office_version)])
        f.check(sorted(xlsx_formulas) == sorted(want),
                f".xlsx stores every LeadPlan formula as LibreOffice "
                f"{office_version[0]}.{office_version[1]} "
                f"should ({want[0]}, ...): {len(xlsx_formulas)} formulas"
                + "".join(f"\n        not stored: {w}" for w in want if w not in xlsx_formulas))

        # 2. remove, reopen: errors, formulas kept; save without the extension
        rc, out = profile.remove(ident, check=False)
        f.check(rc == 0, f"unopkg remove {ident}: exit {rc}" + ("" if rc == 0 else "\n" + out))
        out = profile.list().output
        f.check(listed_versions(out, ident) == [], f"unopkg list no longer shows {ident}")
        with session() as office:
            doc = office.load(ods1)
            sh = lpcalc.sheet(doc, 0)
            for when in ("as opened", "after recalculation"):
                if when != "as opened":
                    office.calculate_all(doc)
                shown = {a: lpcalc.read(sh.getCellRangeByName(a)) for a, _, _ in FORMULAS}
                shown["M1"] = lpcalc.read(sh.getCellRangeByName("M1"))
                errors = sorted({v.shown() for v in shown.values()})
                f.check(all(v.error == lpcalc.ERR_NAME for v in shown.values()),
                        f"without the extension every LeadPlan cell shows #NAME? {when}: {errors}")
            kept = stored_formulas(doc)
            # Calc keeps an unknown function's stored name, lower-cased; the name is
            # resolved without regard to case, so the formula computes again once the
            # extension is back (step 3).
            f.check(all(kept[a] == lower_name(original[a]) for a in original),
                    f"without the extension every formula is kept, name lower-cased: {kept['J4']}")
            save(doc, ods2, "calc8")
            lpcalc.close(doc)

            doc = office.load(xlsx1)
            office.calculate_all(doc)
            sh = lpcalc.sheet(doc, 0)
            shown = [lpcalc.read(sh.getCellRangeByName(a)) for a in [a for a, _, _ in FORMULAS] + ["M1"]]
            kept = stored_formulas(doc)
            f.check(all(v.error != 0 for v in shown)
                    and all(kept[a] == xlsx_kept_without_extension(original[a], office_version)
                            for a in original),
                    ".xlsx without the extension: errors "
                    f"{sorted({v.shown() for v in shown})}, every formula kept as "
                    f"{office_version[0]}.{office_version[1]} stored it: {kept['J4']}")
            lpcalc.close(doc)
        content = zipfile.ZipFile(ods2).read("content.xml").decode("utf-8")
        f.check(content.count(f"of:={SERVICE.lower()}.") == len(FORMULAS) + 1,
                f"re-saved .ods stores every formula as of:={SERVICE.lower()}.<method>(...)")

        # 3. reinstall: the workbook saved without the extension computes again
        rc, out = profile.add(oxt, check=False)
        f.check(rc == 0, f"unopkg add again: exit {rc}" + ("" if rc == 0 else "\n" + out))
        with session() as office:
            check_reopened(f, office, ods2, original,
                           "reinstalled, workbook saved without the extension")

        # 4. upgrade over the installed version, no removal
        new_version = higher_version(version)
        upgraded = folder / f"leadplan-{new_version}.oxt"
        upgraded_copy(oxt, upgraded, new_version)
        rc, out = profile.add(upgraded, check=False)
        f.check(rc == 0, f"unopkg add {upgraded.name} over {version} (no remove): exit {rc}"
                + ("" if rc == 0 else "\n" + out))
        out = profile.list().output
        f.check(listed_versions(out, ident) == [new_version],
                f"unopkg list shows only {ident} {new_version}: {listed_versions(out, ident)}")
        with session() as office:
            doc = office.load(ods2)
            office.calculate_all(doc)
            check_values(f, doc, INPUTS, f"upgraded to {new_version}")
            lpcalc.close(doc)

            # 5. the .xlsx from step 1, with the (upgraded) extension
            check_reopened(f, office, xlsx1, original, ".xlsx reopened with the extension")

    return f.verdict("lifecycle", f", {time.monotonic() - started:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", required=True, type=Path)
    ap.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    ap.add_argument("--timeout", type=float, default=SESSION_TIMEOUT,
                    help="seconds each soffice session may take before the harness ends it")
    args = ap.parse_args()
    return run(args.oxt, args.keep, args.timeout)


if __name__ == "__main__":
    sys.exit(main())

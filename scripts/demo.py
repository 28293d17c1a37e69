#!/usr/bin/python3
"""LeadPlan quick start: the article's example computed by a real LibreOffice Calc.

    demo.py [--build-dir build | --oxt build/packaging/leadplan.oxt] [--save plan.ods] [--pdf plan.pdf]

Installs leadplan.oxt into a private, throwaway LibreOffice profile (your own profile is
never touched), fills a new sheet with the article's inputs, enters the LeadPlan
formulas, lets Calc recalculate and prints what Calc shows. Exits 1 when Calc shows
anything other than the article's plan: 50 orders, 20 from new customers, 100 leads,
40 proactive leads, 160,000 proactive revenue.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lpcalc  # noqa: E402
import uno  # noqa: E402  (after lpcalc, which explains a missing python3-uno)

INPUTS = [  # label, cell, value: the article's account manager
    ("Target revenue", "B3", 1000000),
    ("Average order size", "B4", 20000),
    ("Orders from existing customers", "B5", 30),
    ("Lead conversion", "B6", 0.2),
    ("Leads from marketing", "B7", 60),
]
RESULTS = [  # label, cell, formula, the article's number
    ("Required orders", "B10", "=REQUIREDORDERS(B3;B4)", 50),
    ("New-customer orders", "B11", "=NEWCUSTOMERORDERS(B3;B4;B5)", 20),
    ("Leads needed", "B12", "=REQUIREDLEADS(B3;B4;B5;B6)", 100),
    ("Proactive leads", "B13", "=PROACTIVELEADS(B3;B4;B5;B6;B7)", 40),
    ("Proactive revenue", "B14", "=PROACTIVEREVENUE(B3;B4;B5;B6;B7)", 160000),
]
PLAN_RANGE, PLAN_FORMULA = "D3:E10", "=PROACTIVEPLAN(B3;B4;B5;B6;B7)"
PLAN_EXPECTED = [50, 30, 20, 100, 60, 40, 160000, 4]  # per month: 40 / 12 rounded up


def number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.4g}"


def office_version(office: lpcalc.Office) -> str:
    try:
        provider = office.service("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            lpcalc.props(nodepath="/org.openoffice.Setup/Product"))
        return f"{access.getByName('ooName')} {access.getByName('ooSetupVersionAboutBox')}"
    except Exception:
        return "LibreOffice"


def _format(doc, sheet) -> None:
    """Readable in the saved workbook and the PDF: separators, a percentage, wide columns."""
    formats = doc.getNumberFormats()
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language, locale.Country = "en", "US"

    def key(code: str) -> int:
        found = formats.queryKey(code, locale, False)
        return found if found != -1 else formats.addNew(code, locale)

    whole, percent = key("#,##0"), key("0%")
    for address in ("B3:B5", "B7", "B10:B14", "E3:E10"):
        sheet.getCellRangeByName(address).NumberFormat = whole
    sheet.getCellRangeByName("B6").NumberFormat = percent
    for address in ("A1", "A9", "D2"):
        sheet.getCellRangeByName(address).CharWeight = 150.0  # bold
    columns = sheet.getColumns()
    for index in range(5):
        columns.getByIndex(index).OptimalWidth = True
    columns.getByIndex(2).Width = 800  # a gap between the inputs and the plan (1/100 mm)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--build-dir", default="build", help="CMake build folder (default: build)")
    group.add_argument("--oxt", help="path to leadplan.oxt (instead of --build-dir)")
    parser.add_argument("--save", help="also save the workbook (.ods) to open it yourself")
    parser.add_argument("--pdf", help="also export the sheet as a one-page PDF")
    args = parser.parse_args()
    oxt = Path(args.oxt) if args.oxt else Path(args.build_dir) / "packaging" / "leadplan.oxt"
    if not oxt.is_file():
        print(f"demo: {oxt} not found; build it first (cmake --build {args.build_dir})",
              file=sys.stderr)
        return 2

    problems = []
    try:
        with lpcalc.Office(oxt=oxt, locale="en-US", timeout=180) as office:
            doc = office.new_calc()
            try:
                sheet = lpcalc.sheet(doc, 0)
                sheet.setName("Plan")
                at = lambda a: sheet.getCellRangeByName(a)  # noqa: E731
                at("A1").setString("LeadPlan: the account manager's plan from the article")
                for label, address, value in INPUTS:
                    at("A" + address[1:]).setString(label)
                    at(address).setValue(value)
                at("A9").setString("Calculated by LeadPlan")
                for label, address, formula, _ in RESULTS:
                    at("A" + address[1:]).setString(label)
                    lpcalc.set_formula(at(address), formula)
                at("D2").setString("PROACTIVEPLAN (array formula)")
                lpcalc.set_array_formula(doc, 0, PLAN_RANGE, PLAN_FORMULA)
                office.calculate_all(doc)
                _format(doc, sheet)

                print(f"LeadPlan demo: the article's example in {office_version(office)} "
                      f"(headless, private profile), with {oxt}")
                print("\nInputs")
                for label, address, value in INPUTS:
                    shown = f"{value:.0%}" if label == "Lead conversion" else number(value)
                    print(f"  {label:<32} {address:<4} {shown:>12}")
                print("\nFormulas as Calc calculated them")
                for label, address, formula, want in RESULTS:
                    got = lpcalc.read(at(address))
                    shown = got.shown() if got.error else number(got.value)
                    typed = at(address).getPropertyValue("FormulaLocal")  # as Calc shows it
                    print(f"  {label:<21} {address:<4} {typed:<36} {shown:>12}")
                    if got.error or got.value != want:
                        problems.append(f"{address} {formula} shows {shown}, the article "
                                        f"says {number(want)}")
                print(f"\n{{{PLAN_FORMULA}}} in {PLAN_RANGE}")
                first_row = int(PLAN_RANGE.split(":")[0][1:])
                for k, want in enumerate(PLAN_EXPECTED):
                    label = lpcalc.read(at(f"D{first_row + k}"))
                    value = lpcalc.read(at(f"E{first_row + k}"))
                    shown = value.shown() if value.error else number(value.value)
                    print(f"  {label.shown():<28} {shown:>12}")
                    if value.error or value.value != want or label.error or not label.string:
                        problems.append(f"PROACTIVEPLAN row {k + 1} shows {label.shown()!r} "
                                        f"{shown}, expected {number(want)}")
                if args.save:
                    target = Path(args.save).resolve()
                    doc.storeToURL(target.as_uri(), lpcalc.props(FilterName="calc8"))
                    print(f"\nSaved the workbook to {target}")
                if args.pdf:
                    target = Path(args.pdf).resolve()
                    # One page per sheet, cropped to its content: a picture of the plan.
                    data = uno.Any("[]com.sun.star.beans.PropertyValue",
                                   lpcalc.props(SinglePageSheets=True))
                    doc.storeToURL(target.as_uri(), lpcalc.props(FilterName="calc_pdf_Export",
                                                                 FilterData=data))
                    print(f"Exported the sheet to {target}")
            finally:
                lpcalc.close(doc)
    except lpcalc.OfficeError as exc:
        print(f"demo: LibreOffice failed: {exc}", file=sys.stderr)
        return 1

    if problems:
        print("\nFAIL: Calc does not show the article's plan:")
        for p in problems:
            print("  - " + p)
        return 1
    print("\nOK: Calc shows the article's plan: 50 orders, 20 from new customers, 100 leads, "
          "40 proactive leads (4 a month), 160,000 proactive revenue.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

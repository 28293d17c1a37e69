#!/usr/bin/python3
"""Compute the proactive-sales plan with LeadPlan's example workbook and print it.

    /usr/bin/python3 examples/plan.py [--build-dir build | --oxt build/packaging/leadplan.oxt]
    /usr/bin/python3 examples/plan.py --oxt ... --target 1200000 --existing 25
    /usr/bin/python3 examples/plan.py --oxt ... --save my-plan.ods --pdf my-plan.pdf
    /usr/bin/python3 examples/plan.py --oxt ... --pictures docs/     # the README's PNGs

It opens examples/leadplan-en.fods (or -nl with --lang nl) in a throwaway headless Calc
with the extension installed, puts the given inputs into "My plan", recalculates, and
prints the plan. Nothing is installed for the user: the profile, the extension and every
file soffice writes live in a temporary folder that is removed afterwards. The exit code
is 1 when a cell of the workbook shows an error (for example Err:502 for an input out of
range), so scripts can rely on the printed numbers.

Runs with Debian's /usr/bin/python3 (python3-uno); the harness is scripts/lpcalc.py.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import lpcalc  # noqa: E402

# The inputs on "My plan" (see examples/generate_workbooks.py).
INPUTS = {
    "target": ("B25", "revenue target this year"),
    "existing": ("B26", "orders from existing customers this year"),
    "marketing_per_month": ("B27", "leads from marketing per month"),
    "marketing_conversion": ("B29", "conversion of marketing's leads, e.g. 0.15 "
                                    "(default: blank, the same as your own)"),
}
PLAN_SHEET = 0
STEP_ROWS = {  # label cell, value cell
    "steps": [("A21", "B21"), ("A22", "B22"), ("A25", "B25"), ("A26", "B26"), ("A28", "B28"),
              ("A29", "B29")],
    "plan": [(f"A{r}", f"B{r}") for r in range(40, 48)],
}
SHEET_SLUGS = ["plan", "team", "marketing", "time", "months"]


def error_cells(doc) -> list[str]:
    """Every cell in every sheet that shows an error, as 'Sheet!A1 Err:502'."""
    return [f"{sh.Name}!{cell.AbsoluteName.split('.')[-1].replace('$', '')}"
            f" {cell.String or cell.getError()}"
            for sh, cell in lpcalc.formula_cells(doc) if cell.getError()]


def export_pdf(doc, path: Path) -> None:
    # One page per sheet, cropped to its content: a picture of each sheet as Calc draws it.
    single = lpcalc.props(SinglePageSheets=True)
    import uno

    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", single)
    args = lpcalc.props(FilterName="calc_pdf_Export")
    uno.invoke(doc, "storeToURL", (path.resolve().as_uri(),
                                   args + lpcalc.props(FilterData=filter_data)))


def save(doc, path: Path) -> None:
    filters = {".ods": "calc8", ".fods": "OpenDocument Spreadsheet Flat XML",
               ".xlsx": "Calc Office Open XML", ".pdf": None}
    suffix = path.suffix.lower()
    if suffix not in filters:
        raise SystemExit(f"plan.py: cannot save as {suffix} (use .ods, .fods or .xlsx)")
    doc.storeToURL(path.resolve().as_uri(), lpcalc.props(FilterName=filters[suffix]))


def pictures(pdf: Path, outdir: Path, lang: str, timeout: float = 60.0) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for page, slug in enumerate(SHEET_SLUGS, start=1):
        stem = outdir / f"example-{lang}-{slug}"
        subprocess.run(["pdftoppm", "-r", "96", "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True, timeout=timeout)
        png = stem.with_suffix(".png")
        if not png.is_file():
            raise SystemExit(f"plan.py: pdftoppm wrote no {png}")
        written.append(png)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", type=Path,
                        help="the built extension (default: <build-dir>/packaging/leadplan.oxt)")
    parser.add_argument("--build-dir", type=Path, default=REPO / "build",
                        help="the CMake build folder holding packaging/leadplan.oxt (default: build)")
    parser.add_argument("--lang", choices=("en", "nl"), default="en",
                        help="which example workbook, and the language Calc runs in")
    parser.add_argument("--workbook", type=Path,
                        help="another workbook with the same 'My plan' layout (e.g. a saved template)")
    for name, (cell, help_text) in INPUTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=float, metavar="N",
                            help=f"{help_text} (cell {cell})")
    parser.add_argument("--save", type=Path, help="write the recalculated workbook (.ods/.fods/.xlsx)")
    parser.add_argument("--pdf", type=Path, help="write a PDF, one page per sheet")
    parser.add_argument("--pictures", type=Path, metavar="DIR",
                        help="write example-<lang>-{plan,team,marketing}.png into DIR")
    parser.add_argument("--timeout", type=float, default=240.0,
                        help="seconds the whole Calc session may take")
    args = parser.parse_args()

    args.oxt = args.oxt or args.build_dir / "packaging" / "leadplan.oxt"
    workbook = args.workbook or REPO / "examples" / f"leadplan-{args.lang}.fods"
    locale = "nl-NL" if args.lang == "nl" else "en-US"
    if not args.oxt.is_file():
        print(f"plan.py: no extension at {args.oxt}; build it first (cmake --build build)",
              file=sys.stderr)
        return 2

    with lpcalc.Office(oxt=args.oxt, locale=locale, timeout=args.timeout) as office:
        doc = office.load(workbook)
        try:
            for name, (cell, _) in INPUTS.items():
                value = getattr(args, name)
                if value is not None:
                    lpcalc.cell(doc, PLAN_SHEET, cell).setValue(value)
            office.calculate_all(doc)

            sheet_name = doc.Sheets.getByIndex(PLAN_SHEET).Name
            print(f"As calculated by a headless LibreOffice with {args.oxt.name} installed in a "
                  "private profile:")
            print(f"{workbook.name}: {sheet_name}")
            for section in ("steps", "plan"):
                print()
                for label, value in STEP_ROWS[section]:
                    text = lpcalc.cell(doc, PLAN_SHEET, label).String
                    shown = lpcalc.cell(doc, PLAN_SHEET, value).String or "-"
                    print(f"  {text:<45} {shown:>14}")
            errors = error_cells(doc)

            if args.save:
                save(doc, args.save)
                print(f"\nwrote {args.save}")
            if args.pdf or args.pictures:
                tmp = Path(tempfile.mkdtemp(prefix="leadplan-pdf-"))
                try:
                    pdf = args.pdf or tmp / "workbook.pdf"
                    export_pdf(doc, pdf)
                    if args.pdf:
                        print(f"wrote {args.pdf}")
                    if args.pictures:
                        for png in pictures(pdf, args.pictures, args.lang):
                            print(f"wrote {png}")
                finally:
                    shutil.rmtree(tmp, ignore_errors=True)
        finally:
            lpcalc.close(doc)

    if errors:
        print("\nerrors in the workbook:\n  " + "\n  ".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""README's known limitations, checked in the LibreOffice under test, per version.

    test_limitations.py --oxt build/packaging/leadplan.oxt [--timeout S]

What a user sees when comparing PROACTIVEPLAN's labels with typed text, and what Calc does
with a number below the smallest normal double, differs between LibreOffice versions.
README.md ("Known limitations") and tests/e2e/README.md say what each version does; this
test holds each version to its own documented behaviour, so that a LibreOffice which
changes it fails here and the docs get updated with it. Only LibreOffice 7.4 (Debian 12)
and 25.2 (Debian 13) were measured: an older version is held to 7.4's behaviour, a newer
one to 25.2's, and the message names the version whose behaviour was expected.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))

import lpcalc  # noqa: E402
from checklist import Failures  # noqa: E402

PLAN = "=PROACTIVEPLAN(1000000;20000;30;0.2;60)"   # the article's plan in D1:E8
PLAN_RANGE = "D1:E8"
TRUE, FALSE, NA = ("bool", 1.0), ("bool", 0.0), ("err", lpcalc.ERR_NA)

# formula -> (what LibreOffice 7.4 shows, what 25.2 shows). D4 holds "Leads needed",
# D6 "Proactive leads", as the array result's strings.
CASES = {
    # The limitation: Calc compares a string of an add-in's array result by identity.
    '=D4="Leads needed"': (FALSE, FALSE),
    '=EXACT(D4;"Leads needed")': (FALSE, TRUE),     # 25.2 compares EXACT by content
    '=VLOOKUP("Proactive leads";D1:E8;2;0)': (NA, NA),
    '=MATCH("Leads needed";D1:D8;0)': (NA, NA),
    '=COUNTIF(D1:D8;"Leads needed")': (("num", 0.0), ("num", 0.0)),
    # The documented ways around it, on both.
    '=D4&""="Leads needed"': (TRUE, TRUE),
    '=EXACT(D4&"";"Leads needed")': (TRUE, TRUE),
    '=SUMPRODUCT((D1:D8&""="Proactive leads")*E1:E8)': (("num", 40.0), ("num", 40.0)),
    # Calc itself rejects a typed number below the smallest normal double (~2.2E-308).
    "=REQUIREDORDERS(1E-309;1)": (("err", lpcalc.ERR_502), ("err", lpcalc.ERR_502)),
    "=1E-309*1": (("err", lpcalc.ERR_502), ("err", lpcalc.ERR_502)),
}


def shown(v: lpcalc.CellValue) -> tuple[str, float]:
    if v.error:
        return ("err", v.error)
    if v.string.upper() in ("TRUE", "FALSE"):
        return ("bool", v.value)
    return ("num", v.value)


def describe(kind_value: tuple[str, float]) -> str:
    kind, value = kind_value
    if kind == "err":
        return "#N/A" if value == lpcalc.ERR_NA else f"Err:{value:.0f}"
    if kind == "bool":
        return "TRUE" if value else "FALSE"
    return f"{value:g}"


def run(oxt: Path, timeout: float) -> int:
    f = Failures()
    with lpcalc.Office(oxt=oxt, locale="en-US", timeout=timeout) as office:
        version = office.version()
        newer = version >= (25, 2)
        measured = "25.2" if newer else "7.4"
        print(f"limitations: LibreOffice {version[0]}.{version[1]}, held to {measured}'s behaviour")
        doc = office.new_calc()
        lpcalc.set_array_formula(doc, 0, PLAN_RANGE, PLAN)
        f.check(lpcalc.read(lpcalc.cell(doc, 0, "D4")).string == "Leads needed"
                and lpcalc.read(lpcalc.cell(doc, 0, "E6")).value == 40.0,
                "PROACTIVEPLAN shows 'Leads needed' in D4 and 40 proactive leads in E6")
        for row, (formula, expected) in enumerate(CASES.items(), start=1):
            c = lpcalc.cell(doc, 0, f"G{row}")
            lpcalc.set_formula(c, formula)
        office.calculate_all(doc)
        for row, (formula, expected) in enumerate(CASES.items(), start=1):
            got = shown(lpcalc.read(lpcalc.cell(doc, 0, f"G{row}")))
            want = expected[1] if newer else expected[0]
            f.check(got == want, f"{formula} shows {describe(got)}; LibreOffice {measured} "
                                 f"shows {describe(want)} (README's known limitations)")
        lpcalc.close(doc)
    return f.verdict("limitations")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", required=True, type=Path)
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds the soffice session may take before the harness ends it")
    args = ap.parse_args()
    return run(args.oxt, args.timeout)


if __name__ == "__main__":
    sys.exit(main())

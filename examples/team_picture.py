#!/usr/bin/python3
"""The README's picture of a consolidated team workbook (docs/consolidate-team.png).

    /usr/bin/python3 examples/team_picture.py --oxt build/packaging/leadplan.oxt \
        --workbooks build/packaging/workbooks --outdir docs

Makes six plans from the built templates (English and Dutch, one saved as .xlsx, one with
a blank marketing conversion) plus one file that is not a plan, runs
`scripts/consolidate.py` over the folder, and renders the Team and Files sheets of the
result (PDF one page per sheet, then pdftoppm) as consolidate-team.png and
consolidate-files.png.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "examples"))
sys.path.insert(0, str(REPO / "tests" / "e2e"))
import lpcalc  # noqa: E402
from make_plans import random_inputs, write_plan  # noqa: E402
from plan import export_pdf  # noqa: E402

PEOPLE = [("anna.ods", "en", "Anna"), ("bram.ods", "nl", "Bram"), ("chloe.xlsx", "en", "Chloe"),
          ("daan.ods", "nl", "Daan"), ("emma.ods", "en", "Emma"), ("floris.ods", "nl", "Floris")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oxt", type=Path, default=REPO / "build" / "packaging" / "leadplan.oxt")
    parser.add_argument("--workbooks", type=Path, default=REPO / "build" / "packaging" / "workbooks")
    parser.add_argument("--outdir", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    rnd = random.Random(6)
    with tempfile.TemporaryDirectory(prefix="leadplan-team-picture-") as tmp:
        plans = Path(tmp) / "plans"
        plans.mkdir()
        with lpcalc.Office(oxt=args.oxt, timeout=600) as office:
            for file, lang, name in PEOPLE:
                write_plan(office, args.workbooks.resolve(), plans,
                           random_inputs(rnd, file, lang, name))
            (plans / "notes.ods").write_text("not a plan\n")
            team = Path(tmp) / "TEAM.ods"
            res = subprocess.run([sys.executable, str(REPO / "scripts" / "consolidate.py"),
                                  "--oxt", str(args.oxt), "-o", "TEAM.ods", "plans"],
                                 cwd=tmp, capture_output=True, text=True)
            sys.stderr.write(res.stderr)
            if res.returncode not in (0, 1):
                return 1
            doc = office.load(team)
            pdf = Path(tmp) / "team.pdf"
            try:
                export_pdf(doc, pdf)
            finally:
                lpcalc.close(doc)
        args.outdir.mkdir(parents=True, exist_ok=True)
        for page, slug in ((1, "team"), (2, "files")):
            stem = args.outdir / f"consolidate-{slug}"
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page),
                            "-singlefile", str(pdf), str(stem)], check=True, timeout=60)
            print(f"wrote {stem}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())

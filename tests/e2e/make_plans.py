"""Account managers' plans with known inputs, made from the built template workbooks the
way a user makes one: open leadplan-<lang>.ods, type the inputs into the named cells, save.

Used by test_consolidate.py and bench/consolidate_bench.py. Needs an lpcalc.Office.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "scripts"))
import lpcalc  # noqa: E402

FILTERS = {".ods": "calc8", ".xlsx": "Calc Office Open XML"}


@dataclass
class PlanInputs:
    file: str                     # file name, e.g. "p01.ods"
    lang: str                     # template language, en or nl
    name: str                     # LP_NAME ("" leaves it blank)
    target: float
    existing: float
    per_month: float              # marketing leads per month
    cm: float | None              # marketing conversion, None = blank
    months: list[tuple[float, float, float, float]]   # revenue, orders, won, leads


def random_inputs(rnd: random.Random, file: str, lang: str, name: str) -> PlanInputs:
    months = []
    for _ in range(12):
        leads = rnd.randint(4, 12)
        won = rnd.randint(1, leads // 2)
        orders = rnd.randint(1, 6)
        months.append((float(rnd.randrange(20000, 140000, 500)), float(orders), float(won),
                       float(leads)))
    cm = rnd.choice([None, 0.1, 0.15, 0.25, 0.3])
    return PlanInputs(file, lang, name, float(rnd.randrange(400000, 1500001, 50000)),
                      float(rnd.randint(5, 40)), float(rnd.randint(0, 8)), cm, months)


def named(doc, name: str):
    return doc.NamedRanges.getByName(name).ReferredCells


def workbook(workbooks: Path, lang: str) -> Path:
    """The build's example workbook, or else the template as shipped in the .oxt (a run
    against a prebuilt .oxt, ./leadplan e2e-oxt, has no build): a plan is made from either."""
    built = workbooks / f"leadplan-{lang}.ods"
    return built if built.is_file() else workbooks / f"leadplan-{lang}.ots"


def templates_from_oxt(oxt: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(oxt) as z:
        for lang in ("en", "nl"):
            (folder / f"leadplan-{lang}.ots").write_bytes(z.read(f"template/LeadPlan/leadplan-{lang}.ots"))
    return folder


def write_plan(office: lpcalc.Office, workbooks: Path, folder: Path, p: PlanInputs) -> Path:
    doc = office.load(workbook(workbooks, p.lang))
    try:
        if p.name:
            named(doc, "LP_NAME").getCellByPosition(0, 0).setString(p.name)
        named(doc, "LP_TARGET").getCellByPosition(0, 0).setValue(p.target)
        named(doc, "LP_EXISTING_ORDERS").getCellByPosition(0, 0).setValue(p.existing)
        named(doc, "LP_MARKETING_LEADS_PER_MONTH").getCellByPosition(0, 0).setValue(p.per_month)
        cm = named(doc, "LP_MARKETING_CONVERSION").getCellByPosition(0, 0)
        if p.cm is None:
            cm.clearContents(1 | 2 | 4 | 16)
        else:
            cm.setValue(p.cm)
        named(doc, "LP_LAST_YEAR").setDataArray(tuple(tuple(m) for m in p.months))
        doc.calculateAll()
        target = folder / p.file
        doc.storeToURL(target.resolve().as_uri(),
                       lpcalc.props(FilterName=FILTERS[Path(p.file).suffix]))
        return target
    finally:
        lpcalc.close(doc)

#!/usr/bin/python3
"""`leadplan consolidate` end to end (issue 14), in real headless offices.

    test_consolidate.py main  --oxt build/packaging/leadplan.oxt --workbooks build/packaging/workbooks
    test_consolidate.py crash --oxt ... --workbooks ...

main: 20 plans made from the English and Dutch templates with known inputs (every fourth
saved as .xlsx; one named "=1+1", some with a blank name or a blank marketing
conversion), plus one file of each fault (missing, not a spreadsheet, password-protected,
without the LeadPlan names, error cells in its results). The command, run over a folder
and a few files (one of them given twice), must: exit 1; give one Team row per good plan
in order, whose every value equals the contract worked out below from the inputs (issue
2's formulas written out here, not LeadPlan's code); keep a blank marketing conversion a
truly empty cell and a name starting with "=" text; have the totals and the chart over
exactly those rows; list every bad file with its reason on the Files sheet and stderr;
leave no soffice of its own running; leave the inputs' bytes (and their folder) unchanged.
A second run without --force exits 2 and leaves TEAM.ods alone. Two runs over the halves
with --csv, merged by a third run taking the two CSVs, give the same CSV rows as the
whole run, and the merged TEAM.ods the same Team values.

crash: 12 plans, --jobs 2 --verbose; LEADPLAN_CONSOLIDATE_TEST_HANG stops (SIGSTOP) the
offices on two plans once: one is left to hang until --timeout, the other is killed by the
process id --verbose names for it while it holds its plan; both plans are retried in a
fresh office and read, exit 0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "examples"))
sys.path.insert(0, str(HERE))

import lpcalc  # noqa: E402
from checklist import Failures  # noqa: E402
from make_plans import PlanInputs, random_inputs, templates_from_oxt, workbook, write_plan  # noqa: E402
import generate_workbooks as gw  # noqa: E402

CONSOLIDATE = REPO / "scripts" / "consolidate.py"


# ---- the contract (issue 2), written out -------------------------------------------------
def ceil_t(x: float) -> float:
    """ceil~: within 1e-9 * max(1, |x|) of a whole number counts as that number."""
    r = round(x)
    return float(r) if abs(x - r) <= 1e-9 * max(1.0, abs(x)) else float(math.ceil(x))


def expected_row(p: PlanInputs, team_conv: float, best_conv: float) -> dict[str, float]:
    rev = sum(m[0] for m in p.months)
    orders = sum(m[1] for m in p.months)
    won = sum(m[2] for m in p.months)
    leads = sum(m[3] for m in p.months)
    s, c = rev / orders, won / leads
    t, e, m = p.target, p.existing, p.per_month * 12
    cm = c if p.cm is None else p.cm

    def proactive(conv: float, mconv: float) -> float:
        o = ceil_t(t / s)
        n = ceil_t(max(0.0, o - e))
        return ceil_t(max(0.0, n - m * mconv) / conv)

    o = ceil_t(t / s)
    n = ceil_t(max(0.0, o - e))
    from_marketing = min(n, m * cm)
    return {
        "t_target": t, "t_rev_ly": rev, "t_orders_ly": orders, "t_won_ly": won,
        "t_leads_ly": leads, "t_existing": e, "t_marketing": m,
        "t_size": s, "t_conv": c, "t_vs": c - team_conv,
        "t_orders": o, "t_new": n, "t_leads": ceil_t(n / c),
        "t_proactive": proactive(c, cm),
        "t_proactive_rev": max(0.0, t - (e + m * cm) * s),
        "t_best": proactive(best_conv, best_conv if p.cm is None else p.cm),
        "t_from_marketing": from_marketing, "t_own": n - from_marketing,
    }


def near(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# ---- helpers -----------------------------------------------------------------------------
def digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def our_soffices(marker: str) -> list[int]:
    """Processes whose command line names this test's folder: our offices, nobody else's."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if marker in cmd and "soffice" in cmd:
                out.append(int(entry))
    return out


OXT: Path | None = None   # the extension under test, passed to every run


def run_consolidate(args: list[str], tmp: Path, env_extra: dict | None = None,
                    timeout: float = 900.0) -> subprocess.CompletedProcess:
    env = dict(os.environ, TMPDIR=str(tmp / "runtmp"), PYTHONDONTWRITEBYTECODE="1")
    env.update(env_extra or {})
    (tmp / "runtmp").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, str(CONSOLIDATE), "--oxt", str(OXT), *args], env=env, cwd=tmp,
                          capture_output=True, text=True, timeout=timeout)


def team_table(office: lpcalc.Office, path: Path, lang: str = "en"):
    """(rows, total row, files rows, chart ranges): Team rows as {header key: value}."""
    doc = office.load(path)
    try:
        t = gw.TEXT[lang]
        team = doc.Sheets.getByName(t["team"])
        header_row = gw.TEAM_FIRST_ROW - 2
        keys = {}
        for c in range(40):
            text = team.getCellByPosition(c, header_row).String
            for k, v in t.items():
                if k.startswith("t_") and v == text:
                    keys[c] = k
        rows, r = [], gw.TEAM_FIRST_ROW - 1
        while team.getCellByPosition(0, r).String not in (t["t_total"], ""):
            row = {}
            for c, k in keys.items():
                cell = team.getCellByPosition(c, r)
                row[k] = (cell.getType().value, cell.String if k == "t_name" else cell.Value,
                          cell.getError())
            rows.append(row)
            r += 1
        total = {k: team.getCellByPosition(c, r).Value for c, k in keys.items()}
        total["_label"] = team.getCellByPosition(0, r).String
        total["_row"] = r
        charts = [(a.StartRow, a.EndRow) for ch in team.Charts for a in ch.getRanges()]
        files = doc.Sheets.getByName("Files")
        frows = [[files.getCellByPosition(c, i).String for c in range(4)] for i in range(200)]
        frows = [x for x in frows if any(x)]
        return rows, total, frows, charts
    finally:
        lpcalc.close(doc)


def read_csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


# ---- main test ---------------------------------------------------------------------------
def make_good(rnd: random.Random) -> list[PlanInputs]:
    plans = []
    for i in range(20):
        lang = "en" if i % 2 == 0 else "nl"
        suffix = ".xlsx" if i % 4 == 3 else ".ods"
        name = "" if i % 7 == 2 else ("=1+1" if i == 5 else f"Manager {i:02d}")
        plans.append(random_inputs(rnd, f"p{i:02d}{suffix}", lang, name))
    plans[0] = PlanInputs("p00.ods", "en", "Article", 1000000, 30, 5, None,
                          [(80000, 4, 2, 10)] * 12)   # 960,000 / 48 = 20,000 and 20%
    return plans


def main_test(f: Failures, oxt: Path, workbooks: Path, tmp: Path, jobs: int) -> None:
    rnd = random.Random(14)
    good = make_good(rnd)
    plans_dir = tmp / "plans"
    extra_dir = tmp / "extra"
    plans_dir.mkdir()
    extra_dir.mkdir()
    with lpcalc.Office(oxt=oxt, timeout=600) as office:
        for p in good:
            write_plan(office, workbooks, plans_dir, p)
        # Faults a file can carry.
        bad = PlanInputs("zz-errors.ods", "en", "Broken", -5, 30, 5, None, good[1].months)
        write_plan(office, workbooks, extra_dir, bad)                       # Err:502
        doc = office.load(workbook(workbooks, "en"))
        doc.storeToURL((extra_dir / "locked.ods").as_uri(),
                       lpcalc.props(FilterName="calc8", Password="secret"))
        lpcalc.close(doc)
        doc = office.new_calc()
        doc.Sheets.getByIndex(0).getCellRangeByName("A1").setValue(42)
        doc.storeToURL((extra_dir / "old-template.ods").as_uri(), lpcalc.props(FilterName="calc8"))
        lpcalc.close(doc)
    (extra_dir / "notes.ods").write_text("Meeting notes, not a spreadsheet.\n")
    faults = {
        "extra/missing.ods": "no such file",
        "extra/notes.ods": "not a spreadsheet",
        "extra/locked.ods": "password-protected",
        "extra/old-template.ods": "none of LeadPlan's named cells",
        "extra/zz-errors.ods": "error cells in its results: LP_REQUIRED_ORDERS shows Err:502 (an input is out of range)",
    }
    before = {**{f"plans/{k}": v for k, v in digest(plans_dir).items()},
              **{f"extra/{k}": v for k, v in digest(extra_dir).items()}}
    args = ["-o", "TEAM.ods", "--csv", "TEAM.csv", "--jobs", str(jobs), "--verbose",
            "plans", "extra/notes.ods", "extra/missing.ods", "plans/p03.xlsx",
            "extra/locked.ods", "extra/old-template.ods", "extra/zz-errors.ods"]
    started = time.monotonic()
    res = run_consolidate(args, tmp)
    print(f"main run: exit {res.returncode} in {time.monotonic() - started:.0f} s")
    print(res.stderr[-3000:])
    f.check(res.returncode == 1, f"exit status 1 (some plans not read): {res.returncode}")
    f.check(not our_soffices(str(tmp)), f"no soffice of the run left: {our_soffices(str(tmp))}")
    pids = [int(x) for x in re.findall(r"soffice pid (\d+)", res.stderr)]
    f.check(pids and not any(Path(f"/proc/{p}").exists() and
                             "soffice" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")
                             for p in pids), f"every office --verbose named is gone: {pids}")
    after = {**{f"plans/{k}": v for k, v in digest(plans_dir).items()},
             **{f"extra/{k}": v for k, v in digest(extra_dir).items()}}
    f.check(before == after, "inputs' bytes and folders unchanged: "
            f"{sorted(set(before.items()) ^ set(after.items()))}")
    for given, reason in faults.items():
        f.check(re.search(re.escape(given) + r": not read: .*" + re.escape(reason), res.stderr)
                is not None, f"stderr reports {given}: {reason}")
    if not (tmp / "TEAM.ods").is_file() or not (tmp / "TEAM.csv").is_file():
        f.check(False, "TEAM.ods and TEAM.csv written")
        return

    # Expected rows: the folder's files sorted by name (p03.xlsx given again: read once).
    order = sorted(good, key=lambda p: p.file)
    convs = [sum(m[2] for m in p.months) / sum(m[3] for m in p.months) for p in order]
    team_conv = sum(sum(m[2] for m in p.months) for p in order) / \
        sum(sum(m[3] for m in p.months) for p in order)
    expected = [expected_row(p, team_conv, max(convs)) for p in order]
    with lpcalc.Office(oxt=oxt, timeout=600) as office:
        rows, total, files, charts = team_table(office, tmp / "TEAM.ods")
    f.check(len(rows) == len(order), f"one Team row per good plan ({len(order)}): {len(rows)}")
    for p, exp, row in zip(order, expected, rows):
        name = p.name or p.file
        f.check(row["t_name"][:2] == ("TEXT", name), f"{p.file}: name {row['t_name']}, expected text {name!r}")
        for key, value in exp.items():
            kind, got, err = row[key]
            f.check(err == 0 and near(got, value),
                    f"{p.file}: {gw.TEXT['en'][key]} is {got} (error {err}), expected {value}")
        cm_kind = row["t_cm"][0]
        if p.cm is None:
            f.check(cm_kind == "EMPTY", f"{p.file}: blank marketing conversion is {cm_kind}, not empty")
        else:
            f.check(cm_kind == "VALUE" and near(row["t_cm"][1], p.cm),
                    f"{p.file}: marketing conversion {row['t_cm']}, expected {p.cm}")
    f.check(total["_label"] == "Team total", f"total row label Team total: {total['_label']!r}")
    for key in ("t_target", "t_rev_ly", "t_orders", "t_new", "t_leads", "t_proactive",
                "t_proactive_rev", "t_best", "t_from_marketing", "t_own"):
        want = sum(e[key] for e in expected)
        f.check(near(total.get(key, float("nan")), want), f"total {key} {total.get(key)}, expected {want}")
    f.check(near(total["t_conv"], team_conv), f"team conversion {total['t_conv']}, expected {team_conv}")
    first, last = gw.TEAM_FIRST_ROW - 1, gw.TEAM_FIRST_ROW - 2 + len(order)
    f.check(bool(charts) and all(e == last for _, e in charts) and any(s == first for s, _ in charts),
            f"chart ranges {charts}, expected rows {first}..{last} (0-based)")
    listed = {r[0]: r for r in files[1:]}
    for given, reason in faults.items():
        row = listed.get(given)
        f.check(row is not None and row[1] == "not read" and reason in row[2],
                f"Files sheet: {given} not read, {reason!r}: {row}")
    f.check(sum(1 for r in files[1:] if r[1] == "read") == len(order),
            f"Files sheet lists {sum(1 for r in files[1:] if r[1] == 'read')} read files")

    # CSV: FILE then every single-cell name in docs/names.md order; shortest numbers.
    import lpnames
    table = read_csv(tmp / "TEAM.csv")
    names = [n.name for n in lpnames.documented() if n.single_cell]
    f.check(table[0] == ["FILE"] + names, f"CSV header FILE + docs/names.md single-cell names: {table[0]}")
    article = dict(zip(table[0], table[1]))
    want = {"FILE": "plans/p00.ods", "LP_NAME": "Article", "LP_TARGET": "1000000",
            "LP_EXISTING_ORDERS": "30", "LP_MARKETING_CONVERSION": "", "LP_CONVERSION": "0.2",
            "LP_ORDER_SIZE": "20000", "LP_MARKETING_LEADS": "60", "LP_PROACTIVE_LEADS": "40",
            "LP_PROACTIVE_REVENUE": "160000", "LP_LAST_YEAR_REVENUE": "960000"}
    for k, v in want.items():
        f.check(article.get(k) == v, f"CSV {k} = {article.get(k)!r}, expected {v!r}")
    for p, exp, line in zip(order, expected, table[1:]):
        row = dict(zip(table[0], line))
        for name, key in (("LP_ORDER_SIZE", "t_size"), ("LP_CONVERSION", "t_conv"),
                          ("LP_REQUIRED_ORDERS", "t_orders"), ("LP_PROACTIVE_LEADS", "t_proactive"),
                          ("LP_PROACTIVE_REVENUE", "t_proactive_rev")):
            f.check(near(float(row[name]), exp[key]), f"CSV {p.file} {name} {row[name]}, expected {exp[key]}")
        f.check(repr(float(row["LP_ORDER_SIZE"])).removesuffix(".0") == row["LP_ORDER_SIZE"],
                f"CSV {p.file}: {row['LP_ORDER_SIZE']} in the shortest round-trip form")

    # No overwrite without --force.
    team_bytes = (tmp / "TEAM.ods").read_bytes()
    res2 = run_consolidate(["-o", "TEAM.ods", "plans/p00.ods"], tmp)
    f.check(res2.returncode == 2 and "--force" in res2.stderr,
            f"second run without --force refuses with exit 2: {res2.returncode}, {res2.stderr.strip()[-300:]}")
    f.check((tmp / "TEAM.ods").read_bytes() == team_bytes, "TEAM.ods unchanged without --force")

    # Merging: two halves with --csv, then the two CSVs as PLANs.
    files_sorted = [f"plans/{p.file}" for p in order]
    half = len(files_sorted) // 2
    for tag, part in (("a", files_sorted[:half]), ("b", files_sorted[half:])):
        r = run_consolidate(["-o", f"{tag}.ods", "--csv", f"{tag}.csv", "--jobs", str(jobs), *part], tmp)
        f.check(r.returncode == 0, f"half {tag}: exit {r.returncode}\n{r.stderr[-1500:]}")
    r = run_consolidate(["-o", "merged.ods", "--csv", "merged.csv", "a.csv", "b.csv"], tmp)
    f.check(r.returncode == 0, f"merge: exit {r.returncode}\n{r.stderr[-1500:]}")
    if (tmp / "merged.csv").is_file():
        f.check(read_csv(tmp / "merged.csv") == table,
                "merged CSV rows equal the whole run's")
        with lpcalc.Office(oxt=oxt, timeout=600) as office:
            mrows, mtotal, mfiles, _ = team_table(office, tmp / "merged.ods")
        f.check(mrows == rows, "merged TEAM.ods rows equal the whole run's")
        f.check(all(r[1].startswith("read (from ") for r in mfiles[1:]),
                f"merged Files sheet: {mfiles[1:3]}")
    f.check(not our_soffices(str(tmp)), "no soffice left after the merge runs")


# ---- crash test --------------------------------------------------------------------------
def crash_test(f: Failures, oxt: Path, workbooks: Path, tmp: Path) -> None:
    rnd = random.Random(1414)
    plans_dir = tmp / "plans"
    plans_dir.mkdir()
    plans = [random_inputs(rnd, f"c{i:02d}.ods", "en", f"Crash {i}") for i in range(12)]
    with lpcalc.Office(oxt=oxt, timeout=600) as office:
        for p in plans:
            write_plan(office, workbooks, plans_dir, p)
    # The hook stops (SIGSTOP) the offices on c01 and c05: c01's is left to hang until
    # --timeout; c05's is killed by the process id --verbose names for it, so the kill
    # lands while that office holds a plan, whatever the machine's speed.
    env = dict(os.environ, TMPDIR=str(tmp / "runtmp"), PYTHONDONTWRITEBYTECODE="1",
               LEADPLAN_CONSOLIDATE_TEST_HANG="c01.ods,c05.ods")
    (tmp / "runtmp").mkdir()
    proc = subprocess.Popen([sys.executable, str(CONSOLIDATE), "--oxt", str(oxt),
                             "-o", "TEAM.ods", "--csv", "TEAM.csv",
                             "--jobs", "2", "--verbose", "--timeout", "20", "plans"],
                            cwd=tmp, env=env, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    killed: list[int] = []
    try:
        for line in proc.stderr:
            lines.append(line)
            m = re.search(r"test hook: office \d+ \(soffice pid (\d+)\) stopped on plans/c05\.ods",
                          line)
            if m:
                os.kill(int(m.group(1)), signal.SIGKILL)
                killed.append(int(m.group(1)))
                print(f"killed office pid {m.group(1)} after: {line.strip()}")
        rc = proc.wait(timeout=900)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = "".join(lines)
    print(err[-3000:])
    f.check(bool(killed), "an office was killed mid-run by its pid")
    f.check(rc == 0, f"exit status 0: {rc}")
    f.check(re.search(r"c01\.ods: LibreOffice hung on it .*retrying once in a fresh office", err)
            is not None, "the hung plan c01.ods retried in a fresh office")
    f.check(re.search(r"c05\.ods: LibreOffice died while reading it; retrying once in a "
                      r"fresh office", err) is not None,
            "the killed office's plan c05.ods retried in a fresh office")
    f.check(err.count(": read\n") == 12, f"12 of 12 plans read: {err.count(': read' + chr(10))}")
    table = read_csv(tmp / "TEAM.csv") if (tmp / "TEAM.csv").is_file() else []
    f.check([r[0] for r in table[1:]] == [f"plans/{p.file}" for p in plans],
            f"CSV rows in PLAN order: {[r[0] for r in table[1:]]}")
    f.check(not our_soffices(str(tmp)), f"no soffice of the run left: {our_soffices(str(tmp))}")


# ---- CSV form (no soffice) --------------------------------------------------------------
def csv_form_test(f: Failures) -> None:
    """Numbers in the shortest form that reads back to the same double; text quoted as the
    csv module reads it back."""
    import consolidate
    rnd = random.Random(7)
    values = [0.0, -0.0, 1.0, 1000000.0, 0.2, 0.1 + 0.2, 1e16, 1e22, 2.0 ** 53, 123456789.125,
              1 / 3, 5e-324, 1.7976931348623157e308]
    values += [rnd.uniform(-1e7, 1e7) for _ in range(2000)]
    values += [float(rnd.randint(-10 ** 12, 10 ** 12)) for _ in range(2000)]
    def whole(v: float) -> str:   # -0.0 keeps its sign: "-0" reads back as -0.0
        return ("-" if math.copysign(1.0, v) < 0 and v == 0 else "") + str(int(v))

    bad = [v for v in values if float(consolidate.number_text(v)).hex() != v.hex()
           or (v.is_integer() and abs(v) < 1e16 and consolidate.number_text(v) != whole(v))
           or len(consolidate.number_text(v)) > len(repr(v))]
    f.check(not bad, f"shortest round-trip numbers, whole numbers without '.0': {bad[:5]}")
    f.check([consolidate.number_text(v) for v in (1000000.0, 0.2, 30.0, 1e16)]
            == ["1000000", "0.2", "30", "1e+16"], "1000000, 0.2, 30, 1e+16")
    names = [n.name for n in consolidate.csv_columns()]
    plan = consolidate.Plan(given='odd, "name"\n.ods',
                            values={"LP_NAME": 'A, "quoted"\nname', "LP_TARGET": 1000000.0,
                                    "LP_MARKETING_CONVERSION": None})
    rows = list(csv.reader(consolidate.csv_text([plan]).splitlines(keepends=True)))
    row = dict(zip(rows[0], rows[1]))
    f.check(rows[0] == ["FILE"] + names and row["FILE"] == plan.given and
            row["LP_NAME"] == plan.values["LP_NAME"] and row["LP_TARGET"] == "1000000" and
            row["LP_MARKETING_CONVERSION"] == "", f"CSV quoting and blanks: {rows}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("which", choices=("main", "crash", "csv"))
    parser.add_argument("--oxt", type=Path)
    parser.add_argument("--workbooks", type=Path,
                        help="the build's example workbooks (default: the .oxt's templates)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    f = Failures()
    if args.which == "csv":
        csv_form_test(f)
        return f.verdict("e2e_consolidate_csv")
    global OXT
    OXT = args.oxt.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="leadplan-consolidate-test-"))
    try:
        workbooks = (args.workbooks.resolve() if args.workbooks
                     else templates_from_oxt(OXT, tmp / "templates"))
        if args.which == "main":
            main_test(f, OXT, workbooks, tmp, args.jobs)
        else:
            crash_test(f, OXT, workbooks, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return f.verdict(f"e2e_consolidate_{args.which}")


if __name__ == "__main__":
    sys.exit(main())

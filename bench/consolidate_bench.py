#!/usr/bin/python3
"""How fast `leadplan consolidate` reads plans, with one and with two offices (issue 14).

    bench/consolidate_bench.py --oxt build/packaging/leadplan.oxt \
        --workbooks build/packaging/workbooks [--plans 1000] [--rounds 1]

Not timed: 1,000 plans are made from the built template workbooks (en and nl, every
fourth as .xlsx): 40 distinct plans with different inputs, typed into their named cells
in a headless Calc (tests/e2e/make_plans.py), each copied under 25 file names, so Calc
really opens, recalculates, reads and closes 1,000 files.
Timed: the whole command (`scripts/consolidate.py -o TEAM.ods --csv TEAM.csv PLANS`) with
--jobs 1 and --jobs 2, wall clock from start to exit, so office starts, the extension
install and writing TEAM.ods count too. Each round runs both, in alternating order; the
ratio is per round (same load), and the median is printed.
Printed: seconds, plans per second, the ratio, and each office's resident memory after
its last plan (from --verbose). Targets (issue 14): 1,000 in < 90 s with --jobs 2,
jobs 2 >= 1.3x jobs 1, no office above 1 GiB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests" / "e2e"))
import lpcalc  # noqa: E402
from make_plans import random_inputs, write_plan  # noqa: E402

DISTINCT = 40


def make(oxt: Path, workbooks: Path, folder: Path, count: int) -> None:
    rnd = random.Random(1000)
    seeds = folder / "seeds"
    seeds.mkdir()
    with lpcalc.Office(oxt=oxt, timeout=1800) as office:
        made = []
        for i in range(DISTINCT):
            suffix = ".xlsx" if i % 4 == 3 else ".ods"
            p = random_inputs(rnd, f"s{i:02d}{suffix}", "en" if i % 2 == 0 else "nl", f"AM {i}")
            made.append(write_plan(office, workbooks, seeds, p))
    plans = folder / "plans"
    plans.mkdir()
    for n in range(count):
        src = made[n % DISTINCT]
        shutil.copyfile(src, plans / f"plan{n:04d}{src.suffix}")


def timed(jobs: int, folder: Path, oxt: Path) -> tuple[float, list[tuple[int, float, float]], int, str]:
    out = folder / f"team-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    env = dict(os.environ, TMPDIR=str(folder / "tmp"), PYTHONDONTWRITEBYTECODE="1")
    (folder / "tmp").mkdir(exist_ok=True)
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, str(REPO / "scripts" / "consolidate.py"), "--oxt", str(oxt),
                          "-o", str(out / "TEAM.ods"), "--csv", str(out / "TEAM.csv"),
                          "--jobs", str(jobs), "--verbose", str(folder / "plans")],
                         env=env, capture_output=True, text=True)
    seconds = time.monotonic() - t0
    memory = [(int(m.group(1)), float(m.group(2)), float(m.group(3) or 0)) for m in
              re.finditer(r"after (\d+) plans, resident memory (\d+) MiB after its last plan"
                          r"(?:, CPU ([0-9.]+) s)?", res.stderr)]
    return seconds, memory, res.returncode, res.stderr[-800:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oxt", type=Path, default=REPO / "build" / "packaging" / "leadplan.oxt")
    parser.add_argument("--workbooks", type=Path, default=REPO / "build" / "packaging" / "workbooks")
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="leadplan-consolidate-bench-"))
    try:
        print(f"making {args.plans} plans (not timed) ...", flush=True)
        make(args.oxt.resolve(), args.workbooks.resolve(), folder, args.plans)
        print(f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        ratios, results = [], {1: [], 2: []}
        for r in range(args.rounds):
            order = (1, 2) if r % 2 == 0 else (2, 1)
            per = {}
            for jobs in order:
                seconds, memory, rc, tail = timed(jobs, folder, args.oxt.resolve())
                if rc != 0:
                    print(f"--jobs {jobs} exited {rc}:\n{tail}")
                    return 1
                per[jobs] = seconds
                results[jobs].append((seconds, memory))
                rss = ", ".join(f"{mib:.0f} MiB after {n} plans ({cpu / max(1, n) * 1000:.0f} ms "
                                f"soffice CPU per plan)" for n, mib, cpu in memory)
                print(f"round {r + 1} --jobs {jobs}: {seconds:.1f} s, {args.plans / seconds:.1f} plans/s; "
                      f"offices: {rss}; load average {os.getloadavg()[0]:.1f}", flush=True)
            ratios.append(per[1] / per[2])
            print(f"round {r + 1}: jobs 2 / jobs 1 plans per second = {ratios[-1]:.2f}x", flush=True)
        best = {j: min(s for s, _ in results[j]) for j in (1, 2)}
        peak = max(mib for j in (1, 2) for _, mem in results[j] for _, mib, _ in mem)
        print(f"\n{args.plans} plans: --jobs 1 {best[1]:.1f} s ({args.plans / best[1]:.1f} plans/s), "
              f"--jobs 2 {best[2]:.1f} s ({args.plans / best[2]:.1f} plans/s) (best of {args.rounds}); "
              f"ratio (median of rounds) {statistics.median(ratios):.2f}x; "
              f"largest office {peak:.0f} MiB")
        print(f"targets: --jobs 2 < 90 s: {'met' if best[2] < 90 else 'MISSED'}; ratio >= 1.3: "
              f"{'met' if statistics.median(ratios) >= 1.3 else 'MISSED'}; office <= 1024 MiB: "
              f"{'met' if peak <= 1024 else 'MISSED'}")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

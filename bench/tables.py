#!/usr/bin/python3
"""Markdown tables of one benchmark run, for docs/performance.md.

    bench/tables.py build-bench/bench/results.json
"""

import json
import sys

FUNCTIONS = ["requiredOrders", "newCustomerOrders", "requiredLeads", "proactiveLeads",
             "proactiveRevenue", "achievableRevenue", "requiredConversion",
             "averageOrderSize", "conversionRate", "proactivePlan"]


def main() -> int:
    data = json.load(open(sys.argv[1]))
    v = data["values"]

    def f(key, digits=2):
        return f"{v[key]:.{digits}f}" if key in v else "–"

    print("| function | floor µs/cell | LeadPlan µs/cell | LeadPlan / floor | ratio of best times "
          "| native µs/cell | native cells off by float noise |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in FUNCTIONS:
        shown = name.upper() + (" (INDEX(…;6;2))" if name == "proactivePlan" else "")
        print(f"| {shown} | {f(f'floor.{name}.us_per_cell')} | "
              f"{f(f'leadplan.{name}.us_per_cell')} | {f(f'ratio.{name}.over_floor')} | "
              f"{f(f'ratio.{name}.over_floor.of_best_times')} | "
              f"{f(f'native.{name}.us_per_cell')} | "
              f"{int(v.get(f'native.{name}.cells_off_by_float_noise', 0))} |")
    print()
    print("| figure | value |")
    print("|---|---:|")
    rows = [
        ("PROACTIVELEADS as one array formula, µs per element", "array.proactiveLeads.us_per_cell", 2),
        ("array / per-cell (median of the rounds' ratios)", "ratio.array_over_per_cell", 2),
        ("array / per-cell, ratio of best times", "ratio.array_over_per_cell.of_best_times", 2),
        ("Team sheet, 10,000 managers, LeadPlan formulas: full recalculation, ms", "team.leadplan.ms", 0),
        ("Team sheet, same with native formulas, ms", "team.native.ms", 0),
        ("Team LeadPlan / native", "ratio.team.leadplan_over_native", 2),
        ("Team cells the native formulas get wrong (float noise)", "team.native.cells_off_by_float_noise", 0),
        ("start to first computed cell, without the extension, median ms", "startup.without_extension.median_ms", 0),
        ("start to first PROACTIVELEADS cell, with the extension, median ms", "startup.with_extension.median_ms", 0),
        ("with / without (median of the rounds' ratios)", "ratio.startup.with_over_without", 3),
        ("with / without, ratio of the medians", "ratio.startup.with_over_without.of_medians", 3),
        ("start to first native cell, with the extension, median ms", "startup.with_extension_native_cell.median_ms", 0),
        ("start to first native cell, with only the floor extension, median ms", "startup.with_floor_extension_native_cell.median_ms", 0),
        ("soffice CPU time to first cell, without / with the extension, median ms",
         None, 0),
        ("unopkg add leadplan.oxt, median ms", "unopkg_add.leadplan.median_ms", 0),
    ]
    for label, key, digits in rows:
        if key is None:
            value = (f"{f('startup.without_extension.median_cpu_ms', 0)} / "
                     f"{f('startup.with_extension.median_cpu_ms', 0)}")
        else:
            value = f(key, digits)
        print(f"| {label} | {value} |")
    print()
    print("| core function | ns per evaluation, best | median |")
    print("|---|---:|---:|")
    for key in sorted(k for k in v if k.startswith("core.") and k.endswith(".ns")):
        print(f"| {key[5:-3]} | {v[key]:.1f} | {f(key[:-3] + '.median_ns', 1)} |")
    print()
    print("| target | limit | measured | |")
    print("|---|---:|---:|---|")
    for t in data["targets"]:
        print(f"| {t['name']} | {t['limit']:g} | {t['measured']:.3g} | "
              f"{'met' if t['met'] else '**missed**'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

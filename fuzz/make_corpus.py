#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_core into fuzz/corpus/ (replacing what is there).

Layout (see fuzz_core.cpp): selector byte, presence-flags byte, then per argument a
kind byte; kind 255 is followed by the raw little-endian double, which is all the seeds
use so they do not depend on fuzz_core's table of special values. Seeds cover every
function with the article's examples, each rounding mode, and each kind of bad input a
user can type, so fuzzing starts next to every branch of the core.
"""
import math
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

SELECTOR = {
    "requiredOrders": 0, "newCustomerOrders": 1, "requiredLeads": 2, "proactiveLeads": 3,
    "proactiveRevenue": 4, "achievableRevenue": 5, "requiredConversion": 6,
    "averageOrderSize": 7, "conversionRate": 8, "proactivePlan": 9, "tolerantCeil": 10,
    "averageOrderSizeNumbers": 11, "conversionRateOfTotals": 12,
}
# Optional arguments in order; None means left out.
OPTIONALS = {"requiredOrders": 1, "newCustomerOrders": 1, "requiredLeads": 1,
             "proactiveLeads": 2, "proactiveRevenue": 1, "achievableRevenue": 1,
             "requiredConversion": 1, "proactivePlan": 2}

INF = math.inf
NAN = math.nan


def number(x):
    return bytes([255]) + struct.pack("<d", x)


def seed(function, *args):
    """args: the required arguments, then the optional ones (None = left out)."""
    optional_count = OPTIONALS.get(function, 0)
    required = args[: len(args) - optional_count] if optional_count else args
    optional = args[len(args) - optional_count:] if optional_count else ()
    flags = 0
    body = b"".join(number(x) for x in required)
    for bit, value in enumerate(optional):
        if value is not None:
            flags |= 1 << bit
        body += number(0.0 if value is None else value)
    return bytes([SELECTOR[function], flags]) + body


def ranges(function, *blocks):
    """blocks: lists of rows (at most 3 x 3), one per argument."""
    body = b""
    for rows in blocks:
        columns = len(rows[0]) if rows else 0
        body += bytes([len(rows) | (columns << 2)])
        body += b"".join(number(x) for row in rows for x in row)
    return bytes([SELECTOR[function], 0]) + body


def seeds():
    article = (1_000_000, 20_000, 30, 0.2, 60)
    uneven = (1_000_000, 30_000, 30, 0.2, 10)
    quality = (1_500_000, 20_000, 30, 0.25, 60)
    T, S, E, c, M = article
    yield "orders-article", seed("requiredOrders", T, S, None)
    yield "orders-noise", seed("requiredOrders", 2.1, 0.7, 1)
    yield "orders-overflow", seed("requiredOrders", 1e308, 1e-308, 2)
    yield "orders-mode-half", seed("requiredOrders", T, S, 0.5)
    yield "new-orders-r0", seed("newCustomerOrders", *uneven[:3], 0)
    yield "new-orders-existing-cover", seed("newCustomerOrders", T, S, 1e300, None)
    yield "leads-uneven-r2", seed("requiredLeads", *uneven[:4], 2)
    yield "leads-tiny-c", seed("requiredLeads", T, S, E, 1e-308, 1)
    yield "leads-c-above-1", seed("requiredLeads", T, S, E, 1.5, None)
    for mode in (None, 0, 1, 2):
        yield f"proactive-leads-article-r{mode}", seed("proactiveLeads", *article, None, mode)
        yield f"plan-uneven-r{mode}", seed("proactivePlan", *uneven, None, mode)
    yield "proactive-leads-quality", seed("proactiveLeads", *quality, 0.1, None)
    yield "proactive-leads-marketing-covers", seed("proactiveLeads", T, S, E, 1e-300, 1e300, 1, 1)
    yield "proactive-leads-cm-negative", seed("proactiveLeads", *article, -0.1, None)
    yield "proactive-leads-nan", seed("proactiveLeads", NAN, S, E, c, M, None, None)
    yield "proactive-leads-inf-marketing", seed("proactiveLeads", T, S, E, c, INF, None, None)
    yield "revenue-quality", seed("proactiveRevenue", *quality, 0.1)
    yield "revenue-overflow-bounded", seed("proactiveRevenue", T, 1e300, 1e300, c, 1e300, 1)
    yield "revenue-negative-target", seed("proactiveRevenue", -1, S, E, c, M, None)
    yield "achievable-article", seed("achievableRevenue", S, E, c, M, 40, None)
    yield "achievable-overflow", seed("achievableRevenue", 1e308, 1e308, 1, 1e308, 1e308, 1)
    yield "achievable-subnormal", seed("achievableRevenue", 5e-324, 0, 1e-308, 0, 5e-324, 0)
    yield "conversion-article", seed("requiredConversion", T, S, E, 100, None)
    yield "conversion-zero-leads", seed("requiredConversion", T, S, E, 0, 2)
    yield "conversion-huge", seed("requiredConversion", 1e308, 1e-10, 0, 1e-308, 0)
    yield "plan-quality-cm", seed("proactivePlan", *quality, 0.1, 2)
    yield "plan-overflow", seed("proactivePlan", 1e308, 1e-308, 0, 1e-308, 0, None, 1)
    yield "plan-mode-3", seed("proactivePlan", *article, None, 3)
    yield "plan-zero-target", seed("proactivePlan", 0, S, E, 1, 0, 0, 0)
    yield "ceil-noise", seed("tolerantCeil", 2.1 / 0.7)
    yield "ceil-negative", seed("tolerantCeil", -2.5)
    yield "ceil-huge", seed("tolerantCeil", 1e308)
    yield "ceil-nan", seed("tolerantCeil", NAN)
    yield "average-ranges", ranges("averageOrderSize", [[100_000, 200_000], [300_000, 0]],
                                   [[5, 5], [10, 0]])
    yield "average-empty-orders", ranges("averageOrderSize", [[1.0]], [])
    yield "average-sum-overflow", ranges("averageOrderSize", [[1e308, 1e308]], [[1.0]])
    yield "average-numbers", seed("averageOrderSizeNumbers", 1e6, 50)
    yield "rate-ranges", ranges("conversionRate", [[2], [3], [5]], [[10, 10], [20, 10]])
    yield "rate-won-above-leads", ranges("conversionRate", [[11]], [[10]])
    yield "rate-nan-cell", ranges("conversionRate", [[NAN]], [[10]])
    yield "rate-totals", seed("conversionRateOfTotals", 20, 100)
    yield "rate-totals-negative", seed("conversionRateOfTotals", -1, 100)


def main():
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.iterdir():
        old.unlink()
    count = 0
    for name, data in seeds():
        (CORPUS / name).write_bytes(data)
        count += 1
    print(f"wrote {count} seeds to {CORPUS}")


if __name__ == "__main__":
    main()

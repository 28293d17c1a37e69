#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers, replacing what is there:
fuzz/corpus/ for fuzz_core and fuzz/corpus-addin/ for fuzz_addin.

Layouts (see fuzz_core.cpp, fuzz_addin.cpp): selector byte, flags byte, then per argument
an encoded number: kind byte 255 and the raw little-endian double, which is all the seeds
use, so they do not depend on the fuzzers' table of special values (fuzz_input.hpp).
fuzz_addin's `any` arguments are a kind byte (see anyArgument) and its payload. Seeds
cover every function with the article's examples, each rounding mode, and each kind of
bad input a user can type, so fuzzing starts next to every branch.
"""
import math
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent

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


# fuzz_addin: method selectors in IDL order, then 10 = the XAddIn name lookups.
ADDIN_SELECTOR = {name: i for i, name in enumerate([
    "requiredOrders", "newCustomerOrders", "requiredLeads", "proactiveLeads",
    "proactiveRevenue", "achievableRevenue", "requiredConversion", "averageOrderSize",
    "conversionRate", "proactivePlan", "names"])}
DUTCH = 4


def text(value):
    units = value.encode("utf-16-le", errors="surrogatepass")
    return bytes([len(value)]) + units


class Any:
    """Encoders of fuzz_addin's `any` kinds."""
    void = bytes([0])

    @staticmethod
    def double(x):
        return bytes([1]) + number(x)

    @staticmethod
    def int32(x):
        return bytes([6]) + struct.pack("<i", x)

    @staticmethod
    def int64(x):
        return bytes([8]) + struct.pack("<q", x)

    @staticmethod
    def float(x):
        return bytes([2]) + struct.pack("<f", x)

    @staticmethod
    def text(value):
        return bytes([10]) + text(value)

    @staticmethod
    def boolean(value):
        return bytes([11, 0 if value else 1])

    @staticmethod
    def range(rows):
        """rows of cells: None (empty), a number, a str or a bool."""
        columns = len(rows[0]) if rows else 0
        body = bytes([12, len(rows) | (columns << 2)])
        for row in rows:
            for cell in row:
                if cell is None:
                    body += bytes([0])
                elif isinstance(cell, bool):
                    body += bytes([3, 0 if cell else 1])
                elif isinstance(cell, str):
                    body += bytes([2]) + text(cell)
                else:
                    body += bytes([1]) + number(cell)
        return body


def call(method, numbers, anys=(), flags=0):
    return (bytes([ADDIN_SELECTOR[method], flags]) + b"".join(number(x) for x in numbers)
            + b"".join(anys))


def block(rows):
    columns = len(rows[0]) if rows else 0
    return bytes([len(rows) | (columns << 2)]) + b"".join(number(x) for r in rows for x in r)


def names(pick, index, locale_kind, country="", variant=""):
    """pick: method index (< 10) or a str for an unknown name."""
    body = bytes([ADDIN_SELECTOR["names"], 0])
    body += bytes([pick]) if isinstance(pick, int) else bytes([200]) + text(pick)
    body += bytes([2 * (index + 2)]) if -2 <= index < 125 else bytes([1]) + struct.pack("<i", index)
    body += bytes([locale_kind]) if isinstance(locale_kind, int) else bytes([9]) + text(locale_kind)
    body += text(country)
    if locale_kind != 4:
        body += text(variant)
    return body


def addin_seeds():
    article = (1_000_000, 20_000, 30, 0.2, 60)
    uneven = (1_000_000, 30_000, 30, 0.2, 10)
    T, S, E, c, M = article
    yield "orders-left-out", call("requiredOrders", (T, S), [Any.void])
    yield "orders-mode-int", call("requiredOrders", uneven[:2], [Any.int32(2)])
    yield "orders-mode-text", call("requiredOrders", (T, S), [Any.text("1")])
    yield "orders-mode-bool", call("requiredOrders", (T, S), [Any.boolean(True)])
    yield "orders-mode-range", call("requiredOrders", (T, S), [Any.range([[1, "x"], [None, True]])])
    yield "orders-mode-hyper", call("requiredOrders", (T, S), [Any.int64(2**62)])
    yield "orders-mode-float", call("requiredOrders", (T, S), [Any.float(0.5)])
    yield "new-orders-r0", call("newCustomerOrders", uneven[:3], [Any.double(0)])
    yield "leads-r2", call("requiredLeads", uneven[:4], [Any.double(2)])
    yield "leads-nan-mode", call("requiredLeads", uneven[:4], [Any.double(math.nan)])
    yield "proactive-leads-article", call("proactiveLeads", article, [Any.void, Any.void])
    yield "proactive-leads-quality", call("proactiveLeads", (1_500_000, 20_000, 30, 0.25, 60),
                                          [Any.double(0.1), Any.void])
    yield "proactive-leads-both-text", call("proactiveLeads", article,
                                            [Any.text("10%"), Any.text("")])
    yield "proactive-leads-inf-target", call("proactiveLeads", (math.inf, S, E, c, M),
                                             [Any.void, Any.double(1)])
    yield "revenue-cm-range", call("proactiveRevenue", article, [Any.range([[0.1]])])
    yield "revenue-quality", call("proactiveRevenue", (1_500_000, 20_000, 30, 0.25, 60),
                                  [Any.double(0.1)])
    yield "achievable-article", call("achievableRevenue", (S, E, c, M, 40), [Any.void])
    yield "achievable-overflow", call("achievableRevenue", (1e308, 1e308, 1, 1e308, 1e308),
                                      [Any.int32(1)])
    yield "conversion-article", call("requiredConversion", (T, S, E, 100), [Any.void])
    yield "conversion-zero-leads", call("requiredConversion", (T, S, E, 0), [Any.double(1)])
    yield "average-ranges", (bytes([ADDIN_SELECTOR["averageOrderSize"], 0])
                             + block([[100_000, 200_000], [300_000, 0]]) + block([[5, 5], [10, 0]]))
    yield "average-empty", bytes([ADDIN_SELECTOR["averageOrderSize"], 0]) + block([]) + block([])
    yield "rate-ranges", (bytes([ADDIN_SELECTOR["conversionRate"], 0])
                          + block([[2], [3], [5]]) + block([[10, 10], [20, 10]]))
    yield "rate-won-above", (bytes([ADDIN_SELECTOR["conversionRate"], 0])
                             + block([[11]]) + block([[10]]))
    for mode in (0, 1, 2):
        yield f"plan-uneven-r{mode}", call("proactivePlan", uneven, [Any.void, Any.double(mode)])
    yield "plan-dutch", call("proactivePlan", article, [Any.void, Any.void], flags=DUTCH)
    yield "plan-overflow", call("proactivePlan", (1e308, 1e-308, 0, 1e-308, 0),
                                [Any.void, Any.void])
    yield "plan-cm-bool", call("proactivePlan", article, [Any.boolean(False), Any.void])
    yield "names-en", names(3, 0, 0, "US")
    yield "names-nl", names(9, 6, 1, "NL")
    yield "names-qlt", names(0, 2, 4)
    yield "names-index-past-end", names(3, 7, 0)
    yield "names-index-negative", names(3, -1, 0)
    yield "names-index-huge", names(8, 2**31 - 1, 2)
    yield "names-unknown", names("PROACTIVELEADS", 0, 3)
    yield "names-surrogate", names("\ud800x", 0, "zz-\udfff")


def write(folder, corpus):
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    count = 0
    for name, data in corpus:
        (folder / name).write_bytes(data)
        count += 1
    print(f"wrote {count} seeds to {folder}")


def main():
    write(HERE / "corpus", seeds())
    write(HERE / "corpus-addin", addin_seeds())


if __name__ == "__main__":
    main()

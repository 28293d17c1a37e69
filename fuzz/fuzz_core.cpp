// libFuzzer target over the core's public entry points (core/include/leadplan/leadplan.hpp).
//
// A Calc user can type any number into any argument, so every entry point must either
// return a finite number or throw leadplan::InvalidArgument naming an argument (or 0 for
// "the result"). Beyond that, this target checks the parts of the contract (issue 2) that
// hold for every input, so a mutation that breaks them aborts with a readable message:
//   - invalid arguments are always rejected, and the error names one of them;
//   - valid arguments are only rejected with position 0 (overflow), and never for
//     PROACTIVEREVENUE, whose result is bounded by T;
//   - results are never negative; counts are whole numbers when r is 1 or 2, and with
//     r = 2 they are exactly ceil~ of the r = 0 values;
//   - PROACTIVEPLAN is finite and agrees with the single functions, value for value.
//
// Input layout (all fields optional; missing bytes read as 0):
//   byte 0   function selector
//   byte 1   presence flags: bit 0 = first optional argument given, bit 1 = second
//   then one encoded number per argument (see Input::number in fuzz_input.hpp), optional ones
//   included so that flipping a presence bit does not shift the other arguments.
// fuzz/make_corpus.py writes seeds in this layout.

#include "fuzz_input.hpp"

#include <leadplan/leadplan.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <vector>

namespace {

using leadplan::Optional;
using leadplan::fuzz::Input;
using Range = std::vector<std::vector<double>>;

[[noreturn]] void fail(const char* function, const char* what, double value = 0.0,
                       int position = -1)
{
    std::fprintf(stderr, "fuzz_core: %s: %s (value %.17g, position %d)\n", function, what, value,
                 position);
    std::abort();
}

// The outcome of one call: a value, or the position of an InvalidArgument.
struct Outcome {
    bool ok = false;
    double value = 0.0;
    int position = -1;
};

template <class Call>
Outcome run(const char* function, Call&& call)
{
    Outcome out;
    try {
        out.value = call();
        out.ok = true;
    } catch (const leadplan::InvalidArgument& error) {
        out.position = error.position();
        // Reading the messages proves they are terminated and within their buffers.
        if (error.reason() == nullptr || std::strlen(error.reason()) == 0)
            fail(function, "InvalidArgument without a reason", 0.0, out.position);
        if (std::strlen(error.what()) == 0)
            fail(function, "InvalidArgument without a message", 0.0, out.position);
    } catch (...) {
        fail(function, "threw something other than leadplan::InvalidArgument");
    }
    return out;
}

// Contract predicates (issue 2, "Valid arguments").
bool finite(double x) { return std::isfinite(x); }
bool nonNegative(double x) { return finite(x) && x >= 0.0; }       // T, E, M, P
bool positive(double x) { return finite(x) && x > 0.0; }           // S, leads
bool ratio(double x) { return finite(x) && x > 0.0 && x <= 1.0; }  // c
bool fraction(const Optional& x) { return !x || (finite(*x) && *x >= 0.0 && *x <= 1.0); }  // cm
bool mode(const Optional& r) { return !r || *r == 0.0 || *r == 1.0 || *r == 2.0; }

// Bit p set: argument p is invalid. Empty: all valid.
unsigned invalidMask(std::initializer_list<bool> valid)
{
    unsigned mask = 0;
    unsigned position = 1;
    for (bool ok : valid) {
        if (!ok)
            mask |= 1u << position;
        ++position;
    }
    return mask;
}

// The rules every call obeys, given which arguments the contract calls invalid.
void check(const char* function, int argumentCount, unsigned invalid, const Outcome& out)
{
    if (out.ok) {
        if (!std::isfinite(out.value))
            fail(function, "returned a value that is not finite", out.value);
        if (invalid != 0)
            fail(function, "accepted an invalid argument", out.value);
        if (!(out.value >= 0.0))
            fail(function, "returned a negative value", out.value);
        return;
    }
    if (out.position < 0 || out.position > argumentCount)
        fail(function, "InvalidArgument position outside 0..argument count", 0.0, out.position);
    if (invalid != 0 && (out.position == 0 || (invalid & (1u << out.position)) == 0))
        fail(function, "InvalidArgument names a valid argument", 0.0, out.position);
    if (invalid == 0 && out.position != 0)
        fail(function, "rejected a valid argument", 0.0, out.position);
}

double effectiveMode(const Optional& r) { return r.value_or(1.0); }

void checkWhole(const char* function, const Optional& r, const Outcome& out)
{
    if (out.ok && effectiveMode(r) != 0.0 && std::floor(out.value) != out.value)
        fail(function, "a count with r = 1 or 2 is not a whole number", out.value);
}

// With r = 2 a count is exactly ceil~ of the r = 0 count.
template <class Count>
void checkReportedOnce(const char* function, const Optional& r, const Outcome& out, Count&& count)
{
    if (!out.ok || effectiveMode(r) != 2.0)
        return;
    const Outcome exact = run(function, [&] { return count(Optional{0.0}); });
    if (!exact.ok)
        fail(function, "r = 2 computes but r = 0 does not", out.value, exact.position);
    if (leadplan::tolerantCeil(exact.value) != out.value)
        fail(function, "r = 2 is not ceil~ of the r = 0 value", out.value);
}

void fuzzTolerantCeil(Input& in)
{
    const double x = in.number();
    const double y = leadplan::tolerantCeil(x);
    if (!std::isfinite(x))
        return;  // unspecified, but must not crash or trip a sanitizer
    if (!std::isfinite(y) || std::floor(y) != y)
        fail("tolerantCeil", "result of a finite value is not a whole number", x);
    const double nearest = std::round(x);
    const double tolerance = 1e-9 * std::max(1.0, std::fabs(x));
    const double distance = std::fabs(x - nearest);
    // Near the tolerance's edge either answer is fair: the comparison itself rounds.
    if (distance < tolerance * (1.0 - 1e-6) && y != nearest)
        fail("tolerantCeil", "noise within the tolerance changed the whole number", x);
    if (distance > tolerance * (1.0 + 1e-6) && y != std::ceil(x))
        fail("tolerantCeil", "not the ceiling of a value away from any whole number", x);
}

void fuzzPlan(double T, double S, double E, double c, double M, const Optional& cm,
              const Optional& r)
{
    const char* function = "proactivePlan";
    leadplan::Plan plan{};
    const Outcome out = run(function, [&] {
        plan = leadplan::proactivePlan(T, S, E, c, M, cm, r);
        return 0.0;
    });
    const unsigned invalid = invalidMask({nonNegative(T), positive(S), nonNegative(E), ratio(c),
                                          nonNegative(M), fraction(cm), mode(r)});
    check(function, 7, invalid, out);

    const Outcome singles[] = {
        run("requiredOrders", [&] { return leadplan::requiredOrders(T, S, r); }),
        run("newCustomerOrders", [&] { return leadplan::newCustomerOrders(T, S, E, r); }),
        run("requiredLeads", [&] { return leadplan::requiredLeads(T, S, E, c, r); }),
        run("proactiveLeads", [&] { return leadplan::proactiveLeads(T, S, E, c, M, cm, r); }),
        run("proactiveRevenue", [&] { return leadplan::proactiveRevenue(T, S, E, c, M, cm); }),
    };

    if (!out.ok) {
        bool explained = false;
        for (const Outcome& single : singles)
            explained = explained || (!single.ok && single.position == out.position);
        if (!explained)
            fail(function, "rejected arguments that no single function rejects", 0.0, out.position);
        return;
    }

    for (const Outcome& single : singles)
        if (!single.ok)
            fail(function, "computes where a single function does not", 0.0, single.position);
    const double P = singles[3].value;
    const double perMonth = effectiveMode(r) == 0.0 ? P / 12.0 : leadplan::tolerantCeil(P / 12.0);
    const double expected[leadplan::planSize] = {
        singles[0].value, E, singles[1].value, singles[2].value, M, P, singles[4].value, perMonth,
    };
    for (int i = 0; i < leadplan::planSize; ++i) {
        const double value = leadplan::planValue(plan, i);
        if (!std::isfinite(value) || !(value >= 0.0))
            fail(function, "a plan value is not finite or negative", value, i);
        if (value != expected[i])
            fail(function, "a plan value differs from its single function", value, i);
    }
}

void fuzzOne(Input& in)
{
    const std::uint8_t selector = in.byte();
    const std::uint8_t flags = in.byte();
    const bool first = (flags & 1u) != 0;
    const bool second = (flags & 2u) != 0;

    switch (selector % 13) {
    case 0: {
        const double T = in.number(), S = in.number();
        const Optional r = in.optional(first);
        const char* function = "requiredOrders";
        auto call = [&](Optional mode_) { return leadplan::requiredOrders(T, S, mode_); };
        const Outcome out = run(function, [&] { return call(r); });
        check(function, 3, invalidMask({nonNegative(T), positive(S), mode(r)}), out);
        checkWhole(function, r, out);
        checkReportedOnce(function, r, out, call);
        break;
    }
    case 1: {
        const double T = in.number(), S = in.number(), E = in.number();
        const Optional r = in.optional(first);
        const char* function = "newCustomerOrders";
        auto call = [&](Optional mode_) { return leadplan::newCustomerOrders(T, S, E, mode_); };
        const Outcome out = run(function, [&] { return call(r); });
        check(function, 4, invalidMask({nonNegative(T), positive(S), nonNegative(E), mode(r)}),
              out);
        checkWhole(function, r, out);
        checkReportedOnce(function, r, out, call);
        break;
    }
    case 2: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number();
        const Optional r = in.optional(first);
        const char* function = "requiredLeads";
        auto call = [&](Optional mode_) { return leadplan::requiredLeads(T, S, E, c, mode_); };
        const Outcome out = run(function, [&] { return call(r); });
        check(function, 5,
              invalidMask({nonNegative(T), positive(S), nonNegative(E), ratio(c), mode(r)}), out);
        checkWhole(function, r, out);
        checkReportedOnce(function, r, out, call);
        break;
    }
    case 3: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                     M = in.number();
        const Optional cm = in.optional(first);
        const Optional r = in.optional(second);
        const char* function = "proactiveLeads";
        auto call = [&](Optional mode_) {
            return leadplan::proactiveLeads(T, S, E, c, M, cm, mode_);
        };
        const Outcome out = run(function, [&] { return call(r); });
        check(function, 7,
              invalidMask({nonNegative(T), positive(S), nonNegative(E), ratio(c), nonNegative(M),
                           fraction(cm), mode(r)}),
              out);
        checkWhole(function, r, out);
        checkReportedOnce(function, r, out, call);
        // With r = 1 the chain runs on the whole N it reports, so marketing covering that N
        // leaves no proactive leads, however large N / c would be. (With r = 2 the chain
        // runs on the exact N: a reported N of 0 may still need leads.)
        if (out.ok && effectiveMode(r) == 1.0) {
            const Outcome N =
                run("newCustomerOrders", [&] { return leadplan::newCustomerOrders(T, S, E, r); });
            if (N.ok && N.value - M * cm.value_or(c) <= 0.0 && out.value != 0.0)
                fail(function, "marketing covers all new-customer orders, yet P > 0", out.value);
        }
        break;
    }
    case 4: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                     M = in.number();
        const Optional cm = in.optional(first);
        const char* function = "proactiveRevenue";
        const Outcome out =
            run(function, [&] { return leadplan::proactiveRevenue(T, S, E, c, M, cm); });
        const unsigned invalid = invalidMask(
            {nonNegative(T), positive(S), nonNegative(E), ratio(c), nonNegative(M), fraction(cm)});
        check(function, 6, invalid, out);
        // max(0, T - ...) is at most T: an overflowing (E + M*cm)*S only means 0.
        if (invalid == 0 && !out.ok)
            fail(function, "a bounded result was reported as not finite", 0.0, out.position);
        if (out.ok && out.value > T)
            fail(function, "proactive revenue above the target", out.value);
        break;
    }
    case 5: {
        const double S = in.number(), E = in.number(), c = in.number(), M = in.number(),
                     P = in.number();
        const Optional cm = in.optional(first);
        const char* function = "achievableRevenue";
        const Outcome out =
            run(function, [&] { return leadplan::achievableRevenue(S, E, c, M, P, cm); });
        check(function, 6,
              invalidMask({positive(S), nonNegative(E), ratio(c), nonNegative(M), nonNegative(P),
                           fraction(cm)}),
              out);
        break;
    }
    case 6: {
        const double T = in.number(), S = in.number(), E = in.number(), leads = in.number();
        const Optional r = in.optional(first);
        const char* function = "requiredConversion";
        auto call = [&](Optional mode_) {
            return leadplan::requiredConversion(T, S, E, leads, mode_);
        };
        const Outcome out = run(function, [&] { return call(r); });
        check(function, 5,
              invalidMask({nonNegative(T), positive(S), nonNegative(E), positive(leads), mode(r)}),
              out);
        break;
    }
    case 7: {
        const Range revenue = in.block<Range>(), orders = in.block<Range>();
        const char* function = "averageOrderSize";
        const Outcome out =
            run(function, [&] { return leadplan::averageOrderSize(revenue, orders); });
        const double sumRevenue = leadplan::total(revenue), sumOrders = leadplan::total(orders);
        check(function, 2, invalidMask({nonNegative(sumRevenue), positive(sumOrders)}), out);
        if (out.ok && out.value != sumRevenue / sumOrders)
            fail(function, "not sum(revenue) / sum(orders)", out.value);
        break;
    }
    case 8: {
        const Range won = in.block<Range>(), leads = in.block<Range>();
        const char* function = "conversionRate";
        const Outcome out = run(function, [&] { return leadplan::conversionRate(won, leads); });
        const double sumWon = leadplan::total(won), sumLeads = leadplan::total(leads);
        unsigned invalid = invalidMask({nonNegative(sumWon), positive(sumLeads)});
        // More won than leads: either argument may be the one named.
        if (invalid == 0 && sumWon > sumLeads)
            invalid = invalidMask({false, false});
        check(function, 2, invalid, out);
        if (out.ok && (out.value > 1.0 || out.value != sumWon / sumLeads))
            fail(function, "not sum(won) / sum(leads) within [0, 1]", out.value);
        break;
    }
    case 9: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                     M = in.number();
        const Optional cm = in.optional(first);
        const Optional r = in.optional(second);
        fuzzPlan(T, S, E, c, M, cm, r);
        break;
    }
    case 10:
        fuzzTolerantCeil(in);
        break;
    case 11: {  // single numbers instead of ranges, through the same template
        const double revenue = in.number(), orders = in.number();
        const char* function = "averageOrderSize(number)";
        const Outcome out =
            run(function, [&] { return leadplan::averageOrderSize(revenue, orders); });
        check(function, 2, invalidMask({nonNegative(revenue), positive(orders)}), out);
        break;
    }
    default: {
        const double won = in.number(), leads = in.number();
        const char* function = "conversionRateOfTotals";
        const Outcome out =
            run(function, [&] { return leadplan::conversionRateOfTotals(won, leads); });
        unsigned invalid = invalidMask({nonNegative(won), positive(leads)});
        if (invalid == 0 && won > leads)
            invalid = invalidMask({false, false});
        check(function, 2, invalid, out);
        break;
    }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    fuzzOne(in);
    return 0;
}

// Examples, rounding modes and every invalid argument of the contract (issue 2).
// Expected values are the article's and the contract's, computed by hand.
#define BOOST_TEST_MODULE leadplan_core
#include <boost/test/unit_test.hpp>

#include "leadplan/leadplan.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "test_support.hpp"

using namespace leadplan;
using namespace leadplan::test;

BOOST_AUTO_TEST_SUITE(article)

// Target 1,000,000, average order 20,000, 30 existing orders, 20% conversion, 60 marketing leads.
BOOST_AUTO_TEST_CASE(worked_example)
{
    BOOST_TEST(requiredOrders(1e6, 20000) == 50.0);
    BOOST_TEST(newCustomerOrders(1e6, 20000, 30) == 20.0);
    BOOST_TEST(requiredLeads(1e6, 20000, 30, 0.2) == 100.0);
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 0.2, 60) == 40.0);
    BOOST_TEST(proactiveRevenue(1e6, 20000, 30, 0.2, 60) == 160000.0);
    BOOST_TEST(achievableRevenue(20000, 30, 0.2, 60, 40) == 1e6);
    BOOST_TEST(requiredConversion(1e6, 20000, 30, 100) == 0.2);
}

BOOST_AUTO_TEST_CASE(worked_example_in_every_mode)
{
    for (double r : {0.0, 1.0, 2.0}) {
        BOOST_TEST_CONTEXT("r = " << r)
        {
            BOOST_TEST(requiredOrders(1e6, 20000, r) == 50.0, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(newCustomerOrders(1e6, 20000, 30, r) == 20.0, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(requiredLeads(1e6, 20000, 30, 0.2, r) == 100.0, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(proactiveLeads(1e6, 20000, 30, 0.2, 60, {}, r) == 40.0, boost::test_tools::tolerance(1e-12));
        }
    }
}

BOOST_AUTO_TEST_CASE(whole_plan)
{
    const Plan plan = proactivePlan(1e6, 20000, 30, 0.2, 60);
    BOOST_TEST(plan.requiredOrders == 50.0);
    BOOST_TEST(plan.existingOrders == 30.0);
    BOOST_TEST(plan.newCustomerOrders == 20.0);
    BOOST_TEST(plan.requiredLeads == 100.0);
    BOOST_TEST(plan.marketingLeads == 60.0);
    BOOST_TEST(plan.proactiveLeads == 40.0);
    BOOST_TEST(plan.proactiveRevenue == 160000.0);
    BOOST_TEST(plan.proactiveLeadsPerMonth == 4.0);  // 40 / 12 = 3.33, rounded up
    const double expected[planSize] = {50, 30, 20, 100, 60, 40, 160000, 4};
    for (int i = 0; i < planSize; ++i)
        BOOST_TEST(planValue(plan, i) == expected[i]);
    BOOST_TEST(proactivePlan(1e6, 20000, 30, 0.2, 60, {}, 0.0).proactiveLeadsPerMonth == 40.0 / 12.0,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rounding_modes)

// T = 1,000,000, S = 30,000: 33.33 orders, which no salesperson can close.
BOOST_AUTO_TEST_CASE(uneven_orders_whole_at_every_step)
{
    BOOST_TEST(requiredOrders(1e6, 30000, 1.0) == 34.0);
    BOOST_TEST(newCustomerOrders(1e6, 30000, 30, 1.0) == 4.0);
    BOOST_TEST(requiredLeads(1e6, 30000, 30, 0.2, 1.0) == 20.0);
    BOOST_TEST(proactiveLeads(1e6, 30000, 30, 0.2, 10, {}, 1.0) == 10.0);
    BOOST_TEST(proactiveLeads(1e6, 30000, 30, 0.2, 10) == 10.0);  // 1 is the default
}

BOOST_AUTO_TEST_CASE(uneven_orders_rounded_once)
{
    BOOST_TEST(requiredOrders(1e6, 30000, 2.0) == 34.0);
    BOOST_TEST(newCustomerOrders(1e6, 30000, 30, 2.0) == 4.0);
    BOOST_TEST(requiredLeads(1e6, 30000, 30, 0.2, 2.0) == 17.0);
    BOOST_TEST(proactiveLeads(1e6, 30000, 30, 0.2, 10, {}, 2.0) == 7.0);
}

BOOST_AUTO_TEST_CASE(uneven_orders_exact)
{
    namespace tt = boost::test_tools;
    BOOST_TEST(requiredOrders(1e6, 30000, 0.0) == 100.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(newCustomerOrders(1e6, 30000, 30, 0.0) == 10.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(requiredLeads(1e6, 30000, 30, 0.2, 0.0) == 50.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(proactiveLeads(1e6, 30000, 30, 0.2, 10, {}, 0.0) == 20.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(requiredConversion(1e6, 30000, 30, 20, 0.0) == 1.0 / 6.0, tt::tolerance(1e-12));
    BOOST_TEST(requiredConversion(1e6, 30000, 30, 20, 1.0) == 0.2);
    BOOST_TEST(requiredConversion(1e6, 30000, 30, 20, 2.0) == 0.2);
}

BOOST_AUTO_TEST_CASE(tolerant_ceiling)
{
    // 2.1 / 0.7 is 3.0000000000000004 in binary floating point: 3 orders, not 4.
    BOOST_TEST(std::ceil(2.1 / 0.7) == 4.0);
    BOOST_TEST(requiredOrders(2.1, 0.7) == 3.0);
    BOOST_TEST(requiredOrders(2.1, 0.7, 2.0) == 3.0);
    BOOST_TEST(tolerantCeil(3.0000000000000004) == 3.0);
    BOOST_TEST(tolerantCeil(2.9999999999) == 3.0);
    BOOST_TEST(tolerantCeil(3.000001) == 4.0);
    BOOST_TEST(tolerantCeil(0.0) == 0.0);
    BOOST_TEST(tolerantCeil(1e-12) == 0.0);
    BOOST_TEST(tolerantCeil(1e-8) == 1.0);
    // The tolerance is relative: 1e-9 * 1000 = 1e-6 here.
    BOOST_TEST(tolerantCeil(1000.0000005) == 1000.0);
    BOOST_TEST(tolerantCeil(1000.000002) == 1001.0);
}

// The edge itself: within 1e-9 * max(1, |x|) is forgiven, `>` not `>=`. Below 1 the
// tolerance is 1e-9: exactly 1e-9 orders is 0 orders, the next double up is 1. From 1 up
// no double sits exactly on the edge, so each case is the last double within it and the
// first beyond (found by stepping through the doubles with the contract's formula; the
// comments give x - n against 1e-9 * x). 4e8 and up is the core's general path.
BOOST_AUTO_TEST_CASE(tolerance_edges)
{
    const auto up = [](double x) { return std::nextafter(x, 2.0 * x + 1.0); };
    const auto down = [](double x) { return std::nextafter(x, -1.0); };
    BOOST_TEST(requiredOrders(1e-9, 1) == 0.0);
    BOOST_TEST(requiredOrders(1e-9, 1, 2.0) == 0.0);
    BOOST_TEST(requiredOrders(1e-9, 1, 0.0) == 1e-9);
    BOOST_TEST(requiredOrders(1, 1e9) == 0.0);                    // 1 / 1e9 is the double 1e-9
    BOOST_TEST(requiredOrders(up(1e-9), 1) == 1.0);
    BOOST_TEST(requiredOrders(up(1e-9), 1, 2.0) == 1.0);
    BOOST_TEST(requiredLeads(1e-9, 1, 0, 1.0, 2.0) == 0.0);
    BOOST_TEST(proactiveLeads(1e-9, 1, 0, 1.0, 0, {}, 2.0) == 0.0);
    BOOST_TEST(tolerantCeil(1e-9) == 0.0);
    BOOST_TEST(tolerantCeil(down(1e-9)) == 0.0);
    BOOST_TEST(tolerantCeil(up(1e-9)) == 1.0);
    BOOST_TEST(tolerantCeil(0.5) == 1.0);
    BOOST_TEST(tolerantCeil(1.0 - 1e-9) == 1.0);                  // from below: forgiven or not, 1
    BOOST_TEST(tolerantCeil(down(1.0 - 1e-9)) == 1.0);
    BOOST_TEST(tolerantCeil(-1e-9) == 0.0);
    BOOST_TEST(tolerantCeil(-up(1e-9)) == 0.0);                   // ceil(-0.000000001...) is -0
    BOOST_TEST(tolerantCeil(-1.0 + 1e-9) == -1.0);
    BOOST_TEST(tolerantCeil(-1.0 + 1.001e-9) == 0.0);
    struct Edge {
        double n, lastWithin;
    };
    const Edge edges[] = {
        {1.0, 0x1.000000044b82fp+0},             // 1 + 0.99999986e-9 vs 1.000000001e-9
        {3.0, 0x1.8000000671447p+1},             // 3 + 2.9999998e-9 vs 3.000000003e-9
        {50.0, 0x1.90000006b5fcap+5},            // 50 + 4.9999997e-8 vs 5.000000005e-8
        {1e6, 0x1.e84800083126ep+19},            // 1e6 + 0.99999993e-3 vs 1.000000001e-3
        {399999999.0, 0x1.7d783ff666666p+28},    // the core's shortcut's last whole number
        {4e8, 0x1.7d78400666666p+28},            // the general path from here
        {4.5e8, 0x1.ad27480733333p+28},
    };
    for (const Edge& e : edges) {
        BOOST_TEST_CONTEXT("n = " << e.n)
        {
            BOOST_TEST(tolerantCeil(e.lastWithin) == e.n);
            BOOST_TEST(tolerantCeil(up(e.lastWithin)) == e.n + 1.0);
            BOOST_TEST(requiredOrders(e.lastWithin, 1.0) == e.n);
            BOOST_TEST(requiredOrders(up(e.lastWithin), 1.0) == e.n + 1.0);
            BOOST_TEST(requiredOrders(up(e.lastWithin), 1.0, 2.0) == e.n + 1.0);
            // From below the edge is the same whole number either way: n - 1e-9 * n is n.
            BOOST_TEST(tolerantCeil(e.n - (e.lastWithin - e.n)) == e.n);
            BOOST_TEST(tolerantCeil(e.n - (up(e.lastWithin) - e.n)) == e.n);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(edges)

BOOST_AUTO_TEST_CASE(lead_quality_by_source)
{
    // Marketing's leads convert at 10%, own prospecting at 25%.
    BOOST_TEST(proactiveLeads(1.5e6, 20000, 30, 0.25, 60, 0.1) == 156.0);
    BOOST_TEST(proactiveRevenue(1.5e6, 20000, 30, 0.25, 60, 0.1) == 780000.0);
    BOOST_TEST(proactivePlan(1.5e6, 20000, 30, 0.25, 60, 0.1).proactiveLeads == 156.0);
    BOOST_TEST(achievableRevenue(20000, 30, 0.25, 60, 156, 0.1) == 1.5e6);
}

BOOST_AUTO_TEST_CASE(marketing_delivers_more_than_needed)
{
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 0.2, 200) == 0.0);
    BOOST_TEST(proactiveRevenue(1e6, 20000, 30, 0.2, 200) == 0.0);
    BOOST_TEST(requiredLeads(1e6, 20000, 30, 0.2) == 100.0);
}

BOOST_AUTO_TEST_CASE(existing_customers_cover_the_target)
{
    BOOST_TEST(newCustomerOrders(1e6, 20000, 60) == 0.0);
    BOOST_TEST(requiredLeads(1e6, 20000, 60, 0.2) == 0.0);
    BOOST_TEST(proactiveLeads(1e6, 20000, 60, 0.2, 0) == 0.0);
    BOOST_TEST(proactiveRevenue(1e6, 20000, 60, 0.2, 0) == 0.0);
    BOOST_TEST(requiredConversion(1e6, 20000, 60, 10) == 0.0);
}

BOOST_AUTO_TEST_CASE(conversion_of_one_hundred_percent)
{
    BOOST_TEST(requiredLeads(1e6, 20000, 30, 1.0) == 20.0);
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 1.0, 10) == 10.0);
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 1.0, 60) == 0.0);
}

BOOST_AUTO_TEST_CASE(marketing_leads_that_never_convert)
{
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 0.2, 60, 0.0) == 100.0);
    BOOST_TEST(proactiveRevenue(1e6, 20000, 30, 0.2, 60, 0.0) == 400000.0);
}

BOOST_AUTO_TEST_CASE(fractional_average_order)
{
    // 81 orders of 12,345.67 make 999,999.27: one short of the target, so 82.
    BOOST_TEST(requiredOrders(1e6, 12345.67) == 82.0);
    // Fractional existing orders: 50 - 29.5 = 20.5 new-customer orders, so 21.
    BOOST_TEST(newCustomerOrders(1e6, 20000, 29.5) == 21.0);
    BOOST_TEST(newCustomerOrders(1e6, 20000, 29.5, 0.0) == 20.5);
}

BOOST_AUTO_TEST_CASE(zero_target)
{
    BOOST_TEST(requiredOrders(0, 20000) == 0.0);
    BOOST_TEST(proactiveLeads(0, 20000, 0, 0.2, 0) == 0.0);
    BOOST_TEST(proactiveRevenue(0, 20000, 0, 0.2, 0) == 0.0);
}

BOOST_AUTO_TEST_CASE(last_years_figures)
{
    const std::vector<double> revenue = {80000, 100000, 60000, 0, 120000, 80000,
                                         100000, 40000, 100000, 120000, 100000, 100000};
    const std::vector<double> orders = {4, 5, 3, 0, 6, 4, 5, 2, 5, 6, 5, 5};
    BOOST_TEST(averageOrderSize(revenue, orders) == 20000.0);
    BOOST_TEST(averageOrderSize(1e6, 50.0) == 20000.0);
    // A block of cells with empty cells (zeros, as Calc passes them) in it.
    const std::vector<std::vector<double>> won = {{2, 1, 0}, {3, 0, 4}, {0, 0, 10}};
    const std::vector<std::vector<double>> leads = {{10, 5, 0}, {15, 0, 20}, {0, 0, 50}};
    BOOST_TEST(conversionRate(won, leads) == 0.2);
    BOOST_TEST(conversionRate(20.0, 100.0) == 0.2);
    BOOST_TEST(conversionRate(0.0, 100.0) == 0.0);
    BOOST_TEST(conversionRate(100.0, 100.0) == 1.0);
    // Individual months may be negative (a credit note) as long as the totals are valid.
    BOOST_TEST(averageOrderSize(std::vector<double>{50000, -10000}, std::vector<double>{2, 0}) == 20000.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(invalid_arguments)

namespace {

enum class Kind { nonNegative, positive, ratio, fraction, mode };

std::vector<double> badValues(Kind kind)
{
    switch (kind) {
    case Kind::nonNegative: return {-1.0, -1e-300, NaN, inf, -inf};
    case Kind::positive: return {0.0, -0.0, -1.0, NaN, inf, -inf};
    case Kind::ratio: return {0.0, -0.2, 1.0000001, 20.0, NaN, inf};
    case Kind::fraction: return {-0.1, 1.5, 10.0, NaN, inf, -inf};
    case Kind::mode: return {-1.0, 0.5, 1.5, 3.0, 1e9, NaN, inf};
    }
    return {};
}

struct Function {
    const char* name;
    std::vector<Kind> kinds;
    std::vector<double> valid;
    std::function<double(const std::vector<double>&)> call;
};

const std::vector<Function>& functions()
{
    using V = std::vector<double>;
    using K = Kind;
    static const std::vector<Function> all = {
        {"REQUIREDORDERS", {K::nonNegative, K::positive, K::mode}, {1e6, 20000, 1},
         [](const V& a) { return requiredOrders(a[0], a[1], a[2]); }},
        {"NEWCUSTOMERORDERS", {K::nonNegative, K::positive, K::nonNegative, K::mode}, {1e6, 20000, 30, 1},
         [](const V& a) { return newCustomerOrders(a[0], a[1], a[2], a[3]); }},
        {"REQUIREDLEADS", {K::nonNegative, K::positive, K::nonNegative, K::ratio, K::mode},
         {1e6, 20000, 30, 0.2, 1}, [](const V& a) { return requiredLeads(a[0], a[1], a[2], a[3], a[4]); }},
        {"PROACTIVELEADS",
         {K::nonNegative, K::positive, K::nonNegative, K::ratio, K::nonNegative, K::fraction, K::mode},
         {1e6, 20000, 30, 0.2, 60, 0.2, 1},
         [](const V& a) { return proactiveLeads(a[0], a[1], a[2], a[3], a[4], a[5], a[6]); }},
        {"PROACTIVEREVENUE",
         {K::nonNegative, K::positive, K::nonNegative, K::ratio, K::nonNegative, K::fraction},
         {1e6, 20000, 30, 0.2, 60, 0.2},
         [](const V& a) { return proactiveRevenue(a[0], a[1], a[2], a[3], a[4], a[5]); }},
        {"ACHIEVABLEREVENUE",
         {K::positive, K::nonNegative, K::ratio, K::nonNegative, K::nonNegative, K::fraction},
         {20000, 30, 0.2, 60, 40, 0.2},
         [](const V& a) { return achievableRevenue(a[0], a[1], a[2], a[3], a[4], a[5]); }},
        {"REQUIREDCONVERSION", {K::nonNegative, K::positive, K::nonNegative, K::positive, K::mode},
         {1e6, 20000, 30, 100, 1},
         [](const V& a) { return requiredConversion(a[0], a[1], a[2], a[3], a[4]); }},
        {"AVERAGEORDERSIZE", {K::nonNegative, K::positive}, {1e6, 50},
         [](const V& a) { return averageOrderSize(a[0], a[1]); }},
        {"CONVERSIONRATE", {K::nonNegative, K::positive}, {20, 100},
         [](const V& a) { return conversionRate(a[0], a[1]); }},
        {"PROACTIVEPLAN",
         {K::nonNegative, K::positive, K::nonNegative, K::ratio, K::nonNegative, K::fraction, K::mode},
         {1e6, 20000, 30, 0.2, 60, 0.2, 1},
         [](const V& a) { return proactivePlan(a[0], a[1], a[2], a[3], a[4], a[5], a[6]).proactiveLeads; }},
    };
    return all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_argument_of_every_function)
{
    for (const Function& f : functions()) {
        BOOST_TEST_CONTEXT(f.name)
        {
            BOOST_TEST(invalidPosition([&] { return f.call(f.valid); }) == -1);
            for (std::size_t i = 0; i < f.kinds.size(); ++i) {
                for (double bad : badValues(f.kinds[i])) {
                    BOOST_TEST_CONTEXT("argument " << i + 1 << " = " << bad)
                    {
                        std::vector<double> args = f.valid;
                        args[i] = bad;
                        BOOST_TEST(invalidPosition([&] { return f.call(args); }) == static_cast<int>(i + 1));
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(first_offending_argument_is_named)
{
    BOOST_TEST(invalidPosition([] { return requiredLeads(1e6, 20000, 30, 0.0, 5.0); }) == 4);
    BOOST_TEST(invalidPosition([] { return proactiveLeads(-1, 0, 30, 0.2, 60); }) == 1);
}

BOOST_AUTO_TEST_CASE(more_won_than_leads)
{
    BOOST_TEST(invalidPosition([] { return conversionRate(101.0, 100.0); }) == 1);
    BOOST_TEST(invalidPosition([] { return conversionRate(std::vector<double>{5, 6}, std::vector<double>{5, 5}); }) == 1);
}

BOOST_AUTO_TEST_CASE(error_carries_position_and_reason)
{
    try {
        requiredOrders(1e6, 0.0);
        BOOST_FAIL("no error");
    } catch (const InvalidArgument& e) {
        BOOST_TEST(e.position() == 2);
        BOOST_TEST(std::string(e.reason()) == "must be greater than 0");
        BOOST_TEST(std::string(e.what()) == "argument 2 must be greater than 0");
    }
}

BOOST_AUTO_TEST_CASE(overflow_is_an_error_not_infinity)
{
    BOOST_TEST(invalidPosition([] { return requiredOrders(1e308, 1e-10); }) == 0);
    BOOST_TEST(invalidPosition([] { return requiredOrders(1e308, 1e-10, 0.0); }) == 0);
    BOOST_TEST(invalidPosition([] { return newCustomerOrders(1e308, 0.5, 0); }) == 0);
    BOOST_TEST(invalidPosition([] { return requiredLeads(1e300, 1, 0, 1e-10); }) == 0);
    BOOST_TEST(invalidPosition([] { return proactiveLeads(1e300, 1, 0, 1e-10, 0); }) == 0);
    BOOST_TEST(invalidPosition([] { return achievableRevenue(1e308, 1e308, 1, 0, 0); }) == 0);
    BOOST_TEST(invalidPosition([] { return requiredConversion(1e300, 1, 0, 1e-300); }) == 0);
    BOOST_TEST(invalidPosition([] { return proactivePlan(1e308, 1e-10, 0, 0.2, 0); }) == 0);
    // A sum of months that overflows is named as that argument.
    BOOST_TEST(invalidPosition([] { return averageOrderSize(std::vector<double>{1e308, 1e308}, 1.0); }) == 1);
    BOOST_TEST(invalidPosition([] { return averageOrderSize(1e308, 1e-10); }) == 0);
}

BOOST_AUTO_TEST_CASE(intermediate_overflow_with_a_defined_result)
{
    // Existing customers alone bring far more than the target: nothing left to prospect.
    BOOST_TEST(proactiveRevenue(1e6, 1e300, 1e300, 0.2, 0) == 0.0);
    BOOST_TEST(proactiveRevenue(1e6, 1e300, 30, 0.2, 1e300, 1.0) == 0.0);
    BOOST_TEST(newCustomerOrders(1e6, 20000, 1e308) == 0.0);
    BOOST_TEST(proactiveLeads(1e6, 20000, 30, 0.2, 1e308) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

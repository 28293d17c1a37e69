// Properties over seeded random inputs (issue 2): monotonicity, whole counts,
// rounding mode 2 as the rounded exact chain, ACHIEVABLEREVENUE inverting PROACTIVELEADS,
// and PROACTIVEPLAN agreeing with the single functions. Expected values come from the
// contract written out plainly (answer_key.hpp), never from the core's own helpers.
#include <boost/test/unit_test.hpp>

#include "answer_key.hpp"
#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <random>
#include <vector>

using namespace leadplan;

namespace {

struct Inputs {
    double T, S, E, c, M;
    Optional cm;
};

class Random {
public:
    explicit Random(unsigned seed) : engine_(seed) {}
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
    double whole(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
    bool coin() { return std::bernoulli_distribution(0.5)(engine_); }

    Inputs inputs()
    {
        Inputs in{};
        in.T = uniform(0, 1e7);
        in.S = uniform(100, 1e5);
        in.E = whole(0, 120);
        in.c = uniform(0.01, 1.0);
        in.M = whole(0, 300);
        if (coin())
            in.cm = uniform(0.0, 1.0);
        return in;
    }

private:
    std::mt19937_64 engine_;
};

constexpr int samples = 20000;
constexpr double modes[] = {0.0, 1.0, 2.0};

// The four counts, which every monotonicity and rounding property covers.
struct Counts {
    double O, N, L, P;
};

Counts counts(const Inputs& in, double r)
{
    return {requiredOrders(in.T, in.S, r), newCustomerOrders(in.T, in.S, in.E, r),
            requiredLeads(in.T, in.S, in.E, in.c, r), proactiveLeads(in.T, in.S, in.E, in.c, in.M, in.cm, r)};
}

bool noneLarger(const Counts& a, const Counts& b)
{
    return a.O <= b.O && a.N <= b.N && a.L <= b.L && a.P <= b.P;
}

bool whole(double x) { return std::floor(x) == x; }

}  // namespace

BOOST_AUTO_TEST_SUITE(properties)

BOOST_AUTO_TEST_CASE(counts_grow_with_the_target)
{
    Random rnd(20150101);
    for (int i = 0; i < samples; ++i) {
        const Inputs lo = rnd.inputs();
        Inputs hi = lo;
        hi.T = lo.T * rnd.uniform(1.0, 2.0) + rnd.uniform(0, 1000);
        for (double r : modes) {
            BOOST_TEST_REQUIRE(noneLarger(counts(lo, r), counts(hi, r)), "T " << lo.T << " -> " << hi.T << " r " << r);
        }
        BOOST_TEST_REQUIRE(proactiveRevenue(lo.T, lo.S, lo.E, lo.c, lo.M, lo.cm)
                           <= proactiveRevenue(hi.T, hi.S, hi.E, hi.c, hi.M, hi.cm));
    }
}

BOOST_AUTO_TEST_CASE(counts_shrink_with_conversion_and_marketing_leads)
{
    Random rnd(42);
    for (int i = 0; i < samples; ++i) {
        const Inputs base = rnd.inputs();
        Inputs betterConversion = base;
        betterConversion.c = rnd.uniform(base.c, 1.0);
        Inputs moreLeads = base;
        moreLeads.M = base.M + rnd.whole(0, 100);
        for (double r : modes) {
            BOOST_TEST_REQUIRE(noneLarger(counts(betterConversion, r), counts(base, r)), "c " << base.c << " -> " << betterConversion.c);
            BOOST_TEST_REQUIRE(noneLarger(counts(moreLeads, r), counts(base, r)), "M " << base.M << " -> " << moreLeads.M);
        }
        const auto revenue = [](const Inputs& in) { return proactiveRevenue(in.T, in.S, in.E, in.c, in.M, in.cm); };
        BOOST_TEST_REQUIRE(revenue(betterConversion) <= revenue(base));
        BOOST_TEST_REQUIRE(revenue(moreLeads) <= revenue(base));
    }
}

BOOST_AUTO_TEST_CASE(rounded_modes_give_whole_counts)
{
    Random rnd(7);
    for (int i = 0; i < samples; ++i) {
        const Inputs in = rnd.inputs();
        const Counts exact = counts(in, 0.0);
        const Counts stepwise = counts(in, 1.0);
        const Counts once = counts(in, 2.0);
        BOOST_TEST_REQUIRE((whole(stepwise.O) && whole(stepwise.N) && whole(stepwise.L) && whole(stepwise.P)));
        // Mode 2 is the exact chain rounded once; both sides of that written plainly, so a
        // bug the core's ceiling and its exact chain share cannot hide here.
        const double cm = in.cm ? *in.cm : in.c;
        const answer_key::Counts key = answer_key::counts(in.T, in.S, in.E, in.c, in.M, cm, 0.0);
        BOOST_TEST_REQUIRE(exact.O == key.O);
        BOOST_TEST_REQUIRE(exact.N == key.N);
        BOOST_TEST_REQUIRE(exact.L == key.L);
        BOOST_TEST_REQUIRE(exact.P == key.P);
        BOOST_TEST_REQUIRE(once.O == answer_key::tolerantCeiling(key.O));
        BOOST_TEST_REQUIRE(once.N == answer_key::tolerantCeiling(key.N));
        BOOST_TEST_REQUIRE(once.L == answer_key::tolerantCeiling(key.L));
        BOOST_TEST_REQUIRE(once.P == answer_key::tolerantCeiling(key.P));
        BOOST_TEST_REQUIRE((whole(once.O) && whole(once.N) && whole(once.L) && whole(once.P)));
    }
}

BOOST_AUTO_TEST_CASE(achievable_revenue_inverts_proactive_leads)
{
    Random rnd(1000000);
    int checked = 0;
    for (int i = 0; i < samples; ++i) {
        const Inputs in = rnd.inputs();
        const double P = proactiveLeads(in.T, in.S, in.E, in.c, in.M, in.cm, 0.0);
        if (P <= 0.0)
            continue;
        ++checked;
        BOOST_TEST_REQUIRE(achievableRevenue(in.S, in.E, in.c, in.M, P, in.cm) == in.T,
                           boost::test_tools::tolerance(1e-9));
    }
    BOOST_TEST(checked > samples / 10);
}

BOOST_AUTO_TEST_CASE(plan_agrees_with_the_single_functions)
{
    Random rnd(12);
    for (int i = 0; i < samples; ++i) {
        const Inputs in = rnd.inputs();
        for (double r : modes) {
            const Plan plan = proactivePlan(in.T, in.S, in.E, in.c, in.M, in.cm, r);
            const Counts single = counts(in, r);
            BOOST_TEST_REQUIRE(plan.requiredOrders == single.O);
            BOOST_TEST_REQUIRE(plan.existingOrders == in.E);
            BOOST_TEST_REQUIRE(plan.newCustomerOrders == single.N);
            BOOST_TEST_REQUIRE(plan.requiredLeads == single.L);
            BOOST_TEST_REQUIRE(plan.marketingLeads == in.M);
            BOOST_TEST_REQUIRE(plan.proactiveLeads == single.P);
            BOOST_TEST_REQUIRE(plan.proactiveRevenue == proactiveRevenue(in.T, in.S, in.E, in.c, in.M, in.cm));
            const double perMonth = single.P / 12.0;
            BOOST_TEST_REQUIRE(plan.proactiveLeadsPerMonth
                               == (r == 0.0 ? perMonth : answer_key::tolerantCeiling(perMonth)));
        }
    }
}

// The contract's definition, written plainly (answer_key.hpp): within 1e-9 * max(1, |x|)
// of the nearest integer (ties away from zero) is that integer, anything else rounds up.
// The core's ceiling takes a shortcut below 4e8 and must agree everywhere.
using answer_key::tolerantCeiling;

BOOST_AUTO_TEST_CASE(tolerant_ceiling_follows_its_definition)
{
    std::mt19937_64 engine(20261127);
    auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine); };
    std::vector<double> xs = {0.5, 1.5, 2.5, 4e8, 4e8 - 0.5, 4e8 + 0.5, 5e8, 5e8 + 0.5, 0x1p51 + 0.5,
                              0x1p52, std::nextafter(4e8, 0.0), std::nextafter(4e8, 1e9)};
    for (int i = 0; i < 200000; ++i) {
        // Integers of every size from 1 to 2^60, and values near them: at the tolerance's
        // edge, a little inside and outside it, halfway, and anywhere.
        const double n = std::ldexp(1.0 + draw(0, 1 << 20) / double(1 << 20), draw(0, 60));
        const double whole = std::round(n);
        const double tolerance = 1e-9 * std::max(1.0, whole);
        const double offsets[] = {tolerance, std::nextafter(tolerance, 1.0), 0.999 * tolerance,
                                  1.001 * tolerance, 0.5, std::ldexp(1.0, -draw(1, 40))};
        const double offset = offsets[draw(0, 5)] * (draw(0, 1) ? 1.0 : -1.0);
        const double x = (whole + offset) * (draw(0, 3) == 0 ? -1.0 : 1.0);
        xs.push_back(x);
    }
    // Below 1 the tolerance is a fixed 1e-9, not relative: values anywhere in (0, 1),
    // within a few tolerances of 0 and of 1 (on the edge, a hair inside and outside it),
    // and either sign.
    for (int i = 0; i < 100000; ++i) {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(engine);
        const double scale[] = {1.0, 1.0 - std::ldexp(1.0, -53), 1.0 + std::ldexp(1.0, -52), 0.999, 1.001};
        double x = 0.0;
        switch (draw(0, 3)) {
        case 0: x = u; break;
        case 1: x = 1e-9 * scale[draw(0, 4)]; break;
        case 2: x = 1.0 - 1e-9 * scale[draw(0, 4)]; break;
        default: x = draw(1, 5) * 1e-9 * (0.5 + u); break;
        }
        xs.push_back(draw(0, 3) == 0 ? -x : x);
    }
    for (double x : xs) {
        if (tolerantCeil(x) != tolerantCeiling(x))
            BOOST_FAIL("x = " << std::setprecision(17) << x << ": core " << tolerantCeil(x) << ", definition "
                              << tolerantCeiling(x));
    }
    BOOST_TEST(xs.size() == 300012u);
}

// N = max(0, O - E) rounded up: the core skips the rounding when E is whole, which must
// not change N for a whole E nor for a fractional one.
BOOST_AUTO_TEST_CASE(new_customer_orders_round_up_after_a_fractional_E)
{
    Random random(6);
    for (int i = 0; i < samples; ++i) {
        Inputs in = random.inputs();
        if (random.coin())
            in.E += random.uniform(0.0, 1.0);
        const double O = tolerantCeiling(in.T / in.S);
        BOOST_TEST_INFO("T " << in.T << " S " << in.S << " E " << in.E);
        BOOST_TEST_REQUIRE(newCustomerOrders(in.T, in.S, in.E) == tolerantCeiling(std::max(0.0, O - in.E)));
    }
}

BOOST_AUTO_TEST_SUITE_END()

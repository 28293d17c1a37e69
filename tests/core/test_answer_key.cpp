// Every function of the core against the contract written out plainly (answer_key.hpp),
// over seeded random inputs, in all three rounding modes (issue 15). The inputs mix what
// real sheets hold (whole orders, conversions like 0.2 or 0.06) with what breaks
// arithmetic: results below 1, quotients within a hair of a whole number (around the
// tolerance's edge from both sides), large and huge values, fractional existing orders,
// and now and then an invalid argument.
//
// A sample is checked with a plain `if` and BOOST_FAIL on the first disagreement (a
// Boost assertion per sample would cost the suite tens of seconds).
// Whole counts (modes 1 and 2) must be exactly the key's; unrounded values may differ by
// 1e-12 relative, the room a different but equally valid order of the same operations
// would need. One test case per function: a new function adds its key to answer_key.hpp
// (or a header beside it) and a case below.
#include <boost/test/unit_test.hpp>

#include "answer_key.hpp"
#include "leadplan/leadplan.hpp"

#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace key = answer_key;
using key::Result;

namespace {

constexpr int samples = 30000;
constexpr double modes[] = {0.0, 1.0, 2.0};
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct Args {
    double T, S, E, c, M, P, leads;
    std::optional<double> cm;
};

std::string describe(const Args& a)
{
    std::ostringstream out;
    out << std::setprecision(17) << "T " << a.T << " S " << a.S << " E " << a.E << " c " << a.c << " M "
        << a.M << " cm " << (a.cm ? std::to_string(*a.cm) : std::string("left out")) << " P " << a.P
        << " leads " << a.leads;
    return out.str();
}

class Draw {
public:
    explicit Draw(unsigned seed) : engine_(seed) {}

    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
    template <class T, std::size_t n>
    T pick(const T (&items)[n]) { return items[integer(0, static_cast<int>(n) - 1)]; }

    // A relative nudge that puts a product next to a whole number: on it, well inside
    // the tolerance 1e-9 (relative from 1 up), at its edge from either side, or clearly
    // beyond it.
    double nudge()
    {
        const double nudges[] = {0.0, 1e-13, 1e-11, 0.999e-9, 1e-9, 1.001e-9, 1e-8, 1e-6};
        return pick(nudges) * (chance(0.5) ? 1.0 : -1.0);
    }

    double orderSize()
    {
        switch (integer(0, 4)) {
        case 0: return integer(1, 500) * 100.0;             // 100 .. 50,000
        case 1: return integer(1, 10000000) / 100.0;         // cents
        case 2: return integer(1, 30) / 10.0;                // 0.1 .. 3: quotients above T
        case 3: return uniform(1e6, 1e12);                   // large
        default: return uniform(1e-3, 1e5);
        }
    }

    // T for an order size S: T / S is then below 1, within a hair of a whole number,
    // a decimal quotient like 2.1 / 0.7, large, or anything.
    double target(double S)
    {
        switch (integer(0, 7)) {
        case 0: return 0.0;
        case 1: return uniform(0.0, 1.0) * S;                         // T / S below 1
        case 2: return 1e-9 * (1.0 + nudge() * 1e3) * S;              // T / S near 1e-9
        case 3: return integer(1, 500) * S * (1.0 + nudge());         // near a whole number
        case 4: return integer(1, 500) * 0.1 * (1.0 + nudge());       // 2.1, 3.3, ... (S may be 0.7)
        case 5: return uniform(1e9, 1e15);                            // large
        case 6: return chance(0.5) ? 1e308 : uniform(1e300, 1e308);   // huge: overflow
        default: return uniform(0.0, 1e7);
        }
    }

    double existing()
    {
        switch (integer(0, 4)) {
        case 0: return 0.0;
        case 1: return uniform(0.0, 120.0);                 // fractional
        case 2: return integer(0, 1000000) + 0.0;           // large
        default: return integer(0, 120) + 0.0;              // whole, as on real sheets
        }
    }

    double conversion()
    {
        switch (integer(0, 5)) {
        case 0: return integer(1, 100) / 100.0;             // 0.06, 0.2, ...
        case 1: return 0.2;
        case 2: return 1.0;
        case 3: return uniform(1e-6, 1e-3);                 // tiny: large L and P
        default: return uniform(1e-3, 1.0);
        }
    }

    double marketing()
    {
        switch (integer(0, 3)) {
        case 0: return uniform(0.0, 300.0);
        case 1: return uniform(0.0, 1e9);
        default: return integer(0, 300) + 0.0;
        }
    }

    std::optional<double> marketingConversion()
    {
        switch (integer(0, 4)) {
        case 0:
        case 1: return std::nullopt;                         // left out: c
        case 2: return integer(0, 100) / 100.0;
        case 3: return chance(0.5) ? 0.0 : 1.0;
        default: return uniform(0.0, 1.0);
        }
    }

    // Now and then an argument the contract rejects.
    double spoil(double x)
    {
        if (!chance(0.02))
            return x;
        const double bad[] = {-1.0, -1e-300, 0.0, 1.5, NaN, inf, -inf};
        return pick(bad);
    }

    Args args()
    {
        Args a{};
        a.S = spoil(orderSize());
        a.T = spoil(target(std::isfinite(a.S) && a.S > 0 ? a.S : 1.0));
        a.E = spoil(existing());
        a.c = spoil(conversion());
        a.M = spoil(marketing());
        a.P = spoil(chance(0.5) ? integer(0, 300) + 0.0 : uniform(0.0, 1e6));
        a.leads = spoil(chance(0.5) ? integer(1, 1000) + 0.0 : uniform(1e-3, 1e4));
        a.cm = marketingConversion();
        if (a.cm)
            a.cm = spoil(*a.cm);
        return a;
    }

private:
    std::mt19937_64 engine_;
};

// What the core says: its number, or nullopt when it throws InvalidArgument (the only
// thing it may throw).
template <class Call>
Result core(Call&& call)
{
    try {
        return call();
    } catch (const leadplan::InvalidArgument&) {
        return std::nullopt;
    }
}

bool same(const Result& got, const Result& want, bool wholeCount)
{
    if (!got || !want)
        return !got && !want;
    if (*got == *want)
        return true;
    return !wholeCount && std::fabs(*got - *want) <= 1e-12 * std::max(1.0, std::fabs(*want));
}

std::string show(const Result& x)
{
    if (!x)
        return "invalid";
    std::ostringstream out;
    out << std::setprecision(17) << *x;
    return out.str();
}

// Runs check(args, r) over the samples in every mode; check returns the key's and the
// core's answer.
template <class Check>
void overSamples(unsigned seed, bool counts, Check&& check)
{
    Draw draw(seed);
    int valid = 0;
    for (int i = 0; i < samples; ++i) {
        const Args a = draw.args();
        for (double r : modes) {
            const auto [want, got] = check(a, r);
            valid += want.has_value();
            if (!same(got, want, counts && r != 0.0))
                BOOST_FAIL(describe(a) << " r " << r << ": core " << show(got) << ", key " << show(want));
        }
    }
    // Most samples must be valid calls, or the comparison says little.
    BOOST_TEST(valid > samples * 3 / 2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(answer_key_tests)

// The draw must reach what it claims: results below 1 and quotients that plain ceil
// would push up by one where the tolerance keeps them.
BOOST_AUTO_TEST_CASE(the_inputs_reach_the_tolerance_and_values_below_one)
{
    Draw draw(1);
    int belowOne = 0, forgiven = 0, beyondEdge = 0;
    for (int i = 0; i < samples; ++i) {
        const Args a = draw.args();
        const double q = a.T / a.S;
        if (!(std::isfinite(q) && q >= 0.0))
            continue;
        belowOne += q > 0.0 && q < 1.0;
        forgiven += key::tolerantCeiling(q) != std::ceil(q);
        const double nearest = std::round(q);
        const double d = std::fabs(q - nearest), tolerance = 1e-9 * std::max(1.0, q);
        beyondEdge += d > tolerance && d < 1.01 * tolerance;
    }
    BOOST_TEST(belowOne > samples / 20);
    BOOST_TEST(forgiven > samples / 20);
    BOOST_TEST(beyondEdge > samples / 200);
}

BOOST_AUTO_TEST_CASE(required_orders)
{
    overSamples(101, true, [](const Args& a, double r) {
        return std::pair{key::requiredOrders(a.T, a.S, r), core([&] { return leadplan::requiredOrders(a.T, a.S, r); })};
    });
}

BOOST_AUTO_TEST_CASE(new_customer_orders)
{
    overSamples(102, true, [](const Args& a, double r) {
        return std::pair{key::newCustomerOrders(a.T, a.S, a.E, r),
                         core([&] { return leadplan::newCustomerOrders(a.T, a.S, a.E, r); })};
    });
}

BOOST_AUTO_TEST_CASE(required_leads)
{
    overSamples(103, true, [](const Args& a, double r) {
        return std::pair{key::requiredLeads(a.T, a.S, a.E, a.c, r),
                         core([&] { return leadplan::requiredLeads(a.T, a.S, a.E, a.c, r); })};
    });
}

BOOST_AUTO_TEST_CASE(proactive_leads)
{
    overSamples(104, true, [](const Args& a, double r) {
        return std::pair{key::proactiveLeads(a.T, a.S, a.E, a.c, a.M, key::cmOrDefault(a.cm, a.c), r),
                         core([&] { return leadplan::proactiveLeads(a.T, a.S, a.E, a.c, a.M, a.cm, r); })};
    });
}

BOOST_AUTO_TEST_CASE(proactive_leads_with_every_optional_left_out)
{
    overSamples(105, true, [](const Args& a, double) {
        return std::pair{key::proactiveLeads(a.T, a.S, a.E, a.c, a.M, a.c, key::rOrDefault(std::nullopt)),
                         core([&] { return leadplan::proactiveLeads(a.T, a.S, a.E, a.c, a.M); })};
    });
}

BOOST_AUTO_TEST_CASE(proactive_revenue)
{
    overSamples(106, false, [](const Args& a, double) {
        return std::pair{key::proactiveRevenue(a.T, a.S, a.E, a.c, a.M, key::cmOrDefault(a.cm, a.c)),
                         core([&] { return leadplan::proactiveRevenue(a.T, a.S, a.E, a.c, a.M, a.cm); })};
    });
}

BOOST_AUTO_TEST_CASE(achievable_revenue)
{
    overSamples(107, false, [](const Args& a, double) {
        return std::pair{key::achievableRevenue(a.S, a.E, a.c, a.M, a.P, key::cmOrDefault(a.cm, a.c)),
                         core([&] { return leadplan::achievableRevenue(a.S, a.E, a.c, a.M, a.P, a.cm); })};
    });
}

// A ratio, not a count: N is whole in modes 1 and 2, the quotient is not.
BOOST_AUTO_TEST_CASE(required_conversion)
{
    overSamples(108, false, [](const Args& a, double r) {
        return std::pair{key::requiredConversion(a.T, a.S, a.E, a.leads, r),
                         core([&] { return leadplan::requiredConversion(a.T, a.S, a.E, a.leads, r); })};
    });
}

// The plan field by field against the key's plan, not against the single functions.
BOOST_AUTO_TEST_CASE(proactive_plan)
{
    Draw draw(109);
    int valid = 0;
    for (int i = 0; i < samples; ++i) {
        const Args a = draw.args();
        for (double r : modes) {
            const auto want = key::proactivePlan(a.T, a.S, a.E, a.c, a.M, key::cmOrDefault(a.cm, a.c), r);
            std::optional<leadplan::Plan> got;
            try {
                got = leadplan::proactivePlan(a.T, a.S, a.E, a.c, a.M, a.cm, r);
            } catch (const leadplan::InvalidArgument&) {
            }
            if (got.has_value() != want.has_value())
                BOOST_FAIL(describe(a) << " r " << r << ": core " << (got ? "a plan" : "invalid") << ", key "
                                       << (want ? "a plan" : "invalid"));
            if (!want)
                continue;
            ++valid;
            // O, E, N, L, M, P, revenue, P per month: the counts are whole unless r = 0.
            const bool whole[leadplan::planSize] = {true, false, true, true, false, true, false, true};
            for (int k = 0; k < leadplan::planSize; ++k) {
                const double value = leadplan::planValue(*got, k);
                if (!same(value, (*want)[k], whole[k] && r != 0.0))
                    BOOST_FAIL(describe(a) << " r " << r << " field " << k << ": core " << show(value)
                                           << ", key " << show((*want)[k]));
            }
        }
    }
    BOOST_TEST(valid > samples * 3 / 2);
}

namespace {

// Twelve months or fewer, some empty (0), now and then a credit note (negative).
std::vector<double> months(Draw& draw, double largest)
{
    std::vector<double> cells(static_cast<std::size_t>(draw.integer(1, 12)));
    for (double& cell : cells) {
        const int kind = draw.integer(0, 9);
        cell = kind == 0 ? 0.0 : kind == 1 ? -draw.uniform(0.0, largest / 10) : draw.uniform(0.0, largest);
        if (draw.chance(0.5))
            cell = std::round(cell);
    }
    return cells;
}

}  // namespace

BOOST_AUTO_TEST_CASE(average_order_size)
{
    Draw draw(110);
    int valid = 0;
    for (int i = 0; i < samples; ++i) {
        const std::vector<double> revenue = months(draw, draw.chance(0.1) ? 1e300 : 2e5);
        const std::vector<double> orders = months(draw, draw.chance(0.1) ? 1e-6 : 20.0);
        const Result want = key::averageOrderSize(revenue, orders);
        const Result got = core([&] { return leadplan::averageOrderSize(revenue, orders); });
        valid += want.has_value();
        if (!same(got, want, false))
            BOOST_FAIL("core " << show(got) << ", key " << show(want));
    }
    BOOST_TEST(valid > samples / 2);
}

BOOST_AUTO_TEST_CASE(conversion_rate)
{
    Draw draw(111);
    int valid = 0, tooManyWon = 0;
    for (int i = 0; i < samples; ++i) {
        const std::vector<double> leads = months(draw, 100.0);
        std::vector<double> won = leads;
        for (double& cell : won)
            cell *= draw.chance(0.1) ? draw.uniform(1.0, 1.2) : draw.uniform(0.0, 1.0);
        const Result want = key::conversionRate(won, leads);
        const Result got = core([&] { return leadplan::conversionRate(won, leads); });
        valid += want.has_value();
        tooManyWon += key::sum(won) > key::sum(leads) && key::sum(leads) > 0.0;
        if (!same(got, want, false))
            BOOST_FAIL("core " << show(got) << ", key " << show(want));
    }
    BOOST_TEST(valid > samples / 2);
    BOOST_TEST(tooManyWon > 0);
}

BOOST_AUTO_TEST_SUITE_END()

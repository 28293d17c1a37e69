// PROACTIVESCHEDULE and PROACTIVELEADSLEFT (issue 11): the worked examples, every invalid
// argument, the properties the issue lists, and an answer key: the contract written out
// plainly below (std::ceil, std::round, no core helper), compared with the core over
// seeded random inputs in all three rounding modes.
#include <boost/test/unit_test.hpp>

#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>

#include "test_support.hpp"

using namespace leadplan;
using namespace leadplan::test;

namespace {

// ---- The answer key: the contract of issues 2 and 11, written out plainly. ----

// ceil~: a value within 1e-9 * max(1, |x|) of an integer is that integer; anything else
// rounds up.
double ceilTolerant(double x)
{
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= 1e-9 * std::max(1.0, std::fabs(x)))
        return nearest;
    return std::ceil(x);
}

struct Case {
    double T, S, E, c, M, cm;
};

// N and P as NEWCUSTOMERORDERS and PROACTIVELEADS give them in mode r.
double keyN(const Case& k, int r)
{
    if (r == 1)
        return ceilTolerant(std::max(0.0, ceilTolerant(k.T / k.S) - k.E));
    const double exact = std::max(0.0, k.T / k.S - k.E);
    return r == 2 ? ceilTolerant(exact) : exact;
}

double keyP(const Case& k, int r)
{
    if (r == 1)
        return ceilTolerant(std::max(0.0, keyN(k, 1) - k.M * k.cm) / k.c);
    const double exact = std::max(0.0, keyN(k, 0) - k.M * k.cm) / k.c;
    return r == 2 ? ceilTolerant(exact) : exact;
}

// One column: r = 0: total * w_i / (w_1 + ... + w_12); r = 1 or 2:
// ceil~(total * W_i) - ceil~(total * W_(i-1)), W_i the cumulative share (sums in month order).
std::array<double, 12> keyColumn(double total, const std::array<double, 12>& w, int r)
{
    double sum = 0.0;
    for (int i = 0; i < 12; ++i)
        sum += w[i];
    std::array<double, 12> column{};
    double cumulative = 0.0;
    double previous = 0.0;  // ceil~(total * W_0) = ceil~(0)
    for (int i = 0; i < 12; ++i) {
        if (r == 0) {
            column[i] = total * w[i] / sum;
        } else {
            cumulative += w[i];
            const double now = ceilTolerant(total * (cumulative / sum));
            column[i] = now - previous;
            previous = now;
        }
    }
    return column;
}

// v_i = w_j with j = ((i - 1 + cycle) mod 12) + 1, in 1-based months.
Schedule keySchedule(const Case& k, int cycle, const std::array<double, 12>& w, int r)
{
    std::array<double, 12> v{};
    for (int i = 1; i <= 12; ++i)
        v[i - 1] = w[((i - 1 + cycle) % 12 + 1) - 1];
    return Schedule{keyColumn(keyN(k, r), w, r), keyColumn(keyP(k, r), v, r)};
}

double keyLeadsLeft(const Case& k, double monthsDone, double won, double open, int r)
{
    const double N = r == 1 ? keyN(k, 1) : keyN(k, 0);
    const double R = std::max(0.0, N - won);
    const double X = std::max(0.0, R - k.M * k.cm * ((12 - monthsDone) / 12) - open * k.c) / k.c;
    return r == 0 ? X : ceilTolerant(X);
}

// ---- Random inputs that reach the corners: counts below 1, near integers, huge. ----

class Random {
public:
    explicit Random(unsigned seed) : engine_(seed) {}
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
    int whole(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }

    Case inputs()
    {
        Case k{};
        k.S = uniform(100, 1e5);
        switch (whole(0, 3)) {
        case 0:  // O below 1
            k.T = uniform(0, k.S);
            break;
        case 1: {  // O within or just outside the tolerance of a whole number
            const double offsets[] = {0.0, 1e-12, -1e-12, 1e-8, -1e-8, 1e-15};
            k.T = k.S * whole(1, 200) * (1.0 + offsets[whole(0, 5)]);
            break;
        }
        case 2:  // large
            k.T = uniform(1e9, 1e15);
            k.S = uniform(0.5, 100);
            break;
        default:
            k.T = uniform(0, 1e7);
        }
        k.E = whole(0, 100);
        if (whole(0, 2) == 0)
            k.E += uniform(0.0, 1.0);  // fractional E
        k.c = whole(0, 3) == 0 ? 0.2 : uniform(0.01, 1.0);
        k.M = whole(0, 3) == 0 ? 0.0 : whole(0, 300);
        k.cm = whole(0, 1) == 0 ? k.c : uniform(0.0, 1.0);
        return k;
    }

    std::array<double, 12> weights()
    {
        std::array<double, 12> w{};
        const int style = whole(0, 3);
        for (double& x : w) {
            switch (style) {
            case 0: x = 1.0; break;
            case 1: x = whole(0, 5); break;  // whole, some months 0
            case 2: x = uniform(0.0, 3.0); break;
            default: x = std::ldexp(uniform(0.5, 1.0), whole(-30, 30));  // wide range
            }
        }
        if (w[0] + w[5] + w[11] == 0.0)  // keep the sum above 0
            w[5] = 1.0;
        return w;
    }

private:
    std::mt19937_64 engine_;
};

constexpr int samples = 20000;
const std::array<double, 12> equal = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

bool whole(double x) { return std::floor(x) == x; }

double sum(const std::array<double, 12>& column)
{
    double total = 0.0;
    for (double x : column)
        total += x;
    return total;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_examples)

// Article: N = 20, P = 40, equal weights, any cycle.
BOOST_AUTO_TEST_CASE(article_equal_weights_any_cycle)
{
    for (double r : {1.0, 2.0}) {
        for (int cycle = 0; cycle < 12; ++cycle) {
            BOOST_TEST_CONTEXT("r " << r << " cycle " << cycle)
            {
                const Schedule s = proactiveSchedule(1e6, 20000, 30, 0.2, 60, {}, cycle, {}, r);
                for (int i = 0; i < 12; ++i) {
                    BOOST_TEST(s.orders[i] == (i % 3 == 2 ? 1.0 : 2.0));
                    BOOST_TEST(s.leads[i] == (i % 3 == 0 ? 4.0 : 3.0));
                }
            }
        }
    }
    const Schedule exact = proactiveSchedule(1e6, 20000, 30, 0.2, 60, {}, 3.0, {}, 0.0);
    for (int i = 0; i < 12; ++i) {
        BOOST_TEST(exact.orders[i] == 20.0 / 12.0, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(exact.leads[i] == 40.0 / 12.0, boost::test_tools::tolerance(1e-12));
    }
}

// Unequal weights, cycle 2: a slow July and August (0), a busy November and December (2),
// 1 elsewhere; the weights add up to 12. Worked by hand:
BOOST_AUTO_TEST_CASE(unequal_weights_and_a_cycle)
{
    const Weights w = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 2, 2};
    const Schedule s = proactiveSchedule(1e6, 20000, 30, 0.2, 60, {}, 2.0, w, 1.0);
    // W_i = (1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 10, 12) / 12;
    // 20 W_i = 1.67, 3.33, 5, 6.67, 8.33, 10, 10, 10, 11.67, 13.33, 16.67, 20;
    // ceil:       2,    4, 5,    7,    9, 10, 10, 10,    12,    14,    17, 20.
    const double orders[] = {2, 2, 1, 2, 2, 1, 0, 0, 2, 2, 3, 3};
    // v = w two months on: (1, 1, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1), V_i = (1, 2, 3, 4, 4, 4, 5,
    // 6, 8, 10, 11, 12) / 12; 40 V_i = 3.33, 6.67, 10, 13.33, 13.33, 13.33, 16.67, 20, 26.67,
    // 33.33, 36.67, 40; ceil: 4, 7, 10, 14, 14, 14, 17, 20, 27, 34, 37, 40.
    const double leads[] = {4, 3, 3, 4, 0, 0, 3, 3, 7, 7, 3, 3};
    for (int i = 0; i < 12; ++i) {
        BOOST_TEST(s.orders[i] == orders[i]);
        BOOST_TEST(s.leads[i] == leads[i]);
    }
    const Schedule exact = proactiveSchedule(1e6, 20000, 30, 0.2, 60, {}, 2.0, w, 0.0);
    BOOST_TEST(exact.orders[11] == 20.0 * 2 / 12, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(exact.leads[9] == 40.0 * 2 / 12, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(exact.leads[4] == 0.0);
}

BOOST_AUTO_TEST_CASE(leads_left_article)
{
    // After 6 months, 8 orders won, 10 open leads: (12 - 6 - 2) / 0.2 = 20.
    for (double r : {0.0, 1.0, 2.0})
        BOOST_TEST(proactiveLeadsLeft(1e6, 20000, 30, 0.2, 60, 6, 8, 10.0, {}, r) == 20.0,
                   boost::test_tools::tolerance(1e-12));
    BOOST_TEST(proactiveLeadsLeft(1e6, 20000, 30, 0.2, 60, 0, 0) == 40.0);
    // All 20 won: nothing left; more won than needed is still 0.
    BOOST_TEST(proactiveLeadsLeft(1e6, 20000, 30, 0.2, 60, 12, 20) == 0.0);
    BOOST_TEST(proactiveLeadsLeft(1e6, 20000, 30, 0.2, 60, 3, 25) == 0.0);
    // Uneven (N exact 3.33, whole 4): after 12 months with nothing won, mode 1 asks
    // 4 / 0.2 = 20, mode 2 ceil(16.67) = 17, mode 0 16.67.
    BOOST_TEST(proactiveLeadsLeft(1e6, 30000, 30, 0.2, 10, 12, 0) == 20.0);
    BOOST_TEST(proactiveLeadsLeft(1e6, 30000, 30, 0.2, 10, 12, 0, {}, {}, 2.0) == 17.0);
    BOOST_TEST(proactiveLeadsLeft(1e6, 30000, 30, 0.2, 10, 12, 0, {}, {}, 0.0) == (1e6 / 30000 - 30) / 0.2,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(schedule_invalid_arguments)

BOOST_AUTO_TEST_CASE(schedule_positions)
{
    const auto at = [](double T, double S, double E, double c, double M, Optional cm, Optional cycle,
                       std::optional<Weights> w, Optional r) {
        return invalidPosition([&] { proactiveSchedule(T, S, E, c, M, cm, cycle, w, r); });
    };
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, {}, {}) == -1);
    BOOST_TEST(at(-1, 20000, 30, 0.2, 60, {}, {}, {}, {}) == 1);
    BOOST_TEST(at(1e6, 0, 30, 0.2, 60, {}, {}, {}, {}) == 2);
    BOOST_TEST(at(1e6, 20000, NaN, 0.2, 60, {}, {}, {}, {}) == 3);
    BOOST_TEST(at(1e6, 20000, 30, 0, 60, {}, {}, {}, {}) == 4);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, -1, {}, {}, {}, {}) == 5);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 1.5, {}, {}, {}) == 6);
    for (double cycle : {-1.0, 12.0, 1.5, 0.5, 11.000001, NaN, inf, -inf})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, cycle, {}, {}) == 7, "cycle " << cycle);
    for (double cycle : {0.0, 1.0, 11.0, -0.0})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, cycle, {}, {}) == -1, "cycle " << cycle);
    Weights w = equal;
    for (double bad : {-1.0, -1e-300, NaN, inf}) {
        w[4] = bad;
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, w, {}) == 8, "weight " << bad);
    }
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, Weights{}, {}) == 8);  // all zero
    Weights huge;
    huge.fill(1e308);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, huge, {}) == 8);  // sum overflows
    Weights one{};
    one[6] = 1e-300;  // a single tiny weight is a valid season: all in July
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, one, {}) == -1);
    BOOST_TEST(proactiveSchedule(1e6, 20000, 30, 0.2, 60, {}, {}, one).orders[6] == 20.0);
    for (double r : {3.0, -1.0, 0.5, NaN})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, {}, {}, r) == 9);
    // The first offender is named.
    BOOST_TEST(at(1e6, 0, 30, 0.2, 60, {}, 12.0, {}, {}) == 2);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, {}, 12.0, Weights{}, {}) == 7);
    // A result too large to be finite is position 0.
    BOOST_TEST(at(1e308, 1e-10, 0, 1, 0, {}, {}, {}, {}) == 0);
}

BOOST_AUTO_TEST_CASE(leads_left_positions)
{
    const auto at = [](double T, double S, double E, double c, double M, double done, double won,
                       Optional open, Optional cm, Optional r) {
        return invalidPosition([&] { proactiveLeadsLeft(T, S, E, c, M, done, won, open, cm, r); });
    };
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 6, 8, {}, {}, {}) == -1);
    BOOST_TEST(at(-1, 20000, 30, 0.2, 60, 6, 8, {}, {}, {}) == 1);
    BOOST_TEST(at(1e6, -5, 30, 0.2, 60, 6, 8, {}, {}, {}) == 2);
    BOOST_TEST(at(1e6, 20000, -1, 0.2, 60, 6, 8, {}, {}, {}) == 3);
    BOOST_TEST(at(1e6, 20000, 30, 1.01, 60, 6, 8, {}, {}, {}) == 4);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, inf, 6, 8, {}, {}, {}) == 5);
    for (double done : {-1.0, 13.0, 0.5, 12.5, NaN, inf})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, done, 8, {}, {}, {}) == 6, "monthsDone " << done);
    for (double done : {0.0, 12.0})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, done, 8, {}, {}, {}) == -1);
    for (double won : {-1.0, NaN, inf})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 6, won, {}, {}, {}) == 7);
    for (double open : {-1.0, NaN, inf})
        BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 6, 8, open, {}, {}) == 8);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 6, 8, {}, -0.1, {}) == 9);
    BOOST_TEST(at(1e6, 20000, 30, 0.2, 60, 6, 8, {}, {}, 3.0) == 10);
    BOOST_TEST(at(1e308, 1e-10, 0, 1e-300, 0, 0, 0, {}, {}, {}) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(schedule_properties)

BOOST_AUTO_TEST_CASE(schedule_matches_the_contract_written_out)
{
    Random rnd(11);
    for (int n = 0; n < samples; ++n) {
        const Case k = rnd.inputs();
        const int cycle = rnd.whole(0, 11);
        const bool given = rnd.whole(0, 3) != 0;
        const std::array<double, 12> w = given ? rnd.weights() : equal;
        for (int r = 0; r <= 2; ++r) {
            const Schedule got = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, double(cycle),
                                                   given ? std::optional<Weights>(w) : std::nullopt, double(r));
            const Schedule want = keySchedule(k, cycle, w, r);
            BOOST_TEST_INFO(std::setprecision(17) << "T " << k.T << " S " << k.S << " E " << k.E << " c "
                                                  << k.c << " M " << k.M << " cm " << k.cm << " cycle " << cycle
                                                  << " r " << r);
            BOOST_TEST_REQUIRE((got.orders == want.orders && got.leads == want.leads));
        }
    }
}

BOOST_AUTO_TEST_CASE(leads_left_matches_the_contract_written_out)
{
    Random rnd(1111);
    for (int n = 0; n < samples; ++n) {
        const Case k = rnd.inputs();
        const double done = rnd.whole(0, 12);
        const double won = rnd.whole(0, 3) == 0 ? rnd.uniform(0, 50) : rnd.whole(0, 50);
        const double open = rnd.whole(0, 2) == 0 ? 0.0 : rnd.whole(0, 100);
        for (int r = 0; r <= 2; ++r) {
            BOOST_TEST_INFO(std::setprecision(17) << "T " << k.T << " S " << k.S << " E " << k.E << " c "
                                                  << k.c << " M " << k.M << " cm " << k.cm << " done " << done
                                                  << " won " << won << " open " << open << " r " << r);
            BOOST_TEST_REQUIRE(proactiveLeadsLeft(k.T, k.S, k.E, k.c, k.M, done, won, open, k.cm, double(r))
                               == keyLeadsLeft(k, done, won, open, r));
        }
    }
}

BOOST_AUTO_TEST_CASE(rounded_months_are_whole_and_add_up_to_N_and_P)
{
    Random rnd(12);
    for (int n = 0; n < samples; ++n) {
        const Case k = rnd.inputs();
        const Weights w = rnd.weights();
        const double cycle = rnd.whole(0, 11);
        for (double r : {1.0, 2.0}) {
            const Schedule s = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, cycle, w, r);
            const double N = newCustomerOrders(k.T, k.S, k.E, r);
            const double P = proactiveLeads(k.T, k.S, k.E, k.c, k.M, k.cm, r);
            for (int i = 0; i < 12; ++i)
                BOOST_TEST_REQUIRE((whole(s.orders[i]) && s.orders[i] >= 0 && whole(s.leads[i]) && s.leads[i] >= 0));
            if (N < 0x1p53 && P < 0x1p53) {  // sums of whole numbers are exact below 2^53
                BOOST_TEST_REQUIRE(sum(s.orders) == N);
                BOOST_TEST_REQUIRE(sum(s.leads) == P);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(orders_never_depend_on_the_cycle)
{
    Random rnd(13);
    for (int n = 0; n < samples / 4; ++n) {
        const Case k = rnd.inputs();
        const Weights w = rnd.weights();
        for (double r : {0.0, 1.0, 2.0}) {
            const Schedule base = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, 0.0, w, r);
            for (int cycle = 1; cycle < 12; ++cycle)
                BOOST_TEST_REQUIRE(proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, double(cycle), w, r).orders
                                   == base.orders);
        }
    }
}

BOOST_AUTO_TEST_CASE(exact_leads_for_a_cycle_are_cycle_zero_rotated)
{
    Random rnd(14);
    for (int n = 0; n < samples / 4; ++n) {
        const Case k = rnd.inputs();
        const Weights w = rnd.weights();
        const Schedule base = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, 0.0, w, 0.0);
        for (int cycle = 1; cycle < 12; ++cycle) {
            const Schedule s = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, double(cycle), w, 0.0);
            for (int i = 0; i < 12; ++i) {
                // The totals differ only in the order of addition: the last bits.
                BOOST_TEST_REQUIRE(s.leads[i] == base.leads[(i + cycle) % 12],
                                   boost::test_tools::tolerance(1e-13));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(equal_weights_make_the_cycle_irrelevant)
{
    Random rnd(15);
    for (int n = 0; n < samples / 4; ++n) {
        const Case k = rnd.inputs();
        Weights w;
        w.fill(rnd.uniform(0.01, 100.0));
        for (double r : {0.0, 1.0, 2.0}) {
            const Schedule base = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, 0.0, w, r);
            for (int cycle = 1; cycle < 12; ++cycle) {
                const Schedule s = proactiveSchedule(k.T, k.S, k.E, k.c, k.M, k.cm, double(cycle), w, r);
                BOOST_TEST_REQUIRE((s.orders == base.orders && s.leads == base.leads));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(leads_left_at_the_start_is_proactive_leads)
{
    Random rnd(16);
    for (int n = 0; n < samples; ++n) {
        const Case k = rnd.inputs();
        for (double r : {0.0, 1.0, 2.0})
            BOOST_TEST_REQUIRE(proactiveLeadsLeft(k.T, k.S, k.E, k.c, k.M, 0, 0, 0.0, k.cm, r)
                               == proactiveLeads(k.T, k.S, k.E, k.c, k.M, k.cm, r));
    }
}

BOOST_AUTO_TEST_CASE(leads_left_falls_with_orders_won_and_open_leads_and_grows_with_months)
{
    Random rnd(17);
    for (int n = 0; n < samples; ++n) {
        const Case k = rnd.inputs();
        const double done = rnd.whole(0, 11);
        const double won = rnd.uniform(0, 50);
        const double open = rnd.uniform(0, 100);
        for (double r : {0.0, 1.0, 2.0}) {
            const auto left = [&](double d, double w, double o) {
                return proactiveLeadsLeft(k.T, k.S, k.E, k.c, k.M, d, w, o, k.cm, r);
            };
            const double base = left(done, won, open);
            BOOST_TEST_REQUIRE(left(done, won + rnd.uniform(0, 20), open) <= base);
            BOOST_TEST_REQUIRE(left(done, won, open + rnd.uniform(0, 50)) <= base);
            BOOST_TEST_REQUIRE(left(done + rnd.whole(1, int(12 - done)), won, open) >= base);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

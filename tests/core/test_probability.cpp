// PLANPROBABILITY and PROACTIVELEADSFOR (issue 12). Answer keys written out here, never
// the core's own helpers: the article's figures, a plain double sum over every pair of
// outcomes for small plans, and a long-double sum over every outcome (Kahan-compensated,
// probabilities from lgammal) for plans up to 100,000 leads.
#include <boost/test/unit_test.hpp>

#include "leadplan/binomial.hpp"
#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "test_support.hpp"

using namespace leadplan;
using namespace leadplan::test;

namespace {

// C(n, k) p^k (1-p)^(n-k) by the textbook product, for small n.
double plainPmf(int n, int k, double p)
{
    double coefficient = 1.0;
    for (int i = 1; i <= k; ++i)
        coefficient = coefficient * (n - k + i) / i;
    return coefficient * std::pow(p, k) * std::pow(1.0 - p, n - k);
}

// P(X + Y >= N) by summing P(X = x) P(Y = y) over every pair with x + y >= N.
double plainChance(int N, int M, double cm, int P, double c)
{
    double sum = 0.0;
    for (int x = 0; x <= M; ++x)
        for (int y = 0; y <= P; ++y)
            if (x + y >= N)
                sum += plainPmf(M, x, cm) * plainPmf(P, y, c);
    return sum;
}

// Long double, every outcome, compensated sums; 0 < p < 1.
std::vector<long double> longPmf(long n, long double p)
{
    std::vector<long double> pmf(static_cast<std::size_t>(n + 1));
    const long double logP = std::log(p), logQ = std::log1p(-p), logN = std::lgamma(n + 1.0L);
    for (long k = 0; k <= n; ++k)
        pmf[static_cast<std::size_t>(k)]
            = std::exp(logN - std::lgamma(k + 1.0L) - std::lgamma(n - k + 1.0L) + k * logP + (n - k) * logQ);
    return pmf;
}

struct Kahan {
    long double sum = 0, compensation = 0;
    void add(long double x)
    {
        const long double y = x - compensation;
        const long double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
    }
};

long double longChance(long N, long M, double cm, long P, double c)
{
    const std::vector<long double> x = longPmf(M, cm), y = longPmf(P, c);
    // atLeastY[j] = P(Y >= j), from the top.
    std::vector<long double> atLeastY(static_cast<std::size_t>(P + 2), 0.0L);
    Kahan tail;
    for (long j = P; j >= 0; --j) {
        tail.add(y[static_cast<std::size_t>(j)]);
        atLeastY[static_cast<std::size_t>(j)] = tail.sum;
    }
    Kahan sum;
    for (long i = 0; i <= M; ++i) {
        const long need = N - i;
        const long double reach = need <= 0 ? 1.0L : need > P ? 0.0L : atLeastY[static_cast<std::size_t>(need)];
        sum.add(x[static_cast<std::size_t>(i)] * reach);
    }
    return sum.sum;
}

// T, S, E giving N new-customer orders: T = (30 + N) * 20000 with E = 30.
double targetFor(double N) { return (30.0 + N) * 20000.0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_probability)

// The figures, to the 5 decimals it gives.
BOOST_AUTO_TEST_CASE(article)
{
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 0.2, 60, 40) - 0.53984) <= 0.000005);
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 0.275, 60, 40, 0.15) - 0.54078) <= 0.000005);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 60, 0.5) == 39.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 60, 0.8) == 56.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 60, 0.9) == 66.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 60, 0.95) == 75.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.275, 60, 0.8, 0.15) == 52.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.275, 60, 0.9, 0.15) == 59.0);
}

BOOST_AUTO_TEST_CASE(small_plans_against_every_pair_of_outcomes)
{
    const double conversions[] = {0.0, 1e-3, 0.05, 0.2, 0.275, 0.5, 0.73, 0.999, 1.0};
    for (int M : {0, 1, 7, 20, 60})
        for (int P : {0, 1, 5, 40})
            for (double cm : conversions)
                for (double c : conversions) {
                    if (c == 0.0)
                        continue;
                    for (int N : {0, 1, 2, 5, 13, 20, 33, 61, 100, 101}) {
                        BOOST_TEST_CONTEXT("N " << N << " M " << M << " cm " << cm << " P " << P << " c " << c)
                        {
                            const double expected = N == 0 ? 1.0 : plainChance(N, M, cm, P, c);
                            BOOST_TEST(std::fabs(planProbability(targetFor(N), 20000, 30, c, M, P, cm) - expected) <= 1e-13);
                        }
                    }
                }
}

// Sizes up to the 100,000 leads within which the issue asks for 1e-12.
BOOST_AUTO_TEST_CASE(larger_plans_within_1e_12)
{
    struct Case {
        long M;
        double cm;
        long P;
        double c;
    };
    const Case cases[] = {
        {300, 0.2, 500, 0.2},        {1000, 0.05, 2000, 0.3},  {5000, 0.01, 3000, 0.9},
        {20000, 0.2, 30000, 0.2},    {50000, 0.5, 50000, 0.5}, {90000, 0.001, 10000, 0.37},
        {0, 0.2, 100000, 0.2},       {40000, 0.999, 100, 0.5},
    };
    for (const Case& k : cases) {
        const double m = static_cast<double>(k.M), p = static_cast<double>(k.P);
        const double mean = m * k.cm + p * k.c;
        const double sd = std::sqrt(m * k.cm * (1 - k.cm) + p * k.c * (1 - k.c));
        for (double z : {-9.0, -4.0, -1.5, -0.3, 0.0, 0.4, 1.0, 2.5, 6.0, 8.5}) {
            const long N = std::max(1L, std::lround(mean + z * sd));
            const double n = static_cast<double>(N);
            BOOST_TEST_CONTEXT("N " << N << " M " << k.M << " cm " << k.cm << " P " << k.P << " c " << k.c)
            {
                const long double expected = longChance(N, k.M, k.cm, k.P, k.c);
                const double got = planProbability(targetFor(n), 20000, 30, k.c, m, p, k.cm);
                BOOST_TEST(std::fabs(static_cast<long double>(got) - expected) <= 1e-12L);
            }
        }
    }
}

// The cut-off's promise (binomial.hpp): at most 2 * cutOff of the probability lies
// outside a window, on each side at most cutOff... relative to the mode, so at most
// cutOff absolutely.
BOOST_AUTO_TEST_CASE(window_leaves_out_at_most_the_cut_off)
{
    for (long n : {1L, 10L, 100L, 1000L, 30000L})
        for (double p : {1e-6, 0.01, 0.2, 0.5, 0.77, 0.999999}) {
            BOOST_TEST_CONTEXT("n " << n << " p " << p)
            {
                const binomial::Window w = binomial::window(static_cast<double>(n), p);
                const std::vector<long double> pmf = longPmf(n, p);
                const long first = std::lround(w.first);
                const long last = first + static_cast<long>(w.pmf.size()) - 1;
                BOOST_TEST_REQUIRE(first >= 0);
                BOOST_TEST_REQUIRE(last <= n);
                long double below = 0, above = 0;
                for (long k = 0; k < first; ++k)
                    below += pmf[static_cast<std::size_t>(k)];
                for (long k = last + 1; k <= n; ++k)
                    above += pmf[static_cast<std::size_t>(k)];
                BOOST_TEST(below <= binomial::cutOff * 1.001L);
                BOOST_TEST(above <= binomial::cutOff * 1.001L);
                // And it is a cut-off, not the whole range, once the range is wide.
                if (n >= 1000 && p > 0.1 && p < 0.9)
                    BOOST_TEST(static_cast<long>(w.pmf.size()) < n / 2);
                for (long k = first; k <= last; ++k)
                    BOOST_TEST(std::fabs(w.pmf[static_cast<std::size_t>(k - first)] - pmf[static_cast<std::size_t>(k)]) <= 1e-14L);
            }
        }
}

BOOST_AUTO_TEST_CASE(edges)
{
    // N = 0: existing customers cover the target.
    BOOST_TEST(planProbability(1e6, 20000, 50, 0.2, 0, 0) == 1.0);
    BOOST_TEST(planProbability(1e6, 20000, 80, 0.2, 60, 40) == 1.0);
    // Fewer leads than orders needed.
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 10, 9) == 0.0);
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 0, 0) == 0.0);
    // c = 1: every proactive lead converts.
    BOOST_TEST(planProbability(1e6, 20000, 30, 1.0, 0, 20) == 1.0);
    BOOST_TEST(planProbability(1e6, 20000, 30, 1.0, 0, 19) == 0.0);
    // With 10 proactive leads sure, 10 of marketing's 60 at 20%: P(X >= 10).
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 1.0, 60, 10, 0.2) - plainChance(10, 60, 0.2, 0, 1.0)) <= 1e-14);
    // cm = 0: marketing's leads never convert.
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 0.2, 60, 40, 0.0) - plainChance(20, 0, 0.0, 40, 0.2)) <= 1e-14);
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 1000, 0, 0.0) == 0.0);
    // M = 0 and P = 0.
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 0.2, 0, 100) - plainChance(20, 0, 0.2, 100, 0.2)) <= 1e-14);
    BOOST_TEST(std::fabs(planProbability(1e6, 20000, 30, 0.2, 100, 0) - plainChance(20, 100, 0.2, 0, 0.2)) <= 1e-14);
    // Lead counts within 1e-9 * max(1, |x|) of a whole number are that number.
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 5 * 12.000000000000002, 40) == planProbability(1e6, 20000, 30, 0.2, 60, 40));
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 60, 40 + 3e-8) == planProbability(1e6, 20000, 30, 0.2, 60, 40));
    BOOST_TEST(planProbability(1e6, 20000, 30, 0.2, 60, 1e-10) == planProbability(1e6, 20000, 30, 0.2, 60, 0));
    // PROACTIVELEADSFOR: no leads needed when N = 0 or marketing alone is sure enough.
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 50, 0.2, 0, 0.99) == 0.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 1000, 0.99) == 0.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 1.0, 0, 0.5) == 20.0);
    BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 1.0, 0, 0.999999) == 20.0);
    // cm = 0 and M = 0 ask the same of proactive leads.
    for (double confidence : {0.01, 0.5, 0.9, 0.999})
        BOOST_TEST(proactiveLeadsFor(1e6, 20000, 30, 0.2, 60, confidence, 0.0)
                   == proactiveLeadsFor(1e6, 20000, 30, 0.2, 0, confidence));
}

BOOST_AUTO_TEST_CASE(invalid_arguments)
{
    const auto prob = [](double T, double S, double E, double c, double M, double P, Optional cm) {
        return invalidPosition([&] { planProbability(T, S, E, c, M, P, cm); });
    };
    const double NaN = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, 40, {}) == -1);
    BOOST_TEST(prob(-1, 20000, 30, 0.2, 60, 40, {}) == 1);
    BOOST_TEST(prob(1e6, 0, 30, 0.2, 60, 40, {}) == 2);
    BOOST_TEST(prob(1e6, 20000, -1, 0.2, 60, 40, {}) == 3);
    BOOST_TEST(prob(1e6, 20000, 30, 0, 60, 40, {}) == 4);
    BOOST_TEST(prob(1e6, 20000, 30, 1.01, 60, 40, {}) == 4);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, -1, 40, {}) == 5);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60.5, 40, {}) == 5);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60.000001, 40, {}) == 5);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, NaN, 40, {}) == 5);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, inf, 40, {}) == 5);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, -1, {}) == 6);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, 40.5, {}) == 6);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, NaN, {}) == 6);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, 40, -0.1) == 7);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, 40, 1.1) == 7);
    BOOST_TEST(prob(1e6, 20000, 30, 0.2, 60, 40, NaN) == 7);
    // The size limit: M + P at most 10,000,000.
    BOOST_TEST(prob(8e9, 20000, 0, 0.2, 5e6, 5e6, {}) == -1);
    BOOST_TEST(prob(8e9, 20000, 0, 0.2, 5e6, 5e6 + 1, {}) == 6);
    BOOST_TEST(prob(8e9, 20000, 0, 0.2, 1e7 + 1, 0, {}) == 5);
    BOOST_TEST(prob(1E+308, 1E-308, 0, 0.2, 60, 40, {}) == 0);

    const auto leadsFor = [](double T, double S, double E, double c, double M, double confidence, Optional cm) {
        return invalidPosition([&] { proactiveLeadsFor(T, S, E, c, M, confidence, cm); });
    };
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, 0.9, {}) == -1);
    BOOST_TEST(leadsFor(-1, 20000, 30, 0.2, 60, 0.9, {}) == 1);
    BOOST_TEST(leadsFor(1e6, -1, 30, 0.2, 60, 0.9, {}) == 2);
    BOOST_TEST(leadsFor(1e6, 20000, -1, 0.2, 60, 0.9, {}) == 3);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0, 60, 0.9, {}) == 4);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 59.5, 0.9, {}) == 5);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, 0.0, {}) == 6);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, 1.0, {}) == 6);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, -0.5, {}) == 6);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, 1.5, {}) == 6);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, NaN, {}) == 6);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, 0.9, 2.0) == 7);
    // Needing more than 10,000,000 leads in all: the result is the error.
    BOOST_TEST(leadsFor(1e11, 20000, 0, 0.2, 0, 0.5, {}) == 0);
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 1e7, 0.9, 0.0) == 0);
    // The largest confidence below 1 still has an answer for a small plan.
    BOOST_TEST(leadsFor(1e6, 20000, 30, 0.2, 60, std::nextafter(1.0, 0.0), {}) == -1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plan_probability_properties)

struct Plan12 {
    double N, c, M, P, cm;
};

Plan12 randomPlan(std::mt19937_64& engine)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> small(0, 400);
    const int scale = std::uniform_int_distribution<int>(0, 2)(engine);
    const double factor = scale == 0 ? 1.0 : scale == 1 ? 10.0 : 250.0;
    Plan12 plan{};
    plan.c = std::max(1e-3, unit(engine));
    plan.cm = unit(engine) < 0.1 ? 0.0 : unit(engine);
    plan.M = small(engine) * factor;
    plan.P = small(engine) * factor;
    plan.N = std::round((plan.M * plan.cm + plan.P * plan.c) * (0.5 + unit(engine)));
    return plan;
}

double chance(const Plan12& p)
{
    return planProbability(targetFor(p.N), 20000, 30, p.c, p.M, p.P, p.cm);
}

BOOST_AUTO_TEST_CASE(never_falls_with_more_leads_never_rises_with_more_orders)
{
    std::mt19937_64 engine(12);
    for (int i = 0; i < 3000; ++i) {
        const Plan12 plan = randomPlan(engine);
        const double base = chance(plan);
        BOOST_TEST_REQUIRE((base >= 0.0 && base <= 1.0));
        for (double step : {1.0, 7.0, 100.0}) {
            Plan12 more = plan;
            more.P += step;
            BOOST_TEST_REQUIRE(chance(more) >= base, "P " << plan.P << " + " << step);
            more = plan;
            more.M += step;
            BOOST_TEST_REQUIRE(chance(more) >= base, "M " << plan.M << " + " << step);
            more = plan;
            more.N += step;
            BOOST_TEST_REQUIRE(chance(more) <= base, "N " << plan.N << " + " << step);
        }
    }
}

// PROACTIVELEADSFOR = P means the chance at P meets the confidence and at P - 1 does not.
BOOST_AUTO_TEST_CASE(leads_for_is_the_smallest_that_meets_the_confidence)
{
    std::mt19937_64 engine(1212);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 600; ++i) {
        Plan12 plan = randomPlan(engine);
        plan.N = std::max(1.0, plan.N);
        const double confidence = i % 5 == 0 ? std::pow(10.0, -1 - 8 * unit(engine))
                                  : i % 5 == 1 ? 1 - std::pow(10.0, -1 - 8 * unit(engine))
                                               : unit(engine);
        if (!(confidence > 0 && confidence < 1))
            continue;
        const double T = targetFor(plan.N);
        double P = -1;
        BOOST_TEST_CONTEXT("N " << plan.N << " M " << plan.M << " cm " << plan.cm << " c " << plan.c
                                << " confidence " << confidence)
        {
            BOOST_REQUIRE_NO_THROW(P = proactiveLeadsFor(T, 20000, 30, plan.c, plan.M, confidence, plan.cm));
            BOOST_TEST_REQUIRE(P == std::floor(P));
            BOOST_TEST_REQUIRE(planProbability(T, 20000, 30, plan.c, plan.M, P, plan.cm) >= confidence);
            if (P > 0)
                BOOST_TEST_REQUIRE(planProbability(T, 20000, 30, plan.c, plan.M, P - 1, plan.cm) < confidence);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_million_leads_each)
{
    // N = 400,000 from M = P = 1,000,000 at 20%: the mean exactly; the chance of reaching
    // the mean of a sum of binomials is a little above 1/2.
    const double chance = planProbability(8e9, 20000, 0, 0.2, 1e6, 1e6);
    BOOST_TEST((chance > 0.5 && chance < 0.51));
    const double P = proactiveLeadsFor(8e9, 20000, 0, 0.2, 1e6, 0.9);
    BOOST_TEST(planProbability(8e9, 20000, 0, 0.2, 1e6, P) >= 0.9);
    BOOST_TEST(planProbability(8e9, 20000, 0, 0.2, 1e6, P - 1) < 0.9);
}

BOOST_AUTO_TEST_SUITE_END()

// ACTIVITIESNEEDED (issue 13): the issue's worked examples, every invalid argument, the
// properties the issue lists, and an independent answer key: the contract written out
// plainly below (std::ceil, std::round, no core helper) against the core over seeded
// random inputs in all three rounding modes.
#include <boost/test/unit_test.hpp>

#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>
#include <vector>

using namespace leadplan;

namespace {

using Rates = std::vector<double>;

std::vector<double> counts(double leads, const Rates& rates, Optional r = {})
{
    const Activities a = activitiesNeeded(leads, rates, r);
    return {a.counts.begin(), a.counts.begin() + a.size};
}

// The position named by the InvalidArgument, or -1 when the call returns.
int invalidPosition(double leads, const Rates& rates, Optional r = {})
{
    try {
        activitiesNeeded(leads, rates, r);
    } catch (const InvalidArgument& e) {
        return e.position();
    }
    return -1;
}

// ---- the contract, written out plainly ----------------------------------------------
// ceil~: a value within 1e-9 * max(1, |x|) of an integer counts as that integer;
// anything else rounds up.
double contractCeiling(double x)
{
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= 1e-9 * std::max(1.0, std::fabs(x)))
        return nearest;
    return std::ceil(x);
}

// Work backwards from the leads: the last rate turns its stage into leads, so that
// stage needs leads / rate; each earlier stage needs the next stage's count / its rate.
// r = 1 rounds up at every stage before the next uses it (leads taken as given), r = 0
// is exact, r = 2 rounds each count of the exact chain up once.
std::vector<double> answerKey(double leads, const Rates& rates, int r)
{
    std::vector<double> out(rates.size());
    double exact = leads;
    double wholeAtEveryStage = leads;
    for (std::size_t k = rates.size(); k-- > 0;) {
        exact = exact / rates[k];
        wholeAtEveryStage = contractCeiling(wholeAtEveryStage / rates[k]);
        if (r == 0)
            out[k] = exact;
        else if (r == 1)
            out[k] = wholeAtEveryStage;
        else
            out[k] = contractCeiling(exact);
    }
    return out;
}

class Random {
public:
    explicit Random(unsigned seed) : engine_(seed) {}
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
    int whole(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }

    // Leads of every kind: 0, below 1, whole, near a whole number (inside and outside the
    // tolerance), halves, ordinary and large.
    double leads()
    {
        switch (whole(0, 6)) {
        case 0: return 0.0;
        case 1: return uniform(0.0, 1.0);
        case 2: return whole(1, 500);
        case 3: return whole(1, 100000) + (whole(0, 1) ? 1.0 : -1.0) * std::ldexp(1.0, -whole(20, 45));
        case 4: return whole(0, 400) + 0.5;
        case 5: return uniform(0.0, 1000.0);
        default: return uniform(1e6, 1e12);
        }
    }

    // Rates: funnel-like percentages (many of which divide into near-integers), 100%,
    // tiny and arbitrary ones.
    double rate()
    {
        static constexpr double common[] = {0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.75, 0.9, 1.0};
        switch (whole(0, 3)) {
        case 0: return common[whole(0, static_cast<int>(std::size(common)) - 1)];
        case 1: return whole(1, 100) / 100.0;
        case 2: return uniform(1e-4, 0.01);
        default: return uniform(1e-3, 1.0);
        }
    }

    Rates rates()
    {
        Rates out(static_cast<std::size_t>(whole(1, maxStages)));
        for (double& rate : out)
            rate = this->rate();
        return out;
    }

private:
    std::mt19937_64 engine_;
};

constexpr int samples = 20000;

bool whole(double x) { return std::floor(x) == x; }

}  // namespace

BOOST_AUTO_TEST_SUITE(activities_needed)

BOOST_AUTO_TEST_CASE(the_issues_examples)
{
    // Calls -> conversations 25%, conversations -> meetings 40%, meetings -> leads 50%.
    const Rates funnel = {0.25, 0.4, 0.5};
    for (Optional r : {Optional{}, Optional{0.0}, Optional{1.0}, Optional{2.0}})
        BOOST_TEST(counts(40, funnel, r) == (std::vector<double>{800, 200, 80}), boost::test_tools::per_element());
    // 30%, 45%, 60%: 40 / 0.6 = 66.7 -> 67, 67 / 0.45 = 148.9 -> 149, 149 / 0.3 = 496.7 -> 497;
    // once: 66.67 -> 67, 148.15 -> 149, 493.8 -> 494.
    const Rates uneven = {0.3, 0.45, 0.6};
    BOOST_TEST(counts(40, uneven) == (std::vector<double>{497, 149, 67}), boost::test_tools::per_element());
    BOOST_TEST(counts(40, uneven, 1.0) == (std::vector<double>{497, 149, 67}), boost::test_tools::per_element());
    BOOST_TEST(counts(40, uneven, 2.0) == (std::vector<double>{494, 149, 67}), boost::test_tools::per_element());
    const std::vector<double> exact = counts(40, uneven, 0.0);
    BOOST_TEST_REQUIRE(exact.size() == 3u);
    BOOST_TEST(exact[2] == 40 / 0.6, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(exact[1] == 40 / 0.6 / 0.45, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(exact[0] == 40 / 0.6 / 0.45 / 0.3, boost::test_tools::tolerance(1e-12));
    // Leads taken as given: 39.5 at 50% is 79, not 40 / 0.5 = 80.
    BOOST_TEST(counts(39.5, {0.5}) == (std::vector<double>{79}), boost::test_tools::per_element());
    BOOST_TEST(counts(39.5, {0.5}, 2.0) == (std::vector<double>{79}), boost::test_tools::per_element());
    BOOST_TEST(counts(39.5, {0.5}, 0.0) == (std::vector<double>{79}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(edges)
{
    BOOST_TEST(counts(0, {0.25, 0.4, 0.5}) == (std::vector<double>{0, 0, 0}), boost::test_tools::per_element());
    BOOST_TEST(counts(0, {0.3}, 0.0) == (std::vector<double>{0}), boost::test_tools::per_element());
    BOOST_TEST(counts(40, {1.0, 1.0}) == (std::vector<double>{40, 40}), boost::test_tools::per_element());
    // Ten stages at 50%: 1 lead needs 2^10 first activities.
    const Activities ten = activitiesNeeded(1, Rates(10, 0.5));
    BOOST_TEST(ten.size == 10);
    BOOST_TEST(ten.counts[0] == 1024.0);
    BOOST_TEST(ten.counts[9] == 2.0);
    // The tolerant ceiling: 21 / 0.7 is 30.000000000000004 in binary, 30 meetings.
    BOOST_TEST(counts(21, {0.7}) == (std::vector<double>{30}), boost::test_tools::per_element());
    BOOST_TEST(counts(21, {0.7}, 2.0) == (std::vector<double>{30}), boost::test_tools::per_element());
    // A tiny share of leads: 0.2 leads still need a whole meeting.
    BOOST_TEST(counts(0.2, {0.5}) == (std::vector<double>{1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_invalid_argument_names_its_position)
{
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    const Rates ok = {0.25, 0.4, 0.5};
    BOOST_TEST(invalidPosition(40, ok) == -1);
    for (double bad : {-1.0, -1e-300, NaN, inf, -inf})
        BOOST_TEST(invalidPosition(bad, ok) == 1, "leads " << bad);
    for (double bad : {0.0, -0.0, -0.25, 1.0000001, 25.0, NaN, inf, -inf}) {
        BOOST_TEST(invalidPosition(40, {bad}) == 2, "rate " << bad);
        BOOST_TEST(invalidPosition(40, {0.25, bad, 0.5}) == 2, "middle rate " << bad);
    }
    BOOST_TEST(invalidPosition(40, {}) == 2);
    BOOST_TEST(invalidPosition(40, Rates(11, 0.5)) == 2);
    BOOST_TEST(invalidPosition(40, Rates(10, 0.5)) == -1);
    for (double bad : {-1.0, 0.5, 1.5, 3.0, NaN, inf})
        BOOST_TEST(invalidPosition(40, ok, bad) == 3, "r " << bad);
    // The first offender is named.
    BOOST_TEST(invalidPosition(-1, {0.0}, 7.0) == 1);
    BOOST_TEST(invalidPosition(40, {0.0}, 7.0) == 2);
    // A result that is not finite.
    BOOST_TEST(invalidPosition(1e308, {0.5}) == 0);
    BOOST_TEST(invalidPosition(1e308, {0.5}, 0.0) == 0);
    BOOST_TEST(invalidPosition(1e300, Rates(10, 1e-3), 2.0) == 0);
}

BOOST_AUTO_TEST_CASE(one_rate_gives_leads_divided_by_the_rate)
{
    Random rnd(13);
    for (int i = 0; i < samples; ++i) {
        const double leads = rnd.leads();
        const double rate = rnd.rate();
        const double want[] = {leads / rate, contractCeiling(leads / rate), contractCeiling(leads / rate)};
        for (int r : {0, 1, 2}) {
            const double got = counts(leads, {rate}, r)[0];
            if (got != want[r])
                BOOST_FAIL(std::setprecision(17) << "leads " << leads << " rate " << rate << " r " << r
                                                 << ": core " << got << ", want " << want[r]);
        }
    }
}

BOOST_AUTO_TEST_CASE(rounding_modes_agree_with_each_other)
{
    Random rnd(2013);
    int ordered = 0;
    for (int i = 0; i < samples; ++i) {
        const double leads = rnd.leads();
        const Rates rates = rnd.rates();
        const auto exact = counts(leads, rates, 0.0);
        const auto stepwise = counts(leads, rates, 1.0);
        const auto once = counts(leads, rates, 2.0);
        BOOST_TEST_REQUIRE(exact.size() == rates.size());
        BOOST_TEST_REQUIRE(stepwise.size() == rates.size());
        BOOST_TEST_REQUIRE(once.size() == rates.size());
        // From the last stage (nearest the leads) back, the order in which they are worked.
        bool roundedUpSoFar = true;
        for (std::size_t k = rates.size(); k-- > 0;) {
            const auto fail = [&](const char* what) {
                BOOST_FAIL(what << std::setprecision(17) << " at leads " << leads << " stage " << k
                                << ": exact " << exact[k] << ", mode 1 " << stepwise[k]
                                << ", mode 2 " << once[k]);
            };
            // Mode 2 is the exact chain, each count rounded up once.
            if (once[k] != contractCeiling(exact[k]))
                fail("mode 2 is not the rounded-up exact chain");
            // Rounding up at every stage never needs fewer activities than rounding once,
            // as long as the tolerant ceiling is a ceiling on the exact chain. It forgives
            // noise: an exact count within 1e-9 * max(1, |x|) above a whole number counts
            // as that number, and mode 1 then carries on from the smaller value (from 5e8
            // up the tolerance exceeds 0.5 and every count is rounded to the nearest).
            // By induction with ceil~ and division monotone: if ceil~(exact) >= exact at
            // every stage up to k, mode 1 >= mode 2 at k.
            roundedUpSoFar = roundedUpSoFar && contractCeiling(exact[k]) >= exact[k];
            if (roundedUpSoFar) {
                if (stepwise[k] < once[k])
                    fail("mode 1 below mode 2");
                ++ordered;
            }
            if (!whole(stepwise[k]) || !whole(once[k]))
                fail("a count is not whole");
        }
    }
    BOOST_TEST(ordered > samples);
}

BOOST_AUTO_TEST_CASE(counts_never_fall_as_leads_grow_or_a_rate_falls)
{
    Random rnd(4040);
    for (int i = 0; i < samples; ++i) {
        const double leads = rnd.leads();
        const Rates rates = rnd.rates();
        const double moreLeads = leads + (rnd.whole(0, 1) ? rnd.uniform(0.0, 2.0) : rnd.whole(0, 50));
        Rates lowerRate = rates;
        const std::size_t k = static_cast<std::size_t>(rnd.whole(0, static_cast<int>(rates.size()) - 1));
        lowerRate[k] = rnd.uniform(std::max(1e-4, rates[k] / 2), rates[k]);
        for (double r : {0.0, 1.0, 2.0}) {
            const auto base = counts(leads, rates, r);
            const auto grown = counts(moreLeads, rates, r);
            const auto lowered = counts(leads, lowerRate, r);
            for (std::size_t s = 0; s < rates.size(); ++s) {
                if (grown[s] < base[s] || lowered[s] < base[s])
                    BOOST_FAIL(std::setprecision(17) << "leads " << leads << " -> " << moreLeads
                               << ", rate " << k << " " << rates[k] << " -> " << lowerRate[k]
                               << ", r " << r << ", stage " << s << ": " << base[s] << " -> "
                               << grown[s] << " (more leads), " << lowered[s] << " (lower rate)");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_core_follows_the_answer_key)
{
    Random rnd(20261128);
    int checked = 0;
    for (int i = 0; i < 4 * samples; ++i) {
        const double leads = rnd.leads();
        const Rates rates = rnd.rates();
        for (int r : {0, 1, 2}) {
            const auto want = answerKey(leads, rates, r);
            if (!std::all_of(want.begin(), want.end(), [](double x) { return std::isfinite(x); })) {
                BOOST_TEST_REQUIRE(invalidPosition(leads, rates, static_cast<double>(r)) == 0);
                continue;
            }
            const auto got = counts(leads, rates, static_cast<double>(r));
            BOOST_TEST_REQUIRE(got.size() == want.size());
            for (std::size_t k = 0; k < want.size(); ++k) {
                if (got[k] != want[k])
                    BOOST_FAIL(std::setprecision(17) << "leads " << leads << " rate " << rates[k]
                               << " r " << r << " stage " << k << " of " << rates.size()
                               << ": core " << got[k] << ", key " << want[k]);
            }
            ++checked;
        }
    }
    BOOST_TEST(checked > 3 * samples);
}

BOOST_AUTO_TEST_SUITE_END()

// PLANPROBABILITY and PROACTIVELEADSFOR (issue 12): the chance that X + Y >= N for
// X ~ Binomial(M, cm) and Y ~ Binomial(P, c), and the smallest P that makes it likely
// enough.
//
// Why not a library pdf and cdf per term: that costs about 120 us per call with the
// article's numbers and 44 ms for a million leads. Each distribution here is walked once
// from its mode outward with the ratio of neighbouring terms (one multiply and one divide
// per term), only as far as its terms can matter, and then normalised by its own sum. The
// normalisation is also what makes the result accurate for millions of leads: 1 - p is
// rounded for p < 0.5, and a pdf built from it (Boost's included) is off by up to
// n * 2^-53 relatively, 5e-10 at 10,000,000 leads; normalised, the same rounding only
// moves p by about p * q * 2^-53, which moves the probability by less than 1e-13.
// Boost.Math supplies the one special function left, the normal quantile for the search's
// starting guess.
#include "leadplan/binomial.hpp"
#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/erf.hpp>

namespace leadplan {

namespace binomial {

// Terms t_k of Binomial(n, p) relative to t_mode = 1. Going up, t_{k+1} = t_k * r_k with
// r_k = (n - k) / (k + 1) * p / q, and r_k falls as k grows; so once r_k < 1, everything
// beyond k adds up to at most t_k * (r_k + r_k^2 + ...) = t_k * r_k / (1 - r_k). The walk
// stops when that is at most cutOff. Going down the same holds with
// s_k = k / (n - k + 1) * q / p, which falls as k falls. The true probability at the mode
// is at most 1, so each side leaves out at most cutOff of the probability; the window's
// sum is then at least 1 - 2 * cutOff of the total, and normalising by it raises each term
// by at most that share. For P(X + Y >= k) (atLeast) all this moves the result by at most
// 8 * cutOff = 8e-17: far below the 1e-12 promised, and tested (tests/core).
void fill(Window& out, double n, double p)
{
    out.pmf.clear();
    out.mean = n * p;
    if (n == 0.0 || p == 0.0) {
        out.first = 0.0;
        out.pmf.push_back(1.0);
        return;
    }
    if (p == 1.0) {
        out.first = n;
        out.pmf.push_back(1.0);
        return;
    }
    const double q = 1.0 - p;
    const double mode = std::min(n, std::floor((n + 1.0) * p));

    // Down from the mode, stored in reverse and turned round afterwards.
    double term = 1.0;
    double k = mode;
    out.pmf.push_back(term);
    for (; k > 0.0; k -= 1.0) {
        const double ratio = k * q / ((n - k + 1.0) * p);
        if (ratio < 1.0 && term * ratio <= cutOff * (1.0 - ratio))
            break;
        term *= ratio;
        out.pmf.push_back(term);
    }
    out.first = k;
    std::reverse(out.pmf.begin(), out.pmf.end());

    term = 1.0;
    for (k = mode; k < n; k += 1.0) {
        const double ratio = (n - k) * p / ((k + 1.0) * q);
        if (ratio < 1.0 && term * ratio <= cutOff * (1.0 - ratio))
            break;
        term *= ratio;
        out.pmf.push_back(term);
    }

    double sum = 0.0;
    for (double t : out.pmf)
        sum += t;
    const double scale = 1.0 / sum;
    for (double& t : out.pmf)
        t *= scale;
}

Window window(double n, double p)
{
    Window w;
    fill(w, n, p);
    return w;
}

// sum over x of P(X = x) * P(Y >= k - x). With x rising, k - x falls, so P(Y >= k - x) is
// kept as a running sum that only ever adds terms, from Y's small upper tail down: no
// cancellation, and no second buffer. The complement, sum over x of P(X = x) *
// P(Y < k - x), the same way with x falling. The median of X + Y lies within 1 of its mean,
// so the smaller of the two is (about) the one whose k is on the far side of the mean.
double atLeast(const Window& x, const Window& y, double k)
{
    const double yCount = static_cast<double>(y.pmf.size());
    const std::size_t xCount = x.pmf.size();
    // Y's window index from which on X = x.first + i reaches k, within 0 .. yCount.
    const auto reachFrom = [&](std::size_t i) {
        return static_cast<std::size_t>(std::clamp(k - (x.first + static_cast<double>(i)) - y.first, 0.0, yCount));
    };
    double sum = 0.0;
    if (k > x.mean + y.mean) {
        std::size_t added = y.pmf.size();  // tail = sum of y.pmf[added ..]
        double tail = 0.0;
        for (std::size_t i = 0; i < xCount; ++i) {
            const std::size_t from = reachFrom(i);
            while (added > from)
                tail += y.pmf[--added];
            sum += x.pmf[i] * tail;
        }
        return std::clamp(sum, 0.0, 1.0);
    }
    std::size_t added = 0;  // head = sum of y.pmf[.. added - 1]
    double head = 0.0;
    for (std::size_t i = xCount; i-- > 0;) {
        const std::size_t from = reachFrom(i);
        while (added < from)
            head += y.pmf[added++];
        sum += x.pmf[i] * head;
    }
    return std::clamp(1.0 - sum, 0.0, 1.0);
}

}  // namespace binomial

namespace {

// The argument checks of leadplan.cpp, with the same messages.
void check(bool ok, double x, int position, const char* reason)
{
    if (!ok) [[unlikely]]
        throw InvalidArgument(position, std::isfinite(x) ? reason : "must be a finite number");
}

// A count of leads: whole and >= 0, where a value within 1e-9 * max(1, |x|) of a whole
// number is that number (60.00000000000001 from 5 * 12 is 60).
double leadCount(double x, int position)
{
    check(x >= 0.0 && x <= std::numeric_limits<double>::max(), x, position, "must be 0 or more");
    const double nearest = std::round(x);
    check(std::fabs(x - nearest) <= 1e-9 * std::max(1.0, x), x, position, "must be a whole number");
    check(nearest <= maxProbabilityLeads, x, position, "must be at most 10,000,000 leads");
    return nearest;
}

struct Inputs {
    double N, c, M, cm;
};

// T, S and E are checked by newCustomerOrders, at the same positions.
Inputs inputs(double T, double S, double E, double c, double M, double cm, int cmPosition)
{
    const double N = detail::newCustomerOrders(T, S, E, defaultRounding);
    check(c > 0.0 && c <= 1.0, c, 4, "must be greater than 0 and at most 1 (100%)");
    const double m = leadCount(M, 5);
    check(cm >= 0.0 && cm <= 1.0, cm, cmPosition, "must be between 0 and 1 (100%)");
    return {N, c, m, cm};
}

// No double-precision loss or overflow reaches here (boost's errors would be exceptions
// of their own: errno instead, and the caller checks the result).
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>,
    boost::math::policies::promote_double<false>>;

// P such that the normal approximation with continuity correction, E - z * sd = N - 1/2,
// just holds: a starting point for the exact search, never a result.
double normalGuess(const Inputs& in, double confidence, double limit)
{
    const double z = -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * confidence, Policy());
    const double xMean = in.M * in.cm;
    const double xVariance = in.M * in.cm * (1.0 - in.cm);
    double P = std::max(0.0, (in.N - xMean) / in.c);
    // P = (N - 1/2 - xMean + z * sd(P)) / c converges fast: sd grows like sqrt(P).
    for (int i = 0; i < 8; ++i)
        P = std::max(0.0, (in.N - 0.5 - xMean + z * std::sqrt(xVariance + P * in.c * (1.0 - in.c))) / in.c);
    return std::isfinite(P) ? std::clamp(std::round(P), 0.0, limit) : limit;
}

// The windows' storage, kept per thread between calls: allocating it afresh costs more
// than the arithmetic (with two 60 kB windows alive, glibc returns the memory to the
// system after each call and takes page faults to get it back: 1.3 ms instead of 50 us
// for a million leads). At most about 2 x 30,000 doubles per thread at 10,000,000 leads.
struct Scratch {
    binomial::Window x, y;
};
thread_local Scratch scratch;

}  // namespace

namespace detail {

double planProbability(double T, double S, double E, double c, double M, double P, double cm)
{
    const Inputs in = inputs(T, S, E, c, M, cm, 7);
    const double p = leadCount(P, 6);
    check(in.M + p <= maxProbabilityLeads, P, 6, "with the marketing leads, must be at most 10,000,000 leads");
    if (in.N <= 0.0)
        return 1.0;
    if (in.N > in.M + p)
        return 0.0;
    binomial::Window& x = scratch.x;
    binomial::Window& y = scratch.y;
    binomial::fill(x, in.M, in.cm);
    binomial::fill(y, p, in.c);
    return binomial::atLeast(x, y, in.N);
}

// Bisection on exact probabilities between a P that fails and one that meets the
// confidence, bracketed from the normal approximation's guess by doubling steps. X's
// window is built once and Y's storage reused, so each step costs about one
// PLANPROBABILITY's convolution. The bracket's invariant (fails at lo, meets at hi) makes
// the answer's defining property hold whatever the rounding of each probability.
double proactiveLeadsFor(double T, double S, double E, double c, double M, double confidence,
                         double cm)
{
    const Inputs in = inputs(T, S, E, c, M, cm, 7);
    check(confidence > 0.0 && confidence < 1.0, confidence, 6,
          "must be greater than 0 and less than 1 (100%)");
    if (in.N <= 0.0)
        return 0.0;

    binomial::Window& x = scratch.x;
    binomial::Window& y = scratch.y;
    binomial::fill(x, in.M, in.cm);
    const auto meets = [&](double P) {
        binomial::fill(y, P, in.c);
        return binomial::atLeast(x, y, in.N) >= confidence;
    };
    if (meets(0.0))
        return 0.0;

    const double limit = maxProbabilityLeads - in.M;
    double lo = 0.0;  // fails
    double hi;        // meets
    double guess = normalGuess(in, confidence, limit);
    double step = std::max(1.0, std::ceil(1.0 / in.c));
    if (guess > 0.0 && meets(guess)) {
        hi = guess;
        for (;;) {
            const double below = std::max(0.0, hi - step);
            if (below == 0.0 || !meets(below)) {
                lo = below;
                break;
            }
            hi = below;
            step *= 2.0;
        }
    } else {
        lo = guess;
        for (;;) {
            if (lo >= limit)
                throw InvalidArgument(0, "needs more than 10,000,000 leads in all");
            const double above = std::min(limit, lo + step);
            if (meets(above)) {
                hi = above;
                break;
            }
            lo = above;
            step *= 2.0;
        }
    }
    while (hi - lo > 1.0) {
        const double middle = std::floor((lo + hi) / 2.0);
        (meets(middle) ? hi : lo) = middle;
    }
    return hi;
}

}  // namespace detail

}  // namespace leadplan

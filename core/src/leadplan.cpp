#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadplan {

InvalidArgument::InvalidArgument(int position, const char* reason) noexcept
    : position_(position), reason_(reason)
{
    if (position > 0)
        std::snprintf(message_, sizeof message_, "argument %d %s", position, reason);
    else
        std::snprintf(message_, sizeof message_, "result %s", reason);
}

namespace {

// The general tolerant ceiling: any double, including huge ones (where the tolerance
// reaches 0.5 and every value is "near" an integer) and NaN or infinity.
[[gnu::noinline]] double ceilForgivingAnywhere(double x) noexcept
{
    // Every double from 2^52 up is whole; NaN and infinity pass through unchanged.
    constexpr double wholeFrom = 0x1p52;
    const double magnitude = std::fabs(x);
    if (!(magnitude < wholeFrom))
        return x;
    // Adding and removing 2^52 rounds to the nearest integer (ties to even) in the
    // default rounding mode.
    const double shift = std::copysign(wholeFrom, x);
    const double nearest = (x + shift) - shift;
    const double distance = std::fabs(x - nearest);  // exact, within [0, 0.5]
    if (distance <= 1e-9 * std::max(1.0, magnitude))
        return distance == 0.5 ? std::round(x) : nearest;  // a tie: away from zero
    return x > nearest ? nearest + 1.0 : nearest;
}

// 1.0 when x is above both limits, else 0.0, without a branch or a trip through the
// integer registers (GCC compiles plain comparisons in a chain to comisd and jumps, or to
// setcc and cvtsi2sd, both slow here).
inline double aboveBoth(double x, double limit1, double limit2) noexcept
{
#if defined(__SSE2__)
    // limit < x rather than x > limit: SSE2 has no greater-than, and GCC's emulation adds
    // a shuffle.
    const __m128d v = _mm_set_sd(x);
    const __m128d mask = _mm_and_pd(_mm_cmplt_sd(_mm_set_sd(limit1), v), _mm_cmplt_sd(_mm_set_sd(limit2), v));
    return _mm_cvtsd_f64(_mm_and_pd(mask, _mm_set_sd(1.0)));
#else
    return (x > limit1) & (x > limit2) ? 1.0 : 0.0;
#endif
}

// 1.5 * 2^52: for |x| < 2^51 the sum x + rounder lies where doubles are exactly the
// integers, so adding and removing it rounds x to the nearest integer (ties to even).
constexpr double rounder = 0x1.8p52;

// For a finite x, true only when x is whole: (x + rounder) - rounder always is. From
// 2^51 up it can also say false for a whole x, which only costs a caller its shortcut.
inline bool isWhole(double x) noexcept { return (x + rounder) - rounder == x; }

// The body of tolerantCeil, forced inline: PROACTIVELEADS runs it in a dependent chain
// up to three times per call (issue 6 asks for the core at 20 ns a call). Below 4e8 the
// tolerance 1e-9 * max(1, |x|) stays under 0.5, so there is no tie to break: the nearest
// integer, plus one when x is above it by more than the tolerance. That takes a handful
// of additions and compares, and no branch that depends on the data.
[[gnu::always_inline]] inline double ceilForgiving(double x) noexcept
{
    const double magnitude = std::fabs(x);
    if (!(magnitude < 4e8)) [[unlikely]]
        return ceilForgivingAnywhere(x);
    const double nearest = (x + rounder) - rounder;
    // Beyond the tolerance 1e-9 * max(1, |x|) means beyond both 1e-9 and 1e-9 * |x|.
    return nearest + aboveBoth(x - nearest, 1e-9, 1e-9 * magnitude);
}

// max(0, x) without a branch: in the chain its outcome varies from call to call, and GCC
// compiles std::max on doubles to a branch.
inline double positivePart(double x) noexcept
{
#if defined(__SSE2__)
    return _mm_cvtsd_f64(_mm_max_sd(_mm_set_sd(x), _mm_setzero_pd()));
#else
    return std::max(0.0, x);
#endif
}

constexpr double largest = std::numeric_limits<double>::max();

// What each argument may be. NaN fails every check; infinity every but `mode`'s, which
// only accepts 0, 1 and 2.
enum class Kind { nonNegative, positive, ratio, fraction, mode, cycle, monthsDone };

constexpr bool allowed(Kind kind, double x) noexcept
{
    switch (kind) {
    case Kind::nonNegative: return (x >= 0.0) & (x <= largest);
    case Kind::positive: return (x > 0.0) & (x <= largest);
    case Kind::ratio: return (x > 0.0) & (x <= 1.0);
    case Kind::fraction: return (x >= 0.0) & (x <= 1.0);
    case Kind::mode: return (x == 0.0) | (x == 1.0) | (x == 2.0);
    // Whole months, exactly, as a mode is: 1.5 is no month.
    case Kind::cycle: return (x >= 0.0) && (x <= 11.0) && static_cast<int>(x) == x;
    case Kind::monthsDone: return (x >= 0.0) && (x <= 12.0) && static_cast<int>(x) == x;
    }
    return false;
}

const char* whyNot(Kind kind, double x) noexcept
{
    if (!std::isfinite(x))
        return "must be a finite number";
    switch (kind) {
    case Kind::nonNegative: return "must be 0 or more";
    case Kind::positive: return "must be greater than 0";
    case Kind::ratio: return "must be greater than 0 and at most 1 (100%)";
    case Kind::fraction: return "must be between 0 and 1 (100%)";
    case Kind::mode: return "must be 0, 1 or 2";
    case Kind::cycle: return "must be a whole number of months from 0 to 11";
    case Kind::monthsDone: return "must be a whole number of months from 0 to 12";
    }
    return "is not valid";
}

// One argument of a public function, listed in the function's argument order so that
// its 1-based position is its place in the list. A left-out optional argument arrives as
// its default (leadplan.hpp), which is always allowed.
struct Arg {
    double value;
    Kind kind;
};

[[noreturn, gnu::noinline]] void reject(std::initializer_list<Arg> args)
{
    int position = 1;
    for (const Arg& arg : args) {
        if (!allowed(arg.kind, arg.value))
            throw InvalidArgument(position, whyNot(arg.kind, arg.value));
        ++position;
    }
    throw InvalidArgument(0, "is not valid");  // unreachable: validate found an offender
}

// All arguments with one branch on the valid path; the first offender is named.
template <class... Args>
[[gnu::always_inline]] inline void validate(Args... args)
{
    if (!(allowed(args.kind, args.value) & ...)) [[unlikely]]
        reject({args...});
}

[[noreturn, gnu::noinline]] void tooLarge() { throw InvalidArgument(0, "is too large to compute"); }

double result(double x)
{
    if (!std::isfinite(x)) [[unlikely]]
        tooLarge();
    return x;
}

// r is validated: 0, 1 or 2.
Rounding mode(double r) noexcept { return static_cast<Rounding>(static_cast<int>(r)); }

// The chain O -> N -> L -> P of validated inputs, shared by every function.
struct Chain {
    double T, S, E, c, M, cm;
    Rounding r;

    // Whole at every step for eachStep; exact values otherwise (reportedOnce rounds
    // only what it reports).
    double step(double x) const { return r == Rounding::eachStep ? ceilForgiving(x) : x; }
    // eachStep's counts are whole already.
    double reported(double x) const { return r == Rounding::reportedOnce ? ceilForgiving(x) : x; }

    double orders() const { return step(T / S); }
    // O is whole, so with a whole E (as on every real sheet) O - E is whole already and
    // the ceiling, a third of the default chain's latency, can be skipped.
    double newOrders() const
    {
        const double n = positivePart(orders() - E);
        return isWhole(E) ? n : step(n);
    }
    double leads() const { return step(newOrders() / c); }
    double ownLeads() const { return step(positivePart(newOrders() - M * cm) / c); }
    double ownRevenue() const { return positivePart(T - (E + M * cm) * S); }
};

[[gnu::always_inline]] inline Chain full(double T, double S, double E, double c, double M, double cm, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{c, Kind::ratio}, Arg{M, Kind::nonNegative}, Arg{cm, Kind::fraction},
             Arg{r, Kind::mode});
    return Chain{T, S, E, c, M, cm, mode(r)};
}

// Spreads a yearly count over the months in proportion to the weights. Each month's share
// divides by the weights' total added in the weights' own order, so the last cumulative
// share is exactly 1. Modes 1 and 2 round the cumulative count up and take differences:
// whole months that add up to the count, each month at least its share by its end.
std::array<double, months> spread(double count, const Weights& weights, Rounding r)
{
    double sum = 0.0;
    for (double w : weights)
        sum += w;
    std::array<double, months> out{};
    double prefix = 0.0;
    double before = 0.0;
    for (int i = 0; i < months; ++i) {
        if (r == Rounding::exact) {
            out[i] = result(count * weights[i] / sum);
        } else {
            prefix += weights[i];
            const double done = ceilForgiving(count * (prefix / sum));
            out[i] = done - before;
            before = done;
        }
    }
    return out;
}

// Each weight a finite number >= 0, their total finite and above 0.
void checkWeights(const Weights& weights, int position)
{
    double sum = 0.0;
    for (double w : weights) {
        if (!allowed(Kind::nonNegative, w))
            throw InvalidArgument(position, "must each be a number 0 or more");
        sum += w;
    }
    if (!(sum > 0.0))
        throw InvalidArgument(position, "must not all be 0");
    if (!(sum <= largest))
        throw InvalidArgument(position, "are too large to add up");
}

}  // namespace

double tolerantCeil(double x) noexcept { return ceilForgiving(x); }

namespace detail {

double requiredOrders(double T, double S, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{r, Kind::mode});
    const Chain chain{T, S, 0.0, 1.0, 0.0, 0.0, mode(r)};
    return result(chain.reported(chain.orders()));
}

double newCustomerOrders(double T, double S, double E, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{r, Kind::mode});
    const Chain chain{T, S, E, 1.0, 0.0, 0.0, mode(r)};
    return result(chain.reported(chain.newOrders()));
}

double requiredLeads(double T, double S, double E, double c, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{c, Kind::ratio}, Arg{r, Kind::mode});
    const Chain chain{T, S, E, c, 0.0, 0.0, mode(r)};
    return result(chain.reported(chain.leads()));
}

double proactiveLeads(double T, double S, double E, double c, double M, double cm, double r)
{
    const Chain chain = full(T, S, E, c, M, cm, r);
    return result(chain.reported(chain.ownLeads()));
}

double proactiveRevenue(double T, double S, double E, double c, double M, double cm)
{
    return result(full(T, S, E, c, M, cm, defaultRounding).ownRevenue());
}

double achievableRevenue(double S, double E, double c, double M, double P, double cm)
{
    validate(Arg{S, Kind::positive}, Arg{E, Kind::nonNegative}, Arg{c, Kind::ratio},
             Arg{M, Kind::nonNegative}, Arg{P, Kind::nonNegative}, Arg{cm, Kind::fraction});
    return result((E + M * cm + P * c) * S);
}

double requiredConversion(double T, double S, double E, double leads, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{leads, Kind::positive}, Arg{r, Kind::mode});
    const Chain chain{T, S, E, 1.0, 0.0, 0.0, mode(r)};
    return result(chain.reported(chain.newOrders()) / leads);
}

}  // namespace detail

double averageOrderSizeOfTotals(double revenue, double orders)
{
    validate(Arg{revenue, Kind::nonNegative}, Arg{orders, Kind::positive});
    return result(revenue / orders);
}

double conversionRateOfTotals(double won, double leads)
{
    validate(Arg{won, Kind::nonNegative}, Arg{leads, Kind::positive});
    if (!(won <= leads))
        throw InvalidArgument(1, "must not exceed the leads");
    return won / leads;
}

Plan detail::proactivePlan(double T, double S, double E, double c, double M, double cm, double r)
{
    const Chain chain = full(T, S, E, c, M, cm, r);
    const double proactive = result(chain.reported(chain.ownLeads()));
    const double perMonth = proactive / 12.0;
    return Plan{
        result(chain.reported(chain.orders())),
        E,
        result(chain.reported(chain.newOrders())),
        result(chain.reported(chain.leads())),
        M,
        proactive,
        result(chain.ownRevenue()),
        chain.r == Rounding::exact ? perMonth : ceilForgiving(perMonth),
    };
}

double planValue(const Plan& plan, int index) noexcept
{
    switch (index) {
    case 0: return plan.requiredOrders;
    case 1: return plan.existingOrders;
    case 2: return plan.newCustomerOrders;
    case 3: return plan.requiredLeads;
    case 4: return plan.marketingLeads;
    case 5: return plan.proactiveLeads;
    case 6: return plan.proactiveRevenue;
    default: return plan.proactiveLeadsPerMonth;
    }
}

namespace detail {

Activities activitiesNeeded(double leads, std::span<const double> rates, double r)
{
    // Arguments in position order, so the first offender is the one named.
    if (!allowed(Kind::nonNegative, leads))
        throw InvalidArgument(1, whyNot(Kind::nonNegative, leads));
    if (rates.empty() || rates.size() > static_cast<std::size_t>(maxStages))
        throw InvalidArgument(2, "must hold 1 to 10 rates");
    for (const double rate : rates)
        if (!allowed(Kind::ratio, rate))
            throw InvalidArgument(2, whyNot(Kind::ratio, rate));
    if (!allowed(Kind::mode, r))
        throw InvalidArgument(3, whyNot(Kind::mode, r));

    // From the lead back to the first activity: each stage needs the next stage's count
    // divided by its rate. The same step/reported split as the O -> N -> L -> P chain.
    const Rounding rounding = mode(r);
    Activities out;
    out.size = static_cast<int>(rates.size());
    double next = leads;
    for (std::size_t i = rates.size(); i-- > 0;) {
        next /= rates[i];
        if (rounding == Rounding::eachStep)
            next = ceilForgiving(next);
        out.counts[i] = result(rounding == Rounding::reportedOnce ? ceilForgiving(next) : next);
    }
    return out;
}

}  // namespace detail

Schedule detail::proactiveSchedule(double T, double S, double E, double c, double M, double cm,
                                   double cycle, const Weights* weights, double r)
{
    // The weights (position 8) are a block, checked after the numbers; 0 holds their place.
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{c, Kind::ratio}, Arg{M, Kind::nonNegative}, Arg{cm, Kind::fraction},
             Arg{cycle, Kind::cycle}, Arg{0.0, Kind::nonNegative}, Arg{r, Kind::mode});
    Weights w;
    w.fill(1.0);
    if (weights != nullptr) {
        checkWeights(*weights, 8);
        w = *weights;
    }
    // Month i's leads close in month i + cycle: they carry that month's weight.
    const int lag = static_cast<int>(cycle);
    Weights v;
    for (int i = 0; i < months; ++i)
        v[i] = w[(i + lag) % months];
    const Chain chain{T, S, E, c, M, cm, mode(r)};
    const double N = result(chain.reported(chain.newOrders()));
    const double P = result(chain.reported(chain.ownLeads()));
    return Schedule{spread(N, w, chain.r), spread(P, v, chain.r)};
}

double detail::proactiveLeadsLeft(double T, double S, double E, double c, double M,
                                  double monthsDone, double newOrdersWon, double openLeads,
                                  double cm, double r)
{
    validate(Arg{T, Kind::nonNegative}, Arg{S, Kind::positive}, Arg{E, Kind::nonNegative},
             Arg{c, Kind::ratio}, Arg{M, Kind::nonNegative}, Arg{monthsDone, Kind::monthsDone},
             Arg{newOrdersWon, Kind::nonNegative}, Arg{openLeads, Kind::nonNegative},
             Arg{cm, Kind::fraction}, Arg{r, Kind::mode});
    const Chain chain{T, S, E, c, M, cm, mode(r)};
    // Mode 1's N is whole (staged); modes 0 and 2 re-plan from the exact N.
    const double N = chain.newOrders();
    const double ordersLeft = positivePart(N - newOrdersWon);
    const double fromMarketing = M * cm * ((12.0 - monthsDone) / 12.0);
    const double X = positivePart(ordersLeft - fromMarketing - openLeads * c) / c;
    return result(chain.r == Rounding::exact ? X : ceilForgiving(X));
}

}  // namespace leadplan

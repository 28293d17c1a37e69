// LeadPlan core: the proactive-sales calculation of the article, once.
//
// Symbols, as in the contract (README, docs/functions.md):
//   T target revenue, S average order size, E orders from existing customers,
//   c lead conversion ratio (0.2 = 20%), M leads handed over by marketing,
//   cm conversion ratio of marketing's leads (default c), r rounding mode (default 1).
//
// Every function validates its own arguments and throws InvalidArgument naming the
// offending argument by its 1-based position; a result that would not be finite is
// InvalidArgument with position 0 ("the result"). Nothing else is ever thrown, and no
// NaN or infinity is ever returned. The valid path allocates nothing and throws nothing.
#pragma once

#include <array>
#include <exception>
#include <optional>
#include <span>
#include <type_traits>

namespace leadplan {

// Optional arguments: std::nullopt means "left out, use the default".
using Optional = std::optional<double>;

enum class Rounding {
    exact = 0,         // no rounding anywhere
    eachStep = 1,      // whole at every step, as the article does by hand (default)
    reportedOnce = 2,  // exact chain, each reported count rounded up once
};

class InvalidArgument final : public std::exception {
public:
    // position: 1-based argument position, or 0 for "the result is not finite".
    // reason: a static string, e.g. "must be greater than 0".
    InvalidArgument(int position, const char* reason) noexcept;
    int position() const noexcept { return position_; }
    const char* reason() const noexcept { return reason_; }
    const char* what() const noexcept override { return message_; }

private:
    int position_;
    const char* reason_;
    char message_[96];
};

// Ceiling that forgives floating-point noise: a value within 1e-9 * max(1, |x|) of an
// integer is that integer (2.1 / 0.7 = 3.0000000000000004 gives 3, not 4).
double tolerantCeil(double x) noexcept;

// The functions with every argument given, a left-out optional one filled in with its
// default (cm = c, r = 1) by the inline functions below. A call then passes only doubles
// in registers: GCC passes a by-value std::optional<double> partly through memory, a
// byte store that the callee's wider load cannot forward from, which stalls every call
// until all work before it has finished and cost more than PROACTIVELEADS's arithmetic.
namespace detail {
double requiredOrders(double T, double S, double r);
double newCustomerOrders(double T, double S, double E, double r);
double requiredLeads(double T, double S, double E, double c, double r);
double proactiveLeads(double T, double S, double E, double c, double M, double cm, double r);
double proactiveRevenue(double T, double S, double E, double c, double M, double cm);
double achievableRevenue(double S, double E, double c, double M, double P, double cm);
double requiredConversion(double T, double S, double E, double leads, double r);
}  // namespace detail

inline constexpr double defaultRounding = static_cast<double>(Rounding::eachStep);

// O: orders needed to reach the target.
inline double requiredOrders(double T, double S, Optional r = {})
{
    return detail::requiredOrders(T, S, r.value_or(defaultRounding));
}
// N = max(0, O - E): orders that must come from new customers.
inline double newCustomerOrders(double T, double S, double E, Optional r = {})
{
    return detail::newCustomerOrders(T, S, E, r.value_or(defaultRounding));
}
// L = N / c: leads needed for the new-customer orders.
inline double requiredLeads(double T, double S, double E, double c, Optional r = {})
{
    return detail::requiredLeads(T, S, E, c, r.value_or(defaultRounding));
}
// P = max(0, N - M*cm) / c: leads to generate yourself, beyond marketing's.
inline double proactiveLeads(double T, double S, double E, double c, double M, Optional cm = {},
                             Optional r = {})
{
    return detail::proactiveLeads(T, S, E, c, M, cm.value_or(c), r.value_or(defaultRounding));
}
// max(0, T - (E + M*cm) * S): revenue left for own prospecting; never rounded.
inline double proactiveRevenue(double T, double S, double E, double c, double M, Optional cm = {})
{
    return detail::proactiveRevenue(T, S, E, c, M, cm.value_or(c));
}
// (E + M*cm + P*c) * S: the target a plan with P proactive leads reaches.
inline double achievableRevenue(double S, double E, double c, double M, double P, Optional cm = {})
{
    return detail::achievableRevenue(S, E, c, M, P, cm.value_or(c));
}
// N / leads: the conversion ratio needed; above 1 means the leads cannot reach the target.
inline double requiredConversion(double T, double S, double E, double leads, Optional r = {})
{
    return detail::requiredConversion(T, S, E, leads, r.value_or(defaultRounding));
}

// The ratio functions take totals; the template overloads below sum numbers, lists or
// blocks of numbers (anything iterable, nested) first, so callers pass cells as they are.
double averageOrderSizeOfTotals(double revenue, double orders);
double conversionRateOfTotals(double won, double leads);

template <class Cells>
double total(const Cells& cells) noexcept
{
    if constexpr (std::is_arithmetic_v<Cells>) {
        return static_cast<double>(cells);
    } else {
        double sum = 0.0;
        for (const auto& cell : cells)
            sum += total(cell);
        return sum;
    }
}

// sum(revenue) / sum(orders): last year's average order size.
template <class Revenue, class Orders>
double averageOrderSize(const Revenue& revenue, const Orders& orders)
{
    return averageOrderSizeOfTotals(total(revenue), total(orders));
}

// sum(won) / sum(leads): last year's lead conversion ratio.
template <class Won, class Leads>
double conversionRate(const Won& won, const Leads& leads)
{
    return conversionRateOfTotals(total(won), total(leads));
}

// The whole calculation, in PROACTIVEPLAN's order.
struct Plan {
    double requiredOrders;          // O
    double existingOrders;          // E
    double newCustomerOrders;       // N
    double requiredLeads;           // L
    double marketingLeads;          // M
    double proactiveLeads;          // P
    double proactiveRevenue;        // never rounded
    double proactiveLeadsPerMonth;  // P / 12, rounded up when r is 1 or 2
};
inline constexpr int planSize = 8;

namespace detail {
Plan proactivePlan(double T, double S, double E, double c, double M, double cm, double r);
}
inline Plan proactivePlan(double T, double S, double E, double c, double M, Optional cm = {},
                          Optional r = {})
{
    return detail::proactivePlan(T, S, E, c, M, cm.value_or(c), r.value_or(defaultRounding));
}

// The plan's values by index 0..7, in the order above.
double planValue(const Plan& plan, int index) noexcept;

// ACTIVITIESNEEDED: the activities behind a number of leads, working a funnel of stages
// backwards. rates holds each stage's conversion ratio in the order the stages happen
// (the first activity's rate first, the last stage's rate turns it into leads); the
// result holds one count per rate in the same order. r as everywhere: 1 takes leads as
// given and rounds up at every stage before the next uses it, 0 is exact, 2 rounds each
// count of the exact chain up once. Positions: leads 1, rates 2 (1 to maxStages rates,
// each in (0, 1]), r 3.
inline constexpr int maxStages = 10;

struct Activities {
    std::array<double, maxStages> counts{};
    int size = 0;
};

namespace detail {
Activities activitiesNeeded(double leads, std::span<const double> rates, double r);
}
inline Activities activitiesNeeded(double leads, std::span<const double> rates, Optional r = {})
{
    return detail::activitiesNeeded(leads, rates, r.value_or(defaultRounding));
}

// How sure is the plan (issue 12). Model: existing-customer orders are certain; each of
// marketing's M leads becomes an order independently with probability cm, each of the P
// proactive leads with probability c, so the new-customer orders are X + Y with
// X ~ Binomial(M, cm) and Y ~ Binomial(P, c). N is newCustomerOrders(T, S, E) with the
// default rounding. Lead counts (M, P) must be whole: a value within
// 1e-9 * max(1, |x|) of a whole number counts as that number. M + P may be at most
// maxProbabilityLeads; results are within 1e-12 of the exact probability of the given
// doubles up to 100,000 leads and within 1e-9 up to maxProbabilityLeads.
inline constexpr double maxProbabilityLeads = 1e7;

namespace detail {
double planProbability(double T, double S, double E, double c, double M, double P, double cm);
double proactiveLeadsFor(double T, double S, double E, double c, double M, double confidence,
                         double cm);
}  // namespace detail

// P(X + Y >= N): the chance that the plan's leads bring the new-customer orders.
inline double planProbability(double T, double S, double E, double c, double M, double P,
                              Optional cm = {})
{
    return detail::planProbability(T, S, E, c, M, P, cm.value_or(c));
}
// The smallest whole P >= 0 with planProbability(T, S, E, c, M, P, cm) >= confidence,
// 0 < confidence < 1.
inline double proactiveLeadsFor(double T, double S, double E, double c, double M,
                                 double confidence, Optional cm = {})
{
    return detail::proactiveLeadsFor(T, S, E, c, M, confidence, cm.value_or(c));
}

// Through the year (issue 11): the plan spread over the 12 months of the plan year.
inline constexpr int months = 12;
// A seasonality weight per month, January first: how the year's orders spread.
using Weights = std::array<double, months>;

// PROACTIVESCHEDULE: per month i (index i - 1), the new-customer orders that close in it
// and the proactive leads to generate in it, which close `cycle` months later (the plan
// assumes next year repeats this year's pattern). In modes 1 and 2 the months are whole
// and add up to N and P exactly (cumulative rounding); in mode 0 they are N and P spread
// in proportion to the weights.
struct Schedule {
    std::array<double, months> orders;  // column 1
    std::array<double, months> leads;   // column 2
};

namespace detail {
Schedule proactiveSchedule(double T, double S, double E, double c, double M, double cm,
                           double cycle, const Weights* weights, double r);
double proactiveLeadsLeft(double T, double S, double E, double c, double M, double monthsDone,
                          double newOrdersWon, double openLeads, double cm, double r);
}  // namespace detail

// Weights left out (std::nullopt): 12 equal weights. cycle: a whole 0..11, default 0.
inline Schedule proactiveSchedule(double T, double S, double E, double c, double M,
                                  Optional cm = {}, Optional cycle = {},
                                  const std::optional<Weights>& weights = {}, Optional r = {})
{
    return detail::proactiveSchedule(T, S, E, c, M, cm.value_or(c), cycle.value_or(0.0),
                                     weights ? &*weights : nullptr, r.value_or(defaultRounding));
}

// PROACTIVELEADSLEFT, the re-plan: proactive leads still to generate after monthsDone
// (a whole 0..12) months in which newOrdersWon new-customer orders were won, with
// openLeads (default 0) of your own leads still open in the pipeline.
inline double proactiveLeadsLeft(double T, double S, double E, double c, double M,
                                 double monthsDone, double newOrdersWon, Optional openLeads = {},
                                 Optional cm = {}, Optional r = {})
{
    return detail::proactiveLeadsLeft(T, S, E, c, M, monthsDone, newOrdersWon,
                                      openLeads.value_or(0.0), cm.value_or(c),
                                      r.value_or(defaultRounding));
}

}  // namespace leadplan

#include "leadplan/leadplan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace leadplan {

InvalidArgument::InvalidArgument(int position, const char* reason) noexcept
    : position_(position), reason_(reason)
{
    if (position > 0)
        std::snprintf(message_, sizeof message_, "argument %d %s", position, reason);
    else
        std::snprintf(message_, sizeof message_, "result %s", reason);
}

double tolerantCeil(double x) noexcept
{
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= 1e-9 * std::max(1.0, std::fabs(x)))
        return nearest;
    return std::ceil(x);
}

namespace {

constexpr const char* notFinite = "must be a finite number";
constexpr const char* notPositive = "must be greater than 0";
constexpr const char* negative = "must be 0 or more";
constexpr const char* notRatio = "must be greater than 0 and at most 1 (100%)";
constexpr const char* notFraction = "must be between 0 and 1 (100%)";
constexpr const char* notMode = "must be 0, 1 or 2";
constexpr const char* tooLarge = "is too large to compute";

[[noreturn]] void fail(int position, const char* reason) { throw InvalidArgument(position, reason); }

void require(bool ok, int position, const char* reason)
{
    if (!ok)
        fail(position, reason);
}

double finite(double x, int position)
{
    require(std::isfinite(x), position, notFinite);
    return x;
}

double positive(double x, int position)
{
    require(finite(x, position) > 0.0, position, notPositive);
    return x;
}

double nonNegative(double x, int position)
{
    require(finite(x, position) >= 0.0, position, negative);
    return x;
}

double ratio(double x, int position)  // 0 < x <= 1
{
    require(finite(x, position) > 0.0 && x <= 1.0, position, notRatio);
    return x;
}

double fraction(double x, int position)  // 0 <= x <= 1
{
    require(finite(x, position) >= 0.0 && x <= 1.0, position, notFraction);
    return x;
}

Rounding rounding(Optional r, int position)
{
    if (!r)
        return Rounding::eachStep;
    const double mode = finite(*r, position);
    require(mode == 0.0 || mode == 1.0 || mode == 2.0, position, notMode);
    return static_cast<Rounding>(static_cast<int>(mode));
}

double result(double x)
{
    require(std::isfinite(x), 0, tooLarge);
    return x;
}

// The validated inputs of the chain O -> N -> L -> P. Positions differ per function,
// so each public function validates what it takes and then runs the one chain.
struct Chain {
    double T, S, E, c, M, cm;
    Rounding r;

    // Whole at every step for eachStep; exact values otherwise (reportedOnce rounds
    // only what it reports, see reported()).
    double step(double x) const { return r == Rounding::eachStep ? tolerantCeil(x) : x; }
    double reported(double x) const { return r == Rounding::exact ? x : tolerantCeil(x); }

    double orders() const { return step(T / S); }
    double newOrders() const { return step(std::max(0.0, orders() - E)); }
    double leads() const { return step(newOrders() / c); }
    double ownLeads() const { return step(std::max(0.0, newOrders() - M * cm) / c); }
    double ownRevenue() const { return std::max(0.0, T - (E + M * cm) * S); }
};

// Arguments shared by most functions: T at 1, S at 2, E at 3. Callers validate the
// rest in position order, so the first offending argument is the one named.
Chain base(double T, double S, double E)
{
    return Chain{nonNegative(T, 1), positive(S, 2), nonNegative(E, 3), 1.0, 0.0, 0.0,
                 Rounding::eachStep};
}

Chain full(double T, double S, double E, double c, double M, Optional cm, Optional r)
{
    Chain chain = base(T, S, E);
    chain.c = ratio(c, 4);
    chain.M = nonNegative(M, 5);
    chain.cm = cm ? fraction(*cm, 6) : chain.c;
    chain.r = rounding(r, 7);
    return chain;
}

}  // namespace

double requiredOrders(double T, double S, Optional r)
{
    Chain chain = base(T, S, 0.0);
    chain.r = rounding(r, 3);
    return result(chain.reported(chain.orders()));
}

double newCustomerOrders(double T, double S, double E, Optional r)
{
    Chain chain = base(T, S, E);
    chain.r = rounding(r, 4);
    return result(chain.reported(chain.newOrders()));
}

double requiredLeads(double T, double S, double E, double c, Optional r)
{
    Chain chain = base(T, S, E);
    chain.c = ratio(c, 4);
    chain.r = rounding(r, 5);
    return result(chain.reported(chain.leads()));
}

double proactiveLeads(double T, double S, double E, double c, double M, Optional cm, Optional r)
{
    const Chain chain = full(T, S, E, c, M, cm, r);
    return result(chain.reported(chain.ownLeads()));
}

double proactiveRevenue(double T, double S, double E, double c, double M, Optional cm)
{
    return result(full(T, S, E, c, M, cm, {}).ownRevenue());
}

double achievableRevenue(double S, double E, double c, double M, double P, Optional cm)
{
    positive(S, 1);
    nonNegative(E, 2);
    ratio(c, 3);
    nonNegative(M, 4);
    nonNegative(P, 5);
    const double marketingConversion = cm ? fraction(*cm, 6) : c;
    return result((E + M * marketingConversion + P * c) * S);
}

double requiredConversion(double T, double S, double E, double leads, Optional r)
{
    Chain chain = base(T, S, E);
    positive(leads, 4);
    chain.r = rounding(r, 5);
    return result(chain.reported(chain.newOrders()) / leads);
}

double averageOrderSizeOfTotals(double revenue, double orders)
{
    nonNegative(revenue, 1);
    positive(orders, 2);
    return result(revenue / orders);
}

double conversionRateOfTotals(double won, double leads)
{
    nonNegative(won, 1);
    positive(leads, 2);
    require(won <= leads, 1, "must not exceed the leads");
    return result(won / leads);
}

Plan proactivePlan(double T, double S, double E, double c, double M, Optional cm, Optional r)
{
    const Chain chain = full(T, S, E, c, M, cm, r);
    const double own = chain.ownLeads();
    return Plan{
        result(chain.reported(chain.orders())),
        E,
        result(chain.reported(chain.newOrders())),
        result(chain.reported(chain.leads())),
        M,
        result(chain.reported(own)),
        result(chain.ownRevenue()),
        result(chain.reported(chain.reported(own) / 12.0)),
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

}  // namespace leadplan

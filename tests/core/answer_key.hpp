// The contract of issue 2 written out plainly: the answer key of the core's random tests.
//
// Nothing here comes from core/: no tolerantCeil, no Chain, no validation helpers. Each
// function is the formula of the contract (README, docs/functions.md) in the order the
// contract states it, with std::round and std::ceil for the tolerant ceiling. When the
// core takes a shortcut (a ceiling skipped for a whole E, vector compares below 4e8) this
// key does not, so a bug in a shortcut or in a helper the core shares between functions
// shows up as a disagreement instead of being copied into the expected value.
//
// A key returns std::nullopt where the contract says "invalid": an argument outside its
// range, or a result that is not a finite number. New functions add their key here (or
// in a header beside this one) and a test case in test_answer_key.cpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace answer_key {

using Result = std::optional<double>;

// ceil~(x): within 1e-9 * max(1, |x|) of the nearest integer (ties away from zero) is
// that integer; anything else rounds up.
inline double tolerantCeiling(double x)
{
    if (!std::isfinite(x))
        return x;
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= 1e-9 * std::max(1.0, std::fabs(x)))
        return nearest;
    return std::ceil(x);
}

inline bool finite(double x) { return std::isfinite(x); }
inline bool nonNegative(double x) { return finite(x) && x >= 0.0; }
inline bool positive(double x) { return finite(x) && x > 0.0; }
inline bool ratio(double x) { return finite(x) && x > 0.0 && x <= 1.0; }       // c
inline bool fraction(double x) { return finite(x) && x >= 0.0 && x <= 1.0; }   // cm
inline bool mode(double r) { return r == 0.0 || r == 1.0 || r == 2.0; }

inline Result finiteOrInvalid(double x)
{
    if (!finite(x))
        return std::nullopt;
    return x;
}

// O, N, L and P as the contract defines them for rounding mode r:
//   r = 0: O = T/S, N = max(0, O - E), L = N/c, P = max(0, N - M*cm)/c, nothing rounded;
//   r = 1: the same with ceil~ applied to each of O, N, L and P as it is computed, so
//          that the next step uses the whole number;
//   r = 2: the r = 0 values, each reported one rounded with ceil~.
struct Counts {
    double O, N, L, P;
};

inline Counts counts(double T, double S, double E, double c, double M, double cm, double r)
{
    if (r == 1.0) {
        const double O = tolerantCeiling(T / S);
        const double N = tolerantCeiling(std::max(0.0, O - E));
        const double L = tolerantCeiling(N / c);
        const double P = tolerantCeiling(std::max(0.0, N - M * cm) / c);
        return {O, N, L, P};
    }
    const double O = T / S;
    const double N = std::max(0.0, O - E);
    const double L = N / c;
    const double P = std::max(0.0, N - M * cm) / c;
    if (r == 2.0)
        return {tolerantCeiling(O), tolerantCeiling(N), tolerantCeiling(L), tolerantCeiling(P)};
    return {O, N, L, P};
}

// cm left out is c; r left out is 1.
inline double cmOrDefault(std::optional<double> cm, double c) { return cm ? *cm : c; }
inline double rOrDefault(std::optional<double> r) { return r ? *r : 1.0; }

inline Result requiredOrders(double T, double S, double r)
{
    if (!(nonNegative(T) && positive(S) && mode(r)))
        return std::nullopt;
    return finiteOrInvalid(counts(T, S, 0.0, 1.0, 0.0, 0.0, r).O);
}

inline Result newCustomerOrders(double T, double S, double E, double r)
{
    if (!(nonNegative(T) && positive(S) && nonNegative(E) && mode(r)))
        return std::nullopt;
    return finiteOrInvalid(counts(T, S, E, 1.0, 0.0, 0.0, r).N);
}

inline Result requiredLeads(double T, double S, double E, double c, double r)
{
    if (!(nonNegative(T) && positive(S) && nonNegative(E) && ratio(c) && mode(r)))
        return std::nullopt;
    return finiteOrInvalid(counts(T, S, E, c, 0.0, 0.0, r).L);
}

inline bool planArguments(double T, double S, double E, double c, double M, double cm, double r)
{
    return nonNegative(T) && positive(S) && nonNegative(E) && ratio(c) && nonNegative(M)
        && fraction(cm) && mode(r);
}

inline Result proactiveLeads(double T, double S, double E, double c, double M, double cm, double r)
{
    if (!planArguments(T, S, E, c, M, cm, r))
        return std::nullopt;
    return finiteOrInvalid(counts(T, S, E, c, M, cm, r).P);
}

// max(0, T - (E + M*cm)*S), never rounded. (E + M*cm)*S may overflow to infinity while
// the result is a clean 0: only the result must be finite.
inline Result proactiveRevenue(double T, double S, double E, double c, double M, double cm)
{
    if (!planArguments(T, S, E, c, M, cm, 1.0))
        return std::nullopt;
    return finiteOrInvalid(std::max(0.0, T - (E + M * cm) * S));
}

inline Result achievableRevenue(double S, double E, double c, double M, double P, double cm)
{
    if (!(positive(S) && nonNegative(E) && ratio(c) && nonNegative(M) && nonNegative(P)
          && fraction(cm)))
        return std::nullopt;
    return finiteOrInvalid((E + M * cm + P * c) * S);
}

// N (in mode r) divided by the leads.
inline Result requiredConversion(double T, double S, double E, double leads, double r)
{
    if (!(nonNegative(T) && positive(S) && nonNegative(E) && positive(leads) && mode(r)))
        return std::nullopt;
    return finiteOrInvalid(counts(T, S, E, 1.0, 0.0, 0.0, r).N / leads);
}

inline double sum(const std::vector<double>& cells)
{
    double total = 0.0;
    for (double cell : cells)
        total += cell;
    return total;
}

inline Result averageOrderSize(const std::vector<double>& revenue, const std::vector<double>& orders)
{
    const double R = sum(revenue), n = sum(orders);
    if (!(nonNegative(R) && positive(n)))
        return std::nullopt;
    return finiteOrInvalid(R / n);
}

inline Result conversionRate(const std::vector<double>& won, const std::vector<double>& leads)
{
    const double w = sum(won), l = sum(leads);
    if (!(nonNegative(w) && positive(l) && w <= l))
        return std::nullopt;
    return finiteOrInvalid(w / l);
}

// PROACTIVEPLAN's eight values: O, E, N, L, M, P, the proactive revenue, and P / 12
// (rounded up with ceil~ unless r = 0).
inline std::optional<std::vector<double>> proactivePlan(double T, double S, double E, double c, double M,
                                                        double cm, double r)
{
    if (!planArguments(T, S, E, c, M, cm, r))
        return std::nullopt;
    const Counts k = counts(T, S, E, c, M, cm, r);
    const double revenue = std::max(0.0, T - (E + M * cm) * S);
    const double perMonth = r == 0.0 ? k.P / 12.0 : tolerantCeiling(k.P / 12.0);
    const std::vector<double> plan = {k.O, E, k.N, k.L, M, k.P, revenue, perMonth};
    for (double value : plan)
        if (!finite(value))
            return std::nullopt;
    return plan;
}

}  // namespace answer_key

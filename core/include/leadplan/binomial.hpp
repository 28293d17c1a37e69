// The binomial distributions behind PLANPROBABILITY and PROACTIVELEADSFOR (issue 12):
// each one's probabilities only where they matter, and the chance that two independent
// ones together reach a count. Exposed for the tests and the benchmark; spreadsheet
// callers use planProbability and proactiveLeadsFor in leadplan.hpp.
#pragma once

#include <vector>

namespace leadplan::binomial {

// The window keeps every term whose neighbours beyond it could still add up to this much,
// relative to the largest term; see window() for the bound on what is left out.
inline constexpr double cutOff = 1e-17;

// Binomial(n, p) over first .. first + pmf.size() - 1, normalised to sum to 1. Outside
// the window lies at most 2 * cutOff of the probability on each side (cutOff on each
// side of the mode relative to the mode's probability, which is at most 1), and the
// normalisation shifts each term by at most that share as well.
struct Window {
    double mean = 0.0;  // n * p
    double first = 0.0;
    std::vector<double> pmf;
};

// n whole and >= 0, 0 <= p <= 1 (the caller checks).
Window window(double n, double p);

// P(X + Y >= k) for X and Y given by their windows, k whole. Whichever of it and its
// complement is the smaller is summed, and the other is 1 minus it: so a chance near 1 is
// as exact as one near 0, and it never falls with more leads only because of rounding.
double atLeast(const Window& x, const Window& y, double k);

// Reuses a window's storage across calls (PROACTIVELEADSFOR's search).
void fill(Window& out, double n, double p);

}  // namespace leadplan::binomial

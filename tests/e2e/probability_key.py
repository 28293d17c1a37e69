#!/usr/bin/python3
"""Answer keys for PLANPROBABILITY's larger spec rows, in 50-digit decimal arithmetic.

    probability_key.py            prints P(Binomial(n, p) >= N) for the cases below

With the same conversion for marketing's and one's own leads, X + Y is Binomial(M + P, c),
so the chance is one binomial tail: no convolution, no cut-off and nothing shared with
the core. Every term is computed: the probability at k = 0 as q^n (q = 1 - p exactly, p
being the double's exact value) in a decimal context wide enough not to underflow, then
C(n, k+1) p^(k+1) q^(n-k-1) = term * (n - k) / (k + 1) * p / q for every k up to n. The
values printed are what tests/e2e/make_specs.py writes as expected (to 17 digits).
Takes about a minute for n = 2,000,000.
"""
from decimal import Decimal, getcontext

CASES = [  # (n = M + P, p, N)
    (200_000, 0.2, 40_000),
    (10_000, 0.2, 2_000),
]


def tail(n: int, p: float, N: int) -> Decimal:
    ctx = getcontext()
    ctx.prec = 50
    ctx.Emin = -10**9
    pd = Decimal(p)            # the double's exact value
    qd = 1 - pd
    ratio = pd / qd
    term = qd ** n
    total = Decimal(0)
    for k in range(n + 1):
        if k >= N:
            total += term
        term = term * (n - k) / (k + 1) * ratio
    return total


if __name__ == "__main__":
    for n, p, N in CASES:
        print(f"n={n} p={p} N={N}: {float(tail(n, p, N))!r}  ({tail(n, p, N):.25f})")

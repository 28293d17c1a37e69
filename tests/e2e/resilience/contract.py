"""The contract of issue 2, written out independently of the C++ core.

The resilience tests compare what Calc shows with these rules; they never copy an
answer from the add-in. Arithmetic follows the contract's formulas in IEEE doubles, the
way any careful implementation would, so valid results agree to the last bits (tests
still compare with a small relative tolerance).
"""

from __future__ import annotations

import functools
import math

# The value a function returns when an argument is invalid or the result would not be
# finite: the add-in turns it into IllegalArgumentException, which Calc shows as Err:502.
INVALID = "Err:502"

# r: 0 exact, 1 whole at every step (default), 2 exact chain rounded once when reported.
EXACT, EACH_STEP, REPORTED_ONCE = 0, 1, 2


class Invalid(Exception):
    def __init__(self, position: int, reason: str):
        super().__init__(f"argument {position}: {reason}")
        self.position = position


def _round_half_away(x: float) -> float:
    # The nearest integer, halves away from zero; x - floor(x) is exact for doubles.
    f = math.floor(x)
    return f + 1.0 if x - f >= 0.5 else f


def tolerant_ceil(x: float) -> float:
    """ceil~: a value within 1e-9 * max(1, |x|) of an integer is that integer."""
    if math.isinf(x) or math.isnan(x):
        return x
    nearest = -_round_half_away(-x) if x < 0 else _round_half_away(x)
    if abs(x - nearest) <= 1e-9 * max(1.0, abs(x)):
        return nearest
    return float(math.ceil(x))


def _finite(x: float, pos: int) -> float:
    if not math.isfinite(x):
        raise Invalid(pos, "not finite")
    return x


def _non_negative(x: float, pos: int) -> float:
    if _finite(x, pos) < 0.0:
        raise Invalid(pos, "negative")
    return x


def _positive(x: float, pos: int) -> float:
    if _finite(x, pos) <= 0.0:
        raise Invalid(pos, "not > 0")
    return x


def _ratio(x: float, pos: int) -> float:  # 0 < c <= 1
    if not (_finite(x, pos) > 0.0 and x <= 1.0):
        raise Invalid(pos, "not in (0, 1]")
    return x


def _fraction(x: float, pos: int) -> float:  # 0 <= cm <= 1
    if not (_finite(x, pos) >= 0.0 and x <= 1.0):
        raise Invalid(pos, "not in [0, 1]")
    return x


def _mode(r: float | None, pos: int) -> int:
    if r is None:
        return EACH_STEP
    if r not in (0.0, 1.0, 2.0):
        raise Invalid(pos, "not 0, 1 or 2")
    return int(r)


def _result(x: float) -> float:
    if not math.isfinite(x):
        raise Invalid(0, "result not finite")
    return x


class _Chain:
    """O -> N -> L -> P with the contract's rounding; arguments already validated."""

    def __init__(self, T, S, E, c=1.0, M=0.0, cm=None, r=EACH_STEP):
        self.T, self.S, self.E, self.c, self.M = T, S, E, c, M
        self.cm = c if cm is None else cm
        self.r = r

    def step(self, x):
        return tolerant_ceil(x) if self.r == EACH_STEP else x

    def reported(self, x):
        return x if self.r == EXACT else tolerant_ceil(x)

    def O(self):
        return self.step(self.T / self.S)

    def N(self):
        return self.step(max(0.0, self.O() - self.E))

    def L(self):
        return self.step(self.N() / self.c)

    def P(self):
        return self.step(max(0.0, self.N() - self.M * self.cm) / self.c)

    def revenue(self):
        return max(0.0, self.T - (self.E + self.M * self.cm) * self.S)


def _base(T, S, E):
    return _non_negative(T, 1), _positive(S, 2), _non_negative(E, 3)


def required_orders(T, S, r=None):
    _base(T, S, 0.0)
    ch = _Chain(T, S, 0.0, r=_mode(r, 3))
    return _result(ch.reported(ch.O()))


def new_customer_orders(T, S, E, r=None):
    _base(T, S, E)
    ch = _Chain(T, S, E, r=_mode(r, 4))
    return _result(ch.reported(ch.N()))


def required_leads(T, S, E, c, r=None):
    _base(T, S, E)
    _ratio(c, 4)
    ch = _Chain(T, S, E, c, r=_mode(r, 5))
    return _result(ch.reported(ch.L()))


def _full(T, S, E, c, M, cm, r):
    _base(T, S, E)
    _ratio(c, 4)
    _non_negative(M, 5)
    if cm is not None:
        _fraction(cm, 6)
    return _Chain(T, S, E, c, M, cm, _mode(r, 7))


def proactive_leads(T, S, E, c, M, cm=None, r=None):
    ch = _full(T, S, E, c, M, cm, r)
    return _result(ch.reported(ch.P()))


def proactive_revenue(T, S, E, c, M, cm=None):
    # Only the result counts: (E + M*cm)*S may overflow while the result is a clean 0.
    return _result(_full(T, S, E, c, M, cm, None).revenue())


def achievable_revenue(S, E, c, M, P, cm=None):
    _positive(S, 1)
    _non_negative(E, 2)
    _ratio(c, 3)
    _non_negative(M, 4)
    _non_negative(P, 5)
    mc = c if cm is None else _fraction(cm, 6)
    return _result((E + M * mc + P * c) * S)


def required_conversion(T, S, E, leads, r=None):
    _base(T, S, E)
    _positive(leads, 4)
    ch = _Chain(T, S, E, r=_mode(r, 5))
    return _result(ch.reported(ch.N()) / leads)


def average_order_size(revenue, orders):
    """revenue, orders: totals (the caller sums ranges as SUM would)."""
    _non_negative(revenue, 1)
    _positive(orders, 2)
    return _result(revenue / orders)


def conversion_rate(won, leads):
    _non_negative(won, 1)
    _positive(leads, 2)
    if won > leads:
        raise Invalid(1, "won exceeds leads")
    return _result(won / leads)


def proactive_plan(T, S, E, c, M, cm=None, r=None):
    """The 8 values of PROACTIVEPLAN, in the contract's order."""
    ch = _full(T, S, E, c, M, cm, r)
    P = ch.reported(ch.P())
    per_month = P / 12.0 if ch.r == EXACT else tolerant_ceil(P / 12.0)
    return [_result(v) for v in (ch.reported(ch.O()), E, ch.reported(ch.N()),
                                 ch.reported(ch.L()), M, P, ch.revenue(), per_month)]


def activities_needed(leads, rates, r=None):
    """ACTIVITIESNEEDED (issue 13): rates are the filled cells in order (a single number is
    one rate); the counts of the stages, the first activity's first."""
    _non_negative(leads, 1)
    rates = [rates] if isinstance(rates, (int, float)) else list(rates)
    if not 1 <= len(rates) <= 10:
        raise Invalid(2, "not 1 to 10 rates")
    for rate in rates:
        _ratio(rate, 2)
    mode = _mode(r, 3)
    counts = []
    exact = stepwise = leads
    for rate in reversed(rates):     # from the lead back to the first activity
        exact = exact / rate
        stepwise = tolerant_ceil(stepwise / rate)
        counts.append(exact if mode == EXACT else stepwise if mode == EACH_STEP
                      else tolerant_ceil(exact))
    return [_result(x) for x in reversed(counts)]


def activities_needed_first(leads, rates, r=None):
    """What a normal (non-array) cell shows: the first activity's count."""
    return activities_needed(leads, rates, r)[0]
# Issue 12: X ~ Binomial(M, cm) and Y ~ Binomial(P, c) orders from the leads; the chance
# that X + Y reaches N = NEWCUSTOMERORDERS(T; S; E). Computed here in exact rational
# arithmetic (every double is a fraction), so it shares nothing with the core's method.
MAX_LEADS = 10_000_000


def _lead_count(x: float, pos: int) -> float:
    """Whole and >= 0; within 1e-9 * max(1, |x|) of a whole number counts as it."""
    _non_negative(x, pos)
    nearest = float(round(x))
    if abs(x - nearest) > 1e-9 * max(1.0, abs(x)):
        raise Invalid(pos, "not whole")
    if nearest > MAX_LEADS:
        raise Invalid(pos, "more than 10,000,000 leads")
    return nearest


@functools.lru_cache(maxsize=None)
def _pmf_exact(n: int, p: float) -> list:
    from fractions import Fraction
    pf = Fraction(p)
    qf = 1 - pf
    return [math.comb(n, k) * pf ** k * qf ** (n - k) for k in range(n + 1)]


@functools.lru_cache(maxsize=None)
def _chance_exact(N: int, M: int, cm: float, P: int, c: float) -> float:
    if N <= 0:
        return 1.0
    if N > M + P:
        return 0.0
    x, y = _pmf_exact(M, cm), _pmf_exact(P, c)
    # at_least[j] = P(Y >= j)
    at_least = [0] * (P + 2)
    for j in range(P, -1, -1):
        at_least[j] = at_least[j + 1] + y[j]
    total = sum(px * (1 if N - i <= 0 else at_least[N - i] if N - i <= P else 0)
                for i, px in enumerate(x))
    return float(total)


def _pmf_lgamma(n: int, p: float) -> tuple[int, list]:
    """Binomial(n, p) from lgamma over mean +- 12 sd (what lies beyond is below 1e-30),
    normalised: (first k, probabilities)."""
    if p == 0.0 or n == 0:
        return 0, [1.0]
    if p == 1.0:
        return n, [1.0]
    sd = math.sqrt(n * p * (1 - p))
    lo, hi = max(0, int(n * p - 12 * sd) - 2), min(n, int(n * p + 12 * sd) + 2)
    base = math.lgamma(n + 1)
    lp, lq = math.log(p), math.log1p(-p)
    pmf = [math.exp(base - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * lp + (n - k) * lq)
           for k in range(lo, hi + 1)]
    total = math.fsum(pmf)
    return lo, [t / total for t in pmf]


def _chance_float(N: int, M: int, cm: float, P: int, c: float) -> float:
    """For plans too large for exact fractions (M + P above 2,000): lgamma terms, every
    outcome within 12 standard deviations, summed with math.fsum."""
    (x0, x), (y0, y) = _pmf_lgamma(M, cm), _pmf_lgamma(P, c)
    at_least = [0.0] * (len(y) + 1)
    for j in range(len(y) - 1, -1, -1):
        at_least[j] = at_least[j + 1] + y[j]

    def reach(need):  # P(Y >= need)
        j = need - y0
        return 1.0 if j <= 0 else 0.0 if j >= len(y) else at_least[j]
    return math.fsum(px * reach(N - (x0 + i)) for i, px in enumerate(x))


def _chance(N: int, M: int, cm: float, P: int, c: float) -> float:
    if N <= 0:
        return 1.0
    if N > M + P:
        return 0.0
    return _chance_exact(N, M, cm, P, c) if M + P <= 2000 else _chance_float(N, M, cm, P, c)


def _probability_inputs(T, S, E, c, M, cm):
    N = new_customer_orders(T, S, E)   # checks T, S, E at 1-3
    _ratio(c, 4)
    return N, _lead_count(M, 5)


def plan_probability(T, S, E, c, M, P, cm=None):
    N, M = _probability_inputs(T, S, E, c, M, cm)
    P = _lead_count(P, 6)
    if M + P > MAX_LEADS:
        raise Invalid(6, "more than 10,000,000 leads with M")
    mc = c if cm is None else _fraction(cm, 7)
    return _chance(int(N), int(M), mc, int(P), c)


def proactive_leads_for(T, S, E, c, M, confidence, cm=None):
    N, M = _probability_inputs(T, S, E, c, M, cm)
    if not (_finite(confidence, 6) > 0.0 and confidence < 1.0):
        raise Invalid(6, "not in (0, 1)")
    mc = c if cm is None else _fraction(cm, 7)
    if N <= 0:
        return 0.0
    N, M = int(N), int(M)
    limit = MAX_LEADS - M
    # More orders needed than all leads could bring, or (Markov) P(Y >= 1) <= c * P so
    # small that no P within the limit lifts the chance to the confidence.
    if N > M + limit or _chance(N, M, mc, 0, c) + c * limit < confidence:
        raise Invalid(0, "needs more than 10,000,000 leads")
    # The exact chance never falls as P grows: double until it meets the confidence,
    # then halve the gap.
    def meets(P):
        return _chance(N, M, mc, P, c) >= confidence
    if meets(0):
        return 0.0
    lo, hi = 0, 1
    while not meets(hi):
        if hi >= limit:
            raise Invalid(0, "needs more than 10,000,000 leads")
        lo, hi = hi, min(limit, 2 * hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if meets(mid) else (mid, hi)
    P = hi
    return float(P)


# Issue 11: the month-by-month schedule and the re-plan.
MONTHS = 12


def _months(x: float | None, pos: int, last: int, default: float = 0.0) -> int:
    """A whole number of months from 0 to last, exactly (as a mode is checked)."""
    if x is None:
        return int(default)
    if not (_finite(x, pos) >= 0.0 and x <= last and float(x).is_integer()):
        raise Invalid(pos, f"not a whole number from 0 to {last}")
    return int(x)


def _weights(w, pos: int) -> list[float]:
    if w is None:
        return [1.0] * MONTHS
    if not isinstance(w, (list, tuple)) or len(w) != MONTHS:  # a single value is never 12
        raise Invalid(pos, "not a row or column of 12 weights")
    total = 0.0
    for x in w:
        _non_negative(x, pos)
        total += x
    if not (0.0 < total <= 1.7976931348623157e308):
        raise Invalid(pos, "weights add up to 0 or overflow")
    return [float(x) for x in w]


def _spread(count: float, w: list[float], r: int) -> list[float]:
    """r = 0: count * w_i / sum; else ceil~(count * W_i) - ceil~(count * W_(i-1)), with W_i
    the cumulative share (sums in month order, so W_12 = 1 exactly)."""
    total = 0.0
    for x in w:
        total += x
    if r == EXACT:
        return [_result(count * x / total) for x in w]
    out, cumulative, before = [], 0.0, 0.0
    for x in w:
        cumulative += x
        now = tolerant_ceil(count * (cumulative / total))
        out.append(now - before)
        before = now
    return out


def proactive_schedule(T, S, E, c, M, cm=None, cycle=None, weights=None, r=None):
    """The 24 values of PROACTIVESCHEDULE in INDEX order: month 1 orders, month 1 leads,
    month 2 orders, ..."""
    _base(T, S, E)
    _ratio(c, 4)
    _non_negative(M, 5)
    if cm is not None:
        _fraction(cm, 6)
    lag = _months(cycle, 7, 11)
    w = _weights(weights, 8)
    ch = _Chain(T, S, E, c, M, cm, _mode(r, 9))
    N = _result(ch.reported(ch.N()))
    P = _result(ch.reported(ch.P()))
    v = [w[(i + lag) % MONTHS] for i in range(MONTHS)]
    orders, leads = _spread(N, w, ch.r), _spread(P, v, ch.r)
    return [x for pair in zip(orders, leads) for x in pair]


def proactive_leads_left(T, S, E, c, M, done, won, open_leads=None, cm=None, r=None):
    _base(T, S, E)
    _ratio(c, 4)
    _non_negative(M, 5)
    _months(done, 6, 12)
    _non_negative(won, 7)
    open_leads = 0.0 if open_leads is None else _non_negative(open_leads, 8)
    if cm is not None:
        _fraction(cm, 9)
    ch = _Chain(T, S, E, c, M, cm, _mode(r, 10))
    R = max(0.0, ch.N() - won)   # N whole in mode 1, exact in modes 0 and 2
    X = max(0.0, R - ch.M * ch.cm * ((12 - done) / 12) - open_leads * c) / c
    return _result(X if ch.r == EXACT else tolerant_ceil(X))


def evaluate(fn, *args):
    """fn(*args), or INVALID where the contract says invalid argument / infinite result."""
    try:
        return fn(*args)
    except Invalid:
        return INVALID


# Calc's names, the Python rule, and each argument's UNO type in the IDL:
# "double" (required), "any" (optional), "seq" (sequence<sequence<double>>).
FUNCTIONS = {
    "REQUIREDORDERS": (required_orders, ("T", "S", "r"), ("double", "double", "any")),
    "NEWCUSTOMERORDERS": (new_customer_orders, ("T", "S", "E", "r"),
                          ("double", "double", "double", "any")),
    "REQUIREDLEADS": (required_leads, ("T", "S", "E", "c", "r"),
                      ("double",) * 4 + ("any",)),
    "PROACTIVELEADS": (proactive_leads, ("T", "S", "E", "c", "M", "cm", "r"),
                       ("double",) * 5 + ("any", "any")),
    "PROACTIVEREVENUE": (proactive_revenue, ("T", "S", "E", "c", "M", "cm"),
                         ("double",) * 5 + ("any",)),
    "ACHIEVABLEREVENUE": (achievable_revenue, ("S", "E", "c", "M", "P", "cm"),
                          ("double",) * 5 + ("any",)),
    "REQUIREDCONVERSION": (required_conversion, ("T", "S", "E", "leads", "r"),
                           ("double",) * 4 + ("any",)),
    "AVERAGEORDERSIZE": (average_order_size, ("revenue", "orders"), ("seq", "seq")),
    "CONVERSIONRATE": (conversion_rate, ("won", "leads"), ("seq", "seq")),
    "PROACTIVEPLAN": (proactive_plan, ("T", "S", "E", "c", "M", "cm", "r"),
                      ("double",) * 5 + ("any", "any")),
    # "anyseq": sequence<sequence<any>> (empty cells skipped, text refused, shape checked).
    "ACTIVITIESNEEDED": (activities_needed_first, ("leads", "rates", "r"),
                         ("double", "anyseq", "any")),
    "PLANPROBABILITY": (plan_probability, ("T", "S", "E", "c", "M", "P", "cm"),
                        ("double",) * 6 + ("any",)),
    "PROACTIVELEADSFOR": (proactive_leads_for, ("T", "S", "E", "c", "M", "confidence", "cm"),
                          ("double",) * 6 + ("any",)),
    # "weights": an any that takes a row or column of 12 cells, never a single value.
    "PROACTIVESCHEDULE": (proactive_schedule,
                          ("T", "S", "E", "c", "M", "cm", "cycle", "weights", "r"),
                          ("double",) * 5 + ("any", "any", "weights", "any")),
    "PROACTIVELEADSLEFT": (proactive_leads_left,
                           ("T", "S", "E", "c", "M", "done", "new_won", "open", "cm", "r"),
                           ("double",) * 7 + ("any",) * 3),
}


def self_check() -> None:
    """The model against the contract's own worked numbers, before it judges Calc."""
    def close(a, b):
        return abs(a - b) <= 1e-9 * max(1.0, abs(b))

    checks = [
        (required_orders(1e6, 20000), 50), (new_customer_orders(1e6, 20000, 30), 20),
        (required_leads(1e6, 20000, 30, 0.2), 100), (proactive_leads(1e6, 20000, 30, 0.2, 60), 40),
        (proactive_revenue(1e6, 20000, 30, 0.2, 60), 160000),
        (achievable_revenue(20000, 30, 0.2, 60, 40), 1e6),
        (required_conversion(1e6, 20000, 30, 100), 0.2),
        (required_orders(1e6, 30000, 1), 34), (new_customer_orders(1e6, 30000, 30, 1), 4),
        (required_leads(1e6, 30000, 30, 0.2, 1), 20), (proactive_leads(1e6, 30000, 30, 0.2, 10, None, 1), 10),
        (required_orders(1e6, 30000, 2), 34), (new_customer_orders(1e6, 30000, 30, 2), 4),
        (required_leads(1e6, 30000, 30, 0.2, 2), 17), (proactive_leads(1e6, 30000, 30, 0.2, 10, None, 2), 7),
        (required_orders(1e6, 30000, 0), 1e6 / 30000), (new_customer_orders(1e6, 30000, 30, 0), 10 / 3),
        (required_leads(1e6, 30000, 30, 0.2, 0), 50 / 3), (proactive_leads(1e6, 30000, 30, 0.2, 10, None, 0), 20 / 3),
        (proactive_leads(1.5e6, 20000, 30, 0.25, 60, 0.1), 156),
        (proactive_revenue(1.5e6, 20000, 30, 0.25, 60, 0.1), 780000),
        (required_orders(2.1, 0.7), 3),
        (proactive_plan(1e6, 20000, 30, 0.2, 60), [50, 30, 20, 100, 60, 40, 160000, 4]),
    ]
    for got, want in checks:
        if isinstance(want, list):
            assert all(close(g, w) for g, w in zip(got, want)), (got, want)
        else:
            assert close(got, want), (got, want)
    assert activities_needed(40, [0.25, 0.4, 0.5]) == [800, 200, 80]
    assert activities_needed(40, [0.3, 0.45, 0.6]) == [497, 149, 67]
    assert activities_needed(40, [0.3, 0.45, 0.6], 2) == [494, 149, 67]
    assert activities_needed(39.5, 0.5) == [79]
    assert evaluate(activities_needed, 40, [0.5] * 11) == INVALID
    assert proactive_schedule(1e6, 20000, 30, 0.2, 60) == [2, 4, 2, 3, 1, 3] * 4
    assert proactive_schedule(1e6, 20000, 30, 0.2, 60, None, 2,
                              [1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 2, 2]) == [
        2, 4, 2, 3, 1, 3, 2, 4, 2, 0, 1, 0, 0, 3, 0, 3, 2, 7, 2, 7, 3, 3, 3, 3]
    assert proactive_leads_left(1e6, 20000, 30, 0.2, 60, 6, 8, 10) == 20
    assert evaluate(proactive_schedule, 1e6, 20000, 30, 0.2, 60, None, 12) == INVALID
    assert evaluate(required_orders, -1, 1) == INVALID
    assert evaluate(required_orders, 1e308, 1e-308) == INVALID
    # Issue 12's figures.
    assert round(plan_probability(1e6, 20000, 30, 0.2, 60, 40), 5) == 0.53984
    assert round(plan_probability(1e6, 20000, 30, 0.275, 60, 40, 0.15), 5) == 0.54078
    assert [proactive_leads_for(1e6, 20000, 30, 0.2, 60, k) for k in (0.5, 0.8, 0.9, 0.95)] == [39, 56, 66, 75]
    assert [proactive_leads_for(1e6, 20000, 30, 0.275, 60, k, 0.15) for k in (0.8, 0.9)] == [52, 59]
    # Existing customers alone exceed the target: an overflowing intermediate, result 0.
    assert proactive_revenue(1e6, 20000, 1e308, 0.2, 60) == 0.0

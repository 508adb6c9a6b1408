#!/usr/bin/env python3
"""Synthetic all-England data for the dashboard benchmark, in the app's template format (docs/csv-formats.md).

    python3 bench/generate_england.py AREAS.csv INDICATORS.json OUT.csv [PERIODS] [SEED]

AREAS.csv has the header code,kind,region,parent and one row per area in effect today: the lower tier (E06 unitary
authorities, E07 districts, E08 metropolitan districts, E09 London boroughs), E10 counties, E12 regions and E92
England, as the app's own Areas table holds them (bench/dashboards.sh reads it after `migrate`). Every indicator of
the catalogue gets PERIODS periods (default 15) of its own period type for every area.

Figures are invented but plausible and deterministic (seeded): lower-tier areas get a population, a level and a
trend of their own; counties, regions and England are the sums of their lower-tier areas, so they agree with them.
value = count / denominator x multiplier (count <= denominator for proportions); indicators without counts (modelled
estimates, survey figures) get a value, and survey figures their 95% limits. Benchmark data only: the app never
ships or loads it.
"""
import csv
import json
import math
import random
import sys
from datetime import date, timedelta

LOWER_TIER = ("E06", "E07", "E08", "E09")

# Per indicator: England's level (as a fraction for proportions, per head for rates), how much areas differ
# (relative spread), the yearly trend (relative), and where the denominator comes from (share of the 16-64
# population), or None for value-only indicators.
PROFILES = {
    "cmd-estimated-prevalence": dict(level=0.169, spread=0.10, trend=0.004, base=None),
    "depression-qof-prevalence": dict(level=0.124, spread=0.18, trend=0.03, base=1.25),
    "smi-qof-prevalence": dict(level=0.0095, spread=0.25, trend=0.01, base=1.55),
    "ibsda-mental-behavioural-count": dict(level=0.031, spread=0.35, trend=-0.02, base=1.0),
    "ibsda-mental-behavioural-rate": dict(level=0.031, spread=0.35, trend=-0.02, base=1.0),
    "ibsda-mental-behavioural-share": dict(level=0.46, spread=0.08, trend=0.01, base=0.065),
    "ibsda-mental-behavioural-5yr-share": dict(level=0.52, spread=0.10, trend=0.015, base=0.03),
    "esa-mental-behavioural-count": dict(level=0.027, spread=0.35, trend=0.03, base=1.0),
    "esa-mental-behavioural-rate": dict(level=0.027, spread=0.35, trend=0.03, base=1.0),
    "esa-mental-behavioural-share": dict(level=0.49, spread=0.08, trend=0.012, base=0.055),
    "esa-mental-behavioural-5yr-share": dict(level=0.41, spread=0.12, trend=0.02, base=0.027),
    "ni152-out-of-work-benefits": dict(level=0.105, spread=0.30, trend=-0.03, base=1.0),
    "ni153-out-of-work-benefits-worst-neighbourhoods": dict(level=0.26, spread=0.20, trend=-0.02, base=0.08),
    "ni173-flows-employment-to-incapacity-benefits": dict(level=0.0042, spread=0.30, trend=-0.02, base=0.74),
    "ni150-secondary-mh-employment": dict(level=0.074, spread=0.40, trend=0.0, base=0.0035),
    "ascof-1f-secondary-mh-paid-employment": dict(level=0.067, spread=0.40, trend=-0.01, base=0.0038),
    "phof-secondary-mh-employment-gap": dict(level=66.0, spread=0.06, trend=0.003, base=None),
    "ni151-employment-rate": dict(level=0.745, spread=0.05, trend=0.004, base=None),
    "sickness-absence-employees": dict(level=0.022, spread=0.20, trend=-0.01, base=None),
    "iapt-access": dict(level=0.185, spread=0.22, trend=0.03, base=0.16),
    "iapt-recovery": dict(level=0.50, spread=0.08, trend=0.01, base=0.012),
    "cqc-cmh-survey-work-help-unmet": dict(level=0.40, spread=0.15, trend=0.005, base=0.0009),
}
DEFAULT_PROFILE = dict(level=0.2, spread=0.2, trend=0.0, base=0.05)

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def month_end(year, month):
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))


def periods(kind, n):
    """The last n periods of a type, oldest first, as (label, start, end, years since the first)."""
    out = []
    for i in range(n):
        if kind == "CalendarYear":
            y = 2024 - n + i
            out.append((str(y), date(y, 1, 1), date(y, 12, 31), i))
        elif kind == "FinancialYear":
            y = 2024 - n + i
            out.append((f"{y}/{(y + 1) % 100:02d}", date(y, 4, 1), date(y + 1, 3, 31), i))
        elif kind == "Quarter":  # calendar quarters as NOMIS labels them: "Jan-Mar 2021"
            y, q = divmod(2024 * 4 + 3 - (n - 1) + i, 4)  # ends with Oct-Dec 2024
            m = 3 * q
            out.append((f"{MONTHS[m]}-{MONTHS[m + 2]} {y}", date(y, m + 1, 1), month_end(y, m + 3), i / 4))
        elif kind == "Month":
            y, m = divmod(2024 * 12 + 11 - (n - 1) + i, 12)
            out.append((f"{MONTHS[m]} {y}", date(y, m + 1, 1), month_end(y, m + 1), i / 12))
        elif kind == "RollingYear":  # APS years ending each quarter: "Jul 2020-Jun 2021"
            y, q = divmod(2024 * 4 + 3 - (n - 1) + i, 4)  # the last ends in December 2024
            end_m = 3 * q + 2  # 0-based month the year ends in
            start = date(y - 1 + (end_m + 1) // 12, (end_m + 1) % 12 + 1, 1)
            end = month_end(y, end_m + 1)
            out.append((f"{MONTHS[start.month - 1]} {start.year}-{MONTHS[end.month - 1]} {end.year}", start, end, i / 4))
        else:
            raise SystemExit(f"unknown period type {kind}")
    return out


def fmt(x):
    """Six decimals, trailing zeros dropped: 10.5, 0.042118."""
    return "" if x is None else (f"{x:.6f}".rstrip("0").rstrip(".") or "0")


def wilson(count, n, z=1.959964):
    if n <= 0:
        return None, None
    p = count / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    r = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (c - r) / d, (c + r) / d


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    areas_path, indicators_path, out_path = sys.argv[1:4]
    n_periods = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20240501

    with open(areas_path, newline="") as f:
        areas = list(csv.DictReader(f))
    with open(indicators_path) as f:
        indicators = json.load(f)

    lower = [a for a in areas if a["code"][:3] in LOWER_TIER]
    counties = [a for a in areas if a["code"].startswith("E10")]
    regions = [a for a in areas if a["code"].startswith("E12")]
    england = [a for a in areas if a["code"] == "E92000001"]
    members = {a["code"]: [a["code"]] for a in lower}
    for c in counties:
        members[c["code"]] = [a["code"] for a in lower if a["parent"] == c["code"]]
    for r in regions:
        members[r["code"]] = [a["code"] for a in lower if a["region"] == r["code"]]
    for e in england:
        members[e["code"]] = [a["code"] for a in lower]
    empty = [code for code, m in members.items() if not m]
    if empty:
        raise SystemExit(f"areas with no lower-tier members: {empty}")

    rng = random.Random(seed)
    # Population aged 16-64 of each lower-tier area: log-normal around 85,000 (City of London and Scilly are tiny).
    population = {}
    for a in lower:
        population[a["code"]] = max(1500, int(rng.lognormvariate(math.log(85000), 0.55)))
    deprivation = {a["code"]: rng.gauss(0, 1) for a in lower}  # shared across indicators, so they correlate

    rows = 0
    with open(out_path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator_key", "area_code", "period_label", "period_start", "period_end", "sex", "age_band",
                    "value", "count", "denominator", "lower_95", "upper_95"])
        for ind in indicators:
            key = ind["key"]
            prof = PROFILES.get(key, DEFAULT_PROFILE)
            value_type = ind["valueType"]
            multiplier = float(ind["multiplier"])
            irng = random.Random(f"{seed}|{key}")
            own = {c: irng.gauss(0, 1) for c in population}
            polarity = -1 if ind.get("polarity") == "HighIsGood" else 1
            slope = {c: prof["trend"] + irng.gauss(0, 0.006) for c in population}
            plist = periods(ind["periodType"], n_periods)
            for label, start, end, years in plist:
                # Lower-tier figures first; the rest are sums of them.
                num, den, val = {}, {}, {}
                for c, pop in population.items():
                    level = prof["level"] * math.exp(prof["spread"] * (0.7 * polarity * deprivation[c] + 0.7 * own[c]))
                    level *= math.exp(slope[c] * years) * math.exp(irng.gauss(0, prof["spread"] * 0.08))
                    if value_type == "Proportion":
                        level = min(level, 0.98)
                    if prof["base"] is None:
                        val[c] = level
                        den[c] = pop  # weights for the sums only
                        continue
                    d = max(1, round(pop * prof["base"] * math.exp(irng.gauss(0, 0.05))))
                    num[c] = min(d, max(0, round(d * level + irng.gauss(0, math.sqrt(max(d * level, 1)) * 0.3))))
                    den[c] = d
                for a in areas:
                    code = a["code"]
                    ms = members[code]
                    lo95 = hi95 = None
                    if prof["base"] is None:
                        weight = sum(den[m] for m in ms)
                        v = sum(val[m] * den[m] for m in ms) / weight
                        count = denominator = None
                        if value_type == "Proportion":
                            # A survey estimate (APS-like) with its own limits, from an effective sample size.
                            sample = max(60, weight // 180)
                            lo, hi = wilson(v * sample, sample)
                            lo95, hi95 = lo * multiplier, hi * multiplier
                            value = v * multiplier
                        else:
                            value = v
                    else:
                        count = sum(num[m] for m in ms)
                        denominator = sum(den[m] for m in ms)
                        if value_type == "Count":
                            value, denominator = float(count), None
                        else:
                            value = count / denominator * multiplier
                    w.writerow([key, code, label, start.isoformat(), end.isoformat(), ind.get("sex") or "Persons",
                                ind.get("age") or "All ages", fmt(value), "" if count is None else count,
                                "" if denominator is None else denominator,
                                fmt(lo95), fmt(hi95)])
                    rows += 1
    print(f"{rows} rows: {len(areas)} areas x {len(indicators)} indicators x {n_periods} periods -> {out_path}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

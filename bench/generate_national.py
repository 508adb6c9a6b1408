#!/usr/bin/env python3
"""Synthetic national store for the scale benchmark, in the app's template format (docs/csv-formats.md).

    python3 bench/generate_national.py AREAS.csv CATALOGUE.csv OUT.csv --values N [--first I] [--rows R] [--revise]
    python3 bench/generate_national.py AREAS.csv CATALOGUE.csv --values N --shape   (prints: periods series)

AREAS.csv has the header code (every area in effect today, of every kind the app holds). CATALOGUE.csv has the
header key,value_type,multiplier,period_type,sex,age, in catalogue order. The store is N values, numbered 0..N-1 in
a fixed order: by series (an indicator and a slice: its own sex and age first, then other sexes and age bands, every
indicator's first slice before any indicator's second), then by period (oldest first, as published files come, so a
load appends to each indicator's range), then by area. Every indicator gets PERIODS periods: 20 when N reaches
areas x indicators x 20, fewer for a smaller N, so that a quick run still has the whole catalogue on every
dashboard; the slices then make up N. One call writes the values numbered I to I + R - 1 (all by default), so a
large store can be written and imported a chunk at a time. With --revise it writes the same keys with other
figures (every value differs from the stored one): an analyst's revision of what is there.

Figures are invented, plausible for their value type and deterministic; they pass the app's checks (a count within
its denominator for proportions, a difference within +-100). Benchmark data only: the app never ships or loads it.
"""
import argparse
import csv
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_england import periods, fmt  # noqa: E402  (the same period labels and number format)

MAX_PERIODS = 20
OTHER_SLICES = [("Male", None), ("Female", None), ("Persons", "16-24 yrs"), ("Persons", "25-49 yrs"),
                ("Persons", "50-64 yrs"), ("Male", "16-24 yrs"), ("Male", "25-49 yrs"), ("Male", "50-64 yrs"),
                ("Female", "16-24 yrs"), ("Female", "25-49 yrs"), ("Female", "50-64 yrs")]


def shape(n_values, n_areas, n_indicators):
    """(periods per indicator, series needed) for a store of n_values."""
    n_periods = max(1, min(MAX_PERIODS, n_values // (n_areas * n_indicators)))
    n_series = -(-n_values // (n_periods * n_areas))
    if n_series > n_indicators * (1 + len(OTHER_SLICES)):
        raise SystemExit(f"{n_values} values need more slices than the {1 + len(OTHER_SLICES)} this generator has")
    return n_periods, n_series


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("areas")
    parser.add_argument("catalogue")
    parser.add_argument("out", nargs="?", help="omit with --shape")
    parser.add_argument("--values", type=int, required=True)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--rows", type=int)
    parser.add_argument("--revise", action="store_true")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--shape", action="store_true", help="print the periods per indicator and the series, and stop")
    args = parser.parse_args()

    with open(args.areas, newline="") as f:
        areas = [row["code"] for row in csv.DictReader(f)]
    with open(args.catalogue, newline="") as f:
        catalogue = list(csv.DictReader(f))
    n_periods, n_series = shape(args.values, len(areas), len(catalogue))
    if args.shape or args.out is None:
        print(n_periods, n_series)
        return
    last = min(args.values, args.first + (args.rows if args.rows is not None else args.values))

    # Per area a population aged 16-64 (log-normal, as in generate_england.py) and per indicator and area a level.
    rng = random.Random(args.seed)
    population = [max(1500, int(rng.lognormvariate(math.log(85000), 0.55))) for _ in areas]
    period_lists, levels = {}, []
    for ind in catalogue:
        irng = random.Random(f"{args.seed}|{ind['key']}")
        levels.append([math.exp(irng.gauss(0, 0.3)) for _ in areas])
        if ind["period_type"] not in period_lists:
            period_lists[ind["period_type"]] = periods(ind["period_type"], n_periods)
    per_series = n_periods * len(areas)

    rows = 0
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator_key", "area_code", "period_label", "period_start", "period_end", "sex", "age_band",
                    "value", "count", "denominator"])
        index = args.first
        while index < last:
            series, within = divmod(index, per_series)
            slice_no, ind_no = divmod(series, len(catalogue))
            ind = catalogue[ind_no]
            sex, age = (ind["sex"], ind["age"]) if slice_no == 0 else OTHER_SLICES[slice_no - 1]
            age = age or ind["age"]
            share = 1.0 if slice_no == 0 else (0.5 if age == ind["age"] else 0.3)  # of the population in the slice
            value_type, multiplier = ind["value_type"], float(ind["multiplier"])
            level = levels[ind_no]
            end = min(last, (series + 1) * per_series)
            for i in range(index, end):
                period_no, area_no = divmod(i - series * per_series, len(areas))
                label, start, stop, years = period_lists[ind["period_type"]][period_no]
                wobble = 1 + 0.02 * math.sin(i * 0.7) + 0.01 * years
                count = denominator = None
                if value_type == "Difference":
                    value = max(-99.0, min(99.0, 40 * level[area_no] * wobble))
                    if args.revise:
                        value += -0.5 if value > 0 else 0.5
                else:
                    denominator = max(1, round(population[area_no] * share * (0.2 if value_type == "Proportion" else 1)))
                    rate = min(0.9, 0.15 * level[area_no] * wobble) if value_type == "Proportion" else 0.03 * level[area_no] * wobble
                    count = round(denominator * rate)
                    if args.revise:
                        count = count - 1 if count > 0 else count + 1
                    if value_type == "Count":
                        value, denominator = float(count), None
                    else:
                        value = count / denominator * multiplier
                w.writerow([ind["key"], areas[area_no], label, start.isoformat(), stop.isoformat(), sex, age, fmt(value),
                            "" if count is None else count, "" if denominator is None else denominator])
            rows += end - index
            index = end
    print(f"{rows} rows ({args.first}..{last - 1} of {args.values}: {len(areas)} areas x {len(catalogue)} indicators x "
          f"{n_periods} periods x {n_series} series){' revised' if args.revise else ''} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

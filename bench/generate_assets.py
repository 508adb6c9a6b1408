#!/usr/bin/env python3
"""Writes 20,000 synthetic assets across England for bench/assets.sh (seeded, so every run loads the same register).

Usage: generate_assets.py areas.csv items.csv out_dir [count]
  areas.csv: code,kind of today's areas (local authorities, regions, ICBs, sub-ICB locations)
  items.csv: id of the active checklist items
Writes assets.csv, asset_items.csv and asset_areas.csv with the tables' own column names (header row).
Most assets serve one local authority; some two, some a whole region, ICB or sub-ICB location.
"""
import csv
import datetime
import pathlib
import random
import sys

SECTORS = ["Nhs", "Council", "VoluntarySector", "Employer", "Dwp", "EducationAndSkills", "Other"]


def main():
    areas_path, items_path, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 20_000
    rng = random.Random(14)
    by_kind = {}
    for row in csv.DictReader(open(areas_path)):
        by_kind.setdefault(row["kind"], []).append(row["code"])
    authorities = [c for k in ("LondonBorough", "MetropolitanDistrict", "UnitaryAuthority", "NonMetropolitanDistrict", "County") for c in by_kind.get(k, [])]
    items = [int(r["id"]) for r in csv.DictReader(open(items_path))]
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
    stamp = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
    with open(out / "assets.csv", "w", newline="") as a, open(out / "asset_items.csv", "w", newline="") as i, \
            open(out / "asset_areas.csv", "w", newline="") as r:
        assets, links, served = (csv.writer(f, lineterminator="\n") for f in (a, i, r))
        assets.writerow(["Id", "Name", "Provider", "Sector", "CapacityPerYear", "FundingEnd", "Rating", "RatingRationale", "RatedBy", "RatedUtc",
                         "CreatedUtc", "CreatedBy", "UpdatedUtc", "UpdatedBy"])
        links.writerow(["AssetId", "ItemId"])
        served.writerow(["AssetId", "AreaCode"])
        for n in range(1, count + 1):
            rating = rng.choice([None, 1, 2, 2, 3])
            rated = now - datetime.timedelta(days=rng.randint(1, 700)) if rating else None
            end = (now + datetime.timedelta(days=rng.randint(-365, 3 * 365))).date().isoformat() if rng.random() < 0.7 else ""
            assets.writerow([n, f"Bench asset {n}", f"Bench provider {n % 997}", rng.choice(SECTORS), rng.randint(10, 500), end,
                             rating or "", "Synthetic rating" if rating else "", "bench" if rating else "", stamp(rated) if rated else "",
                             stamp(now), "bench", stamp(now), "bench"])
            for item in rng.sample(items, rng.choice([1, 1, 2])):
                links.writerow([n, item])
            roll = rng.random()
            if roll < 0.75:
                codes = [rng.choice(authorities)]
            elif roll < 0.80:
                codes = rng.sample(authorities, 2)
            elif roll < 0.90:
                codes = [rng.choice(by_kind["Region"])]
            elif roll < 0.97:
                codes = [rng.choice(by_kind["IntegratedCareBoard"])]
            else:
                codes = [rng.choice(by_kind["SubIcbLocation"])]
            for code in codes:
                served.writerow([n, code])


if __name__ == "__main__":
    main()

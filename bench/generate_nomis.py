#!/usr/bin/env python3
"""Writes a NOMIS API CSV (the full-column layout of a real NM_2002_1 download) with N rows for real English area
codes: every district and region in the ONS December 2023 lookup, England, three sexes, five age bands, monthly dates."""
import csv
import sys
from pathlib import Path

rows_wanted = int(sys.argv[1])
out = Path(sys.argv[2])
lookup = Path(__file__).resolve().parent.parent / "src/MhEmployment.Web/Data/Seed/lad23_rgn23.csv"

areas = [("E92000001", "England", "country")]
regions = {}
with lookup.open(encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        areas.append((row["LAD23CD"], row["LAD23NM"], "local authorities: district / unitary (as of April 2023)"))
        regions[row["RGN23CD"]] = row["RGN23NM"]
areas += [(code, name, "regions") for code, name in sorted(regions.items())]

genders = [(0, "Total"), (1, "Male"), (2, "Female")]
ages = [(201, "Aged 16-24"), (202, "Aged 25-34"), (203, "Aged 35-49"), (204, "Aged 50-64"), (200, "Aged 16-64")]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
header = ["DATE", "DATE_NAME", "DATE_CODE", "DATE_TYPE", "DATE_TYPECODE", "DATE_SORTORDER",
          "GEOGRAPHY", "GEOGRAPHY_NAME", "GEOGRAPHY_CODE", "GEOGRAPHY_TYPE", "GEOGRAPHY_TYPECODE", "GEOGRAPHY_SORTORDER",
          "GENDER", "GENDER_NAME", "GENDER_CODE", "GENDER_TYPE", "GENDER_TYPECODE", "GENDER_SORTORDER",
          "C_AGE", "C_AGE_NAME", "C_AGE_CODE", "C_AGE_TYPE", "C_AGE_TYPECODE", "C_AGE_SORTORDER",
          "MEASURES", "MEASURES_NAME", "OBS_VALUE", "OBS_STATUS", "OBS_STATUS_NAME", "OBS_CONF", "OBS_CONF_NAME",
          "URN", "RECORD_OFFSET", "RECORD_COUNT"]

written = 0
with out.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    w.writerow(header)
    month_index = 0
    while written < rows_wanted:
        year, month = 2000 + month_index // 12, month_index % 12
        date_name, date_code = f"{months[month]} {year}", f"{year}-{month + 1:02d}"
        for a, (code, name, geo_type) in enumerate(areas):
            for g, gender in genders:
                for c, age in ages:
                    if written == rows_wanted:
                        break
                    value = round(40 + ((a * 7 + g * 3 + c + month_index) % 400) / 10, 1)
                    w.writerow([date_code, date_name, date_code, "date", 0, month_index,
                                1946157057 + a, name, code, geo_type, 464, a,
                                g, gender, g, "sex", 0, g, c, age, c, "age", 0, c,
                                20100, "Value", value, "A", "Normal Value", "F", "Free (free of disclosure)",
                                f"Nm-bench-{written}", written, rows_wanted])
                    written += 1
        month_index += 1
print(f"{written:,} rows -> {out}")

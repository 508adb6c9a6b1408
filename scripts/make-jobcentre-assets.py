#!/usr/bin/env python3
"""Turns DWP's Jobcentre Plus offices register (GOV.UK Registers archive, OGL v3) into the asset template.

Only open offices (no end-date) in English districts whose name places them in one ONS region are kept; the register
has no address or local authority (only a UPRN), so each office is placed at the level of its district's region and
left unrated. Run from the repository root; it rewrites SampleData/assets/jobcentre-plus-offices.csv.
"""
import csv
import pathlib

DATA = pathlib.Path("src/MhEmployment.Web/SampleData")

# District key -> ONS region (E12), only where the district's name names counties or places that all lie in one region.
REGION_OF_DISTRICT = {
    "105": ("E12000002", "North West"),               # Cumbria and Lancashire
    "107": ("E12000002", "North West"),               # Merseyside
    "110": ("E12000002", "North West"),               # Greater Manchester
    "133": ("E12000002", "North West"),               # Cheshire
    "114": ("E12000001", "North East"),               # Northumberland, Tyne and Wear
    "130": ("E12000001", "North East"),               # Durham and Tees Valley
    "121": ("E12000003", "Yorkshire and The Humber"), # South Yorkshire
    "125": ("E12000003", "Yorkshire and The Humber"), # West Yorkshire
    "134": ("E12000004", "East Midlands"),            # Leicestershire and Northamptonshire
    "131": ("E12000005", "West Midlands"),            # Black Country
    "132": ("E12000005", "West Midlands"),            # Birmingham and Solihull
    "124": ("E12000006", "East of England"),          # Essex
    "126": ("E12000006", "East of England"),          # East Anglia
    "127": ("E12000006", "East of England"),          # Bedfordshire and Hertfordshire
    "106": ("E12000007", "London"),                   # West London
    "119": ("E12000007", "London"),                   # East London
    "120": ("E12000007", "London"),                   # North London
    "129": ("E12000007", "London"),                   # South London
    "117": ("E12000008", "South East"),               # Kent
    "137": ("E12000008", "South East"),               # Surrey and Sussex
    "138": ("E12000008", "South East"),               # Berkshire, Buckinghamshire and Oxfordshire
    "139": ("E12000009", "South West"),               # Avon, Somerset and Gloucestershire
    "140": ("E12000009", "South West"),               # Devon and Cornwall
}

COLUMNS = ["name", "description", "provider", "sector", "items", "areas", "target_group", "eligibility", "funding_source", "website"]


def main():
    districts = {r["key"]: r for r in csv.DictReader(open(DATA / "assets/jobcentre/jobcentre-district.csv", encoding="utf-8"))}
    offices = [r for r in csv.DictReader(open(DATA / "assets/jobcentre/jobcentre.csv", encoding="utf-8"))
               if not r["end-date"] and r["jobcentre-district"] in REGION_OF_DISTRICT]
    offices.sort(key=lambda r: (REGION_OF_DISTRICT[r["jobcentre-district"]][1], r["name"]))
    with open(DATA / "assets/jobcentre-plus-offices.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for office in offices:
            district = districts[office["jobcentre-district"]]["name"]
            code, region = REGION_OF_DISTRICT[office["jobcentre-district"]]
            writer.writerow([
                f"{office['name']} Jobcentre",
                f"Jobcentre Plus office in DWP's {district} district (register entry {office['key']}). The register gives no "
                f"address or local authority, so the office is placed at the level of the region its district lies in ({region}).",
                "Department for Work and Pensions (Jobcentre Plus)",
                "dwp",
                "jobcentre-plus-programmes",
                code,
                "People of working age looking for work or claiming working-age benefits",
                "",
                "DWP",
                "https://www.gov.uk/contact-jobcentre-plus",
            ])
    print(f"{len(offices)} offices written")


if __name__ == "__main__":
    main()

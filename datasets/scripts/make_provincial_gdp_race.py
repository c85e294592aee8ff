#!/usr/bin/env python3
"""Builds the bundled horse-race inputs: one `pace gap`-format CSV per year (2023, 2024) with
one row per province for GDP growth, from the bundled targets and NBS outcomes.

    python3 datasets/scripts/make_provincial_gdp_race.py      # from the repository root

Standard library only. Derivation (see datasets/SOURCES.md):
- target     = the province's announced growth target (lower bound of a range),
               cn_provincial_gdp_targets.csv;
- ytd_growth = the year's real GDP growth outcome, NBS revised figure,
               cn_provincial_annual.csv (indicator gdp, measure yoy); checked equal to the
               `actual` column of the targets file;
- growth_gap_pp = ytd_growth - target (rounded to 10 decimals to drop binary noise);
- ytd        = nominal GDP level (100 million yuan) of the year, cn_provincial_annual.csv;
- time_share = 1 (the year is complete, as_of = the year);
- light      = growth-only rule of SPEC section 4: green >= 0, yellow >= -1, red below;
- task_share, progress_pp and the projection columns are left empty: the levels are
  nominal and the targets real, so a task share would mix the two.
The national row ("China") is not a province and is left out.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "datasets")
COLUMNS = ["region", "indicator", "year", "as_of", "type", "target", "stretch", "ytd", "time_share",
           "task_share", "progress_pp", "light", "ytd_growth", "growth_gap_pp", "required_growth",
           "acceleration_pp", "projected", "projected_growth", "lo80", "hi80", "lo95", "hi95", "p_meet",
           "p_meet_stretch", "method", "notes"]


def number(x):
    """Shortest text of a float, without a trailing .0 (as Pace's formatNumber)."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def main():
    with open(os.path.join(DATA, "cn_provincial_annual.csv"), newline="", encoding="utf-8") as f:
        annual = {}
        for row in csv.DictReader(f):
            if row["indicator"] == "gdp" and row["measure"] in ("yoy", "level"):
                annual[(row["region"], row["period"], row["measure"])] = float(row["value"])
    with open(os.path.join(DATA, "cn_provincial_gdp_targets_detail.csv"), newline="", encoding="utf-8") as f:
        detail = {(r["region"], r["year"]): r for r in csv.DictReader(f)}
    with open(os.path.join(DATA, "cn_provincial_gdp_targets.csv"), newline="", encoding="utf-8") as f:
        targets = [r for r in csv.DictReader(f) if r["indicator"] == "gdp"]

    for year in ("2023", "2024"):
        rows = [r for r in targets if r["year"] == year and r["region"] != "China"]
        if len(rows) != 31:
            sys.exit(f"expected 31 provinces for {year}, found {len(rows)}")
        out_path = os.path.join(DATA, f"provincial_gdp_race_{year}.gap.csv")
        with open(out_path, "w", newline="", encoding="utf-8") as f:
            f.write(f"# provincial GDP growth {year}: announced targets vs NBS revised outcomes\n")
            f.write("# made by datasets/scripts/make_provincial_gdp_race.py from cn_provincial_gdp_targets.csv,"
                    " cn_provincial_gdp_targets_detail.csv, cn_provincial_annual.csv (see datasets/SOURCES.md)\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS)
            for r in rows:
                region = r["region"]
                target = float(r["target"])
                outcome = annual[(region, year, "yoy")]
                if r["actual"] and float(r["actual"]) != outcome:
                    sys.exit(f"{region} {year}: targets file actual {r['actual']} != NBS yoy {outcome}")
                gap = round(outcome - target, 10)
                light = "green" if gap >= 0 else ("yellow" if gap >= -1 else "red")
                d = detail[(region, year)]
                notes = [f"target {d['target_text']} ({d['qualifier']}); year-end outcome, NBS revised"]
                if d["actual_preliminary"] and float(d["actual_preliminary"]) != outcome:
                    notes.append(f"preliminary outcome {d['actual_preliminary']}")
                level = annual.get((region, year, "level"))
                values = {
                    "region": region, "indicator": "gdp", "year": year, "as_of": year, "type": "growth",
                    "target": number(target), "ytd": number(level) if level is not None else "",
                    "time_share": "1", "light": light, "ytd_growth": number(outcome),
                    "growth_gap_pp": number(gap), "method": "outcome", "notes": "; ".join(notes),
                }
                w.writerow([values.get(c, "") for c in COLUMNS])
        print(f"wrote {os.path.relpath(out_path, ROOT)}")


if __name__ == "__main__":
    main()

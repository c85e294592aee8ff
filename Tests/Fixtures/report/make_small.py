"""Writes the small deterministic report fixture (standard-library Python, no randomness):
three regions x two quarterly flow indicators, year-to-date levels 2016Q1-2024Q2, and 2024 targets.
Run from this folder: python3 make_small.py"""
regions = [('North & "Coast" <N>', 1.00, 0.08), ("South", 1.30, 0.05), ("West", 0.70, 0.02)]
indicators = [("investment", [0.15, 0.25, 0.28, 0.32]), ("revenue", [0.27, 0.26, 0.24, 0.23])]
with open("small_data.csv", "w") as f:
    f.write("region,indicator,period,measure,value\n")
    for name, scale, growth in regions:
        for ind, shares in indicators:
            base = 100.0 * scale * (1.2 if ind == "revenue" else 1.0)
            for year in range(2016, 2025):
                total = base * (1 + growth) ** (year - 2016) * (1 + 0.01 * ((year * 7) % 3 - 1))
                ytd = 0.0
                for q in range(1, 5):
                    if year == 2024 and q > 2:
                        break
                    wobble = 1 + 0.02 * (((year + q) * 5) % 3 - 1)
                    ytd += total * shares[q - 1] * wobble
                    f.write('"' + name.replace('"', '""') + '"' if '"' in name else name)
                    f.write(f",{ind},{year}Q{q},ytd,{ytd:.4f}\n")
with open("small_targets.csv", "w") as f:
    f.write("region,indicator,year,type,target,stretch\n")
    f.write('"North & ""Coast"" <N>",investment,2024,growth,6,8\n')
    f.write('"North & ""Coast"" <N>",revenue,2024,growth,5,\n')
    f.write("South,investment,2024,growth,7,\n")
    f.write("South,revenue,2024,growth,5,6\n")
    f.write("West,investment,2024,level,70,\n")
    f.write("West,revenue,2024,growth,5,\n")
with open("small_scheme.csv", "w") as f:
    f.write("indicator,weight,metric,direction\ninvestment,60,progress_pp,higher\nrevenue,40,growth_gap_pp,higher\n")

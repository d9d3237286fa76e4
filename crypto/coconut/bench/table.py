#!/usr/bin/env python3
"""Turns the JMH JSON of crypto/coconut's benchmarks (SampleTime mode) into the Markdown tables of the README.

The machines are shared, so each row gives the median (p50) and the minimum of the sampled single-operation
times rather than the mean: preemption by other processes inflates the mean most, the median less, the minimum
least (it estimates the uncontended cost). Targets are judged on the median.

usage: table.py target/jmh.json
"""
import json
import sys

FLOORS = {
    "verifyCredential": "floor_verifyCredential",
    "verifyCredentialPrepared": "floor_verifyCredential",
    "blindSign": "floor_blindSign",
    "holderIssuance_prepareUnblind2Aggregate2": "floor_holderIssuance",
    "proveCredential": "floor_proveCredential",
}
TARGETS = {
    "verifyCredential": (1500, 1.3),
    "verifyCredentialPrepared": (1500, 1.3),
    "blindSign": (1500, None),
    "holderIssuance_prepareUnblind2Aggregate2": (4000, None),
}


def stats(r):
    m = r["primaryMetric"]
    return {"mean": m["score"], "p50": m["scorePercentiles"]["50.0"], "min": m["scorePercentiles"]["0.0"]}


def cell(v):
    return "%.0f / %.0f" % (v["p50"], v["min"]) if v else "–"


def main(path):
    rows = json.load(open(path))
    coconut = {}
    blst = []
    dkg = []
    for r in rows:
        cls, name = r["benchmark"].rsplit(".", 2)[-2:]
        if cls == "BlstBenchmark":
            blst.append((name, stats(r)))
        elif cls == "DkgBenchmark":
            dkg.append((name, stats(r)))
        else:
            coconut[(r["params"]["shape"], name)] = stats(r)
    if coconut:
        coconut_table(coconut)
    if dkg:
        print("| DKG operation (q = 3, t = 2, n = 3) | p50 / min, µs |")
        print("|---|---:|")
        for name, v in sorted(dkg):
            print("| %s | %s |" % (name, cell(v)))
        print()
    print("| raw blst through jblst | p50 / min, µs |")
    print("|---|---:|")
    for name, v in sorted(blst):
        print("| %s | %.1f / %.1f |" % (name, v["p50"], v["min"]))


def coconut_table(coconut):
    names = sorted({n for (_, n) in coconut if not n.startswith("floor_")})
    print("| operation | token: p50 / min, µs | q = 8: p50 / min, µs | floor p50 / min, µs (token; q = 8) "
          "| ratio to floor, p50 / min (token; q = 8) | target (token, on p50) |")
    print("|---|---:|---:|---:|---:|---|")
    for n in names:
        t, q = coconut.get(("token", n)), coconut.get(("q8", n))
        fname = FLOORS.get(n)
        floor_cell, ratio_cell, ratio = "", "", None
        if fname:
            ft, fq = coconut[("token", fname)], coconut[("q8", fname)]
            ratio = t["p50"] / ft["p50"]
            floor_cell = "%s; %s" % (cell(ft), cell(fq))
            ratio_cell = "%.2f / %.2f; %.2f / %.2f" % (ratio, t["min"] / ft["min"], q["p50"] / fq["p50"],
                                                       q["min"] / fq["min"])
        target = ""
        if n in TARGETS:
            limit, max_ratio = TARGETS[n]
            ok = t["p50"] < limit and (max_ratio is None or ratio <= max_ratio)
            target = "< %d µs%s: **%s**" % (limit, ", ≤ 1.3x floor" if max_ratio else "", "met" if ok else "missed")
        print("| %s | %s | %s | %s | %s | %s |" % (n, cell(t), cell(q), floor_cell, ratio_cell, target))
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/jmh.json")

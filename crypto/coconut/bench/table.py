#!/usr/bin/env python3
"""Turns the JMH JSON of crypto/coconut's benchmarks (SampleTime mode) into the Markdown tables of the README.

The machines are shared, so besides the mean each row gives the median (p50) of the sampled single-operation
times, which preemption by other processes disturbs far less; ratios and targets are judged on the median.

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


def main(path):
    rows = json.load(open(path))
    coconut = {}
    blst = []
    for r in rows:
        cls, name = r["benchmark"].rsplit(".", 2)[-2:]
        if cls == "BlstBenchmark":
            blst.append((name, stats(r)))
        else:
            coconut[(r["params"]["shape"], name)] = stats(r)
    names = sorted({n for (_, n) in coconut if not n.startswith("floor_")})
    print("| operation | token p50 (mean), µs | q = 8 p50 (mean), µs | floor p50, µs | ratio to floor (token / q = 8) | target (token) |")
    print("|---|---:|---:|---:|---:|---|")
    for n in names:
        cells = []
        for s in ("token", "q8"):
            v = coconut.get((s, n))
            cells.append("%.0f (%.0f)" % (v["p50"], v["mean"]) if v else "–")
        fname = FLOORS.get(n)
        floor_cell, ratio_cell, ratio = "", "", None
        if fname:
            ft, fq = coconut[("token", fname)], coconut[("q8", fname)]
            ratio = coconut[("token", n)]["p50"] / ft["p50"]
            floor_cell = "%.0f / %.0f" % (ft["p50"], fq["p50"])
            ratio_cell = "%.2fx / %.2fx" % (ratio, coconut[("q8", n)]["p50"] / fq["p50"])
        target = ""
        if n in TARGETS:
            limit, max_ratio = TARGETS[n]
            v = coconut[("token", n)]["p50"]
            ok = v < limit and (max_ratio is None or ratio <= max_ratio)
            target = "< %d µs%s: **%s**" % (limit, ", ≤ %.1fx floor" % max_ratio if max_ratio else "",
                                            "met" if ok else "missed")
        print("| %s | %s | %s | %s | %s | %s |" % (n, cells[0], cells[1], floor_cell, ratio_cell, target))
    print()
    print("| raw blst through jblst | p50 (mean), µs |")
    print("|---|---:|")
    for name, v in sorted(blst):
        print("| %s | %.1f (%.1f) |" % (name, v["p50"], v["mean"]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/jmh.json")

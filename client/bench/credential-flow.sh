#!/usr/bin/env bash
# Times the credential flow (DESIGN.md section 4) from the ERC20 transfer to the settlement: runs `nymclient demo
# --timings` RUNS times against the network the client's settings name (the home folder's config.toml [credential]
# section, else the localnet defaults) and prints, per step, the median and minimum seconds and the step's share of
# the median total. Baseline in the same run: plain round trips to the ledger RPC (`status`) and to the provider
# (`GET` of its description), i.e. what one request costs without any work behind it.
#
#   client/bench/credential-flow.sh [--runs N] [nymclient demo options, e.g. --home DIR --skip-ethereum]
#
# Needs client/target/nymclient.jar (mvn -pl client -am install -DskipTests), python3 and curl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=5
if [[ ${1:-} == --runs ]]; then runs=$2; shift 2; fi
jar=$root/client/target/nymclient.jar
[[ -f $jar ]] || { echo "build first: mvn -pl client -am install -DskipTests" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for i in $(seq 1 "$runs"); do
  echo "run $i/$runs" >&2
  java -jar "$jar" demo --timings "$out/run-$i.csv" "$@" > "$out/run-$i.log" 2>&1 \
    || { cat "$out/run-$i.log" >&2; echo "run $i failed" >&2; exit 1; }
done

# The endpoints the demo used, from its first run's output: "ledger:   <url>   provider: <url>".
ledger=$(sed -n 's/^ledger: *\(http[^ ]*\).*/\1/p' "$out/run-1.log" | head -1)
provider=$(sed -n 's/.*provider: \(http[^ ]*\).*/\1/p' "$out/run-1.log" | head -1)
for i in $(seq 1 "$runs"); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"status","params":{}}' "$ledger" >> "$out/baseline-ledger"
  curl -s -o /dev/null -w '%{time_total}\n' "$provider" >> "$out/baseline-provider"
done

python3 - "$out" "$runs" <<'PY'
import csv, statistics, sys, pathlib
out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
steps, order = {}, []
for i in range(1, runs + 1):
    for row in csv.DictReader(open(out / f"run-{i}.csv")):
        if row["step"] not in steps:
            steps[row["step"]] = []
            order.append(row["step"])
        steps[row["step"]].append(float(row["seconds"]))
totals = [sum(steps[s][i] for s in order) for i in range(runs)]
median_total = statistics.median(totals)
print(f"| step | median s | min s | share of the median total |")
print(f"|---|---:|---:|---:|")
for s in order:
    m = statistics.median(steps[s])
    print(f"| {s} | {m:.2f} | {min(steps[s]):.2f} | {100 * m / median_total:.1f} % |")
print(f"| **total (transfer to settlement)** | **{median_total:.2f}** | {min(totals):.2f} | 100 % |")
for name, label in (("baseline-ledger", "ledger RPC `status` round trip"), ("baseline-provider", "provider GET round trip")):
    values = [float(v) for v in open(out / name).read().split()]
    print(f"| baseline: {label} | {statistics.median(values):.3f} | {min(values):.3f} | |")
print(f"\n{runs} runs")
PY

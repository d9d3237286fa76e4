#!/usr/bin/env bash
# Committed tx/s and commit latency through broadcast_tx_sync on real CometBFT validators (one machine), for the
# ledger (signed transfers) and, in the same run on the same chain configuration, for CometBFT's kvstore (the
# baseline: key=value txs of the same size). One fresh `ledger-app testnet` per (validators, app) pair.
#
#   ledger-app/bench/broadcast-tx-sync.sh                     # 1 and 4 validators, 20000 txs each, 1 s blocks
#   VALIDATORS="1" TXS=50000 ACCOUNTS=100 CONCURRENCY=32 BLOCK_TIME=1s ledger-app/bench/broadcast-tx-sync.sh
#
# Load goes to validator 1's RPC; the others get the txs by mempool gossip. Build first:
# mvn -pl ledger-tx,ledger-app install (ledger-app/target/ledger-app.jar); CometBFT from `make cometbft`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${JAR:-$here/../target/ledger-app.jar}"
txs="${TXS:-20000}"
accounts="${ACCOUNTS:-64}"
concurrency="${CONCURRENCY:-32}"
block_time="${BLOCK_TIME:-1s}"
validator_counts="${VALIDATORS:-1 4}"
chain_id="nym-bench"

[ -f "$jar" ] || { echo "missing $jar: run mvn -pl ledger-tx,ledger-app install first" >&2; exit 1; }
cd "$here/.." # CometBFT is found in .tools/ of this or a parent folder

# validator i of `testnet --base-port P` listens on P+10(i-1) .. +3: find a base with 40 free ports
free_base() {
  python3 - <<'EOF'
import random, socket
for _ in range(100):
    base = random.randrange(20000, 60000, 10)
    socks = []
    try:
        for p in range(base, base + 40):
            s = socket.socket(); s.bind(("127.0.0.1", p)); socks.append(s)
        print(base); break
    except OSError:
        pass
    finally:
        for s in socks: s.close()
EOF
}

# CPU seconds used so far by the testnet's children whose command is $1 (cometbft: the nodes; java: the apps)
children_cpu() {
  local ticks=0 p
  for p in $(pgrep -P "$testnet_pid" -x "$1"); do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}

root="$(mktemp -d -t ledger-bench.XXXXXX)"
testnet_pid=""
stop_testnet() {
  if [ -n "$testnet_pid" ]; then
    kill "$testnet_pid" 2>/dev/null || true # its shutdown hook stops the nodes, then the apps
    wait "$testnet_pid" 2>/dev/null || true
    testnet_pid=""
  fi
}
cleanup() { stop_testnet; rm -rf "$root"; }
trap cleanup EXIT

results=()
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
for n in $validator_counts; do
  for app in kvstore nym; do
    home="$root/$app-$n"
    base="$(free_base)"
    java -jar "$jar" testnet --home "$home" --validators "$n" --base-port "$base" --block-time "$block_time" \
      --chain-id "$chain_id" --dev-accounts "$accounts" --app "$app" > "$root/$app-$n.log" 2>&1 &
    testnet_pid=$!
    rpc="http://127.0.0.1:$((base + 1))/"
    for _ in $(seq 1 240); do
      grep -q '^ledger-app testnet:' "$root/$app-$n.log" && break
      kill -0 "$testnet_pid" 2>/dev/null || { cat "$root/$app-$n.log" >&2; exit 1; }
      sleep 0.5
    done
    grep -q '^ledger-app testnet:' "$root/$app-$n.log" || { echo "testnet did not start" >&2; exit 1; }
    echo "== $app, $n validator(s), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    node_cpu0="$(children_cpu cometbft)" app_cpu0="$(children_cpu java)"
    java -jar "$jar" bench --rpc "$rpc" --app "$app" \
      --chain-id "$chain_id" --txs "$txs" --accounts "$accounts" --concurrency "$concurrency" \
      > "$root/bench.out" || status=$?
    cat "$root/bench.out"
    out="$(grep '^RESULT' "$root/bench.out" || true)"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # where the CPU went during the run: all nodes, all apps (kvstore runs inside the node); the load generator
    # reports its own (loader_cpu)
    cpu="node_cpu=$(awk -v a="$(children_cpu cometbft)" -v b="$node_cpu0" 'BEGIN { print a - b }')"
    cpu+=" app_cpu=$(awk -v a="$(children_cpu java)" -v b="$app_cpu0" 'BEGIN { print a - b }')"
    stop_testnet
    [ -n "$out" ] || { echo "bench $app/$n failed" >&2; exit 1; }
    results+=("validators=$n load=$load $cpu ${out#RESULT }")
  done
done

echo
echo "validators | app | committed tx/s | commit latency p50 / p95 / max (ms) | accepted tx/s | committed/sent txs | max txs/block | mempool-full retries | CPU s nodes / apps / loader | load"
for r in "${results[@]}"; do
  declare -A f=()
  for kv in $r; do f["${kv%%=*}"]="${kv#*=}"; done
  echo "${f[validators]} | ${f[app]} | ${f[committed_tps]} | ${f[latency_ms_p50]} / ${f[latency_ms_p95]} / ${f[latency_ms_max]} | ${f[accepted_tps]} | ${f[committed]}/${f[sent]} (lost ${f[lost]}) | ${f[max_block_txs]} | ${f[mempool_full_retries]} | ${f[node_cpu]} / ${f[app_cpu]} / ${f[loader_cpu]} | ${f[load]}"
  unset f
done
exit "${status:-0}"

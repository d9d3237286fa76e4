#!/usr/bin/env bash
# Transactions per second through broadcast_tx_sync on a fresh devnet (one machine).
#
#   ledger-app/bench/broadcast-tx-sync.sh            # 20000 signed transfers from 64 accounts, 32 connections
#   TXS=50000 CONCURRENCY=64 ACCOUNTS=100 ledger-app/bench/broadcast-tx-sync.sh
#
# Starts `ledger-app devnet` on free local ports in a temporary home, measures a baseline (health calls over
# the same HTTP/JSON-RPC path), then the load, then stops the devnet. Build first: mvn -pl ledger-app install.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${JAR:-$here/../target/ledger-app.jar}"
txs="${TXS:-20000}"
accounts="${ACCOUNTS:-64}"
concurrency="${CONCURRENCY:-32}"
interval="${BLOCK_INTERVAL:-1s}"

[ -f "$jar" ] || { echo "missing $jar: run mvn -pl ledger-app install first" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rpc_port="${RPC_PORT:-$(free_port)}"
abci_port="${ABCI_PORT:-$(free_port)}"
home="$(mktemp -d -t ledger-bench.XXXXXX)"

java -jar "$jar" devnet --home "$home" --rpc "tcp://127.0.0.1:$rpc_port" --abci "tcp://127.0.0.1:$abci_port" \
  --block-interval "$interval" --dev-accounts "$accounts" > "$home/devnet.log" 2>&1 &
devnet_pid=$!
cleanup() { kill "$devnet_pid" 2>/dev/null || true; wait "$devnet_pid" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$rpc_port/status" > /dev/null 2>&1; then break; fi
  sleep 0.2
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" bench --rpc "http://127.0.0.1:$rpc_port/" --txs "$txs" --accounts "$accounts" \
  --concurrency "$concurrency"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

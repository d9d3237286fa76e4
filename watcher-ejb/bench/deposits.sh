#!/usr/bin/env bash
# Deposits per second from ERC20 transfer to ledger credit on the local chain (anvil 1 s blocks, a CometBFT validator driving ledger-app,
# PostgreSQL on 127.0.0.1:5432), with two baselines measured in the same run (DepositBenchmark). Arguments:
# deposits senders confirmations (default 300 9 2; at most 9 senders: anvil's funded accounts 1..9). Needs `make ethereum-tools` and the modules installed
# (mvn -pl watcher-ejb -am install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -ntp -q -pl watcher-ejb test-compile exec:java \
  -Dexec.args="${1:-300} ${2:-9} ${3:-2}" \
  -Dnym.anvil="$PWD/ethereum/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"

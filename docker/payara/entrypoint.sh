#!/usr/bin/env bash
# Sets up the domain and deployment group (idempotent: a restarted container reuses them), deploys the EAR, waits for
# every instance, then shows the DAS and instance logs on the container's output until it is stopped; a stop signal
# stops the group and the domain in order.
set -euo pipefail
cd /opt/nym
payara=payara-config/bin/nym-payara
trap '"$payara" stop; exit 0' TERM INT
"$payara" setup
"$payara" deploy
mapfile -t logs < <("$payara" log-files | cut -d' ' -f2)
tail -n +1 -F "${logs[@]}" &
wait $!

#!/bin/sh
# Runs one mix node or gateway of the network tree: mixnode-entrypoint.sh TREE_HOME SERVICE_NAME.
# The tree is mounted read-only, and a gateway keeps registrations and inboxes in its home, so the home is copied
# once into the volume at /data. The addresses become those of the compose network: listen on every interface,
# announce the service's name with the port of the tree, and find the directory at NYM_DIRECTORY_URL. A gateway
# metered by the tree (a non-empty [bandwidth] ledger_nodes, its ledger account in keys/ledger.key) reaches the
# ledger's validators at NYM_LEDGER_NODES (comma-separated URLs) instead of the tree's 127.0.0.1 ports; an empty
# ledger_nodes (a mix node, an unmetered gateway) stays empty.
set -eu
home=/data
if [ ! -f "$home/config.toml" ]; then
  cp -R "$1/." "$home/"
fi
ledger_nodes=$(printf '%s' "${NYM_LEDGER_NODES:-http://node0:26657}" | sed 's|[^,]*|"&"|g; s|,|, |g')
sed -i \
  -e "s|^listen_host = .*|listen_host = \"0.0.0.0\"|" \
  -e "s|^announce_host = .*|announce_host = \"$2\"|" \
  -e "s|^url = .*|url = \"${NYM_DIRECTORY_URL:-http://payara:28080}\"|" \
  -e "s|^ledger_nodes = \\[\".*|ledger_nodes = [$ledger_nodes]|" \
  "$home/config.toml"
exec java -jar /opt/nym/mixnode.jar run --home "$home"

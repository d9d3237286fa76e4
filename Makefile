# The two commands a newcomer needs: `make localnet` (run the whole network) and `make test` (run every test).
# Everything else here is a piece of those two or a benchmark.

MVN ?= mvn -B -ntp
export MAVEN_OPTS ?= -Xmx1g

.PHONY: build cometbft ethereum-tools dashboard-test-tools dashboard-test localnet-build localnet localnet-down localnet-status localnet-e2e logs test unit-test ledger-client-test docker-check integration-test bench-coconut bench-sphinx bench-ledger bench-mixnode bench-mixnode-replay bench-mixnode-spend clean

## build: compile and package every module, skipping tests (what localnet needs)
build:
	$(MVN) -q install -DskipTests

## localnet-build: write build/ with keys, configuration and the ledger genesis of every component (seed: NYM_LOCALNET_SEED)
localnet-build: build
	localnet/bin/localnet build

## cometbft: the ledger's consensus, CometBFT (pinned here, and only here), built once by `go install` from the Go
## module proxy into .tools/cometbft-<version>; .tools/cometbft points at it (where the tests and localnet look)
COMETBFT_VERSION := v0.38.26
COMETBFT := .tools/cometbft-$(COMETBFT_VERSION)/cometbft
cometbft: $(COMETBFT)
	@ln -sfn cometbft-$(COMETBFT_VERSION) .tools/cometbft
$(COMETBFT):
	GOBIN=$(CURDIR)/.tools/cometbft-$(COMETBFT_VERSION) go install github.com/cometbft/cometbft/cmd/cometbft@$(COMETBFT_VERSION)

## ethereum-tools: anvil, the local Ethereum chain of tests and localnet, from npm (ethereum/tools/package-lock.json)
ANVIL := ethereum/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
ethereum-tools: $(ANVIL)
$(ANVIL): ethereum/tools/package-lock.json
	npm ci --prefix ethereum/tools --no-audit --no-fund
	touch $@

## dashboard-test-tools: playwright-core for the directory's headless-chromium test (directory-war/browser-test)
PLAYWRIGHT := directory-war/browser-test/node_modules/playwright-core/package.json
dashboard-test-tools: $(PLAYWRIGHT)
$(PLAYWRIGHT): directory-war/browser-test/package-lock.json
	npm ci --prefix directory-war/browser-test --no-audit --no-fund
	touch $@

## dashboard-test: the dashboard in Debian's chromium against a stand-in directory with canned answers (no Payara):
## drops, reliability, ledger heights, history, node detail, "last seen" under 304, screenshots at 1400 and 390 px
## (directory-war/target/browser-test/*.png)
dashboard-test: dashboard-test-tools
	cd directory-war/browser-test && node --test canned.test.mjs

## localnet: PostgreSQL + Payara (domain nym, group of 3 instances) + the EAR; prints where everything is
localnet: build cometbft ethereum-tools
	localnet/bin/localnet up

## localnet-down: stop everything localnet started
localnet-down:
	localnet/bin/localnet down

localnet-status:
	localnet/bin/localnet status

## localnet-e2e: up, up twice while running, a crash of every process then up, a dead instance and a hung node then
## down (within 60 s, nothing left); 21-26 minutes, so not part of `make test` (localnet/README.md, "Restart test")
localnet-e2e: build cometbft ethereum-tools
	localnet/test/restart-e2e

## logs: list the components' logs (build/logs); `make logs C=validator-1` follows one
logs:
	localnet/bin/localnet logs $(C)

## test: unit tests of every module, the ledger through an external CometBFT client, the dashboard against canned
## answers, the docker/ files' checks, then
## the EAR on a real Payara (Arquillian) and on a 3-instance deployment group
test: unit-test ledger-client-test dashboard-test docker-check integration-test

unit-test: cometbft ethereum-tools
	$(MVN) install

## ledger-client-test: @cosmjs/tendermint-rpc (npm, ledger-app/rpc-client-test/package-lock.json) drives a 1-validator
## `ledger-app testnet`; runs after unit-test, whose `mvn install` builds ledger-app/target/ledger-app.jar
LEDGER_RPC_CLIENT := ledger-app/rpc-client-test/node_modules/@cosmjs/tendermint-rpc/package.json
ledger-client-test: cometbft $(LEDGER_RPC_CLIENT)
	cd ledger-app/rpc-client-test && node --test --test-force-exit
$(LEDGER_RPC_CLIENT): ledger-app/rpc-client-test/package-lock.json
	npm ci --prefix ledger-app/rpc-client-test --no-audit --no-fund
	touch $@

## docker-check: docker/ has no engine here: compose files validated by docker-compose, every referenced file present
docker-check:
	python3 docker/check.py

integration-test: cometbft ethereum-tools dashboard-test-tools
	integration-tests/bin/run

## bench-*: benchmarks (JMH for the crypto libraries); the numbers go into each module's README
bench-coconut:
	$(MVN) -q -P bench -pl crypto/coconut package -DskipTests
	java -jar crypto/coconut/target/benchmarks.jar -rf json -rff crypto/coconut/target/jmh.json
	python3 crypto/coconut/bench/table.py crypto/coconut/target/jmh.json

## bench-ledger: committed tx/s and commit latency of signed transfers on 1 and 4 CometBFT validators, beside
## CometBFT's kvstore on the same chains (the baseline); needs ledger-app's jar (mvn -pl ledger-tx,ledger-app install)
bench-ledger:
	ledger-app/bench/broadcast-tx-sync.sh

bench-sphinx:
	$(MVN) -q -P bench -pl crypto/sphinx package -DskipTests
	java -jar crypto/sphinx/target/benchmarks.jar

## bench-mixnode: one mix node's forwarding rate and added latency, with the Sphinx per-hop cost of the same run
bench-mixnode:
	mixnode-connector/bench/forward.sh

## bench-mixnode-replay: JMH, a forwarding hop with the persisted replay filter, in memory only, and without one
bench-mixnode-replay:
	$(MVN) -q -P bench -pl mixnode-connector package
	java -jar mixnode-connector/target/benchmarks.jar ReplayFilterBenchmark

## bench-mixnode-spend: JMH, a gateway's local check of a credential spend beside one Sphinx hop (the baseline)
bench-mixnode-spend:
	$(MVN) -q -P bench -pl mixnode-connector package -DskipTests
	java -jar mixnode-connector/target/benchmarks.jar SpendCheckBenchmark -f 1 -wi 2 -i 3

clean:
	$(MVN) -q clean

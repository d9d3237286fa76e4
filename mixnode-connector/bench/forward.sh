#!/bin/sh
# One mix node's forwarding throughput and added latency on this machine (zero delay, paced, Poisson delays),
# with the Sphinx per-hop cost measured in the same run. Not a test: prints a Markdown table for the README.
# Usage: mixnode-connector/bench/forward.sh [packets per phase (20000)] [paced rate /s (5000)] [mean delay ms (20)]
set -eu
cd "$(dirname "$0")/../.."
MVN=${MVN:-mvn -B -ntp}
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} $MVN -q install -pl mixnode-connector -am -DskipTests
$MVN -q -pl mixnode-connector test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="mixnode-connector/target/classes:mixnode-connector/target/test-classes:$(cat mixnode-connector/target/bench.classpath)"
exec java -Xmx1g -Djava.util.logging.config.file=/dev/null -cp "$cp" nym.mixnode.bench.ForwardBench "$@"

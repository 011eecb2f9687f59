#!/bin/sh
# run-vs-restic.sh: builds the stowage launcher and the benchmarks, then runs Stowage and restic side by
# side on the same generated tree and the same loopback S3 server (see perf/README.md).
#
#   perf/run-vs-restic.sh [--scale=1.0] [--work=DIR] [--runs=3] [--first-runs=1] [--tools=stowage,restic,stowage-b2]
#                         [--java-opts="..."] [--java-home=JDK] [--no-b2] [--jfr] [--reuse-tree] [--restic=PATH] [--stowage=./stowage]
#
# Stowage runs as users run it: the root ./stowage script (extracted launcher jar plus its class-data
# archive), configured for the S3 location through STOWAGE_LOCATIONS_BENCH_* variables; --java-home runs it
# on that JDK (the script's JAVA_HOME: AOT caches on JDK 25 and later), restic unchanged.
#
# MVN_ARGS adds Maven options (say -o offline); BENCH_JAVA_OPTS sets the harness JVM's options (it runs
# the S3 server and the counting proxy, not the tools).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# The launcher's jar is not repackaged when only a module it depends on changed (the repackaging sees
# its own earlier output as already done): remove it so the engine measured is the one in the tree.
rm -f launcher/target/stowage.jar launcher/target/stowage.jar.original
# shellcheck disable=SC2086 # MVN_ARGS is a list of options
mvn -B -q ${MVN_ARGS:-} -Dstyle.color=never -DskipTests -pl launcher,perf -am package
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:--Xmx768m} -cp "perf/target/classes:perf/target/lib/*" \
    dev.stowage.perf.vsrestic.VsResticBenchmark "$@"

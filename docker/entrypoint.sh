#!/bin/sh
# Entry point of the Stowage image, for the launcher and the node workers alike: runs the stowage
# command with the container's arguments (`backup create --schedule daily`, `worker ...`).
# JAVA_OPTS adds JVM options; the chart sets -XX:MaxRAMPercentage so the heap follows the pod's
# memory limit. exec keeps java as PID 1, so it receives the SIGTERM Kubernetes sends.
set -eu

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split on purpose
exec java ${JAVA_OPTS:-} -jar /app/stowage.jar "$@"

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The match index on a synthetic fleet: bench/fleet.sh BUILD_DIR [DB]
# Generates the fleet once (bench/gen-fleet.py; kept in DB for reruns),
# then prints bench-fleet's timings.  BUILD_DIR should be a release build.
set -eu
build=${1:?usage: bench/fleet.sh BUILD_DIR [DB]}
db=${2:-${TMPDIR:-/tmp}/tplc-bench-fleet.db}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -s "$db" ]; then
	"$build/cli/tplc" --db "$db" --quiet init
	python3 "$here/gen-fleet.py" "$db"
fi
"$build/bench/bench-fleet" "$db"

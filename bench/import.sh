#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Feed import end to end beside `jq -c .` on the same JSON:
#
#   bench/import.sh BUILD_DIR [MB]
#
# Generates about MB (default 100) megabytes each of NVD API 2.0 JSON
# (bench/gen-nvd.py) and of OSV records (bench/gen-osv.py: one JSON array,
# and the same records as a zip of one file each) in a temporary folder,
# then prints one Markdown table row per input:
#
# | input | size | import | import MB/s | parse MB/s | yajl MB/s | jq -c . MB/s | import / jq | parse / jq | yajl / jq |
#
# import is `tplc feed import KIND FILE` into a fresh database (best of
# three; the database is made before the clock starts), parse is
# bench-parse (from memory, no store), yajl is the JSON parser alone on
# the JSON (bench-parse yajl: no callbacks), jq is `jq -c . FILE >/dev/null`
# (best of three).  A zip has no jq peer: its ratios compare with jq on the
# JSON array of the same records.  BUILD_DIR should be a release build.
set -eu
build=${1:?usage: bench/import.sh BUILD_DIR [MB]}
mb=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
tplc=$build/cli/tplc
parse=$build/bench/bench-parse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v bc >/dev/null || { echo "bench: needs bc" >&2; exit 69; }
command -v jq >/dev/null || { echo "bench: needs jq" >&2; exit 69; }

now() { date +%s.%N; }

# seconds that one run of a command takes (its output dropped)
time_of() {
	t0=$(now)
	"$@" >/dev/null 2>&1 || { echo "bench: $* failed" >&2; return 1; }
	t1=$(now)
	echo "$t1 - $t0" | bc -l
}

# the fewest seconds of three: best_of_three TIMER ARGS... where TIMER
# prints the seconds of one run
best_of_three() {
	best=""
	for _ in 1 2 3; do
		t=$("$@") || exit 1
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then
			best=$t
		fi
	done
	echo "$best"
}

# fresh_import KIND FILE: seconds of one import into a new database (made
# before the clock starts)
fresh_import() {
	rm -f "$work/b.db" "$work/b.db-wal" "$work/b.db-shm"
	"$tplc" --quiet --db "$work/b.db" init >/dev/null
	time_of "$tplc" --quiet --db "$work/b.db" feed import "$1" "$2"
}

# row LABEL KIND FILE [JSON]: JSON is the file jq reads (default FILE)
row() {
	label=$1
	kind=$2
	file=$3
	json=${4:-$3}
	bytes=$(wc -c <"$file" | tr -d ' ')
	jbytes=$(wc -c <"$json" | tr -d ' ')
	secs=$(best_of_three fresh_import "$kind" "$file")
	imbs=$(echo "$bytes / $secs / 1000000" | bc -l)
	pmbs=$("$parse" "$kind" "$file" | cut -d' ' -f4)
	ymbs=$("$parse" yajl "$json" | cut -d' ' -f4)
	jq_secs=$(best_of_three time_of jq -c . "$json")
	jmbs=$(echo "$jbytes / $jq_secs / 1000000" | bc -l)
	# the same records: seconds beside seconds, not bytes beside bytes
	psecs=$(echo "$bytes / $pmbs / 1000000" | bc -l)
	printf '| %s | %.1f MB | %.2f s | %.1f MB/s | %.1f MB/s | %.1f MB/s | %.1f MB/s | %.1fx | %.1fx | %.1fx |\n' \
		"$label" "$(echo "$bytes / 1000000" | bc -l)" "$secs" "$imbs" \
		"$pmbs" "$ymbs" "$jmbs" "$(echo "$jq_secs / $secs" | bc -l)" \
		"$(echo "$jq_secs / $psecs" | bc -l)" \
		"$(echo "$ymbs / $jmbs" | bc -l)"
}

# about 3.1 kB per NVD CVE and 2.0 kB per OSV record
nvd_n=$((mb * 1000000 / 3130))
osv_n=$((mb * 1000000 / 2010))
python3 "$here/gen-nvd.py" "$nvd_n" "$work/nvd.json"
python3 "$here/gen-osv.py" "$osv_n" "$work/osv.json" --zip "$work/osv.zip"

row "NVD API 2.0 page, $nvd_n CVEs" nvd "$work/nvd.json"
row "OSV JSON array, $osv_n records" osv "$work/osv.json"
row "OSV zip of $osv_n record files" osv "$work/osv.zip" "$work/osv.json"

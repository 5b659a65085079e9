# SPDX-License-Identifier: Apache-2.0
#
# End-to-end tests of the tplc binary, as a user types it (after git's
# t/test-lib.sh).  A test script:
#
#	. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
#	test_expect_success 'imports the inventory' '
#		tplc device import "$SRC/data/demo/inventory.csv"
#	'
#	test_done
#
# Each script runs in a fresh temporary directory with TPLC_DB=tplc.db and
# a fixed clock (TPLC_NOW).  Output is TAP.

set -u

: "${TPLC_SOURCE_ROOT:?run through meson test}"
: "${TPLC_BUILD_ROOT:?run through meson test}"
SRC=$TPLC_SOURCE_ROOT
SHARED=${TPLC_SHARED_DATA:-$SRC/../shared/data}
TPLC_BIN=${TPLC_BIN:-$TPLC_BUILD_ROOT/cli/tplc}
export TPLC_DB=tplc.db
export TPLC_NOW=${TPLC_NOW:-2026-11-25T12:00:00Z}
unset TPLC_NO_COLOR 2>/dev/null || true

test_count=0
test_failed=0
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tplc-test.XXXXXX")
trap 'rm -rf "$TEST_DIR"' EXIT
cd "$TEST_DIR" || exit 1

tplc() {
	"$TPLC_BIN" "$@"
}

# Skip the whole script when the shared conformance data is missing,
# except in CI, where missing oracles are a failure.
test_require_shared() {
	if [ ! -d "$SHARED" ]; then
		if [ -n "${CI:-}" ]; then
			echo "Bail out! shared data not found at $SHARED"
			exit 1
		fi
		echo "1..0 # SKIP shared data not found at $SHARED"
		exit 0
	fi
}

test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TEST_DIR/.out" 2>&1; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TEST_DIR/.out"
		test_failed=$((test_failed + 1))
	fi
}

# test_expect_code CODE command...: the command exits with CODE.
test_expect_code() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "expected exit code $want, got $got: $*" >&2
		return 1
	fi
	return 0
}

# test_cmp EXPECTED ACTUAL: files equal, a diff when not.
test_cmp() {
	diff -u "$1" "$2"
}

# grep with the evidence on failure.
test_grep() {
	if ! grep "$@"; then
		echo "grep $* found nothing in:" >&2
		eval "cat \"\${$#}\"" >&2
		return 1
	fi
}

# The sqlite3 shell, waiting for locks as tplc itself does: a process
# killed a moment ago may still hold one while the kernel tears it down.
sqlite3() {
	command sqlite3 -cmd ".timeout 10000" "$@"
}

db_dump() {
	sqlite3 "${1:-$TPLC_DB}" .dump
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

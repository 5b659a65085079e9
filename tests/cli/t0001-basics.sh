#!/bin/sh
# The command table, global options, exit codes, the database.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

json_ok() {
	python3 -c 'import json, sys; json.load(sys.stdin)'
}

test_expect_success 'version and help' '
	tplc --version | test_grep "^tplc [0-9]" - &&
	tplc version | test_grep "^tplc [0-9]" - &&
	tplc help >out && test_grep "^  findings" out &&
	tplc --help >out && test_grep "^  scan" out
'

test_expect_success 'no command is a usage error' '
	test_expect_code 64 tplc 2>err && test_grep usage err
'

test_expect_success 'unknown command and option exit 64' '
	test_expect_code 64 tplc frobnicate 2>err &&
	test_grep "not a tplc command" err &&
	test_expect_code 64 tplc --frob init 2>err &&
	test_expect_code 64 tplc device list --frob 2>err &&
	test_grep "unknown option" err
'

test_expect_success 'help on commands and subcommands' '
	tplc help device >out && test_grep "import" out &&
	tplc device --help >out && test_grep "list" out &&
	tplc device list --help >out && test_grep "\-\-exposed" out &&
	tplc findings list --help >out && test_grep "\-\-kev" out &&
	tplc help sbom >out && test_grep "import" out
'

test_expect_success 'init creates the database with WAL and the schema' '
	tplc init >out && test_grep "schema version 6" out &&
	test -f tplc.db &&
	test "$(sqlite3 tplc.db "PRAGMA journal_mode")" = wal &&
	test "$(sqlite3 tplc.db "PRAGMA user_version")" = 6 &&
	sqlite3 tplc.db .tables >tables && test_grep findings tables
'

test_expect_success 'a new database is readable by its owner only' '
	test "$(stat -c %a tplc.db)" = 600 &&
	tplc --db private.db device list >/dev/null &&
	test "$(stat -c %a private.db)" = 600
'

test_expect_success 'init twice is harmless' '
	db_dump >before && tplc init >/dev/null && db_dump >after &&
	test_cmp before after
'

test_expect_success '--db before the command, $TPLC_DB otherwise' '
	tplc --db other.db init >/dev/null && test -f other.db &&
	TPLC_DB=third.db tplc init >/dev/null && test -f third.db &&
	tplc --db=fourth.db init >/dev/null && test -f fourth.db
'

test_expect_success 'a newer schema is refused' '
	sqlite3 new.db "PRAGMA user_version=99" &&
	test_expect_code 74 tplc --db new.db init 2>err &&
	test_grep "newer than this tplc" err
'

test_expect_success 'every listing command speaks JSON' '
	tplc --json init | json_ok &&
	tplc --json device list | json_ok &&
	tplc device list --json | json_ok &&
	tplc --json sbom list | json_ok &&
	tplc --json findings list | json_ok &&
	tplc --json summary | json_ok &&
	tplc --json scan | json_ok
'

test_expect_success 'a bad TPLC_NOW is a usage error' '
	TPLC_NOW=yesterday test_expect_code 64 tplc init 2>err &&
	test_grep "not a UTC date" err
'

test_done

#!/bin/sh
# Bad input gets one located error line, exit 65, and changes nothing:
# the database dump is identical before and after.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400

# expect_rejected PATTERN command...: exit 65, one "tplc: " line on
# stderr matching PATTERN, database unchanged.
expect_rejected() {
	pattern=$1
	shift
	db_dump >before &&
	test_expect_code 65 "$@" 2>err &&
	test "$(wc -l <err)" -eq 1 &&
	test_grep -E "^tplc: $pattern" err &&
	db_dump >after &&
	test_cmp before after
}

test_expect_success 'a populated database to protect' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc feed import osv "$F/lodash.osv.json" >/dev/null &&
	tplc scan >/dev/null
'

test_expect_success 'SBOM with a JSON syntax error' '
	printf "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",,\n}\n" >syntax.json &&
	expect_rejected "syntax.json:3:[0-9]+: " \
		tplc sbom import syntax.json --product "Acme Medical InfuPump 3000" --version 9
'

test_expect_success 'SBOM with a wrongly typed field names its JSON path' '
	sed "s/\"version\": \"4.17.20\"/\"version\": 4.17/" "$F/pump-1.2.0.cdx.json" >typed.json &&
	expect_rejected "typed.json:[0-9]+:[0-9]+: components\[1\]\.version: " \
		tplc sbom import typed.json --product "Acme Medical InfuPump 3000" --version 1.2.0
'

test_expect_success 'an SBOM that is neither CycloneDX nor SPDX' '
	echo "{\"hello\": 1}" >other.json &&
	expect_rejected "other.json" \
		tplc sbom import other.json --product "Acme Medical InfuPump 3000" --version 1
'

test_expect_success 'inventory CSV with a malformed MAC address' '
	printf "Asset Tag,Manufacturer,Model,MAC Address\nA-1,Acme,X,00:11:22:33:44:55\nA-2,Acme,X,00:11:zz:33:44:55\n" >mac.csv &&
	expect_rejected "mac.csv:3:[0-9]+: MAC Address: " tplc device import mac.csv
'

test_expect_success 'inventory CSV with an unterminated quote' '
	printf "Asset Tag,Manufacturer,Model\nA-1,\"Acme,X\n" >quote.csv &&
	expect_rejected "quote.csv:2:[0-9]+: " tplc device import quote.csv
'

test_expect_success 'inventory CSV without a required column' '
	printf "Asset Tag,Model\nA-1,X\n" >cols.csv &&
	expect_rejected "cols.csv:1:" tplc device import cols.csv
'

test_expect_success 'a bad file among good ones imports none of them' '
	sed "s/PUMP-/NEW-/" "$F/inventory.csv" >good.csv &&
	expect_rejected "mac.csv:3:" tplc device import good.csv mac.csv
'

test_expect_success 'CSAF advisory with a wrongly typed member' '
	sed "s/\"csaf_version\": \"2.0\"/\"csaf_version\": 2/" "$F/workstation.csaf.json" >csaf.json &&
	expect_rejected "csaf.json:[0-9]+:[0-9]+: document\.csaf_version: " \
		tplc feed import csaf csaf.json
'

test_expect_success 'OSV record that is not JSON' '
	printf "{\"id\": \"X\",\n \"affected\": [}\n" >osv.json &&
	expect_rejected "osv.json:2:[0-9]+: " tplc feed import osv osv.json
'

test_expect_success 'KEV CSV with a ragged row' '
	printf "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes\nCVE-2021-44228,Apache,Log4j2\n" >kev.csv &&
	expect_rejected "kev.csv:2:" tplc feed import kev kev.csv
'

test_expect_success 'a good folder with one bad file imports nothing' '
	mkdir feed && cp "$F/lodash.osv.json" feed/a.json && cp osv.json feed/b.json &&
	expect_rejected "feed/b.json:2:" tplc feed import osv feed
'

test_expect_success 'a missing file is exit 66' '
	test_expect_code 66 tplc device import nope.csv 2>err &&
	test_grep "^tplc: nope.csv: " err
'

# SIGKILL at several moments of a 144-file import: each time the store
# is exactly as before or holds the whole import, and is consistent.
test_expect_success 'killed mid-import, the store is as before or fully after' '
	[ -d "$SHARED/advisories/cisa-icsma" ] || exit 0
	db_dump >before &&
	for delay in 0.05 0.1 0.2 0.3 0.5; do
		cp tplc.db killed.db &&
		timeout -s KILL $delay "$TPLC_BIN" --db killed.db --quiet \
			feed import csaf "$SHARED/advisories/cisa-icsma" \
			>/dev/null 2>&1
		test "$(sqlite3 killed.db "PRAGMA integrity_check")" = ok &&
		n=$(sqlite3 killed.db "SELECT COUNT(*) FROM advisories WHERE source = '"'"'csaf'"'"'") &&
		echo "killed after ${delay}s: $n advisories" &&
		if [ "$n" = 0 ]; then
			db_dump killed.db >after && test_cmp before after
		else
			test "$n" = 144
		fi || return 1
		rm -f killed.db killed.db-wal killed.db-shm
	done
'

test_done

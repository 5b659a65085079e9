#!/bin/sh
# tplc feed import kev|csaf|osv on the real feeds.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

KEV=$SHARED/advisories/kev
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'KEV JSON imports every record' '
	tplc --json feed import kev "$KEV/known_exploited_vulnerabilities.json" >out &&
	want=$(python3 -c "import json; print(len(json.load(open(\"$KEV/known_exploited_vulnerabilities.json\"))[\"vulnerabilities\"]))") &&
	test "$(json_field "d[\"vulnerabilities\"]" <out)" = "$want" &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM vulnerabilities WHERE kev")" = "$want"
'

test_expect_success 'KEV CSV gives the same records as KEV JSON' '
	tplc --db csv.db feed import kev "$KEV/known_exploited_vulnerabilities.csv" >/dev/null &&
	q="SELECT id, kev_date_added, kev_due_date, kev_ransomware, kev_vendor, kev_product, kev_action FROM vulnerabilities ORDER BY id" &&
	sqlite3 tplc.db "$q" >from-json &&
	sqlite3 csv.db "$q" >from-csv &&
	test_cmp from-json from-csv
'

test_expect_success 'all 144 ICSMA CSAF advisories import' '
	tplc --json feed import csaf "$SHARED/advisories/cisa-icsma" >out &&
	test "$(json_field "d[\"files\"]" <out)" = 144 &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM advisories WHERE source = '"'"'csaf'"'"'")" = 144 &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM affected")" -gt 144
'

q="SELECT advisory_id, vuln_id, package_key, vendor, product, range, range_text, status FROM affected ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"
test_expect_success 'CSAF import is idempotent' '
	sqlite3 tplc.db "$q" >before &&
	tplc --quiet feed import csaf "$SHARED/advisories/cisa-icsma" >/dev/null &&
	sqlite3 tplc.db "$q" >after &&
	test_cmp before after &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM advisories WHERE source = '"'"'csaf'"'"'")" = 144
'

test_expect_success 'ICSMA CVEs listed in KEV are flagged' '
	n=$(sqlite3 tplc.db "SELECT COUNT(DISTINCT v.id) FROM vulnerabilities v JOIN affected a ON a.vuln_id = v.id WHERE v.kev") &&
	test "$n" = 11 # data/README.md: 11 ICSMA CVEs are in KEV
'

test_expect_success 'OSV records import from files and a folder' '
	tools=$SHARED/advisories/osv/tools &&
	tplc --json feed import osv "$tools/redhat/testdata/OSV" \
		"$tools"/ghsa/testdata/*.osv.json >out &&
	want=$(( $(ls "$tools/redhat/testdata/OSV" | wc -l) + $(ls "$tools"/ghsa/testdata/*.osv.json | wc -l) )) &&
	test "$(json_field "d[\"files\"]" <out)" = "$want"
'

test_expect_success 'an unknown feed kind is a usage error' '
	test_expect_code 64 tplc feed import rss x.json 2>err &&
	test_grep "unknown feed" err
'

test_done

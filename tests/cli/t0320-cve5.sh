#!/bin/sh
# tplc feed import cve: CVE JSON 5 records (tests/fixtures/cve5) into the store.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

FIX=$TPLC_SOURCE_ROOT/tests/fixtures/cve5
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'four CVE records import' '
	tplc --json feed import cve "$FIX"/*.json >out &&
	test "$(json_field "d[\"files\"], d[\"vulnerabilities\"], d[\"affected\"], d[\"ranges_not_understood\"]" <out)" = "4 4 14 3" &&
	test "$(sqlite3 tplc.db "SELECT group_concat(ref, \" \") FROM (SELECT ref FROM advisories WHERE source = \"cve\" ORDER BY ref)")" = \
		"CVE-2021-44228 CVE-2022-42889 CVE-2023-52452 CVE-2024-26581"
'

test_expect_success 'the CNA words and the ADP metric are stored' '
	test "$(sqlite3 tplc.db "SELECT cwe, cvss_score, cvss_vector FROM vulnerabilities WHERE id = \"CVE-2021-44228\"")" = \
		"CWE-502|10.0|CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H" &&
	test "$(sqlite3 tplc.db "SELECT version, score, source FROM vulnerability_metrics WHERE vuln_id = \"CVE-2021-44228\"")" = \
		"3.1|10.0|CISA-ADP" &&
	test "$(sqlite3 tplc.db "SELECT publisher, url FROM advisories WHERE ref = \"CVE-2021-44228\"")" = \
		"apache|https://www.cve.org/CVERecord?id=CVE-2021-44228"
'

test_expect_success 'ADP CPE names give cpe keys and ranges' '
	sqlite3 tplc.db "SELECT cpe_key, range, fixed_in FROM affected WHERE cpe IS NOT NULL ORDER BY id" >got &&
	cat >want <<-\EOT &&
	apache:log4j|vers:generic/>=2.0-beta9|<2.3.1|2.3.1
	apache:log4j|vers:generic/>=2.4|<2.12.2|2.12.2
	apache:log4j|vers:generic/>=2.13.0|<2.15.0|2.15.0
	EOT
	test_cmp want got
'

test_expect_success 'registry packages become purls' '
	sqlite3 tplc.db "SELECT package_key, range, status FROM affected WHERE vuln_id = \"CVE-2022-42889\" ORDER BY id" >got &&
	cat >want <<-\EOT &&
	pkg:maven/org.apache.commons/commons-text|vers:maven/>=1.5|<1.10.0|affected
	pkg:pypi/commons-text|vers:semver/<=1.9.0|affected
	pkg:pypi/commons-text|vers:semver/1.10.0|not_affected
	EOT
	test_cmp want got
'

test_expect_success 'git versions are kept as words, not ranges' '
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM affected WHERE vuln_id = \"CVE-2024-26581\" AND range IS NULL AND range_text LIKE \"git %\"")" = 2 &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM affected WHERE vuln_id = \"CVE-2024-26581\" AND status = \"not_affected\"")" = 3
'

test_expect_success 'a REJECTED record is withdrawn' '
	test "$(sqlite3 tplc.db "SELECT withdrawn FROM vulnerabilities WHERE id = \"CVE-2023-52452\"")" = \
		"2024-06-10T10:22:42.000Z"
'

test_expect_success 'import is idempotent' '
	q="SELECT vuln_id, package_key, vendor, product, range, range_text, status, cpe FROM affected ORDER BY 1, 2, 3, 4, 5, 6, 7, 8" &&
	sqlite3 tplc.db "$q" >before &&
	tplc --quiet feed import cve "$FIX"/*.json >/dev/null &&
	sqlite3 tplc.db "$q" >after &&
	test_cmp before after
'

test_expect_success 'a malformed record is exit 65 with its location' '
	printf "{\"cveMetadata\":{\"cveId\":\"CVE-2024-1\",\"state\":\"PUBLISHED\"},\n\"containers\":{\"cna\":{\"affected\":[{\"versions\":[{\"version\":\"1\",\"status\":\"affected\",\"lessThan\":2}]}]}}}" >bad.json &&
	test_expect_code 65 tplc feed import cve bad.json 2>err &&
	test_grep "bad.json:2:.*containers.cna.affected\[0\].versions\[0\].lessThan: expected a string" err
'

test_done

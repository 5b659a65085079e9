#!/bin/sh
# tplc feed import epss: FIRST EPSS CSV, plain and gzip'd; and OSV records
# one advisory each, from a zip as OSV publishes them (all.zip).
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

FIX=$TPLC_SOURCE_ROOT/tests/fixtures/osv
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

# The published form (no real file is in the shared data: data/README.md).
cat >old.csv <<\EOT
#model_version:v2023.03.01,score_date:2023-03-05T00:00:00+0000
cve,epss,percentile
CVE-1999-0001,0.01042,0.82797
CVE-2021-44228,0.97565,0.99996
EOT
cat >new.csv <<\EOT
#model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000
cve,epss,percentile
CVE-2021-44228,0.94358,0.99950
CVE-2024-3094,0.84271,0.99300
EOT
gzip -k new.csv

test_expect_success 'EPSS CSV imports its scores' '
	tplc --json feed import epss old.csv >out &&
	test "$(json_field "d[\"files\"], d[\"vulnerabilities\"]" <out)" = "1 2" &&
	sqlite3 tplc.db "SELECT id, epss, epss_percentile, epss_date, epss_model FROM vulnerabilities ORDER BY id" >got &&
	cat >want <<-\EOT &&
	CVE-1999-0001|0.01042|0.82797|2023-03-05|v2023.03.01
	CVE-2021-44228|0.97565|0.99996|2023-03-05|v2023.03.01
	EOT
	test_cmp want got &&
	test "$(sqlite3 tplc.db "SELECT source, ref, publisher FROM advisories")" = "epss|epss-2023-03-05|FIRST"
'

test_expect_success 'a newer gzip file replaces older scores, keeps the rest' '
	tplc --quiet feed import epss new.csv.gz >/dev/null &&
	sqlite3 tplc.db "SELECT id, epss, epss_date, epss_model FROM vulnerabilities ORDER BY id" >got &&
	cat >want <<-\EOT &&
	CVE-1999-0001|0.01042|2023-03-05|v2023.03.01
	CVE-2021-44228|0.94358|2025-08-25|v2025.03.14
	CVE-2024-3094|0.84271|2025-08-25|v2025.03.14
	EOT
	test_cmp want got
'

test_expect_success 'an older file does not take newer scores back' '
	tplc --quiet feed import epss old.csv >/dev/null &&
	test "$(sqlite3 tplc.db "SELECT epss, epss_date FROM vulnerabilities WHERE id = \"CVE-2021-44228\"")" = "0.94358|2025-08-25"
'

test_expect_success 'a bad EPSS file changes nothing' '
	db_dump tplc.db >before &&
	printf "#model_version:v1,score_date:2025-09-01\ncve,epss,percentile\nCVE-2024-0001,0.5,0.5\nCVE-2024-0002,1.5,0.9\n" >bad.csv &&
	test_expect_code 65 tplc feed import epss bad.csv 2>err &&
	test_grep "bad.csv:4:15: epss: expected a number from 0 to 1" err &&
	printf "#model_version:v1,score_date:2025-09-01\ncve,epss\n" >short.csv &&
	test_expect_code 65 tplc feed import epss short.csv 2>err &&
	test_grep "short.csv:2:1: percentile: missing column" err &&
	head -c 60 new.csv.gz >cut.csv.gz &&
	test_expect_code 65 tplc feed import epss cut.csv.gz 2>err &&
	db_dump tplc.db >after &&
	test_cmp before after
'

test_expect_success 'OSV: one advisory per record of an array' '
	python3 -c "import json, sys; print(json.dumps([json.load(open(f)) for f in sys.argv[1:]]))" \
		"$FIX"/*.json >array.json &&
	tplc --db osv.db --quiet feed import osv array.json >/dev/null &&
	test "$(sqlite3 osv.db "SELECT group_concat(ref, \" \") FROM (SELECT ref FROM advisories WHERE source = \"osv\" ORDER BY ref)")" = \
		"DSA-2896-1 GHSA-jfh8-c2jp-5v3q GO-2022-0969"
'

test_expect_success 'OSV all.zip: each record once, a re-import replaces it' '
	python3 -c "
import sys, zipfile
with zipfile.ZipFile(\"all.zip\", \"w\", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[1:]:
        z.write(f, f.rsplit(\"/\", 1)[1])
" "$FIX"/*.json &&
	tplc --db zip.db --json feed import osv all.zip >out &&
	test "$(json_field "d[\"files\"], d[\"vulnerabilities\"], d[\"affected\"]" <out)" = "1 3 9" &&
	sqlite3 zip.db "SELECT a.ref, f.range FROM affected f JOIN advisories a ON a.id = f.advisory_id ORDER BY 1, 2" >got &&
	sqlite3 osv.db "SELECT a.ref, f.range FROM affected f JOIN advisories a ON a.id = f.advisory_id ORDER BY 1, 2" >want &&
	test_cmp want got &&
	tplc --db zip.db --quiet feed import osv all.zip >/dev/null &&
	test "$(sqlite3 zip.db "SELECT COUNT(*) FROM affected")" = 9 &&
	test "$(sqlite3 zip.db "SELECT version, vector, score FROM vulnerability_metrics")" = \
		"3.1|CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H|10.0"
'

test_expect_success 'a bad record in the zip names its entry, imports nothing' '
	db_dump zip.db >before &&
	python3 -c "
import zipfile
with zipfile.ZipFile(\"bad.zip\", \"w\") as z:
    z.writestr(\"GHSA-good.json\", \"{\\\"id\\\": \\\"GHSA-good\\\", \\\"modified\\\": \\\"x\\\"}\")
    z.writestr(\"GHSA-xxxx.json\", \"{\\\"id\\\": \\\"GHSA-xxxx\\\",\\n \\\"modified\\\": 3}\")
" &&
	test_expect_code 65 tplc --db zip.db feed import osv bad.zip 2>err &&
	test_grep "bad.zip:GHSA-xxxx.json:2:14: modified: expected a string, found a number" err &&
	db_dump zip.db >after &&
	test_cmp before after
'

test_done

#!/bin/sh
# tplc feed import nvd: NVD CVE API 2.0 pages (tests/fixtures/nvd).
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/fixtures/nvd

test_expect_success 'NVD pages import from a folder, one advisory per CVE' '
	tplc --json feed import nvd "$F" >out &&
	python3 -c "import json, sys; d = json.load(sys.stdin); assert (d[\"feed\"], d[\"files\"], d[\"vulnerabilities\"], d[\"affected\"], d[\"ranges_not_understood\"]) == (\"nvd\", 2, 4, 12, 0), d" <out &&
	sqlite3 tplc.db "SELECT source, COUNT(*) FROM advisories GROUP BY source" >actual &&
	echo "nvd|4" >expect &&
	test_cmp expect actual
'

test_expect_success 'affected rows carry the CPE key, config/node and platform' '
	sqlite3 tplc.db "SELECT vuln_id, cpe_key, config, node, platform, COALESCE(range, \"-\") FROM affected ORDER BY vuln_id, config, node, cpe, range" >actual &&
	cat >expect <<-\EOT &&
	CVE-2017-0144|microsoft:windows_10_1607|0|0|0|-
	CVE-2017-0144|microsoft:windows_7|0|0|0|-
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/>=2.0.1|<2.3.1
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/>=2.13.0|<2.15.0
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/>=2.4.0|<2.12.2
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/2.0
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/2.0
	CVE-2021-44228|apache:log4j|0|0|0|vers:generic/2.0
	CVE-2021-44228|siemens:sppa-t3000_ses3000_firmware|2|1|0|-
	CVE-2021-44228|siemens:sppa-t3000_ses3000|2|2|1|-
	CVE-2024-33606|microdicom:dicom_viewer|1|1|0|vers:generic/<2024.2
	CVE-2024-33606|microsoft:windows|1|2|1|-
	EOT
	test_cmp expect actual
'

test_expect_success 'metrics, scores, CWE and the rejected CVE' '
	sqlite3 tplc.db "SELECT vuln_id, version, score, source, type FROM vulnerability_metrics ORDER BY vuln_id, version, source" >actual &&
	cat >expect <<-\EOT &&
	CVE-2017-0144|2.0|9.3|nvd@nist.gov|Primary
	CVE-2017-0144|3.0|8.1|nvd@nist.gov|Primary
	CVE-2021-44228|2.0|9.3|nvd@nist.gov|Primary
	CVE-2021-44228|3.1|10.0|nvd@nist.gov|Primary
	CVE-2021-44228|3.1|10.0|security@apache.org|Secondary
	CVE-2024-33606|3.1|8.8|ics-cert@hq.dhs.gov|Secondary
	CVE-2024-33606|3.1|8.8|nvd@nist.gov|Primary
	CVE-2024-33606|4.0|8.5|ics-cert@hq.dhs.gov|Secondary
	EOT
	test_cmp expect actual &&
	sqlite3 tplc.db "SELECT id, COALESCE(cvss_score, \"-\"), COALESCE(cwe, \"-\"), COALESCE(withdrawn, \"-\") FROM vulnerabilities ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	CVE-2017-0144|8.1|CWE-20|-
	CVE-2020-24980|-|-|2023-11-07T03:20:07.820
	CVE-2021-44228|10.0|CWE-917|-
	CVE-2024-33606|8.8|CWE-939|-
	EOT
	test_cmp expect actual
'

# What an import says (row ids are renumbered when a record is replaced).
content() {
	sqlite3 tplc.db "SELECT a.ref, f.vuln_id, f.cpe, f.config, f.node, f.platform, f.range, f.range_text, f.status FROM affected f JOIN advisories a ON a.id = f.advisory_id ORDER BY 1, 2, 3, 4, 5, 6, 7" &&
	sqlite3 tplc.db "SELECT vuln_id, version, vector, score, source, type FROM vulnerability_metrics ORDER BY 1, 2, 5" &&
	sqlite3 tplc.db "SELECT id, description, published, modified, cwe, cvss_score, cvss_vector, withdrawn FROM vulnerabilities ORDER BY id"
}

test_expect_success 'importing the same pages again changes nothing' '
	content >before &&
	tplc --quiet feed import nvd "$F" >/dev/null &&
	content >after &&
	test_cmp before after &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM advisories")" = 4
'

test_expect_success 'a malformed page changes nothing and names the path' '
	sed "s/\"criteria\": \"cpe:2.3:a:apache:log4j:2.0:beta9:\*:\*:\*:\*:\*:\*\"/\"criteria\": 7/" \
		"$F/log4j.json" >bad.json &&
	! cmp -s bad.json "$F/log4j.json" &&
	sqlite3 tplc.db .dump >before &&
	test_expect_code 65 tplc feed import nvd "$F/microdicom.json" bad.json 2>err &&
	test_grep -E "^tplc: bad.json:[0-9]+:[0-9]+: vulnerabilities\[0\]\.cve\.configurations\[0\]\.nodes\[0\]\.cpeMatch\[4\]\.criteria: expected a string" err &&
	sqlite3 tplc.db .dump >after &&
	test_cmp before after
'

test_expect_success 'a page cut short changes nothing' '
	head -c 3000 "$F/log4j.json" >cut.json &&
	sqlite3 tplc.db .dump >before &&
	test_expect_code 65 tplc feed import nvd cut.json 2>err &&
	test_grep -E "^tplc: cut.json:[0-9]+:[0-9]+: " err &&
	sqlite3 tplc.db .dump >after &&
	test_cmp before after
'

test_done

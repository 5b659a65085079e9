#!/bin/sh
# tplc match and tplc scan --advisory: NVD's CPE applicability (with an
# AND configuration that needs Windows under the DICOM viewer) beside the
# OSV package rules of t0400, and an incremental scan that records exactly
# what the full scan records for its advisory.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
G=$SRC/tests/cli/t0410
N=$SRC/tests/fixtures/nvd
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
findings() {
	sqlite3 tplc.db "SELECT f.vuln_id || '@' || p.model || '/' ||
		v.version || ':' || f.match || ':' || COALESCE(c.name, '-') ||
		':' || f.reason || ':' || f.first_seen
		FROM findings f
		JOIN product_versions v ON v.id = f.product_version_id
		JOIN products p ON p.id = v.product_id
		LEFT JOIN components c ON c.id = f.component_id
		WHERE ${1:-1} ORDER BY 1"
}

test_expect_success 'set up the fleet, with CPEs in the workstation SBOMs' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc sbom import "$G/ws-10.2.cdx.json" \
		--product "Acme Medical Imaging Workstation" --version 10.2 >/dev/null &&
	tplc sbom import "$G/ws-11.0.cdx.json" \
		--product "Acme Medical Imaging Workstation" --version 11.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import nvd "$N/log4j.json" "$N/microdicom.json" >/dev/null &&
	test "$(sqlite3 tplc.db "SELECT cpe_key FROM components
		WHERE name = '\''Windows'\''")" = microsoft:windows
'

test_expect_success 'scan: CPE findings, the AND configuration only with Windows' '
	tplc --json scan >out &&
	test "$(json_field "d[\"findings\"]" <out)" = 4 &&
	findings "f.match = '\''cpe'\''" | cut -d: -f1-3 >got &&
	cat >want <<-\EOF &&
	CVE-2021-44228@Imaging Workstation/10.2:cpe:log4j
	CVE-2024-33606@Imaging Workstation/10.2:cpe:DICOM Viewer
	EOF
	test_cmp want got
'

test_expect_success 'match a purl: text and JSON' '
	tplc match pkg:npm/lodash@4.17.20 >out &&
	test_grep "CVE-2021-23337" out &&
	test_grep "GHSA-35jh-r3h4-6jhm" out &&
	tplc --json match pkg:npm/lodash@4.17.20 >out &&
	json_field "len(d), d[0][\"vulnerability\"], d[0][\"match\"], d[0][\"range\"], d[0][\"fixed_in\"]" <out >got &&
	echo "1 CVE-2021-23337 purl vers:semver/<4.17.21 4.17.21" >want &&
	test_cmp want got &&
	tplc match pkg:npm/lodash --version 4.17.21 >out &&
	test_grep "no known vulnerability hits" out &&
	test "$(tplc --json match pkg:npm/lodash@4.17.21)" = "[]"
'

test_expect_success 'match a CPE: the range that hits, and its configuration' '
	tplc --json match "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*" >out &&
	json_field "len(d), d[0][\"source\"], d[0][\"advisory\"], d[0][\"range\"], d[0][\"configuration\"]" <out >got &&
	echo "1 nvd CVE-2021-44228 vers:generic/>=2.13.0|<2.15.0 0" >want &&
	test_cmp want got &&
	tplc match "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*" >out &&
	test_grep "CVE-2021-44228" out &&
	tplc --json match "cpe:2.3:a:microdicom:dicom_viewer:2023.3:*:*:*:*:*:*:*" >out &&
	json_field "d[0][\"vulnerability\"], d[0][\"configuration\"]" <out >got &&
	echo "CVE-2024-33606 1" >want &&
	test_cmp want got &&
	tplc match "cpe:2.3:a:microdicom:dicom_viewer:2024.2:*:*:*:*:*:*:*" >out &&
	test_grep "no known vulnerability hits" out
'

test_expect_success 'scan --advisory gives back exactly the full scan rows' '
	findings >full &&
	sqlite3 tplc.db "DELETE FROM findings" &&
	for a in nvd:CVE-2021-44228 nvd:CVE-2024-33606 nvd:CVE-2017-0144 \
		nvd:CVE-2020-24980 osv:GHSA-jfh8-c2jp-5v3q \
		osv:GHSA-35jh-r3h4-6jhm
	do
		tplc --quiet scan --advisory $a >/dev/null || return 1
	done &&
	findings >incremental &&
	test_cmp full incremental &&
	tplc --json scan --advisory nvd:CVE-2024-33606 >out &&
	test "$(json_field "d[\"findings\"], d[\"added\"], d[\"removed\"]" <out)" = "1 0 0"
'

test_expect_success 'last seen: the last scan that covered a finding (its advisory alone, or all)' '
	TPLC_NOW=2026-12-01T08:00:00Z tplc --quiet scan &&
	TPLC_NOW=2026-12-02T08:00:00Z tplc --quiet scan --advisory nvd:CVE-2021-44228 &&
	tplc --json findings list --all >list &&
	json_field "sorted(set((f[\"advisory\"] == \"CVE-2021-44228\", f[\"last_seen\"]) for f in d))" <list >got &&
	echo "[(False, '"'"'2026-12-01T08:00:00Z'"'"'), (True, '"'"'2026-12-02T08:00:00Z'"'"')]" >want &&
	test_cmp want got
'

test_expect_success 'scan --advisory: unknown advisory, bad argument' '
	test_expect_code 66 tplc scan --advisory nvd:CVE-0000-0000 2>err &&
	test_grep "no advisory" err &&
	! tplc scan --advisory nocolon 2>err &&
	test_grep "SOURCE:REF" err
'

test_expect_success 'findings list has the VEX column' '
	tplc findings list >out &&
	test_grep "VEX" out &&
	test "$(tplc --json findings list | json_field "d[0][\"vex_status\"]")" = None
'

test_done

#!/bin/sh
# tplc vex: a manufacturer's VEX says the pump's lodash finding is not
# exploitable; after the next scan exactly that finding carries the
# statement, and tplc vex export says it back in three formats, each valid
# against its format's JSON schema and read back the same.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
V=$SRC/tests/cli/t0700
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
findings() {
	sqlite3 "${1:-tplc.db}" "SELECT f.vuln_id || '@' || v.version || ':' ||
		COALESCE(f.vex_status, '-') || ':' ||
		COALESCE(f.vex_justification, '-')
		FROM findings f JOIN product_versions v
		ON v.id = f.product_version_id ORDER BY f.vuln_id, v.version"
}

test_expect_success 'set up the fleet and scan it' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc sbom import "$F/pump-1.3.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.3.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import csaf "$F/workstation.csaf.json" >/dev/null &&
	tplc --json scan >out &&
	test "$(json_field "d[\"findings\"]" <out)" = 3 &&
	findings >before &&
	cat >want <<-\EOF &&
	CVE-2021-23337@1.2.0:-:-
	CVE-2021-44228@1.2.0:-:-
	CVE-2099-0001@10.2:-:-
	EOF
	test_cmp want before
'

test_expect_success 'vex import is feed import vex' '
	tplc vex import "$V/pump-vex.cdx.json" >out &&
	echo "vex: 1 files, 1 vulnerabilities, 1 affected product statements" >want &&
	test_cmp want out &&
	test "$(sqlite3 tplc.db "SELECT source || \" \" || ref FROM advisories WHERE source = \"vex\"")" = \
		"vex urn:uuid:0f3b2c1e-6a7d-4e59-9d1a-2b8c7e4f5a60/1" &&
	test "$(sqlite3 tplc.db "SELECT vendor || \"|\" || product || \"|\" || range || \"|\" || status || \"|\" || justification FROM affected a JOIN advisories d ON d.id = a.advisory_id WHERE d.source = \"vex\"")" = \
		"Acme Medical|InfuPump 3000|vers:generic/1.2.0|not_affected|code_not_reachable"
'

test_expect_success 'the next scan marks exactly that finding not_affected' '
	tplc --json scan >out &&
	findings >after &&
	cat >want <<-\EOF &&
	CVE-2021-23337@1.2.0:not_affected:code_not_reachable
	CVE-2021-44228@1.2.0:-:-
	CVE-2099-0001@10.2:-:-
	EOF
	test_cmp want after &&
	tplc --json findings list --all --vuln CVE-2021-23337 >list &&
	json_field "d[0][\"vex_status\"], d[0][\"vex_justification\"], d[0][\"vex_detail\"]" <list >got &&
	echo "not_affected code_not_reachable The pump firmware never calls lodash template()." >want &&
	test_cmp want got
'

test_expect_success 'device list --exposed does not count not_affected findings' '
	tplc --json device list --exposed >dev &&
	json_field "\" \".join(\"%s:%s\" % (x[\"asset_tag\"], x[\"findings\"]) for x in d)" <dev >got &&
	echo "WS-1:1 PUMP-1:1 PUMP-2:1" >want &&
	test_cmp want got &&
	sqlite3 tplc.db "UPDATE findings SET vex_status = \"fixed\" WHERE vuln_id = \"CVE-2021-44228\"" &&
	tplc --json device list --exposed >dev &&
	json_field "\" \".join(x[\"asset_tag\"] for x in d)" <dev >got &&
	echo "WS-1" >want &&
	test_cmp want got &&
	tplc --json summary >sum &&
	json_field "d[\"exposed_devices\"]" <sum >got &&
	echo 1 >want &&
	test_cmp want got &&
	tplc --quiet scan
'

for format in cyclonedx openvex csaf; do
	test_expect_success "vex export --format $format is valid $format" "
		tplc vex export --format $format \
			--product 'Acme Medical/InfuPump 3000' >$format.json &&
		python3 \"\$V/validate.py\" $format $format.json
	"
done

test_expect_success 'the export says what the store holds for the pump' '
	json_field "\" \".join(\"%s:%s:%s\" % (v[\"id\"], v[\"analysis\"][\"state\"], v[\"analysis\"].get(\"justification\")) for v in d[\"vulnerabilities\"])" \
		<cyclonedx.json >got &&
	echo "CVE-2021-23337:not_affected:code_not_reachable CVE-2021-44228:exploitable:None" >want &&
	test_cmp want got &&
	json_field "\" \".join(\"%s:%s:%s\" % (s[\"vulnerability\"][\"name\"], s[\"status\"], s[\"products\"][0][\"@id\"]) for s in d[\"statements\"])" \
		<openvex.json >got &&
	echo "CVE-2021-23337:not_affected:pkg:generic/Acme%20Medical/InfuPump%203000@1.2.0 CVE-2021-44228:affected:pkg:generic/Acme%20Medical/InfuPump%203000@1.2.0" >want &&
	test_cmp want got &&
	json_field "\" \".join(\"%s:%s\" % (v[\"cve\"], \",\".join(v[\"product_status\"])) for v in d[\"vulnerabilities\"])" \
		<csaf.json >got &&
	echo "CVE-2021-23337:known_not_affected CVE-2021-44228:known_affected" >want &&
	test_cmp want got
'

test_expect_success 'a version or product out of scope exports nothing' '
	tplc vex export --format cyclonedx \
		--product "Acme Medical/InfuPump 3000@1.3.0" >none.json &&
	test "$(json_field "len(d[\"vulnerabilities\"])" <none.json)" = 0 &&
	test_expect_code 66 tplc vex export --format openvex --product "Nobody/Nothing"
'

test_expect_success 'export, re-import elsewhere, export: the same statements' '
	statements() {
		json_field "sorted((s[\"vulnerability\"][\"name\"], s[\"status\"], s.get(\"justification\"), s[\"products\"][0][\"@id\"]) for s in d[\"statements\"])"
	} &&
	for format in cyclonedx openvex; do
		TPLC_DB=again-$format.db tplc vex import $format.json >/dev/null &&
		TPLC_DB=again-$format.db tplc vex export --format openvex \
			--product "Acme Medical/InfuPump 3000" >again.json &&
		statements <openvex.json >want &&
		statements <again.json >got &&
		test_cmp want got || return 1
	done &&
	TPLC_DB=again-csaf.db tplc feed import csaf csaf.json >out &&
	test_grep "2 vulnerabilities, 2 affected" out
'

test_expect_success 'a device named pkg:generic/VENDOR/MODEL@V reaches its product finding' '
	cat >device.json <<-\EOF &&
	{
	  "@context": "https://openvex.dev/ns/v0.2.0",
	  "@id": "https://example.com/vex/ws-2024-001",
	  "author": "Acme Medical PSIRT",
	  "timestamp": "2024-05-01T00:00:00Z",
	  "version": 1,
	  "statements": [{
	    "vulnerability": {"name": "CVE-2099-0001"},
	    "products": [{"@id": "pkg:generic/acme-medical/imaging-workstation@10.2"}],
	    "status": "fixed"
	  }]
	}
	EOF
	cp tplc.db device.db &&
	TPLC_DB=device.db tplc vex import device.json >/dev/null &&
	TPLC_DB=device.db tplc scan >/dev/null &&
	findings device.db | grep "^CVE-2099-0001@10.2:" >got &&
	echo "CVE-2099-0001@10.2:fixed:-" >want &&
	test_cmp want got
'

test_expect_success 'bad usage' '
	test_expect_code 64 tplc vex export &&
	test_expect_code 64 tplc vex export --format spdx &&
	test_expect_code 64 tplc vex export --format csaf --product nothing &&
	test_expect_code 64 tplc vex frobnicate
'

test_done

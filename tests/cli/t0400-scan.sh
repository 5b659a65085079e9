#!/bin/sh
# tplc scan and findings on a small fleet whose right answer is obvious:
# a KEV-listed log4j in an infusion pump's SBOM comes first, then lodash in
# the same pump (unscored, so taken as medium, but on a therapy device),
# then the workstation's 9.8 from its vendor's CSAF advisory (t0930 has
# the priority's own tests).
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'set up the fleet' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc sbom import "$F/pump-1.3.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.3.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import csaf "$F/workstation.csaf.json" >/dev/null &&
	tplc feed import kev "$F/kev.json" >/dev/null
'

test_expect_success 'scan finds exactly the vulnerable versions' '
	tplc --json scan >out &&
	test "$(json_field "d[\"findings\"]" <out)" = 3 &&
	tplc --json findings list >list &&
	json_field "\" \".join(f[\"vulnerability\"] + \"@\" + f[\"model\"] + \"/\" + f[\"version\"] for f in d)" <list >got &&
	echo "CVE-2021-44228@InfuPump 3000/1.2.0 CVE-2021-23337@InfuPump 3000/1.2.0 CVE-2099-0001@Imaging Workstation/10.2" >want &&
	test_cmp want got
'

test_expect_success 'KEV first, and the KEV facts travel with the finding' '
	json_field "d[0][\"kev\"], d[0][\"kev_due_date\"], d[0][\"source\"], d[0][\"advisory\"], d[0][\"devices\"]" <list >got &&
	echo "True 2021-12-24 osv GHSA-jfh8-c2jp-5v3q 2" >want &&
	test_cmp want got &&
	json_field "d[2][\"cvss_score\"], d[2][\"match\"]" <list >got &&
	echo "9.8 product" >want && test_cmp want got
'

test_expect_success 'findings per device, and for one device' '
	test "$(tplc --json findings list --by-device | json_field "len(d)")" = 5 &&
	test "$(tplc --json findings list --device PUMP-3 | json_field "len(d)")" = 0 &&
	test "$(tplc --json findings list --device WS-1 | json_field "len(d)")" = 1 &&
	test "$(tplc --json findings list --kev | json_field "len(d)")" = 1
'

test_expect_success 'device list ranks exposure' '
	tplc --json device list --exposed >out &&
	json_field "\" \".join(x[\"asset_tag\"] for x in d)" <out >got &&
	echo "PUMP-1 PUMP-2 WS-1" >want &&
	test_cmp want got
'

test_expect_success 'a second scan changes nothing' '
	q="SELECT * FROM findings ORDER BY id" &&
	sqlite3 tplc.db "$q" >before &&
	tplc --json scan >out &&
	test "$(json_field "d[\"added\"], d[\"removed\"]" <out)" = "0 0" &&
	sqlite3 tplc.db "$q" >after &&
	test_cmp before after
'

test_expect_success 'fixing the SBOM removes the finding, keeps the others' '
	sed "s/4.17.20/4.17.21/g" "$F/pump-1.2.0.cdx.json" >fixed.json &&
	tplc sbom import fixed.json --product "Acme Medical InfuPump 3000" \
		--version 1.2.0 >/dev/null &&
	tplc --json scan >out &&
	test "$(json_field "d[\"findings\"]" <out)" = 2 &&
	test "$(tplc --json findings list --vuln CVE-2021-23337 | json_field "len(d)")" = 0
'

test_expect_success 'summary names the fleet and the KEV exposure' '
	tplc summary >out &&
	test_grep "5 devices" out &&
	test_grep "CVE-2021-44228" out &&
	test_grep "PUMP-1" out
'

test_done

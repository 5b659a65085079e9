#!/bin/sh
# Priority on a small fleet whose right order is obvious: an infusion pump
# with a known exploited denial of service comes before a monitor past End
# of Support, and both before an isolated imaging workstation whose CVSS
# is higher.  Then the inputs move it: exposure, EPSS, the rubric.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0930
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
order() {
	tplc --json findings list | json_field "\" \".join(\"%s:%.1f:%s\" % (f[\"priority_device\"], f[\"priority\"], f[\"priority_band\"]) for f in d)"
}

test_expect_success 'set up the fleet' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc feed import csaf "$F/pump.csaf.json" "$F/monitor.csaf.json" \
		"$SRC/tests/cli/t0400/workstation.csaf.json" >/dev/null &&
	tplc feed import kev "$F/kev.json" >/dev/null &&
	tplc scan >/dev/null
'

test_expect_success 'the KEV pump first, the isolated workstation last' '
	order >got &&
	echo "PUMP-1:83.3:immediate MON-1:37.8:scheduled WS-1:28.0:defer" >want &&
	test_cmp want got &&
	tplc findings list >table &&
	grep "^1  *83.3 immediate  *KEV  *7.5  *CVE-2099-1001" table
'

test_expect_success 'explain gives each input and how far it moved' '
	tplc --json findings explain 1 >out &&
	json_field "\" \".join(\"%s=%s\" % (r[\"factor\"], r[\"points\"]) for r in d[\"reasons\"])" <out >got &&
	echo "exploitation=30 severity=23.3 clinical=20 exposure=10 lifecycle=0" >want &&
	test_cmp want got &&
	json_field "d[\"device\"], d[\"cvss\"][\"vector\"], d[\"cvss\"][\"score\"]" <out >got &&
	echo "PUMP-1 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/CR:M/IR:H/AR:H 9.3" >want &&
	test_cmp want got &&
	tplc findings explain 1 >text &&
	grep "priority 83.3 (immediate) on PUMP-1, the only one of 1 device" text &&
	grep "+30.0  exploitation  in CISA KEV: exploited in the wild$" text &&
	grep "+20.0  clinical      therapy delivery" text &&
	grep "AR:H  from the clinical function" text
'

test_expect_success 'the environment modifies the vector: segment and firewall' '
	tplc --json findings explain 3 >out &&
	json_field "d[\"cvss\"][\"vector\"], d[\"cvss\"][\"score\"], d[\"lifecycle\"]" <out >got &&
	echo "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/CR:M/IR:H/AR:H/MAV:A/MAC:H 7.1 End of Support" >want &&
	test_cmp want got &&
	json_field "\" \".join(\"%s:%s\" % (c[\"metric\"], c[\"value\"]) for c in d[\"cvss\"][\"environment\"])" <out >got &&
	echo "CR:M IR:H AR:H MAV:A MAC:H" >want &&
	test_cmp want got &&
	tplc --json findings explain 2 >out &&
	json_field "d[\"cvss\"][\"vector\"]" <out >got &&
	echo "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:M/IR:M/AR:M/MAV:L" >want &&
	test_cmp want got
'

test_expect_success 'device set: the workstation on the internet moves up' '
	tplc device set WS-1 --exposure internet --controls "" >/dev/null &&
	order >got &&
	echo "PUMP-1:83.3:immediate WS-1:45.5:scheduled MON-1:37.8:scheduled" >want &&
	test_cmp want got &&
	tplc --json device show WS-1 | json_field "d[\"device\"][\"exposure\"]" >got &&
	echo internet >want && test_cmp want got
'

test_expect_success 'EPSS counts, but less than known exploitation' '
	cat >epss.csv <<-\EOT &&
	#model_version:v2025.03.14,score_date:2026-11-24T00:00:00+0000
	cve,epss,percentile
	CVE-2099-0001,0.90000,0.99800
	EOT
	tplc --quiet feed import epss epss.csv >/dev/null &&
	order >got &&
	echo "PUMP-1:83.3:immediate WS-1:68.0:out-of-cycle MON-1:37.8:scheduled" >want &&
	test_cmp want got &&
	tplc findings explain 2 | grep "+22.5  exploitation  not in CISA KEV; EPSS 0.900 (percentile 99.8)"
'

test_expect_success 'an inventory import keeps what device set recorded' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc --json device show WS-1 | json_field "d[\"device\"][\"exposure\"]" >got &&
	echo isolated >want && test_cmp want got &&
	tplc device set WS-1 --exposure internet >/dev/null
'

test_expect_success 'the requirements the hospital sets win over the defaults' '
	tplc device set PUMP-1 --ar L --ir L >/dev/null &&
	tplc --json findings explain 1 | json_field "d[\"cvss\"][\"vector\"], d[\"cvss\"][\"score\"]" >got &&
	echo "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/CR:M/IR:L/AR:L 5.7" >want &&
	test_cmp want got &&
	tplc device set PUMP-1 --ar "" --ir "" >/dev/null
'

test_expect_success 'rubric answers for the model set the vector where the advisory has impact' '
	tplc rubric set --product InfuPump --by "J. Roe" \
		XCP=yes XCPM=no XCD=no XCT=yes XCW=yes XCS=yes XCO=no \
		XIP=yes XID=no XIT=yes XIW=yes XIS=yes XIO=no \
		XAP=no XAD=no XAT=yes XAW=yes XAS=no XAO=no >out &&
	test_grep "19 answers recorded" out &&
	tplc --json findings explain 1 >out &&
	json_field "d[\"cvss\"][\"rubric_vector\"], d[\"cvss\"][\"rubric_answers_for\"]" <out >got &&
	echo "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H model" >want &&
	test_cmp want got &&
	json_field "d[\"cvss\"][\"rubric\"][7][\"reason\"]" <out >got &&
	echo "XAT=yes: therapy can be made inaccessible" >want &&
	test_cmp want got
'

test_expect_success 'answers for one vulnerability: a short-range radio attack ranks lower' '
	tplc rubric set --product "Acme Medical InfuPump 3000" --vuln CVE-2099-1001 \
		--by "J. Roe" XAVN=yes XAVT=no XAVW=yes XAVR=yes >/dev/null &&
	tplc --json findings explain 1 >out &&
	json_field "d[\"cvss\"][\"rubric_vector\"], d[\"cvss\"][\"rubric_answers_for\"], d[\"priority\"]" <out >got &&
	echo "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H vulnerability 72" >want &&
	test_cmp want got &&
	tplc findings explain 1 | test_grep "the attack needs local or physical access" &&
	tplc --json rubric show --vuln CVE-2099-1001 | json_field "len(d), d[0][\"answered_by\"]" >got &&
	echo "4 J. Roe" >want && test_cmp want got
'

test_expect_success 'rubric set refuses what it cannot record' '
	test_expect_code 64 tplc rubric set --product InfuPump XAVN=yes 2>err &&
	test_grep "give --product and --by" err &&
	test_expect_code 66 tplc rubric set --product Nope --by X XAVN=yes 2>err &&
	test_grep "no product matches .Nope." err &&
	test_expect_code 64 tplc rubric set --product Acme --by X XAVN=yes 2>err &&
	test_grep "matches 3 products" err &&
	test_expect_code 65 tplc rubric set --product InfuPump --by X XAVN=maybe 2>err &&
	test "$(tplc --json rubric show | json_field "len(d)")" = 23
'

test_expect_success 'findings list --overdue: uncontrolled risk past its FDA clock' '
	test "$(tplc --json findings list --overdue | json_field "len(d)")" = 0 &&
	tplc postmarket decide --product InfuPump --version 2.0 --vuln CVE-2099-1001 \
		--risk uncontrolled --by "A. PSIRT" --aware 2026-10-01 >/dev/null &&
	tplc --json findings list --overdue >out &&
	json_field "\" \".join(f[\"vulnerability\"] for f in d)" <out >got &&
	echo CVE-2099-1001 >want && test_cmp want got &&
	tplc postmarket notified --product InfuPump --version 2.0 --vuln CVE-2099-1001 --by "A. PSIRT" >/dev/null &&
	tplc postmarket fixed --product InfuPump --version 2.0 --vuln CVE-2099-1001 --by "A. PSIRT" >/dev/null &&
	test "$(tplc --json findings list --overdue | json_field "len(d)")" = 0
'

test_expect_success 'bad input is refused with a reason' '
	test_expect_code 64 tplc findings explain x 2>err &&
	test_grep "x: not a finding id" err &&
	test_expect_code 66 tplc findings explain 99 2>err &&
	test_grep "no finding 99" err &&
	test_expect_code 66 tplc findings explain 1 --device WS-1 2>err &&
	test_grep "no finding 1 on device WS-1" err &&
	test_expect_code 65 tplc device set WS-1 --exposure moon 2>err &&
	test_grep "moon: not an exposure" err &&
	test_expect_code 65 tplc device set WS-1 --controls "firewall,prayer" 2>err &&
	test_grep "prayer: not a compensating control" err &&
	test_expect_code 66 tplc device set NOPE --cr H 2>err &&
	test_grep "no device with asset tag .NOPE." err &&
	printf "Asset Tag,Manufacturer,Model,Exposure\nA,B,C,moon\n" >bad.csv &&
	test_expect_code 65 tplc device import bad.csv 2>err &&
	test_grep "bad.csv:2:7: Exposure: moon: not an exposure" err
'

test_done

#!/bin/sh
# tplc findings set|history: triage states on t0400's fleet.  Each state
# shows in findings list (closed ones only with --all or --state); a
# rescan keeps decisions; a new component version or a changed VEX
# statement reopens them, with the reason in words; accepted comes only
# from an approved, unexpired risk acceptance; every change is audited.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
V=$SRC/tests/cli/t0700
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# the findings of a vulnerability through a component, when it has any
# (an "affected" VEX statement adds one on the product itself)
VIA='([f for f in d if f["component"]] or d)'
# the id of the finding of vulnerability $1 (version-wide)
fid() {
	tplc --json findings list --all --vuln "$1" | json_field "$VIA[0][\"id\"]"
}
# the state findings list shows for vulnerability $1 (options after it)
state_of() {
	v=$1 && shift &&
	tplc --json findings list --all --vuln "$v" "$@" |
		json_field "\" \".join(f[\"state\"] for f in $VIA)"
}
decisions() {
	sqlite3 tplc.db "SELECT count(*) FROM finding_triage"
}

test_expect_success 'set up the fleet and scan it' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import csaf "$F/workstation.csaf.json" >/dev/null &&
	tplc --quiet scan &&
	LOG4J=$(fid CVE-2021-44228) && LODASH=$(fid CVE-2021-23337) &&
	WS=$(fid CVE-2099-0001) &&
	echo "$LOG4J $LODASH $WS" >ids &&
	test "$(state_of CVE-2021-44228)" = new &&
	tplc findings list >out &&
	test_grep "STATE" out
'
test_expect_success 'each open state shows in the list' '
	read LOG4J LODASH WS <ids &&
	for s in in-triage exploitable mitigated new; do
		tplc --quiet findings set $LOG4J $s --reason "step $s" \
			--by alice &&
		test "$(state_of CVE-2021-44228)" = $s &&
		tplc findings list --vuln CVE-2021-44228 >out &&
		test_grep " $s\$" out || return 1
	done &&
	tplc --quiet findings set $LOG4J "In Triage" --reason again --by alice &&
	test "$(state_of CVE-2021-44228)" = in-triage &&
	tplc --json findings list --vuln CVE-2021-44228 >list &&
	json_field "d[0][\"state_reason\"], d[0][\"state_by\"], d[0][\"state_at\"]" <list >got &&
	echo "again alice 2026-11-25T12:00:00Z" >want &&
	test_cmp want got
'

test_expect_success 'closed states are hidden unless --all or --state' '
	read LOG4J LODASH WS <ids &&
	tplc --quiet findings set $WS resolved --reason "patched to 10.3" \
		--by bob &&
	tplc --quiet findings set $LODASH not_affected \
		--justification code_not_reachable \
		--reason "template() never called" --by bob &&
	test "$(tplc --json findings list | json_field "len(d)")" = 1 &&
	test "$(tplc --json findings list --all | json_field "len(d)")" = 3 &&
	tplc --json findings list --state resolved,not-affected >list &&
	json_field "\" \".join(f[\"vulnerability\"] + \":\" + f[\"state\"] for f in sorted(d, key=lambda f: f[\"id\"]))" <list >got &&
	echo "CVE-2021-23337:not-affected CVE-2099-0001:resolved" >want &&
	test_cmp want got &&
	test "$(tplc --json findings list --state in-triage | json_field "len(d)")" = 1 &&
	test "$(tplc --json findings list --state new | json_field "len(d)")" = 0 &&
	tplc findings list --all >out &&
	test_grep "resolved" out &&
	test_expect_code 64 tplc findings list --state bogus
'

test_expect_success 'a rescan keeps every decision and adds none' '
	decisions >before &&
	tplc --quiet scan && tplc --quiet scan &&
	decisions >after &&
	test_cmp before after &&
	test "$(state_of CVE-2021-44228) $(state_of CVE-2021-23337) $(state_of CVE-2099-0001)" = \
		"in-triage not-affected resolved"
'

test_expect_success 'a new component version reopens the decision' '
	read LOG4J LODASH WS <ids &&
	tplc --quiet findings set $LOG4J mitigated --reason "JNDI lookups off" \
		--by alice &&
	sed "s/2\.14\.1/2.14.0/g" "$F/pump-1.2.0.cdx.json" >older.json &&
	tplc sbom import older.json --product "Acme Medical InfuPump 3000" \
		--version 1.2.0 >/dev/null &&
	tplc --quiet scan &&
	test "$(state_of CVE-2021-44228)" = in-triage &&
	tplc --json findings list --vuln CVE-2021-44228 >list &&
	json_field "d[0][\"state_reason\"], d[0][\"state_by\"]" <list >got &&
	echo "reopened: log4j-core is now 2.14.0; the decision was made on 2.14.1 tplc" >want &&
	test_cmp want got &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action='"'"'finding.reopen'"'"'")" = 1 &&
	test "$(sqlite3 tplc.db "SELECT actor FROM audit_log WHERE action='"'"'finding.reopen'"'"'")" = tplc &&
	decisions >before && tplc --quiet scan && decisions >after &&
	test_cmp before after
'

test_expect_success 'a VEX-bound not-affected reopens when the statement changes' '
	tplc vex import "$V/pump-vex.cdx.json" >/dev/null &&
	tplc --quiet scan &&
	LODASH=$(fid CVE-2021-23337) &&
	tplc --quiet findings set $LODASH not-affected \
		--justification vulnerable_code_not_in_execute_path \
		--reason "the vendor says so" --by bob &&
	sqlite3 tplc.db "SELECT bound_vex FROM finding_triage ORDER BY id DESC LIMIT 1" >got &&
	echo "not_affected/code_not_reachable by vex urn:uuid:0f3b2c1e-6a7d-4e59-9d1a-2b8c7e4f5a60/1" >want &&
	test_cmp want got &&
	tplc --quiet scan &&
	test "$(state_of CVE-2021-23337)" = not-affected &&
	sed -e "s/\"version\": 1,/\"version\": 2,/" \
		-e "s/2024-06-01T10:00:00Z/2024-07-01T10:00:00Z/" \
		-e "s/\"state\": \"not_affected\"/\"state\": \"exploitable\"/" \
		-e "/\"justification\"/d" "$V/pump-vex.cdx.json" >vex2.json &&
	tplc vex import vex2.json >/dev/null &&
	tplc --quiet scan &&
	test "$(state_of CVE-2021-23337)" = in-triage &&
	tplc --json findings list --vuln CVE-2021-23337 >list &&
	json_field "$VIA[0][\"state_reason\"]" <list >got &&
	echo "reopened: the VEX statement it relied on changed (was not_affected/code_not_reachable by vex urn:uuid:0f3b2c1e-6a7d-4e59-9d1a-2b8c7e4f5a60/1; now affected by vex urn:uuid:0f3b2c1e-6a7d-4e59-9d1a-2b8c7e4f5a60/2)" >want &&
	test_cmp want got &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action='"'"'finding.reopen'"'"'")" = 2
'

test_expect_success 'refusals' '
	read LOG4J LODASH WS <ids &&
	LODASH=$(fid CVE-2021-23337) &&
	test_expect_code 64 tplc findings set $LODASH accepted --reason r --by a 2>err &&
	test_grep "tplc accept request" err &&
	test_expect_code 64 tplc findings set $LODASH not-affected --reason r --by a &&
	test_expect_code 64 tplc findings set $LODASH not-affected \
		--justification because --reason r --by a &&
	test_expect_code 64 tplc findings set $LODASH mitigated --reason "" --by a &&
	test_expect_code 64 tplc findings set $LODASH mitigated --reason r &&
	test_expect_code 64 tplc findings set $LODASH fixed --reason r --by a &&
	test_expect_code 66 tplc findings set 9999 mitigated --reason r --by a &&
	test_expect_code 66 tplc findings set $LODASH,9999 mitigated --reason r --by a &&
	test_expect_code 64 tplc findings set x1 mitigated --reason r --by a &&
	test_expect_code 66 tplc findings set $LODASH mitigated --device WS-1 \
		--reason r --by a &&
	test "$(state_of CVE-2021-23337)" = in-triage
'

test_expect_success 'a device decision holds on that device only' '
	LODASH=$(fid CVE-2021-23337) &&
	tplc --quiet findings set $LODASH exploitable --device PUMP-2 \
		--reason "on the open ward network" --by carol &&
	tplc --json findings list --by-device --vuln CVE-2021-23337 >list &&
	json_field "\" \".join(f[\"asset_tag\"] + \":\" + f[\"state\"] for f in sorted($VIA, key=lambda f: f[\"asset_tag\"]))" <list >got &&
	echo "PUMP-1:in-triage PUMP-2:exploitable" >want &&
	test_cmp want got &&
	test "$(state_of CVE-2021-23337)" = in-triage &&
	test "$(state_of CVE-2021-23337 --device PUMP-2)" = exploitable
'

test_expect_success 'several findings in one command, each audited with its actor' '
	LOG4J=$(fid CVE-2021-44228) && WS=$(fid CVE-2099-0001) &&
	before=$(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action='"'"'finding.state'"'"'") &&
	tplc --quiet findings set $LOG4J,$WS mitigated --reason "segmented" --by dave &&
	test "$(state_of CVE-2021-44228) $(state_of CVE-2099-0001)" = "mitigated mitigated" &&
	after=$(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action='"'"'finding.state'"'"'") &&
	test $((after - before)) = 2 &&
	sqlite3 tplc.db "SELECT actor || \" \" || subject FROM audit_log ORDER BY seq DESC LIMIT 2" >got &&
	printf "dave finding %s\ndave finding %s\n" $WS $LOG4J >want &&
	test_cmp want got &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action LIKE '"'"'finding.%'"'"'")" = \
		"$(decisions)"
'

test_expect_success 'findings history tells the decisions in order' '
	LOG4J=$(fid CVE-2021-44228) &&
	tplc --json findings history $LOG4J >hist &&
	json_field "\" \".join(h[\"state\"] + \"@\" + str(h[\"bound_version\"]) + \"/\" + h[\"by\"] for h in d)" <hist >got &&
	echo "in-triage@2.14.1/alice exploitable@2.14.1/alice mitigated@2.14.1/alice new@2.14.1/alice in-triage@2.14.1/alice mitigated@2.14.1/alice in-triage@2.14.0/tplc mitigated@2.14.0/dave" >want &&
	test_cmp want got &&
	tplc findings history $LOG4J >out &&
	test_grep "reopened: log4j-core is now 2.14.0" out &&
	test_expect_code 66 tplc findings history 9999 &&
	test_expect_code 64 tplc findings history abc
'

test_expect_success 'accepted comes from an approved acceptance until it expires' '
	LOG4J=$(fid CVE-2021-44228) &&
	pv=$(sqlite3 tplc.db "SELECT product_version_id FROM findings WHERE id = $LOG4J") &&
	key=$(sqlite3 tplc.db "SELECT component FROM finding_triage WHERE product_version_id = $pv AND vuln_id = \"CVE-2021-44228\" LIMIT 1") &&
	open=$(tplc --json findings list | json_field "len(d)") &&
	sqlite3 tplc.db "INSERT INTO acceptances(id, controls, residual, justification, expires, quorum, status, requested_by, requested_at, decided_at)
		VALUES (3, \"segmentation\", \"low\", \"isolated VLAN\", \"2026-12-31\", 1, \"approved\", \"erin\", \"2026-11-20T00:00:00Z\", \"2026-11-21T00:00:00Z\");
		INSERT INTO acceptance_findings VALUES (3, $pv, \"$key\", \"CVE-2021-44228\");" &&
	test "$(tplc --json findings list | json_field "len(d)")" = $((open - 1)) &&
	tplc --json findings list --state accepted >list &&
	json_field "d[0][\"state\"], d[0][\"acceptance\"], d[0][\"state_by\"]" <list >got &&
	echo "accepted 3 erin" >want &&
	test_cmp want got &&
	tplc findings list --all --vuln CVE-2021-44228 >out &&
	test_grep "accepted #3" out &&
	TPLC_NOW=2027-01-01T00:00:00Z tplc --json findings list --vuln CVE-2021-44228 >list &&
	json_field "d[0][\"state\"]" <list >got &&
	echo mitigated >want &&
	test_cmp want got
'

test_expect_success 'a device acceptance covers that device only' '
	LODASH=$(fid CVE-2021-23337) &&
	pv=$(sqlite3 tplc.db "SELECT product_version_id FROM findings WHERE id = $LODASH") &&
	dev=$(sqlite3 tplc.db "SELECT id FROM devices WHERE asset_tag = \"PUMP-1\"") &&
	key=$(sqlite3 tplc.db "SELECT component FROM finding_triage WHERE vuln_id = \"CVE-2021-23337\" AND component != \"\" LIMIT 1") &&
	sqlite3 tplc.db "INSERT INTO acceptances(id, device_id, controls, residual, justification, expires, quorum, status, requested_by, requested_at)
		VALUES (4, $dev, \"segmentation\", \"low\", \"isolated\", \"2026-12-31\", 1, \"approved\", \"erin\", \"2026-11-20T00:00:00Z\");
		INSERT INTO acceptance_findings VALUES (4, $pv, \"$key\", \"CVE-2021-23337\");" &&
	tplc --json findings list --all --by-device --vuln CVE-2021-23337 >list &&
	json_field "\" \".join(f[\"asset_tag\"] + \":\" + f[\"state\"] for f in sorted($VIA, key=lambda f: f[\"asset_tag\"]))" <list >got &&
	echo "PUMP-1:accepted PUMP-2:exploitable" >want &&
	test_cmp want got &&
	test "$(state_of CVE-2021-23337)" = in-triage
'

test_done

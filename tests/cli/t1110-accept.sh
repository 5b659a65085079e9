#!/bin/sh
# tplc accept: risk acceptance with the governance body's approval (2 of
# alice, bob, carol) and an expiry.  The fleet of t0400 scanned on
# 2026-10-01 (TPLC_NOW): finding 1 is Log4Shell (CISA KEV) on InfuPump
# 1.2.0, finding 2 lodash on the same version; PUMP-1 runs 1.2.0.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
P="Acme Medical InfuPump 3000"
export TPLC_NOW=2026-10-01T08:00:00Z
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# request OPTIONS...: an acceptance request by alice
request() {
	tplc accept request --controls firewall,segmentation --residual medium \
		--justification "segmented, vendor patch pending" --by alice "$@"
}

test_expect_success 'set up the fleet, scanned on 2026-10-01' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" --product "$P" \
		--version 1.2.0 >/dev/null &&
	tplc sbom import "$F/pump-1.3.0.cdx.json" --product "$P" \
		--version 1.3.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import kev "$F/kev.json" >/dev/null &&
	tplc scan >/dev/null &&
	sqlite3 tplc.db "SELECT id || \" \" || vuln_id FROM findings ORDER BY id" >got &&
	printf "1 CVE-2021-44228\n2 CVE-2021-23337\n" >want &&
	test_cmp want got
'

test_expect_success 'without a governance body requests are refused' '
	test_expect_code 64 request --finding 2 --expires 2027-01-01 2>err &&
	test_grep "no governance body: tplc accept body --approvers A,B,C --quorum N" err
'

test_expect_success 'a quorum larger than the body is refused' '
	test_expect_code 64 tplc accept body --approvers alice,bob \
		--quorum 3 --by admin 2>err &&
	test_grep "between 1 and the number of approvers (2)" err &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM governance_approvers")" = 0
'

test_expect_success 'body: 3 approvers, quorum 2' '
	tplc accept body --approvers "alice, bob,carol" --quorum 2 \
		--by admin >out &&
	test_grep "quorum 2 of 3" out &&
	tplc --json accept body >body &&
	json_field "\",\".join(a[\"name\"] for a in d[\"approvers\"]) + \" \" + str(d[\"quorum\"])" <body >got &&
	echo "alice,bob,carol 2" >want &&
	test_cmp want got
'

test_expect_success 'bad input leaves the database unchanged' '
	db_dump >before &&
	test_expect_code 66 request --finding 66 --expires 2027-01-01 2>err &&
	test_grep "no finding 66" err &&
	test_expect_code 64 request --finding 2 --expires 2027-02-30 2>err &&
	test_grep "2027-02-30: not a date" err &&
	test_expect_code 65 tplc accept request --finding 2 \
		--controls firewall,prayer --residual low --justification x \
		--expires 2027-01-01 --by alice 2>err &&
	test_grep "prayer: not a compensating control" err &&
	test_expect_code 64 request --finding 2 --expires 2026-10-01 2>err &&
	test_grep "is not after today" err &&
	test_expect_code 66 request --finding 1,2,66 --expires 2026-11-01 2>err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'expiry: one year is the limit, one day more is refused' '
	db_dump >before &&
	test_expect_code 64 request --finding 2 --expires 2027-10-02 2>err &&
	test_grep "at most 12 months: 2027-10-01 at the latest" err &&
	db_dump >after &&
	test_cmp before after &&
	request --finding 2 --expires 2027-10-01 >out &&
	test_grep "acceptance 1 requested: 1 finding, needs 2 approvals" out
'

test_expect_success 'KEV: 90 days at most' '
	db_dump >before &&
	test_expect_code 64 request --finding 1 --expires 2026-12-31 2>err &&
	test_grep "known exploited (KEV).*90 days: 2026-12-30 at the latest" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the requester cannot approve, a non-member cannot vote' '
	test_expect_code 64 tplc accept approve 1 --by alice 2>err &&
	test_grep "the requester cannot approve their own request" err &&
	test_expect_code 64 tplc accept reject 1 --by Alice --comment no 2>err &&
	test_grep "the requester cannot reject their own request" err &&
	test_expect_code 64 tplc accept approve 1 --by mallory 2>err &&
	test_grep "mallory is not an approver" err &&
	test_expect_code 66 tplc accept approve 9 --by bob 2>err &&
	test_grep "no acceptance 9" err
'

test_expect_success 'bob approves: 1 of 2, still pending; bob again refused' '
	tplc accept approve 1 --by bob >out &&
	test_grep "1 of 2 approvals, still pending" out &&
	test_expect_code 64 tplc accept approve 1 --by bob 2>err &&
	test_grep "bob has already voted on acceptance 1" err &&
	tplc --json accept list --status pending >list &&
	json_field "\" \".join(str(r[k]) for r in d for k in (\"id\", \"approvals\", \"quorum\", \"voted\"))" <list >got &&
	echo "1 1 2 bob" >want &&
	test_cmp want got
'

test_expect_success 'carol approves: approved (2 of 2)' '
	tplc accept approve 1 --by carol --comment "controls verified" >out &&
	test_grep "acceptance 1 approved (2 of 2)" out &&
	test "$(sqlite3 tplc.db "SELECT status || \" \" || decided_at FROM acceptances WHERE id = 1")" = \
		"approved 2026-10-01T08:00:00Z" &&
	test_expect_code 64 tplc accept reject 1 --by carol --comment late 2>err &&
	test_grep "acceptance 1 is approved, not pending" err
'

test_expect_success 'a device request covers its open findings, KEV shortens it' '
	test_expect_code 64 request --device PUMP-1 --expires 2027-01-01 2>err &&
	test_grep "2026-12-30 at the latest" err &&
	request --device PUMP-1 --expires 2026-12-30 >out &&
	test_grep "acceptance 2 requested: 2 findings, needs 2 approvals" out &&
	tplc --json accept show 2 >show &&
	json_field "\" \".join([d[\"device\"], str(d[\"kev\"])] + sorted(f[\"vulnerability\"] + \"@\" + f[\"version\"] for f in d[\"covered\"]))" <show >got &&
	echo "PUMP-1 True CVE-2021-23337@1.2.0 CVE-2021-44228@1.2.0" >want &&
	test_cmp want got
'

test_expect_success 'a rejection needs a comment and rejects it' '
	test_expect_code 64 tplc accept reject 2 --by bob 2>err &&
	test_grep "comment" err &&
	tplc accept reject 2 --by bob --comment "KEV: patch instead" >out &&
	test_grep "acceptance 2 rejected by bob" out &&
	tplc accept list >out &&
	test_grep "^2 *rejected *PUMP-1 *medium *2026-12-30 *0/2 (rejected) *alice" out &&
	test_grep "^1 *approved *1 finding *medium *2027-10-01 *2/2 *alice" out
'

test_expect_success 'due: approved ones expiring within DAYS' '
	tplc --json accept due >due &&
	test "$(json_field "len(d)" <due)" = 0 &&
	TPLC_NOW=2027-09-15T08:00:00Z tplc --json accept due --within 30 >due &&
	json_field "\" \".join(str(r[k]) for r in d for k in (\"id\", \"status\", \"days_left\"))" <due >got &&
	echo "1 approved 16" >want &&
	test_cmp want got
'

test_expect_success 'past the expiry: expired, the finding back in triage' '
	TPLC_NOW=2027-10-02T09:00:00Z tplc accept due >out &&
	test_grep "^1 *EXPIRED 1d ago" out &&
	test "$(sqlite3 tplc.db "SELECT status FROM acceptances WHERE id = 1")" = expired &&
	sqlite3 tplc.db "SELECT product_version_id, component, vuln_id, state, reason, decided_by FROM finding_triage" >got &&
	echo "1|pkg:npm/lodash|CVE-2021-23337|in-triage|reopened: acceptance 1 expired on 2027-10-01|tplc" >want &&
	test_cmp want got &&
	TPLC_NOW=2027-10-03T09:00:00Z tplc accept list --status expired >out &&
	test_grep "^1 *expired" out &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM finding_triage")" = 1
'

test_expect_success 'every step has its audit entry' '
	sqlite3 tplc.db "SELECT action, actor, subject FROM audit_log WHERE action LIKE \"accept.%\" OR action LIKE \"governance.%\" OR action = \"finding.reopen\" ORDER BY seq" >got &&
	cat >want <<-\EOF &&
	governance.set|admin|governance body
	accept.request|alice|acceptance 1
	accept.approve|bob|acceptance 1
	accept.approve|carol|acceptance 1
	accept.request|alice|acceptance 2
	accept.reject|bob|acceptance 2
	accept.expire|tplc|acceptance 1
	finding.reopen|tplc|finding 2
	EOF
	test_cmp want got
'

test_expect_success 'withdraw: only the requester, and the findings reopen' '
	export TPLC_NOW=2027-10-05T08:00:00Z &&
	request --finding 2 --expires 2028-03-31 >out &&
	test_grep "^acceptance 3 requested" out &&
	tplc accept approve 3 --by bob >/dev/null &&
	tplc accept approve 3 --by carol >/dev/null &&
	test_expect_code 64 tplc accept withdraw 3 --by bob 2>err &&
	test_grep "only its requester (alice) can withdraw acceptance 3" err &&
	tplc accept withdraw 3 --by Alice --comment "lodash upgraded" >out &&
	test_grep "^acceptance 3 withdrawn" out &&
	test "$(sqlite3 tplc.db "SELECT status FROM acceptances WHERE id = 3")" = withdrawn &&
	sqlite3 tplc.db "SELECT reason FROM finding_triage ORDER BY id DESC LIMIT 1" >got &&
	echo "reopened: acceptance 3 withdrawn by Alice" >want && test_cmp want got &&
	test_expect_code 64 tplc accept withdraw 3 --by alice 2>err &&
	test_grep "acceptance 3 is withdrawn" err &&
	test_expect_code 66 tplc accept withdraw 9 --by alice 2>err &&
	sqlite3 tplc.db "SELECT actor FROM audit_log WHERE action = \"accept.withdraw\"" >got &&
	echo Alice >want && test_cmp want got
'

test_expect_success 'summary: acceptances in force, awaiting, run out' '
	export TPLC_NOW=2027-10-05T08:00:00Z &&
	tplc summary >out &&
	test_grep "^decisions    0 findings decided; risk acceptances: 0 in force, 0 awaiting approval, 1 run out" out &&
	request --finding 2 --expires 2028-03-31 >/dev/null &&
	tplc findings set 1 mitigated --reason "WAF rule" --by dave >/dev/null &&
	tplc --json summary | json_field "d[\"decided\"], d[\"acceptances_awaiting_approval\"], d[\"acceptances_expired\"]" >got &&
	echo "1 1 1" >want && test_cmp want got
'

test_done

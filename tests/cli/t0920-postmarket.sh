#!/bin/sh
# tplc postmarket: the manufacturer's controlled/uncontrolled decisions and
# the FDA clocks (customers told within 30 days of awareness, a fix out
# within 60).  The fleet of t0400, scanned on 2026-10-01; decisions are
# taken on 2026-11-25 (TPLC_NOW), so awareness on 2026-10-16 is 40 days
# ago: the notify clock (due 2026-11-15) is 10 days overdue, the fix clock
# (due 2026-12-15) still running.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
P="Acme Medical InfuPump 3000"
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'set up the fleet, scanned on 2026-10-01' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" --product "$P" \
		--version 1.2.0 >/dev/null &&
	tplc sbom import "$F/pump-1.3.0.cdx.json" --product "$P" \
		--version 1.3.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc feed import csaf "$F/workstation.csaf.json" >/dev/null &&
	tplc feed import kev "$F/kev.json" >/dev/null &&
	TPLC_NOW=2026-10-01T08:00:00Z tplc scan >/dev/null
'

test_expect_success 'before any decision: all undecided, KEV then CVSS' '
	tplc --json postmarket list >list &&
	json_field "\" \".join(r[\"vulnerability\"] + \"/\" + r[\"decision\"] for r in d)" <list >got &&
	echo "CVE-2021-44228/undecided CVE-2099-0001/undecided CVE-2021-23337/undecided" >want &&
	test_cmp want got
'

test_expect_success 'an ambiguous --product is refused with the candidates' '
	test_expect_code 64 tplc postmarket decide --product Acme \
		--version 1.2.0 --vuln CVE-2021-44228 --risk uncontrolled \
		--by "Ann Lee" 2>err &&
	test_grep "matches 2 products" err &&
	test_grep "Acme Medical Imaging Workstation" err &&
	test_grep "Acme Medical InfuPump 3000" err
'

test_expect_success 'uncontrolled, aware 40 days ago: notify OVERDUE, fix due' '
	tplc postmarket decide --product InfuPump --version 1.2.0 \
		--vuln CVE-2021-44228 --risk uncontrolled --by "Ann Lee" \
		--aware 2026-10-16 --rationale "RCE, network reachable" >out &&
	test_grep "OVERDUE 10d" out &&
	test_grep "due 2026-12-15" out &&
	tplc --json postmarket list --vuln CVE-2021-44228 >list &&
	json_field "\" \".join(str(d[0][k]) for k in (\"decision\", \"decided_by\", \"decided_at\", \"aware_at\", \"notify_due\", \"notify_state\", \"notify_days\", \"fix_due\", \"fix_state\", \"fix_days\"))" <list >got &&
	echo "uncontrolled Ann Lee 2026-11-25T12:00:00Z 2026-10-16T00:00:00Z 2026-11-15 overdue 10 2026-12-15 due -20" >want &&
	test_cmp want got
'

test_expect_success 'list --overdue prints the table and nothing else' '
	tplc postmarket list --overdue >out &&
	test $(wc -l <out) = 2 &&
	test_grep "CVE-2021-44228" out &&
	test_grep "OVERDUE 10d" out
'

test_expect_success 'customers told today, 10 days late; nothing overdue' '
	tplc postmarket notified --product "$P" --version 1.2.0 \
		--vuln CVE-2021-44228 --by "Support" --note "letter" >out &&
	test_grep "late 10d (2026-11-25)" out &&
	test "$(tplc --json postmarket list --overdue)" = "[]" &&
	tplc --json postmarket list --vuln CVE-2021-44228 >list &&
	json_field "d[0][\"notified_at\"], d[0][\"notify_state\"], d[0][\"fix_state\"]" <list >got &&
	echo "2026-11-25T12:00:00Z late due" >want &&
	test_cmp want got
'

test_expect_success 'a fix missed its day 60 is overdue later on' '
	TPLC_NOW=2026-12-20 tplc --json postmarket list --overdue >list &&
	json_field "len(d), d[0][\"fix_state\"], d[0][\"fix_days\"]" <list >got &&
	echo "1 overdue 5" >want &&
	test_cmp want got
'

test_expect_success 'controlled risk has no clock; aware is the first finding' '
	tplc --json postmarket decide --product "$P" --version 1.2.0 \
		--vuln CVE-2021-23337 --risk controlled --by "Ann Lee" >row &&
	json_field "d[\"decision\"], d[\"aware_at\"], d[\"notify_due\"], d[\"notify_state\"], d[\"fix_state\"]" <row >got &&
	echo "controlled 2026-10-01T08:00:00Z None - -" >want &&
	test_cmp want got
'

test_expect_success 'a version without the finding needs --force' '
	test_expect_code 64 tplc postmarket decide --product "$P" \
		--version 1.3.0 --vuln CVE-2021-44228 --risk controlled \
		--by "Ann Lee" 2>err &&
	test_grep "no finding" err &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM postmarket_decisions")" = 2 &&
	tplc --json postmarket decide --product "$P" --version 1.3.0 \
		--vuln CVE-2021-44228 --risk controlled --by "Ann Lee" \
		--force >row &&
	json_field "d[\"findings\"], d[\"aware_at\"]" <row >got &&
	echo "0 2026-11-25T12:00:00Z" >want &&
	test_cmp want got
'

test_expect_success 'unknown version, unknown vulnerability, no decision' '
	test_expect_code 66 tplc postmarket decide --product "$P" \
		--version 9.9 --vuln CVE-2021-44228 --risk controlled \
		--by x 2>err &&
	test_grep "has no version .9.9." err &&
	test_expect_code 66 tplc postmarket decide --product "$P" \
		--version 1.2.0 --vuln CVE-1999-0001 --risk controlled \
		--by x 2>err &&
	test_expect_code 66 tplc postmarket fixed --product Workstation \
		--version 10.2 --vuln CVE-2099-0001 --by x 2>err &&
	test_grep "no decision" err &&
	test_expect_code 64 tplc postmarket decide --product "$P" \
		--version 1.2.0 --vuln CVE-2021-44228 --risk maybe --by x &&
	test_expect_code 64 tplc postmarket notified --product "$P" \
		--version 1.2.0 --vuln CVE-2021-44228 --by x \
		--at 2027-01-01 2>err &&
	test_grep "in the future" err &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM postmarket_events")" = 1
'

test_expect_success 'a revised decision wins, the history keeps both' '
	TPLC_NOW=2026-11-26T09:00:00Z tplc postmarket decide \
		--product "$P" --version 1.2.0 --vuln CVE-2021-44228 \
		--risk controlled --by "Bob Roe" --aware 2026-10-16 \
		--rationale "network segmented at all customers" >/dev/null &&
	tplc --json postmarket list --vuln CVE-2021-44228 --version 1.2.0 >list &&
	json_field "len(d), d[0][\"decision\"], d[0][\"decided_by\"], d[0][\"notify_state\"]" <list >got &&
	echo "1 controlled Bob Roe -" >want &&
	test_cmp want got &&
	tplc --json postmarket history --vuln CVE-2021-44228 --version 1.2.0 >hist &&
	json_field "\"|\".join(\"%s %s %s %s %s\" % (h[\"at\"], h[\"kind\"], h[\"risk\"], h[\"by\"], h[\"current\"]) for h in d)" <hist >got &&
	echo "2026-11-25T12:00:00Z decision uncontrolled Ann Lee False|2026-11-25T12:00:00Z customers_notified None Support False|2026-11-26T09:00:00Z decision controlled Bob Roe True" >want &&
	test_cmp want got &&
	tplc postmarket history --product InfuPump >out &&
	test_grep "controlled (current)" out
'

test_expect_success 'undecided: only the workstation is left' '
	tplc --json postmarket list --undecided >list &&
	json_field "\" \".join(r[\"model\"] + \"/\" + r[\"vulnerability\"] for r in d)" <list >got &&
	echo "Imaging Workstation/CVE-2099-0001" >want &&
	test_cmp want got
'

test_done

#!/bin/sh
# tplc lifecycle due|review|reviews|checklist: the yearly review from
# three years before EOS (IMDRF N70), moved across its thresholds with
# TPLC_NOW.  InfuPump 1.2.0 (PUMP-1, PUMP-2) reaches EOL 2029-06-30 and
# EOS 2030-06-30: its review window opens on 2026-06-30.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
sql() {
	python3 -c "import sqlite3, sys
for r in sqlite3.connect('tplc.db').execute(sys.argv[1]):
	print('|'.join('' if v is None else str(v) for v in r))" "$1"
}

test_expect_success 'set up the fleet and the milestones' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	TPLC_NOW=2026-01-10 tplc lifecycle set InfuPump --version 1.2.0 \
		--eol 2029-06-30 --eos 2030-06-30 --by "Lead" >/dev/null &&
	printf "# pump checklist\nEOS-01 yes\nEOS-02 yes\nEOS-09=no\nEOS-12 unknown\n" >answers.txt
'

test_expect_success 'the checklist: 12 questions and N70s 9 controls' '
	tplc --json lifecycle checklist >list &&
	json_field "len(d[\"questions\"]), len(d[\"controls\"]), d[\"questions\"][0][\"id\"], d[\"controls\"][2][\"name\"]" <list >got &&
	echo "12 9 EOS-01 isolation" >want &&
	test_cmp want got
'

test_expect_success 'the day before the window opens nothing is due' '
	TPLC_NOW=2026-06-29 tplc --json lifecycle due --within 0 >list &&
	echo "[]" >want && test_cmp want list
'

test_expect_success 'the day it opens both pumps are due today' '
	TPLC_NOW=2026-06-30 tplc --json lifecycle due --within 0 >list &&
	json_field "\" \".join(r[\"asset_tag\"] + \"/\" + r[\"state\"] + \"/\" + r[\"due\"] + \"/\" + r[\"requirement\"] + \"/\" + str(r[\"transfer_plan\"]) for r in d)" <list >got &&
	echo "PUMP-1/due/2026-06-30/eol-window/False PUMP-2/due/2026-06-30/eol-window/False" >want &&
	test_cmp want got &&
	TPLC_NOW=2026-06-30 tplc lifecycle due >out &&
	test_grep "EOL within 3 years" out &&
	! test_grep "NO TRANSFER PLAN" out &&
	test_grep "InfuPump 3000 1.2.0  *2  *EOL within 3 years  *2026-06-30  *due in 0d  *never" out &&
	TPLC_NOW=2026-06-30 tplc lifecycle due --devices >out &&
	test_grep "^PUMP-1  *Acme Medical InfuPump 3000 1.2.0  *EOL within 3 years" out &&
	test_grep "^PUMP-2 " out
'

test_expect_success 'and overdue the day after' '
	TPLC_NOW=2026-07-01 tplc --json lifecycle due --overdue >list &&
	json_field "len(d), d[0][\"state\"], d[0][\"days\"]" <list >got &&
	echo "2 overdue -1" >want &&
	test_cmp want got
'

test_expect_success 'a bad answer file is refused and changes nothing' '
	printf "EOS-01 yes\nEOS-02 perhaps\n" >bad.txt &&
	sql "select count(*) from lifecycle_reviews" >before &&
	test_expect_code 65 tplc lifecycle review --device PUMP-1 --by Ann \
		--answers bad.txt --controls firewall --decision keep 2>err &&
	test_grep "bad.txt:2: EOS-02: perhaps: answer must be yes, no or unknown" err &&
	sql "select count(*) from lifecycle_reviews" >after &&
	test_cmp before after &&
	sql "select exposure, controls from devices where asset_tag = \"PUMP-1\"" >got &&
	echo "|" >want && test_cmp want got
'

test_expect_success 'decommission without a date is refused' '
	test_expect_code 64 tplc lifecycle review --device PUMP-1 --by Ann \
		--answers answers.txt --controls "" --decision decommission 2>err &&
	test_grep "decommission needs" err &&
	sql "select count(*) from lifecycle_reviews" >got &&
	echo "0" >want && test_cmp want got
'

test_expect_success 'a review of PUMP-1 takes it off the due list' '
	TPLC_NOW=2026-07-01 tplc lifecycle review --device PUMP-1 --by Ann \
		--answers answers.txt --controls "firewall, isolation, backup" \
		--decision keep --notes "isolated VLAN" >out &&
	test_grep "review recorded for 1 device (4 of 12 answered)" out &&
	TPLC_NOW=2026-07-01 tplc --json lifecycle due >list &&
	json_field "\" \".join(r[\"asset_tag\"] for r in d)" <list >got &&
	echo "PUMP-2" >want && test_cmp want got
'

test_expect_success 'its controls became the device environment' '
	sql "select exposure, controls from devices where asset_tag = \"PUMP-1\"" >got &&
	echo "isolated|firewall,backup" >want &&
	test_cmp want got
'

test_expect_success 'segmentation never loosens an isolated device' '
	TPLC_NOW=2026-07-02 tplc lifecycle review --device PUMP-1 --by Ann \
		--answers answers.txt --controls segmentation --decision replace \
		--decide-by 2028-01-31 >/dev/null &&
	sql "select exposure, controls from devices where asset_tag = \"PUMP-1\"" >got &&
	echo "isolated|" >want &&
	test_cmp want got
'

test_expect_success 'the history lists both reviews with their answers' '
	tplc --json lifecycle reviews --device PUMP-1 >list &&
	json_field "\" \".join(r[\"reviewed_at\"] + \"/\" + r[\"decision\"] + \"/\" + r[\"stage\"] for r in d), d[0][\"answers\"], d[1][\"decide_by\"]" <list >got &&
	echo "2026-07-01/keep/support 2026-07-02/replace/support EOS-01=yes,EOS-02=yes,EOS-09=no,EOS-12=unknown 2028-01-31" >want &&
	test_cmp want got
'

test_expect_success 'a year later it is due again: horizon, due day, overdue' '
	TPLC_NOW=2027-04-02 tplc --json lifecycle due --product InfuPump >list &&
	json_field "\" \".join(r[\"asset_tag\"] + \"/\" + r[\"state\"] for r in d)" <list >got &&
	echo "PUMP-2/overdue" >want && test_cmp want got &&
	TPLC_NOW=2027-04-03 tplc --json lifecycle due >list &&
	json_field "d[0][\"asset_tag\"], d[0][\"state\"], d[0][\"days\"], d[0][\"due\"]" <list >got &&
	echo "PUMP-1 due 90 2027-07-02" >want && test_cmp want got &&
	TPLC_NOW=2027-07-03 tplc --json lifecycle due --overdue >list &&
	json_field "\" \".join(r[\"asset_tag\"] + \"/\" + r[\"state\"] + \"/\" + r[\"requirement\"] + \"/\" + str(r[\"transfer_plan\"]) for r in d)" <list >got &&
	echo "PUMP-1/overdue/eos-window/True PUMP-2/overdue/eos-window/False" >want &&
	test_cmp want got &&
	TPLC_NOW=2027-07-03 tplc lifecycle due >out &&
	test_grep "NO TRANSFER PLAN" out
'

test_expect_success 'a product review records every device of the version' '
	TPLC_NOW=2027-07-03 tplc lifecycle review --product InfuPump \
		--version 1.2.0 --by Bob --answers - --controls monitoring \
		--decision upgrade <answers.txt >out &&
	test_grep "review recorded for 2 devices" out &&
	test "$(TPLC_NOW=2027-07-03 tplc --json lifecycle due)" = "[]"
'

test_done

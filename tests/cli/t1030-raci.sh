#!/bin/sh
# tplc raci: who is Responsible and Accountable for each security task of
# a device, as its stage moves (EOL 2026-12-31 starts Limited Support,
# EOS 2028-12-31 End of Support), how it is deployed, and what contracts
# change.  Three pumps of one version: PUMP-1 and PUMP-2 hospital-managed,
# PUMP-3 manufacturer-managed.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t1030
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# who holds letter $3 for task $2 of device $1 (further args to show)
who() {
	dev=$1 task=$2 letter=$3
	shift 3
	tplc --json raci show "$dev" "$@" |
		json_field "\",\".join([t[\"$letter\"] for t in d[\"tasks\"] if t[\"task\"] == \"$task\"][0])"
}

test_expect_success 'set up three pumps and their milestones' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc --quiet lifecycle set InfuPump --version 2.0 \
		--release 2020-01-01 --eol 2026-12-31 --eos 2028-12-31 \
		--by "Acme PSIRT" >/dev/null
'

test_expect_success 'a bad deployment is refused with file:line' '
	test_expect_code 65 tplc device import "$F/bad.csv" 2>err &&
	test_grep "bad.csv:2:.*Deployment Type: unknown deployment \"cloud\"" err
'

test_expect_success 'deployment from the inventory: who installs patches' '
	test "$(who PUMP-1 patch-install A)" = HDO &&
	test "$(who PUMP-2 patch-install A)" = HDO &&
	test "$(who PUMP-3 patch-install A)" = MDM &&
	tplc --json raci show PUMP-3 | json_field "d[\"deployment\"], d[\"stage\"]" >got &&
	echo "manufacturer-managed support" >want &&
	test_cmp want got
'

test_expect_success 'device set --deployment, kept by a re-import without the column' '
	tplc device set PUMP-2 --deployment "Manufacturer Managed" >/dev/null &&
	test "$(who PUMP-2 patch-install A)" = MDM &&
	tplc --quiet device import "$F/no-column.csv" >/dev/null &&
	test "$(who PUMP-2 patch-install A)" = MDM &&
	test_expect_code 64 tplc device set PUMP-2 --deployment cloud 2>err &&
	test_grep "not a deployment" err &&
	tplc device set PUMP-2 --deployment hospital-managed >/dev/null &&
	test "$(who PUMP-2 patch-install A)" = HDO
'

test_expect_success 'EOL: monitoring changes hands on the day, not the day before' '
	test "$(who PUMP-1 logging-monitoring A --as-of 2026-12-30)" = MDM &&
	test "$(who PUMP-1 logging-monitoring R --as-of 2026-12-30)" = MDM,HDO &&
	test "$(who PUMP-1 logging-monitoring A --as-of 2026-12-31)" = HDO &&
	test "$(who PUMP-1 logging-monitoring R --as-of 2026-12-31)" = HDO &&
	test "$(who PUMP-1 patching A --as-of 2026-12-31)" = MDM
'

test_expect_success 'EOS: patching moves to the hospital on the day' '
	test "$(who PUMP-1 patching A --as-of 2028-12-30)" = MDM &&
	test "$(who PUMP-1 patching A --as-of 2028-12-31)" = HDO &&
	test "$(who PUMP-1 patching C --as-of 2028-12-31)" = "" &&
	test "$(who PUMP-1 patching I --as-of 2028-12-31)" = MDM &&
	tplc raci show PUMP-1 --as-of 2028-12-31 >out &&
	test_grep "^stage End of Support since 2028-12-31, hospital-managed" out
'

test_expect_success 'show names the next stage and the tasks moving' '
	tplc raci show PUMP-1 --as-of 2026-12-30 >out &&
	test_grep "^at Limited Support on 2026-12-31:" out &&
	test_grep "logging-monitoring *R MDM,HDO -> HDO, A MDM -> HDO" out &&
	tplc --json raci show PUMP-1 --as-of 2026-12-30 |
		json_field "d[\"next\"][\"date\"], \" \".join(t[\"task\"] for t in d[\"next\"][\"moving\"])" >got &&
	echo "2026-12-31 vulnerability-monitoring logging-monitoring" >want &&
	test_cmp want got
'

test_expect_success 'no gaps in the defaults' '
	tplc --json raci gaps --within 0 >out &&
	test "$(cat out)" = "[]"
'

test_expect_success 'a product override that adds an A: two accountable' '
	tplc raci set --product InfuPump patching HDO=A --contract MSA-1 \
		--by "Ann Lee" >/dev/null &&
	test "$(who PUMP-1 patching A)" = MDM,HDO &&
	tplc --json raci show PUMP-1 |
		json_field "[(p[\"party\"], p[\"roles\"], p[\"from\"], p[\"contract\"]) for t in d[\"tasks\"] if t[\"task\"] == \"patching\" for p in t[\"parties\"]]" >got &&
	echo "[('"'"'MDM'"'"', '"'"'RA'"'"', '"'"'default'"'"', None), ('"'"'HDO'"'"', '"'"'A'"'"', '"'"'product'"'"', '"'"'MSA-1'"'"')]" >want &&
	test_cmp want got &&
	tplc --json raci gaps --within 0 >out &&
	json_field "[(g[\"kind\"], g[\"devices\"], g[\"deployment\"], g[\"task\"], g[\"gaps\"]) for g in d]" <out >got &&
	echo "[('"'"'gap'"'"', 2, '"'"'hospital-managed'"'"', '"'"'patching'"'"', ['"'"'several-accountable'"'"']), ('"'"'gap'"'"', 1, '"'"'manufacturer-managed'"'"', '"'"'patching'"'"', ['"'"'several-accountable'"'"'])]" >want &&
	test_cmp want got &&
	tplc raci gaps --within 0 >out &&
	test_grep "2 devices (PUMP-1, ...)" out
'

test_expect_success 'a device override wins; taking the MDM off: none accountable' '
	tplc raci set --device PUMP-2 patching HDO=- --by "Ann Lee" >/dev/null &&
	test "$(who PUMP-2 patching A)" = MDM &&
	tplc raci set --device PUMP-2 vulnerability-monitoring MDM=R \
		--contract SLA-7 --by "Ann Lee" >/dev/null &&
	tplc --json raci gaps --within 0 >out &&
	json_field "[(g[\"asset_tag\"], g[\"devices\"], g[\"task\"], g[\"gaps\"]) for g in d]" <out >got &&
	echo "[('"'"'PUMP-1'"'"', 1, '"'"'patching'"'"', ['"'"'several-accountable'"'"']), ('"'"'PUMP-2'"'"', 1, '"'"'vulnerability-monitoring'"'"', ['"'"'no-accountable'"'"']), ('"'"'PUMP-3'"'"', 1, '"'"'patching'"'"', ['"'"'several-accountable'"'"'])]" >want &&
	test_cmp want got &&
	tplc raci show PUMP-2 >out &&
	test_grep "vulnerability-monitoring *MDM *- .*no-accountable *device MDM SLA-7" out
'

test_expect_success 'a stage override holds only in its stage; --reset removes' '
	tplc raci set --product InfuPump patching HDO=- --stage limited \
		--by "Ann Lee" >/dev/null &&
	test "$(who PUMP-1 patching A)" = MDM,HDO &&
	test "$(who PUMP-1 patching A --as-of 2027-01-01)" = MDM &&
	tplc raci set --product InfuPump patching HDO --stage limited \
		--reset --by "Ann Lee" >/dev/null &&
	test "$(who PUMP-1 patching A --as-of 2027-01-01)" = MDM,HDO &&
	tplc raci set --product InfuPump patching HDO --reset \
		--by "Ann Lee" >/dev/null &&
	test "$(who PUMP-1 patching A)" = MDM &&
	test_expect_code 66 tplc raci set --product InfuPump patching HDO \
		--reset --by "Ann Lee" 2>err &&
	test_grep "no override" err
'

test_expect_success 'about to move: inside --within, not outside, exact date' '
	tplc raci set --device PUMP-2 vulnerability-monitoring MDM \
		--reset --by "Ann Lee" >/dev/null &&
	tplc raci set --device PUMP-2 patching HDO --reset \
		--by "Ann Lee" >/dev/null &&
	tplc --json raci gaps --as-of 2026-06-01 --within 213 >out &&
	json_field "sorted(set((g[\"kind\"], g[\"date\"], g[\"next_stage\"], g[\"devices\"], g[\"task\"]) for g in d if g[\"deployment\"] == \"hospital-managed\"))" <out >got &&
	echo "[('"'"'moving'"'"', '"'"'2026-12-31'"'"', '"'"'limited'"'"', 2, '"'"'logging-monitoring'"'"'), ('"'"'moving'"'"', '"'"'2026-12-31'"'"', '"'"'limited'"'"', 2, '"'"'vulnerability-monitoring'"'"')]" >want &&
	test_cmp want got &&
	test "$(tplc --json raci gaps --as-of 2026-06-01 --within 212)" = "[]" &&
	tplc raci gaps --as-of 2026-06-01 >out &&
	test_grep "moving .*2 devices (PUMP-1, ...) .*logging-monitoring *Limited Support on 2026-12-31" out
'

test_expect_success 'bad input is refused' '
	test_expect_code 64 tplc raci set --product InfuPump patch HDO=A --by x 2>err &&
	test_grep "not a task" err &&
	test_expect_code 64 tplc raci set --product InfuPump patching HDO=RX --by x 2>err &&
	test_grep "letters must be R, A, C or I" err &&
	test_expect_code 64 tplc raci set --product InfuPump --device PUMP-1 patching HDO=A --by x &&
	test_expect_code 64 tplc raci show PUMP-1 --as-of 2026-02-30 &&
	test_expect_code 66 tplc raci show NOPE
'

test_expect_success 'tasks and defaults' '
	test $(tplc --json raci tasks | json_field "len(d)") = 11 &&
	tplc raci defaults >out &&
	test_grep "^logging-monitoring *MDM:RA HDO:C *MDM:RA HDO:R *HDO:RA MDM:C *HDO:RA MDM:I" out &&
	tplc --json raci defaults --stage eos --deployment software-only |
		json_field "d[0][\"stage\"], d[0][\"deployment\"], len(d[0][\"tasks\"])" >got &&
	echo "eos software-only 11" >want &&
	test_cmp want got
'

test_done

#!/bin/sh
# tplc cvss: score vectors given as arguments or on stdin.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

V31='CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'
V30='CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/E:H/RL:W/RC:U/CR:H/IR:H/AR:M/MAV:L/MAC:L/MPR:H/MUI:N/MS:C/MC:N/MI:H/MA:L'
V2='AV:N/AC:M/Au:M/C:C/I:N/A:P/RL:W/RC:UC/CDP:LM/TD:M/CR:L/IR:L/AR:L'
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'text output gives version, scores and severity' '
	tplc cvss "$V31" "$V30" >out &&
	test_grep "^  version  *3.1$" out &&
	test_grep "^  base  *10.0$" out &&
	test_grep "^  severity  *Critical$" out &&
	test_grep "^  version  *3.0$" out &&
	test_grep "^  temporal  *5.2$" out &&
	test_grep "^  environmental  *7.4$" out &&
	test_grep "^  severity  *High$" out
'

test_expect_success '--json gives one object for one vector' '
	tplc --json cvss "$V2" >out &&
	test "$(json_field "d[\"version\"], d[\"base_score\"], d[\"temporal_score\"], d[\"environmental_score\"], d[\"severity\"]" <out)" = "2.0 6.4 5.5 4 Medium" &&
	test "$(json_field "d[\"vector\"]" <out)" = "$V2"
'

test_expect_success '--json gives an array for several vectors' '
	tplc cvss --json "$V31" "($V2)" >out &&
	test "$(json_field "[(o[\"version\"], o[\"base_score\"]) for o in d]" <out)" = "[('"'"'3.1'"'"', 10), ('"'"'2.0'"'"', 6.4)]"
'

test_expect_success 'vectors are read from stdin, one a line' '
	printf "%s\n\n%s\n" "$V31" "$V30" | tplc --json cvss >out &&
	test "$(json_field "[o[\"base_score\"] for o in d]" <out)" = "[10, 5.8]"
'

test_expect_success 'a bad vector is named, the good ones printed, exit 65' '
	test_expect_code 65 tplc cvss "$V31" "CVSS:3.1/AV:Q/AC:L" >out 2>err &&
	test_grep "base  *10.0" out &&
	test_grep "CVSS:3.1/AV:Q/AC:L: AV:Q: value not allowed" err &&
	echo "AV:N/AC:L/Au:N/C:P/I:P" | test_expect_code 65 tplc cvss 2>err &&
	test_grep "A: missing" err
'

test_done

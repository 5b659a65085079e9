#!/bin/sh
# tplc rubric: the medical-device CVSS rubric's questions and scores.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

# A wireless insulin pump within 10 feet, no authorization model, its
# therapy modifiable and deniable, nothing readable (hand-derived).
PUMP='XAVN=yes XAVT=no XAVW=yes XAVR=yes XACL=yes XPRL=no XUI=no XS=no
XCP=no XCD=no XCT=no XCW=no XCS=no XCO=no
XIP=no XID=no XIT=yes XIW=no XIS=no XIO=no
XAP=no XAD=no XAT=yes XAW=no XAS=no XAO=no'

test_expect_success 'questions lists the 31 questions in order' '
	tplc rubric questions >out &&
	test "$(sed 1d out | wc -l)" = 31 &&
	test_grep "^ID  *METRIC  *CATEGORY  *QUESTION" out &&
	test "$(sed -n "2s/ .*//p" out)" = XAVN &&
	test_grep "^XCPM  *C  *patient data " out &&
	tplc --json rubric questions >out &&
	test "$(json_field "len(d), d[0][\"id\"], d[30][\"id\"], d[21][\"category\"]" <out)" = "31 XAVN XAO therapy"
'

test_expect_success 'a full answer set gives the exact vector and score' '
	tplc rubric score $PUMP >out &&
	test_grep "^CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H$" out &&
	test_grep "^  base  *7.7$" out &&
	test_grep "^  severity  *High$" out &&
	test_grep "^AV  *L  *answers  *XAVR=yes: wireless within about 3 m$" out &&
	test_grep "^I  *H  *answers  *XIT=yes: therapy modifiable$" out &&
	tplc cvss CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H >cvss &&
	test_grep "^  base  *7.7$" cvss
'

test_expect_success 'answers on stdin give the same result' '
	printf "%s\n# a comment\n\n" "$PUMP" | tplc --json rubric score >out &&
	test "$(json_field "d[\"vector\"], d[\"base_score\"], d[\"severity\"], d[\"answered\"]" <out)" = "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H 7.7 High 26" &&
	test "$(json_field "[(m[\"metric\"], m[\"value\"], m[\"source\"], m[\"question\"]) for m in d[\"metrics\"]][6]" <out)" = "('"'"'I'"'"', '"'"'H'"'"', '"'"'answers'"'"', '"'"'XIT'"'"')"
'

test_expect_success 'unknown answers give the worst case' '
	tplc --json rubric score XAVN=unknown XACL=u XPRL=u XUI=u XS=u \
		XCP=u XCD=u XCT=u XCW=u XCS=u XCO=u XIP=u XID=u XIT=u XIW=u \
		XIS=u XIO=u XAP=u XAD=u XAT=u XAW=u XAS=u XAO=u >out &&
	test "$(json_field "d[\"vector\"], d[\"base_score\"], d[\"severity\"]" <out)" = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H 10 Critical" &&
	test "$(json_field "sorted(set(m[\"source\"] for m in d[\"metrics\"]))" <out)" = "['"'"'unknown'"'"']" &&
	tplc rubric score XAVN=yes XAVT=no XAVW=yes XAVR=unknown >out &&
	test_grep "^AV  *A  *unknown  *XAVR unknown: worst case$" out
'

test_expect_success 'unanswered metrics come from --fallback' '
	tplc --json rubric score XAVN=no XAVP=yes \
		--fallback CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N >out &&
	test "$(json_field "d[\"vector\"], d[\"base_score\"]" <out)" = "CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N 2.8" &&
	test "$(json_field "d[\"metrics\"][1][\"reason\"]" <out)" = "no answer: AC:H from the fallback vector" &&
	tplc rubric score XCT=yes --gated \
		--fallback CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N >out &&
	test_grep "^C  *N  *gated  *the fallback vector has C:N" out
'

test_expect_success 'bad answers exit 65 and name the problem' '
	test_expect_code 65 tplc rubric score XZZZ=yes 2>err &&
	test_grep "XZZZ: unknown question" err &&
	test_expect_code 65 tplc rubric score XAVN=maybe 2>err &&
	test_grep "XAVN=maybe: answer must be yes, no or unknown" err &&
	test_expect_code 65 tplc rubric score XAVN 2>err &&
	test_grep "XAVN: expected ID=ANSWER" err &&
	echo "XAVN=yes XACL=sometimes" | test_expect_code 65 tplc rubric score 2>err &&
	test_grep "XACL=sometimes: answer must be" err &&
	test_expect_code 65 tplc rubric score XAVN=yes --fallback "AV:N/AC:L/Au:N/C:P/I:P/A:P" 2>err &&
	test_grep "fallback vector: not CVSS v3" err &&
	test_expect_code 64 tplc rubric frobnicate 2>err &&
	test_grep "not a tplc command" err
'

test_done

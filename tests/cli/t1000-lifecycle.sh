#!/bin/sh
# IMDRF N70's stage rules end to end: milestones set by hand, the day
# before and the day of each, a device's own earlier EOS, SBOM components
# going out of support under each manufacturer decision, a component's
# support set by hand surviving a new SBOM, the two-year notice flag, and
# bad input refused with the store unchanged.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t1000
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# stage TAG [DAY]: "stage since next_stage next_date" of one device
stage() {
	tplc --json lifecycle status --device "$1" ${2:+--as-of "$2"} |
	json_field "\" \".join(str(d[0][k]) for k in (\"stage\", \"since\", \"next_stage\", \"next_date\"))"
}
expect_stage() {
	echo "$3" >want && stage "$1" "$2" >got && test_cmp want got
}

test_expect_success 'set up: a gateway with an SBOM, a pump without' '
	tplc --quiet device import "$F/inventory.csv" &&
	tplc --quiet sbom import "$F/gateway.cdx.json" \
		--product "Acme Medical Telemetry Gateway" --version 3.2
'

test_expect_success 'nothing known: unknown; undecided components: End of Support' '
	expect_stage PUMP-1 "" "unknown None None None" &&
	expect_stage GW-1 "" "eos 2024-05-01 None None" &&
	expect_stage GW-1 2024-04-30 "support None eos 2024-05-01" &&
	tplc lifecycle status --device GW-1 >out &&
	test_grep "request 2.88.0 abandoned as of 2024-05-01; no manufacturer risk decision" out
'

test_expect_success 'acceptable: the abandoned library no longer moves it' '
	tplc --quiet lifecycle decide "Telemetry Gateway" request \
		--decision acceptable --by "Acme PSIRT" &&
	expect_stage GW-1 2026-10-12 "support None eos 2026-10-13" &&
	expect_stage GW-1 2026-10-13 "eos 2026-10-13 None None"
'

test_expect_success 'mitigated: Limited Support from the OS end of support' '
	tplc --quiet lifecycle decide "Telemetry Gateway" \
		"Windows 10 Enterprise LTSB 2016" --decision mitigated \
		--rationale "allow-listing" --by "Acme PSIRT" &&
	expect_stage GW-1 2026-10-13 "limited 2026-10-13 None None" &&
	tplc --quiet lifecycle decide "Telemetry Gateway" \
		"pkg:generic/microsoft/windows-10-ltsb@1607" \
		--decision not-mitigated --by "Acme PSIRT" &&
	expect_stage GW-1 2026-10-13 "eos 2026-10-13 None None" &&
	tplc --quiet lifecycle decide "Telemetry Gateway" "Windows 10 Enterprise LTSB 2016@1607" \
		--decision mitigated --by "Acme PSIRT" &&
	expect_stage GW-1 2026-10-13 "limited 2026-10-13 None None"
'

test_expect_success 'declared dates, the day before and the day of each' '
	tplc --quiet lifecycle set InfuPump --version 2.0 --release 2020-01-01 \
		--eol 2026-12-31 --eos 2028-12-31 --by "Acme PSIRT" &&
	expect_stage PUMP-1 2019-12-31 "development None support 2020-01-01" &&
	expect_stage PUMP-1 2020-01-01 "support 2020-01-01 limited 2026-12-31" &&
	expect_stage PUMP-1 2026-12-30 "support 2020-01-01 limited 2026-12-31" &&
	expect_stage PUMP-1 2026-12-31 "limited 2026-12-31 eos 2028-12-31" &&
	expect_stage PUMP-1 2028-12-30 "limited 2026-12-31 eos 2028-12-31" &&
	expect_stage PUMP-1 2028-12-31 "eos 2028-12-31 None None"
'

test_expect_success 'a device record with an earlier EOS holds for that device' '
	tplc --quiet lifecycle set "Telemetry Gateway" --eol 2027-06-30 \
		--eos 2029-06-30 --by "Acme PSIRT" &&
	expect_stage GW-1 2027-03-31 "limited 2026-10-13 eos 2029-06-30" &&
	expect_stage GW-2 2027-03-30 "limited 2026-10-13 eos 2027-03-31" &&
	expect_stage GW-2 2027-03-31 "eos 2027-03-31 None None" &&
	tplc lifecycle status --device GW-2 --as-of 2027-04-01 >out &&
	test_grep "EOS 2027-03-31 passed (device record)" out
'

test_expect_success 'support set by hand moves the date and survives a new SBOM' '
	tplc --quiet lifecycle component "Telemetry Gateway" \
		"Windows 10 Enterprise LTSB 2016" --eos 2027-01-12 \
		--note "extended security updates" --by "Clinical Engineering" &&
	expect_stage GW-1 2027-01-11 "support None limited 2027-01-12" &&
	tplc --quiet sbom import "$F/gateway.cdx.json" \
		--product "Acme Medical Telemetry Gateway" --version 3.2 &&
	expect_stage GW-1 2027-01-11 "support None limited 2027-01-12"
'

test_expect_success 'the product table flags notices under two years, and passive ones' '
	tplc --quiet lifecycle set InfuPump --version 2.0 --eol 2026-12-31 \
		--announced 2024-12-31 --how pushed --by "Acme PSIRT" &&
	tplc lifecycle status --products --product InfuPump >out &&
	grep "InfuPump 3000  *2.0 .* -  *EOS 2028-12-31 passed\|InfuPump 3000  *2.0 " out >row &&
	! grep short-notice row &&
	tplc --quiet lifecycle set InfuPump --version 2.0 --eol 2026-12-31 \
		--announced 2025-01-01 --by "Acme PSIRT" &&
	tplc lifecycle status --products --product InfuPump >out &&
	test_grep short-notice out &&
	tplc --quiet lifecycle set InfuPump --version 2.0 --eos 2028-12-31 \
		--announced 2025-01-01 --how published --by "Acme PSIRT" &&
	tplc --json lifecycle status --products --product InfuPump >out &&
	json_field "d[0][\"eol_milestone\"][\"short_notice\"], d[0][\"eos_milestone\"][\"how\"], d[0][\"eos_milestone\"][\"short_notice\"]" <out >got &&
	echo "True published False" >want &&
	test_cmp want got &&
	tplc lifecycle status --products --product InfuPump >out &&
	test_grep "short-notice,passive" out
'

test_expect_success 'the fleet totals by stage' '
	tplc lifecycle status --as-of 2027-04-01 >out &&
	test_grep "^devices: 2 Limited Support, 1 End of Support$" out
'

test_expect_success 'bad input is refused and changes nothing' '
	sqlite3 "$TPLC_DB" .dump >before &&
	test_expect_code 64 tplc lifecycle set InfuPump --eol 2030-01-01 --by x 2>err &&
	test_grep "EOL 2030-01-01 comes after EOS 2028-12-31" err &&
	test_expect_code 64 tplc lifecycle set InfuPump --eos 2026-02-30 --by x 2>err &&
	test_grep "2026-02-30. is not a date" err &&
	test_expect_code 64 tplc lifecycle set InfuPump --eos 2029-01-01 2>err &&
	test_grep "by NAME" err &&
	test_expect_code 66 tplc lifecycle set "No Such Thing" --eos 2029-01-01 --by x &&
	test_expect_code 66 tplc lifecycle decide "Telemetry Gateway" openssl \
		--decision mitigated --by x 2>err &&
	test_grep "no component .openssl. in the SBOM" err &&
	test_expect_code 64 tplc lifecycle decide "Telemetry Gateway" request \
		--decision maybe --by x &&
	test_expect_code 64 tplc lifecycle component "Telemetry Gateway" request \
		--level sometimes --by x &&
	test_expect_code 64 tplc lifecycle status --stage retired &&
	test_expect_code 66 tplc lifecycle status --device NOPE &&
	sqlite3 "$TPLC_DB" .dump >after &&
	test_cmp before after
'

test_done

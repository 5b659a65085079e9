#!/bin/sh
# tplc lifecycle timeline: each product version's stages over the years.
# The fleet of t0400 (two InfuPump 3000 versions, an Imaging
# Workstation); milestones set by hand.  Judged on 2026-11-25 (TPLC_NOW):
# 1.2.0 went to Limited Support on 2026-01-01 and reaches End of Support
# on 2027-06-30; with one column a month from January 2026, November
# (the '|') is column 11 of the bar and June 2027 column 18.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
# the bar of the first version: line 5 of the chart
bar_of() {
	sed -n "${2:-5}p" "$1" | cut -c3-26
}

test_expect_success 'set up the fleet and the milestones' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc --quiet lifecycle set InfuPump --version 1.2.0 \
		--release 2020-03-15 --eol 2026-01-01 --eos 2027-06-30 \
		--announced 2024-06-01 --how published --by "Ann Lee" &&
	tplc --quiet lifecycle set InfuPump --version 1.3.0 \
		--release 2024-02-01 --eol 2029-01-01 --eos 2031-01-01 \
		--announced 2026-01-01 --how pushed --by "Ann Lee" &&
	tplc --quiet lifecycle set Workstation --release 2019-05-01 \
		--eos 2026-06-30 --by "Bob Roe" &&
	tplc --quiet lifecycle set InfuPump --version 2.0.0 \
		--release 2027-09-01 --by "Ann Lee"
'

test_expect_success 'text: one column a month, stages where the dates fall' '
	tplc lifecycle timeline --product InfuPump --from 2026 --to 2027 >out &&
	cat >want <<-\EOF &&
	Lifecycle 2026-2027 as of 2026-11-25, one column = 1 month
	  2026        2027
	  +-----------+-----------
	Acme Medical InfuPump 3000 1.2.0 (2 devices)
	  ~~~~~~~~~~|~~~~~~#######  Limited Support since 2026-01-01; EOS 2027-06-30 in 7 months
	  ! EOL 2026-01-01 announced 2024-06-01, less than 2 years ahead, published only (not pushed to customers)
	  ! EOS 2027-06-30 announced 2024-06-01, published only (not pushed to customers)
	Acme Medical InfuPump 3000 1.3.0 (1 device)
	  ==========|=============  Support since 2024-02-01; EOL 2029-01-01 in 2 years
	  . Development  = Support  ~ Limited Support  # End of Support  | as of 2026-11-25
	EOF
	test_cmp want out
'

test_expect_success 'moving TPLC_NOW moves the | (March 2027: column 15)' '
	TPLC_NOW=2027-03-10 tplc lifecycle timeline --product InfuPump \
		--from 2026 --to 2027 >out &&
	bar_of out >got &&
	echo "~~~~~~~~~~~~~~|~~#######" >want &&
	test_cmp want got &&
	test_grep "EOS 2027-06-30 in 3 months" out &&
	tplc lifecycle timeline --product InfuPump --from 2026 --to 2027 \
		--as-of 2026-02-14 >out &&
	bar_of out >got &&
	echo "~|~~~~~~~~~~~~~~~#######" >want &&
	test_cmp want got
'

test_expect_success 'the range follows the dates; --width sets the scale' '
	tplc lifecycle timeline >out &&
	test_grep "^Lifecycle 2019-2031 as of 2026-11-25, one column = 2 months" out &&
	tplc lifecycle timeline --width 41 >out &&
	test_grep "one column = 4 months" out &&
	test_grep "^  2019  2021  2023  2025  2027  2029  2031$" out
'

test_expect_success '--product filters; versions with no device only with --all' '
	tplc lifecycle timeline --product Workstation >out &&
	test_grep "Acme Medical Imaging Workstation 10.2 (1 device)" out &&
	test_grep "End of Support since 2026-06-30" out &&
	! grep InfuPump out &&
	tplc lifecycle timeline --product InfuPump >out &&
	! grep "2.0.0" out &&
	tplc lifecycle timeline --product InfuPump --all --from 2026 \
		--to 2027 >out &&
	test_grep "InfuPump 3000 2.0.0 (0 devices)" out &&
	test_grep "^  \.\.\.\.\.\.\.\.\.\.|\.\.\.\.\.\.\.\.\.====  Development; release 2027-09-01 in 9 months$" out
'

test_expect_success 'no colour when stdout is not a terminal' '
	tplc lifecycle timeline >out &&
	! grep "$(printf "\033")" out
'

test_expect_success '--svg writes a picture xmllint accepts, rects per span' '
	tplc --quiet lifecycle timeline --product InfuPump --from 2020 \
		--to 2031 --svg pic.svg >/dev/null &&
	xmllint --noout pic.svg &&
	python3 - pic.svg >got <<-\EOF &&
	import sys, xml.etree.ElementTree as ET
	ns = {"s": "http://www.w3.org/2000/svg"}
	root = ET.parse(sys.argv[1]).getroot()
	for g in root.findall("s:g[@class=\"version\"]", ns):
	    label = g.find("s:text", ns).text
	    spans = [r.get("class").split()[1] + "@" + r.get("x")
	             for r in g.findall("s:rect", ns)]
	    print(label, " ".join(spans))
	for g in root.findall(".//s:g[@class]", ns):
	    if g.get("class").startswith("milestone"):
	        print(g.get("class"), "|", g.find("s:title", ns).text)
	print(root.find("s:g[@class=\"today\"]/s:text", ns).text)
	EOF
	cat >want <<-\EOF &&
	Acme Medical InfuPump 3000 1.2.0 (2 devices) development@20.00 support@36.21 limited@500.11 eos@619.48
	Acme Medical InfuPump 3000 1.3.0 (1 device) development@20.00 support@346.79 limited@740.16 eos@900.05
	milestone EOL notice-flag | EOL 2026-01-01; announced 2024-06-01 (published); short notice: less than 2 years ahead; published only, not pushed to customers
	milestone EOS notice-flag | EOS 2027-06-30; announced 2024-06-01 (published); published only, not pushed to customers
	milestone EOL | EOL 2029-01-01; announced 2026-01-01 (pushed)
	milestone EOS | EOS 2031-01-01; announced 2026-01-01 (pushed)
	as of 2026-11-25
	EOF
	test_cmp want got
'

test_expect_success '--json gives the spans per version' '
	tplc --json lifecycle timeline --product InfuPump --version 1.2.0 >out &&
	python3 -c "import json, sys
d = json.load(sys.stdin)
print(d[\"from_year\"], d[\"to_year\"], len(d[\"versions\"]))
for s in d[\"versions\"][0][\"spans\"]:
    print(s[\"stage\"], s[\"from\"], s[\"to\"])
e = d[\"versions\"][0][\"eol\"]
print(e[\"short_notice\"], e[\"published_only\"])" <out >got &&
	cat >want <<-\EOF &&
	2020 2027 1
	development None 2020-03-15
	support 2020-03-15 2026-01-01
	limited 2026-01-01 2027-06-30
	eos 2027-06-30 None
	True True
	EOF
	test_cmp want got
'

test_expect_success 'bad options are refused' '
	test_expect_code 64 tplc lifecycle timeline --from 2030 --to 2020 2>err &&
	test_grep "from 2030 is after to 2020" err &&
	test_expect_code 64 tplc lifecycle timeline --width 5 &&
	test_expect_code 64 tplc lifecycle timeline --from 99 &&
	test_expect_code 64 tplc lifecycle timeline --as-of 2026-02-30 &&
	test_expect_code 74 tplc lifecycle timeline --svg no/such/dir/x.svg
'

test_done

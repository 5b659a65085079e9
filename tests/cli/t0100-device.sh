#!/bin/sh
# tplc device import|list|show on a CMMS export.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

printf '\357\273\277' >inv.csv
cat >>inv.csv <<'CSV'
Asset Tag,Manufacturer,Model,Software Version,Serial Number,MAC Address,IP Address,Site,Location,Department,Clinical Function,Install Date,End of Support,PM Due
PUMP-001,B. Braun,Infusomat Space,686E,SN1,00-1A-2B-3C-4D-5E,10.1.2.3,Main,"ICU, Bed 4",ICU,therapy,2019-05-01,2027-12-31,2026-12-01
PUMP-002,B. Braun,Infusomat Space,687F,SN2,001a.2b3c.4d5f,10.1.2.4,Main,ICU Bed 5,ICU,therapy,2020-01-15,,
MON-001,Philips,IntelliVue MX800,M.00.03,SN3,00:1a:2b:3c:4d:60,10.1.3.1,Main,"Ward 3
Bed 1",Cardiology,monitoring,2018-03-01,,
CSV

test_expect_success 'import a CMMS export with a BOM and quoted newlines' '
	tplc device import inv.csv >out 2>err &&
	test_grep "3 devices (3 new, 0 updated)" out &&
	test_grep "columns not used: PM Due" err
'

test_expect_success 'list shows every device' '
	tplc device list >out &&
	test_grep "PUMP-001" out && test_grep "MON-001" out &&
	test "$(tplc --json device list | json_field "len(d)")" = 3
'

test_expect_success 'fields are normalised and kept' '
	tplc --json device show PUMP-002 >out &&
	test "$(json_field "d[\"device\"][\"mac\"]" <out)" = 00:1a:2b:3c:4d:5f &&
	test "$(json_field "d[\"device\"][\"location\"]" <out)" = "ICU Bed 5" &&
	tplc --json device show MON-001 >out &&
	json_field "d[\"device\"][\"location\"]" <out >loc &&
	printf "Ward 3\nBed 1\n" >expect && test_cmp expect loc
'

test_expect_success 'filters by site and product' '
	test "$(tplc --json device list --product braun | json_field "len(d)")" = 2 &&
	test "$(tplc --json device list --site Main | json_field "len(d)")" = 3 &&
	test "$(tplc --json device list --site Nowhere | json_field "len(d)")" = 0 &&
	test "$(tplc --json device list --limit 1 | json_field "len(d)")" = 1
'

test_expect_success 're-import updates, not duplicates' '
	sed "s/686E/700A/" inv.csv >inv2.csv &&
	tplc --quiet device import inv2.csv >out &&
	test_grep "3 devices (0 new, 3 updated)" out &&
	test "$(tplc --json device list | json_field "len(d)")" = 3 &&
	tplc --json device show PUMP-001 | json_field "d[\"device\"][\"version\"]" >v &&
	echo 700A >expect && test_cmp expect v
'

test_expect_success 'an unknown device is exit 66' '
	test_expect_code 66 tplc device show NOPE 2>err &&
	test_grep "no device with asset tag" err &&
	test_expect_code 66 tplc --json device show NOPE >out 2>/dev/null &&
	test ! -s out
'

test_expect_success 'the demo inventory imports' '
	tplc --db demo.db device import "$SRC/data/demo/inventory.csv" >out &&
	test_grep "devices (" out
'

test_done

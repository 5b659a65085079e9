#!/bin/sh
# Signed EOL/EOS notices (IMDRF N70).  The manufacturer (mdm.db) makes a
# key and issues five notices on 2026-11-25 (TPLC_NOW): 14 and 25 months
# ahead, exactly two years ahead (the boundary: enough), a day short of
# it (short), and one only published (passive).  The hospital
# (hospital.db) trusts the key and imports them; untrusted and altered
# notices are refused with exit 65 and leave its store as it was.
# signify-openbsd is the oracle for the key files.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

P="InfuPump 3000"
M="Acme Medical"
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
mdm() {
	TPLC_DB=mdm.db tplc "$@"
}
hosp() {
	TPLC_DB=hospital.db tplc "$@"
}
# issue NAME VERSION EOL EOS DELIVERY
issue() {
	mdm --quiet lifecycle notice --manufacturer "$M" --product "$P" \
		--version "$2" --eol "$3" --eos "$4" --delivery "$5" \
		--os "Windows 10 IoT" --component "openssl@1.1.1:2023-09-11" \
		--maintenance "critical security patches" --until "$4" \
		--controls firewall,segmentation,backup \
		--replacement "InfuPump 4000" --contact psirt@acme.example \
		--sign acme.sec --out "$1.json" >/dev/null
}

test_expect_success 'key generate: NAME.sec 0600 and NAME.pub, secret never printed' '
	tplc key generate acme >out &&
	test "$(stat -c %a acme.sec)" = 600 &&
	test -f acme.pub &&
	sed -n 2p acme.sec >secret &&
	! grep -F -f secret out &&
	test_grep "^key [0-9a-f]\{16\}: acme.sec" out
'

test_expect_success 'key generate refuses to overwrite' '
	cp acme.sec before &&
	test_expect_code 65 tplc key generate acme 2>err &&
	test_grep "not overwriting" err &&
	cmp before acme.sec
'

if command -v signify-openbsd >/dev/null 2>&1; then
test_expect_success 'signify signs with the tplc key and verifies with its .pub' '
	echo "hello" >msg &&
	signify-openbsd -S -s acme.sec -m msg &&
	signify-openbsd -V -p acme.pub -m msg
'
test_expect_success 'a signify key is trusted by tplc with the same key id' '
	signify-openbsd -G -n -p sig.pub -s sig.sec -c "vendor" &&
	hosp key trust sig.pub --manufacturer "Other Vendor" --by Bob &&
	hosp --json key list >keys &&
	json_field "d[0][\"comment\"]" <keys >got &&
	echo "vendor public key" >want &&
	test_cmp want got &&
	hosp key forget "$(json_field "d[0][\"key_id\"]" <keys)" &&
	hosp --json key list >keys &&
	test "$(cat keys)" = "[]"
'
else
	echo "ok 3 # skip signify-openbsd not installed"
	echo "ok 4 # skip signify-openbsd not installed"
	test_count=$((test_count + 2))
fi

test_expect_success 'the manufacturer issues five notices' '
	issue n14 1.0 2028-01-25 2028-06-30 pushed &&
	issue n25 1.1 2028-12-25 2029-06-30 pushed &&
	issue n24 1.2 2028-11-25 2029-06-30 pushed &&
	issue n24short 1.3 2028-11-24 2029-06-30 pushed &&
	issue npub 1.4 2029-06-30 2030-06-30 published &&
	mdm --json lifecycle notices >list &&
	json_field "\" \".join(r[\"versions\"] + \"/\" + str(r[\"lead_days\"]) + \"/\" + str(r[\"flagged\"]) for r in d)" <list >got &&
	echo "1.0/426/True 1.3/730/True 1.2/731/False 1.1/761/False 1.4/948/True" >want &&
	test_cmp want got
'

test_expect_success 'flags: short under two years, passive when only published' '
	mdm --json lifecycle notices --flagged >list &&
	json_field "\" \".join(r[\"versions\"] + \":\" + \",\".join(k for k in (\"short_eol\", \"short_eos\", \"passive\") if r[k]) for r in d)" <list >got &&
	echo "1.0:short_eol,short_eos 1.3:short_eol 1.4:passive" >want &&
	test_cmp want got &&
	mdm lifecycle notices --flagged >table &&
	test_grep "short-eol short-eos" table &&
	test_grep "published.*passive" table
'

test_expect_success 'issuing sets the manufacturer'"'"'s own milestones' '
	sqlite3 mdm.db "SELECT v.version, m.milestone, m.date, m.announced_at, m.announced_how FROM lifecycle_milestones m JOIN product_versions v ON v.id = m.product_version_id WHERE v.version = '"'"'1.4'"'"' ORDER BY 2" >got &&
	printf "1.4|eol|2029-06-30|2026-11-25|published\n1.4|eos|2030-06-30|2026-11-25|published\n" >want &&
	test_cmp want got
'

test_expect_success 'the envelope is DSSE with the notice type and the key id' '
	json_field "d[\"payloadType\"] + \" \" + d[\"signatures\"][0][\"keyid\"]" <n14.json >got &&
	echo "application/vnd.tplc.lifecycle-notice+json $(sed -n "s/^key \([0-9a-f]*\):.*/\1/p" out)" >want &&
	test_cmp want got
'

test_expect_success 'an untrusted notice is refused, the store unchanged' '
	hosp init >/dev/null 2>&1 || true &&
	db_dump hospital.db >before &&
	test_expect_code 65 hosp lifecycle import n14.json 2>err &&
	test_grep "not by a key trusted for \"Acme Medical\"" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'the hospital trusts the key and imports all five' '
	hosp key trust acme.pub --manufacturer "acme medical" --by "Bob Ray" &&
	hosp lifecycle import n14.json n25.json n24.json n24short.json \
		npub.json 2>err &&
	test "$(grep -c "imported (signed by" err)" = 5 &&
	hosp --json lifecycle notices --flagged >list &&
	json_field "\" \".join(r[\"versions\"] + \"/\" + r[\"direction\"] for r in d)" <list >got &&
	echo "1.0/imported 1.3/imported 1.4/imported" >want &&
	test_cmp want got
'

test_expect_success 'the imported notices set the milestones, announced as delivered' '
	sqlite3 hospital.db "SELECT v.version, m.milestone, m.date, m.announced_at, m.announced_how, m.notice_id IS NOT NULL FROM lifecycle_milestones m JOIN product_versions v ON v.id = m.product_version_id ORDER BY 1, 2" >got &&
	cat >want <<-\EOF &&
	1.0|eol|2028-01-25|2026-11-25|pushed|1
	1.0|eos|2028-06-30|2026-11-25|pushed|1
	1.1|eol|2028-12-25|2026-11-25|pushed|1
	1.1|eos|2029-06-30|2026-11-25|pushed|1
	1.2|eol|2028-11-25|2026-11-25|pushed|1
	1.2|eos|2029-06-30|2026-11-25|pushed|1
	1.3|eol|2028-11-24|2026-11-25|pushed|1
	1.3|eos|2029-06-30|2026-11-25|pushed|1
	1.4|eol|2029-06-30|2026-11-25|published|1
	1.4|eos|2030-06-30|2026-11-25|published|1
	EOF
	test_cmp want got
'

test_expect_success 'lifecycle status shows the imported milestones and their notice' '
	hosp --json lifecycle status --products --all >status &&
	json_field "\" \".join(r[\"version\"] + \"/\" + r[\"next_stage\"] + \"@\" + r[\"next_date\"] + \"/\" + str(r[\"eol_milestone\"][\"short_notice\"]) for r in d)" <status >got &&
	echo "1.0/limited@2028-01-25/True 1.1/limited@2028-12-25/False 1.2/limited@2028-11-25/False 1.3/limited@2028-11-24/True 1.4/limited@2029-06-30/False" >want &&
	test_cmp want got &&
	json_field "d[0][\"eol_milestone\"][\"notice\"]" <status >got &&
	hosp --json lifecycle notices >list &&
	json_field "[r[\"notice\"] for r in d if r[\"versions\"] == \"1.0\"][0]" <list >want &&
	test_cmp want got
'

test_expect_success 're-importing the same notice changes nothing' '
	db_dump hospital.db >before &&
	hosp lifecycle import n14.json 2>err &&
	test_grep "already imported" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'a tampered notice (EOL moved) is refused, the store unchanged' '
	python3 -c "
import base64, json, sys
d = json.load(open(\"n25.json\"))
n = json.loads(base64.b64decode(d[\"payload\"]))
n[\"eol\"] = \"2029-01-25\"
d[\"payload\"] = base64.b64encode(json.dumps(n).encode()).decode()
json.dump(d, open(\"tampered.json\", \"w\"))
" &&
	db_dump hospital.db >before &&
	test_expect_code 65 hosp lifecycle import tampered.json 2>err &&
	test_grep "does not verify" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'a notice signed by another key of no standing is refused' '
	tplc key generate rogue >/dev/null &&
	mdm --quiet lifecycle notice --manufacturer "$M" --product "$P" \
		--version 2.0 --eos 2030-01-01 --delivery pushed \
		--sign rogue.sec --out rogue.json >/dev/null &&
	db_dump hospital.db >before &&
	test_expect_code 65 hosp lifecycle import n14.json rogue.json 2>err &&
	test_grep "rogue.json: refused: signed by" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'a malformed envelope names the JSON path' '
	echo "{\"payloadType\":\"x\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"@@\"}]}" >bad.json &&
	test_expect_code 65 hosp lifecycle import bad.json 2>err &&
	test_grep "bad.json:1:[0-9]*: signatures\[0\]\.sig: bad base64" err
'

test_expect_success 'a bad --controls name is a usage error' '
	test_expect_code 64 mdm lifecycle notice --manufacturer "$M" \
		--product "$P" --version 3.0 --eos 2030-01-01 \
		--delivery pushed --controls firewall,prayer \
		--sign acme.sec --out x.json 2>err &&
	test_grep "prayer" err &&
	! test -f x.json
'

test_done

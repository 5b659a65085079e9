#!/bin/sh
# The audit trail: imports, notices, keys and decisions each append one
# hash-chained entry inside their own transaction.  `audit verify` must
# catch every way of tampering with the SQLite file directly: an edited,
# removed, inserted or reordered entry, entries cut off the end, and (with
# an anchor kept elsewhere) a log rewritten up to a point it had passed.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

F=$SRC/tests/cli/t0400
export TPLC_ACTOR=alice
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
fresh() {
	rm -f "$1" && cp tplc.db "$1"
}

test_expect_success 'changes append entries, with the actor' '
	tplc --quiet device import "$F/inventory.csv" >/dev/null &&
	tplc sbom import "$F/pump-1.2.0.cdx.json" \
		--product "Acme Medical InfuPump 3000" --version 1.2.0 >/dev/null &&
	tplc feed import osv "$F/log4shell.osv.json" "$F/lodash.osv.json" >/dev/null &&
	tplc device set PUMP-1 --exposure segmented >/dev/null &&
	tplc lifecycle set "InfuPump 3000" --version 1.2.0 --eol 2027-06-30 \
		--by bob >/dev/null &&
	tplc audit list >out &&
	awk "NR > 1 { print \$3, \$4 }" out >got &&
	cat >want <<-EOF &&
	alice import.inventory
	alice import.sbom
	alice import.advisories
	alice import.advisories
	alice device.set
	bob lifecycle.milestones
	EOF
	test_cmp want got &&
	test_grep "Acme Medical InfuPump 3000 1.2.0" out
'

test_expect_success 'verify: an untouched chain holds' '
	tplc audit verify >out &&
	test_grep "audit trail intact: 6 entries" out &&
	tplc --json audit verify | json_field "d[\"ok\"], d[\"entries\"]" >got &&
	echo "True 6" >want && test_cmp want got
'

test_expect_success 'each hash is SHA-256 of the documented encoding' '
	python3 -c "
import hashlib, sqlite3
def field(v):
    if v is None:
        return b\"N,\"
    b = str(v).encode()
    return b\"S%d:\" % len(b) + b + b\",\"
db = sqlite3.connect(\"tplc.db\")
prev = \"0\" * 64
for row in db.execute(\"SELECT seq, at, actor, action, subject, detail, prev, hash FROM audit_log ORDER BY seq\"):
    h = hashlib.sha256(b\"\".join(field(v) for v in (\"tplc-audit-1\",) + row[:6] + (prev,))).hexdigest()
    assert row[6] == prev and row[7] == h, row
    prev = h
print(\"ok\")
" >got &&
	echo ok >want && test_cmp want got
'

test_expect_success 'a failed import appends nothing' '
	printf "Asset Tag,Manufacturer\nX-1\n" >bad.csv &&
	test_expect_code 65 tplc device import bad.csv 2>err &&
	test "$(sqlite3 tplc.db "SELECT count(*) FROM audit_log")" = 6
'

test_expect_success 'an edited entry is caught, at that entry' '
	fresh t.db &&
	sqlite3 t.db "UPDATE audit_log SET actor = '"'"'mallory'"'"' WHERE seq = 3" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 3: entry 3 was changed" out &&
	fresh t.db &&
	sqlite3 t.db "UPDATE audit_log SET detail = replace(detail, '"'"'segmented'"'"', '"'"'isolated'"'"') WHERE seq = 5" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 5" out
'

test_expect_success 'a removed entry is caught' '
	fresh t.db &&
	sqlite3 t.db "DELETE FROM audit_log WHERE seq = 2" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 2: entry 2 is missing" out &&
	fresh t.db &&
	sqlite3 t.db "DELETE FROM audit_log WHERE seq = 2;
		UPDATE audit_log SET seq = seq - 1 WHERE seq > 2" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 2: entry 2 does not follow" out
'

test_expect_success 'reordered entries are caught' '
	fresh t.db &&
	sqlite3 t.db "UPDATE audit_log SET seq = 100 WHERE seq = 3;
		UPDATE audit_log SET seq = 3 WHERE seq = 4;
		UPDATE audit_log SET seq = 4 WHERE seq = 100" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 3" out
'

test_expect_success 'an inserted entry is caught' '
	fresh t.db &&
	sqlite3 t.db "UPDATE audit_log SET seq = -seq WHERE seq >= 4;
		UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;
		INSERT INTO audit_log SELECT 4, at, actor, action, subject,
		detail, prev, hash FROM audit_log WHERE seq = 3" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 4" out
'

test_expect_success 'entries cut off the end are caught by the head' '
	fresh t.db &&
	sqlite3 t.db "DELETE FROM audit_log WHERE seq = 6" &&
	test_expect_code 1 tplc --db t.db audit verify >out &&
	test_grep "BROKEN at entry 6: the log ends at entry 5" out
'

test_expect_success 'a rewritten head is caught by an anchor kept elsewhere' '
	tplc audit head >anchor &&
	grep -q "^6:[0-9a-f]\{64\}$" anchor &&
	fresh t.db &&
	sqlite3 t.db "DELETE FROM audit_log WHERE seq = 6;
		UPDATE audit_head SET seq = 5,
		hash = (SELECT hash FROM audit_log WHERE seq = 5)" &&
	tplc --db t.db audit verify >out &&
	test_grep "intact: 5 entries" out &&
	test_expect_code 1 tplc --db t.db audit verify --anchor "$(cat anchor)" >out &&
	test_grep "entry 6, which the anchor names, is gone" out &&
	tplc audit verify --anchor "$(cat anchor)" >out &&
	test_grep "intact: 6 entries" out &&
	test_expect_code 64 tplc audit verify --anchor 6:xyz 2>err &&
	test_grep "not SEQ:HASH" err
'

test_expect_success 'export: JSON lines whose hashes chain' '
	tplc audit export >log.jsonl &&
	test "$(wc -l <log.jsonl)" = 6 &&
	python3 -c "
import json, sys
prev = \"0\" * 64
for n, line in enumerate(open(\"log.jsonl\"), 1):
    e = json.loads(line)
    assert e[\"seq\"] == n, e
    assert e[\"prev\"] == prev, (n, e[\"prev\"], prev)
    prev = e[\"hash\"]
print(json.loads(line)[\"detail\"][\"eol\"])
" >got &&
	echo 2027-06-30 >want && test_cmp want got &&
	tplc audit export --action lifecycle >one &&
	test "$(wc -l <one)" = 1 &&
	tplc audit list --from 5 --limit 1 >out &&
	test "$(wc -l <out)" = 2 && test_grep device.set out
'

test_done

#!/bin/sh
# Signed documentation transfer.  The manufacturer (mdm.db) packs an
# SBOM, a CSV MDS2 and a text file for InfuPump 3000 1.2.0 into a bundle
# signed with its key; the hospital (hospital.db) verifies it against the
# key it trusts for "Acme Medical", receives it in one transaction
# (importing the SBOM and the MDS2) and signs a receipt the manufacturer
# verifies once.  Altered, extra, unlisted, wrongly signed or replayed
# pieces are refused with exit 65 and name what is wrong.  python3's
# tarfile is the second reader of the bundle and rebuilds tampered ones.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

FIX="$TPLC_SOURCE_ROOT/tests/cli"
mdm() {
	TPLC_DB=mdm.db tplc "$@"
}
hosp() {
	TPLC_DB=hospital.db tplc "$@"
}
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# retar IN OUT PYTHON: copy a tar entry by entry; PYTHON may change
# "data" (bytes) of entry "name", or append entries to "extra".
retar() {
	python3 - "$1" "$2" "$3" <<'EOF'
import io, sys, tarfile
src, dst, code = sys.argv[1:4]
extra = []
with tarfile.open(src) as tin, tarfile.open(dst, "w", format=tarfile.PAX_FORMAT) as tout:
    for m in tin.getmembers():
        name, data = m.name, tin.extractfile(m).read()
        exec(code)
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tout.addfile(info, io.BytesIO(data))
    for name, data in extra:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tout.addfile(info, io.BytesIO(data))
EOF
}
# pack OUT KEY MANUFACTURER FILES...
pack() {
	out=$1 key=$2 maker=$3
	shift 3
	mdm --quiet docs pack "$@" --manufacturer "$maker" \
		--product "InfuPump 3000" --version 1.2.0 --key "$key" \
		--out "$out" --by Mia
}

test_expect_success 'keys: manufacturer, hospital and a rogue, 0600' '
	tplc key generate acme >/dev/null &&
	tplc key generate hdo >/dev/null &&
	tplc key generate rogue >rogue.out &&
	test "$(stat -c %a acme.sec)" = 600 &&
	cp "$FIX/t0400/pump-1.2.0.cdx.json" sbom.cdx.json &&
	printf "ID,answer,note\nDOC-1,Acme Medical,\nDOC-2,InfuPump 3000,\nDOC-3,1.2.0,\nCSUP-2.1,Yes,\n" >mds2.csv &&
	echo "penetration test summary: no findings" >summary.txt
'

test_expect_success 'a secret key readable by others is refused' '
	cp acme.sec loose.sec &&
	chmod 644 loose.sec &&
	test_expect_code 64 pack b0.tar loose.sec "Acme Medical" summary.txt 2>err &&
	test_grep "chmod 600 loose.sec" err &&
	test ! -e b0.tar
'

test_expect_success 'pack: manifest first, kinds told by content and --kind' '
	pack bundle.tar acme.sec "Acme Medical" sbom.cdx.json mds2.csv \
		summary.txt --kind summary.txt=test-report &&
	python3 -c "import tarfile; print(\" \".join(tarfile.open(\"bundle.tar\").getnames()))" >got &&
	echo "manifest.dsse.json files/sbom.cdx.json files/mds2.csv files/summary.txt" >want &&
	test_cmp want got &&
	mdm --json docs list >list &&
	json_field "d[0][\"direction\"] + \" \" + str(d[0][\"files\"])" <list >got &&
	echo "issued 3" >want &&
	test_cmp want got &&
	sqlite3 mdm.db "SELECT name || \" \" || kind || \" \" || size FROM doc_files ORDER BY name" >got &&
	printf "mds2.csv mds2 %s\nsbom.cdx.json sbom %s\nsummary.txt test-report %s\n" \
		"$(wc -c <mds2.csv)" "$(wc -c <sbom.cdx.json)" "$(wc -c <summary.txt)" >want &&
	test_cmp want got &&
	sqlite3 mdm.db "SELECT action FROM audit_log" >got &&
	test_grep -x "docs.pack" got
'

test_expect_success 'the manifest lists each file'"'"'s SHA-256 (python oracle)' '
	python3 - <<-EOF >got &&
	import base64, hashlib, json, tarfile
	t = tarfile.open("bundle.tar")
	env = json.loads(t.extractfile("manifest.dsse.json").read())
	m = json.loads(base64.b64decode(env["payload"]))
	print(env["payloadType"], m["type"], m["version"], m["manufacturer"], m["product"], m["product_version"])
	for f in m["files"]:
	    data = t.extractfile("files/" + f["name"]).read()
	    print(f["name"], f["sha256"] == hashlib.sha256(data).hexdigest(), f["size"] == len(data))
	EOF
	cat >want <<-EOF &&
	application/vnd.tplc.docs-manifest+json tplc-docs-manifest 1 Acme Medical InfuPump 3000 1.2.0
	sbom.cdx.json True True
	mds2.csv True True
	summary.txt True True
	EOF
	test_cmp want got
'

test_expect_success 'verify refuses a bundle from an untrusted manufacturer' '
	test_expect_code 65 hosp docs verify bundle.tar 2>err &&
	test_grep "signed by [0-9a-f]\{16\}, not by a key trusted for \"Acme Medical\"" err
'

test_expect_success 'the hospital trusts the key; verify passes' '
	hosp device import "$FIX/t0400/inventory.csv" >/dev/null 2>&1 &&
	hosp key trust acme.pub --manufacturer "Acme Medical" --by Bob 2>/dev/null &&
	hosp docs verify bundle.tar >out &&
	id=$(python3 -c "import hashlib, tarfile; print(hashlib.sha256(tarfile.open(\"bundle.tar\").extractfile(\"manifest.dsse.json\").read()).hexdigest())") &&
	test_grep "^verified: bundle $id, Acme Medical InfuPump 3000 1.2.0, 3 files" out &&
	test "$(grep -c "^files/" out)" = 3
'

test_expect_success 'a byte changed inside the tar: 65 naming the file' '
	retar bundle.tar altered.tar "data = data.replace(b\"4.17.20\", b\"4.17.21\") if name == \"files/sbom.cdx.json\" else data" &&
	! cmp -s bundle.tar altered.tar &&
	test_expect_code 65 hosp docs verify altered.tar 2>err &&
	test_grep "files/sbom.cdx.json: SHA-256 differs from the manifest" err
'

test_expect_success 'an entry the manifest does not list: 65' '
	retar bundle.tar extra.tar "extra[:] = [(\"files/run.sh\", b\"rm -rf /\")]" &&
	test_expect_code 65 hosp docs verify extra.tar 2>err &&
	test_grep "files/run.sh: not listed in the manifest" err
'

test_expect_success 'a link or a folder in the bundle: 65' '
	python3 - <<-EOF &&
	import io, tarfile
	with tarfile.open("bundle.tar") as t, tarfile.open("link.tar", "w") as o:
	    for m in t.getmembers():
	        o.addfile(m, io.BytesIO(t.extractfile(m).read()))
	    link = tarfile.TarInfo("files/passwd")
	    link.type = tarfile.SYMTYPE
	    link.linkname = "/etc/passwd"
	    o.addfile(link)
	EOF
	test_expect_code 65 hosp docs verify link.tar 2>err &&
	test_grep "files/passwd: not a regular file" err
'

test_expect_success 'a file left out, or a path outside files/: 65' '
	python3 - <<-EOF &&
	import io, tarfile
	with tarfile.open("bundle.tar") as t, tarfile.open("short.tar", "w") as o, tarfile.open("escape.tar", "w") as e:
	    for m in t.getmembers():
	        data = t.extractfile(m).read()
	        if m.name != "files/mds2.csv":
	            o.addfile(m, io.BytesIO(data))
	        if m.name == "files/mds2.csv":
	            m.name = "../mds2.csv"
	        e.addfile(m, io.BytesIO(data))
	EOF
	test_expect_code 65 hosp docs verify short.tar 2>err &&
	test_grep "files/mds2.csv: listed in the manifest but not in the bundle" err &&
	test_expect_code 65 hosp docs verify escape.tar 2>err &&
	test_grep "\.\./mds2.csv: not under files/" err
'

test_expect_success 'signed by another key, or for another manufacturer: 65' '
	pack rogue.tar rogue.sec "Acme Medical" summary.txt &&
	test_expect_code 65 hosp docs verify rogue.tar 2>err &&
	test_grep "signed by $(sed -n "s/^key \([0-9a-f]*\):.*/\1/p" rogue.out), not by a key trusted for \"Acme Medical\"" err &&
	pack other.tar acme.sec "Other Corp" summary.txt &&
	test_expect_code 65 hosp docs verify other.tar 2>err &&
	test_grep "not by a key trusted for \"Other Corp\"" err
'

test_expect_success 'docs missing before: the expected kinds not received' '
	hosp --json docs missing --expect sbom,mds2 >list &&
	json_field "\"\\n\".join(r[\"model\"] + \" \" + r[\"version\"] + \" \" + \",\".join(r[\"missing\"]) for r in d)" <list >got &&
	cat >want <<-EOF &&
	Imaging Workstation 10.2 sbom,mds2
	Imaging Workstation 11.0 sbom,mds2
	InfuPump 3000 1.2.0 sbom,mds2
	InfuPump 3000 1.3.0 sbom,mds2
	EOF
	test_cmp want got
'

test_expect_success 'a malformed SBOM in a bundle rolls everything back' '
	echo "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[{\"type\":\"library\",\"name\":42}]}" >bad.cdx.json &&
	pack bad.tar acme.sec "Acme Medical" mds2.csv bad.cdx.json &&
	db_dump hospital.db >before &&
	test_expect_code 65 hosp docs receive bad.tar --by Bob 2>err &&
	test_grep "files/bad.cdx.json" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'receive imports the SBOM and MDS2, audits docs.receive' '
	hosp docs receive bundle.tar --by Bob >out &&
	test_grep "^files/sbom.cdx.json  sbom .* imported$" out &&
	test_grep "^files/mds2.csv  mds2 .* imported$" out &&
	test_grep "^files/summary.txt  test-report .*bytes  sha256 [0-9a-f]*$" out &&
	hosp sbom list >list &&
	test_grep "InfuPump 3000  1.2.0 .*CycloneDX 1.5" list &&
	sqlite3 hospital.db "SELECT actor || \" \" || action || \" \" || detail FROM audit_log WHERE action = \"docs.receive\"" >got &&
	test_grep "^Bob docs.receive .*\"files\":\"3\",\"imported\":\"2\"" got
'

test_expect_success 'the same bundle again: a note, nothing changes' '
	db_dump hospital.db >before &&
	hosp docs receive bundle.tar --by Bob 2>err &&
	test_grep "received before: nothing changed" err &&
	db_dump hospital.db >after &&
	test_cmp before after
'

test_expect_success 'docs missing after receive: kinds gone, bundle unacknowledged' '
	hosp --json docs missing --expect sbom,mds2 >list &&
	json_field "\"\\n\".join(r[\"model\"] + \" \" + r[\"version\"] + \" \" + \",\".join(r[\"missing\"]) for r in d)" <list >got &&
	cat >want <<-EOF &&
	Imaging Workstation 10.2 sbom,mds2
	Imaging Workstation 11.0 sbom,mds2
	InfuPump 3000 1.3.0 sbom,mds2
	InfuPump 3000 1.2.0 receipt
	EOF
	test_cmp want got
'

test_expect_success 'ack: a signed receipt listing each file and import' '
	id=$(hosp --json docs list | json_field "d[0][\"bundle\"]") &&
	hosp docs ack "$(echo $id | cut -c1-10)" --key hdo.sec --hospital "General Hospital" --by Bob \
		--out receipt.json 2>err &&
	test_grep "^receipt [0-9a-f]\{32\} -> receipt.json" err &&
	python3 - "$id" <<-EOF >got &&
	import base64, json, sys
	env = json.load(open("receipt.json"))
	r = json.loads(base64.b64decode(env["payload"]))
	print(env["payloadType"], r["bundle"] == sys.argv[1], r["by"])
	print(" ".join("%s:%s" % (f["name"], f["imported"]) for f in r["files"]))
	EOF
	cat >want <<-EOF &&
	application/vnd.tplc.docs-receipt+json True Bob
	sbom.cdx.json:True mds2.csv:True summary.txt:False
	EOF
	test_cmp want got &&
	hosp --json docs missing --expect sbom,mds2 >list &&
	! grep receipt list
'

test_expect_success 'ack: an unknown or too short bundle id' '
	test_expect_code 66 hosp docs ack 00000000 --key hdo.sec --hospital "General Hospital" --by Bob 2>err &&
	test_expect_code 64 hosp docs ack abc --key hdo.sec --hospital "General Hospital" --by Bob 2>err &&
	test_grep "8 to 64" err
'

test_expect_success 'the manufacturer refuses a receipt from an untrusted key' '
	db_dump mdm.db >before &&
	test_expect_code 65 mdm docs verify receipt.json 2>err &&
	test_grep "not by a key trusted for \"General Hospital\"" err &&
	db_dump mdm.db >after &&
	test_cmp before after
'

test_expect_success 'trusted for the hospital, the receipt verifies once' '
	mdm key trust hdo.pub --manufacturer "General Hospital" --by Mia 2>/dev/null &&
	mdm docs verify receipt.json --by Mia >out &&
	test_grep "^verified: receipt [0-9a-f]\{32\} for bundle .*3 files, 2 imported, acknowledged .* by Bob" out &&
	sqlite3 mdm.db "SELECT direction FROM doc_receipts" >got &&
	echo received >want &&
	test_cmp want got &&
	sqlite3 mdm.db "SELECT actor || \" \" || action FROM audit_log WHERE action = \"docs.receipt\"" >got &&
	echo "Mia docs.receipt" >want &&
	test_cmp want got &&
	id=$(python3 -c "import hashlib, tarfile; print(hashlib.sha256(tarfile.open(\"bundle.tar\").extractfile(\"manifest.dsse.json\").read()).hexdigest()[:12])") &&
	mdm docs missing --issued >out &&
	! grep "$id" out &&
	test "$(grep -c "not acknowledged" out)" = 3
'

test_expect_success 'the same receipt again is a replay: 65' '
	test_expect_code 65 mdm docs verify receipt.json 2>err &&
	test_grep "receipt [0-9a-f]\{32\} was already recorded on 2026-11-25T12:00:00Z (replayed)" err
'

test_expect_success 'an altered receipt: 65' '
	python3 - <<-EOF &&
	import base64, json
	env = json.load(open("receipt.json"))
	r = json.loads(base64.b64decode(env["payload"]))
	r["files"][2]["imported"] = True
	env["payload"] = base64.b64encode(json.dumps(r, separators=(",", ":")).encode()).decode()
	json.dump(env, open("altered.json", "w"))
	EOF
	test_expect_code 65 mdm docs verify altered.json 2>err &&
	test_grep "refused" err
'

test_expect_success 'a receipt signed by an untrusted key: 65' '
	id=$(hosp --json docs list | json_field "d[0][\"bundle\"]") &&
	hosp --quiet docs ack "$id" --key rogue.sec --hospital "General Hospital" \
		--by Eve --out rogue.json &&
	test_expect_code 65 mdm docs verify rogue.json 2>err &&
	test_grep "not by a key trusted for \"General Hospital\"" err &&
	: a key the manufacturer trusts for another hospital does not do either &&
	mdm key trust rogue.pub --manufacturer "Other Hospital" --by Mia 2>/dev/null &&
	test_expect_code 65 mdm docs verify rogue.json 2>err &&
	test_grep "not by a key trusted for \"General Hospital\"" err
'

test_expect_success 'a receipt for a bundle this store never issued: 65' '
	hosp docs verify receipt.json 2>err;
	test $? = 65 &&
	test_grep "not issued by this store\|not by a key trusted for" err
'

test_done

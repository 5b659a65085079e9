#!/bin/sh
# tplc mds2: MDS2 forms (ANSI/NEMA HN 1-2019) from CSV and from workbooks
# that Gnumeric's ssconvert writes, checked against a requirements profile
# and compared between versions.  The forms carry the variations real ones
# have: "Yes, Optional", "N/A: ...", "____", a typo (SHAD-15), spaced and
# lower-case IDs, title rows above the header.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

if ! command -v ssconvert >/dev/null 2>&1; then
	echo "1..0 # SKIP ssconvert (Debian package gnumeric) is not installed"
	exit 0
fi
# ssconvert wants a writable home for its settings
HOME=$TEST_DIR
export HOME

json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
answers() {
	json_field "json.dumps([f[\"answers\"] for f in d], sort_keys=True)"
}

test_expect_success 'write the fleet and the forms' '
	cat >inventory.csv <<-\EOT &&
	Asset Tag,Manufacturer,Model,Software Version,Clinical Function,Location
	PUMP-1,Acme Medical,InfuPump 3000,1.2.0,therapy,ICU
	PUMP-3,Acme Medical,InfuPump 3000,1.3.0,therapy,Ward 2
	WS-1,Acme Medical,Imaging Workstation,10.2,workflow,Radiology
	MON-1,Acme Medical,Vital Monitor,2.0,monitoring,ICU
	EOT
	cat >flat.csv <<-\EOT &&
	ID,answer,note
	DOC-1,Acme Medical,
	DOC-4,ACME-MDS2-0001,
	ALOF-1,"Yes,optional",
	AUDT-1,"Yes, Optional",kept 90 days
	AUTH-1,"Yes,",
	SAHD-15,N/A: No default accounts,
	SAHD-16,No: No end-of-life components,
	sahd-1,"Yes, See IFU",
	csup - 2.1,"Yes,""PACS, NAS""",
	TXCF-2,____,
	TXCF-1,,
	EOT
	cat >nema-1.2.0.csv <<-\EOT &&
	Manufacturer Disclosure Statement for Medical Device Security -- MDS2,,,
	Acme Medical,InfuPump 3000,,
	,,,
	Question ID,Question,Answer,Note
	DOC-1,Manufacturer Name,Acme Medical,
	DOC-4,Document ID,ACME-MDS2-0042,
	DOC-7,Document Release Date,2024-03-01,
	AUTOMATIC LOGOFF (ALOF),,,
	ALOF-1,Can the device be configured to force reauthorization?,"Yes, Optional",
	AUDT-1,Can the medical device create audit logs?,Yes,
	AUTH-1,Does the device prevent access by unauthorized users?,No,
	SHAD-15,Are default accounts disabled?,N/A: No default accounts,
	CSUP - 2.1,Does the device contain an operating system?,"Yes,optional",
	TXCF-2,Is personally identifiable information encrypted in transit?,No,
	TXCF-2.1,Is the encryption configurable?,____,
	EOT
	cat >nema-1.3.0.csv <<-\EOT &&
	Manufacturer Disclosure Statement for Medical Device Security -- MDS2,,,
	Question ID,Question,Answer,Note
	DOC-1,Manufacturer Name,Acme Medical,
	DOC-4,Document ID,ACME-MDS2-0043,
	DOC-7,Document Release Date,2024-03-01,
	ALOF-1,Can the device be configured to force reauthorization?,"Yes,optional",
	AUTH-1,Does the device prevent access by unauthorized users?,See Note,Role based
	SAHD-15,Are default accounts disabled?,N/A: No default accounts,
	CSUP-2.1,Does the device contain an operating system?,"Yes,optional",
	TXCF-2,Is personally identifiable information encrypted in transit?,Yes,TLS 1.2
	TXCF-2.1,Is the encryption configurable?,Yes,
	SBOM-1,Is the SBOM available?,Yes,
	EOT
	cat >notes.csv <<-\EOT &&
	Instructions
	Answer every question Yes, No, N/A or See Note.
	EOT
	cp nema-1.2.0.csv form.csv &&
	ssconvert flat.csv flat.xlsx 2>ssconvert.err &&
	ssconvert nema-1.3.0.csv nema-1.3.0.xlsx 2>>ssconvert.err &&
	ssconvert --merge-to=book.xlsx notes.csv form.csv 2>>ssconvert.err &&
	test -s flat.xlsx && test -s nema-1.3.0.xlsx && test -s book.xlsx &&
	tplc --quiet device import inventory.csv >/dev/null
'

test_expect_success 'import a flat CSV: answers, unanswered, no warnings' '
	tplc mds2 import flat.csv --product "Acme Medical Vital Monitor" \
		--version csv --by "Ann Lee" >out 2>err &&
	test_grep "11 answers read, 2 unanswered, 0 warning" out &&
	! test -s err
'

test_expect_success 'the answers are normalised and the rest goes to the note' '
	tplc --json mds2 show "Vital Monitor" --version csv >show &&
	json_field "\"|\".join(a[\"id\"] + \"=\" + a[\"answer\"] + \"/\" + str(a[\"note\"]) for a in d[0][\"answers\"])" <show >got &&
	echo "DOC-1=text/None|DOC-4=text/None|ALOF-1=yes/optional|AUDT-1=yes/Optional; kept 90 days|AUTH-1=yes/None|SAHD-15=n/a/No default accounts|SAHD-16=no/No end-of-life components|SAHD-1=yes/See IFU|CSUP-2.1=yes/\"PACS, NAS\"|TXCF-2=unanswered/None|TXCF-1=unanswered/None" >want &&
	test_cmp want got &&
	json_field "d[0][\"document_id\"]" <show >got &&
	echo ACME-MDS2-0001 >want &&
	test_cmp want got
'

test_expect_success 'the same form as .xlsx (ssconvert) gives identical answers' '
	tplc mds2 import flat.xlsx --product "Acme Medical Vital Monitor" \
		--version xlsx --by "Ann Lee" >out &&
	test_grep "11 answers read, 2 unanswered, 0 warning" out &&
	tplc --json mds2 show "Vital Monitor" --version csv | answers >a &&
	tplc --json mds2 show "Vital Monitor" --version xlsx | answers >b &&
	test_cmp a b &&
	test $(wc -c <a) -gt 500
'

test_expect_success 'a NEMA-laid-out CSV: header found, typo read with a warning' '
	tplc mds2 import nema-1.2.0.csv --product "Acme Medical InfuPump 3000" \
		--version 1.2.0 --by "Ann Lee" >out 2>err &&
	test_grep "10 answers read, 1 unanswered, 1 warning" out &&
	test_grep "nema-1.2.0.csv: line 12: SHAD-15 is not an MDS2 question; read as SAHD-15" err &&
	tplc --json mds2 show InfuPump --version 1.2.0 >show &&
	json_field "[a[\"question\"] for a in d[0][\"answers\"] if a[\"id\"] == \"SAHD-15\"][0]" <show >got &&
	echo "Are default accounts disabled?" >want &&
	test_cmp want got &&
	json_field "d[0][\"released\"]" <show >got &&
	echo 2024-03-01 >want &&
	test_cmp want got
'

test_expect_success 'a two-sheet workbook: the form sheet is picked' '
	tplc mds2 import book.xlsx --product "Acme Medical Imaging Workstation" \
		--version 10.2 --by "Ann Lee" >out 2>err &&
	test_grep "10 answers read, 1 unanswered, 1 warning" out &&
	test_grep "book.xlsx: form.csv!A12: SHAD-15 is not an MDS2 question; read as SAHD-15" err &&
	tplc --json mds2 show InfuPump --version 1.2.0 | answers >a &&
	tplc --json mds2 show Workstation --version 10.2 | answers >b &&
	test_cmp a b
'

test_expect_success 'show --section lists one section' '
	tplc mds2 show InfuPump --version 1.2.0 --section TXCF >out &&
	test_grep "^TXCF-2 " out &&
	test_grep "^TXCF-2.1 " out &&
	! grep "^ALOF" out
'

test_expect_success 'import the next version from .xlsx; its date cell reads as a date' '
	tplc mds2 import nema-1.3.0.xlsx --product "Acme Medical InfuPump 3000" \
		--version 1.3.0 --by "Ann Lee" >out 2>err &&
	test_grep "10 answers read, 0 unanswered, 0 warning" out &&
	tplc --json mds2 show InfuPump --version 1.3.0 >show &&
	json_field "d[0][\"released\"]" <show >got &&
	echo 2024-03-01 >want &&
	test_cmp want got
'

cat >profile.txt <<\EOT
# St. Elsewhere requirements
TXCF-2 must be Yes
SAHD-15 must be yes or n/a

AUTH-1 must not be No
SBOM-1 must be answered
ALOF-1 must be yes
TXCF-2.1 must be YES
EOT

test_expect_success 'check: pass, fail, unanswered; exit 1' '
	test_expect_code 1 tplc mds2 check --profile profile.txt \
		--product InfuPump >out &&
	test_grep "^Acme Medical InfuPump 3000 1.2.0: 2/6 requirements met" out &&
	test_grep "^Acme Medical InfuPump 3000 1.3.0: 6/6 requirements met" out &&
	test $(grep -c "^FAIL" out) = 2 &&
	test $(grep -c "^UNANSWERED" out) = 2 &&
	test $(grep -c "^PASS" out) = 8 &&
	test_grep "^FAIL  *TXCF-2 must be Yes  *no" out &&
	test_grep "^UNANSWERED  *SBOM-1 must be answered" out
'

test_expect_success 'check --json, and versions without an MDS2 are listed' '
	test_expect_code 1 tplc --json mds2 check --profile profile.txt >out &&
	json_field "\" \".join(v[\"model\"] + \"/\" + v[\"version\"] + \"=\" + str(v[\"met\"]) + \"/\" + str(v[\"total\"]) for v in d[\"versions\"])" <out >got &&
	echo "Imaging Workstation/10.2=2/6 InfuPump 3000/1.2.0=2/6 InfuPump 3000/1.3.0=6/6 Vital Monitor/csv=3/6 Vital Monitor/xlsx=3/6" >want &&
	test_cmp want got &&
	json_field "\" \".join(v[\"model\"] + \"/\" + v[\"version\"] for v in d[\"no_mds2\"])" <out >got &&
	echo "Vital Monitor/2.0" >want &&
	test_cmp want got &&
	test_expect_code 1 tplc mds2 check --profile profile.txt >out &&
	test_grep "^Acme Medical Vital Monitor 2.0: no MDS2" out
'

test_expect_success 'check passes (exit 0) when every requirement is met' '
	printf "SAHD-15 must be yes or n/a\nALOF-1 must not be no\n" >easy.txt &&
	tplc mds2 check --profile easy.txt --product InfuPump >out &&
	test $(grep -c "2/2 requirements met" out) = 2
'

test_expect_success 'a bad profile: file:line: reason, exit 65' '
	printf "# ok\nTXCF-2 must be Yes\nTXCF-2 should be Yes\n" >bad1.txt &&
	test_expect_code 65 tplc mds2 check --profile bad1.txt 2>err &&
	test_grep "bad1.txt:3: unknown operator" err &&
	printf "SHAD-15 must be yes\n" >bad2.txt &&
	test_expect_code 65 tplc mds2 check --profile bad2.txt 2>err &&
	test_grep "bad2.txt:1: SHAD-15 is not an MDS2 question (did you mean SAHD-15?)" err &&
	printf "\nTXCF-2 must be maybe\n" >bad3.txt &&
	test_expect_code 65 tplc mds2 check --profile bad3.txt 2>err &&
	test_grep "bad3.txt:2: unknown answer word \"maybe\"" err
'

test_expect_success 'diff lists exactly the changed answers' '
	tplc --json mds2 diff InfuPump --from 1.2.0 --to 1.3.0 >out &&
	json_field "\" \".join(c[\"change\"] + \":\" + c[\"id\"] for c in d[\"changes\"])" <out >got &&
	echo "changed:DOC-4 removed:AUDT-1 changed:AUTH-1 changed:TXCF-2 changed:TXCF-2.1 added:SBOM-1" >want &&
	test_cmp want got &&
	tplc mds2 diff InfuPump --from 1.2.0 --to 1.3.0 >out &&
	test_grep "6 change(s)" out &&
	test_grep "^changed  *TXCF-2  *no  *yes (TLS 1.2)" out
'

test_expect_success 'diff of two forms of one version' '
	tplc mds2 import nema-1.3.0.csv --product "Acme Medical InfuPump 3000" \
		--version 1.2.0 --by "Ann Lee" >/dev/null &&
	tplc --json mds2 diff InfuPump --from 1.2.0 --to 1.2.0 \
		--from-form 3 >out &&
	json_field "len(d[\"changes\"]), d[\"from\"][\"form\"], d[\"to\"][\"form\"]" <out >got &&
	echo "6 3 6" >want &&
	test_cmp want got &&
	tplc --json mds2 diff InfuPump --from 1.2.0 --to 1.3.0 >out &&
	json_field "len(d[\"changes\"])" <out >got &&
	echo 0 >want &&
	test_cmp want got
'

test_expect_success 'every import is in the audit trail' '
	test $(sqlite3 tplc.db "SELECT count(*) FROM audit_log WHERE action = '"'"'mds2.import'"'"' AND actor = '"'"'Ann Lee'"'"'") = 6
'

test_expect_success 'malformed input exits 65, names the file, changes nothing' '
	db_dump >before &&
	python3 -c "import zipfile; z = zipfile.ZipFile(\"notbook.xlsx\", \"w\"); z.writestr(\"hello.txt\", \"hi\"); z.close()" &&
	test_expect_code 65 tplc mds2 import notbook.xlsx --product "Acme Medical InfuPump 3000" \
		--version 9 --by "Ann Lee" 2>err &&
	test_grep "notbook.xlsx: not a workbook" err &&
	printf "Name,Value\nfoo,bar\n" >noids.csv &&
	test_expect_code 65 tplc mds2 import noids.csv --product "Acme Medical InfuPump 3000" \
		--version 9 --by "Ann Lee" 2>err &&
	test_grep "noids.csv: no MDS2 question ID found" err &&
	printf "PK\003\004garbage" >broken.xlsx &&
	test_expect_code 65 tplc mds2 import broken.xlsx --product "Acme Medical InfuPump 3000" \
		--version 9 --by "Ann Lee" 2>err &&
	test_grep "broken.xlsx" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'usage errors exit 64' '
	test_expect_code 64 tplc mds2 import flat.csv --product X --version 1 &&
	test_expect_code 64 tplc mds2 diff InfuPump --from 1.2.0
'

test_done

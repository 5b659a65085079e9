#!/bin/sh
# tplc sbom check: NTIA minimum elements and FDA fields, text and --json.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

MD=$SHARED/sbom/medical-device
EX=$SHARED/sbom/spdx-2.3/examples
GW=$TPLC_SOURCE_ROOT/tests/fixtures/spdx/infusion-gateway-2.2.spdx

# The element lines of one file's report: "MISS NTIA ..." or "ok ...".
elements() {
	grep "^  " "$1" | awk '{print $1}' | tr '\n' ' '
}

test_expect_success 'narrow: exit 1, exactly version, dependencies, support level, end of support missing' '
	test_expect_code 1 tplc sbom check "$MD/narrow.sbom.json" >out &&
	test_grep "55 components: incomplete (4 of 9 elements missing)" out &&
	test "$(elements out)" = "ok ok MISS ok MISS ok ok MISS MISS " &&
	test_grep "MISS NTIA Version of the component  *54/55  missing: Qualcomm Atheros QCA9563$" out &&
	test_grep "MISS NTIA Dependency relationship  *0/55" out &&
	test_grep "MISS FDA  Level of support  *54/55  missing: QMScoringAPI$" out &&
	test_grep "MISS FDA  End-of-support date  *48/55  missing: Aspose.Words, .*, and 2 more$" out
'

test_expect_success 'extended passes what narrow passes, fails the same four' '
	test_expect_code 1 tplc sbom check "$MD/extended.sbom.json" >out &&
	test_grep "65 components: incomplete (4 of 9 elements missing)" out &&
	test "$(elements out)" = "ok ok MISS ok MISS ok ok MISS MISS " &&
	test_grep "Version of the component  *59/65" out &&
	test_grep "End-of-support date  *58/65" out
'

test_expect_success '--json gives every element with counts and names' '
	test_expect_code 1 tplc --json sbom check "$MD/narrow.sbom.json" "$MD/extended.sbom.json" >out &&
	python3 - out <<-\PY
	import json, sys
	d = json.load(open(sys.argv[1]))
	assert len(d) == 2, d
	n = {e["element"]: e for e in d[0]["elements"]}
	assert d[0]["components"] == 55 and d[0]["complete"] is False
	bad = sorted(k for k, e in n.items() if not e["ok"])
	assert bad == ["dependencies", "end_of_support", "support_level", "version"], bad
	assert n["version"]["missing"] == ["Qualcomm Atheros QCA9563"]
	assert (n["end_of_support"]["have"], n["end_of_support"]["missing_count"]) == (48, 7)
	assert len(n["end_of_support"]["missing"]) == 5
	assert n["author"]["scope"] == "document" and n["author"]["ok"]
	assert n["support_level"]["source"] == "FDA"
	x = {e["element"]: e for e in d[1]["elements"]}
	assert x["version"]["have"] == 59 and x["supplier"]["ok"]
	PY
'

test_expect_success 'tag-value and YAML are checked like JSON' '
	test_expect_code 1 tplc sbom check "$EX/SPDXJSONExample-v2.3.spdx.json" >json &&
	test_expect_code 1 tplc sbom check "$EX/SPDXTagExample-v2.3.spdx" >tv &&
	test_expect_code 1 tplc sbom check "$EX/SPDXYAMLExample-2.3.spdx.yaml" >yaml &&
	sed 1d json >a && sed 1d tv >b && sed 1d yaml >c &&
	test_cmp a b && test_cmp a c &&
	test_grep "SPDX 2.3, 4 components" tv
'

test_expect_success 'SPDX 2.2 fixture: only busybox lacks a supplier' '
	test_expect_code 1 tplc sbom check "$GW" >out &&
	test_grep "MISS NTIA Supplier name  *3/4  missing: busybox$" out &&
	test_grep "ok   NTIA Dependency relationship  *4/4" out
'

test_expect_success 'a complete SBOM exits 0' '
	cat >ok.json <<-\EOF &&
	{"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
	 "metadata": {"timestamp": "2024-05-01T10:00:00Z", "authors": [{"name": "Acme"}]},
	 "components": [
	  {"bom-ref": "a", "type": "application", "name": "app", "version": "1.0",
	   "supplier": {"name": "Acme"}, "purl": "pkg:generic/app@1.0",
	   "properties": [{"name": "Level of Support", "value": "Actively maintained"},
	                  {"name": "End-of-Support", "value": "2030-12-31"}]},
	  {"bom-ref": "b", "type": "library", "name": "zlib", "version": "1.3",
	   "publisher": "zlib", "purl": "pkg:generic/zlib@1.3",
	   "properties": [{"name": "Level of Support", "value": "Actively maintained"},
	                  {"name": "End-of-Support", "value": "2029-01-01"}]}],
	 "dependencies": [{"ref": "a", "dependsOn": ["b"]}]}
	EOF
	tplc sbom check ok.json >out &&
	test_grep "2 components: complete" out &&
	test "$(elements out)" = "ok ok ok ok ok ok ok ok ok "
'

test_expect_success 'a parse error exits 65 with a located message' '
	printf "SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: t\nPackageName x\n" >bad.spdx &&
	test_expect_code 65 tplc sbom check bad.spdx "$GW" >out 2>err &&
	test_grep "^tplc: bad.spdx:4:12: expected \"Tag: value\"" err &&
	test_grep "infusion-gateway-2.2.spdx: SPDX 2.2" out
'

test_expect_success '--help states the exit codes' '
	tplc sbom check --help >out 2>&1 &&
	test_grep "0 when every SBOM is complete, 1 when an element is missing" out
'

test_done

#!/bin/sh
# tplc sbom import|list on real SBOMs.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

MD=$SHARED/sbom/medical-device
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# components in a CycloneDX file, nested ones included
count_cdx() {
	python3 -c '
import json, sys
def n(cs): return sum(1 + n(c.get("components", [])) for c in cs)
print(n(json.load(open(sys.argv[1])).get("components", [])))' "$1"
}

test_expect_success 'the real medical-device SBOMs import with every component' '
	tplc sbom import "$MD/narrow.sbom.json" --product "Acme Infusion Pump" \
		--version 1.0 >out &&
	test_grep "$(count_cdx "$MD/narrow.sbom.json") components for Acme Infusion Pump 1.0" out &&
	tplc sbom import "$MD/extended.sbom.json" --product "Acme Infusion Pump" \
		--version 2.0 >out &&
	test_grep "$(count_cdx "$MD/extended.sbom.json") components" out
'

test_expect_success 'sbom list counts components and unsupported ones' '
	tplc --json sbom list >list &&
	test "$(json_field "len(d)" <list)" = 2 &&
	test "$(json_field "d[0][\"components\"]" <list)" = "$(count_cdx "$MD/narrow.sbom.json")" &&
	test "$(json_field "d[0][\"format\"]" <list)" = "CycloneDX 1.4" &&
	tplc sbom list >out && test_grep "Infusion Pump" out
'

test_expect_success 'FDA support fields are kept per component' '
	sqlite3 tplc.db "SELECT COUNT(*) FROM components WHERE support_text IS NOT NULL" >n &&
	test "$(cat n)" -gt 0
'

test_expect_success 'a re-import replaces the SBOM of that version' '
	tplc sbom import "$MD/narrow.sbom.json" --product "Acme Infusion Pump" \
		--version 1.0 >/dev/null &&
	test "$(tplc --json sbom list | json_field "len(d)")" = 2 &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM sboms")" = 2
'

test_expect_success 'the SPDX 2.3 example imports' '
	tplc sbom import "$SHARED/sbom/spdx-2.3/examples/SPDXJSONExample-v2.3.spdx.json" \
		--product "Example SPDX Tools" --version 2.3 >out &&
	test_grep "SPDX" out
'

test_expect_success 'an SBOM for an inventory product attaches to it' '
	printf "Asset Tag,Manufacturer,Model,Software Version\nX-1,GE Healthcare,CARESCAPE B450,2.0\n" >inv.csv &&
	tplc device import inv.csv >/dev/null &&
	tplc sbom import "$MD/narrow.sbom.json" --product "GE Healthcare CARESCAPE B450" \
		--version 2.0 >/dev/null &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM products WHERE manufacturer = '"'"'GE Healthcare'"'"'")" = 1
'

test_expect_success 'product and version are required' '
	test_expect_code 64 tplc sbom import "$MD/narrow.sbom.json" 2>err &&
	test_grep "needs --product and --version" err
'

test_done

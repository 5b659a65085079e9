#!/bin/sh
# tplc sbom import on XML SBOMs: CycloneDX XML, SPDX 2.3 XML and RDF/XML.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

CDX=$SHARED/sbom/cyclonedx
json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}
# components in a CycloneDX XML file, nested ones included, by the
# Python standard library: the count the import must report
count_cdx_xml() {
	python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = root.tag[1:].split("}")[0]
def n(e):
	if e is None: return 0
	return sum(1 + n(c.find("{%s}components" % ns)) for c in e.findall("{%s}component" % ns))
print(n(root.find("{%s}components" % ns)))' "$1"
}

test_expect_success 'CycloneDX XML imports with every component' '
	f="$CDX/examples/SBOM/juice-shop/via_npm/bare/bom.1.4.xml" &&
	tplc sbom import "$f" --product "Juice Shop" --version 14.1.1 >out &&
	test_grep "$(count_cdx_xml "$f") components for Juice Shop 14.1.1" out &&
	tplc --json sbom list >list &&
	test "$(json_field "d[0][\"format\"]" <list)" = "CycloneDX 1.4"
'

test_expect_success 'XML and JSON of one SBOM store the same components' '
	L="$CDX/examples/SBOM/laravel-7.12.0" &&
	tplc sbom import "$L/bom.1.3.xml" --product "Laravel Framework" --version 7.12.0 >/dev/null &&
	components_of() {
		sqlite3 tplc.db "SELECT c.name, c.version, c.purl, c.license FROM components c JOIN sboms s ON c.sbom_id = s.id WHERE s.source LIKE '"'"'%$1'"'"' ORDER BY 1, 2, 3, 4"
	} &&
	components_of bom.1.3.xml >xml.txt &&
	tplc sbom import "$L/bom.1.3.json" --product "Laravel Framework" --version 7.12.0 >/dev/null &&
	components_of bom.1.3.json >json.txt &&
	test "$(wc -l <xml.txt)" = 62 &&
	test_cmp json.txt xml.txt
'

test_expect_success 'a CycloneDX 1.7 XML conformance document imports' '
	tplc sbom import "$CDX/conformance/1.7/valid-bom-1.7.xml" \
		--product "CDX Conformance" --version 1.7 >out &&
	test_grep "CDX Conformance 1.7" out
'

test_expect_success 'the SPDX 2.3 XML example imports like its JSON' '
	E="$SHARED/sbom/spdx-2.3/examples" &&
	tplc sbom import "$E/SPDXXMLExample-v2.3.spdx.xml" \
		--product "Example SPDX Tools" --version xml >out &&
	test_grep "4 components" out &&
	tplc sbom import "$E/SPDXJSONExample-v2.3.spdx.json" \
		--product "Example SPDX Tools" --version json >json.out &&
	test_grep "4 components" json.out
'

test_expect_success 'the SPDX 2.3 RDF/XML example imports like its JSON' '
	E="$SHARED/sbom/spdx-2.3/examples" &&
	tplc sbom import "$E/SPDXRdfExample-v2.3.spdx.rdf.xml" \
		--product "Example SPDX Tools" --version rdf >out &&
	test_grep "SPDX 2.3, 4 components" out &&
	tplc sbom import "$E/SPDXJSONExample-v2.3.spdx.json" \
		--product "Example SPDX Tools" --version json2 >/dev/null &&
	rows_of() {
		sqlite3 tplc.db "SELECT DISTINCT c.name, c.version, c.purl, c.cpe, c.license FROM components c JOIN sboms s ON c.sbom_id = s.id WHERE s.source LIKE '"'"'%$1'"'"' ORDER BY 1, 2"
	} &&
	rows_of .rdf.xml >rdf.txt &&
	rows_of .spdx.json >json.txt &&
	test "$(wc -l <rdf.txt)" = 4 &&
	test_grep "glibc|2.11.1||cpe:2.3:a:pivotal_software" rdf.txt &&
	test_cmp json.txt rdf.txt
'

test_expect_success 'an SPDX RDF/XML without a package name is refused with its element path' '
	printf "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:spdx=\"http://spdx.org/rdf/terms#\">\n<spdx:SpdxDocument rdf:about=\"http://x/d#SPDXRef-DOCUMENT\">\n<spdx:specVersion>SPDX-2.3</spdx:specVersion><spdx:name>t</spdx:name>\n</spdx:SpdxDocument>\n<spdx:Package rdf:about=\"http://x/d#SPDXRef-a\"/>\n</rdf:RDF>\n" >bad.rdf.xml &&
	test_expect_code 65 tplc sbom import bad.rdf.xml --product "Acme R" --version 1 2>err &&
	test_grep "bad.rdf.xml:5: /RDF/Package: required element <spdx:name> is missing" err
'

test_expect_success 'an invalid CycloneDX XML is refused with file, line and element path' '
	test_expect_code 65 tplc sbom import \
		"$CDX/conformance/1.6/invalid-component-type-1.6.xml" \
		--product "Acme Bad" --version 1 2>err &&
	test_grep "invalid-component-type-1.6.xml:[0-9]*: /bom/components/component/@type: \"foo\" is not allowed" err &&
	test "$(tplc --json sbom list | json_field "len([s for s in d if \"Bad\" in str(s)])")" = 0
'

test_expect_success 'XML that is not well-formed or not an SBOM is refused' '
	printf "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">\n<components>\n</bom>\n" >broken.xml &&
	test_expect_code 65 tplc sbom import broken.xml --product "Acme B" --version 1 2>err &&
	test_grep "broken.xml:3" err &&
	printf "<html><body/></html>\n" >page.xml &&
	test_expect_code 65 tplc sbom import page.xml --product "Acme B" --version 1 2>err &&
	test_grep "not an SBOM" err
'

test_expect_success 'entities are not expanded and nothing is fetched' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"http://example.invalid/bom.dtd\">\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>\n" >dtd.xml &&
	test_expect_code 65 tplc sbom import dtd.xml --product "Acme B" --version 1 2>err &&
	test_grep "DOCTYPE" err
'

test_done

#!/bin/sh
# tplc purl and tplc version: the identity and version engine from the shell.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_expect_success 'purl prints the canonical form and its parts' '
	tplc purl "pkg:NPM/%40angular/Core@12.0.0?b=2&a=1" >out &&
	test_grep "^pkg:npm/%40angular/core@12.0.0?a=1&b=2$" out &&
	test_grep "package  *pkg:npm/%40angular/core$" out &&
	test_grep "namespace  *@angular$" out &&
	test_grep "version scheme  *npm$" out
'

test_expect_success 'purl --json, one object per purl' '
	tplc --json purl pkg:pypi/Django_Rest@1.0 >out &&
	test "$(json_field "d[\"purl\"], d[\"package\"]" <out)" = \
		"pkg:pypi/django-rest@1.0 pkg:pypi/django-rest" &&
	tplc --json purl pkg:npm/a@1 pkg:npm/b@2 | json_field "len(d)" >n &&
	echo 2 >want && test_cmp want n
'

test_expect_success 'a malformed purl is exit 65' '
	test_expect_code 65 tplc purl "npm/lodash@1" 2>err &&
	test_grep "^tplc: " err
'

test_expect_success 'version compare follows each scheme' '
	test "$(tplc version compare --scheme deb 1:1.0~rc1 1.0)" = "1:1.0~rc1 > 1.0" &&
	test "$(tplc version compare --scheme deb 1.0~rc1 1.0)" = "1.0~rc1 < 1.0" &&
	test "$(tplc version compare --scheme semver 1.0.0-alpha 1.0.0)" = "1.0.0-alpha < 1.0.0" &&
	test "$(tplc version compare --scheme rpm 1.0^git1 1.0)" = "1.0^git1 > 1.0" &&
	test "$(tplc version compare 1.10 1.9)" = "1.10 > 1.9" &&
	test "$(tplc --json version compare --scheme npm 2.0.0 2.0.0 | json_field "d[\"order\"]")" = 0
'

test_expect_success 'an unknown scheme or bad version is exit 65' '
	test_expect_code 65 tplc version compare --scheme nosuch 1 2 2>err &&
	test_expect_code 65 tplc version compare --scheme semver 1.x 2 2>err
'

test_expect_success 'version in answers with its exit status' '
	tplc version in "vers:npm/>=1.0.0|<1.2.3" 1.2.0 >out &&
	test_grep "is in" out &&
	test_expect_code 1 tplc version in "vers:npm/>=1.0.0|<1.2.3" 1.2.3 >out &&
	test_grep "is not in" out &&
	test "$(tplc --json version in "vers:deb/>=1.0|<2.0" 1.5 | json_field "d[\"in\"]")" = True
'

test_expect_success 'a malformed range is exit 65' '
	test_expect_code 65 tplc version in "vers:npm/<1.0|<2.0" 1.5 2>err
'

test_expect_success 'tplc version alone still prints the version' '
	tplc version | test_grep "^tplc [0-9]" -
'

test_expect_success 'cpe prints both bindings and the attributes' '
	tplc cpe "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~" >out &&
	test_grep "^cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:\*:\*:online:win2003:x64:\*$" out &&
	test_grep "^  uri  *cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~$" out &&
	test_grep "^  update  *NA$" out &&
	test_grep "^  edition  *ANY$" out &&
	test_grep "^  target_sw  *win2003$" out
'

test_expect_success 'cpe --json unquotes values and keeps wildcards' '
	tplc --json cpe "cpe:2.3:a:Foo\\\\bar:big\\\$money:8.*:sp?:*:*:*:*:*:*" >out &&
	test "$(json_field "d[\"uri\"], d[\"vendor\"], d[\"product\"], d[\"version\"], d[\"update\"]" <out)" = \
		"cpe:/a:foo%5cbar:big%24money:8.%02:sp%01 foo\\bar big\$money 8.* sp?" &&
	tplc --json cpe cpe:/a:a:b cpe:/o:c:d | json_field "len(d)" >n &&
	echo 2 >want && test_cmp want n
'

test_expect_success 'a malformed CPE is exit 65 with the reason' '
	test_expect_code 65 tplc cpe "cpe:2.3:a:x:y:1.*.2:*:*:*:*:*:*:*" 2>err &&
	test_grep "embedded unquoted" err &&
	test_expect_code 65 tplc cpe "cpe:2.3:a:x:y:1" 2>err &&
	test_grep "13 fields" err
'

test_expect_success 'version native turns native ranges into vers' '
	tplc version native --scheme npm "^1.2.3 || >= 3.0.0 < 3.4" >out &&
	echo "vers:npm/>=1.2.3|<2.0.0|>=3.0.0|<3.4.0" >want &&
	test_cmp want out &&
	tplc version native --scheme nuget "[1.0, 2.0)" >out &&
	echo "vers:nuget/>=1.0|<2.0" >want &&
	test_cmp want out &&
	tplc version native --scheme pypi "~=1.4.5, !=1.4.7" >out &&
	echo "vers:pypi/>=1.4.5|!=1.4.7|<1.5.dev0" >want &&
	test_cmp want out
'

test_expect_success 'version native --json, and its output feeds version in' '
	tplc --json version native --scheme nginx "1.5.0+, 1.4.1+" >out &&
	test "$(json_field "d[\"scheme\"], d[\"vers\"]" <out)" = \
		"nginx vers:nginx/>=1.4.1|<1.5.0|>=1.5.0" &&
	tplc version in "$(tplc version native --scheme gem "~> 2.0.8")" 2.0.9 &&
	test_expect_code 1 tplc version in "vers:gem/>=2.0.8|<2.1" 2.1
'

test_expect_success 'version native refuses what has no vers form' '
	test_expect_code 65 tplc version native --scheme pypi ">=2, <1" 2>err &&
	test_grep "no version satisfies" err &&
	test_expect_code 65 tplc version native --scheme deb "1.0" 2>err &&
	test_grep "no native range notation" err &&
	test_expect_code 64 tplc version native "^1" 2>err &&
	test_grep "needs --scheme" err
'

test_done

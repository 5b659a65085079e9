#!/bin/sh
# tplc feed sync: downloads from a local HTTP server (tests/lib/httpd.py)
# serving the real KEV catalogue and hand-written NVD API pages.  No
# traffic leaves 127.0.0.1.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

KEV=$SHARED/advisories/kev/known_exploited_vulnerabilities.json
FEED=sites/default/files/feeds/known_exploited_vulnerabilities.json
NVD_PAGES=$SRC/tests/cli/t0800/nvd
NVD_PATH=/rest/json/cves/2.0
httpd_pid=

json_field() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

test_must_be_empty() {
	test ! -s "$1" || { cat "$1" >&2; false; }
}

stop_httpd() {
	if [ -n "$httpd_pid" ]; then
		kill "$httpd_pid" 2>/dev/null
		wait "$httpd_pid" 2>/dev/null
		httpd_pid=
	fi
}
trap 'stop_httpd; rm -rf "$TEST_DIR"' EXIT
trap 'exit 1' INT TERM

# start_httpd [httpd.py options]: serve www/, log to httpd.log, set PORT.
start_httpd() {
	stop_httpd
	rm -f "$TEST_DIR/port"
	python3 "$SRC/tests/lib/httpd.py" --root "$TEST_DIR/www" \
		--port-file "$TEST_DIR/port" --log "$TEST_DIR/httpd.log" \
		--pages "$NVD_PATH=$NVD_PAGES" "$@" >/dev/null 2>&1 &
	httpd_pid=$!
	n=0
	while [ ! -s "$TEST_DIR/port" ] && [ $n -lt 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	PORT=$(cat "$TEST_DIR/port")
	export TPLC_FEED_BASE_URL="http://127.0.0.1:$PORT"
}

mkdir -p "www/${FEED%/*}" &&
cp "$KEV" "www/$FEED" &&
want=$(python3 -c "import json; print(len(json.load(open('$KEV'))['vulnerabilities']))")
start_httpd

test_expect_success 'the test server is up on loopback' '
	test -n "$PORT" &&
	test_expect_code 0 python3 -c "import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:$PORT/$FEED\")"
'

test_expect_success 'first sync downloads and imports KEV' '
	: >httpd.log &&
	tplc --json feed sync kev >out 2>err &&
	test "$(json_field "d[\"fetched\"]" <out)" = 1 &&
	test "$(json_field "d[\"vulnerabilities\"]" <out)" = "$want" &&
	test "$(json_field "d[\"bytes\"]" <out)" = "$(wc -c <"$KEV")" &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM vulnerabilities WHERE kev")" = "$want" &&
	cmp "$KEV" feeds/kev/known_exploited_vulnerabilities.json &&
	! test -e feeds/kev/known_exploited_vulnerabilities.json.part &&
	test_grep "^GET /$FEED HTTP/1.1 | User-Agent: tplc/[0-9.]* | -> 200$" httpd.log &&
	test "$(sqlite3 tplc.db "SELECT kind, bytes, fetched_at, etag IS NOT NULL, last_modified IS NOT NULL FROM feed_state")" = "kev|$(wc -c <"$KEV")|$TPLC_NOW|1|1" &&
	test_must_be_empty err
'

q="SELECT * FROM vulnerabilities ORDER BY id; SELECT * FROM advisories ORDER BY id"
test_expect_success 'second sync gets a 304 and imports nothing' '
	: >httpd.log &&
	sqlite3 tplc.db "$q" >before &&
	TPLC_NOW=2026-11-26T08:00:00Z tplc --json feed sync kev >out &&
	test "$(json_field "d[\"not_modified\"]" <out)" = 1 &&
	test "$(json_field "d[\"fetched\"]" <out)" = 0 &&
	test "$(json_field "d[\"advisories\"]" <out)" = 0 &&
	test_grep "If-None-Match: \"[0-9a-f]*\" | If-Modified-Since: .* GMT | .* -> 304$" httpd.log &&
	sqlite3 tplc.db "$q" >after &&
	test_cmp before after &&
	test "$(sqlite3 tplc.db "SELECT fetched_at, checked_at FROM feed_state")" = "$TPLC_NOW|2026-11-26T08:00:00Z"
'

test_expect_success 'the human report says what happened' '
	tplc feed sync kev >out &&
	test_grep "^kev: http://127.0.0.1:$PORT/$FEED: not modified$" out &&
	test_grep "^kev: 0 fetched, 1 not modified, 0 bytes, 0 advisories, 0 vulnerabilities imported$" out
'

test_expect_success 'a deleted download is fetched again, not skipped' '
	rm feeds/kev/known_exploited_vulnerabilities.json &&
	: >httpd.log &&
	tplc --json feed sync kev >out &&
	test "$(json_field "d[\"fetched\"]" <out)" = 1 &&
	! grep If-None-Match httpd.log &&
	cmp "$KEV" feeds/kev/known_exploited_vulnerabilities.json
'

test_expect_success 'a 404 is a clear error and leaves the store unchanged' '
	db_dump >before &&
	test_expect_code 66 tplc feed sync kev "http://127.0.0.1:$PORT/missing.json" 2>err &&
	test "$(cat err)" = "tplc: http://127.0.0.1:$PORT/missing.json: HTTP 404" &&
	db_dump >after &&
	test_cmp before after &&
	! test -e feeds/kev/missing.json
'

test_expect_success 'an unreachable port is a clear error and leaves the store unchanged' '
	dead=$(python3 -c "import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1]); s.close()") &&
	db_dump >before &&
	TPLC_FEED_BASE_URL=http://127.0.0.1:$dead test_expect_code 74 tplc feed sync kev 2>err &&
	test "$(cat err)" = "tplc: http://127.0.0.1:$dead/$FEED: couldn'"'"'t connect" &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'one failing URL of several imports nothing' '
	db_dump >before &&
	test_expect_code 66 tplc feed sync kev "http://127.0.0.1:$PORT/$FEED" \
		"http://127.0.0.1:$PORT/missing.json" 2>err &&
	test_grep "missing.json: HTTP 404" err &&
	db_dump >after &&
	test_cmp before after
'

# A server that drops the connection after 300000 bytes, once.
start_httpd --drop-after 300000
tplc --db resume.db init >/dev/null 2>&1

test_expect_success 'an interrupted download keeps its .part and the store' '
	: >httpd.log &&
	db_dump resume.db >before &&
	test_expect_code 74 tplc --db resume.db feed sync kev --dir r 2>err &&
	test_grep "transfer interrupted after 300000 bytes; run again to resume" err &&
	test "$(wc -c <r/kev/known_exploited_vulnerabilities.json.part)" = 300000 &&
	! test -e r/kev/known_exploited_vulnerabilities.json &&
	db_dump resume.db >after &&
	test_cmp before after
'

test_expect_success 'the next sync resumes with Range and If-Range' '
	: >httpd.log &&
	tplc --db resume.db --json feed sync kev --dir r >out &&
	test_grep "^GET /$FEED HTTP/1.1 | Range: bytes=300000- | If-Range: \"[0-9a-f]*\" | User-Agent: tplc/[0-9.]* | -> 206$" httpd.log &&
	test "$(json_field "d[\"urls\"][0][\"resumed\"]" <out)" = True &&
	test "$(json_field "d[\"bytes\"]" <out)" = $(( $(wc -c <"$KEV") - 300000 )) &&
	cmp "$KEV" r/kev/known_exploited_vulnerabilities.json &&
	! test -e r/kev/known_exploited_vulnerabilities.json.part &&
	! test -e r/kev/known_exploited_vulnerabilities.json.part.meta &&
	test "$(sqlite3 resume.db "SELECT COUNT(*) FROM vulnerabilities WHERE kev")" = "$want"
'

test_expect_success 'a .part of another version restarts cleanly on a 200' '
	: >httpd.log &&
	mkdir -p s/kev &&
	printf "stale bytes of an older catalogue" >s/kev/known_exploited_vulnerabilities.json.part &&
	printf "\"0123456789abcdef\"\n\n" >s/kev/known_exploited_vulnerabilities.json.part.meta &&
	tplc --db stale.db --json feed sync kev --dir s >out &&
	test_grep "Range: bytes=33- | If-Range: \"0123456789abcdef\" | .* -> 200$" httpd.log &&
	test "$(json_field "d[\"urls\"][0][\"resumed\"]" <out)" = False &&
	cmp "$KEV" s/kev/known_exploited_vulnerabilities.json
'

start_httpd
test_expect_success 'nvd pages through the API with the key in a header' '
	: >httpd.log &&
	t0=$(date +%s%N) &&
	NVD_KEY=s3cret-nvd-key-0042 tplc --json feed sync nvd --api-key-env NVD_KEY >out 2>err &&
	ms=$(( ($(date +%s%N) - t0) / 1000000 )) &&
	# two pauses of 0.6 s between three pages, not the 6 s of no key
	test "$ms" -ge 1200 && test "$ms" -lt 6000 &&
	test "$(grep -c "^GET $NVD_PATH?resultsPerPage=2000&startIndex=[012] HTTP/1.1 | User-Agent: tplc/[0-9.]* | apiKey: s3cret-nvd-key-0042 | -> 200$" httpd.log)" = 3 &&
	test_grep "startIndex=0 " httpd.log && test_grep "startIndex=1 " httpd.log &&
	test_grep "startIndex=2 " httpd.log &&
	test "$(json_field "d[\"fetched\"]" <out)" = 3 &&
	test "$(json_field "d[\"vulnerabilities\"]" <out)" = 3 &&
	test "$(sqlite3 tplc.db "SELECT group_concat(ref) FROM (SELECT ref FROM advisories WHERE source = '"'"'nvd'"'"' ORDER BY 1)")" = "CVE-2024-0001,CVE-2024-0002,CVE-2024-0003" &&
	! grep s3cret err && ! grep s3cret out
'

test_expect_success 'the next nvd sync asks only for what changed since' '
	: >httpd.log &&
	TPLC_NOW=2026-11-27T06:30:00Z NVD_KEY=s3cret-nvd-key-0042 tplc feed sync nvd --api-key-env NVD_KEY >out 2>err &&
	test "$(grep -c "&lastModStartDate=2026-11-25T12:00:00.000%2B00:00&lastModEndDate=2026-11-27T06:30:00.000%2B00:00 " httpd.log)" = 3 &&
	test "$(sqlite3 tplc.db "SELECT fetched_at FROM feed_state WHERE kind = '"'"'nvd'"'"'")" = 2026-11-27T06:30:00Z &&
	! grep s3cret err && ! grep s3cret out
'

test_expect_success 'the API key stays out of error messages' '
	db_dump >before &&
	NVD_KEY=s3cret-nvd-key-0042 test_expect_code 66 tplc feed sync nvd "http://127.0.0.1:$PORT/nothing-here" --api-key-env NVD_KEY >out 2>err &&
	test_grep "nothing-here?resultsPerPage=2000&startIndex=0: HTTP 404" err &&
	! grep s3cret err && ! grep s3cret out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'bad uses are usage errors' '
	test_expect_code 64 tplc feed sync rss 2>err &&
	test_grep "unknown feed" err &&
	test_expect_code 64 tplc feed sync csaf 2>err &&
	test_grep "give the URLs" err &&
	test_expect_code 64 tplc feed sync nvd --api-key-env TPLC_NO_SUCH_VAR 2>err &&
	test_grep "TPLC_NO_SUCH_VAR is not set" err &&
	test_expect_code 64 tplc feed sync kev --api-key-env HOME 2>err &&
	test_grep "for nvd only" err
'

test_expect_success 'a URL that is not http(s) is refused' '
	test_expect_code 64 tplc feed sync csaf file:///etc/passwd 2>err &&
	test_grep "not an http(s) URL" err
'

test_expect_success 'osv --ecosystem fetches ECOSYSTEM/all.zip and imports every record' '
	tools=$SHARED/advisories/osv/tools &&
	mkdir -p www/PyPI &&
	python3 -c "
import sys, zipfile, os
with zipfile.ZipFile(\"www/PyPI/all.zip\", \"w\") as z:
    for f in sys.argv[1:]:
        z.write(f, os.path.basename(f))
" "$tools"/redhat/testdata/OSV/* "$tools"/ghsa/testdata/*.osv.json &&
	tplc --db osv.db --json feed sync osv --ecosystem PyPI >out &&
	test "$(json_field "d[\"fetched\"]" <out)" = 1 &&
	cmp www/PyPI/all.zip feeds/osv/PyPI-all.zip &&
	tplc --db files.db feed import osv "$tools"/redhat/testdata/OSV \
		"$tools"/ghsa/testdata/*.osv.json >/dev/null &&
	q="SELECT source, ref FROM advisories ORDER BY 1, 2" &&
	sqlite3 files.db "$q" >want &&
	sqlite3 osv.db "$q" >got &&
	test -s want && test_cmp want got &&
	test "$(json_field "d[\"advisories\"]" <out)" = "$(wc -l <want)"
'

stop_httpd
test_done

#!/bin/sh
# tplc alerts send to a real rsyslogd (Debian's) on 127.0.0.1 over UDP,
# TCP (RFC 6587 octet counting) and TLS (RFC 5425, ossl driver), checked
# on the RFC 5424 fields rsyslog parsed; tplc alerts list on the store.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"

RSYSLOGD=$(command -v rsyslogd || ls /usr/sbin/rsyslogd 2>/dev/null || true)
if [ -z "$RSYSLOGD" ]; then
	echo "1..0 # SKIP rsyslogd not installed (apt-get install rsyslog rsyslog-openssl)"
	exit 0
fi

D=$TEST_DIR
trap 'test -f "$D/rsyslog.pid" && kill "$(cat "$D/rsyslog.pid")" 2>/dev/null; rm -rf "$D"' EXIT

# three free ports, asked of the kernel
set -- $(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
UDP=$1 TCP=$2 TLS=$3

# a CA, a server certificate for "localhost" only (so 127.0.0.1 is the
# wrong name), and a second CA that signed nothing
openssl_quiet() { openssl "$@" >/dev/null 2>&1; }
openssl_quiet req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=tplc-test-ca \
	-keyout ca.key -out ca.pem &&
openssl_quiet req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other-ca \
	-keyout other.key -out other.pem &&
openssl_quiet req -newkey rsa:2048 -nodes -subj /CN=localhost \
	-keyout server.key -out server.csr &&
printf 'subjectAltName=DNS:localhost\n' >san.ext &&
openssl_quiet x509 -req -in server.csr -CA ca.pem -CAkey ca.key \
	-CAcreateserial -days 2 -extfile san.ext -out server.pem ||
	{ echo "Bail out! openssl could not make the test certificates"; exit 1; }

mkdir work
cat >rsyslog.conf <<EOF
global(workDirectory="$D/work"
       defaultNetstreamDriverCAFile="$D/ca.pem"
       defaultNetstreamDriverCertFile="$D/server.pem"
       defaultNetstreamDriverKeyFile="$D/server.key")
module(load="imudp")
module(load="imtcp")
template(name="fields" type="string"
         string="%PRI%|%APP-NAME%|%MSGID%|%STRUCTURED-DATA%|%msg%\n")
input(type="imudp" address="127.0.0.1" port="$UDP" ruleset="udp")
input(type="imtcp" address="127.0.0.1" port="$TCP" ruleset="tcp")
input(type="imtcp" address="127.0.0.1" port="$TLS" ruleset="tls"
      StreamDriver.Name="ossl" StreamDriver.Mode="1"
      StreamDriver.AuthMode="anon")
ruleset(name="udp") { action(type="omfile" file="$D/udp.log" template="fields") }
ruleset(name="tcp") { action(type="omfile" file="$D/tcp.log" template="fields") }
ruleset(name="tls") { action(type="omfile" file="$D/tls.log" template="fields") }
EOF
"$RSYSLOGD" -n -f "$D/rsyslog.conf" -i "$D/rsyslog.pid" >rsyslog.out 2>&1 &

# up when both TCP ports accept
up=0
for i in $(seq 1 100); do
	if python3 -c "
import socket, sys
for p in ($TCP, $TLS): socket.create_connection(('127.0.0.1', p), 0.2).close()
" 2>/dev/null; then up=1; break; fi
	sleep 0.1
done
if [ $up -ne 1 ]; then
	echo "Bail out! rsyslogd did not start:"
	sed 's/^/# /' rsyslog.out
	exit 1
fi

# wait_lines FILE N: rsyslog writes asynchronously
wait_lines() {
	for i in $(seq 1 50); do
		[ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	echo "$1 has not $2 lines:" >&2
	cat "$1" >&2 2>/dev/null
	return 1
}

test_expect_success 'UDP: PRI, APP-NAME, MSGID, escaped SD and MSG as sent' '
	tplc alerts send --to udp://127.0.0.1:$UDP --kind unexpected-peer \
		--message "CT-01 talked to 203.0.113.9" --device CT-01 \
		--rule "acl \"to-pacs\" [1]" --severity warning \
		--evidence "{\"peer\": \"203.0.113.9\", \"port\": 443, \"nested\": {}}" &&
	wait_lines udp.log 1 &&
	cat >want <<-\EOF &&
	164|tplc|unexpected-peer|[tplc@32473 kind="unexpected-peer" severity="warning" device="CT-01" rule="acl \"to-pacs\" [1\]" peer="203.0.113.9" port="443"]|CT-01 talked to 203.0.113.9
	EOF
	test_cmp want udp.log
'

test_expect_success 'UDP: facility and severity make the PRI' '
	tplc alerts send --to udp://127.0.0.1:$UDP --kind k --message m \
		--severity critical --facility 0 &&
	tplc alerts send --to udp://127.0.0.1:$UDP --kind k --message m \
		--severity info --facility 23 &&
	wait_lines udp.log 3 &&
	test "$(sed -n "2p;3p" udp.log | cut -d"|" -f1 | tr "\n" " ")" = "2 190 "
'

long=$(python3 -c 'print("x" * 5000)')
test_expect_success 'TCP: octet counting carries a long message whole' '
	tplc alerts send --to tcp://127.0.0.1:$TCP --kind no-profile \
		--message "first" --severity notice &&
	tplc alerts send --to tcp://127.0.0.1:$TCP --kind no-profile \
		--message "$long" --severity error &&
	wait_lines tcp.log 2 &&
	test "$(sed -n 1p tcp.log)" = "165|tplc|no-profile|[tplc@32473 kind=\"no-profile\" severity=\"notice\"]|first" &&
	test "$(sed -n 2p tcp.log | cut -d"|" -f1,3,5)" = "163|no-profile|$long"
'

test_expect_success 'TLS to the certificate name: delivered, CEF body' '
	tplc alerts send --to "tls://localhost:$TLS?ca=$D/ca.pem" --cef \
		--kind eos-outside-profile --message "MRI|2 = EOS" \
		--severity critical --device MRI-2 --rule "x=1" \
		--src 10.1.0.7 --dst 198.51.100.4 --sport 40000 --dport 443 \
		--proto 6 &&
	wait_lines tls.log 1 &&
	line=$(cat tls.log) &&
	test "$(echo "$line" | cut -d"|" -f1-3)" = "162|tplc|eos-outside-profile" &&
	msg=${line#*\]|} &&
	case "$msg" in
	"CEF:0|tplc|tplc|"*"|eos-outside-profile|MRI\\|2 = EOS|10|rt="*) ;;
	*) echo "bad CEF: $msg"; false ;;
	esac &&
	for kv in "src=10.1.0.7" "dst=198.51.100.4" "spt=40000" "dpt=443" \
		"proto=TCP" "cs1=x\\=1" "cs1Label=rule" "cs2=MRI-2"; do
		case " $msg " in *" $kv "*) ;; *) echo "no $kv in $msg"; exit 1 ;; esac
	done
'

test_expect_success 'TLS with the wrong CA is refused, nothing delivered' '
	test_expect_code 74 tplc alerts send --to "tls://localhost:$TLS?ca=$D/other.pem" \
		--kind k --message wrong-ca 2>err &&
	test_grep "certificate refused" err &&
	sleep 0.3 && ! grep -q wrong-ca tls.log
'

test_expect_success 'TLS to a name the certificate lacks is refused' '
	test_expect_code 74 tplc alerts send --to "tls://127.0.0.1:$TLS?ca=$D/ca.pem" \
		--kind k --message wrong-name 2>err &&
	test_grep "certificate refused" err &&
	sleep 0.3 && ! grep -q wrong-name tls.log
'

test_expect_success 'bad URLs are usage errors' '
	test_expect_code 64 tplc alerts send --to "tls://localhost:$TLS" --kind k --message m &&
	test_expect_code 64 tplc alerts send --to "tcp://127.0.0.1:0" --kind k --message m &&
	test_expect_code 64 tplc alerts send --to "tls://localhost:$TLS?ca=x&bogus=1" --kind k --message m &&
	test_expect_code 64 tplc alerts send --to "smtp://x:25" --kind k --message m
'

test_expect_success 'a closed port is an I/O error, not a hang' '
	kill "$(cat rsyslog.pid)" && sleep 0.5 &&
	test_expect_code 74 tplc alerts send --to tcp://127.0.0.1:$TCP --kind k --message m
'

test_expect_success 'file sink: one JSON line per alert' '
	tplc alerts send --to file:alerts.jsonl --kind k1 --message "a\"b" --dport 104 &&
	tplc alerts send --to file:alerts.jsonl --kind k2 --message m2 &&
	python3 -c "
import json
rows = [json.loads(l) for l in open(\"alerts.jsonl\")]
assert [r[\"kind\"] for r in rows] == [\"k1\", \"k2\"], rows
assert rows[0][\"message\"] == \"a\\\"b\" and rows[0][\"dst_port\"] == 104, rows
assert rows[0][\"at\"] == \"2026-11-25T12:00:00Z\", rows
"
'

test_expect_success 'alerts list reads the alerts table, with filters' '
	tplc init >/dev/null &&
	tplc alerts send --to store --kind unexpected-port --message one &&
	TPLC_NOW=2026-11-26T08:00:00Z tplc alerts send --to store \
		--kind unknown-ae-title --message two --severity error \
		--evidence "{\"ae\": \"SCANNER\"}" &&
	test "$(sqlite3 tplc.db "SELECT COUNT(*) FROM alerts")" = 2 &&
	tplc --json alerts list >all &&
	test "$(wc -l <all)" = 2 &&
	tplc --json alerts list --since 2026-11-26 >since &&
	test "$(wc -l <since)" = 1 && test_grep "\"message\":\"two\"" since &&
	test_grep "\"evidence\":{\"ae\":\"SCANNER\"}" since &&
	tplc --json alerts list --kind unexpected-port >kind &&
	test "$(wc -l <kind)" = 1 && test_grep "\"message\":\"one\"" kind &&
	tplc alerts list >table && test_grep "unknown-ae-title" table &&
	test_expect_code 66 tplc alerts send --to store --kind k --message m --device NOPE
'

test_done

#!/bin/sh
# tplc watch --iface on a live bridge: network namespaces (a bridge "sw"
# and hosts ct, pacs, rogue, lab, his, as /work/shared/tools/capture
# makes them), dcmtk's storescp/echoscu and the capture tools' HL7
# sender between them, while tplc listens on the bridge as root, drops
# to nobody, and stops on SIGINT.  Skipped when not root or when network
# namespaces are not permitted.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

TOOLS=$SHARED/../tools/capture
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP live capture needs root (ip netns, pcap_open_live)"
	exit 0
fi
for c in ip echoscu storescp python3; do
	if ! command -v $c >/dev/null 2>&1; then
		echo "1..0 # SKIP $c not installed"
		exit 0
	fi
done
N=t1230$$
if ! ip netns add ${N}sw 2>/dev/null; then
	echo "1..0 # SKIP ip netns add is not permitted here"
	exit 0
fi
cleanup() {
	for h in sw ct pacs rogue lab his; do
		ip netns pids $N$h 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del $N$h 2>/dev/null
	done
	rm -rf "$TEST_DIR"
}
trap cleanup EXIT
ns() {
	_ns=$N$1
	shift
	ip netns exec "$_ns" "$@"
}
ns sw ip link add br0 type bridge
ns sw ip link set br0 up
i=0
for h in ct:10.77.0.11 pacs:10.77.0.50 rogue:10.77.0.99 lab:10.77.0.31 \
	his:10.77.0.40; do
	n=${h%%:*}
	a=${h#*:}
	i=$((i + 1))
	v=v$$x$i # interface names: at most 15 characters
	ip netns add $N$n
	ip link add $v type veth peer name eth0 netns $N$n
	ip link set $v netns ${N}sw
	ns sw ip link set $v master br0
	ns sw ip link set $v up
	ns $n ip addr add $a/24 dev eth0
	ns $n ip link set eth0 up
	ns $n ip link set lo up
done

# the store lives where nobody can write it (docs/internals/wire.md)
chmod 711 "$TEST_DIR"
mkdir live && chmod 777 live
export TPLC_DB=$TEST_DIR/live/live.db
cat >inv.csv <<\EOF2
Asset Tag,Manufacturer,Model,IP Address,AE Title
CT-01,Siemens Healthineers,SOMATOM go.Up,10.77.0.11,CT_SCANNER_01
PACS-01,Agfa HealthCare,Enterprise Imaging,10.77.0.50,PACS_ARCHIVE
LAB-01,Roche,cobas pro,10.77.0.31,
HIS-01,Epic,Bridges,10.77.0.40,
EOF2
q() {
	sqlite3 -separator ' ' "$TPLC_DB" "$1"
}

test_expect_success 'inventory imported, the store handed to nobody' '
	tplc --quiet device import inv.csv &&
	chown -R nobody live
'

# LeakSanitizer cannot trace a process that changed its uid
test_expect_success 'watch --iface br0: drops to nobody, SIGINT ends it cleanly' '
	ASAN_OPTIONS=detect_leaks=0 ip netns exec ${N}sw "$TPLC_BIN" watch \
		--iface br0 --stats 1 >out 2>err &
	pid=$! &&
	for i in $(seq 50); do grep -q listening err && break; sleep 0.1; done &&
	test_grep "listening on br0 as uid 65534" err &&
	(ns pacs storescp -aet PACS_ARCHIVE 11112 >scp.log 2>&1 &) &&
	(cd "$TOOLS" && ns his python3 hl7.py server 2 >/dev/null 2>&1 &) &&
	sleep 1 &&
	ns ct echoscu -aet CT_SCANNER_01 -aec PACS_ARCHIVE 10.77.0.50 11112 &&
	ns rogue echoscu -aet SCANNER -aec PACS_ARCHIVE 10.77.0.50 11112 &&
	(cd "$TOOLS" && ns lab python3 hl7.py client 10.77.0.40 2) &&
	sleep 2 &&
	kill -INT $pid &&
	wait $pid &&
	test_grep "^watch: stats: frames" err &&
	test_grep "^watch: frames [0-9]*, .* associations 2, hl7 4, alerts 1," err
'

test_expect_success 'associations, messages and the SCANNER alert are stored' '
	q "SELECT calling_ae, called_ae, result FROM dicom_associations
	   ORDER BY at" >got &&
	cat >want <<-\EOT &&
	CT_SCANNER_01 PACS_ARCHIVE accepted
	SCANNER PACS_ARCHIVE accepted
	EOT
	test_cmp want got &&
	q "SELECT message_type FROM hl7_messages ORDER BY at" >got &&
	printf "ORU^R01\nACK^R01\nORU^R01\nACK^R01\n" >want &&
	test_cmp want got &&
	q "SELECT a.kind, h.ip FROM alerts a JOIN wire_hosts h
	   ON h.id = a.host_id" >got &&
	echo "unknown-ae-title 10.77.0.99" >want &&
	test_cmp want got
'

test_expect_success 'devices bound by IP; the rogue host is discovered' '
	q "SELECT d.asset_tag, h.ip, h.bound_by FROM wire_hosts h
	   JOIN devices d ON d.id = h.device_id ORDER BY h.ip" >got &&
	cat >want <<-\EOT &&
	CT-01 10.77.0.11 ip
	LAB-01 10.77.0.31 ip
	HIS-01 10.77.0.40 ip
	PACS-01 10.77.0.50 ip
	EOT
	test_cmp want got &&
	tplc --json discover list >out &&
	test_grep "\"ip\":\"10.77.0.99\",\"device\":null" out
'

test_expect_success 'watch refuses an unknown user instead of staying root' '
	test_expect_code 64 ip netns exec ${N}sw "$TPLC_BIN" watch \
		--iface br0 --user no-such-user-t1230 2>err &&
	test_grep "refusing to run on as root" err
'

test_done

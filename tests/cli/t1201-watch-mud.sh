#!/bin/sh
# tplc watch with a MUD profile (tests/cli/t1201/ct-mud.json): the CT may
# only open DICOM (tcp 11112) to its controller, the PACS.  In the
# hospital capture it also sends one SYN to 10.77.0.40:445: exactly one
# MUD alert, naming the device, the rule and the flow; at End of Support
# (a device EOS date in the past) the same flow is eos-outside-profile
# and critical.  Alerts reach a syslog collector over UDP (RFC 5424).
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

H=$SHARED/pcap/hospital/hospital-dicom-hl7
T=$SRC/tests/cli
P="Siemens Healthineers SOMATOM go.Up"
q() {
	sqlite3 -separator ' ' "$TPLC_DB" "$1"
}
setup() {
	tplc --quiet device import "$1" &&
	tplc --quiet mud import "$T/t1201/ct-mud.json" --product "$P" \
		--by Ann &&
	tplc --quiet mud bind my-controller 10.77.0.50 --product "$P" \
		--by Ann
}
MUD_ALERTS="SELECT a.kind, a.severity, d.asset_tag, a.rule,
	json_extract(a.evidence, '$.dst'), json_extract(a.evidence, '$.dport')
	FROM alerts a JOIN devices d ON d.id = a.device_id ORDER BY a.at"

test_expect_success 'a flow outside the profile: one unexpected-peer alert' '
	setup "$T/t1200/inventory.csv" &&
	tplc watch --pcap "$H.pcap" --alerts alerts.jsonl 2>err &&
	test_grep "alerts 3," err &&
	q "$MUD_ALERTS" >got &&
	echo "unexpected-peer warning CT-01 ct-v4fr/pacs-store-frdev 10.77.0.40 445" >want &&
	test_cmp want got &&
	test_grep -c "\"device\":\"CT-01\"" alerts.jsonl
'

test_expect_success 'the same flow at End of Support: eos-outside-profile, critical' '
	sed "1s/\$/,End of Support/; 2s/\$/,2024-06-30/; 3,\$s/\$/,/" \
		"$T/t1200/inventory.csv" >eos.csv &&
	TPLC_DB=eos.db setup eos.csv &&
	TPLC_DB=eos.db tplc --quiet watch --pcap "$H.pcap" &&
	TPLC_DB=eos.db q "$MUD_ALERTS" >got &&
	echo "eos-outside-profile critical CT-01 ct-v4fr/pacs-store-frdev 10.77.0.40 445" >want &&
	test_cmp want got
'

test_expect_success 'alerts go to a syslog collector over UDP (RFC 5424)' '
	cat >collect.py <<-\EOT &&
	import socket, sys
	s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
	s.bind(("127.0.0.1", 0))
	open("port", "w").write(str(s.getsockname()[1]))
	s.settimeout(20)
	with open("syslog.txt", "w") as out:
	    for _ in range(3):
	        out.write(s.recv(65535).decode() + "\n")
	EOT
	python3 collect.py &
	pid=$! &&
	for i in 1 2 3 4 5 6 7 8 9 10; do test -s port && break; sleep 0.2; done &&
	tplc --quiet watch --pcap "$H.pcap" --syslog "udp://127.0.0.1:$(cat port)" &&
	wait $pid &&
	test_grep -c "^<[0-9]*>1 .* tplc [0-9-]* unknown-ae-title " syslog.txt &&
	test_grep "^<[0-9]*>1 .* unexpected-peer \[tplc@32473 .*device=\"CT-01\"" syslog.txt
'

test_done

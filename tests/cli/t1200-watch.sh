#!/bin/sh
# tplc watch on the hospital capture (CT, ultrasound, workstation, PACS,
# an unknown "SCANNER", a lab analyser sending HL7 to the HIS), with an
# inventory that binds CT, PACS, lab and HIS by MAC, the ultrasound by IP
# only and the workstation by AE title only, and has no row for
# 10.77.0.99.  Oracles: tshark's decode of every A-ASSOCIATE-RQ/AC and
# HL7 message (*.expected.csv) and its TCP conversations
# (*.conversations.txt).  The nDPI captures (malformed and fuzzed
# packets among them) must run clean under ASan.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

H=$SHARED/pcap/hospital/hospital-dicom-hl7
T=$SRC/tests/cli/t1200
q() {
	sqlite3 -separator ' ' "$TPLC_DB" "$1"
}
test_line_count() {
	test "$(wc -l <"$2")" -eq "$1" || {
		echo "$2: $(wc -l <"$2") lines, want $1" >&2
		return 1
	}
}

test_expect_success 'inventory with AE titles imports' '
	tplc --quiet device import "$T/inventory.csv" &&
	q "SELECT asset_tag, ae_title FROM devices WHERE ae_title IS NOT NULL
	   ORDER BY asset_tag" >got &&
	cat >want <<-\EOT &&
	CT-01 CT_SCANNER_01
	PACS-01 PACS_ARCHIVE
	US-03 US_ROOM3
	WS-07 RAD_WS_07
	EOT
	test_cmp want got
'

test_expect_success 'watch --pcap: counters on stderr' '
	tplc watch --pcap "$H.pcap" --flows flows.jsonl \
		--alerts alerts.jsonl 2>err &&
	test_grep "^watch: frames 171, bytes [0-9]*, flows 12, malformed 0, hosts 8, associations 6, hl7 6, alerts 2," err
'

test_expect_success 'hosts: six bound (mac, ip, ae-title), two discovered' '
	q "SELECT h.mac, h.ip, coalesce(d.asset_tag, \"-\"),
	          coalesce(h.bound_by, \"-\"), coalesce(h.ae_titles, \"-\")
	   FROM wire_hosts h LEFT JOIN devices d ON d.id = h.device_id
	   ORDER BY h.ip" >got &&
	cat >want <<-\EOT &&
	9e:a1:47:d0:93:ac 10.77.0.11 CT-01 mac CT_SCANNER_01
	fe:cf:36:7b:b5:59 10.77.0.12 US-03 ip US_ROOM3
	92:21:b5:b2:38:de 10.77.0.31 LAB-01 mac -
	e6:0d:ac:8d:ec:c5 10.77.0.40 HIS-01 mac -
	f6:79:81:6d:f9:f9 10.77.0.50 PACS-01 mac -
	2a:77:0b:f9:96:d8 10.77.0.60 WS-07 ae-title RAD_WS_07
	fa:de:43:c9:c7:f8 10.77.0.99 - - SCANNER
	2e:4c:cd:9f:7b:7d fe80::480:65ff:fe1c:a9e - - -
	EOT
	test_cmp want got
'

test_expect_success 'DICOM associations equal tshark A-ASSOCIATE-RQ/AC' '
	awk -F, "\$6 == \"0x01\" { print \$2, \$4, \$5, \$7, \$8, \$9, \$10 }" \
		"$H.expected.csv" | sed "s/^/accepted /" >want &&
	q "SELECT a.result, c.ip, s.ip, a.called_port, a.calling_ae,
	          a.called_ae, a.implementation_uid, a.implementation_version
	   FROM dicom_associations a
	   JOIN wire_hosts c ON c.id = a.calling_host
	   JOIN wire_hosts s ON s.id = a.called_host ORDER BY a.at" >got &&
	test_line_count 6 got &&
	test_cmp want got
'

test_expect_success 'associations carry their abstract syntaxes' '
	q "SELECT count(*) FROM dicom_associations
	   WHERE abstract_syntaxes LIKE \"1.2.840.10008.%\"" >got &&
	echo 6 >want &&
	test_cmp want got
'

test_expect_success 'HL7 messages equal tshark (ORU^R01 and the ACKs)' '
	awk -F, "NR > 1 && \$11 != \"\" { print \$2, \$4, \$5, \$11 \"^\" \$12 }" \
		"$H.expected.csv" >want &&
	q "SELECT s.ip, r.ip, m.port, m.message_type FROM hl7_messages m
	   JOIN wire_hosts s ON s.id = m.sender_host
	   JOIN wire_hosts r ON r.id = m.receiver_host ORDER BY m.at" >got &&
	test_cmp want got &&
	q "SELECT DISTINCT sending_application FROM hl7_messages
	   WHERE message_type = \"ORU^R01\"" >got &&
	echo CHEM_ANALYZER >want &&
	test_cmp want got
'

test_expect_success 'alerts: exactly the two associations from SCANNER' '
	q "SELECT kind, severity, coalesce(a.device_id, \"-\"), h.ip,
	          json_extract(evidence, \"$.calling_ae\"),
	          json_extract(evidence, \"$.called_ae\"),
	          json_extract(evidence, \"$.dport\")
	   FROM alerts a JOIN wire_hosts h ON h.id = a.host_id
	   ORDER BY a.at" >got &&
	cat >want <<-\EOT &&
	unknown-ae-title warning - 10.77.0.99 SCANNER PACS_ARCHIVE 11112
	unknown-ae-title warning - 10.77.0.99 SCANNER ANY-SCP 104
	EOT
	test_cmp want got &&
	test_line_count 2 alerts.jsonl &&
	python3 -c "import json,sys; [json.loads(l) for l in open(\"alerts.jsonl\")]" &&
	test_grep -c "\"kind\":\"unknown-ae-title\"" alerts.jsonl
'

test_expect_success 'flows equal tshark conversations (frames, bytes)' '
	python3 "$T/conv.py" "$H.conversations.txt" flows.jsonl >out &&
	test_grep "^conversations 10$" out
'

# tcpdump is the oracle for a host's frames (sent and received, ARP too)
test_expect_success 'discover list: the hosts no device matches' '
	tplc --json discover list >out &&
	n=$(tcpdump -r "$H.pcap" -nn ether host fa:de:43:c9:c7:f8 2>/dev/null |
		wc -l) &&
	python3 -c "
import json, sys
d = json.load(open(\"out\"))
assert [h[\"mac\"] for h in d] == [\"2e:4c:cd:9f:7b:7d\", \"fa:de:43:c9:c7:f8\"], d
h = d[1]
assert (h[\"ip\"], h[\"ae_titles\"], h[\"device\"]) == \
    (\"10.77.0.99\", \"SCANNER\", None), h
assert h[\"packets\"] == $n and h[\"first_seen\"] < h[\"last_seen\"], h
" &&
	tplc discover list --all >out &&
	test_line_count 9 out
'

test_expect_success 'a second run adds to the hosts, not new rows' '
	q "SELECT sum(packets) FROM wire_hosts" >before &&
	tplc --quiet watch --pcap "$H.pcap" &&
	q "SELECT count(*), sum(packets) FROM wire_hosts" >got &&
	q "SELECT count(*) FROM dicom_associations" >>got &&
	printf "8 %s\n12\n" $(($(cat before) * 2)) >want &&
	test_cmp want got
'

test_expect_success 'the nDPI captures (malformed, fuzzed) run clean' '
	for f in "$SHARED"/pcap/ndpi/*.pcap "$SHARED"/pcap/ndpi/*.pcapng; do
		TPLC_DB=ndpi.db tplc --quiet watch --pcap "$f" \
			--flows /dev/null || { echo "failed: $f"; exit 1; }
	done
'

test_expect_success 'a long capture: closed connections give their buffers back' '
	: 300 rounds of the hospital capture, each round other addresses, so
	: 1800 associations from 3600 connections: more than the 1024 flows
	: the monitor keeps stream buffers for at once &&
	python3 "$SRC/bench/gen-pcap.py" long.pcap 14114000 \
		"$SHARED/pcap/hospital" >/dev/null &&
	TPLC_DB=long.db tplc watch --pcap long.pcap 2>err &&
	test_grep "associations 1800, hl7 1800, .*dropped 0$" err
'

test_expect_success 'watch needs exactly one of --pcap and --iface' '
	test_expect_code 64 tplc watch 2>err &&
	test_grep "give --pcap or --iface" err
'

test_done

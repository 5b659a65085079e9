#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The passive monitor beside its peers on one capture of at least 500 MB
# made from the shared pcaps (bench/gen-pcap.py): tplc watch with
# identification and a MUD policy on, ndpiReader (one thread), tshark's TCP
# conversations, tcpdump copying to /dev/null, and a bare libpcap read loop.
# Prints Markdown table rows.
#
#   bench/wire.sh BUILD_DIR WORK_DIR
set -eu
build=$1
work=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TPLC_SHARED_DATA:-$root/../shared/data}
tplc=$build/cli/tplc
pcap=$work/big.pcap

now() { date +%s.%N; }
# best of N runs of a command, in seconds
best() {
	n=$1
	shift
	b=""
	for _ in $(seq "$n"); do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		t=$(echo "$t1 - $t0" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}

[ -f "$pcap" ] || python3 "$root/bench/gen-pcap.py" "$pcap" 520000000 \
	"$shared/pcap/ndpi" "$shared/pcap/hospital" >&2
bytes=$(stat -c %s "$pcap")

# the store tplc watches with: the hospital capture's hosts as inventory,
# and a MUD profile for the CT scanner
db=$work/wire.db
rm -f "$db"*
"$tplc" --quiet --db "$db" device import "$root/bench/wire-inventory.csv" >/dev/null
"$tplc" --quiet --db "$db" mud import "$root/bench/wire-ct.mud.json" \
	--product "Example CT" --by bench >/dev/null

row() {
	label=$1
	secs=$2
	printf '| %s | %.2f s | %.0f MB/s | %.2fx |\n' "$label" "$secs" \
		"$(echo "$bytes / $secs / 1000000" | bc -l)" \
		"$(echo "$secs / $tplc_secs" | bc -l)"
}

tplc_secs=$(best 3 "$tplc" --quiet --db "$db" watch --pcap "$pcap")
loop_secs=$(best 3 "$build/bench/bench-pcap-loop" "$pcap")
tcpdump_secs=$(best 3 tcpdump -r "$pcap" -w /dev/null)
ndpi_secs=$(best 3 ndpiReader -i "$pcap" -q -n 1)
tshark_secs=$(best 1 tshark -r "$pcap" -q -z conv,tcp)

echo "| program | time | throughput | time / tplc's |"
echo "|---|---|---|---|"
row "tplc watch --pcap (decode, flows, DICOM/HL7/DHCP/DNS/TLS, hosts, MUD policy)" "$tplc_secs"
row "bare libpcap read loop (bench-pcap-loop)" "$loop_secs"
row "tcpdump -r FILE -w /dev/null" "$tcpdump_secs"
row "ndpiReader -i FILE -q -n 1" "$ndpi_secs"
row "tshark -r FILE -q -z conv,tcp" "$tshark_secs"
echo
printf 'Issue 7 asks for at least 3x ndpiReader'"'"'s throughput: tplc has %.2fx.\n' \
	"$(echo "$ndpi_secs / $tplc_secs" | bc -l)"
printf 'Capture: %s bytes, %s frames.\n' "$bytes" \
	"$("$build/bench/bench-pcap-loop" "$pcap" | cut -d' ' -f1)"
echo
echo "A million concurrent flows in one table (bench-flows: 1,000,000 distinct"
echo "TCP flows, each seen both ways), against the issue's 512 MB:"
echo
echo '```'
"$build/bench/bench-flows"
echo '```'

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write one large Ethernet pcap made of the shared captures, for the
packet benchmarks: every Ethernet-framed classic pcap under the folders
given is read once, and its frames are written again and again, each round
with timestamps moved on and the IPv4 addresses' second octet set to the
round number, so that rounds are distinct flows (checksums are left as
they are: no tool in the benchmark checks them).

    gen-pcap.py OUT MIN_BYTES DIR...
"""
import os
import struct
import sys


def frames(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return []
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        endian = "<"
    elif magic == b"\xa1\xb2\xc3\xd4":
        endian = ">"
    else:
        return []  # pcapng or nanosecond files: left out
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    if linktype != 1:
        return []
    out, pos = [], 24
    while pos + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack(endian + "IIII", data[pos:pos + 16])
        pos += 16
        if incl > 262144 or pos + incl > len(data):
            break
        out.append((sec, usec, orig, data[pos:pos + incl]))
        pos += incl
    return out


def retag(frame, round_no):
    """Set the second octet of both IPv4 addresses to the round number."""
    b = bytearray(frame)
    off, ethertype = 14, struct.unpack(">H", b[12:14])[0] if len(b) >= 14 else 0
    while ethertype in (0x8100, 0x88A8) and len(b) >= off + 4:
        ethertype = struct.unpack(">H", b[off + 2:off + 4])[0]
        off += 4
    if ethertype == 0x0800 and len(b) >= off + 20:
        b[off + 13] = round_no & 0xFF
        b[off + 17] = round_no & 0xFF
    return bytes(b)


def main():
    out, minimum, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    pool = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".pcap"):
                pool.extend(frames(os.path.join(d, name)))
    if not pool:
        sys.exit("gen-pcap: no Ethernet pcap frames found")
    written, round_no, base = 24, 0, 1_700_000_000
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        while written < minimum:
            for i, (_, _, orig, data) in enumerate(pool):
                t = round_no * 60 + i // 1000
                usec = (i % 1000) * 1000
                rec = retag(data, round_no)
                f.write(struct.pack("<IIII", base + t, usec, len(rec), max(orig, len(rec))))
                f.write(rec)
                written += 16 + len(rec)
            round_no += 1
    print("gen-pcap: %d bytes, %d rounds of %d frames" % (written, round_no, len(pool)))


if __name__ == "__main__":
    main()

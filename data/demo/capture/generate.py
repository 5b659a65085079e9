#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write semc-ward.pcap: a short, well-formed capture of the demo hospital.

Stdlib only, fixed seed and fixed timestamps (2026-11-25 from 08:00:00 UTC):
running it twice gives the same bytes.  Every host's MAC and IP comes from
../inventory.csv, except the servers the CMMS does not list (resolver, LIS,
HIS, Alaris Systems Manager, the core router) and the two devices nobody
registered (a portable X-ray unit and an Alaris pump).  README.md lists the
conversations with their frame numbers and the alerts a monitor should raise.

    python3 data/demo/capture/generate.py [OUT.pcap]
"""

import random
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "semc-ward.pcap"
SEED = 20261125
T0 = 1795593600  # 2026-11-25T08:00:00Z

rng = random.Random(SEED)


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def ip(s):
    return bytes(int(x) for x in s.split("."))


class Host:
    def __init__(self, name, m, a, ttl):
        self.name, self.mac, self.ip, self.ttl = name, mac(m), ip(a), ttl
        self.ipid = rng.randrange(0x1000, 0xF000)

    def next_id(self):
        self.ipid = (self.ipid + 1) & 0xFFFF
        return self.ipid


# Inventory devices (inventory.csv rows: asset tag, MAC, IP).
ISP = Host("SEMC-004403 IntelliSpace Portal", "30:e1:71:8f:e7:dd", "10.10.80.15", 128)
PACS = Host("SEMC-006175 Vue PACS", "24:6e:96:20:2e:bf", "10.10.200.13", 128)
ISEQ = Host("SEMC-006516 iSeq 100", "d4:81:d7:39:27:c7", "10.10.100.11", 128)
PCU = Host("SEMC-004278 Alaris PC Unit", "f8:c6:78:07:9e:6c", "10.10.51.27", 64)
XTR = Host("SEMC-003114 XTR 1.0.2", "00:a0:aa:96:75:ea", "10.10.50.20", 128)
CSCS = Host("SEMC-003247 CARESCAPE CS", "9c:8e:99:bf:9d:49", "10.10.40.31", 64)
EXM = Host("SEMC-003877 ExactaMix", "58:46:e1:bb:f4:e9", "10.10.90.11", 128)
# Not in the inventory: hospital IT servers (VMware guests) and the router.
DNS = Host("resolver + DHCP server", "00:50:56:8a:10:35", "10.10.200.53", 128)
LIS = Host("LIS", "00:50:56:8a:3c:60", "10.10.200.60", 64)
HIS = Host("HIS interface engine", "00:50:56:8a:2e:50", "10.10.200.50", 64)
ASM = Host("Alaris Systems Manager", "00:50:56:8a:51:28", "10.10.200.40", 128)
GW = Host("core router (relay 10.10.51.1)", "00:1b:54:5e:10:01", "10.10.51.1", 255)
NET = Host("internet host", "00:1b:54:5e:10:01", "203.0.113.50", 52)
# Not in the inventory: the devices the monitor must find.
PXR = Host("portable X-ray PORTABLE_XR1", "00:1d:4a:6c:21:07", "10.10.80.77", 64)
PUMP = Host("unregistered Alaris pump", "f8:c6:78:4d:0e:91", "0.0.0.0", 64)
PUMP_IP = "10.10.51.41"
BCAST = Host("broadcast", "ff:ff:ff:ff:ff:ff", "255.255.255.255", 0)
SWITCH_MAC = mac("f8:7b:20:3a:c1:80")

# ---- pcap writer -------------------------------------------------------------

frames = []  # (usec since T0, bytes)
clock = [0]  # microseconds since T0


def at(seconds):
    """Move the clock forward to T0 + seconds (never backwards)."""
    clock[0] = max(clock[0], int(seconds * 1_000_000))


def tick(lo=80, hi=900):
    clock[0] += rng.randrange(lo, hi)


def emit(data):
    tick()
    frames.append((clock[0], data))


def write_pcap(path):
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for usec, data in frames:
        sec, frac = divmod(usec, 1_000_000)
        out += struct.pack("<IIII", T0 + sec, frac, len(data), len(data))
        out += data
    Path(path).write_bytes(bytes(out))
    return len(out)


# ---- Ethernet / IPv4 / UDP / TCP --------------------------------------------


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ttl, ipid, src_ip=None, dst_ip=None):
    sip = src_ip or src.ip
    dip = dst_ip or dst.ip
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ipid,
                      0x4000 if proto == 6 else 0, ttl, proto, 0, sip, dip)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def l4sum(sip, dip, proto, seg):
    return csum(sip + dip + struct.pack("!BBH", 0, proto, len(seg)) + seg)


def eth(src_mac, dst_mac, etype, payload):
    frame = dst_mac + src_mac + struct.pack("!H", etype) + payload
    return frame + b"\0" * max(0, 60 - len(frame))


def udp(src, dst, sport, dport, payload, src_ip=None, dst_ip=None):
    sip = ip(src_ip) if src_ip else src.ip
    dip = ip(dst_ip) if dst_ip else dst.ip
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    c = l4sum(sip, dip, 17, seg) or 0xFFFF
    seg = seg[:6] + struct.pack("!H", c) + seg[8:]
    pkt = ipv4(src, dst, 17, seg, src.ttl, src.next_id(), sip, dip)
    emit(eth(src.mac, dst.mac, 0x0800, pkt))


FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


class Tcp:
    """One TCP connection: handshake, data with acks, FIN/ACK teardown."""

    def __init__(self, cli, srv, dport, sport=None, mss=1460):
        self.c, self.s = cli, srv
        self.cport = sport or rng.randrange(49152, 65000)
        self.sport = dport
        self.seq = {cli: rng.randrange(1 << 32), srv: rng.randrange(1 << 32)}
        self.win = {cli: 64240, srv: 65535}
        self.mss = mss

    def peer(self, h):
        return self.s if h is self.c else self.c

    def seg(self, h, flags, data=b"", opts=b""):
        p = self.peer(h)
        sp, dp = (self.cport, self.sport) if h is self.c else (self.sport, self.cport)
        ack = self.seq[p] if flags & ACK else 0
        off = (20 + len(opts)) // 4
        hdr = struct.pack("!HHIIBBHHH", sp, dp, self.seq[h], ack, off << 4,
                          flags, self.win[h] if flags & SYN else self.win[h] >> 8, 0, 0) + opts
        seg = hdr + data
        c = l4sum(h.ip, p.ip, 6, seg)
        seg = seg[:16] + struct.pack("!H", c) + seg[18:]
        emit(eth(h.mac, p.mac, 0x0800, ipv4(h, p, 6, seg, h.ttl, h.next_id())))
        self.seq[h] = (self.seq[h] + len(data) + (1 if flags & (SYN | FIN) else 0)) & 0xFFFFFFFF

    def open(self):
        mss = struct.pack("!BBH", 2, 4, self.mss)
        self.seg(self.c, SYN, opts=mss + b"\x01\x03\x03\x08\x01\x01\x04\x02")
        self.seg(self.s, SYN | ACK, opts=mss + b"\x01\x03\x03\x08\x01\x01\x04\x02")
        self.seg(self.c, ACK)
        return self

    def send(self, h, data):
        """Data from h in MSS-sized segments; the peer acks every second one."""
        n = 0
        for i in range(0, len(data), self.mss):
            chunk = data[i:i + self.mss]
            last = i + self.mss >= len(data)
            self.seg(h, ACK | (PSH if last else 0), chunk)
            n += 1
            if n % 2 == 0 or last:
                tick(150, 2500)
                self.seg(self.peer(h), ACK)
        return self

    def close(self, first=None):
        a = first or self.c
        b = self.peer(a)
        self.seg(a, FIN | ACK)
        self.seg(b, FIN | ACK)
        self.seg(a, ACK)


# ---- LLDP ---------------------------------------------------------------------


def tlv(t, v):
    return struct.pack("!H", (t << 9) | len(v)) + v


def lldp():
    body = (tlv(1, b"\x04" + SWITCH_MAC) + tlv(2, b"\x05Gi1/0/24") + tlv(3, b"\x00\x78")
            + tlv(4, b"5W telemetry equipment room, XTR uplink")
            + tlv(5, b"MC-TWB-L5-IDF-SW01")
            + tlv(6, b"Cisco IOS Software, C9300 Software (CAT9K_IOSXE), Version 17.9.4a")
            + tlv(7, b"\x00\x14\x00\x04")  # capabilities: bridge, router; enabled: bridge
            + tlv(8, b"\x05\x01" + ip("10.10.50.2") + b"\x02\x00\x00\x00\x18\x00")
            + tlv(0, b""))
    src = SWITCH_MAC[:5] + bytes([SWITCH_MAC[5] + 24])  # the port's own MAC
    emit(eth(src, mac("01:80:c2:00:00:0e"), 0x88CC, body))


# ---- DHCP (RFC 2131/2132, option 161 = MUD URL, RFC 8520) -------------------

MUD_URL = b"https://mud.bd.example/alaris-pcu-8015.json"


def dhcp_msg(op, xid, chaddr, opts, yiaddr="0.0.0.0", giaddr="0.0.0.0", flags=0x8000):
    m = struct.pack("!BBBBIHH4s4s4s4s", op, 1, 6, 1 if giaddr != "0.0.0.0" else 0,
                    xid, 0, flags, b"\0" * 4, ip(yiaddr), b"\0" * 4, ip(giaddr))
    m += chaddr + b"\0" * 10 + b"\0" * 64 + b"\0" * 128 + b"\x63\x82\x53\x63"
    for code, val in opts:
        m += bytes([code, len(val)]) + val
    return m + b"\xff"


def dhcp_exchange(client, hostname, lease_ip):
    xid = rng.randrange(1 << 32)
    cid = b"\x01" + client.mac
    prl = bytes([1, 3, 6, 15, 28, 42, 51, 54, 58, 59, 119])
    common = [(61, cid), (12, hostname), (60, b"BD Alaris PC Unit"), (55, prl), (161, MUD_URL)]
    server = [(54, DNS.ip), (51, struct.pack("!I", 86400)), (58, struct.pack("!I", 43200)),
              (59, struct.pack("!I", 75600)), (1, ip("255.255.255.0")), (3, ip("10.10.51.1")),
              (6, DNS.ip), (15, b"semc.example"), (28, ip("10.10.51.255")),
              (42, ip("10.10.200.123"))]
    udp(client, BCAST, 68, 67, dhcp_msg(1, xid, client.mac, [(53, b"\x01"), (57, b"\x05\xdc")] + common),
        src_ip="0.0.0.0")
    tick(2000, 6000)
    udp(GW, BCAST, 67, 68, dhcp_msg(2, xid, client.mac, [(53, b"\x02")] + server,
                                    yiaddr=lease_ip, giaddr="10.10.51.1"))
    tick(2000, 6000)
    udp(client, BCAST, 68, 67, dhcp_msg(1, xid, client.mac, [(53, b"\x03"), (50, ip(lease_ip)),
                                                             (54, DNS.ip)] + common),
        src_ip="0.0.0.0")
    tick(2000, 6000)
    udp(GW, BCAST, 67, 68, dhcp_msg(2, xid, client.mac, [(53, b"\x05")] + server,
                                    yiaddr=lease_ip, giaddr="10.10.51.1"))


# ---- DNS ----------------------------------------------------------------------


def dns_name(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"


def dns_lookup(client, name, answer):
    qid = rng.randrange(1 << 16)
    q = dns_name(name) + struct.pack("!HH", 1, 1)
    sport = rng.randrange(49152, 65000)
    udp(client, DNS, sport, 53, struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + q)
    rr = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + ip(answer)
    udp(DNS, client, 53, sport, struct.pack("!HHHHHH", qid, 0x8580, 1, 1, 0, 0) + q + rr)


# ---- TLS ----------------------------------------------------------------------


def rec(ctype, body, ver=0x0303):
    return struct.pack("!BHH", ctype, ver, len(body)) + body


def hs(htype, body):
    return bytes([htype]) + struct.pack("!I", len(body))[1:] + body


def ext(t, body):
    return struct.pack("!HH", t, len(body)) + body


def client_hello(sni, alpn, session, ver=0x0303):
    exts = b""
    if sni:
        n = sni.encode()
        exts += ext(0, struct.pack("!HBH", len(n) + 3, 0, len(n)) + n)
    groups = struct.pack("!HHH", 0x001D, 0x0017, 0x0018)
    exts += ext(10, struct.pack("!H", len(groups)) + groups)
    exts += ext(11, b"\x01\x00")
    if ver == 0x0303:
        algs = struct.pack("!8H", 0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501)
        exts += ext(13, struct.pack("!H", len(algs)) + algs)
        exts += ext(23, b"")  # extended master secret
    if alpn:
        a = bytes([len(alpn)]) + alpn.encode()
        exts += ext(16, struct.pack("!H", len(a)) + a)
    exts += ext(0xFF01, b"\x00")  # renegotiation_info
    if ver == 0x0303:
        suites = [0xC02F, 0xC030, 0xC02B, 0xC02C, 0x009E, 0xC027, 0xC013, 0xC014, 0x009C, 0x002F, 0x0035]
    else:
        suites = [0x0004, 0x0005, 0x000A, 0x0009, 0x0064, 0x0062, 0x0003, 0x0006, 0x0013, 0x0012, 0x0063]
    body = (struct.pack("!H", ver) + bytes(rng.randrange(256) for _ in range(32))
            + bytes([len(session)]) + session
            + struct.pack("!H", 2 * len(suites)) + struct.pack("!%dH" % len(suites), *suites)
            + b"\x01\x00" + struct.pack("!H", len(exts)) + exts)
    return rec(22, hs(1, body), 0x0301)


def server_hello_resumed(session, suite, alpn):
    a = bytes([len(alpn)]) + alpn.encode()
    exts = ext(0xFF01, b"\x00") + ext(23, b"") + ext(16, struct.pack("!H", len(a)) + a)
    body = (b"\x03\x03" + bytes(rng.randrange(256) for _ in range(32)) + bytes([len(session)])
            + session + struct.pack("!HB", suite, 0) + struct.pack("!H", len(exts)) + exts)
    return rec(22, hs(2, body))


def rnd(n):
    return bytes(rng.randrange(256) for _ in range(n))


def tls_session(client, server, sni):
    """An abbreviated (resumed) TLS 1.2 handshake, then encrypted records."""
    session = rnd(32)
    c = Tcp(client, server, 443).open()
    c.send(client, client_hello(sni, "http/1.1", session))
    tick(3000, 9000)
    c.send(server, server_hello_resumed(session, 0xC02F, "http/1.1")
           + rec(20, b"\x01") + rec(22, rnd(40)))
    c.send(client, rec(20, b"\x01") + rec(22, rnd(40)))
    c.send(client, rec(23, rnd(24 + 420)))  # POST of pump status
    tick(20000, 60000)
    c.send(server, rec(23, rnd(24 + 610)))
    c.send(client, rec(23, rnd(24 + 230)))
    tick(20000, 60000)
    c.send(server, rec(23, rnd(24 + 180)))
    c.send(client, rec(21, rnd(26)))  # close_notify (encrypted alert)
    c.close(client)


# ---- DICOM upper layer (PS3.8) and DIMSE (PS3.7) -----------------------------

APP_CTX = b"1.2.840.10008.3.1.1.1"
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
DX_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1"
EXPLICIT_LE = b"1.2.840.10008.1.2.1"
IMPLICIT_LE = b"1.2.840.10008.1.2"


def item(t, body):
    return struct.pack("!BBH", t, 0, len(body)) + body


def pdu(t, body):
    return struct.pack("!BBI", t, 0, len(body)) + body


def ae(s):
    return s.encode().ljust(16)


def user_info(max_len, impl_uid, impl_ver):
    return item(0x50, item(0x51, struct.pack("!I", max_len)) + item(0x52, impl_uid)
                + item(0x55, impl_ver))


def assoc_rq(calling, called, abstract, impl_uid, impl_ver):
    pc = item(0x20, b"\x01\0\0\0" + item(0x30, abstract.encode()) + item(0x40, EXPLICIT_LE)
              + item(0x40, IMPLICIT_LE))
    return pdu(1, b"\x00\x01\0\0" + ae(called) + ae(calling) + b"\0" * 32 + item(0x10, APP_CTX)
               + pc + user_info(16384, impl_uid, impl_ver))


def assoc_ac(calling, called):
    pc = item(0x21, b"\x01\0\0\0" + item(0x40, EXPLICIT_LE))
    return pdu(2, b"\x00\x01\0\0" + ae(called) + ae(calling) + b"\0" * 32 + item(0x10, APP_CTX)
               + pc + user_info(16384, b"1.3.46.670589.42.1.4.12.2", b"VUEPACS_12_2"))


def uid_val(s):
    b = s.encode()
    return b + b"\0" if len(b) % 2 else b


def str_val(s):
    b = s.encode()
    return b + b" " if len(b) % 2 else b


def implicit(group, elem, val):
    return struct.pack("<HHI", group, elem, len(val)) + val


def command(elems):
    body = b"".join(implicit(0, e, v) for e, v in elems)
    return implicit(0, 0, struct.pack("<I", len(body))) + body


def explicit(group, elem, vr, val):
    if vr in ("OB", "OW", "SQ", "UN", "UT"):
        return struct.pack("<HH2sHI", group, elem, vr.encode(), 0, len(val)) + val
    return struct.pack("<HH2sH", group, elem, vr.encode(), len(val)) + val


def image(sop_class, sop_uid, modality, patient, pid, study, series, rows):
    us = lambda v: struct.pack("<H", v)
    pixels = bytes(b for _ in range(rows * rows) for b in struct.pack("<H", rng.randrange(0, 4096)))
    return b"".join([
        explicit(0x0008, 0x0016, "UI", uid_val(sop_class)),
        explicit(0x0008, 0x0018, "UI", uid_val(sop_uid)),
        explicit(0x0008, 0x0020, "DA", b"20261125"),
        explicit(0x0008, 0x0060, "CS", str_val(modality)),
        explicit(0x0010, 0x0010, "PN", str_val(patient)),
        explicit(0x0010, 0x0020, "LO", str_val(pid)),
        explicit(0x0020, 0x000D, "UI", uid_val(study)),
        explicit(0x0020, 0x000E, "UI", uid_val(series)),
        explicit(0x0028, 0x0002, "US", us(1)),
        explicit(0x0028, 0x0004, "CS", b"MONOCHROME2 "),
        explicit(0x0028, 0x0010, "US", us(rows)),
        explicit(0x0028, 0x0011, "US", us(rows)),
        explicit(0x0028, 0x0100, "US", us(16)),
        explicit(0x0028, 0x0101, "US", us(12)),
        explicit(0x0028, 0x0102, "US", us(11)),
        explicit(0x0028, 0x0103, "US", us(0)),
        explicit(0x7FE0, 0x0010, "OW", pixels),
    ])


def pdv(ctx, mch, data):
    return struct.pack("!IBB", len(data) + 2, ctx, mch) + data


def dicom_store(cli, calling, sop_class, impl_uid, impl_ver, images, start_id):
    c = Tcp(cli, PACS, 104).open()
    c.send(cli, assoc_rq(calling, "VUEPACS", sop_class, impl_uid, impl_ver))
    tick(5000, 15000)
    c.send(PACS, assoc_ac(calling, "VUEPACS"))
    for n, (sop_uid, ds) in enumerate(images):
        mid = struct.pack("<H", start_id + n)
        cmd = command([(0x0002, uid_val(sop_class)), (0x0100, struct.pack("<H", 0x0001)),
                       (0x0110, mid), (0x0700, struct.pack("<H", 0)),
                       (0x0800, struct.pack("<H", 0x0000)), (0x1000, uid_val(sop_uid))])
        c.send(cli, pdu(4, pdv(1, 0x03, cmd)))
        # Data set in PDVs of at most 16 KiB - 6 (the PACS's max PDU length).
        step = 16384 - 6
        for i in range(0, len(ds), step):
            last = i + step >= len(ds)
            c.send(cli, pdu(4, pdv(1, 0x02 if last else 0x00, ds[i:i + step])))
        tick(20000, 80000)
        rsp = command([(0x0002, uid_val(sop_class)), (0x0100, struct.pack("<H", 0x8001)),
                       (0x0120, mid), (0x0800, struct.pack("<H", 0x0101)),
                       (0x0900, struct.pack("<H", 0)), (0x1000, uid_val(sop_uid))])
        c.send(PACS, pdu(4, pdv(1, 0x03, rsp)))
    c.send(cli, pdu(5, b"\0\0\0\0"))
    c.send(PACS, pdu(6, b"\0\0\0\0"))
    c.close(cli)


# ---- HL7 v2 over MLLP ----------------------------------------------------------


def mllp(segments):
    return b"\x0b" + "\r".join(segments).encode() + b"\r\x1c\x0d"


def hl7_exchange(cli, srv, msg_segments, ack_segments):
    c = Tcp(cli, srv, 2575).open()
    c.send(cli, mllp(msg_segments))
    tick(10000, 40000)
    c.send(srv, mllp(ack_segments))
    c.close(cli)


# ---- the capture ----------------------------------------------------------------


def opaque(n):
    """A proprietary binary message: length-prefixed, random body."""
    return struct.pack("!HH", 0x5E1A, n) + rnd(n)


def smb1_negotiate():
    dialects = [b"PC NETWORK PROGRAM 1.0", b"LANMAN1.0", b"Windows for Workgroups 3.1a",
                b"LM1.2X002", b"LANMAN2.1", b"NT LM 0.12"]
    data = b"".join(b"\x02" + d + b"\0" for d in dialects)
    smb = (b"\xffSMB" + bytes([0x72]) + b"\0\0\0\0" + bytes([0x18]) + struct.pack("<H", 0xC853)
           + b"\0" * 12 + struct.pack("<HHHH", 0, 0xFEFF, 0, 0) + b"\x00"
           + struct.pack("<H", len(data)) + data)
    return b"\x00" + struct.pack("!I", len(smb))[1:] + smb


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT

    at(0.0)  # switch port announces itself
    lldp()

    at(1.0)  # registered Alaris PC Unit joins the ward WLAN
    dhcp_exchange(PCU, b"PCU8015-13069560", "10.10.51.27")

    at(3.0)  # an Alaris pump nobody registered
    dhcp_exchange(PUMP, b"PCU8015-14630052", PUMP_IP)

    at(5.0)  # the registered unit finds its Systems Manager and talks TLS to it
    dns_lookup(PCU, "alaris-sm.semc.example", "10.10.200.40")
    tls_session(PCU, ASM, "alaris-sm.semc.example")

    at(10.0)  # XTR to its CARESCAPE central station, as its profile allows
    c = Tcp(XTR, CSCS, 2050).open()
    for _ in range(6):
        c.send(XTR, opaque(rng.randrange(300, 1200)))
        tick(100000, 250000)
        c.send(CSCS, opaque(rng.randrange(20, 60)))
    c.close(XTR)

    at(20.0)  # IntelliSpace Portal stores two CT images on Vue PACS
    study = "1.3.46.670589.50.2.20261125.80015"
    series = study + ".3"
    imgs = []
    for k in (1, 2):
        uid = "%s.%d" % (series, k)
        imgs.append((uid, image(CT_STORAGE, uid, "CT", "DEMO^CTPATIENT", "SEMC0041187",
                                study, series, 64)))
    dicom_store(ISP, "ISP_SEMC_01", CT_STORAGE, b"1.3.46.670589.50.1.8.0.3", b"ISP_8.0.3", imgs, 1)

    at(30.0)  # iSeq 100 result to the LIS, with its ACK
    ts = "20261125080030"
    oru = ["MSH|^~\\&|ISEQ100|SEMC_MOLLAB|LIS|SEMC|%s||ORU^R01^ORU_R01|ISQ0000417|P|2.5.1" % ts,
           "PID|1||SEMC0052214^^^SEMC^MR||DEMO^LABPATIENT||19700101|F",
           "OBR|1|ORD77120|ISQ-RUN-0417|81479^Unlisted molecular pathology^CPT|||%s" % ts,
           "OBX|1|ST|48018-6^Gene studied^LN||BRCA1||||||F",
           "OBX|2|ST|69548-6^Genetic variant assessment^LN||Not detected||||||F"]
    ack = ["MSH|^~\\&|LIS|SEMC|ISEQ100|SEMC_MOLLAB|20261125080031||ACK^R01^ACK|LIS0091833|P|2.5.1",
           "MSA|AA|ISQ0000417"]
    hl7_exchange(ISEQ, LIS, oru, ack)

    at(35.0)  # admission from the HIS to the Alaris Systems Manager
    adt = ["MSH|^~\\&|HIS|SEMC|ALARIS_SM|SEMC|20261125080035||ADT^A01^ADT_A01|HIS2611250835|P|2.5.1",
           "EVN|A01|20261125080035",
           "PID|1||SEMC0060318^^^SEMC^MR||DEMO^WARDPATIENT||19581012|M",
           "PV1|1|I|5W^512^A^SEMC||||1234^DEMO^ATTENDING"]
    adt_ack = ["MSH|^~\\&|ALARIS_SM|SEMC|HIS|SEMC|20261125080035||ACK^A01^ACK|ASM000512|P|2.5.1",
               "MSA|AA|HIS2611250835"]
    hl7_exchange(HIS, ASM, adt, adt_ack)

    at(40.0)  # a portable X-ray unit nobody registered sends an image to the PACS
    dx_uid = "1.2.276.0.7230010.3.1.4.8323329.1907.1795593640.1"
    dx = image(DX_STORAGE, dx_uid, "DX", "DEMO^WARDPATIENT", "SEMC0060318",
               "1.2.276.0.7230010.3.1.2.8323329.1907.1795593640.1",
               "1.2.276.0.7230010.3.1.3.8323329.1907.1795593640.1", 48)
    dicom_store(PXR, "PORTABLE_XR1", DX_STORAGE, b"1.2.276.0.7230010.3.0.3.6.7",
                b"OFFIS_DCMTK_367", [(dx_uid, dx)], 1)

    at(50.0)  # the End-of-Support XTR reaches the internet ...
    c = Tcp(XTR, NET, 443).open()
    c.send(XTR, client_hello(None, None, b"", ver=0x0301))
    tick(30000, 60000)
    c.send(NET, rec(21, b"\x02\x28", 0x0301))  # handshake_failure: TLS 1.0 refused
    c.close(NET)

    at(55.0)  # ... and SMB on the pharmacy's ExactaMix (SMB1 off: it hangs up)
    c = Tcp(XTR, EXM, 445).open()
    c.send(XTR, smb1_negotiate())
    tick(1000, 3000)
    c.close(EXM)

    at(60.0)
    lldp()

    size = write_pcap(out)
    print("%s: %d frames, %d bytes" % (out, len(frames), size))


if __name__ == "__main__":
    main()

# Compare tplc's flow JSON lines with tshark's TCP conversations file:
# frames each way exactly, bytes exactly where tshark prints "N bytes"
# and within its rounding where it prints "N kB".  Prints one line per
# conversation; exit 1 on any difference.
import json, re, sys

flows = {}
for line in open(sys.argv[2]):
    f = json.loads(line)
    if f["proto"] != 6:
        continue
    key = (f["src_ip"], f["src_port"], f["dst_ip"], f["dst_port"])
    flows[key] = f
bad = 0
rows = 0
size = r"(\d+) (bytes|kB)"
pat = re.compile(r"^(\S+):(\d+)\s+<->\s+(\S+):(\d+)\s+(\d+) " + size +
                 r"\s+(\d+) " + size)
for line in open(sys.argv[1]):
    m = pat.match(line)
    if not m:
        continue
    rows += 1
    a, ap, b, bp = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
    back_f, back_b, back_u = int(m.group(5)), int(m.group(6)), m.group(7)
    fwd_f, fwd_b, fwd_u = int(m.group(8)), int(m.group(9)), m.group(10)
    f = flows.pop((a, ap, b, bp), None)
    if f is None:
        print("missing flow", a, ap, b, bp)
        bad += 1
        continue
    def same(got, n, unit):
        return got == n if unit == "bytes" else abs(got - n * 1000) < 1000
    ok = (f["src_packets"] == fwd_f and f["dst_packets"] == back_f and
          same(f["src_bytes"], fwd_b, fwd_u) and
          same(f["dst_bytes"], back_b, back_u))
    print("ok" if ok else "DIFF", a, ap, b, bp, f["src_packets"],
          f["src_bytes"], f["dst_packets"], f["dst_bytes"])
    bad += not ok
for k in flows:
    print("extra flow", k)
    bad += 1
print("conversations", rows)
sys.exit(1 if bad or rows == 0 else 0)

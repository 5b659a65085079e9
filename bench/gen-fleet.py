#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A synthetic hospital fleet, written straight into a tplc store.

    gen-fleet.py DB [--scale F]

DB must exist with tplc's schema (`tplc init`).  Deterministic: the same
seed gives the same rows.  At scale 1: 20,000 devices on 2,000 product
versions (400 products of 40 manufacturers, 5 versions each), one SBOM of
500 components per product version (1,000,000 component instances) and
300,000 advisory statements in 100,000 advisories: package ranges (85%),
CPE ranges (10%, a fifth of them in NVD AND configurations with an OS
platform) and CSAF product ranges (5%), with VEX statements, aliases and
withdrawn records sprinkled in.

Why Python: the generator only writes rows; Python's sqlite3 with
executemany in one transaction writes the 1.3 million rows in seconds,
keeps the distributions readable, and needs no build.  What is measured
(bench-fleet) is C.

Distributions: the fleet draws package names per ecosystem by a Zipf
law (a few packages such as lodash, log4j-core or openssl are in most
SBOMs; a long tail is in few), and each package ships in a handful of
versions.  Advisories name packages uniformly over a universe four times
the fleet's (most advisories are about packages a hospital does not run),
with mostly narrow ranges, as OSV's are.
"""
import bisect
import itertools
import random
import sqlite3
import sys

SEED = 20261125

ECOSYSTEMS = [  # type, share of components, head names, pool size
    ("npm", 0.30, ["lodash", "minimist", "express", "qs", "axios", "moment",
                   "underscore", "debug", "ms", "semver", "ws", "jquery",
                   "handlebars", "node-fetch", "yargs-parser"], 6000),
    ("maven", 0.20, ["org.apache.logging.log4j/log4j-core",
                     "com.fasterxml.jackson.core/jackson-databind",
                     "org.springframework/spring-core", "commons-io/commons-io",
                     "org.apache.commons/commons-text", "com.google.guava/guava",
                     "org.yaml/snakeyaml", "io.netty/netty-codec-http"], 4000),
    ("pypi", 0.15, ["requests", "urllib3", "django", "flask", "pyyaml",
                    "numpy", "pillow", "cryptography", "jinja2", "setuptools"],
     3000),
    ("deb", 0.10, ["debian/openssl", "debian/zlib1g", "debian/libxml2",
                   "debian/bash", "debian/curl", "debian/glibc",
                   "debian/sqlite3", "debian/expat"], 2000),
    ("nuget", 0.05, ["newtonsoft.json", "system.text.json", "log4net",
                     "dotnetzip"], 1500),
    ("golang", 0.05, ["golang.org/x/net", "golang.org/x/crypto",
                      "github.com/gin-gonic/gin"], 1500),
    ("generic", 0.15, ["openssl", "zlib", "busybox", "sqlite", "libpng",
                       "curl", "expat", "dropbear", "lighttpd", "libjpeg",
                       "freetype", "openssh", "dnsmasq", "uboot", "linux"],
     300),
]
# generic components carry a CPE: vendor:product of the name
CPE_VENDOR = {"openssl": "openssl", "zlib": "zlib", "busybox": "busybox",
              "sqlite": "sqlite", "libpng": "libpng", "curl": "haxx",
              "expat": "libexpat_project", "dropbear": "dropbear_ssh_project",
              "lighttpd": "lighttpd", "libjpeg": "ijg",
              "freetype": "freetype", "openssh": "openbsd",
              "dnsmasq": "thekelleys", "uboot": "denx", "linux": "linux"}
PLATFORMS = ["microsoft:windows_10", "microsoft:windows_7",
             "microsoft:windows_server_2016", "linux:linux_kernel"]
MANUFACTURERS = ["Philips", "GE Healthcare", "Siemens Healthineers",
                 "Baxter International Inc.", "B. Braun Melsungen AG",
                 "Medtronic plc", "BD", "Draeger", "Mindray", "Nihon Kohden",
                 "Fresenius Kabi", "Hillrom", "Canon Medical", "Fujifilm",
                 "Carestream", "Agfa HealthCare", "Masimo", "Nonin",
                 "Smiths Medical", "ICU Medical", "Zoll", "Stryker",
                 "Natus", "Welch Allyn", "Spacelabs", "Edwards Lifesciences",
                 "Abbott", "Roche Diagnostics", "Sysmex", "Beckman Coulter",
                 "Olympus", "Karl Storz", "Getinge", "Varian", "Elekta",
                 "Hologic", "Shimadzu", "Esaote", "Konica Minolta", "Ziehm"]
MODELS = ["Monitor", "Infusion Pump", "Ventilator", "CT Scanner",
          "MR System", "Ultrasound", "Workstation", "Analyzer", "Gateway",
          "X-Ray"]


def zipf_cum(n, s=1.1):
    return list(itertools.accumulate(1.0 / (r ** s) for r in range(1, n + 1)))


def pick(rng, names, cum):
    return names[bisect.bisect_left(cum, rng.random() * cum[-1])]


def pool(eco, head, size):
    tail = []
    for i in range(size - len(head)):
        if eco == "maven":
            tail.append("com.vendor%d/lib-%d" % (i % 97, i))
        elif eco == "deb":
            tail.append("debian/lib%d" % i)
        elif eco == "golang":
            tail.append("github.com/org%d/mod%d" % (i % 89, i))
        elif eco == "generic":
            tail.append("clib%d" % i)
        else:
            tail.append("%s-lib-%d" % (eco, i))
    return head + tail


def cpe_of(name, version):
    vendor = CPE_VENDOR.get(name, name)
    return ("cpe:2.3:a:%s:%s:%s:*:*:*:*:*:*:*" % (vendor, name, version),
            "%s:%s" % (vendor, name))


def versions_of(rng):
    major = rng.randrange(0, 6)
    return ["%d.%d.%d" % (major, rng.randrange(0, 21), rng.randrange(0, 31))
            for _ in range(6)]


def narrow_range(rng, scheme):
    major = rng.randrange(0, 6)
    lo = rng.randrange(0, 21)
    hi = lo + rng.randrange(0, 2)
    if rng.random() < 0.04:  # "everything before the fix"
        return ("vers:%s/<%d.%d.%d" % (scheme, major, hi, rng.randrange(31)),
                "%d.%d.%d" % (major, hi, 0))
    return ("vers:%s/>=%d.%d.0|<%d.%d.%d" % (scheme, major, lo, major, hi,
                                            rng.randrange(1, 31)),
            "%d.%d.%d" % (major, hi, 31))


SCHEME = {"npm": "npm", "maven": "maven", "pypi": "pypi", "deb": "generic",
          "nuget": "nuget", "golang": "golang", "generic": "generic"}


def main():
    db = sys.argv[1]
    scale = float(sys.argv[3]) if len(sys.argv) > 3 and \
        sys.argv[2] == "--scale" else 1.0
    rng = random.Random(SEED)
    n_pv = int(2000 * scale)
    per_sbom = 500
    n_devices = int(20000 * scale)
    n_advisories = int(100000 * scale)

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    cur = con.cursor()
    cur.execute("BEGIN")
    cur.execute("INSERT INTO sites(id, name) VALUES (1, 'General Hospital')")

    products, pvs = [], []
    for i in range(n_pv // 5):
        maker = MANUFACTURERS[i % len(MANUFACTURERS)]
        model = "%s %d" % (MODELS[(i // len(MANUFACTURERS)) % len(MODELS)],
                           1000 + i)
        products.append((i + 1, maker, model))
        for v in range(5):
            pvs.append((len(pvs) + 1, i + 1, "%d.%d" % (v + 1, i % 7)))
    cur.executemany("INSERT INTO products VALUES (?, ?, ?)", products)
    cur.executemany("INSERT INTO product_versions VALUES (?, ?, ?)", pvs)
    cur.executemany(
        "INSERT INTO devices(id, site_id, asset_tag, product_version_id,"
        " imported_at) VALUES (?, 1, ?, ?, '2026-11-25')",
        ((d + 1, "DEV-%06d" % d, pvs[d % len(pvs)][0])
         for d in range(n_devices)))

    pools = []
    for eco, share, head, size in ECOSYSTEMS:
        names = pool(eco, head, size)
        pools.append((eco, share, names, zipf_cum(len(names))))
    eco_cum = list(itertools.accumulate(p[1] for p in pools))
    pkg_versions = {}

    def component(seen):
        # a package is in an SBOM once
        while True:
            e = pools[bisect.bisect_left(eco_cum,
                                         rng.random() * eco_cum[-1])]
            eco, _, names, cum = e
            name = pick(rng, names, cum)
            if (eco, name) not in seen:
                seen.add((eco, name))
                break
        vs = pkg_versions.get((eco, name))
        if vs is None:
            vs = pkg_versions[(eco, name)] = versions_of(rng)
        version = vs[min(int(rng.expovariate(1.0)), 5)]
        key = "pkg:%s/%s" % (eco, name)
        cpe = cpe_key = None
        if eco == "generic":
            cpe, cpe_key = cpe_of(name, version)
        return (name.rsplit("/", 1)[-1], version, key + "@" + version, key,
                cpe, cpe_key)

    sboms, comps = [], []
    for pv in pvs:
        sboms.append((pv[0], pv[0]))
    cur.executemany(
        "INSERT INTO sboms(id, product_version_id, format, source,"
        " imported_at) VALUES (?, ?, 'CycloneDX', 'gen', '2026-11-25')",
        sboms)
    cid = 0
    for pv in pvs:
        rows, seen = [], set()
        for _ in range(per_sbom - 1):
            cid += 1
            rows.append((cid, pv[0]) + component(seen))
        cid += 1
        if pv[0] % 10 < 3:  # some run on Windows, some on Linux
            plat = PLATFORMS[pv[0] % 3]
        else:
            plat = PLATFORMS[3]
        vendor, product = plat.split(":")
        rows.append((cid, pv[0], product, "-", None, None,
                     "cpe:2.3:o:%s:%s:-:*:*:*:*:*:*:*" % (vendor, product),
                     plat))
        cur.executemany(
            "INSERT INTO components(id, sbom_id, name, version, purl,"
            " package_key, cpe, cpe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows)

    # advisories: package names drawn over a universe 4x the fleet's
    universe = []
    for eco, share, names, _ in pools:
        extra = ["%s-adv-%d" % (n.replace("/", "-"), j)
                 for j, n in enumerate(names * 3)]
        universe.append((eco, share, names + extra))
    adv_rows, vuln_rows, av_rows, aff_rows, alias_rows = [], [], [], [], []
    aid = 0
    for a in range(n_advisories):
        aid += 1
        kind = rng.random()
        vuln = "CVE-%d-%05d" % (2015 + a % 11, a)
        withdrawn = "2025-01-01" if rng.random() < 0.005 else None
        month = 1 + a % 12
        if kind < 0.85:
            source, ref = "osv", "GHSA-%08x" % a
        elif kind < 0.95:
            source, ref = "nvd", vuln
        else:
            source, ref = "csaf", "ICSMA-%05d" % a
        adv_rows.append((aid, source, ref, "2024-%02d-01" % month,
                         "2024-%02d-15" % month))
        vuln_rows.append((vuln, withdrawn))
        av_rows.append((aid, vuln, round(rng.uniform(2.0, 10.0), 1)))
        if source == "osv" and rng.random() < 0.1:
            alias_rows.append((ref, vuln))
        for _ in range(3):
            if source == "osv":
                e = universe[bisect.bisect_left(eco_cum,
                                                rng.random() * eco_cum[-1])]
                name = rng.choice(e[2])
                rng_text, fixed = narrow_range(rng, SCHEME[e[0]])
                aff_rows.append((aid, vuln, "pkg:%s/%s" % (e[0], name), None,
                                 None, None, None, rng_text, "affected",
                                 fixed, 0, 0, 0, None))
            elif source == "nvd":
                name = rng.choice(universe[-1][2])
                cpe, key = cpe_of(name, "*")
                rng_text, fixed = narrow_range(rng, "generic")
                config = 1 if rng.random() < 0.2 else 0
                aff_rows.append((aid, vuln, None, None, None, cpe, key,
                                 rng_text, "affected", fixed, config, config,
                                 0, None))
                if config:
                    plat = rng.choice(PLATFORMS)
                    pv_, pp = plat.split(":")
                    aff_rows.append((
                        aid, vuln, None, None, None,
                        "cpe:2.3:o:%s:%s:-:*:*:*:*:*:*:*" % (pv_, pp), plat,
                        None, "affected", None, 1, 2, 1, None))
            else:
                p = rng.choice(products)
                major = rng.randrange(1, 6)
                status = "affected"
                just = None
                if rng.random() < 0.2:  # a VEX statement
                    status, just = "not_affected", "code_not_reachable"
                aff_rows.append((aid, vuln, None, p[1], p[2], None, None,
                                 "vers:generic/>=%d.0|<%d.%d" % (
                                     major, major, rng.randrange(1, 7)),
                                 status, None, 0, 0, 0, just))
    cur.executemany("INSERT INTO advisories(id, source, ref, published,"
                    " modified, imported_at) VALUES (?, ?, ?, ?, ?,"
                    " '2026-11-25')", adv_rows)
    cur.executemany("INSERT OR IGNORE INTO vulnerabilities(id, withdrawn)"
                    " VALUES (?, ?)", vuln_rows)
    cur.executemany("INSERT INTO advisory_vulns(advisory_id, vuln_id,"
                    " cvss_score) VALUES (?, ?, ?)", av_rows)
    cur.executemany("INSERT OR IGNORE INTO vulnerability_aliases VALUES"
                    " (?, ?)", alias_rows)
    cur.executemany(
        "INSERT INTO affected(advisory_id, vuln_id, package_key, vendor,"
        " product, cpe, cpe_key, range, status, fixed_in, config, node,"
        " platform, justification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?)", aff_rows)
    con.commit()
    print("gen-fleet: %d devices, %d product versions, %d components,"
          " %d advisories, %d affected rows" % (
              n_devices, len(pvs), cid, len(adv_rows), len(aff_rows)))


if __name__ == "__main__":
    main()

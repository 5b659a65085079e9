#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write synthetic OSV records for benchmarks.

    bench/gen-osv.py N OUT.json [--zip OUT.zip] [SEED]

N records in the shape and size of GitHub's and Debian's: GHSA-style ids,
CVE aliases, summary and details text, one to three affected packages
across npm, PyPI, Maven, Go, crates.io, RubyGems and Debian with SEMVER or
ECOSYSTEM ranges (introduced / fixed / last_affected events), CVSS vectors,
references and database_specific.  OUT.json is one JSON array; --zip also
writes the same records one file each (GHSA-....json), as OSV's all.zip.
The same N and SEED always give the same bytes.
"""
import json
import random
import sys
import zipfile

WORDS = ("prototype pollution in the parser allows remote attackers to "
         "execute arbitrary code via a crafted request path traversal "
         "regular expression denial of service when untrusted input is "
         "passed to the template engine improper certificate validation "
         "leads to information disclosure of session tokens and cookies "
         "an attacker can bypass authentication by sending").split()
ECOSYSTEMS = ["npm", "PyPI", "Maven", "Go", "crates.io", "RubyGems",
              "Debian:12"]
NAMES = ["lodash", "express", "django", "requests", "jackson-databind",
         "log4j-core", "net/http", "tokio", "serde", "rails", "nokogiri",
         "openssl", "curl", "zlib", "libxml2", "pillow", "axios", "minimist"]
REF_TYPES = ["ADVISORY", "WEB", "PACKAGE", "FIX", "REPORT", "ARTICLE"]
V31 = "CVSS:3.1/AV:{}/AC:{}/PR:{}/UI:{}/S:{}/C:{}/I:{}/A:{}"
GHSA = "23456789cfghjmpqrvwx"


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def ghsa(rng):
    return "GHSA-" + "-".join("".join(rng.choice(GHSA) for _ in range(4))
                              for _ in range(3))


def stamp(rng, year):
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (
        year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
        rng.randint(0, 59), rng.randint(0, 59))


def version(rng):
    return "%d.%d.%d" % (rng.randint(0, 9), rng.randint(0, 30),
                         rng.randint(0, 20))


def package(rng, eco):
    name = rng.choice(NAMES)
    if eco == "Maven":
        name = "org.example.%s:%s" % (name.replace("/", "."), name)
    elif eco == "Go":
        name = "github.com/example/%s" % name
    elif eco.startswith("Debian"):
        name = name.replace("/", "-")
    pkg = {"ecosystem": eco, "name": name}
    purls = {"npm": "npm", "PyPI": "pypi", "crates.io": "cargo",
             "RubyGems": "gem", "Go": "golang"}
    if eco in purls:
        pkg["purl"] = "pkg:%s/%s" % (purls[eco], name)
    elif eco == "Maven":
        pkg["purl"] = "pkg:maven/%s" % name.replace(":", "/")
    return pkg


def events(rng):
    lo = version(rng)
    ev = [{"introduced": rng.choice(["0", lo])}]
    r = rng.random()
    if r < 0.7:
        hi = "%d.%d.%d" % (rng.randint(10, 19), rng.randint(0, 9),
                           rng.randint(0, 9))
        ev.append({"fixed": hi})
    elif r < 0.85:
        ev.append({"last_affected": "%d.0.0" % rng.randint(10, 19)})
    if rng.random() < 0.2:  # a second affected stretch
        ev.append({"introduced": "%d.0.0" % rng.randint(20, 24)})
        ev.append({"fixed": "%d.1.0" % rng.randint(25, 29)})
    return ev


def affected(rng, eco):
    kind = "SEMVER" if eco in ("npm", "Go", "crates.io") else "ECOSYSTEM"
    a = {"package": package(rng, eco),
         "ranges": [{"type": kind, "events": events(rng)}]}
    if rng.random() < 0.3:
        a["versions"] = [version(rng) for _ in range(rng.randint(1, 6))]
    if eco.startswith("Debian"):
        a["ecosystem_specific"] = {"urgency": rng.choice(
            ["low", "medium", "high", "not yet assigned"])}
    else:
        a["database_specific"] = {"source": "https://github.com/github/"
                                  "advisory-database/blob/main/advisories/"
                                  "github-reviewed/%d.json" % rng.randint(
                                      1, 99999)}
    return a


def record(rng, i):
    year = rng.randint(2015, 2026)
    cve = "CVE-%d-%d" % (year, 10000 + i)
    rid = ghsa(rng)
    ecos = rng.sample(ECOSYSTEMS, rng.randint(1, 3))
    vec = V31.format(rng.choice("NALP"), rng.choice("LH"), rng.choice("NLH"),
                     rng.choice("NR"), rng.choice("UC"), rng.choice("NLH"),
                     rng.choice("NLH"), rng.choice("NLH"))
    r = {"schema_version": "1.6.0", "id": rid,
         "modified": stamp(rng, 2026), "published": stamp(rng, year),
         "aliases": [cve],
         "summary": sentence(rng, rng.randint(6, 14)),
         "details": "\n\n".join(sentence(rng, rng.randint(20, 60))
                                for _ in range(rng.randint(1, 3))),
         "severity": [{"type": "CVSS_V3", "score": vec}],
         "affected": [affected(rng, e) for e in ecos],
         "references": [{"type": rng.choice(REF_TYPES),
                         "url": "https://github.com/example/%s/%s/%d" % (
                             rng.choice(NAMES), rng.choice(
                                 ["issues", "pull", "commit"]),
                             rng.randint(1, 99999))}
                        for _ in range(rng.randint(2, 6))],
         "database_specific": {"cwe_ids": ["CWE-%d" % rng.randint(20, 1300)],
                               "severity": rng.choice(
                                   ["LOW", "MODERATE", "HIGH", "CRITICAL"]),
                               "github_reviewed": True,
                               "github_reviewed_at": stamp(rng, year),
                               "nvd_published_at": stamp(rng, year)}}
    if rng.random() < 0.2:
        r["severity"].append({"type": "CVSS_V4", "score":
                              "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/"
                              "VA:H/SC:N/SI:N/SA:N"})
    if rng.random() < 0.1:
        r["withdrawn"] = stamp(rng, 2026)
    return r


def main():
    args = sys.argv[1:]
    zpath = None
    if "--zip" in args:
        k = args.index("--zip")
        if k + 1 >= len(args):
            sys.exit("usage: gen-osv.py N OUT.json [--zip OUT.zip] [SEED]")
        zpath = args[k + 1]
        del args[k:k + 2]
    if len(args) not in (2, 3):
        sys.exit("usage: gen-osv.py N OUT.json [--zip OUT.zip] [SEED]")
    n = int(args[0])
    rng = random.Random(int(args[2]) if len(args) == 3 else 1)
    z = None
    if zpath:
        z = zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED)
    with open(args[1], "w", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(n):
            rec = record(rng, i)
            text = json.dumps(rec, separators=(",", ":"))
            if i:
                out.write(",\n")
            out.write(text)
            if z is not None:
                # fixed timestamps keep the zip's bytes the same each run
                info = zipfile.ZipInfo("%s.json" % rec["id"],
                                       (2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, json.dumps(rec, indent=2))
        out.write("\n]\n")
    if z is not None:
        z.close()


if __name__ == "__main__":
    main()

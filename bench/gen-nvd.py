#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a synthetic NVD CVE API 2.0 page for benchmarks.

    bench/gen-nvd.py N OUT.json [SEED]

N CVEs, compact as the API sends them, in the shape and size of real ones: descriptions in two
languages, references, CVSS v3.1 (some v2, v4.0), weaknesses and one to
five cpeMatch entries with version bounds, some in AND configurations.
The same N and SEED always give the same bytes.
"""
import json
import random
import sys

WORDS = ("buffer overflow in the parser allows remote attackers to execute "
         "arbitrary code via a crafted request to the web interface of the "
         "device when authentication is disabled memory corruption denial "
         "of service information disclosure through improper validation of "
         "input length in the firmware update handler").split()
VENDORS = ["apache", "openssl", "siemens", "philips", "ge_healthcare",
           "medtronic", "microsoft", "linux", "cisco", "bd", "baxter",
           "microdicom", "zlib", "curl", "sqlite"]
TAGS = ["Vendor Advisory", "Patch", "Third Party Advisory", "Exploit",
        "Mailing List", "US Government Resource", "Release Notes"]
V31 = "CVSS:3.1/AV:{}/AC:{}/PR:{}/UI:{}/S:{}/C:{}/I:{}/A:{}"


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def version(rng):
    return ".".join(str(rng.randint(0, 20)) for _ in range(rng.randint(2, 3)))


def stamp(rng, year):
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03d" % (
        year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
        rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999))


def v31(rng, source, kind):
    vec = V31.format(rng.choice("NALP"), rng.choice("LH"), rng.choice("NLH"),
                     rng.choice("NR"), rng.choice("UC"), rng.choice("NLH"),
                     rng.choice("NLH"), rng.choice("NLH"))
    return {"source": source, "type": kind,
            "cvssData": {"version": "3.1", "vectorString": vec,
                         "baseScore": round(rng.uniform(1, 10), 1),
                         "baseSeverity": rng.choice(
                             ["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
                         "attackVector": "NETWORK", "attackComplexity": "LOW",
                         "privilegesRequired": "NONE",
                         "userInteraction": "NONE", "scope": "UNCHANGED",
                         "confidentialityImpact": "HIGH",
                         "integrityImpact": "HIGH",
                         "availabilityImpact": "HIGH"},
            "exploitabilityScore": 3.9, "impactScore": 5.9}


def cpe_match(rng, part, vendor, product, vulnerable=True):
    m = {"vulnerable": vulnerable,
         "criteria": "cpe:2.3:%s:%s:%s:*:*:*:*:*:*:*:*" % (part, vendor,
                                                          product),
         "matchCriteriaId": "%08X-%04X-%04X-%04X-%012X" % (
             rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
             rng.getrandbits(16), rng.getrandbits(48))}
    r = rng.random()
    if r < 0.2:
        m["criteria"] = m["criteria"].replace(":*:*:*:*:*:*:*:*",
                                              ":%s:*:*:*:*:*:*:*" %
                                              version(rng))
    elif r < 0.6:
        lo = [rng.randint(0, 5), rng.randint(0, 9)]
        m["versionStartIncluding"] = "%d.%d" % tuple(lo)
        m["versionEndExcluding"] = "%d.%d.%d" % (lo[0] + 1, lo[1],
                                                 rng.randint(0, 9))
    else:
        m["versionEndIncluding"] = version(rng)
    return m


def cve(rng, i):
    year = rng.randint(2015, 2026)
    vendor = rng.choice(VENDORS)
    product = "product_%d" % rng.randint(1, 400)
    c = {"id": "CVE-%d-%d" % (year, 10000 + i),
         "sourceIdentifier": "cve@mitre.org",
         "published": stamp(rng, year), "lastModified": stamp(rng, 2026),
         "vulnStatus": rng.choice(["Analyzed", "Modified", "Analyzed",
                                   "Awaiting Analysis"]),
         "cveTags": [],
         "descriptions": [{"lang": "en",
                           "value": sentence(rng, rng.randint(25, 70))},
                          {"lang": "es",
                           "value": sentence(rng, rng.randint(25, 70))}],
         "metrics": {"cvssMetricV31": [v31(rng, "nvd@nist.gov", "Primary")]},
         "weaknesses": [{"source": "nvd@nist.gov", "type": "Primary",
                         "description": [{"lang": "en", "value": "CWE-%d" %
                                          rng.randint(20, 1300)}]}],
         "references": [{"url": "https://example.org/%s/advisory/%d/%d" %
                         (vendor, year, rng.randint(1, 99999)),
                         "source": "cve@mitre.org",
                         "tags": rng.sample(TAGS, rng.randint(1, 3))}
                        for _ in range(rng.randint(2, 8))]}
    if rng.random() < 0.5:
        c["metrics"]["cvssMetricV31"].append(
            v31(rng, "psirt@%s.com" % vendor, "Secondary"))
    if year < 2022:
        c["metrics"]["cvssMetricV2"] = [{
            "source": "nvd@nist.gov", "type": "Primary",
            "cvssData": {"version": "2.0",
                         "vectorString": "AV:N/AC:L/Au:N/C:P/I:P/A:P",
                         "baseScore": 7.5},
            "baseSeverity": "HIGH", "exploitabilityScore": 10.0,
            "impactScore": 6.4, "acInsufInfo": False}]
    if year >= 2024 and rng.random() < 0.5:
        c["metrics"]["cvssMetricV40"] = [{
            "source": "psirt@%s.com" % vendor, "type": "Secondary",
            "cvssData": {"version": "4.0",
                         "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/"
                         "VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                         "baseScore": 9.3, "baseSeverity": "CRITICAL"}}]
    matches = [cpe_match(rng, "a", vendor, product)
               for _ in range(rng.randint(1, 4))]
    configs = [{"nodes": [{"operator": "OR", "negate": False,
                           "cpeMatch": matches}]}]
    if rng.random() < 0.3:  # firmware running on its hardware
        configs.append({"operator": "AND", "nodes": [
            {"operator": "OR", "negate": False, "cpeMatch": [
                cpe_match(rng, "o", vendor, product + "_firmware")]},
            {"operator": "OR", "negate": False, "cpeMatch": [
                cpe_match(rng, "h", vendor, product, False)]}]})
    c["configurations"] = configs
    return {"cve": c}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen-nvd.py N OUT.json [SEED]")
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 1)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write('{"resultsPerPage": %d, "startIndex": 0, '
                  '"totalResults": %d, "format": "NVD_CVE", '
                  '"version": "2.0", "timestamp": "2026-11-20T10:00:00.000",'
                  '\n"vulnerabilities": [\n' % (n, n))
        for i in range(n):
            if i:
                out.write(",\n")
            out.write(json.dumps(cve(rng, i), separators=(",", ":")))
        out.write("\n]}\n")


if __name__ == "__main__":
    main()

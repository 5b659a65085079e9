#!/usr/bin/env python3
"""Regenerate the tplc demo hospital: inventory.csv, sboms/*.json, sboms/MANIFEST.tsv.

St. Example Regional Medical Center (Main Campus + North Clinic). Deterministic: the same
seed gives byte-identical files, so a diff after a change shows exactly what moved.

    python3 data/demo/generate.py          # writes next to this script

Only the standard library. The advisories in advisories/ are static files written from real
CISA / GitHub advisory data (see README.md); this script does not touch them, but the device
models and versions below are chosen to fall inside or outside those advisories' affected
versions, so change both together.
"""

import csv
import hashlib
import io
import json
import os
import random
import uuid

SEED = 20261125
HERE = os.path.dirname(os.path.abspath(__file__))
NS = uuid.UUID("6b1c3a52-6f0e-4c1e-9d44-7a1f2b9c0d11")  # namespace for stable UUIDs

DEMO_NOTE = ("Illustrative SBOM written for the tplc demo hospital: real open-source and "
             "commercial components at real versions, but NOT published by the manufacturer "
             "and not a statement about the real product's contents.")

# --------------------------------------------------------------------------------------------
# Sites and departments: (site, code, department, location, cost centre, monitor /24, wlan /24)
# --------------------------------------------------------------------------------------------
MAIN, NORTH = "Main Campus", "North Clinic"
DEPTS = {
    "ICU":   (MAIN,  "MC", "Intensive Care Unit",                 "Tower A, Level 4",       "6010 Critical Care",        "10.10.40", "10.10.41"),
    "ED":    (MAIN,  "MC", "Emergency Department",                "Tower A, Level 1",       "6020 Emergency Services",   "10.10.10", "10.10.11"),
    "TELE":  (MAIN,  "MC", "Cardiac Telemetry (5 West)",          "Tower B, Level 5",       "6030 Cardiology Nursing",   "10.10.50", "10.10.51"),
    "MS":    (MAIN,  "MC", "Medical-Surgical (3 East)",           "Tower B, Level 3",       "6040 Med-Surg Nursing",     "10.10.30", "10.10.31"),
    "LD":    (MAIN,  "MC", "Labor & Delivery",                    "Tower C, Level 2",       "6050 Women's Services",     "10.10.20", "10.10.21"),
    "NICU":  (MAIN,  "MC", "Neonatal ICU",                        "Tower C, Level 3",       "6055 Women's Services",     "10.10.44", "10.10.45"),
    "OR":    (MAIN,  "MC", "Perioperative Services",              "Tower A, Level 2",       "6070 Surgical Services",    "10.10.60", "10.10.61"),
    "RAD":   (MAIN,  "MC", "Radiology",                           "Tower A, Ground Floor",  "7010 Imaging Services",     "10.10.80", "10.10.80"),
    "PHARM": (MAIN,  "MC", "Pharmacy",                            "Tower A, Basement",      "7210 Pharmacy",             "10.10.90", "10.10.90"),
    "LAB":   (MAIN,  "MC", "Laboratory - Molecular Diagnostics",  "Pavilion, Level 2",      "7310 Laboratory",           "10.10.100", "10.10.100"),
    "IS":    (MAIN,  "MC", "Information Services - Data Center",  "Pavilion, Lower Level, DC1", "8010 Information Services", "10.10.200", "10.10.200"),
    "UC":    (NORTH, "NC", "Urgent Care",                         "North Clinic, Level 1",  "6120 North Urgent Care",    "10.20.10", "10.20.11"),
    "INF":   (NORTH, "NC", "Infusion Center",                     "North Clinic, Level 2",  "6130 Oncology Infusion",    "10.20.30", "10.20.31"),
    "SDS":   (NORTH, "NC", "Same-Day Surgery",                    "North Clinic, Level 1",  "6170 North Surgical",       "10.20.60", "10.20.61"),
    "NRAD":  (NORTH, "NC", "Outpatient Imaging",                  "North Clinic, Ground Floor", "7020 North Imaging",    "10.20.80", "10.20.80"),
    "NIT":   (NORTH, "NC", "Information Services - MDF",          "North Clinic, MDF Room 014", "8020 Information Services", "10.20.200", "10.20.200"),
}

# --------------------------------------------------------------------------------------------
# Product models. Manufacturer and Model are spelled exactly as the vendor and product_name
# of the CSAF advisory that names them (see README.md, "Products and advisories").
# --------------------------------------------------------------------------------------------
BD = "Becton, Dickinson and Company (BD)"
MODELS = {
    # key: manufacturer, model, clinical function, OUI, serial kind, EOL, EOS, net (mon|wlan), host tag
    "pcu":    (BD, "Alaris PC Unit Model 8015", "therapy", None, "digits8", "", "", "wlan", None),
    "space":  ("B. Braun Medical", "SpaceStation with SpaceCom 2", "therapy", "00:12:21", "digits6", "2027-12-31", "2030-12-31", "wlan", "SPACECOM"),
    "exacta": ("Baxter", "ExactaMix EM2400", "therapy", "58:46:e1", "exacta", "2024-06-30", "2028-12-31", "mon", "EXACTAMIX"),
    "b650":   ("General Electric (GE)", "B650", "monitoring", "44:4b:5d", "ge", "2025-06-30", "2028-01-31", "mon", "B650"),
    "cscs":   ("General Electric (GE)", "CARESCAPE Central Station (CSCS)", "monitoring", "9c:8e:99", "hp", "2025-06-30", "2028-01-31", "mon", "CSCS"),
    "mx":     ("Philips", "IntelliVue patient monitor MX400-MX850", "monitoring", "00:09:fb", "philips", "", "2032-12-31", "mon", "MX"),
    "x3":     ("Philips", "IntelliVue X3", "monitoring", "00:09:fb", "philips", "", "2033-12-31", "mon", "X3"),
    "xtr":    ("Spacelabs", "Xhibit Telemetry Receiver (XTR) Model number 96280", "monitoring", "00:a0:aa", "xtr", "2018-12-31", "2021-12-31", "mon", "XTR"),
    "csm":    ("Baxter", "Welch Allyn Connex Spot Monitor (CSM)", "monitoring", "00:1a:fa", "wa", "", "2031-12-31", "wlan", None),
    "ct":     ("GE Healthcare", "Optima CT660", "diagnosis", "b0:5a:da", "gect", "2021-12-31", "2029-06-30", "mon", "CT660"),
    "us":     ("GE Healthcare", "Versana Essential", "diagnosis", "a0:f2:17", "versana", "", "2031-12-31", "mon", "VERSANA"),
    "iseq":   ("Illumina", "iSeq 100", "diagnosis", "d4:81:d7", "illumina", "", "2030-12-31", "mon", "ISEQ"),
    "isp":    ("Philips", "IntelliSpace Portal 8.0.x", "diagnosis", "30:e1:71", "hp", "2021-06-30", "2024-06-30", "mon", "ISP"),
    "pacs":   ("Philips", "Vue PACS", "data", "24:6e:96", "dell", "", "2029-12-31", "mon", None),
    "pyxis":  (BD, "Pyxis MedStation ES System", "workflow", "9c:c8:ae", "pyxis", "", "2030-12-31", "mon", "PYXIS"),
}

# Fleet: (model key, department, count, software version, install-date range (from, to))
FLEET = [
    ("pcu", "ICU", 24, "12.3", ("2024-02-05", "2024-05-20")),
    ("pcu", "ED", 14, "9.33.1", ("2016-03-01", "2019-11-30")),
    ("pcu", "TELE", 10, "9.33.1", ("2016-03-01", "2019-11-30")),
    ("pcu", "MS", 14, "9.33.1", ("2016-03-01", "2019-11-30")),
    ("pcu", "LD", 6, "9.33.1", ("2016-03-01", "2019-11-30")),
    ("pcu", "OR", 6, "9.33.1", ("2016-03-01", "2019-11-30")),
    ("pcu", "INF", 12, "9.19", ("2014-05-01", "2016-02-28")),
    ("pcu", "UC", 4, "9.19", ("2014-05-01", "2016-02-28")),
    ("pcu", "SDS", 4, "9.19", ("2014-05-01", "2016-02-28")),
    ("space", "NICU", 8, "012U000093", ("2017-04-01", "2019-06-30")),
    ("space", "ICU", 6, "012U000061", ("2017-04-01", "2019-06-30")),
    ("space", "OR", 2, "012U000061", ("2017-04-01", "2019-06-30")),
    ("exacta", "PHARM", 1, "1.13", ("2015-08-17", "2015-08-17")),
    ("exacta", "PHARM", 1, "1.14", ("2018-04-02", "2018-04-02")),
    ("b650", "ICU", 20, "2.1", ("2014-03-01", "2016-06-30")),
    ("b650", "ED", 10, "2.1", ("2014-03-01", "2016-06-30")),
    ("b650", "OR", 4, "2.1", ("2014-03-01", "2016-06-30")),
    ("b650", "UC", 2, "1.1", ("2012-02-01", "2013-05-31")),
    ("cscs", "ICU", 1, "2.1", ("2014-03-01", "2014-03-01")),
    ("cscs", "ED", 1, "2.1", ("2014-09-15", "2014-09-15")),
    ("cscs", "OR", 1, "2.1", ("2015-01-12", "2015-01-12")),
    ("cscs", "UC", 1, "1.1", ("2012-02-01", "2012-02-01")),
    ("mx", "MS", 12, "M.04", ("2017-05-01", "2019-12-31")),
    ("mx", "TELE", 8, "M.04", ("2017-05-01", "2019-12-31")),
    ("mx", "LD", 10, "N.01", ("2019-01-01", "2021-10-31")),
    ("mx", "NICU", 6, "N.01", ("2019-01-01", "2021-10-31")),
    ("mx", "SDS", 4, "M.04", ("2017-05-01", "2019-12-31")),
    ("x3", "ED", 4, "M.04", ("2018-02-01", "2019-12-31")),
    ("x3", "NICU", 4, "N.01", ("2019-01-01", "2021-10-31")),
    ("x3", "LD", 4, "N.01", ("2019-01-01", "2021-10-31")),
    ("xtr", "TELE", 4, "1.0.2", ("2012-06-04", "2013-03-29")),
    ("xtr", "TELE", 2, "1.2.1", ("2012-06-04", "2013-03-29")),
    ("csm", "MS", 12, "1.52", ("2019-03-01", "2021-12-31")),
    ("csm", "TELE", 6, "1.52", ("2019-03-01", "2021-12-31")),
    ("csm", "ED", 4, "1.52.01", ("2022-01-01", "2023-09-30")),
    ("csm", "UC", 6, "1.52.01", ("2022-01-01", "2023-09-30")),
    ("csm", "INF", 6, "1.52.01", ("2022-01-01", "2023-09-30")),
    ("ct", "RAD", 1, "2.0", ("2013-09-16", "2013-09-16")),
    ("ct", "NRAD", 1, "2.0", ("2014-05-05", "2014-05-05")),
    ("us", "ED", 2, "2.1", ("2021-02-01", "2023-06-30")),
    ("us", "LD", 3, "2.1", ("2021-02-01", "2023-06-30")),
    ("us", "RAD", 1, "2.1", ("2021-02-01", "2023-06-30")),
    ("us", "NRAD", 2, "2.1", ("2021-02-01", "2023-06-30")),
    ("iseq", "LAB", 2, "2.3", ("2019-11-04", "2020-06-15")),
    ("isp", "RAD", 3, "8.0.3", ("2017-02-01", "2018-03-31")),
    ("isp", "NRAD", 1, "8.0.3", ("2017-02-01", "2018-03-31")),
    ("pacs", "IS", 4, "12.2.1.6", ("2019-10-07", "2019-10-07")),
    ("pacs", "NIT", 1, "12.2.1.6", ("2019-10-21", "2019-10-21")),
    ("pyxis", "ICU", 4, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "ED", 4, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "TELE", 3, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "MS", 4, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "LD", 2, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "NICU", 2, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "OR", 3, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "UC", 2, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "INF", 3, "1.6.1", ("2018-06-01", "2020-03-31")),
    ("pyxis", "SDS", 3, "1.6.1", ("2018-06-01", "2020-03-31")),
]

ROOMS = {"cscs": "Central Nurses' Station", "ct": "CT Suite %d", "exacta": "IV Compounding Cleanroom, Hood %d",
         "isp": "Reading Room %d", "us": "Ultrasound Room %d", "iseq": "Sequencing Lab, Bench %d",
         "x3": "Transport Monitor Pool"}
PACS_HOSTS = {"IS": ["PACS-APP01", "PACS-APP02", "PACS-DB01", "PACS-WEB01"], "NIT": ["PACS-CACHE01"]}
ALARIS_OUI = {"12.3": "f8:c6:78", "9.33.1": "f8:c6:78", "9.19": "00:d0:75"}  # CareFusion / Alaris

# What the security team adds to the CMMS export: where each model sits on the network and the
# compensating controls around it (tplc priority and environmental CVSS; no random draws here, so
# the other columns are unchanged).
NETWORK = {
    "pcu": ("network", "Clinical WLAN", ""),
    "space": ("network", "Clinical WLAN", ""),
    "exacta": ("segmented", "Pharmacy VLAN", "firewall,anti-malware"),
    "b650": ("segmented", "Monitoring VLAN", ""),
    "cscs": ("segmented", "Monitoring VLAN", ""),
    "mx": ("segmented", "Monitoring VLAN", ""),
    "x3": ("segmented", "Monitoring VLAN", ""),
    "xtr": ("segmented", "Telemetry VLAN", ""),
    "csm": ("network", "Clinical WLAN", ""),
    "ct": ("segmented", "Imaging VLAN", ""),
    "us": ("segmented", "Imaging VLAN", ""),
    "iseq": ("segmented", "Lab VLAN", "firewall"),
    "isp": ("segmented", "Imaging VLAN", "anti-malware"),
    "pacs": ("network", "Data Center", "monitoring,anti-malware,backup"),
    "pyxis": ("network", "Clinical VLAN", "anti-malware"),
}

HEADER = ["Asset Tag", "Serial Number", "Manufacturer", "Model", "Software Version", "MAC Address",
          "IP Address", "Hostname", "Site", "Location", "Department", "Clinical Function",
          "Install Date", "End of Life", "End of Support", "Network Zone", "Exposure",
          "Compensating Controls", "Cost Center Owner", "PM Due", "AE Title"]

# DICOM application entity titles the imaging devices are configured with
# (the demo capture, data/demo/capture, shows them on the wire)
AE_TITLES = {"SEMC-004403": "ISP_SEMC_01", "SEMC-006175": "VUEPACS"}


def day_number(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    # days since 0000-03-01 (proleptic Gregorian), good enough for picking dates in a range
    if m < 3:
        y -= 1
        m += 12
    return 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + d


def from_day_number(n):
    y = (10000 * n + 14780) // 3652425
    doy = n - (365 * y + y // 4 - y // 100 + y // 400)
    if doy < 0:
        y -= 1
        doy = n - (365 * y + y // 4 - y // 100 + y // 400)
    mi = (100 * doy + 52) // 3060
    mm = (mi + 2) % 12 + 1
    y += (mi + 2) // 12
    dd = doy - (mi * 306 + 5) // 10 + 1
    return "%04d-%02d-%02d" % (y, mm, dd)


def rand_date(rng, lo, hi, weekdays=True):
    a, b = day_number(lo), day_number(hi)
    while True:
        n = rng.randint(a, b)
        # 0000-03-01 was a Wednesday; keep installs on working days
        if not weekdays or (n + 2) % 7 not in (5, 6) or a == b:
            return from_day_number(n)


def serial(rng, kind, used, year=0):
    while True:
        if kind == "digits8":
            s = "%08d" % rng.randint(12000000, 14999999)
        elif kind == "digits6":
            s = "%06d" % rng.randint(100000, 138852)  # Battery-pack/SpaceStation style, below SN 138853
        elif kind == "exacta":
            s = "EM24-%05d" % rng.randint(1000, 4999)
        elif kind == "ge":
            s = "SDJ%08dWA" % rng.randint(10000000, 99999999)
        elif kind == "philips":
            s = "DE%08d" % rng.randint(41000000, 69999999)
        elif kind == "xtr":
            s = "9628-%06d" % rng.randint(100000, 399999)
        elif kind == "wa":
            s = "1000%08d" % rng.randint(10000000, 99999999)
        elif kind == "gect":
            s = "%06dCT" % rng.randint(100000, 999999)
        elif kind == "versana":
            s = "VE%07d" % rng.randint(1000000, 9999999)
        elif kind == "illumina":
            s = "FS1000%04d" % rng.randint(1000, 9999)
        elif kind == "pyxis":
            s = "PX%08d" % rng.randint(10000000, 99999999)
        elif kind == "hp":
            s = "2UA%d%s" % (year % 10, "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6)))
        elif kind == "dell":
            s = "".join(rng.choice("0123456789BCDFGHJKLMNPQRSTVWXYZ") for _ in range(7))
        else:
            raise ValueError(kind)
        if s not in used:
            used.add(s)
            return s


def mac(rng, oui, used):
    while True:
        m = oui + ":" + ":".join("%02x" % rng.randint(0, 255) for _ in range(3))
        if m not in used:
            used.add(m)
            return m


def build_inventory():
    rng = random.Random(SEED)
    used_serial, used_mac, used_ip = set(), set(), set()
    next_host = {}   # per /24: next host number
    host_seq = {}    # per (department, model): running number
    rows = []
    for key, dept, count, version, (d_lo, d_hi) in FLEET:
        manu, model, function, oui, skind, eol, eos, net, htag = MODELS[key]
        site, scode, dname, loc, cc, mon_net, wlan_net = DEPTS[dept]
        for i in range(count):
            subnet = wlan_net if net == "wlan" else mon_net
            ip = ""
            # North Clinic pumps get DHCP leases the CMMS never recorded (real-world gap)
            if not (key == "pcu" and site == NORTH):
                n = next_host.get(subnet, 21 if net == "wlan" else 11)
                ip = "%s.%d" % (subnet, n)
                next_host[subnet] = n + 1
                used_ip.add(ip)
            seq = host_seq.get((dept, key), 0) + 1   # running number per department and model
            host_seq[(dept, key)] = seq
            if key == "pacs":
                host = "%s-%s" % (scode, PACS_HOSTS[dept][i])
            elif htag:
                host = "%s-%s-%s-%02d" % (scode, dept, htag, seq)
            else:
                host = ""
            if key in ("pcu", "space", "csm"):
                where = "%s, %s pool" % (loc, dname)
            elif key in ("b650", "mx"):
                where = "%s, Bed %s-%02d" % (loc, loc.split("Level ")[-1][:1] if "Level" in loc else "1", seq)
            elif key == "pacs":
                where = "%s, Rack %s" % (loc, "R07" if dept == "IS" else "R01")
            elif key == "pyxis":
                where = "%s, Medication Room %d" % (loc, seq)
            elif key == "xtr":
                where = "%s, Telemetry Equipment Room" % loc
            else:
                where = "%s, %s" % (loc, ROOMS[key] % seq if "%d" in ROOMS[key] else ROOMS[key])
            install = rand_date(rng, d_lo, d_hi)
            pm = rand_date(rng, "2026-10-01", "2027-10-31", weekdays=False)
            rows.append({
                "Serial Number": serial(rng, skind, used_serial, int(install[:4]) - 1),
                "Manufacturer": manu,
                "Model": model,
                "Software Version": version,
                "MAC Address": mac(rng, oui or ALARIS_OUI[version], used_mac),
                "IP Address": ip,
                "Hostname": host,
                "Site": site,
                "Location": where,
                "Department": dname,
                "Clinical Function": function,
                "Install Date": install,
                "End of Life": eol,
                "End of Support": eos,
                "Network Zone": NETWORK[key][1],
                "Exposure": NETWORK[key][0],
                "Compensating Controls": NETWORK[key][2],
                "Cost Center Owner": cc,
                "PM Due": pm,
            })
    # asset tags were issued at receiving, so older devices carry lower numbers
    rows.sort(key=lambda r: (r["Install Date"], r["Serial Number"]))
    tag = 3100
    for r in rows:
        tag += rng.randint(1, 29)
        r["Asset Tag"] = "SEMC-%06d" % tag
        r["AE Title"] = AE_TITLES.get(r["Asset Tag"], "")
    return rows


def write_inventory(rows, path):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\r\n")  # CMMS exports are CRLF
    w.writeheader()
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# --------------------------------------------------------------------------------------------
# SBOM components. Each: (type, supplier, group, name, version, purl, cpe, license, level, eos,
# description). level/eos become the FDA "Level of Support" / "End-of-Support" properties.
# --------------------------------------------------------------------------------------------
AM, NLM, AB = "Actively maintained", "No longer maintained", "Abandoned"


def C(ctype, supplier, name, version, purl=None, cpe=None, lic=None, level=AM, eos="Unknown",
      desc=None, group=None, patched=None):
    return dict(type=ctype, supplier=supplier, group=group, name=name, version=version, purl=purl,
                cpe=cpe, lic=lic, level=level, eos=eos, desc=desc, patched=patched)


def mvn(group, artifact, version, lic="Apache-2.0", level=AM, eos="Open source; no fixed date", cpe_=None, desc=None):
    return C("library", "Apache Software Foundation" if group.startswith("org.apache") else
             ("FasterXML" if "fasterxml" in group else ("VMware (Spring)" if "springframework" in group else group)),
             artifact, version, "pkg:maven/%s/%s@%s" % (group, artifact, version), cpe_, lic, level, eos, desc, group)


def npm(name, version, supplier, lic="MIT", level=AM, eos="Open source; no fixed date", cpe_=None, desc=None):
    return C("library", supplier, name, version, "pkg:npm/%s@%s" % (name, version), cpe_, lic, level, eos, desc)


def nuget(name, version, supplier, lic="MIT", level=AM, eos="Open source; no fixed date", cpe_=None, desc=None):
    return C("library", supplier, name, version, "pkg:nuget/%s@%s" % (name, version), cpe_, lic, level, eos, desc)


MS = "Microsoft Corporation"
WIN = {
    "xpe":    C("operating-system", MS, "Windows XP Embedded", "SP3 (5.1.2600)", "pkg:generic/microsoft/windows-xp-embedded@5.1.2600",
                "cpe:2.3:o:microsoft:windows_xp:-:sp3:*:*:embedded:*:*:*", None, NLM, "2016-01-12",
                "Embedded operating system of the appliance"),
    "w7":     C("operating-system", MS, "Windows 7 Professional", "SP1 (6.1.7601)", "pkg:generic/microsoft/windows-7@6.1.7601",
                "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*", None, NLM, "2020-01-14"),
    "wes7":   C("operating-system", MS, "Windows Embedded Standard 7", "SP1 (6.1.7601)", "pkg:generic/microsoft/windows-embedded-standard-7@6.1.7601",
                "cpe:2.3:o:microsoft:windows_embedded_standard_7:-:sp1:*:*:*:*:*:*", None, NLM, "2020-10-13"),
    "ws2012r2": C("operating-system", MS, "Windows Server 2012 R2 Standard", "6.3.9600", "pkg:generic/microsoft/windows-server-2012-r2@6.3.9600",
                "cpe:2.3:o:microsoft:windows_server_2012:r2:*:*:*:*:*:*:*", None, NLM, "2023-10-10"),
    "ltsb2016": C("operating-system", MS, "Windows 10 Enterprise LTSB 2016", "1607 (10.0.14393)", "pkg:generic/microsoft/windows-10-ltsb-2016@10.0.14393",
                "cpe:2.3:o:microsoft:windows_10_1607:-:*:*:*:*:*:x64:*", None, NLM, "2026-10-13"),
}


def ms(name, version, purlname, cpe_, level, eos, desc=None, ctype="framework"):
    # purl carries the build number: "SP3 (12.0.6024.0)" -> 12.0.6024.0, "3.5 SP1" -> 3.5.30729.1
    pv = version.split("(")[-1].rstrip(")") if "(" in version else {"3.5 SP1": "3.5.30729.1"}.get(version, version)
    return C(ctype, MS, name, version, "pkg:generic/microsoft/%s@%s" % (purlname, pv), cpe_, None, level, eos, desc)


def gen(supplier, name, version, purlns, cpe_, lic, level=AM, eos="Open source; no fixed date", desc=None, ctype="library", patched=None):
    return C(ctype, supplier, name, version, "pkg:generic/%s@%s" % (purlns, version), cpe_, lic, level, eos, desc, patched=patched)


def own(supplier, name, version, desc, ctype="application", eos="See product End of Support"):
    return C(ctype, supplier, name, version, None, None, None, AM, eos, desc)


OPENSSL = lambda v, level, eos: gen("OpenSSL Software Foundation", "OpenSSL", v, "openssl/openssl",
                                    "cpe:2.3:a:openssl:openssl:%s:*:*:*:*:*:*:*" % v, "OpenSSL" if v.startswith("1.") else "Apache-2.0", level, eos,
                                    "TLS and cryptography library")
ZLIB = lambda v: gen("Jean-loup Gailly and Mark Adler", "zlib", v, "zlib/zlib", "cpe:2.3:a:zlib:zlib:%s:*:*:*:*:*:*:*" % v, "Zlib",
                     desc="Compression library")
BUSYBOX = lambda v: gen("BusyBox project", "BusyBox", v, "busybox/busybox", "cpe:2.3:a:busybox:busybox:%s:*:*:*:*:*:*:*" % v, "GPL-2.0-only",
                        desc="Embedded Linux userland")
LINUX = lambda v, level, eos: gen("kernel.org", "Linux kernel", v, "kernel.org/linux", "cpe:2.3:o:linux:linux_kernel:%s:*:*:*:*:*:*:*" % v,
                                  "GPL-2.0-only", level, eos, "Operating system kernel", ctype="operating-system")
WPA = lambda v: gen("Jouni Malinen (hostap project)", "wpa_supplicant", v, "w1.fi/wpa_supplicant", "cpe:2.3:a:w1.fi:wpa_supplicant:%s:*:*:*:*:*:*:*" % v,
                    "BSD-3-Clause", desc="Wi-Fi client (WPA2-Enterprise)")

SBOMS = [
    # file, key, version, format, spec, timestamp, components
    dict(file="philips-vue-pacs-12.2.1.6.cdx.json", key="pacs", version="12.2.1.6", fmt="cdx", spec="1.6",
         ts="2021-12-14T10:00:00Z", comps=[
             WIN["ws2012r2"],
             ms("Microsoft SQL Server 2014 Standard", "SP3 (12.0.6024.0)", "sql-server-2014", "cpe:2.3:a:microsoft:sql_server:2014:sp3:*:*:*:*:x64:*",
                NLM, "2024-07-09", "Database server", ctype="application"),
             gen("Apache Software Foundation", "Apache Tomcat", "9.0.30", "apache/tomcat", "cpe:2.3:a:apache:tomcat:9.0.30:*:*:*:*:*:*:*",
                 "Apache-2.0", AM, "Open source; 9.0.x branch supported", "Servlet container hosting the web viewer (AJP connector on 8009)",
                 ctype="application"),
             gen("Eclipse Foundation (AdoptOpenJDK)", "OpenJDK JRE", "8u232-b09", "adoptopenjdk/jre", "cpe:2.3:a:oracle:openjdk:1.8.0:update232:*:*:*:*:*:*",
                 "GPL-2.0-only WITH Classpath-exception-2.0", NLM, "AdoptOpenJDK builds ended 2021; migrate to Eclipse Temurin", "Java runtime", ctype="framework"),
             mvn("org.apache.logging.log4j", "log4j-core", "2.14.1", cpe_="cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", desc="Logging"),
             mvn("org.apache.logging.log4j", "log4j-api", "2.14.1", desc="Logging API"),
             mvn("com.fasterxml.jackson.core", "jackson-databind", "2.9.10.1", level=NLM, eos="2.9 branch closed (no further releases)",
                 cpe_="cpe:2.3:a:fasterxml:jackson-databind:2.9.10.1:*:*:*:*:*:*:*", desc="JSON data binding"),
             mvn("com.fasterxml.jackson.core", "jackson-core", "2.9.10", level=NLM, eos="2.9 branch closed (no further releases)"),
             npm("jquery", "1.12.4", "OpenJS Foundation", level=NLM, eos="1.x line no longer maintained",
                 cpe_="cpe:2.3:a:jquery:jquery:1.12.4:*:*:*:*:*:*:*", desc="Web viewer UI"),
             gen("Redis Ltd.", "Redis", "4.0.9", "redis/redis", "cpe:2.3:a:redislabs:redis:4.0.9:*:*:*:*:*:*:*", "BSD-3-Clause", NLM,
                 "4.0 line no longer maintained", "Session and study-list cache", ctype="application"),
             gen("Python Software Foundation", "Python", "2.7.15", "python/python", "cpe:2.3:a:python:python:2.7.15:*:*:*:*:*:*:*",
                 "PSF-2.0", NLM, "2020-01-01", "Scripting runtime for routing rules", ctype="framework"),
             OPENSSL("1.0.2u", NLM, "2019-12-31"),
             own("Philips", "Vue PACS server", "12.2.1.6", "PACS application services"),
         ]),
    dict(file="philips-intellispace-portal-8.0.3.cdx.json", key="isp", version="8.0.3", fmt="cdx", spec="1.5",
         ts="2017-01-20T08:30:00Z", comps=[
             WIN["w7"],
             ms(".NET Framework", "4.5.2", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:4.5.2:*:*:*:*:*:*:*", NLM, "2022-04-26"),
             ms("Microsoft SQL Server 2012 Express", "SP4 (11.0.7001.0)", "sql-server-2012-express",
                "cpe:2.3:a:microsoft:sql_server:2012:sp4:*:*:express:*:*:*", NLM, "2022-07-12", "Local study database", ctype="application"),
             nuget("Newtonsoft.Json", "10.0.3", "James Newton-King", desc="JSON serialisation"),
             nuget("log4net", "2.0.8", "Apache Software Foundation", lic="Apache-2.0"),
             nuget("jQuery", "1.10.2", "OpenJS Foundation", level=NLM, eos="1.x line no longer maintained",
                   cpe_="cpe:2.3:a:jquery:jquery:1.10.2:*:*:*:*:*:*:*", desc="Help and report viewer"),
             gen("OFFIS e.V.", "DCMTK", "3.6.2", "offis/dcmtk", "cpe:2.3:a:offis:dcmtk:3.6.2:*:*:*:*:*:*:*", "BSD-3-Clause",
                 desc="DICOM network and file toolkit"),
             OPENSSL("1.0.2k", NLM, "2019-12-31"),
             ZLIB("1.2.8"),
             own("Philips", "IntelliSpace Portal applications", "8.0.3", "Advanced visualisation clinical applications"),
         ]),
    dict(file="spacelabs-xtr-96280-1.0.2.cdx.json", key="xtr", version="1.0.2", fmt="cdx", spec="1.5",
         ts="2012-03-01T12:00:00Z", comps=[
             WIN["xpe"],
             ms(".NET Framework", "3.5 SP1", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:3.5:sp1:*:*:*:*:*:*", NLM,
                "Tied to host OS (Windows XP Embedded, 2016-01-12)"),
             ZLIB("1.2.3"),
             own("Spacelabs", "XTR receiver service", "1.0.2", "Receives telemetry transmitter data and forwards it to the Xhibit central station"),
         ]),
    dict(file="spacelabs-xtr-96280-1.2.1.cdx.json", key="xtr", version="1.2.1", fmt="cdx", spec="1.5",
         ts="2020-01-15T12:00:00Z", comps=[
             C("operating-system", MS, "Windows XP Embedded", "SP3 (5.1.2600)", "pkg:generic/microsoft/windows-xp-embedded@5.1.2600",
               "cpe:2.3:o:microsoft:windows_xp:-:sp3:*:*:embedded:*:*:*", None, NLM, "2016-01-12",
               "Embedded operating system of the appliance; the XTR 1.2.1 image carries the vendor-validated fix for CVE-2019-0708",
               patched="CVE-2019-0708"),
             ms(".NET Framework", "3.5 SP1", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:3.5:sp1:*:*:*:*:*:*", NLM,
                "Tied to host OS (Windows XP Embedded, 2016-01-12)"),
             ZLIB("1.2.11"),
             own("Spacelabs", "XTR receiver service", "1.2.1", "Receives telemetry transmitter data and forwards it to the Xhibit central station"),
         ]),
    dict(file="bbraun-spacestation-spacecom2-012U000061.cdx.json", key="space", version="012U000061", fmt="cdx", spec="1.6",
         ts="2019-02-11T09:00:00Z", comps=[
             LINUX("2.6.35", NLM, "Upstream 2.6.35.y longterm series ended"),
             BUSYBOX("1.20.2"),
             OPENSSL("1.0.2n", NLM, "2019-12-31"),
             gen("lighttpd project", "lighttpd", "1.4.35", "lighttpd/lighttpd", "cpe:2.3:a:lighttpd:lighttpd:1.4.35:*:*:*:*:*:*:*",
                 "BSD-3-Clause", desc="Embedded web server for the SpaceCom web interface", ctype="application"),
             npm("jquery", "1.11.1", "OpenJS Foundation", level=NLM, eos="1.x line no longer maintained",
                 cpe_="cpe:2.3:a:jquery:jquery:1.11.1:*:*:*:*:*:*:*", desc="SpaceCom web interface"),
             WPA("2.4"),
             ZLIB("1.2.8"),
             own("B. Braun Melsungen AG", "SpaceCom 2 firmware", "012U000061", "Pump data interface and drug library distribution", ctype="firmware"),
         ]),
    dict(file="bbraun-spacestation-spacecom2-012U000093.cdx.json", key="space", version="012U000093", fmt="cdx", spec="1.6",
         ts="2021-09-20T09:00:00Z", comps=[
             LINUX("4.14.241", NLM, "2024-01-10"),
             BUSYBOX("1.31.1"),
             OPENSSL("1.1.1k", NLM, "2023-09-11"),
             gen("lighttpd project", "lighttpd", "1.4.59", "lighttpd/lighttpd", "cpe:2.3:a:lighttpd:lighttpd:1.4.59:*:*:*:*:*:*:*",
                 "BSD-3-Clause", desc="Embedded web server for the SpaceCom web interface", ctype="application"),
             npm("jquery", "3.6.0", "OpenJS Foundation", cpe_="cpe:2.3:a:jquery:jquery:3.6.0:*:*:*:*:*:*:*", desc="SpaceCom web interface"),
             WPA("2.9"),
             ZLIB("1.2.11"),
             own("B. Braun Melsungen AG", "SpaceCom 2 firmware", "012U000093", "Pump data interface and drug library distribution", ctype="firmware"),
         ]),
    dict(file="bd-alaris-pcu-8015-9.33.1.spdx.json", key="pcu", version="9.33.1", fmt="spdx", spec="SPDX-2.3",
         ts="2019-05-06T14:00:00Z", comps=[
             LINUX("3.10.108", NLM, "November 2017 (3.10.108 was the last 3.10.y release)"),
             BUSYBOX("1.22.1"),
             OPENSSL("1.0.2k", NLM, "2019-12-31"),
             WPA("2.6"),
             ZLIB("1.2.8"),
             gen("SQLite", "SQLite", "3.8.10.2", "sqlite/sqlite", "cpe:2.3:a:sqlite:sqlite:3.8.10.2:*:*:*:*:*:*:*", None,
                 desc="Event log and drug library store"),
             own(BD, "PC Unit application", "9.33.1", "Infusion system controller software", ctype="firmware"),
         ]),
    dict(file="bd-alaris-pcu-8015-12.3.spdx.json", key="pcu", version="12.3", fmt="spdx", spec="SPDX-2.3",
         ts="2023-07-21T14:00:00Z", comps=[
             LINUX("5.10.178", AM, "December 2026 (kernel.org LTS)"),
             BUSYBOX("1.35.0"),
             OPENSSL("3.0.8", NLM, "2026-09-07"),
             WPA("2.10"),
             ZLIB("1.2.13"),
             gen("SQLite", "SQLite", "3.40.1", "sqlite/sqlite", "cpe:2.3:a:sqlite:sqlite:3.40.1:*:*:*:*:*:*:*", None,
                 desc="Event log and drug library store"),
             own(BD, "PC Unit application", "12.3", "Infusion system controller software", ctype="firmware"),
         ]),
    dict(file="illumina-iseq100-2.3.spdx.json", key="iseq", version="2.3", fmt="spdx", spec="SPDX-2.3",
         ts="2019-08-30T16:00:00Z", comps=[
             WIN["ltsb2016"],
             ms(".NET Framework", "4.6.2", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:4.6.2:*:*:*:*:*:*:*", AM, "2027-01-12"),
             nuget("Newtonsoft.Json", "9.0.1", "James Newton-King", desc="JSON serialisation"),
             nuget("log4net", "2.0.8", "Apache Software Foundation", lic="Apache-2.0"),
             own("Illumina", "Universal Copy Service", "2.1.0", "Copies run output to the network share", ctype="application"),
             own("Illumina", "iSeq 100 Control Software", "2.3", "Instrument control and real-time analysis"),
         ]),
    dict(file="ge-carescape-cscs-2.1.cdx.json", key="cscs", version="2.1", fmt="cdx", spec="1.5",
         ts="2019-03-18T11:00:00Z", comps=[
             WIN["wes7"],
             gen("Apache Software Foundation", "Apache Tomcat", "8.5.47", "apache/tomcat", "cpe:2.3:a:apache:tomcat:8.5.47:*:*:*:*:*:*:*",
                 "Apache-2.0", NLM, "2024-03-31", "Servlet container for the web configuration and report service", ctype="application"),
             gen("Eclipse Foundation (AdoptOpenJDK)", "OpenJDK JRE", "8u222-b10", "adoptopenjdk/jre", "cpe:2.3:a:oracle:openjdk:1.8.0:update222:*:*:*:*:*:*",
                 "GPL-2.0-only WITH Classpath-exception-2.0", NLM, "AdoptOpenJDK builds ended 2021; migrate to Eclipse Temurin", "Java runtime",
                 ctype="framework"),
             mvn("org.springframework", "spring-beans", "4.3.25.RELEASE", "Apache-2.0", NLM, "2020-12-31 (4.3.x OSS support ended)",
                 cpe_="cpe:2.3:a:vmware:spring_framework:4.3.25:*:*:*:*:*:*:*", desc="Spring Framework core container"),
             mvn("org.springframework", "spring-webmvc", "4.3.25.RELEASE", "Apache-2.0", NLM, "2020-12-31 (4.3.x OSS support ended)",
                 desc="Spring MVC"),
             mvn("org.apache.logging.log4j", "log4j-core", "2.17.1", cpe_="cpe:2.3:a:apache:log4j:2.17.1:*:*:*:*:*:*:*", desc="Logging (updated in 2022 service pack)"),
             mvn("com.fasterxml.jackson.core", "jackson-databind", "2.12.6", cpe_="cpe:2.3:a:fasterxml:jackson-databind:2.12.6:*:*:*:*:*:*:*",
                 desc="JSON data binding"),
             OPENSSL("1.1.1l", NLM, "2023-09-11"),
             own("General Electric (GE)", "CARESCAPE Central Station application", "2.1", "Central monitoring application"),
         ]),
    dict(file="baxter-connex-spot-1.52.cdx.json", key="csm", version="1.52", fmt="cdx", spec="1.5",
         ts="2021-05-10T13:00:00Z", comps=[
             gen("Amazon Web Services", "FreeRTOS", "10.0.1", "freertos/freertos-kernel", "cpe:2.3:o:amazon:freertos:10.0.1:*:*:*:*:*:*:*",
                 "MIT", AM, "Open source", "Real-time operating system kernel", ctype="operating-system"),
             gen("wolfSSL Inc.", "wolfSSL", "4.8.1", "wolfssl/wolfssl", "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*", "GPL-2.0-or-later",
                 AM, "Open source", "Embedded TLS library"),
             gen("NXP Semiconductors", "MCUXpresso SDK", "2.9.0", "nxp/mcuxpresso-sdk", None,
                 "BSD-3-Clause", AM, "Open source", "Board support and drivers"),
             gen("ChaN", "FatFs", "R0.13c", "elm-chan/fatfs", None, "BSD-1-Clause",
                 AM, "Open source", "FAT filesystem for the SD card"),
             gen("lwIP project", "lwIP", "2.1.2", "savannah/lwip", "cpe:2.3:a:lwip_project:lwip:2.1.2:*:*:*:*:*:*:*", "BSD-3-Clause",
                 AM, "Open source", "TCP/IP stack"),
             C("firmware", "Silicon Labs", "RS9116 Wi-Fi module firmware", "2.4.0", None, None, None, AM, "Until hardware support ends",
               "802.11 radio firmware"),
             own("Baxter", "Connex Spot Monitor firmware", "1.52", "Vital signs application", ctype="firmware"),
         ]),
    dict(file="baxter-connex-spot-1.52.01.cdx.json", key="csm", version="1.52.01", fmt="cdx", spec="1.5",
         ts="2023-10-16T13:00:00Z", comps=[
             gen("Amazon Web Services", "FreeRTOS", "10.0.1", "freertos/freertos-kernel", "cpe:2.3:o:amazon:freertos:10.0.1:*:*:*:*:*:*:*",
                 "MIT", AM, "Open source", "Real-time operating system kernel", ctype="operating-system"),
             gen("wolfSSL Inc.", "wolfSSL", "5.6.3", "wolfssl/wolfssl", "cpe:2.3:a:wolfssl:wolfssl:5.6.3:*:*:*:*:*:*:*", "GPL-2.0-or-later",
                 AM, "Open source", "Embedded TLS library"),
             gen("NXP Semiconductors", "MCUXpresso SDK", "2.9.0", "nxp/mcuxpresso-sdk", None,
                 "BSD-3-Clause", AM, "Open source", "Board support and drivers"),
             gen("ChaN", "FatFs", "R0.13c", "elm-chan/fatfs", None, "BSD-1-Clause",
                 AM, "Open source", "FAT filesystem for the SD card"),
             gen("lwIP project", "lwIP", "2.1.2", "savannah/lwip", "cpe:2.3:a:lwip_project:lwip:2.1.2:*:*:*:*:*:*:*", "BSD-3-Clause",
                 AM, "Open source", "TCP/IP stack"),
             C("firmware", "Silicon Labs", "RS9116 Wi-Fi module firmware", "2.4.0", None, None, None, AM, "Until hardware support ends",
               "802.11 radio firmware"),
             own("Baxter", "Connex Spot Monitor firmware", "1.52.01", "Vital signs application", ctype="firmware"),
         ]),
    dict(file="baxter-exactamix-em2400-1.14.cdx.json", key="exacta", version="1.14", fmt="cdx", spec="1.5",
         ts="2018-02-26T10:00:00Z", comps=[
             WIN["w7"],
             ms(".NET Framework", "4.0", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:4.0:*:*:*:*:*:*:*", NLM, "2016-01-12"),
             ms("Microsoft SQL Server 2008 R2 Express", "SP3 (10.50.6000.34)", "sql-server-2008-r2-express",
                "cpe:2.3:a:microsoft:sql_server:2008:r2_sp3:*:*:express:*:*:*", NLM, "2019-07-09", "Order and compounding database",
                ctype="application"),
             C("framework", "SAP SE", "Crystal Reports runtime", "13.0.20", "pkg:generic/sap/crystal-reports-runtime@13.0.20", None, None,
               AM, "Unknown", "Compounding reports"),
             nuget("Newtonsoft.Json", "6.0.8", "James Newton-King", desc="JSON serialisation"),
             nuget("log4net", "1.2.13", "Apache Software Foundation", lic="Apache-2.0"),
             own("Baxter", "ExactaMix Compounder Control Software", "1.14", "Compounder control and order management"),
         ]),
    dict(file="bd-pyxis-medstation-es-1.6.1.cdx.json", key="pyxis", version="1.6.1", fmt="cdx", spec="1.6",
         ts="2019-10-01T15:00:00Z", comps=[
             WIN["ltsb2016"],
             ms(".NET Framework", "4.7.2", "dotnet-framework", "cpe:2.3:a:microsoft:.net_framework:4.7.2:*:*:*:*:*:*:*", AM,
                "Tied to host OS lifecycle"),
             ms("Microsoft SQL Server 2016 Express", "SP2 (13.0.5026.0)", "sql-server-2016-express",
                "cpe:2.3:a:microsoft:sql_server:2016:sp2:*:*:express:*:*:*", NLM, "2026-07-14", "Local station database", ctype="application"),
             nuget("Newtonsoft.Json", "11.0.2", "James Newton-King", desc="JSON serialisation"),
             nuget("log4net", "2.0.8", "Apache Software Foundation", lic="Apache-2.0"),
             C("framework", "OpenJS Foundation", "Node.js", "10.16.0", "pkg:generic/nodejs/node@10.16.0",
               "cpe:2.3:a:nodejs:node.js:10.16.0:*:*:*:lts:*:*:*", "MIT", NLM, "2021-04-30", "Runtime of the station web console"),
             npm("lodash", "4.17.15", "OpenJS Foundation", cpe_="cpe:2.3:a:lodash:lodash:4.17.15:*:*:*:*:node.js:*:*", desc="Web console utilities"),
             npm("request", "2.88.0", "request project", lic="Apache-2.0", level=AB, eos="Deprecated 2020-02-11; no successor release",
                 desc="HTTP client of the web console"),
             npm("jquery", "3.5.1", "OpenJS Foundation", cpe_="cpe:2.3:a:jquery:jquery:3.5.1:*:*:*:*:*:*:*", desc="Web console UI"),
             own(BD, "Pyxis ES station software", "1.6.1", "Automated dispensing cabinet application"),
         ]),
    # A thin SBOM, as many suppliers still ship them: few components, versions and suppliers missing.
    dict(file="philips-intellivue-x3-M.04.cdx.json", key="x3", version="M.04", fmt="cdx", spec="1.6",
         ts="2020-06-30T07:00:00Z", thin=True, comps=[
             C("firmware", "Philips", "IntelliVue X3 application software", "M.04", None, None, None, AM, "Unknown"),
             C("library", None, "zlib", "1.2.8", "pkg:generic/zlib/zlib@1.2.8", "cpe:2.3:a:zlib:zlib:1.2.8:*:*:*:*:*:*:*", "Zlib", AM, "Unknown"),
             C("library", None, "libpng", None, None, None, None, AM, "Unknown"),
             C("library", "wolfSSL Inc.", "wolfSSL", None, None, None, None, AM, "Unknown"),
         ]),
]


def fake_sha256(s):
    # Placeholder digest: stable, 64 hex, NOT the hash of any real artifact.
    return hashlib.sha256(("tplc-demo:" + s).encode()).hexdigest()


def comp_ref(c):
    return c["purl"] or "urn:tplc-demo:%s:%s" % (c["name"].lower().replace(" ", "-"), (c["version"] or "unknown").replace(" ", "_"))


def cdx_component(c, with_hash, thin=False):
    o = {"type": c["type"], "bom-ref": comp_ref(c)}
    if c["supplier"]:
        o["supplier"] = {"name": c["supplier"]}
    if c["group"]:
        o["group"] = c["group"]
    o["name"] = c["name"]
    if c["version"]:
        o["version"] = c["version"]
    if c["desc"]:
        o["description"] = c["desc"]
    if with_hash and c["purl"]:
        o["hashes"] = [{"alg": "SHA-256", "content": fake_sha256(comp_ref(c))}]
    if c["lic"]:
        if " WITH " in c["lic"]:
            o["licenses"] = [{"expression": c["lic"]}]
        else:
            o["licenses"] = [{"license": {"id": c["lic"]}}]
    elif c["supplier"] and not thin:
        o["licenses"] = [{"license": {"name": "Proprietary (%s)" % c["supplier"]}}]
    if c["cpe"]:
        o["cpe"] = c["cpe"]
    if c["purl"]:
        o["purl"] = c["purl"]
    if c["patched"]:
        o["pedigree"] = {"patches": [{"type": "backport", "resolves": [
            {"type": "security", "id": c["patched"], "source": {"name": "NVD", "url": "https://nvd.nist.gov/vuln/detail/" + c["patched"]}}]}]}
    if not thin:
        o["properties"] = [{"name": "Level of Support", "value": c["level"]},
                           {"name": "End-of-Support", "value": c["eos"]}]
    return o


def cdx_doc(s):
    manu, model = MODELS[s["key"]][0], MODELS[s["key"]][1]
    root = "urn:tplc-demo:device:%s:%s" % (s["key"], s["version"])
    thin = s.get("thin", False)
    comps = [cdx_component(c, i % 2 == 0, thin) for i, c in enumerate(s["comps"])]
    doc = {
        "$schema": "http://cyclonedx.org/schema/bom-%s.schema.json" % s["spec"],
        "bomFormat": "CycloneDX",
        "specVersion": s["spec"],
        "serialNumber": "urn:uuid:%s" % uuid.uuid5(NS, s["file"]),
        "version": 1,
        "metadata": {
            "timestamp": s["ts"],
            "authors": [{"name": "tplc demo data"}],
            "supplier": {"name": manu},
            "component": {"type": "device", "bom-ref": root, "supplier": {"name": manu}, "name": model,
                          "version": s["version"]},
            "properties": [{"name": "tplc:demo", "value": DEMO_NOTE}],
        },
        "components": comps,
        "dependencies": [{"ref": root, "dependsOn": [c["bom-ref"] for c in comps]}] +
                        [{"ref": c["bom-ref"]} for c in comps],
    }
    return doc


def spdx_id(c):
    base = "".join(ch if ch.isalnum() else "-" for ch in "%s-%s" % (c["name"], c["version"] or ""))
    return "SPDXRef-Package-" + base.strip("-")


PURPOSE = {"operating-system": "OPERATING_SYSTEM", "firmware": "FIRMWARE", "library": "LIBRARY",
           "framework": "FRAMEWORK", "application": "APPLICATION", "device": "DEVICE"}


def spdx_doc(s):
    manu, model = MODELS[s["key"]][0], MODELS[s["key"]][1]
    root = "SPDXRef-Device"
    pkgs = [{
        "SPDXID": root, "name": model, "versionInfo": s["version"], "supplier": "Organization: %s" % manu,
        "downloadLocation": "NOASSERTION", "filesAnalyzed": False, "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION", "copyrightText": "NOASSERTION", "primaryPackagePurpose": "DEVICE",
        "comment": DEMO_NOTE,
    }]
    rels = [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": root}]
    for i, c in enumerate(s["comps"]):
        p = {"SPDXID": spdx_id(c), "name": c["name"], "versionInfo": c["version"],
             "supplier": "Organization: %s" % c["supplier"] if c["supplier"] else "NOASSERTION",
             "downloadLocation": "NOASSERTION", "filesAnalyzed": False,
             "licenseConcluded": "NOASSERTION",
             "licenseDeclared": c["lic"] if c["lic"] else "NOASSERTION",
             "copyrightText": "NOASSERTION",
             "primaryPackagePurpose": PURPOSE[c["type"]]}
        if c["desc"]:
            p["description"] = c["desc"]
        if i % 2 == 0 and c["purl"]:
            p["checksums"] = [{"algorithm": "SHA256", "checksumValue": fake_sha256(comp_ref(c))}]
        refs = []
        if c["purl"]:
            refs.append({"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": c["purl"]})
        if c["cpe"]:
            refs.append({"referenceCategory": "SECURITY", "referenceType": "cpe23Type", "referenceLocator": c["cpe"]})
        if refs:
            p["externalRefs"] = refs
        if len(c["eos"]) == 10 and c["eos"][4] == "-" and c["eos"][7] == "-":
            p["validUntilDate"] = c["eos"] + "T00:00:00Z"
        p["annotations"] = [{
            "annotationDate": s["ts"], "annotationType": "OTHER", "annotator": "Organization: %s" % manu,
            "comment": "Level of Support: %s; End-of-Support: %s" % (c["level"], c["eos"])}]
        pkgs.append(p)
        rels.append({"spdxElementId": root, "relationshipType": "CONTAINS", "relatedSpdxElement": p["SPDXID"]})
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "%s %s %s" % (manu, model, s["version"]),
        "documentNamespace": "https://tplc.example/demo/spdx/%s" % uuid.uuid5(NS, s["file"]),
        "creationInfo": {"created": s["ts"], "creators": ["Organization: %s" % manu, "Tool: tplc-demo-generate"],
                         "comment": DEMO_NOTE},
        "documentDescribes": [root],
        "packages": pkgs,
        "relationships": rels,
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    rows = build_inventory()
    write_inventory(rows, os.path.join(HERE, "inventory.csv"))
    sdir = os.path.join(HERE, "sboms")
    os.makedirs(sdir, exist_ok=True)
    manifest = []
    for s in SBOMS:
        doc = cdx_doc(s) if s["fmt"] == "cdx" else spdx_doc(s)
        write_json(os.path.join(sdir, s["file"]), doc)
        manu, model = MODELS[s["key"]][0], MODELS[s["key"]][1]
        manifest.append("%s\t%s %s\t%s\n" % (s["file"], manu, model, s["version"]))
    with open(os.path.join(sdir, "MANIFEST.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(manifest)
    print("inventory.csv: %d devices; sboms: %d" % (len(rows), len(SBOMS)))


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: Apache-2.0
"""Validate a VEX document against its format's JSON schema, read in place
from the shared data folder (no network): validate.py FORMAT FILE."""
import json
import os
import sys

import jsonschema
from referencing import Registry, Resource

DATA = os.environ["TPLC_SHARED_DATA"]
SCHEMAS = {
    "cyclonedx": ("sbom/cyclonedx/schema/bom-1.6.schema.json",
                  ["sbom/cyclonedx/schema/spdx.schema.json",
                   "sbom/cyclonedx/schema/jsf-0.82.schema.json",
                   "sbom/cyclonedx/schema/cryptography-defs.schema.json"]),
    "openvex": ("advisories/openvex/openvex_json_schema.json", []),
    "csaf": ("advisories/csaf-2.0/json_schema/csaf_json_schema.json",
             ["advisories/csaf-2.0/referenced_schema/first/cvss-v2.0.json",
              "advisories/csaf-2.0/referenced_schema/first/cvss-v3.0.json",
              "advisories/csaf-2.0/referenced_schema/first/cvss-v3.1.json"]),
}


def load(rel):
    with open(os.path.join(DATA, rel), encoding="utf-8") as f:
        return json.load(f)


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    main_rel, refs = SCHEMAS[fmt]
    schema = load(main_rel)
    resources = []
    for rel in refs:
        doc = load(rel)
        res = Resource.from_contents(doc)
        resources.append((doc.get("$id", rel), res))
        # CycloneDX refers to its neighbours by file name
        resources.append((os.path.basename(rel), res))
    registry = Registry().with_resources(resources)
    cls = jsonschema.validators.validator_for(schema)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(cls(schema, registry=registry,
                        format_checker=cls.FORMAT_CHECKER).iter_errors(doc),
                    key=lambda e: list(e.path))
    for e in errors[:10]:
        print("%s: %s: %s" % (path, "/".join(map(str, e.path)), e.message))
    sys.exit(1 if errors else 0)


main()

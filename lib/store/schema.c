/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Schema migrations.  migrations[i] takes the schema from version i to
 * i + 1 (PRAGMA user_version).  Never edit a released step: add one.
 */
#include <stddef.h>
#include <stdio.h>

#include "internal.h"

static const char schema_v1[] =
        "CREATE TABLE sites ("
        "  id INTEGER PRIMARY KEY,"
        "  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"

        "CREATE TABLE products ("
        "  id INTEGER PRIMARY KEY,"
        "  manufacturer TEXT NOT NULL COLLATE NOCASE,"
        "  model TEXT NOT NULL COLLATE NOCASE,"
        "  UNIQUE (manufacturer, model));"

        /* version '' means the inventory did not say */
        "CREATE TABLE product_versions ("
        "  id INTEGER PRIMARY KEY,"
        "  product_id INTEGER NOT NULL REFERENCES products(id),"
        "  version TEXT NOT NULL,"
        "  UNIQUE (product_id, version));"

        "CREATE TABLE devices ("
        "  id INTEGER PRIMARY KEY,"
        "  site_id INTEGER NOT NULL REFERENCES sites(id),"
        "  asset_tag TEXT NOT NULL,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id),"
        "  serial TEXT, mac TEXT, ip TEXT, hostname TEXT,"
        "  location TEXT, department TEXT, clinical_function TEXT"
        "    CHECK (clinical_function IN"
        "      ('therapy','diagnosis','monitoring','workflow','data')),"
        "  install_date TEXT, eol_date TEXT, eos_date TEXT,"
        "  source TEXT, imported_at TEXT NOT NULL,"
        "  UNIQUE (site_id, asset_tag));"
        "CREATE INDEX devices_product ON devices(product_version_id);"

        "CREATE TABLE sboms ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL UNIQUE"
        "    REFERENCES product_versions(id),"
        "  format TEXT NOT NULL, spec_version TEXT, serial TEXT,"
        "  created TEXT, author TEXT, subject TEXT,"
        "  source TEXT NOT NULL, imported_at TEXT NOT NULL);"

        "CREATE TABLE components ("
        "  id INTEGER PRIMARY KEY,"
        "  sbom_id INTEGER NOT NULL REFERENCES sboms(id) ON DELETE CASCADE,"
        "  ref TEXT, type TEXT, supplier TEXT, grp TEXT,"
        "  name TEXT NOT NULL, version TEXT,"
        "  purl TEXT, package_key TEXT, cpe TEXT, license TEXT,"
        "  support_level TEXT NOT NULL DEFAULT 'unknown'"
        "    CHECK (support_level IN"
        "      ('unknown','maintained','not-maintained','abandoned')),"
        "  support_text TEXT, end_of_support TEXT, end_of_support_text TEXT);"
        "CREATE INDEX components_sbom ON components(sbom_id);"
        "CREATE INDEX components_package ON components(package_key);"

        "CREATE TABLE component_hashes ("
        "  component_id INTEGER NOT NULL"
        "    REFERENCES components(id) ON DELETE CASCADE,"
        "  alg TEXT NOT NULL, value TEXT NOT NULL,"
        "  PRIMARY KEY (component_id, alg, value));"

        "CREATE TABLE component_dependencies ("
        "  sbom_id INTEGER NOT NULL REFERENCES sboms(id) ON DELETE CASCADE,"
        "  ref TEXT NOT NULL, depends_on TEXT NOT NULL,"
        "  PRIMARY KEY (sbom_id, ref, depends_on));"

        "CREATE TABLE vulnerabilities ("
        "  id TEXT PRIMARY KEY,"
        "  title TEXT, description TEXT, published TEXT, modified TEXT,"
        "  cwe TEXT, cvss_score REAL, cvss_vector TEXT,"
        "  kev INTEGER NOT NULL DEFAULT 0,"
        "  kev_date_added TEXT, kev_due_date TEXT, kev_ransomware TEXT,"
        "  kev_action TEXT, kev_vendor TEXT, kev_product TEXT);"

        "CREATE TABLE vulnerability_aliases ("
        "  alias TEXT NOT NULL,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  PRIMARY KEY (alias, vuln_id));"

        "CREATE TABLE advisories ("
        "  id INTEGER PRIMARY KEY,"
        "  source TEXT NOT NULL, ref TEXT NOT NULL,"
        "  title TEXT, publisher TEXT, published TEXT, modified TEXT,"
        "  url TEXT, file TEXT, imported_at TEXT NOT NULL,"
        "  UNIQUE (source, ref));"

        /* the score as this advisory gives it */
        "CREATE TABLE advisory_vulns ("
        "  advisory_id INTEGER NOT NULL"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  cvss_score REAL, cvss_vector TEXT,"
        "  PRIMARY KEY (advisory_id, vuln_id));"

        "CREATE TABLE affected ("
        "  id INTEGER PRIMARY KEY,"
        "  advisory_id INTEGER NOT NULL"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  package_key TEXT, vendor TEXT, product TEXT,"
        "  range TEXT, range_text TEXT,"
        "  status TEXT NOT NULL CHECK (status IN ('affected','fixed',"
        "    'not_affected','under_investigation')),"
        "  fixed_in TEXT, remediation TEXT);"
        "CREATE INDEX affected_advisory ON affected(advisory_id);"
        "CREATE INDEX affected_package ON affected(package_key);"

        /* product_version x vulnerability x source, component 0 for
	 * product-level matches so the key stays unique */
        "CREATE TABLE findings ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  component_id INTEGER NOT NULL DEFAULT 0,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  advisory_id INTEGER NOT NULL"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  match TEXT NOT NULL CHECK (match IN ('purl','product')),"
        "  reason TEXT NOT NULL, cvss_score REAL,"
        "  fixed_in TEXT, remediation TEXT,"
        "  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
        "  UNIQUE (product_version_id, component_id, vuln_id, advisory_id));"
        "CREATE INDEX findings_vuln ON findings(vuln_id);"

        "CREATE TABLE scans ("
        "  id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
        "  findings INTEGER NOT NULL, added INTEGER NOT NULL,"
        "  removed INTEGER NOT NULL);";

/*
 * v2: what issue 3 adds.  NVD's CPE applicability and metrics, EPSS,
 * withdrawn records, VEX reasons, the state of each synced feed, and
 * findings that say how they matched and what VEX says of them.  SQLite
 * cannot change a CHECK constraint, so findings is rebuilt.
 */
static const char schema_v2[] =
        "ALTER TABLE vulnerabilities ADD COLUMN withdrawn TEXT;"
        "ALTER TABLE vulnerabilities ADD COLUMN epss REAL;"
        "ALTER TABLE vulnerabilities ADD COLUMN epss_percentile REAL;"
        "ALTER TABLE vulnerabilities ADD COLUMN epss_date TEXT;"
        "ALTER TABLE vulnerabilities ADD COLUMN epss_model TEXT;"

        "CREATE TABLE vulnerability_metrics ("
        "  advisory_id INTEGER NOT NULL"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  version TEXT NOT NULL, vector TEXT, score REAL,"
        "  source TEXT NOT NULL DEFAULT '', type TEXT,"
        "  PRIMARY KEY (advisory_id, vuln_id, version, source));"
        "CREATE INDEX vulnerability_metrics_vuln"
        "  ON vulnerability_metrics(vuln_id);"

        /* cpe_key: "vendor:product", lowercase, from the CPE */
        "ALTER TABLE affected ADD COLUMN cpe TEXT;"
        "ALTER TABLE affected ADD COLUMN cpe_key TEXT;"
        "ALTER TABLE affected ADD COLUMN config INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE affected ADD COLUMN node INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE affected ADD COLUMN platform INTEGER NOT NULL"
        "  DEFAULT 0;"
        "ALTER TABLE affected ADD COLUMN justification TEXT;"
        "ALTER TABLE affected ADD COLUMN detail TEXT;"
        "CREATE INDEX affected_cpe ON affected(cpe_key);"
        "CREATE INDEX affected_vuln ON affected(vuln_id);"

        "ALTER TABLE components ADD COLUMN cpe_key TEXT;"
        "CREATE INDEX components_cpe ON components(cpe_key);"

        /* one row per URL tplc feed sync has fetched */
        "CREATE TABLE feed_state ("
        "  url TEXT PRIMARY KEY, kind TEXT NOT NULL,"
        "  etag TEXT, last_modified TEXT, bytes INTEGER,"
        "  fetched_at TEXT, checked_at TEXT);"

        "CREATE TABLE findings_v2 ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  component_id INTEGER NOT NULL DEFAULT 0,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  advisory_id INTEGER NOT NULL"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  match TEXT NOT NULL CHECK (match IN ('purl','cpe','product')),"
        "  reason TEXT NOT NULL, cvss_score REAL,"
        "  fixed_in TEXT, remediation TEXT,"
        "  vex_status TEXT CHECK (vex_status IN ('affected','fixed',"
        "    'not_affected','under_investigation')),"
        "  vex_justification TEXT, vex_detail TEXT,"
        "  vex_advisory_id INTEGER"
        "    REFERENCES advisories(id) ON DELETE SET NULL,"
        "  first_seen TEXT NOT NULL,"
        "  UNIQUE (product_version_id, component_id, vuln_id, advisory_id));"
        "INSERT INTO findings_v2(id, product_version_id, component_id,"
        "  vuln_id, advisory_id, match, reason, cvss_score, fixed_in,"
        "  remediation, first_seen)"
        "  SELECT id, product_version_id, component_id, vuln_id,"
        "  advisory_id, match, reason, cvss_score, fixed_in, remediation,"
        "  first_seen FROM findings;"
        /* A finding in the table was seen by the last scan that covered
         * it: the last full scan (scans) or a later scan of its advisory
         * alone.  Kept per scan, not per finding, so that a rescan writes
         * only the findings that changed. */
        "CREATE TABLE advisory_scans ("
        "  advisory_id INTEGER PRIMARY KEY"
        "    REFERENCES advisories(id) ON DELETE CASCADE,"
        "  at TEXT NOT NULL);"
        "DROP TABLE findings;"
        "ALTER TABLE findings_v2 RENAME TO findings;"
        "CREATE INDEX findings_vuln ON findings(vuln_id);"
        "CREATE INDEX findings_advisory ON findings(advisory_id);";

/*
 * v3: what issue 4 adds.  How exposed each device is and what the
 * hospital requires of it (the CVSS environmental inputs), the medical
 * device rubric's answers per product model, and the manufacturer's
 * postmarket record: each controlled/uncontrolled decision, and when
 * customers were told and a fix went out.  Decisions and events are
 * appended, never rewritten: the newest decision is the current one.
 */
static const char schema_v3[] =
        "ALTER TABLE devices ADD COLUMN exposure TEXT CHECK (exposure IN"
        "  ('internet','network','segmented','isolated','standalone'));"
        "ALTER TABLE devices ADD COLUMN segment TEXT;"
        /* compensating controls, canonical names, comma-separated */
        "ALTER TABLE devices ADD COLUMN controls TEXT;"
        "ALTER TABLE devices ADD COLUMN cr TEXT CHECK (cr IN ('L','M','H'));"
        "ALTER TABLE devices ADD COLUMN ir TEXT CHECK (ir IN ('L','M','H'));"
        "ALTER TABLE devices ADD COLUMN ar TEXT CHECK (ar IN ('L','M','H'));"

        /* vuln_id '' = the answer holds for every vulnerability of the
         * model; a vulnerability's own answer overrides it */
        "CREATE TABLE rubric_answers ("
        "  product_id INTEGER NOT NULL"
        "    REFERENCES products(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL DEFAULT '',"
        "  question TEXT NOT NULL,"
        "  answer TEXT NOT NULL CHECK (answer IN ('yes','no','unknown')),"
        "  answered_by TEXT NOT NULL, answered_at TEXT NOT NULL,"
        "  PRIMARY KEY (product_id, vuln_id, question));"

        /* aware_at: when the manufacturer learned of the vulnerability
         * in this version; the 30- and 60-day clocks start there */
        "CREATE TABLE postmarket_decisions ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  risk TEXT NOT NULL CHECK (risk IN ('controlled','uncontrolled')),"
        "  rationale TEXT, decided_by TEXT NOT NULL,"
        "  decided_at TEXT NOT NULL, aware_at TEXT NOT NULL);"
        "CREATE INDEX postmarket_decisions_key"
        "  ON postmarket_decisions(product_version_id, vuln_id);"

        "CREATE TABLE postmarket_events ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  vuln_id TEXT NOT NULL REFERENCES vulnerabilities(id),"
        "  event TEXT NOT NULL CHECK (event IN"
        "    ('customers_notified','fix_distributed')),"
        "  at TEXT NOT NULL, recorded_by TEXT NOT NULL, note TEXT);"
        "CREATE INDEX postmarket_events_key"
        "  ON postmarket_events(product_version_id, vuln_id);"

        /* The current decision of each product version and vulnerability,
         * its FDA clocks (customers told within 30 days of awareness, a
         * fix distributed within 60) and when each was met. */
        "CREATE VIEW postmarket_status AS"
        " SELECT d.product_version_id, d.vuln_id, d.risk, d.rationale,"
        "  d.decided_by, d.decided_at, d.aware_at,"
        "  date(d.aware_at, '+30 days') AS notify_due,"
        "  date(d.aware_at, '+60 days') AS fix_due,"
        "  (SELECT MIN(e.at) FROM postmarket_events e"
        "    WHERE e.product_version_id = d.product_version_id"
        "    AND e.vuln_id = d.vuln_id"
        "    AND e.event = 'customers_notified') AS notified_at,"
        "  (SELECT MIN(e.at) FROM postmarket_events e"
        "    WHERE e.product_version_id = d.product_version_id"
        "    AND e.vuln_id = d.vuln_id"
        "    AND e.event = 'fix_distributed') AS fixed_at"
        " FROM postmarket_decisions d"
        " WHERE d.id = (SELECT MAX(n.id) FROM postmarket_decisions n"
        "  WHERE n.product_version_id = d.product_version_id"
        "  AND n.vuln_id = d.vuln_id);";

/*
 * v4: what issue 5 adds: the life cycle.  Each product version's
 * milestones (release, EOL, EOS: the date, and when and how customers
 * were told), hand-set support of SBOM components (kept across SBOM
 * re-imports, so keyed by the component's name, not its row), the
 * manufacturer's risk decision on each component that went out of
 * support, the notices a manufacturer issued or a hospital imported and
 * the keys it trusts to sign them, the hospital's lifecycle reviews,
 * each device's deployment type and the RACI overrides a contract
 * negotiated.  Decisions and reviews are appended, never rewritten.
 */
static const char schema_v4[] =
        "ALTER TABLE devices ADD COLUMN deployment TEXT CHECK (deployment IN"
        "  ('hospital-managed','manufacturer-managed','software-only'));"

        /* notice_id: the notice that set it, NULL when set by hand */
        "CREATE TABLE lifecycle_milestones ("
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  milestone TEXT NOT NULL CHECK (milestone IN"
        "    ('release','eol','eos')),"
        "  date TEXT NOT NULL,"
        "  announced_at TEXT,"
        "  announced_how TEXT CHECK (announced_how IN"
        "    ('pushed','published')),"
        "  notice_id TEXT,"
        "  recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,"
        "  PRIMARY KEY (product_version_id, milestone));"

        /* component: its purl, else "name@version", else its name */
        "CREATE TABLE component_support ("
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  component TEXT NOT NULL,"
        "  support_level TEXT CHECK (support_level IN"
        "    ('unknown','maintained','not-maintained','abandoned')),"
        "  end_of_support TEXT,"
        "  set_by TEXT NOT NULL, set_at TEXT NOT NULL, note TEXT,"
        "  PRIMARY KEY (product_version_id, component));"

        /* IMDRF N70: stay in Support (acceptable), Limited Support
         * (mitigated) or End of Support (not-mitigated) */
        "CREATE TABLE component_decisions ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  component TEXT NOT NULL,"
        "  decision TEXT NOT NULL CHECK (decision IN"
        "    ('acceptable','mitigated','not-mitigated')),"
        "  rationale TEXT, decided_by TEXT NOT NULL,"
        "  decided_at TEXT NOT NULL);"
        "CREATE INDEX component_decisions_key"
        "  ON component_decisions(product_version_id, component);"

        /* document: the notice's JSON as signed; key_id: who signed it
         * (NULL for a notice this store issued and did not sign) */
        "CREATE TABLE lifecycle_notices ("
        "  id TEXT PRIMARY KEY,"
        "  product_id INTEGER NOT NULL"
        "    REFERENCES products(id) ON DELETE CASCADE,"
        "  issued TEXT NOT NULL,"
        "  delivery TEXT NOT NULL CHECK (delivery IN"
        "    ('pushed','published')),"
        "  eol TEXT, eos TEXT,"
        "  document TEXT NOT NULL, key_id TEXT,"
        "  direction TEXT NOT NULL CHECK (direction IN"
        "    ('issued','imported')),"
        "  source TEXT, recorded_at TEXT NOT NULL);"
        "CREATE TABLE lifecycle_notice_versions ("
        "  notice_id TEXT NOT NULL"
        "    REFERENCES lifecycle_notices(id) ON DELETE CASCADE,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  PRIMARY KEY (notice_id, product_version_id));"

        /* Ed25519 public keys whose signatures a hospital accepts, each
         * for one manufacturer */
        "CREATE TABLE trusted_keys ("
        "  key_id TEXT PRIMARY KEY,"
        "  public_key TEXT NOT NULL,"
        "  manufacturer TEXT NOT NULL COLLATE NOCASE,"
        "  comment TEXT, added_by TEXT NOT NULL, added_at TEXT NOT NULL);"

        /* decision_by: the date an upgrade, replacement or
         * decommissioning is planned for */
        "CREATE TABLE lifecycle_reviews ("
        "  id INTEGER PRIMARY KEY,"
        "  device_id INTEGER NOT NULL"
        "    REFERENCES devices(id) ON DELETE CASCADE,"
        "  reviewed_at TEXT NOT NULL, reviewed_by TEXT NOT NULL,"
        "  stage TEXT NOT NULL,"
        "  controls TEXT,"
        "  decision TEXT NOT NULL CHECK (decision IN"
        "    ('keep','upgrade','replace','decommission')),"
        "  decision_by TEXT, notes TEXT);"
        "CREATE INDEX lifecycle_reviews_device"
        "  ON lifecycle_reviews(device_id, reviewed_at);"
        "CREATE TABLE lifecycle_review_answers ("
        "  review_id INTEGER NOT NULL"
        "    REFERENCES lifecycle_reviews(id) ON DELETE CASCADE,"
        "  question TEXT NOT NULL,"
        "  answer TEXT NOT NULL CHECK (answer IN ('yes','no','unknown')),"
        "  PRIMARY KEY (review_id, question));"

        /* One party's letters (a subset of "RACI", '' = none) for one
         * task, on one product or one device, in one stage ('' = all);
         * they replace that party's default letters. */
        "CREATE TABLE raci_overrides ("
        "  id INTEGER PRIMARY KEY,"
        "  product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,"
        "  device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE,"
        "  stage TEXT NOT NULL DEFAULT '',"
        "  task TEXT NOT NULL, party TEXT NOT NULL, roles TEXT NOT NULL,"
        "  contract TEXT, set_by TEXT NOT NULL, set_at TEXT NOT NULL,"
        "  CHECK ((product_id IS NULL) <> (device_id IS NULL)));"
        "CREATE UNIQUE INDEX raci_overrides_key ON raci_overrides("
        "  coalesce(product_id, 0), coalesce(device_id, 0), stage, task,"
        "  party);";

/*
 * v5: what issue 6 adds, governance and evidence.  The hash-chained audit
 * log and its head; triage decisions on findings (appended: the newest per
 * key is current), the governance body and its risk acceptances with their
 * votes; documentation bundles a manufacturer issued or a hospital received,
 * their files and the signed receipts; MDS2 forms and their answers.
 *
 * A finding's triage key outlives rescans and SBOM re-imports: its product
 * version, its component named without a version (the purl without version,
 * qualifiers and subpath, else the lower-cased name; '' for product-level
 * matches), its vulnerability, and optionally one device (NULL: every device
 * running the version).
 */
static const char schema_v5[] =
        /* prev: the hash of the entry before (64 zeros for the first);
         * hash: SHA-256 of this entry's fields and prev (audit.c) */
        "CREATE TABLE audit_log ("
        "  seq INTEGER PRIMARY KEY,"
        "  at TEXT NOT NULL, actor TEXT NOT NULL,"
        "  action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT,"
        "  prev TEXT NOT NULL, hash TEXT NOT NULL);"
        "CREATE TABLE audit_head ("
        "  id INTEGER PRIMARY KEY CHECK (id = 1),"
        "  seq INTEGER NOT NULL, hash TEXT NOT NULL);"

        /* bound_version: the component's version the decision was made
         * on; bound_vex: the VEX statement it relied on (status,
         * justification, whose), NULL when none */
        "CREATE TABLE finding_triage ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE,"
        "  component TEXT NOT NULL, vuln_id TEXT NOT NULL,"
        "  state TEXT NOT NULL CHECK (state IN ('new','in-triage',"
        "    'exploitable','not-affected','mitigated','resolved')),"
        "  justification TEXT, reason TEXT NOT NULL,"
        "  bound_version TEXT, bound_vex TEXT,"
        "  decided_by TEXT NOT NULL, decided_at TEXT NOT NULL);"
        "CREATE INDEX finding_triage_key ON finding_triage("
        "  product_version_id, component, vuln_id, coalesce(device_id, 0),"
        "  id);"

        "CREATE TABLE governance_approvers ("
        "  name TEXT PRIMARY KEY COLLATE NOCASE,"
        "  added_by TEXT NOT NULL, added_at TEXT NOT NULL);"
        "CREATE TABLE governance_settings ("
        "  name TEXT PRIMARY KEY, value TEXT NOT NULL,"
        "  set_by TEXT NOT NULL, set_at TEXT NOT NULL);"
        /* device_id: the acceptance covers its findings on that device
         * only; NULL: on every device of their product version.  quorum:
         * the approvals it needs, the body's when it was requested. */
        "CREATE TABLE acceptances ("
        "  id INTEGER PRIMARY KEY,"
        "  device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE,"
        "  controls TEXT NOT NULL,"
        "  residual TEXT NOT NULL CHECK (residual IN"
        "    ('low','medium','high','critical')),"
        "  justification TEXT NOT NULL,"
        "  expires TEXT NOT NULL, kev INTEGER NOT NULL DEFAULT 0,"
        "  quorum INTEGER NOT NULL,"
        "  status TEXT NOT NULL CHECK (status IN ('pending','approved',"
        "    'rejected','expired','withdrawn')),"
        "  requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,"
        "  decided_at TEXT);"
        "CREATE TABLE acceptance_findings ("
        "  acceptance_id INTEGER NOT NULL"
        "    REFERENCES acceptances(id) ON DELETE CASCADE,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  component TEXT NOT NULL, vuln_id TEXT NOT NULL,"
        "  PRIMARY KEY (acceptance_id, product_version_id, component,"
        "    vuln_id));"
        "CREATE INDEX acceptance_findings_key ON acceptance_findings("
        "  product_version_id, component, vuln_id);"
        "CREATE TABLE acceptance_votes ("
        "  acceptance_id INTEGER NOT NULL"
        "    REFERENCES acceptances(id) ON DELETE CASCADE,"
        "  approver TEXT NOT NULL COLLATE NOCASE,"
        "  vote TEXT NOT NULL CHECK (vote IN ('approve','reject')),"
        "  comment TEXT, at TEXT NOT NULL,"
        "  PRIMARY KEY (acceptance_id, approver));"

        /* id: the SHA-256 of the signed manifest envelope */
        "CREATE TABLE doc_bundles ("
        "  id TEXT PRIMARY KEY,"
        "  direction TEXT NOT NULL CHECK (direction IN"
        "    ('issued','received')),"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  manifest TEXT NOT NULL, key_id TEXT NOT NULL,"
        "  created TEXT NOT NULL,"
        "  recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);"
        "CREATE TABLE doc_files ("
        "  bundle_id TEXT NOT NULL"
        "    REFERENCES doc_bundles(id) ON DELETE CASCADE,"
        "  name TEXT NOT NULL, kind TEXT NOT NULL,"
        "  sha256 TEXT NOT NULL, size INTEGER NOT NULL,"
        "  imported INTEGER NOT NULL DEFAULT 0,"
        "  PRIMARY KEY (bundle_id, name));"
        /* a receipt this store issued (hospital) or verified
         * (manufacturer); id: the receipt's own unique id */
        "CREATE TABLE doc_receipts ("
        "  id TEXT PRIMARY KEY,"
        "  bundle_id TEXT NOT NULL"
        "    REFERENCES doc_bundles(id) ON DELETE CASCADE,"
        "  direction TEXT NOT NULL CHECK (direction IN"
        "    ('issued','received')),"
        "  receipt TEXT NOT NULL, key_id TEXT NOT NULL,"
        "  recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);"

        /* one MDS2 per import; the newest of a product version is its
         * current one */
        "CREATE TABLE mds2_forms ("
        "  id INTEGER PRIMARY KEY,"
        "  product_version_id INTEGER NOT NULL"
        "    REFERENCES product_versions(id) ON DELETE CASCADE,"
        "  document_id TEXT, released TEXT,"
        "  source TEXT NOT NULL, sha256 TEXT NOT NULL,"
        "  imported_by TEXT NOT NULL, imported_at TEXT NOT NULL);"
        "CREATE INDEX mds2_forms_version"
        "  ON mds2_forms(product_version_id, id);"
        /* answer: normalised; text: as written; question: the form's
         * wording when it carried one */
        "CREATE TABLE mds2_answers ("
        "  form_id INTEGER NOT NULL"
        "    REFERENCES mds2_forms(id) ON DELETE CASCADE,"
        "  question_id TEXT NOT NULL,"
        "  answer TEXT NOT NULL CHECK (answer IN ('yes','no','n/a',"
        "    'see-note','text','unanswered')),"
        "  text TEXT, note TEXT, question TEXT,"
        "  PRIMARY KEY (form_id, question_id));";

/*
 * v6: what issue 7 adds, the passive network monitor.  Manufacturers'
 * MUD profiles per product and the hospital's bindings of MUD's
 * abstractions to its own addresses; every host seen on the wire (bound to
 * an inventory device, or discovered); DICOM associations and HL7 sessions
 * seen; and the alerts, which name the device, the rule and the evidence.
 */
static const char schema_v6[] =
        /* document: the MUD JSON as imported; url: its mud-url */
        "CREATE TABLE mud_profiles ("
        "  id INTEGER PRIMARY KEY,"
        "  product_id INTEGER NOT NULL"
        "    REFERENCES products(id) ON DELETE CASCADE,"
        "  url TEXT NOT NULL, document TEXT NOT NULL,"
        "  systeminfo TEXT, supported INTEGER,"
        "  imported_by TEXT NOT NULL, imported_at TEXT NOT NULL,"
        "  UNIQUE (product_id));"
        /* name: controller URI, my-controller, local-networks,
         * same-manufacturer, manufacturer:DOMAIN, or a DNS name; value: an
         * address or prefix; product_id NULL: for every product */
        "CREATE TABLE mud_bindings ("
        "  id INTEGER PRIMARY KEY,"
        "  product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,"
        "  name TEXT NOT NULL, value TEXT NOT NULL,"
        "  set_by TEXT NOT NULL, set_at TEXT NOT NULL);"
        "CREATE UNIQUE INDEX mud_bindings_key ON mud_bindings("
        "  coalesce(product_id, 0), name, value);"

        /* one row per MAC (or IP when no MAC is seen); device_id NULL: a
         * discovered host no inventory device matches */
        "CREATE TABLE wire_hosts ("
        "  id INTEGER PRIMARY KEY,"
        "  mac TEXT, ip TEXT,"
        "  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,"
        "  bound_by TEXT CHECK (bound_by IN ('mac','ip','ae-title')),"
        "  hostname TEXT, vendor_class TEXT, client_id TEXT,"
        "  dhcp_params TEXT, mud_url TEXT, lldp_name TEXT,"
        "  lldp_description TEXT, ae_titles TEXT,"
        "  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
        "  packets INTEGER NOT NULL DEFAULT 0,"
        "  bytes INTEGER NOT NULL DEFAULT 0);"
        "CREATE UNIQUE INDEX wire_hosts_mac ON wire_hosts(mac)"
        "  WHERE mac IS NOT NULL;"
        "CREATE INDEX wire_hosts_ip ON wire_hosts(ip);"

        "CREATE TABLE dicom_associations ("
        "  id INTEGER PRIMARY KEY,"
        "  at TEXT NOT NULL,"
        "  calling_host INTEGER REFERENCES wire_hosts(id) ON DELETE CASCADE,"
        "  called_host INTEGER REFERENCES wire_hosts(id) ON DELETE CASCADE,"
        "  called_port INTEGER NOT NULL,"
        "  calling_ae TEXT NOT NULL, called_ae TEXT NOT NULL,"
        "  implementation_uid TEXT, implementation_version TEXT,"
        "  abstract_syntaxes TEXT,"
        "  result TEXT CHECK (result IN ('accepted','rejected','aborted',"
        "    'unanswered')));"
        "CREATE TABLE hl7_messages ("
        "  id INTEGER PRIMARY KEY,"
        "  at TEXT NOT NULL,"
        "  sender_host INTEGER REFERENCES wire_hosts(id) ON DELETE CASCADE,"
        "  receiver_host INTEGER REFERENCES wire_hosts(id) ON DELETE CASCADE,"
        "  port INTEGER NOT NULL,"
        "  sending_application TEXT, sending_facility TEXT,"
        "  receiving_application TEXT, receiving_facility TEXT,"
        "  message_type TEXT, control_id TEXT, version TEXT);"

        /* kind: unexpected-peer, unexpected-port, unexpected-protocol,
         * unexpected-direction, unknown-ae-title, eos-outside-profile,
         * no-profile, ...; evidence: a JSON object (the flow, the rule) */
        "CREATE TABLE alerts ("
        "  id INTEGER PRIMARY KEY,"
        "  at TEXT NOT NULL,"
        "  severity TEXT NOT NULL CHECK (severity IN ('info','notice',"
        "    'warning','error','critical')),"
        "  kind TEXT NOT NULL,"
        "  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,"
        "  host_id INTEGER REFERENCES wire_hosts(id) ON DELETE SET NULL,"
        "  rule TEXT, message TEXT NOT NULL, evidence TEXT,"
        "  source TEXT NOT NULL);"
        "CREATE INDEX alerts_at ON alerts(at);"
        "ALTER TABLE devices ADD COLUMN ae_title TEXT;";

static const char *const migrations[] = {
	schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6,
};

#define MIGRATION_COUNT ((int)(sizeof(migrations) / sizeof(migrations[0])))

int tplc_store__migrate(struct tplc_store *store, struct tplc_error *err)
{
	char pragma[40];
	int version, error;

	error = tplc_store_schema_version(store, &version, err);
	if (error < 0)
		return error;
	if (version > MIGRATION_COUNT)
		return tplc_error_set(err, TPLC_ESTORE,
		                      "%s: schema version %d is newer than "
		                      "this tplc (%d): upgrade tplc",
		                      store->path, version, MIGRATION_COUNT);
	while (version < MIGRATION_COUNT) {
		error = tplc_store__exec(store, "BEGIN IMMEDIATE", err);
		if (error < 0)
			return error;
		error = tplc_store__exec(store, migrations[version], err);
		if (error == 0) {
			snprintf(pragma, sizeof(pragma),
			         "PRAGMA user_version=%d", version + 1);
			error = tplc_store__exec(store, pragma, err);
		}
		if (error == 0)
			error = tplc_store__exec(store, "COMMIT", err);
		if (error < 0) {
			tplc_store_rollback(store);
			return error;
		}
		version++;
	}
	return 0;
}

_Static_assert(MIGRATION_COUNT == TPLC_STORE_SCHEMA_VERSION,
               "TPLC_STORE_SCHEMA_VERSION must match the migration list");

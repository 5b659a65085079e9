/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MODEL_H
#define TPLC_MODEL_H

/*
 * The model: plain records that flow from the parsers (lib/formats) to the
 * store (lib/store) and the matcher (lib/match).  Parsers fill them, they
 * never decide; the store persists them, it never parses.
 *
 * Every record of one parsed document lives in that document's arena: all
 * strings are borrowed from it and stay valid until the document's _free.
 * Optional strings are NULL when absent, never "".
 */

#include <stdbool.h>
#include <stddef.h>

struct tplx_arena;

/* ---- SBOM ------------------------------------------------------------ */

struct tplc_hash {
	const char *alg;   /* as in CycloneDX: "SHA-256", "MD5", ... */
	const char *value; /* lowercase hex as given */
};

/*
 * FDA premarket guidance asks each component's level of support and its
 * end-of-support date; CycloneDX carries them in properties or
 * metadata, SPDX 3 as supportLevel.  Values are normalised to these.
 */
enum tplc_support_level {
	TPLC_SUPPORT_UNKNOWN = 0,
	TPLC_SUPPORT_MAINTAINED,     /* actively maintained */
	TPLC_SUPPORT_NOT_MAINTAINED, /* no longer maintained */
	TPLC_SUPPORT_ABANDONED,      /* abandoned by its supplier */
};

struct tplc_component {
	const char *ref;      /* bom-ref / SPDXID, unique in the document */
	const char *type;     /* "library", "operating-system", ... */
	const char *supplier; /* supplier or publisher/author name */
	const char *group;    /* CycloneDX group / maven groupId */
	const char *name;     /* required */
	const char *version;
	const char *purl;    /* as given (canonicalised by lib/ident) */
	const char *cpe;     /* CPE 2.3 formatted string or 2.2 URI */
	const char *license; /* SPDX expression or name, for display */
	struct tplc_hash *hashes;
	size_t hash_count;
	enum tplc_support_level support;
	const char *support_text;        /* the source's words for the level */
	const char *end_of_support;      /* YYYY-MM-DD, or NULL */
	const char *end_of_support_text; /* when not a date ("Until ...") */
};

struct tplc_dependency {
	const char *ref;         /* component ref */
	const char **depends_on; /* refs */
	size_t count;
};

struct tplc_sbom {
	struct tplx_arena *arena; /* owns everything below */
	const char *format;       /* "CycloneDX" or "SPDX" */
	const char *spec_version; /* "1.6", "2.3" */
	const char *serial;       /* serialNumber / documentNamespace */
	const char *created;      /* metadata timestamp, ISO 8601 */
	const char *author;       /* tool or organisation that made it */
	const char *subject_name; /* metadata.component / described package */
	const char *subject_version;
	const char *subject_supplier;
	struct tplc_component *components;
	size_t component_count;
	struct tplc_dependency *dependencies;
	size_t dependency_count;
};

/* Free a parsed SBOM and everything it owns.  NULL is ignored. */
void tplc_sbom_free(struct tplc_sbom *sbom);

/* ---- Vulnerabilities and advisories ------------------------------------ */

/* What an advisory says about one product or package range. */
enum tplc_status {
	TPLC_STATUS_AFFECTED = 0,
	TPLC_STATUS_FIXED,
	TPLC_STATUS_NOT_AFFECTED,
	TPLC_STATUS_UNDER_INVESTIGATION,
};

/* "affected", "fixed", "not_affected", "under_investigation". */
const char *tplc_status_name(enum tplc_status status);
/* The status a name says; false (and *out untouched) for any other word. */
bool tplc_status_parse(enum tplc_status *out, const char *name);

/* One severity metric as a source states it (NVD, a CNA, a vendor). */
struct tplc_metric {
	const char *version; /* CVSS version: "2.0", "3.0", "3.1", "4.0" */
	const char *vector;  /* as given, e.g. "CVSS:3.1/AV:N/..." */
	double score;        /* base score; <0 if the source gives none */
	const char *source;  /* who scored it: "nvd@nist.gov", a CNA, ... */
	const char *type;    /* NVD's "Primary" / "Secondary", or NULL */
};

struct tplc_vuln {
	const char *id;       /* CVE-..., else GHSA-/OSV id */
	const char **aliases; /* other ids of the same vulnerability */
	size_t alias_count;
	const char *title;
	const char *description;
	const char *published; /* ISO 8601 */
	const char *modified;
	double cvss_score;           /* base score as the source gives it; <0 */
	const char *cvss_vector;     /* if none */
	const char *cwe;             /* "CWE-787", first one */
	struct tplc_metric *metrics; /* every metric the source gives */
	size_t metric_count;
	const char *withdrawn; /* OSV "withdrawn" / NVD "Rejected": when; a
				* withdrawn vulnerability makes no finding */

	/* FIRST EPSS: set only by an EPSS import */
	bool has_epss;
	double epss;            /* probability of exploitation, 0..1 */
	double epss_percentile; /* 0..1 */
	const char *epss_date;  /* score_date of the file, YYYY-MM-DD */
	const char *epss_model; /* model_version, e.g. "v2023.03.01" */

	/* CISA KEV: set only by a KEV import */
	bool kev;
	const char *kev_date_added; /* YYYY-MM-DD */
	const char *kev_due_date;   /* YYYY-MM-DD */
	const char *kev_ransomware; /* "Known" / "Unknown" */
	const char *kev_action;     /* required action */
	const char *kev_vendor;     /* vendorProject */
	const char *kev_product;
};

/*
 * One thing an advisory says is (or is not) hit by one of its
 * vulnerabilities.  Exactly one of the identity groups is set:
 *  - a package: purl without version (pkg:npm/lodash), or
 *  - a product: vendor and product name as a hospital's inventory or an
 *    SBOM names them (from a CSAF product tree).
 * The versions hit are a vers range (vers:semver/>=1.0.0|<1.2.3) built
 * from OSV events, CSAF product_version_range, or free text.  A NULL
 * range with range_text NULL means "all versions"; a NULL range with
 * range_text set means the text could not be understood: kept and shown,
 * never silently dropped.
 */
struct tplc_affected {
	size_t vuln;            /* index into tplc_advisory.vulns */
	const char *purl;       /* package identity, or NULL */
	const char *vendor;     /* product identity, or NULL */
	const char *product;    /* product (or product family) name */
	const char *range;      /* vers: string, or NULL */
	const char *range_text; /* the source's own words, if any */
	enum tplc_status status;
	const char *fixed_in;    /* first fixed version, if known */
	const char *remediation; /* vendor fix / mitigation text */

	/* NVD applicability: the entry names a CPE (match criteria, 2.3
	 * formatted string; its version bounds are in range).  When the CVE's
	 * configuration is an AND of nodes, config numbers that configuration
	 * (1-based, per vulnerability) and node the node in it: a product
	 * version is hit only when every node of the configuration has an
	 * entry that matches it.  config 0: the entry stands alone. */
	const char *cpe;
	unsigned config, node;
	bool platform; /* NVD "vulnerable": false: a condition (the OS or
			* hardware it runs on), never itself a finding */

	/* VEX: why a product is not affected, and what the author says */
	const char *justification; /* e.g. "code_not_reachable",
				    * "vulnerable_code_not_in_execute_path" */
	const char *detail;        /* impact statement / analysis detail */
};

struct tplc_advisory {
	struct tplx_arena *arena; /* owns everything below */
	const char *source;       /* "kev", "csaf", "osv" */
	const char *id; /* ICSMA-24-...; GHSA-...; catalogue version */
	const char *title;
	const char *publisher; /* CISA, a vendor's PSIRT, ... */
	const char *published;
	const char *modified;
	const char *url;
	struct tplc_vuln *vulns;
	size_t vuln_count;
	struct tplc_affected *affected;
	size_t affected_count;
};

void tplc_advisory_free(struct tplc_advisory *advisory);

/* ---- Hospital inventory ------------------------------------------------ */

struct tplc_device {
	const char *asset_tag; /* required, unique per site */
	const char *site;      /* site name; NULL = default site */
	const char *serial;
	const char *manufacturer; /* product identity: manufacturer, */
	const char *model;        /* model and */
	const char *version;      /* software version */
	const char *mac;          /* normalised aa:bb:cc:dd:ee:ff */
	const char *ip;           /* textual IPv4/IPv6 */
	const char *hostname;
	const char *ae_title; /* DICOM application entity title */
	const char *location; /* building / floor / room */
	const char *department;
	const char *clinical_function; /* therapy, diagnosis, monitoring,
					 * workflow, data */
	const char *install_date;      /* YYYY-MM-DD */
	const char *eol_date;          /* manufacturer end of life */
	const char *eos_date;          /* manufacturer end of support */
	const char *exposure;     /* internet, network, segmented, isolated,
			       * standalone (tplc_exposure_name) */
	const char *segment;      /* VLAN or zone name, free text */
	const char *controls;     /* compensating controls, "firewall,backup" */
	const char *cr, *ir, *ar; /* security requirements "L", "M", "H" */
	const char *deployment;   /* hospital-managed, manufacturer-managed,
				   * software-only (tplc/raci.h) */
	unsigned long source_line; /* CSV line it came from, for errors */
};

struct tplc_inventory {
	struct tplx_arena *arena;
	struct tplc_device *devices;
	size_t device_count;
	const char **unknown_columns; /* header names we did not use */
	size_t unknown_column_count;
};

void tplc_inventory_free(struct tplc_inventory *inventory);

#endif

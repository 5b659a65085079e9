/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_ADVISORY_H
#define TPLC_ADVISORY_H

/*
 * Advisory parsers: CISA KEV (JSON or CSV), CSAF 2.0 and OSV documents
 * into one struct tplc_advisory (include/tplc/model.h).
 *
 * Everything returned lives in one arena owned by the advisory; free it
 * with tplc_advisory_free.  data need not outlive the result.  source
 * names the input in errors ("file:line:col: path: reason").  On error
 * *out is NULL, nothing leaks and err holds the location and the reason.
 * docs/internals/advisories.md says what each parser extracts.
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

/*
 * kind: "kev" (JSON or CSV, told apart by the first non-blank byte),
 * "csaf" or "osv".  An unknown kind fails with TPLC_EINVAL.
 */
int tplc_advisory_parse(struct tplc_advisory **out, const char *kind,
                        const char *data, size_t len, const char *source,
                        struct tplc_error *err);

/* CISA Known Exploited Vulnerabilities catalogue, JSON or CSV form. */
int tplc_kev_parse_json(struct tplc_advisory **out, const char *data,
                        size_t len, const char *source, struct tplc_error *err);
int tplc_kev_parse_csv(struct tplc_advisory **out, const char *data, size_t len,
                       const char *source, struct tplc_error *err);

/* One CSAF 2.0 document (security advisory, VEX, ...). */
int tplc_csaf_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err);

/* One OSV record, or a JSON array of records. */
int tplc_osv_parse(struct tplc_advisory **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err);

/*
 * Feeds: files that hold many records (an NVD API page, an array of OSV
 * records, a zip of them) are read as a stream and each record is handed
 * to cb as an advisory of its own (source and id name the record, so a
 * later copy of the same record replaces it).  cb owns the advisory, so
 * it may keep it past the call (a store thread writes it while the next
 * record is read): it frees it with tplc_advisory_free, whatever it
 * returns.  cb returns 0 to go on, or an error (negative TPLC_E*) that
 * stops the walk and is returned.  Single-document kinds call cb once.
 */
typedef int (*tplc_advisory_cb)(struct tplc_advisory *advisory, void *data);

/*
 * kind: "kev", "csaf", "osv", "nvd" (CVE API 2.0 page, or one CVE from
 * it), "cve" (CVE JSON 5 record), "epss" (CSV, plain or gzip), "vex"
 * (CycloneDX VEX or OpenVEX, told apart by content).
 */
int tplc_advisory_each(const char *kind, const char *data, size_t len,
                       const char *source, tplc_advisory_cb cb, void *cbdata,
                       struct tplc_error *err);

/* NVD CVE API 2.0: a response page ({"vulnerabilities":[{"cve":...}]}):
 * one advisory per CVE, source "nvd", id the CVE id. */
int tplc_nvd_each(const char *data, size_t len, const char *source,
                  tplc_advisory_cb cb, void *cbdata, struct tplc_error *err);

/* One CVE JSON 5 record (cve.org / cvelistV5): source "cve". */
int tplc_cve5_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err);

/* OSV: one advisory per record, source "osv", id the OSV id. */
int tplc_osv_each(const char *data, size_t len, const char *source,
                  tplc_advisory_cb cb, void *cbdata, struct tplc_error *err);

/* FIRST EPSS scores: "#model_version:...,score_date:..." then
 * "cve,epss,percentile" rows; gzip'd or plain. */
int tplc_epss_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err);

/* CycloneDX VEX (a BOM with vulnerabilities[].analysis) or OpenVEX. */
int tplc_vex_parse(struct tplc_advisory **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err);

#endif

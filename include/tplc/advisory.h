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

#endif

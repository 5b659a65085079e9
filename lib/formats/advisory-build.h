/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_ADVISORY_BUILD_H
#define TPLC_FORMATS_ADVISORY_BUILD_H

/*
 * What the advisory parsers (kev.c, csaf*.c, osv.c) share: building a
 * struct tplc_advisory in its arena.  Vulnerabilities and affected entries
 * grow in heap scratch vectors while a document is walked and are copied
 * into the arena, exactly sized, by _finish; every string is copied into
 * the arena, so the parsed input can be freed.  A parser that fails calls
 * _abort and nothing is left over.
 *
 * Functions returning int give 0 or TPLC_ENOMEM.  A failure is also
 * remembered in b->error, so a run of string copies can be checked once.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

struct tplx_buf;
struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;

struct tplc_advisory_build {
	struct tplc_advisory *adv; /* in its own arena */
	struct tplc_vuln *vulns;   /* heap while building */
	size_t vuln_count, vuln_cap;
	struct tplc_affected *affected; /* heap while building */
	size_t affected_count, affected_cap;
	int error; /* first failure, sticky */
	struct tplc_error *err;
};

int tplc_advisory_build_init(struct tplc_advisory_build *b, const char *source,
                             struct tplc_error *err);
void tplc_advisory_build_abort(struct tplc_advisory_build *b);
/* Hand the finished advisory to *out; b is released either way. */
int tplc_advisory_build_finish(struct tplc_advisory_build *b,
                               struct tplc_advisory **out);

/* Record TPLC_ENOMEM in b and its err, and return it. */
int tplc_advisory_build_nomem(struct tplc_advisory_build *b);
/* Copy s, trimmed, into the arena; NULL, "" and blank give NULL. */
int tplc_advisory_build_str(struct tplc_advisory_build *b, const char **dst,
                            const char *s);
int tplc_advisory_build_strn(struct tplc_advisory_build *b, const char **dst,
                             const char *s, size_t len);
/* Append a zeroed vulnerability (cvss_score -1); *index is its slot. */
int tplc_advisory_build_vuln(struct tplc_advisory_build *b, size_t *index);
/* Append a zeroed affected entry for vulnerability vuln. */
int tplc_advisory_build_affected(struct tplc_advisory_build *b, size_t vuln,
                                 size_t *index);

/*
 * The first weakness "CWE-n" of node.LIST[].TEXTS[].VALUE into *cwe (NVD's
 * weaknesses[].description[].value, CVE 5's
 * problemTypes[].descriptions[].cweId); other texts ("NVD-CWE-Other")
 * name none.  Every item is checked; VALUE must be there when required.
 */
struct tplc_cwe_keys {
	const char *list, *texts, *value;
	bool required;
};

int tplc_advisory_build_cwe(struct tplc_advisory_build *b,
                            const struct tplx_json_doc *doc,
                            const struct tplx_json *node,
                            const struct tplx_jpath *path,
                            const struct tplc_cwe_keys *keys, const char **cwe);

/*
 * Append version to a vers string, percent-encoded in the canonical form
 * lib/ident checks: control bytes, space, non-ASCII and < > = ! * | % as
 * %XX, nothing else.  Returns 0, TPLC_ENOMEM or TPLC_ELIMIT.
 */
int tplc_advisory__vers_add_version(struct tplx_buf *buf, const char *version);

/*
 * Whether s is a canonical vers that lib/ident accepts (sorted, versions
 * valid for a known scheme): 0, TPLC_EPARSE when not, or TPLC_ENOMEM.
 * Every range a parser emits passes it.
 */
int tplc_advisory__vers_check(const char *s);

/* The most bytes of one vers string or purl the parsers build. */
#define TPLC_ADVISORY_VERS_MAX ((size_t)64 * 1024)

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_OSV_H
#define TPLC_FORMATS_OSV_H

/*
 * Private to the OSV parser: osv.c reads records and package identities
 * (purls), osv-range.c turns each affected package's ranges and versions
 * into affected entries.
 */

#include <stdbool.h>
#include <stddef.h>

#include "advisory-build.h"
#include "tplc/error.h"

struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;
struct tplc_osv_event;

struct tplc_osv_parser {
	struct tplc_advisory_build b;
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	struct tplc_osv_event *events; /* scratch for one range, heap */
	size_t event_cap;
};

/* What every entry of one affected[] item shares. */
struct tplc_osv_package {
	const char *purl, *product; /* in the arena; one is set */
	const char *scheme;         /* vers scheme of ECOSYSTEM ranges */
	const char *ecosystem;      /* as written, for words */
};

/* One record into p's advisory: a vulnerability and its affected
 * entries; only: the record is the whole advisory (its id, title, dates). */
int tplc_osv_record_read(struct tplc_osv_parser *p, const struct tplx_json *rec,
                         const struct tplx_jpath *path, bool only);
/* affected[i].package (or a GIT range's repository) as an identity. */
int tplc_osv_package_read(struct tplc_osv_parser *p,
                          const struct tplx_json *affected,
                          const struct tplx_jpath *path,
                          struct tplc_osv_package *pkg);
/* Every affected entry of affected[i], for vulnerability vuln. */
int tplc_osv_affected_read(struct tplc_osv_parser *p, size_t vuln,
                           const struct tplx_json *affected,
                           const struct tplx_jpath *path);

#endif

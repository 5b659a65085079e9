/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CVE5_H
#define TPLC_FORMATS_CVE5_H

/*
 * Private to the CVE JSON 5 parser: cve5.c reads the record, its
 * metadata, descriptions and metrics; cve5-affected.c turns each
 * affected[] product into affected entries.
 */

#include <stdbool.h>
#include <stddef.h>

#include "advisory-build.h"
#include "tplc/error.h"

struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;

/* CPE names read from one affected[] item; more is an error. */
#define TPLC_CVE5_CPES_MAX 64

struct tplc_cve5_parser {
	struct tplc_advisory_build b;
	struct tplx_json_doc *doc;
	struct tplc_error *err;
};

/* Whether a container's affected[] names any CPE. */
bool tplc_cve5_has_cpes(const struct tplx_json *affected);

/*
 * Every affected entry of one affected[] list (containers.cna.affected,
 * or an ADP's).  only_cpes: read only the items that name CPEs (an ADP's,
 * when the CNA gave none).
 */
int tplc_cve5_affected_read(struct tplc_cve5_parser *p, size_t vuln,
                            const struct tplx_json *list,
                            const struct tplx_jpath *path, bool only_cpes);

#endif

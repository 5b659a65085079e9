/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_NVD_H
#define TPLC_FORMATS_NVD_H

/*
 * Private to the NVD parser: nvd.c reads a CVE's own fields and metrics,
 * nvd-config.c turns its configurations into affected entries.
 */

#include <stddef.h>

#include "advisory-build.h"
#include "tplc/advisory.h"
#include "tplc/error.h"

struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;

/* Affected entries one CVE may give (the Linux kernel's largest CVEs
 * have a few thousand cpeMatch entries). */
#define TPLC_NVD_AFFECTED_MAX ((size_t)100000)

struct tplc_nvd_parser {
	struct tplc_advisory_build b;
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	tplc_advisory_cb cb;
	void *cbdata;
};

/* cve.configurations (path is the CVE's) into entries for vuln. */
int tplc_nvd_configurations_read(struct tplc_nvd_parser *p, size_t vuln,
                                 const struct tplx_json *cve,
                                 const struct tplx_jpath *path);

#endif

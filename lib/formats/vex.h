/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_VEX_H
#define TPLC_FORMATS_VEX_H

/*
 * Private to the VEX readers and writers: vex.c tells CycloneDX VEX from
 * OpenVEX and turns a product identity into an affected entry;
 * vex-cyclonedx.c and openvex.c walk their documents; vex-write-*.c write
 * an advisory back out as one of the three VEX formats.
 */

#include <stdbool.h>
#include <stddef.h>

#include "advisory-build.h"
#include "tplc/error.h"
#include "tplc/model.h"
#include "util/jsonw.h"

struct tplx_json_doc;

/* Statements (vulnerabilities x products) one document may make. */
#define TPLC_VEX_STATEMENTS_MAX ((size_t)1000000)

/* What a VEX statement names: exactly one identity is set. */
struct tplc_vex_product {
	const char *purl;    /* a package URL, with or without version */
	const char *vendor;  /* supplier / manufacturer of a device */
	const char *product; /* its name, or an IRI / BOM-Link kept as is */
	const char *cpe;
	const char *version; /* one version, or NULL */
	const char *range;   /* a vers range, or NULL */
};

/* What a statement says of the product. */
struct tplc_vex_says {
	enum tplc_status status;
	const char *justification;
	const char *detail;      /* impact statement / analysis detail */
	const char *remediation; /* action statement / response */
};

/*
 * Add one affected entry for vulnerability vuln: a purl becomes its
 * package (version dropped) and the version a one-version vers range in
 * the purl type's scheme; a device's version a vers:generic one; a range
 * is made canonical (sorted).  A version or range lib/ident does not take
 * is kept as range_text.  0 or TPLC_ENOMEM.
 */
int tplc_vex__add(struct tplc_advisory_build *b, size_t vuln,
                  const struct tplc_vex_product *prod,
                  const struct tplc_vex_says *says);

/* The walkers: doc is the parsed document, b an initialised builder. */
int tplc_vex__cyclonedx(struct tplc_advisory_build *b,
                        const struct tplx_json_doc *doc,
                        struct tplc_error *err);
int tplc_vex__openvex(struct tplc_advisory_build *b,
                      const struct tplx_json_doc *doc, struct tplc_error *err);

/* Find or add the vulnerability named id; *index is its slot. */
int tplc_vex__vuln(struct tplc_advisory_build *b, const char *id,
                   size_t *index);

/*
 * A justification in the vocabulary of format ("cyclonedx", or "openvex"
 * which CSAF's flag labels share), mapped from the other's when needed;
 * NULL when there is none.
 */
const char *tplc_vex__justification(const char *format, const char *given);

#endif

/* ---- writers (vex-write*.c) ------------------------------------------ */

/* The first statement (index) that names the same product and versions
 * as statement i: the one whose product id / bom-ref i shares. */
size_t tplc_vex__same_product(const struct tplc_advisory *adv, size_t i);

/*
 * The one version a statement's range names ("vers:x/1.2" gives "1.2",
 * decoded) into *out (tplx_free), or NULL when it is a real range or
 * none.  0 or TPLC_ENOMEM.
 */
int tplc_vex__exact(const struct tplc_affected *a, char **out);

/* The package of a statement with its version: pkg:npm/x@1.2 (tplc_free),
 * or for a device pkg:generic/VENDOR/MODEL@VERSION. */
int tplc_vex__product_purl(const struct tplc_affected *a, const char *version,
                           char **out, struct tplc_error *err);

int tplc_vex__write_cyclonedx(struct tplx_jsonw *w,
                              const struct tplc_advisory *adv,
                              struct tplc_error *err);
int tplc_vex__write_openvex(struct tplx_jsonw *w,
                            const struct tplc_advisory *adv,
                            struct tplc_error *err);
int tplc_vex__write_csaf(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                         struct tplc_error *err);

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * VEX documents: CycloneDX VEX (a BOM whose vulnerabilities carry an
 * analysis) or OpenVEX (@context naming openvex), told apart by content;
 * and what both readers share: a product identity and version into an
 * affected entry.
 */
#include <string.h>

#include "tplc/advisory.h"
#include "tplc/cpe.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "tplc/version.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"
#include "vex.h"

/*
 * CycloneDX justifications against the OpenVEX / CSAF labels, as CISA's
 * "Minimum Requirements for VEX" pairs them; the first row of a label is
 * the way back.
 */
static const struct {
	const char *cyclonedx, *openvex;
} justifications[] = {
	{ "code_not_present", "vulnerable_code_not_present" },
	{ "code_not_reachable", "vulnerable_code_not_in_execute_path" },
	{ "requires_environment",
	  "vulnerable_code_cannot_be_controlled_by_adversary" },
	{ "protected_by_mitigating_control",
	  "inline_mitigations_already_exist" },
	{ "requires_dependency", "component_not_present" },
	{ "requires_configuration",
	  "vulnerable_code_cannot_be_controlled_by_adversary" },
	{ "protected_by_compiler", "inline_mitigations_already_exist" },
	{ "protected_at_runtime", "inline_mitigations_already_exist" },
	{ "protected_at_perimeter", "inline_mitigations_already_exist" },
};

#define JUSTIFICATION_COUNT (sizeof(justifications) / sizeof(justifications[0]))

const char *tplc_vex__justification(const char *format, const char *given)
{
	bool to_cdx = strcmp(format, "cyclonedx") == 0;
	size_t i;

	if (given == NULL)
		return NULL;
	for (i = 0; i < JUSTIFICATION_COUNT; i++) /* already in its words */
		if (strcmp(to_cdx ? justifications[i].cyclonedx
		                  : justifications[i].openvex,
		           given) == 0)
			return to_cdx ? justifications[i].cyclonedx
			              : justifications[i].openvex;
	for (i = 0; i < JUSTIFICATION_COUNT; i++)
		if (strcmp(to_cdx ? justifications[i].openvex
		                  : justifications[i].cyclonedx,
		           given) == 0)
			return to_cdx ? justifications[i].cyclonedx
			              : justifications[i].openvex;
	return NULL;
}

int tplc_vex__vuln(struct tplc_advisory_build *b, const char *id, size_t *index)
{
	size_t i;

	for (i = 0; i < b->vuln_count; i++)
		if (tplx_streq(b->vulns[i].id, id)) {
			*index = i;
			return 0;
		}
	if (tplc_advisory_build_vuln(b, index) != 0)
		return TPLC_ENOMEM;
	return tplc_advisory_build_str(b, &b->vulns[*index].id, id);
}

/* A canonical range from the document's vers (sorted here), or NULL when
 * lib/ident does not take it. */
static int canonical_range(struct tplc_advisory_build *b, const char *given,
                           const char **out)
{
	struct tplc_vers *range = NULL;
	char *s = NULL;
	int error;

	*out = NULL;
	error = tplc_vers_parse_lenient(&range, given, NULL);
	if (error == 0)
		error = tplc_vers_format(&s, range, NULL);
	if (error == 0 && tplc_advisory__vers_check(s) == 0)
		error = tplc_advisory_build_str(b, out, s);
	tplc_vers_free(range);
	tplc_free(s);
	return error == TPLC_ENOMEM ? tplc_advisory_build_nomem(b) : 0;
}

/* "vers:<scheme>/<version>" for exactly one version, or NULL. */
static int one_version(struct tplc_advisory_build *b, const char *scheme,
                       const char *version, const char **out)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	int error;

	*out = NULL;
	error = tplx_buf_addf(&buf, "vers:%s/", scheme);
	if (error == 0)
		error = tplc_advisory__vers_add_version(&buf, version);
	if (error == 0 && tplc_advisory__vers_check(tplx_buf_str(&buf)) == 0)
		error = tplc_advisory_build_str(b, out, tplx_buf_str(&buf));
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? tplc_advisory_build_nomem(b) : 0;
}

/* The package of a purl (no version) and its version's scheme. */
static int purl_identity(struct tplc_advisory_build *b, const char *given,
                         struct tplc_affected *a, const char **version,
                         const char **scheme)
{
	struct tplc_purl *purl = NULL, key;
	char *s = NULL;
	int error;

	error = tplc_purl_parse(&purl, given, NULL);
	if (error == TPLC_ENOMEM)
		return tplc_advisory_build_nomem(b);
	if (error != 0) /* kept as written: the store warns, never matches */
		return tplc_advisory_build_str(b, &a->purl, given);
	key = *purl;
	key.version = NULL;
	error = tplc_purl_format(&s, &key, NULL);
	if (error == 0)
		error = tplc_advisory_build_str(b, &a->purl, s);
	if (error == 0 && *version == NULL && purl->version != NULL)
		error = tplc_advisory_build_str(b, version, purl->version);
	*scheme = tplc_version_scheme_for_purl_type(purl->type);
	tplc_free(s);
	tplc_purl_free(purl);
	return error == TPLC_ENOMEM ? tplc_advisory_build_nomem(b) : b->error;
}

static int add_one(struct tplc_advisory_build *b, size_t vuln,
                   const struct tplc_vex_product *prod,
                   const struct tplc_vex_says *says)
{
	const char *scheme = "generic", *version = prod->version;
	struct tplc_affected *a;
	size_t index;
	int error;

	if (b->affected_count >= TPLC_VEX_STATEMENTS_MAX)
		return tplc_error_set(b->err, TPLC_ELIMIT,
		                      "more than %zu VEX statements",
		                      TPLC_VEX_STATEMENTS_MAX);
	if (tplc_advisory_build_affected(b, vuln, &index) != 0)
		return TPLC_ENOMEM;
	a = &b->affected[index];
	a->status = says->status;
	tplc_advisory_build_str(b, &a->justification, says->justification);
	tplc_advisory_build_str(b, &a->detail, says->detail);
	tplc_advisory_build_str(b, &a->remediation, says->remediation);
	if (prod->purl != NULL) {
		error = purl_identity(b, prod->purl, a, &version, &scheme);
	} else if (prod->cpe != NULL) {
		error = tplc_advisory_build_str(b, &a->cpe, prod->cpe);
	} else {
		tplc_advisory_build_str(b, &a->vendor, prod->vendor);
		error = tplc_advisory_build_str(b, &a->product, prod->product);
	}
	if (error == 0 && prod->range != NULL) {
		error = canonical_range(b, prod->range, &a->range);
		if (error == 0 && a->range == NULL)
			error = tplc_advisory_build_str(b, &a->range_text,
			                                prod->range);
	} else if (error == 0 && version != NULL) {
		error = one_version(b, scheme, version, &a->range);
		if (error == 0 && a->range == NULL)
			error = tplc_advisory_build_str(b, &a->range_text,
			                                version);
	}
	return error != 0 ? error : b->error;
}

/*
 * A manufacturer names its device in VEX as pkg:generic/VENDOR/MODEL@V or
 * by a CPE; the hospital knows it by manufacturer and model.  Such a name
 * also gives a device statement, kept in the builder's arena, so that it
 * reaches the product findings and not only SBOM components.
 */
static int device_of(struct tplc_advisory_build *b,
                     const struct tplc_vex_product *prod,
                     struct tplc_vex_product *device, bool *found)
{
	struct tplc_purl *purl = NULL;
	struct tplc_cpe *cpe = NULL;
	char *vendor = NULL, *product = NULL, *version = NULL;
	int error = 0;

	*found = false;
	memset(device, 0, sizeof(*device));
	if (prod->vendor != NULL)
		return 0; /* already a device */
	if (prod->purl != NULL &&
	    tplc_purl_parse(&purl, prod->purl, NULL) == 0 &&
	    strcmp(purl->type, "generic") == 0 && purl->namespace != NULL) {
		error = tplc_advisory_build_str(b, &device->vendor,
		                                purl->namespace);
		if (error == 0)
			error = tplc_advisory_build_str(b, &device->product,
			                                purl->name);
		if (error == 0 && prod->version == NULL && purl->version)
			error = tplc_advisory_build_str(b, &device->version,
			                                purl->version);
		*found = error == 0;
	} else if (prod->purl == NULL && prod->cpe != NULL &&
	           tplc_cpe_parse(&cpe, prod->cpe, NULL) == 0 &&
	           tplc_cpe_unquote(&vendor, cpe, TPLC_CPE_VENDOR, NULL) == 0 &&
	           tplc_cpe_unquote(&product, cpe, TPLC_CPE_PRODUCT, NULL) ==
	                   0 &&
	           tplc_cpe_unquote(&version, cpe, TPLC_CPE_VERSION, NULL) ==
	                   0 &&
	           vendor != NULL && product != NULL) {
		error = tplc_advisory_build_str(b, &device->vendor, vendor);
		if (error == 0)
			error = tplc_advisory_build_str(b, &device->product,
			                                product);
		if (error == 0 && prod->version == NULL && version != NULL &&
		    !tplc_cpe_has_wildcard(&cpe->attr[TPLC_CPE_VERSION]))
			error = tplc_advisory_build_str(b, &device->version,
			                                version);
		*found = error == 0;
	}
	if (*found) {
		if (device->version == NULL)
			device->version = prod->version;
		device->range = prod->range;
	}
	tplc_purl_free(purl);
	tplc_cpe_free(cpe);
	tplc_free(vendor);
	tplc_free(product);
	tplc_free(version);
	return error == TPLC_ENOMEM ? tplc_advisory_build_nomem(b) : error;
}

int tplc_vex__add(struct tplc_advisory_build *b, size_t vuln,
                  const struct tplc_vex_product *prod,
                  const struct tplc_vex_says *says)
{
	struct tplc_vex_product device;
	bool found;
	int error = add_one(b, vuln, prod, says);

	if (error == 0)
		error = device_of(b, prod, &device, &found);
	if (error == 0 && found)
		error = add_one(b, vuln, &device, says);
	return error;
}

/* ---- the dispatcher ------------------------------------------------- */

static bool is_openvex(const struct tplx_json *root)
{
	const char *context = tplx_json_string(tplx_json_get(root, "@context"));

	return context != NULL && strstr(context, "openvex") != NULL;
}

int tplc_vex_parse(struct tplc_advisory **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err)
{
	struct tplc_advisory_build b;
	struct tplx_json_doc *doc = NULL;
	struct tplx_jpath root = TPLX_JPATH_ROOT;
	bool openvex = false;
	int error;

	*out = NULL;
	error = tplx_json_parse(&doc, data, len, source, err);
	if (error == 0)
		error = tplx_json_expect(doc, doc->root, &root,
		                         TPLX_JSON_OBJECT, err);
	if (error == 0) {
		openvex = is_openvex(doc->root);
		if (!openvex && tplx_json_get(doc->root, "bomFormat") == NULL)
			error = tplx_json_fail(doc, doc->root, &root, err,
			                       "neither CycloneDX (bomFormat) "
			                       "nor OpenVEX (@context)");
	}
	if (error == 0)
		error = tplc_advisory_build_init(
		        &b, openvex ? "openvex" : "vex", err);
	if (error != 0) {
		tplx_json_doc_free(doc);
		return error;
	}
	error = openvex ? tplc_vex__openvex(&b, doc, err)
	                : tplc_vex__cyclonedx(&b, doc, err);
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplx_json_doc_free(doc);
	if (error != 0) {
		tplc_advisory_build_abort(&b);
		return error;
	}
	return tplc_advisory_build_finish(&b, out);
}

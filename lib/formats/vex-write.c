/* SPDX-License-Identifier: Apache-2.0 */
/*
 * VEX out: the dispatcher and what the three writers share (which
 * statements name the same product, the one version a range names, a
 * product as a purl).
 */
#include <stdint.h>
#include <string.h>

#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "tplc/vex.h"
#include "util/alloc.h"
#include "util/str.h"
#include "vex.h"

size_t tplc_vex__same_product(const struct tplc_advisory *adv, size_t i)
{
	const struct tplc_affected *a = &adv->affected[i], *b;
	size_t j;

	for (j = 0; j < i; j++) {
		b = &adv->affected[j];
		if (tplx_streq(a->purl, b->purl) &&
		    tplx_streq(a->vendor, b->vendor) &&
		    tplx_streq(a->product, b->product) &&
		    tplx_streq(a->cpe, b->cpe) &&
		    tplx_streq(a->range, b->range) &&
		    tplx_streq(a->range_text, b->range_text))
			return j;
	}
	return i;
}

int tplc_vex__exact(const struct tplc_affected *a, char **out)
{
	struct tplc_vers *range = NULL;
	const char *op, *version;
	int error;

	*out = NULL;
	if (a->range == NULL)
		return 0;
	error = tplc_vers_parse_lenient(&range, a->range, NULL);
	if (error == 0 && tplc_vers_constraint_count(range) == 1 &&
	    tplc_vers_constraint(range, 0, &op, &version) == 0 &&
	    strcmp(op, "=") == 0 && version != NULL) {
		*out = tplx_strdup(version);
		if (*out == NULL)
			error = TPLC_ENOMEM;
	}
	tplc_vers_free(range);
	return error == TPLC_ENOMEM ? error : 0;
}

int tplc_vex__product_purl(const struct tplc_affected *a, const char *version,
                           char **out, struct tplc_error *err)
{
	struct tplc_purl *parsed = NULL, p;
	int error;

	*out = NULL;
	if (a->purl != NULL) {
		error = tplc_purl_parse(&parsed, a->purl, err);
		if (error == 0) {
			p = *parsed;
			p.version = (char *)(uintptr_t)version;
			error = tplc_purl_format(out, &p, err);
		}
		tplc_purl_free(parsed);
		return error;
	}
	memset(&p, 0, sizeof(p));
	p.type = (char *)(uintptr_t) "generic";
	p.namespace = (char *)(uintptr_t)a->vendor;
	p.name = (char *)(uintptr_t)(a->product ? a->product : a->cpe);
	p.version = (char *)(uintptr_t)version;
	if (p.name == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a statement names no product");
	return tplc_purl_format(out, &p, err);
}

int tplc_vex_write(FILE *fp, const char *format,
                   const struct tplc_advisory *adv, struct tplc_error *err)
{
	struct tplx_jsonw w;
	int error;

	if (adv->modified == NULL || adv->id == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a VEX document needs an id and a time");
	tplx_jsonw_init(&w, fp, true);
	if (tplx_streq(format, "cyclonedx"))
		error = tplc_vex__write_cyclonedx(&w, adv, err);
	else if (tplx_streq(format, "openvex"))
		error = tplc_vex__write_openvex(&w, adv, err);
	else if (tplx_streq(format, "csaf"))
		error = tplc_vex__write_csaf(&w, adv, err);
	else
		return tplc_error_set(err, TPLC_EINVAL,
		                      "unknown VEX format \"%s\": cyclonedx, "
		                      "openvex or csaf",
		                      format ? format : "");
	if (error == 0)
		fputc('\n', fp);
	if (error == 0 && (fflush(fp) != 0 || ferror(fp)))
		error = tplc_error_set(err, TPLC_EIO, "cannot write: %s",
		                       "output error");
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CycloneDX 1.6 VEX out: one component per product (and version) the
 * statements name, one vulnerability per statement whose analysis says
 * the status and affects[] names the component, with its range.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "vex.h"

static const char *state_name(enum tplc_status status)
{
	switch (status) {
	case TPLC_STATUS_NOT_AFFECTED:
		return "not_affected";
	case TPLC_STATUS_FIXED:
		return "resolved";
	case TPLC_STATUS_UNDER_INVESTIGATION:
		return "in_triage";
	case TPLC_STATUS_AFFECTED:
		break;
	}
	return "exploitable";
}

static const char *version_status(enum tplc_status status)
{
	switch (status) {
	case TPLC_STATUS_NOT_AFFECTED:
	case TPLC_STATUS_FIXED:
		return "unaffected";
	case TPLC_STATUS_UNDER_INVESTIGATION:
		return "unknown";
	case TPLC_STATUS_AFFECTED:
		break;
	}
	return "affected";
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* A serial number the same document id always gets (a version 4 UUID
 * form; the bits come from the id, not from chance). */
static void serial(const char *id, char *buf, size_t size)
{
	uint64_t a = fnv1a(id, 14695981039346656037u);
	uint64_t b = fnv1a(id, a ^ 0x9e3779b97f4a7c15u);

	snprintf(buf, size,
	         "urn:uuid:%08" PRIx64 "-%04" PRIx64 "-4%03" PRIx64
	         "-%04" PRIx64 "-%012" PRIx64,
	         a >> 32, (a >> 16) & 0xffff, a & 0xfff,
	         ((b >> 48) & 0x3fff) | 0x8000, b & 0xffffffffffffu);
}

static int write_component(struct tplx_jsonw *w, const struct tplc_affected *a,
                           size_t index, struct tplc_error *err)
{
	struct tplc_purl *parsed = NULL;
	char ref[32], *version = NULL, *purl = NULL;
	int error;

	error = tplc_vex__exact(a, &version);
	if (error == 0 && a->purl != NULL)
		error = tplc_vex__product_purl(a, version, &purl, err);
	if (error == 0 && a->purl != NULL)
		error = tplc_purl_parse(&parsed, a->purl, err);
	if (error != 0)
		goto out;
	snprintf(ref, sizeof(ref), "product-%zu", index + 1);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "type", a->purl ? "library" : "device");
	tplx_jsonw_kstring(w, "bom-ref", ref);
	if (a->vendor != NULL) {
		tplx_jsonw_key(w, "supplier");
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "name", a->vendor);
		tplx_jsonw_object_end(w);
	}
	if (parsed != NULL && parsed->namespace != NULL)
		tplx_jsonw_kstring(w, "group", parsed->namespace);
	tplx_jsonw_kstring(w, "name",
	                   parsed ? parsed->name
	                          : (a->product ? a->product : a->cpe));
	if (version != NULL)
		tplx_jsonw_kstring(w, "version", version);
	if (a->cpe != NULL)
		tplx_jsonw_kstring(w, "cpe", a->cpe);
	if (purl != NULL)
		tplx_jsonw_kstring(w, "purl", purl);
	tplx_jsonw_object_end(w);
out:
	tplc_purl_free(parsed);
	tplc_free(purl);
	tplx_free(version);
	return error == TPLC_ENOMEM
	               ? tplc_error_set(err, TPLC_ENOMEM, "out of memory")
	               : error;
}

static int write_vuln(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                      size_t i, struct tplc_error *err)
{
	const struct tplc_affected *a = &adv->affected[i];
	const struct tplc_vuln *v = &adv->vulns[a->vuln];
	char ref[32], *version = NULL;
	int error = tplc_vex__exact(a, &version);

	if (error != 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	snprintf(ref, sizeof(ref), "product-%zu",
	         tplc_vex__same_product(adv, i) + 1);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "id", v->id);
	if (v->description != NULL)
		tplx_jsonw_kstring(w, "description", v->description);
	if (a->remediation != NULL)
		tplx_jsonw_kstring(w, "recommendation", a->remediation);
	tplx_jsonw_key(w, "analysis");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "state", state_name(a->status));
	if (tplc_vex__justification("cyclonedx", a->justification) != NULL)
		tplx_jsonw_kstring(
		        w, "justification",
		        tplc_vex__justification("cyclonedx", a->justification));
	if (a->detail != NULL)
		tplx_jsonw_kstring(w, "detail", a->detail);
	tplx_jsonw_object_end(w);
	tplx_jsonw_key(w, "affects");
	tplx_jsonw_array_begin(w);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "ref", ref);
	if (version == NULL && (a->range != NULL || a->range_text != NULL)) {
		tplx_jsonw_key(w, "versions");
		tplx_jsonw_array_begin(w);
		tplx_jsonw_object_begin(w);
		if (a->range != NULL)
			tplx_jsonw_kstring(w, "range", a->range);
		else
			tplx_jsonw_kstring(w, "version", a->range_text);
		tplx_jsonw_kstring(w, "status", version_status(a->status));
		tplx_jsonw_object_end(w);
		tplx_jsonw_array_end(w);
	}
	tplx_jsonw_object_end(w);
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
	tplx_free(version);
	return 0;
}

int tplc_vex__write_cyclonedx(struct tplx_jsonw *w,
                              const struct tplc_advisory *adv,
                              struct tplc_error *err)
{
	char serial_number[64];
	size_t i;
	int error = 0;

	serial(adv->id, serial_number, sizeof(serial_number));
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "bomFormat", "CycloneDX");
	tplx_jsonw_kstring(w, "specVersion", "1.6");
	tplx_jsonw_kstring(w, "serialNumber", serial_number);
	tplx_jsonw_kint(w, "version", 1);
	tplx_jsonw_key(w, "metadata");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "timestamp", adv->modified);
	tplx_jsonw_key(w, "supplier");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "name", adv->publisher ? adv->publisher : "tplc");
	tplx_jsonw_object_end(w);
	tplx_jsonw_object_end(w);
	tplx_jsonw_key(w, "components");
	tplx_jsonw_array_begin(w);
	for (i = 0; error == 0 && i < adv->affected_count; i++)
		if (tplc_vex__same_product(adv, i) == i)
			error = write_component(w, &adv->affected[i], i, err);
	tplx_jsonw_array_end(w);
	tplx_jsonw_key(w, "vulnerabilities");
	tplx_jsonw_array_begin(w);
	for (i = 0; error == 0 && i < adv->affected_count; i++)
		error = write_vuln(w, adv, i, err);
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
	return error;
}

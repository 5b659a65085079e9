/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OpenVEX 0.2.0 out: one statement per affected entry.  A product is a
 * purl with its one version (a range keeps only the package and says the
 * range in status_notes); a device is pkg:generic/VENDOR/MODEL@VERSION with
 * supplier VENDOR, which openvex.c reads back as the device.  The schema
 * wants a reason for not_affected and an action for affected: when the
 * source gave none, the document says so in words.
 */
#include <string.h>

#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "vex.h"

static int write_statement(struct tplx_jsonw *w,
                           const struct tplc_advisory *adv, size_t i,
                           struct tplc_error *err)
{
	const struct tplc_affected *a = &adv->affected[i];
	const char *justification =
	        tplc_vex__justification("openvex", a->justification);
	char *version = NULL, *iri = NULL;
	int error;

	error = tplc_vex__exact(a, &version);
	if (error != 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (a->cpe != NULL && a->purl == NULL && a->product == NULL)
		iri = tplx_strdup(a->cpe);
	else
		error = tplc_vex__product_purl(
		        a, version ? version : a->range_text, &iri, err);
	if (error == 0 && iri == NULL)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (error != 0)
		goto out;
	tplx_jsonw_object_begin(w);
	tplx_jsonw_key(w, "vulnerability");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "name", adv->vulns[a->vuln].id);
	tplx_jsonw_object_end(w);
	tplx_jsonw_kstring(w, "timestamp", adv->modified);
	tplx_jsonw_key(w, "products");
	tplx_jsonw_array_begin(w);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "@id", iri);
	tplx_jsonw_object_end(w);
	tplx_jsonw_array_end(w);
	tplx_jsonw_kstring(w, "status", tplc_status_name(a->status));
	if (a->vendor != NULL)
		tplx_jsonw_kstring(w, "supplier", a->vendor);
	if (version == NULL && a->range != NULL)
		tplx_jsonw_kstring(w, "status_notes", a->range);
	if (a->status == TPLC_STATUS_NOT_AFFECTED && justification != NULL)
		tplx_jsonw_kstring(w, "justification", justification);
	if (a->detail != NULL)
		tplx_jsonw_kstring(w, "impact_statement", a->detail);
	else if (a->status == TPLC_STATUS_NOT_AFFECTED && justification == NULL)
		tplx_jsonw_kstring(w, "impact_statement",
		                   "The source gave no justification.");
	if (a->remediation != NULL)
		tplx_jsonw_kstring(w, "action_statement", a->remediation);
	else if (a->status == TPLC_STATUS_AFFECTED)
		tplx_jsonw_kstring(w, "action_statement",
		                   "No action was stated: ask the "
		                   "manufacturer.");
	tplx_jsonw_object_end(w);
out:
	tplc_free(iri);
	tplx_free(version);
	return error;
}

/* The document's IRI: its id when it is one, else a tplc URN. */
static int document_iri(const char *id, struct tplx_buf *buf)
{
	if (strchr(id, ':') != NULL && strchr(id, ' ') == NULL)
		return tplx_buf_adds(buf, id);
	return tplx_buf_addf(buf, "urn:tplc:vex:%s", id);
}

int tplc_vex__write_openvex(struct tplx_jsonw *w,
                            const struct tplc_advisory *adv,
                            struct tplc_error *err)
{
	struct tplx_buf iri = TPLX_BUF_INIT(4096);
	size_t i;
	int error = document_iri(adv->id, &iri);

	if (error != 0) {
		tplx_buf_release(&iri);
		return tplc_error_set(err, error, "document id too long");
	}
	if (adv->affected_count == 0) {
		tplx_buf_release(&iri);
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "no statements: OpenVEX needs one");
	}
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "@context", "https://openvex.dev/ns/v0.2.0");
	tplx_jsonw_kstring(w, "@id", tplx_buf_str(&iri));
	tplx_jsonw_kstring(w, "author",
	                   adv->publisher ? adv->publisher : "tplc");
	tplx_jsonw_kstring(w, "timestamp", adv->modified);
	tplx_jsonw_kint(w, "version", 1);
	tplx_jsonw_kstring(w, "tooling", "tplc");
	tplx_jsonw_key(w, "statements");
	tplx_jsonw_array_begin(w);
	for (i = 0; error == 0 && i < adv->affected_count; i++)
		error = write_statement(w, adv, i, err);
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
	tplx_buf_release(&iri);
	return error;
}

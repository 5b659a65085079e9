/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CSAF 2.0 VEX out (profile csaf_vex): a product tree with one product
 * per product and version the statements name (vendor > product name >
 * product version or version range; packages as full product names with
 * their purl), and per vulnerability its product status, a flag for each
 * not-affected justification, an impact threat for each detail and a
 * remediation for each affected product, as the profile requires.
 */
#include <stdio.h>
#include <string.h>

#include "tplc/tplc.h"
#include "util/alloc.h"
#include "vex.h"

#define PID_MAX 32

static void product_id(const struct tplc_advisory *adv, size_t i, char *buf)
{
	snprintf(buf, PID_MAX, "CSAFPID-%04zu",
	         tplc_vex__same_product(adv, i) + 1);
}

/* Whether statement i says what an earlier one already said of the same
 * vulnerability, status and product. */
static bool repeated(const struct tplc_advisory *adv, size_t i)
{
	const struct tplc_affected *a = &adv->affected[i], *b;
	size_t j, p = tplc_vex__same_product(adv, i);

	for (j = 0; j < i; j++) {
		b = &adv->affected[j];
		if (b->vuln == a->vuln && b->status == a->status &&
		    tplc_vex__same_product(adv, j) == p)
			return true;
	}
	return false;
}

static void begin_branch(struct tplx_jsonw *w, const char *category,
                         const char *name)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "category", category);
	tplx_jsonw_kstring(w, "name", name);
}

static void write_full_product(struct tplx_jsonw *w, const char *name,
                               const char *pid, const char *purl,
                               const char *cpe)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "name", name);
	tplx_jsonw_kstring(w, "product_id", pid);
	if (purl != NULL || cpe != NULL) {
		tplx_jsonw_key(w, "product_identification_helper");
		tplx_jsonw_object_begin(w);
		if (cpe != NULL)
			tplx_jsonw_kstring(w, "cpe", cpe);
		if (purl != NULL)
			tplx_jsonw_kstring(w, "purl", purl);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_object_end(w);
}

/* A device: [vendor >] product name [> version or range] > product. */
static void write_device(struct tplx_jsonw *w, const struct tplc_affected *a,
                         const char *version, const char *pid)
{
	const char *versions =
	        version ? version : (a->range ? a->range : a->range_text);
	char name[512];

	snprintf(name, sizeof(name), "%s%s%s%s%s", a->vendor ? a->vendor : "",
	         a->vendor ? " " : "", a->product, versions ? " " : "",
	         versions ? versions : "");
	if (a->vendor != NULL) {
		begin_branch(w, "vendor", a->vendor);
		tplx_jsonw_key(w, "branches");
		tplx_jsonw_array_begin(w);
	}
	begin_branch(w, "product_name", a->product);
	if (versions != NULL) {
		tplx_jsonw_key(w, "branches");
		tplx_jsonw_array_begin(w);
		begin_branch(w,
		             version || a->range == NULL
		                     ? "product_version"
		                     : "product_version_range",
		             versions);
	}
	tplx_jsonw_key(w, "product");
	write_full_product(w, name, pid, NULL, NULL);
	if (versions != NULL) {
		tplx_jsonw_object_end(w);
		tplx_jsonw_array_end(w);
	}
	tplx_jsonw_object_end(w);
	if (a->vendor != NULL) {
		tplx_jsonw_array_end(w);
		tplx_jsonw_object_end(w);
	}
}

static int write_tree(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                      struct tplc_error *err)
{
	char pid[PID_MAX], *version = NULL, *purl = NULL;
	size_t i, pass;
	int error = 0;

	tplx_jsonw_key(w, "product_tree");
	tplx_jsonw_object_begin(w);
	/* devices in branches, then packages as full product names */
	for (pass = 0; pass < 2 && error == 0; pass++) {
		bool any = false;

		for (i = 0; error == 0 && i < adv->affected_count; i++) {
			const struct tplc_affected *a = &adv->affected[i];
			bool device = a->product != NULL && a->purl == NULL;

			if (tplc_vex__same_product(adv, i) != i ||
			    device != (pass == 0))
				continue;
			if (!any) {
				tplx_jsonw_key(
				        w, pass == 0 ? "branches"
				                     : "full_product_names");
				tplx_jsonw_array_begin(w);
				any = true;
			}
			product_id(adv, i, pid);
			error = tplc_vex__exact(a, &version);
			if (error == 0 && device)
				write_device(w, a, version, pid);
			else if (error == 0 && a->purl != NULL)
				error = tplc_vex__product_purl(a, version,
				                               &purl, err);
			if (error == 0 && !device)
				write_full_product(w, purl ? purl : a->cpe, pid,
				                   purl, a->cpe);
			tplc_free(purl);
			tplx_free(version);
			purl = version = NULL;
		}
		if (any)
			tplx_jsonw_array_end(w);
	}
	tplx_jsonw_object_end(w);
	return error == TPLC_ENOMEM
	               ? tplc_error_set(err, TPLC_ENOMEM, "out of memory")
	               : error;
}

static const char *const status_lists[] = {
	[TPLC_STATUS_AFFECTED] = "known_affected",
	[TPLC_STATUS_FIXED] = "fixed",
	[TPLC_STATUS_NOT_AFFECTED] = "known_not_affected",
	[TPLC_STATUS_UNDER_INVESTIGATION] = "under_investigation",
};

/* One object {category?, label|details, product_ids} of a vulnerability's
 * flags, threats or remediations. */
static void write_note(struct tplx_jsonw *w, const char *category,
                       const char *key, const char *text, const char *pid)
{
	tplx_jsonw_object_begin(w);
	if (category != NULL)
		tplx_jsonw_kstring(w, "category", category);
	tplx_jsonw_kstring(w, key, text);
	tplx_jsonw_key(w, "product_ids");
	tplx_jsonw_array_begin(w);
	tplx_jsonw_string(w, pid);
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
}

/* What statement i puts in a vulnerability's flags, threats or
 * remediations (key): false when nothing. */
static bool note_for(const struct tplc_advisory *adv, size_t i, const char *key,
                     const char **category, const char **field,
                     const char **text)
{
	const struct tplc_affected *a = &adv->affected[i];
	const char *label =
	        tplc_vex__justification("openvex", a->justification);
	bool not_affected = a->status == TPLC_STATUS_NOT_AFFECTED;

	*category = NULL;
	*field = "details";
	*text = NULL;
	if (strcmp(key, "flags") == 0 && not_affected && label != NULL) {
		*field = "label";
		*text = label;
	} else if (strcmp(key, "threats") == 0 &&
	           (a->detail != NULL || (not_affected && label == NULL))) {
		*category = "impact";
		*text = a->detail ? a->detail
		                  : "The source gave no justification.";
	} else if (strcmp(key, "remediations") == 0 &&
	           a->status == TPLC_STATUS_AFFECTED) {
		/* fixed_in may be a component's: a fix of the product only
		 * when the source says what to do */
		*category = a->remediation == NULL ? "none_available"
		            : a->fixed_in          ? "vendor_fix"
		                                   : "mitigation";
		*text = a->remediation ? a->remediation
		                       : "No remediation was stated.";
	}
	return *text != NULL;
}

/* flags, threats or remediations of vulnerability v; none when empty
 * (the schema wants at least one item). */
static void write_notes(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                        size_t v, const char *key)
{
	const char *category, *field, *text;
	char pid[PID_MAX];
	bool any = false;
	size_t i;

	for (i = 0; i < adv->affected_count; i++) {
		if (adv->affected[i].vuln != v || repeated(adv, i) ||
		    !note_for(adv, i, key, &category, &field, &text))
			continue;
		if (!any) {
			tplx_jsonw_key(w, key);
			tplx_jsonw_array_begin(w);
			any = true;
		}
		product_id(adv, i, pid);
		write_note(w, category, field, text, pid);
	}
	if (any)
		tplx_jsonw_array_end(w);
}

static bool is_cve(const char *id)
{
	size_t n;

	if (strncmp(id, "CVE-", 4) != 0 || strspn(id + 4, "0123456789") != 4 ||
	    id[8] != '-')
		return false;
	n = strspn(id + 9, "0123456789");
	return n >= 4 && id[9 + n] == '\0';
}

static void write_vuln(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                       size_t v)
{
	const struct tplc_vuln *vuln = &adv->vulns[v];
	char pid[PID_MAX];
	size_t s, i;
	bool any;

	tplx_jsonw_object_begin(w);
	if (is_cve(vuln->id)) {
		tplx_jsonw_kstring(w, "cve", vuln->id);
	} else {
		tplx_jsonw_key(w, "ids");
		tplx_jsonw_array_begin(w);
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "system_name", "tplc");
		tplx_jsonw_kstring(w, "text", vuln->id);
		tplx_jsonw_object_end(w);
		tplx_jsonw_array_end(w);
	}
	tplx_jsonw_key(w, "product_status");
	tplx_jsonw_object_begin(w);
	for (s = 0; s < sizeof(status_lists) / sizeof(status_lists[0]); s++) {
		any = false;
		for (i = 0; i < adv->affected_count; i++) {
			const struct tplc_affected *a = &adv->affected[i];

			if (a->vuln != v || (size_t)a->status != s ||
			    repeated(adv, i))
				continue;
			if (!any) {
				tplx_jsonw_key(w, status_lists[s]);
				tplx_jsonw_array_begin(w);
				any = true;
			}
			product_id(adv, i, pid);
			tplx_jsonw_string(w, pid);
		}
		if (any)
			tplx_jsonw_array_end(w);
	}
	tplx_jsonw_object_end(w);
	write_notes(w, adv, v, "flags");
	write_notes(w, adv, v, "threats");
	write_notes(w, adv, v, "remediations");
	tplx_jsonw_object_end(w);
}

static void write_document(struct tplx_jsonw *w,
                           const struct tplc_advisory *adv)
{
	const char *publisher = adv->publisher ? adv->publisher : "tplc";

	tplx_jsonw_key(w, "document");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "category", "csaf_vex");
	tplx_jsonw_kstring(w, "csaf_version", "2.0");
	tplx_jsonw_key(w, "notes");
	tplx_jsonw_array_begin(w);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "category", "summary");
	tplx_jsonw_kstring(w, "title", "Scope");
	tplx_jsonw_kstring(w, "text",
	                   "What the statements tplc holds say of these "
	                   "products.");
	tplx_jsonw_object_end(w);
	tplx_jsonw_array_end(w);
	tplx_jsonw_key(w, "publisher");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "category", "vendor");
	tplx_jsonw_kstring(w, "name", publisher);
	tplx_jsonw_kstring(w, "namespace", "https://tplc.invalid");
	tplx_jsonw_object_end(w);
	tplx_jsonw_kstring(w, "title",
	                   adv->title ? adv->title : "VEX statements");
	tplx_jsonw_key(w, "tracking");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "current_release_date", adv->modified);
	tplx_jsonw_key(w, "generator");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_key(w, "engine");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "name", "tplc");
	tplx_jsonw_kstring(w, "version", TPLC_VERSION);
	tplx_jsonw_object_end(w);
	tplx_jsonw_object_end(w);
	tplx_jsonw_kstring(w, "id", adv->id);
	tplx_jsonw_kstring(w, "initial_release_date",
	                   adv->published ? adv->published : adv->modified);
	tplx_jsonw_key(w, "revision_history");
	tplx_jsonw_array_begin(w);
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "date", adv->modified);
	tplx_jsonw_kstring(w, "number", "1");
	tplx_jsonw_kstring(w, "summary", "Exported by tplc.");
	tplx_jsonw_object_end(w);
	tplx_jsonw_array_end(w);
	tplx_jsonw_kstring(w, "status", "final");
	tplx_jsonw_kstring(w, "version", "1");
	tplx_jsonw_object_end(w);
	tplx_jsonw_object_end(w);
}

int tplc_vex__write_csaf(struct tplx_jsonw *w, const struct tplc_advisory *adv,
                         struct tplc_error *err)
{
	size_t v, i;
	int error;

	tplx_jsonw_object_begin(w);
	write_document(w, adv);
	error = write_tree(w, adv, err);
	tplx_jsonw_key(w, "vulnerabilities");
	tplx_jsonw_array_begin(w);
	for (v = 0; error == 0 && v < adv->vuln_count; v++) {
		for (i = 0; i < adv->affected_count; i++)
			if (adv->affected[i].vuln == v)
				break;
		if (i < adv->affected_count)
			write_vuln(w, adv, v);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Licenses in SPDX RDF/XML (spdx-rdf.h): a license property names a
 * listed license by URI, an extracted one by rdf:about, or a node (a
 * conjunctive or disjunctive set, a WITH exception, an "or later"
 * operator) that becomes an expression such as "(A AND B)".  RDF
 * properties have no order: set members are sorted.
 */
#include <stdlib.h>
#include <string.h>

#include "formats/spdx-rdf.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/xml.h"

/* "http://spdx.org/licenses/MIT" -> "MIT", "DOC#LicenseRef-1" ->
 * "LicenseRef-1". */
static const char *license_id(const char *uri)
{
	const char *hash = strrchr(uri, '#');

	if (strcmp(uri, NOASSERTION) == 0)
		return "NOASSERTION";
	if (strcmp(uri, NONE) == 0)
		return "NONE";
	if (tplx_starts_with(uri, LICENSES))
		return uri + strlen(LICENSES);
	return hash ? hash + 1 : uri;
}

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A license set as "(A AND B)", members sorted: RDF keeps no order. */
static int license_set(struct rx *x, const struct node *n, const char *op,
                       int depth, const char **out)
{
	const char **members = NULL;
	const xmlNode *p;
	struct tplx_buf b = TPLX_BUF_INIT(SPDX_RDF_LICENSE_MAX);
	size_t count = 0, i;
	int error = 0;

	*out = NULL;
	for (p = tplc_spdx_rdf__prop(n, "member", NULL); p != NULL;
	     p = tplc_spdx_rdf__prop(n, "member", p))
		count++;
	if (count > SPDX_RDF_LIST_MAX)
		return tplx_xml_fail_code(
		        x->doc, n->el, NULL, x->err, TPLC_ELIMIT,
		        "more than %d set members", SPDX_RDF_LIST_MAX);
	members = tplx_calloc(count ? count : 1, sizeof(*members));
	if (members == NULL)
		return tplc_spdx_rdf__nomem(x);
	count = 0;
	for (p = tplc_spdx_rdf__prop(n, "member", NULL);
	     error == 0 && p != NULL; p = tplc_spdx_rdf__prop(n, "member", p)) {
		error = tplc_spdx_rdf__license_prop(x, p, depth + 1,
		                                    &members[count]);
		if (error == 0 && members[count] != NULL)
			count++;
	}
	if (error == 0 && count == 0)
		error = tplx_xml_fail(x->doc, n->el, NULL, x->err,
		                      "a license set needs <spdx:member>s");
	if (error == 0)
		qsort(members, count, sizeof(*members), compare_str);
	for (i = 0; error == 0 && i < count; i++)
		error = tplx_buf_addf(&b, "%s%s", i ? op : "", members[i]);
	if (error == 0 && count > 1)
		error = tplx_buf_addc(&b, ')');
	if (error == 0) {
		*out = tplx_arena_printf(x->doc->arena, "%s%s",
		                         count > 1 ? "(" : "",
		                         tplx_buf_str(&b));
		if (*out == NULL)
			error = tplc_spdx_rdf__nomem(x);
	} else if (error == TPLC_ELIMIT) {
		error = tplx_xml_fail_code(x->doc, n->el, NULL, x->err,
		                           TPLC_ELIMIT,
		                           "license expression longer than %d "
		                           "bytes",
		                           SPDX_RDF_LICENSE_MAX);
	} else if (error == TPLC_ENOMEM) {
		error = tplc_spdx_rdf__nomem(x);
	}
	tplx_buf_release(&b);
	tplx_free(members);
	return error;
}

static int license_node(struct rx *x, const struct node *n, int depth,
                        const char **out)
{
	const char *a = NULL, *b = NULL;
	int error = 0;

	*out = NULL;
	if (depth > SPDX_RDF_DEPTH_MAX)
		return tplx_xml_fail_code(x->doc, n->el, NULL, x->err,
		                          TPLC_ELIMIT,
		                          "license sets nested deeper than %d",
		                          SPDX_RDF_DEPTH_MAX);
	if (tplc_spdx_rdf__is_a(n, "ConjunctiveLicenseSet"))
		return license_set(x, n, " AND ", depth, out);
	if (tplc_spdx_rdf__is_a(n, "DisjunctiveLicenseSet"))
		return license_set(x, n, " OR ", depth, out);
	if (tplc_spdx_rdf__is_a(n, "WithExceptionOperator") ||
	    tplc_spdx_rdf__is_a(n, "OrLaterOperator")) {
		const xmlNode *m = tplc_spdx_rdf__prop(n, "member", NULL);
		const xmlNode *e =
		        tplc_spdx_rdf__prop(n, "licenseException", NULL);
		struct node *exc = NULL;

		if (m == NULL)
			return tplx_xml_fail(x->doc, n->el, NULL, x->err,
			                     "required element <spdx:member> "
			                     "is missing");
		error = tplc_spdx_rdf__license_prop(x, m, depth + 1, &a);
		if (error == 0 && e != NULL)
			error = tplc_spdx_rdf__object(x, e, &exc);
		if (error == 0 && exc != NULL)
			error = tplc_spdx_rdf__value_of(
			        x,
			        tplc_spdx_rdf__prop(exc, "licenseExceptionId",
			                            NULL),
			        &b);
		if (error == 0 && b == NULL && e != NULL)
			error = tplc_spdx_rdf__value_of(x, e, &b);
		if (error == 0 && b == NULL && exc != NULL && exc->about)
			b = license_id(exc->about);
		if (error == 0 && a != NULL)
			*out = b != NULL ? tplx_arena_printf(x->doc->arena,
			                                     "%s WITH %s", a, b)
			                 : tplx_arena_printf(x->doc->arena,
			                                     "%s+", a);
		if (error == 0 && a != NULL && *out == NULL)
			error = tplc_spdx_rdf__nomem(x);
		return error;
	}
	/* a listed or extracted license: its id */
	error = tplc_spdx_rdf__value_of(
	        x, tplc_spdx_rdf__prop(n, "licenseId", NULL), out);
	if (error == 0 && (*out == NULL || **out == '\0') && n->about != NULL)
		*out = license_id(n->about);
	return error;
}

/* The license a property names: a URI, an inline node, or text. */
int tplc_spdx_rdf__license_prop(struct rx *x, const xmlNode *p, int depth,
                                const char **out)
{
	struct node *n = NULL;
	const char *uri;
	int error;

	*out = NULL;
	if (p == NULL)
		return 0;
	error = tplc_spdx_rdf__object(x, p, &n);
	if (error == 0 && n != NULL)
		return license_node(x, n, depth, out);
	if (error == 0)
		error = tplc_spdx_rdf__attr(x, p, "resource", &uri);
	if (error == 0 && uri != NULL)
		*out = license_id(uri);
	else if (error == 0)
		error = tplc_spdx_rdf__text_of(x, p,
		                               out); /* an expression as text */
	return error;
}

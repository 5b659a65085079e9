/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NTIA minimum elements and FDA support fields of a parsed SBOM
 * (include/tplc/sbom-check.h).
 */
#include <string.h>

#include "tplc/sbom-check.h"
#include "util/str.h"

static const struct {
	const char *key, *title, *source;
	bool per_component;
} elements[TPLC_SBOM_ELEMENTS] = {
	[TPLC_SBOM_SUPPLIER] = { "supplier", "Supplier name", "NTIA", true },
	[TPLC_SBOM_NAME] = { "name", "Component name", "NTIA", true },
	[TPLC_SBOM_VERSION] = { "version", "Version of the component", "NTIA",
	                        true },
	[TPLC_SBOM_IDENTIFIER] = { "identifier",
	                           "Other unique identifiers (purl, CPE, hash)",
	                           "NTIA", true },
	[TPLC_SBOM_DEPENDENCIES] = { "dependencies", "Dependency relationship",
	                             "NTIA", true },
	[TPLC_SBOM_AUTHOR] = { "author", "Author of SBOM data", "NTIA", false },
	[TPLC_SBOM_TIMESTAMP] = { "timestamp", "Timestamp", "NTIA", false },
	[TPLC_SBOM_SUPPORT_LEVEL] = { "support_level", "Level of support",
	                              "FDA", true },
	[TPLC_SBOM_END_OF_SUPPORT] = { "end_of_support", "End-of-support date",
	                               "FDA", true },
};

/* Words that fill a field without saying anything. */
static bool says_nothing(const char *s)
{
	static const char *const empty[] = {
		"unknown", "n/a", "na", "none", "noassertion", "tbd", "-", NULL,
	};
	size_t i;

	if (s == NULL || tplx_is_blank(s))
		return true;
	for (i = 0; empty[i] != NULL; i++)
		if (tplx_strcaseeq(s, empty[i]))
			return true;
	return false;
}

/* Is ref a source with at least one edge, or the target of one? */
static bool in_graph(const struct tplc_sbom *sbom, const char *ref)
{
	size_t i, j;

	if (ref == NULL)
		return false;
	for (i = 0; i < sbom->dependency_count; i++) {
		const struct tplc_dependency *d = &sbom->dependencies[i];

		if (d->count > 0 && tplx_streq(d->ref, ref))
			return true;
		for (j = 0; j < d->count; j++)
			if (tplx_streq(d->depends_on[j], ref))
				return true;
	}
	return false;
}

static bool component_has(const struct tplc_sbom *sbom,
                          const struct tplc_component *c,
                          enum tplc_sbom_element e)
{
	switch (e) {
	case TPLC_SBOM_SUPPLIER:
		return !says_nothing(c->supplier);
	case TPLC_SBOM_NAME:
		return !says_nothing(c->name);
	case TPLC_SBOM_VERSION:
		return !says_nothing(c->version);
	case TPLC_SBOM_IDENTIFIER:
		return c->purl != NULL || c->cpe != NULL || c->hash_count > 0;
	case TPLC_SBOM_DEPENDENCIES:
		return in_graph(sbom, c->ref);
	case TPLC_SBOM_SUPPORT_LEVEL:
		return c->support != TPLC_SUPPORT_UNKNOWN;
	case TPLC_SBOM_END_OF_SUPPORT:
		return c->end_of_support != NULL ||
		       !says_nothing(c->end_of_support_text);
	default:
		return false;
	}
}

static bool edges(const struct tplc_sbom *sbom)
{
	size_t i;

	for (i = 0; i < sbom->dependency_count; i++)
		if (sbom->dependencies[i].count > 0)
			return true;
	return false;
}

void tplc_sbom_check(const struct tplc_sbom *sbom, struct tplc_sbom_check *out)
{
	size_t e, i;

	memset(out, 0, sizeof(*out));
	out->components = sbom->component_count;
	for (e = 0; e < TPLC_SBOM_ELEMENTS; e++) {
		struct tplc_sbom_check_item *it = &out->items[e];

		it->key = elements[e].key;
		it->title = elements[e].title;
		it->source = elements[e].source;
		it->per_component = elements[e].per_component;
		if (!it->per_component) {
			const char *v = e == TPLC_SBOM_AUTHOR ? sbom->author
			                                      : sbom->created;

			it->total = 1;
			it->have = says_nothing(v) ? 0 : 1;
		} else {
			it->total = sbom->component_count;
			for (i = 0; i < sbom->component_count; i++) {
				const struct tplc_component *c =
				        &sbom->components[i];

				if (component_has(sbom, c,
				                  (enum tplc_sbom_element)e)) {
					it->have++;
					continue;
				}
				if (it->named < TPLC_SBOM_CHECK_NAMED)
					it->missing[it->named++] =
					        c->name ? c->name : c->ref;
			}
		}
		it->ok = it->have == it->total;
		if (e == TPLC_SBOM_DEPENDENCIES && !edges(sbom))
			it->ok = false;
		if (!it->ok)
			out->missing++;
	}
	out->complete = out->missing == 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A full scan: read the fleet and the advisories out of the store once,
 * compile the advisory statements into rules, match every component and
 * product version in memory, and hand the complete set of findings back
 * to the store, which reconciles it in one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "store/scan.h"
#include "tplc/match.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"

/* An advisory statement, compiled: strings copied, range parsed and
 * names reduced to keys once, not per comparison. */
struct rule {
	long long advisory_id;
	const char *advisory_ref;
	const char *vuln_id;
	const char *package_key; /* package rules */
	const char *vendor;      /* product rules */
	const char *product;
	const char *vendor_key;
	const char *product_key;
	const char *range;      /* NULL: all versions */
	struct tplc_vers *vers; /* range, parsed; NULL: all versions */
	const char *fixed_in;
	const char *remediation;
	double cvss_score;
};

struct vec {
	void *items;
	size_t count, cap;
};

/* A product version with its names reduced to keys. */
struct product {
	struct tplc_store__product_version row;
	const char *manufacturer_key;
	const char *model_key;
};

struct scan {
	struct tplx_arena *arena;
	struct vec package_rules; /* struct rule, sorted by package_key */
	struct vec product_rules; /* struct rule */
	struct vec components;    /* struct tplc_store__component */
	struct vec products;      /* struct tplc_store__product_version */
	struct vec matches;       /* struct tplc_store__match */
	struct tplc_scan_stats *stats;
	struct tplc_error *err;
};

static void *vec_push(struct vec *v, size_t size)
{
	if (v->count == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 64;
		void *items = tplx_reallocarray(v->items, cap, size);

		if (items == NULL)
			return NULL;
		v->items = items;
		v->cap = cap;
	}
	return (char *)v->items + size * v->count++;
}

/* Copy a borrowed string into the scan's arena; NULL stays NULL. */
static int keep(struct scan *s, const char **field, const char *value)
{
	*field = NULL;
	if (value == NULL)
		return 0;
	*field = tplx_arena_strdup(s->arena, value);
	return *field == NULL ? TPLC_ENOMEM : 0;
}

/* The matching key of a name, in the scan's arena. */
static int keep_key(struct scan *s, const char **field, const char *name,
                    bool vendor)
{
	char *key = tplx_arena_alloc(s->arena, strlen(name) + 1);

	*field = key;
	if (key == NULL)
		return TPLC_ENOMEM;
	tplc_match__name_key(key, name, vendor);
	return 0;
}

static int nomem(struct scan *s)
{
	return tplc_error_set(s->err, TPLC_ENOMEM, "out of memory");
}

static int take_affected(const struct tplc_store__affected *row, void *data)
{
	struct scan *s = data;
	struct tplc_vers *vers = NULL;
	struct tplc_error why;
	struct rule *r;
	struct vec *v;
	int error;

	if (strcmp(row->status, "affected") != 0)
		return 0;
	s->stats->statements++;
	if (row->range == NULL && row->range_text != NULL) {
		s->stats->unknown_ranges++; /* words we could not read */
		return 0;
	}
	if (row->package_key != NULL)
		v = &s->package_rules;
	else if (row->vendor != NULL && row->product != NULL)
		v = &s->product_rules;
	else
		return 0;
	if (row->range != NULL) {
		error = tplc_match__compile_range(&vers, row->range, &why);
		if (error == TPLC_ENOMEM)
			return nomem(s);
		if (error < 0) {
			s->stats->unknown_ranges++; /* a range we cannot read */
			return 0;
		}
	}
	r = vec_push(v, sizeof(*r));
	if (r == NULL) {
		tplc_vers_free(vers);
		return nomem(s);
	}
	memset(r, 0, sizeof(*r));
	r->vers = vers; /* owned by the rule from here on */
	r->advisory_id = row->advisory_id;
	r->cvss_score = row->cvss_score;
	if (keep(s, &r->advisory_ref, row->advisory_ref) ||
	    keep(s, &r->vuln_id, row->vuln_id) ||
	    keep(s, &r->package_key, row->package_key) ||
	    keep(s, &r->vendor, row->vendor) ||
	    keep(s, &r->product, row->product) ||
	    keep(s, &r->range, row->range) ||
	    keep(s, &r->fixed_in, row->fixed_in) ||
	    keep(s, &r->remediation, row->remediation))
		return nomem(s);
	if (v == &s->product_rules &&
	    (keep_key(s, &r->vendor_key, row->vendor, true) ||
	     keep_key(s, &r->product_key, row->product, false)))
		return nomem(s);
	return 0;
}

static int take_component(const struct tplc_store__component *row, void *data)
{
	struct scan *s = data;
	struct tplc_store__component *c = vec_push(&s->components, sizeof(*c));

	if (c == NULL)
		return nomem(s);
	*c = *row;
	if (keep(s, &c->name, row->name) ||
	    keep(s, &c->version, row->version) ||
	    keep(s, &c->purl, row->purl) ||
	    keep(s, &c->package_key, row->package_key))
		return nomem(s);
	s->stats->components++;
	return 0;
}

static int take_product(const struct tplc_store__product_version *row,
                        void *data)
{
	struct scan *s = data;
	struct product *p = vec_push(&s->products, sizeof(*p));

	if (p == NULL)
		return nomem(s);
	p->row = *row;
	if (keep(s, &p->row.manufacturer, row->manufacturer) ||
	    keep(s, &p->row.model, row->model) ||
	    keep(s, &p->row.version, row->version) ||
	    keep_key(s, &p->manufacturer_key, row->manufacturer, true) ||
	    keep_key(s, &p->model_key, row->model, false))
		return nomem(s);
	s->stats->product_versions++;
	return 0;
}

static int by_package_key(const void *a, const void *b)
{
	return strcmp(((const struct rule *)a)->package_key,
	              ((const struct rule *)b)->package_key);
}

static int add_match(struct scan *s, const struct rule *r,
                     long long product_version, long long component,
                     const char *kind, const char *reason)
{
	struct tplc_store__match *m = vec_push(&s->matches, sizeof(*m));

	if (m == NULL || reason == NULL)
		return nomem(s);
	m->product_version_id = product_version;
	m->component_id = component;
	m->advisory_id = r->advisory_id;
	m->vuln_id = r->vuln_id;
	m->match = kind;
	m->reason = reason;
	m->cvss_score = r->cvss_score;
	m->fixed_in = r->fixed_in;
	m->remediation = r->remediation;
	return 0;
}

/* *verdict: 1 in range, 0 not, -1 could not tell (no version, or one the
 * range's scheme cannot read).  Only running out of memory is an error. */
static int in_range(struct scan *s, const struct rule *r, const char *version,
                    int *verdict)
{
	struct tplc_error why;
	bool inside = false;
	int error;

	if (r->vers == NULL) {
		*verdict = 1; /* all versions */
		return 0;
	}
	if (version == NULL) {
		*verdict = -1;
		return 0;
	}
	error = tplc_vers_contains(&inside, r->vers, version, &why);
	if (error == TPLC_ENOMEM)
		return nomem(s);
	*verdict = error < 0 ? -1 : inside;
	return 0;
}

static int match_components(struct scan *s)
{
	const struct rule *rules = s->package_rules.items;
	size_t n = s->package_rules.count, i;
	int error = 0;

	for (i = 0; i < s->components.count && error == 0; i++) {
		const struct tplc_store__component *c =
		        (const struct tplc_store__component *)
		                s->components.items +
		        i;
		struct rule probe = { .package_key = c->package_key };
		const struct rule *r = bsearch(&probe, rules, n, sizeof(*rules),
		                               by_package_key);

		if (r == NULL)
			continue;
		while (r > rules &&
		       strcmp(r[-1].package_key, c->package_key) == 0)
			r--;
		for (; r < rules + n && error == 0 &&
		       strcmp(r->package_key, c->package_key) == 0;
		     r++) {
			int verdict;

			error = in_range(s, r, c->version, &verdict);
			if (error < 0)
				break;
			if (verdict < 0)
				s->stats->undecided++;
			if (verdict != 1)
				continue;
			error = add_match(
			        s, r, c->product_version_id, c->id, "purl",
			        tplx_arena_printf(
			                s->arena, "%s %s (%s) in %s per %s",
			                c->name, c->version ? c->version : "",
			                c->package_key,
			                r->range ? r->range : "all versions",
			                r->advisory_ref));
		}
	}
	return error;
}

static int match_products(struct scan *s)
{
	const struct rule *rules = s->product_rules.items;
	const struct product *products = s->products.items;
	size_t i, j;
	int error = 0;

	for (i = 0; i < s->products.count && error == 0; i++) {
		const struct product *p = &products[i];
		const struct tplc_store__product_version *pv = &p->row;

		for (j = 0; j < s->product_rules.count && error == 0; j++) {
			const struct rule *r = &rules[j];
			int verdict;

			if (!tplc_match__vendor_keys(p->manufacturer_key,
			                             r->vendor_key) ||
			    !tplc_match__product_keys(p->model_key,
			                              r->product_key))
				continue;
			error = in_range(s, r, pv->version, &verdict);
			if (error < 0)
				break;
			if (verdict < 0)
				s->stats->undecided++;
			if (verdict != 1)
				continue;
			error = add_match(
			        s, r, pv->id, 0, "product",
			        tplx_arena_printf(
			                s->arena,
			                "%s %s %s is %s %s, %s per %s",
			                pv->manufacturer, pv->model,
			                pv->version ? pv->version : "",
			                r->vendor, r->product,
			                r->range ? r->range : "all versions",
			                r->advisory_ref));
		}
	}
	return error;
}

static void free_rules(struct vec *rules)
{
	struct rule *r = rules->items;
	size_t i;

	for (i = 0; i < rules->count; i++)
		tplc_vers_free(r[i].vers);
	tplx_free(rules->items);
}

int tplc_scan(struct tplc_store *store, struct tplc_scan_stats *stats,
              struct tplc_error *err)
{
	struct scan s;
	struct tplc_store__sync_stats sync;
	int error;

	memset(stats, 0, sizeof(*stats));
	memset(&s, 0, sizeof(s));
	s.stats = stats;
	s.err = err;
	s.arena = tplx_arena_new();
	if (s.arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplc_store__each_affected(store, take_affected, &s, err);
	if (error == 0)
		error = tplc_store__each_component(store, take_component, &s,
		                                   err);
	if (error == 0)
		error = tplc_store__each_product_version(store, take_product,
		                                         &s, err);
	if (error == 0) {
		if (s.package_rules.count > 1)
			qsort(s.package_rules.items, s.package_rules.count,
			      sizeof(struct rule), by_package_key);
		error = match_components(&s);
	}
	if (error == 0)
		error = match_products(&s);
	if (error == 0)
		error = tplc_store__sync_findings(store, s.matches.items,
		                                  s.matches.count, &sync, err);
	if (error == 0) {
		stats->findings = sync.total;
		stats->added = sync.added;
		stats->removed = sync.removed;
	}
	free_rules(&s.package_rules);
	free_rules(&s.product_rules);
	tplx_free(s.components.items);
	tplx_free(s.products.items);
	tplx_free(s.matches.items);
	tplx_arena_free(s.arena);
	return error;
}

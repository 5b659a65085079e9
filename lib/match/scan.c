/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scans: read the advisories and the fleet out of the store once,
 * compile the statements into the index (index.c), match (engine.c,
 * parallel.c), and hand the findings back to the store, which reconciles
 * them in one transaction.  A full scan reads everything; an incremental
 * scan reads one advisory's rules and, by index, only what they name.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "util/alloc.h"
#include "util/arena.h"

struct load {
	struct tplc_match__index ix;
	struct tplx_arena *arena; /* components' and products' strings */
	struct tplc_match__vec components; /* struct tplc_match__component */
	struct tplc_match__vec products;   /* struct tplc_match__product */
	struct tplc_match__vec keys;       /* const char *: ids, keys */
	long long advisory_id;             /* incremental: whose rows */
	struct tplc_scan_stats *stats;
	struct tplc_error *err;
};

static int nomem(struct load *l)
{
	return tplc_error_set(l->err, TPLC_ENOMEM, "out of memory");
}

static int load_init(struct load *l, struct tplc_scan_stats *stats,
                     struct tplc_error *err)
{
	memset(stats, 0, sizeof(*stats));
	memset(l, 0, sizeof(*l));
	l->stats = stats;
	l->err = err;
	l->arena = tplx_arena_new();
	if (l->arena == NULL || tplc_match__index_init(&l->ix) < 0) {
		tplx_arena_free(l->arena);
		l->arena = NULL;
		return nomem(l);
	}
	return 0;
}

static void load_free(struct load *l)
{
	struct tplc_match__component *c = l->components.items;
	size_t i;

	for (i = 0; i < l->components.count; i++)
		tplc_cpe_free(c[i].cpe);
	tplx_free(l->components.items);
	tplx_free(l->products.items);
	tplx_free(l->keys.items);
	tplc_match__index_free(&l->ix);
	tplx_arena_free(l->arena);
}

static int take_rule(const struct tplc_store__affected *row, void *data)
{
	struct load *l = data;

	return tplc_match__index_add(&l->ix, row, true, l->err);
}

static int take_statement(const struct tplc_store__affected *row, void *data)
{
	struct load *l = data;

	return tplc_match__index_add(&l->ix, row, false, l->err);
}

static int take_alias(const char *alias, const char *vuln_id, void *data)
{
	struct load *l = data;

	return tplc_match__index_alias(&l->ix, alias, vuln_id, l->err);
}

/* The rule whose key is key, + 1; 0 when none has it. */
static size_t indexed(const struct tplc_match__sorted *s, int which,
                      const char *key, const char **kept)
{
	size_t lo, hi;

	if (key == NULL || s->count == 0)
		return 0;
	tplc_match__range(s, which, key, &lo, &hi);
	if (lo == hi)
		return 0;
	/* the rule's copy of the key: no copy per component */
	*kept = which == TPLC_MATCH__BY_PACKAGE ? s->rules[lo]->package_key
	                                        : s->rules[lo]->cpe_key;
	return lo + 1;
}

static int keep(struct load *l, const char **field, const char *value)
{
	*field = NULL;
	if (value == NULL)
		return 0;
	*field = tplx_arena_strdup(l->arena, value);
	return *field == NULL ? TPLC_ENOMEM : 0;
}

/* Only components some rule or statement names are kept: the fleet's
 * other packages cost one lookup, no copy. */
static int take_component(const struct tplc_store__component *row, void *data)
{
	struct load *l = data;
	const struct tplc_match__index *ix = &l->ix;
	struct tplc_match__component *c;
	const char *package_key = NULL, *cpe_key = NULL;
	size_t package_at, cpe_at;

	l->stats->components++;
	package_at = indexed(&ix->findings.package, TPLC_MATCH__BY_PACKAGE,
	                     row->package_key, &package_key);
	cpe_at = indexed(&ix->findings.cpe, TPLC_MATCH__BY_CPE, row->cpe_key,
	                 &cpe_key);
	if (package_at == 0 && cpe_at == 0)
		return 0;
	/* a VEX statement may name its CPE though no rule does */
	if (cpe_key == NULL)
		indexed(&ix->statements.cpe, TPLC_MATCH__BY_CPE, row->cpe_key,
		        &cpe_key);
	c = tplc_match__push(&l->components, sizeof(*c));
	if (c == NULL)
		return nomem(l);
	memset(c, 0, sizeof(*c));
	c->row = *row;
	c->row.purl = NULL; /* not needed to match */
	c->row.package_key = package_key;
	c->row.cpe_key = cpe_key;
	c->package_at = package_at;
	c->cpe_at = cpe_at;
	if (keep(l, &c->row.name, row->name) ||
	    keep(l, &c->row.version, row->version) ||
	    (cpe_key != NULL && keep(l, &c->row.cpe, row->cpe)))
		return nomem(l);
	if (cpe_key == NULL)
		c->row.cpe = NULL;
	return tplc_match__component_cpe(c, l->arena, l->err);
}

static int take_product(const struct tplc_store__product_version *row,
                        void *data)
{
	struct load *l = data;
	struct tplc_match__product *p;
	char *mkey, *pkey;

	l->stats->product_versions++;
	mkey = tplx_arena_alloc(l->arena, strlen(row->manufacturer) + 1);
	pkey = tplx_arena_alloc(l->arena, strlen(row->model) + 1);
	if (mkey == NULL || pkey == NULL)
		return nomem(l);
	tplc_match__name_key(mkey, row->manufacturer, true);
	if (!tplc_match__names_vendor(&l->ix, mkey))
		return 0; /* no advisory names its maker */
	tplc_match__name_key(pkey, row->model, false);
	p = tplc_match__push(&l->products, sizeof(*p));
	if (p == NULL)
		return nomem(l);
	memset(p, 0, sizeof(*p));
	p->row = *row;
	p->manufacturer_key = mkey;
	p->model_key = pkey;
	if (keep(l, &p->row.manufacturer, row->manufacturer) ||
	    keep(l, &p->row.model, row->model) ||
	    keep(l, &p->row.version, row->version))
		return nomem(l);
	return 0;
}

static int by_component_id(const void *a, const void *b)
{
	const struct tplc_match__component *x = a, *y = b;

	return x->row.id < y->row.id ? -1 : x->row.id > y->row.id;
}

static int compare_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/* Equal packages and versions next to each other, so their package
 * rules are evaluated once (engine.c); then by id, always the same. */
static int by_match_order(const void *a, const void *b)
{
	const struct tplc_match__component *x = a, *y = b;
	int c = 0;

	if (x->package_at != y->package_at)
		return x->package_at < y->package_at ? -1 : 1;
	if (x->cpe_at != y->cpe_at)
		return x->cpe_at < y->cpe_at ? -1 : 1;
	if (x->cpe_at != 0)
		c = compare_text(x->row.cpe, y->row.cpe);
	if (c == 0)
		c = compare_text(
		        x->row.version ? x->row.version : x->cpe_version,
		        y->row.version ? y->row.version : y->cpe_version);
	return c != 0 ? c : by_component_id(a, b);
}

/* Match what was loaded and reconcile: all findings, or one advisory's. */
static int match_and_sync(struct tplc_store *store, struct load *l,
                          size_t threads)
{
	struct tplc_match__fleet fleet;
	struct tplc_match__out out;
	struct tplc_store__sync_stats sync;
	size_t i;
	int error;

	if (l->components.count > 1)
		qsort(l->components.items, l->components.count,
		      sizeof(struct tplc_match__component), by_match_order);
	l->stats->statements = l->ix.statement_rows;
	l->stats->unknown_ranges = l->ix.unknown_ranges;
	memset(&fleet, 0, sizeof(fleet));
	fleet.ix = &l->ix;
	fleet.components = l->components.items;
	fleet.component_count = l->components.count;
	fleet.products = l->products.items;
	fleet.product_count = l->products.count;
	if (tplc_match__out_init(&out) < 0)
		return nomem(l);
	error = tplc_match__fleet_prepare(&fleet, l->arena, l->err);
	if (error == 0)
		error = tplc_match__run(&fleet, threads, &out, l->err);
	for (i = 0; error == 0 && i < fleet.product_count; i++)
		error = tplc_match__product(&fleet, &fleet.products[i], &out);
	if (error == 0)
		error = tplc_match__resolve(&fleet, &out);
	if (error < 0 && out.err.code != 0 && l->err != NULL)
		*l->err = out.err; /* the single-threaded steps' reason */
	l->stats->undecided = out.undecided;
	if (error == 0 && l->advisory_id == 0)
		error = tplc_store__sync_findings(store, out.matches.items,
		                                  out.matches.count, &sync,
		                                  l->err);
	else if (error == 0)
		error = tplc_store__sync_advisory_findings(
		        store, l->advisory_id, out.matches.items,
		        out.matches.count, &sync, l->err);
	if (error == 0) {
		l->stats->findings = sync.total;
		l->stats->added = sync.added;
		l->stats->removed = sync.removed;
	}
	tplc_match__out_free(&out);
	return error;
}

int tplc_scan(struct tplc_store *store, struct tplc_scan_stats *stats,
              struct tplc_error *err)
{
	struct load l;
	int error;

	error = load_init(&l, stats, err);
	if (error < 0)
		return error;
	error = tplc_store__each_affected(store, take_rule, &l, err);
	if (error == 0)
		error = tplc_store__each_alias(store, take_alias, &l, err);
	if (error == 0)
		error = tplc_match__index_build(&l.ix, err);
	if (error == 0)
		error = tplc_store__each_component(store, take_component, &l,
		                                   err);
	if (error == 0)
		error = tplc_store__each_product_version(store, take_product,
		                                         &l, err);
	if (error == 0)
		error = match_and_sync(store, &l, tplc_match__threads());
	load_free(&l);
	return error;
}

/* Add s to the set of keys (a short list: one advisory's). */
static int add_key(struct load *l, const char *s)
{
	const char **keys = l->keys.items, **slot;
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < l->keys.count; i++)
		if (strcmp(keys[i], s) == 0)
			return 0;
	slot = tplc_match__push(&l->keys, sizeof(*slot));
	if (slot == NULL)
		return nomem(l);
	*slot = s;
	return 0;
}

/* The vulnerabilities the advisory's rules name, and their aliases. */
static int take_vuln_alias(const char *alias, const char *vuln_id, void *data)
{
	struct load *l = data;
	const struct tplc_match__alias *a;

	if (tplc_match__index_alias(&l->ix, alias, vuln_id, l->err) < 0)
		return TPLC_ENOMEM;
	a = (const struct tplc_match__alias *)l->ix.aliases.items +
	    l->ix.aliases.count - 1; /* the arena's copies */
	return add_key(l, a->alias) || add_key(l, a->vuln_id) ? TPLC_ENOMEM : 0;
}

static int load_statements(struct tplc_store *store, struct load *l)
{
	struct tplc_match__rule **rules = l->ix.rules.items;
	struct tplc_store__scope scope;
	size_t i, n = l->ix.rules.count, vulns;
	int error = 0;

	l->keys.count = 0;
	for (i = 0; i < n && error == 0; i++)
		if (rules[i]->finding)
			error = add_key(l, rules[i]->vuln_id);
	vulns = l->keys.count;
	for (i = 0; i < vulns && error == 0; i++) {
		memset(&scope, 0, sizeof(scope));
		scope.vuln_id = ((const char **)l->keys.items)[i];
		error = tplc_store__each_alias_in(store, &scope,
		                                  take_vuln_alias, l, l->err);
	}
	/* other advisories' statements on these vulnerabilities */
	for (i = 0; i < l->keys.count && error == 0; i++) {
		memset(&scope, 0, sizeof(scope));
		scope.advisory_id = l->advisory_id;
		scope.not_advisory_vuln = ((const char **)l->keys.items)[i];
		error = tplc_store__each_affected_in(store, &scope,
		                                     take_statement, l, l->err);
	}
	return error;
}

/* The components the advisory's package and CPE rules name. */
static int load_components(struct tplc_store *store, struct load *l)
{
	const struct tplc_match__set *set = &l->ix.findings;
	struct tplc_store__scope scope;
	struct tplc_match__component *c;
	size_t i, j;
	int error = 0;

	for (i = 0; i < set->package.count && error == 0; i++) {
		if (i > 0 &&
		    strcmp(set->package.rules[i]->package_key,
		           set->package.rules[i - 1]->package_key) == 0)
			continue;
		memset(&scope, 0, sizeof(scope));
		scope.package_key = set->package.rules[i]->package_key;
		error = tplc_store__each_component_in(
		        store, &scope, take_component, l, l->err);
	}
	for (i = 0; i < set->cpe.count && error == 0; i++) {
		if (i > 0 && strcmp(set->cpe.rules[i]->cpe_key,
		                    set->cpe.rules[i - 1]->cpe_key) == 0)
			continue;
		memset(&scope, 0, sizeof(scope));
		scope.cpe_key = set->cpe.rules[i]->cpe_key;
		error = tplc_store__each_component_in(
		        store, &scope, take_component, l, l->err);
	}
	if (error < 0)
		return error;
	/* the full scan's order, each component once */
	c = l->components.items;
	if (l->components.count > 1)
		qsort(c, l->components.count, sizeof(*c), by_component_id);
	for (i = 0, j = 0; i < l->components.count; i++) {
		if (j > 0 && c[j - 1].row.id == c[i].row.id) {
			tplc_cpe_free(c[i].cpe);
			continue;
		}
		c[j++] = c[i];
	}
	l->stats->components = l->components.count = j;
	return 0;
}

int tplc_scan_advisory(struct tplc_store *store, long long advisory_id,
                       struct tplc_scan_stats *stats, struct tplc_error *err)
{
	struct tplc_store__scope scope;
	struct load l;
	int error;

	if (advisory_id <= 0)
		return tplc_error_set(err, TPLC_EINVAL, "no advisory");
	error = load_init(&l, stats, err);
	if (error < 0)
		return error;
	l.advisory_id = advisory_id;
	memset(&scope, 0, sizeof(scope));
	scope.advisory_id = advisory_id;
	error = tplc_store__each_affected_in(store, &scope, take_rule, &l, err);
	/* the rules alone, to know what to look up */
	if (error == 0)
		error = tplc_match__index_build(&l.ix, err);
	if (error == 0)
		error = load_components(store, &l);
	if (error == 0)
		error = load_statements(store, &l);
	if (error == 0) {
		/* again, with the statements */
		tplc_match__index_free_sorted(&l.ix);
		error = tplc_match__index_build(&l.ix, err);
	}
	if (error == 0)
		error = tplc_store__each_product_version(store, take_product,
		                                         &l, err);
	if (error == 0)
		error = match_and_sync(store, &l, 1);
	load_free(&l);
	return error;
}

int tplc_scan_advisory_ref(struct tplc_store *store, const char *source_ref,
                           struct tplc_scan_stats *stats,
                           struct tplc_error *err)
{
	const char *colon = strchr(source_ref, ':');
	char source[64];
	long long id;
	int error;

	memset(stats, 0, sizeof(*stats));
	if (colon == NULL || colon == source_ref ||
	    (size_t)(colon - source_ref) >= sizeof(source) || colon[1] == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: expected SOURCE:REF (osv:GHSA-...)",
		                      source_ref);
	memcpy(source, source_ref, (size_t)(colon - source_ref));
	source[colon - source_ref] = '\0';
	error = tplc_store__advisory_id(store, source, colon + 1, &id, err);
	if (error == 0)
		error = tplc_scan_advisory(store, id, stats, err);
	return error;
}

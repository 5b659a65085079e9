/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The compiled match index: every affected row read once into a rule,
 * then grouped by the key it is looked up by.  Package and CPE rules are
 * found by one hash probe on their exact key (interned: grouped by its
 * number); product rules by bsearch on their vendor key, whose word
 * prefixes are looked up the same way (vendor names match when one is the
 * first words of the other).  Each distinct range text is parsed once.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/hash.h"

int tplc_match__index_init(struct tplc_match__index *ix)
{
	memset(ix, 0, sizeof(*ix));
	ix->arena = tplx_arena_new();
	tplx_intern_init(&ix->keys);
	tplx_intern_init(&ix->ranges);
	return ix->arena == NULL ? TPLC_ENOMEM : 0;
}

void tplc_match__index_free_sorted(struct tplc_match__index *ix)
{
	struct tplc_match__sorted *s[] = {
		&ix->findings.package, &ix->findings.cpe,
		&ix->findings.vendor,  &ix->statements.package,
		&ix->statements.cpe,   &ix->statements.vendor,
	};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(*s); i++) {
		tplx_free(s[i]->rules);
		tplx_free(s[i]->slots);
		tplx_free(s[i]->hot);
		memset(s[i], 0, sizeof(*s[i]));
	}
	tplx_free(ix->group_nodes);
	tplx_free(ix->platform);
	tplx_free(ix->group_platform);
	ix->group_nodes = NULL;
	ix->platform = NULL;
	ix->group_platform = NULL;
	ix->groups = 0;
}

void tplc_match__index_free(struct tplc_match__index *ix)
{
	struct tplc_match__rule **rules = ix->rules.items;
	struct tplc_match__compiled *compiled = ix->compiled.items;
	size_t i;

	for (i = 0; i < ix->rules.count; i++)
		tplc_cpe_free(rules[i]->criteria);
	for (i = 0; i < ix->compiled.count; i++)
		tplc_vers_free(compiled[i].vers);
	tplx_free(ix->compiled.items);
	tplx_intern_free(&ix->keys);
	tplx_intern_free(&ix->ranges);
	tplx_free(ix->rules.items);
	tplc_match__index_free_sorted(ix);
	tplx_free(ix->aliases.items);
	tplx_arena_free(ix->arena);
	memset(ix, 0, sizeof(*ix));
}

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

/* Copy a borrowed string into the index's arena; NULL stays NULL. */
static int keep(struct tplc_match__index *ix, const char **field,
                const char *value)
{
	*field = NULL;
	if (value == NULL)
		return 0;
	*field = tplx_arena_strdup(ix->arena, value);
	return *field == NULL ? TPLC_ENOMEM : 0;
}

static int keep_key(struct tplc_match__index *ix, const char **field,
                    const char *name, bool vendor)
{
	char *key = tplx_arena_alloc(ix->arena, strlen(name) + 1);

	*field = key;
	if (key == NULL)
		return TPLC_ENOMEM;
	tplc_match__name_key(key, name, vendor);
	return 0;
}

static int copy_row(struct tplc_match__index *ix, struct tplc_match__rule *r,
                    const struct tplc_store__affected *row)
{
	struct tplc_match__rule **rules = ix->rules.items;
	const struct tplc_match__rule *prev =
	        ix->rules.count > 1 ? rules[ix->rules.count - 2] : NULL;

	r->id = row->id;
	r->advisory_id = row->advisory_id;
	r->cvss_score = row->cvss_score;
	r->config = row->config;
	r->node = row->node;
	r->platform = row->platform;
	if (prev != NULL && prev->advisory_id == row->advisory_id) {
		/* the rows of an advisory come together: its strings once */
		r->advisory_source = prev->advisory_source;
		r->advisory_ref = prev->advisory_ref;
		memcpy(r->newest, prev->newest, sizeof(r->newest));
	} else if (keep(ix, &r->advisory_source, row->advisory_source) ||
	           keep(ix, &r->advisory_ref, row->advisory_ref) ||
	           keep(ix, &r->newest[0], row->advisory_modified) ||
	           keep(ix, &r->newest[1], row->advisory_published) ||
	           keep(ix, &r->newest[2], row->advisory_imported)) {
		return TPLC_ENOMEM;
	}
	if (prev != NULL && strcmp(prev->vuln_id, row->vuln_id) == 0)
		r->vuln_id = prev->vuln_id;
	else if (keep(ix, &r->vuln_id, row->vuln_id))
		return TPLC_ENOMEM;
	if (keep(ix, &r->status, row->status) ||
	    keep(ix, &r->justification, row->justification) ||
	    keep(ix, &r->detail, row->detail) ||
	    keep(ix, &r->fixed_in, row->fixed_in) ||
	    keep(ix, &r->remediation, row->remediation))
		return TPLC_ENOMEM;
	if (row->package_key != NULL)
		return tplx_intern_add(&ix->keys, row->package_key, &r->key_id,
		                       &r->package_key);
	if (row->cpe_key != NULL)
		return tplx_intern_add(&ix->keys, row->cpe_key, &r->key_id,
		                       &r->cpe_key) ||
		                       keep(ix, &r->cpe, row->cpe)
		               ? TPLC_ENOMEM
		               : 0;
	if (keep(ix, &r->vendor, row->vendor) ||
	    keep(ix, &r->product, row->product) ||
	    keep_key(ix, &r->vendor_key, row->vendor, true) ||
	    keep_key(ix, &r->product_key, row->product, false))
		return TPLC_ENOMEM;
	return 0;
}

/* The range's number, its copy and its entry, which counts the row if
 * unknown_counts. */
static int add_range(struct tplc_match__index *ix, const char *range,
                     bool unknown_counts, size_t *id, const char **copy)
{
	struct tplc_match__compiled *entry;

	if (tplx_intern_add(&ix->ranges, range, id, copy) < 0)
		return TPLC_ENOMEM;
	if (*id == ix->compiled.count) { /* a new one */
		entry = tplx_vec_push(&ix->compiled, sizeof(*entry));
		if (entry == NULL)
			return TPLC_ENOMEM;
		memset(entry, 0, sizeof(*entry));
	}
	if (*id >= ix->compiled.count) /* after a failed push */
		return TPLC_ENOMEM;
	entry = (struct tplc_match__compiled *)ix->compiled.items + *id;
	entry->rows += unknown_counts;
	return 0;
}

int tplc_match__index_fleet_key(struct tplc_match__index *ix, const char *key,
                                struct tplc_error *err)
{
	const char *copy;
	size_t id;

	if (tplx_intern_add(&ix->keys, key, &id, &copy) < 0)
		return nomem(err);
	ix->fleet_keys = tplx_intern_count(&ix->keys);
	return 0;
}

bool tplc_match__fleet_has(const struct tplc_match__index *ix, const char *key)
{
	size_t id;

	return ix->fleet_keys == 0 ||
	       (tplx_intern_find(&ix->keys, key, &id) && id < ix->fleet_keys);
}

int tplc_match__index_add(struct tplc_match__index *ix,
                          const struct tplc_store__affected *row,
                          bool rules_too, struct tplc_error *err)
{
	bool affected = strcmp(row->status, "affected") == 0;
	bool finding, statement;
	struct tplc_match__rule *r, **slot;
	struct tplc_error why;
	int error;

	if (affected && rules_too)
		ix->statement_rows++;
	if (row->withdrawn)
		return 0; /* a withdrawn vulnerability makes no finding */
	if (row->package_key == NULL && row->cpe_key == NULL &&
	    (row->vendor == NULL || row->product == NULL))
		return 0; /* an identity nobody can match */
	/* a platform entry is only a condition of its configuration */
	finding = rules_too && affected && (!row->platform || row->config > 0);
	/* "affected" from a VEX says so with a reason or a detail */
	statement =
	        !row->platform && (!affected || row->justification != NULL ||
	                           row->detail != NULL);
	if (!finding && !statement)
		return 0;
	if (row->range == NULL && row->range_text != NULL) {
		if (rules_too && affected)
			ix->unknown_ranges++; /* words we could not read */
		return 0;
	}
	r = tplx_arena_alloc(ix->arena, sizeof(*r));
	slot = tplx_vec_push(&ix->rules, sizeof(*slot));
	if (r == NULL || slot == NULL) {
		if (slot != NULL)
			ix->rules.count--;
		return nomem(err);
	}
	memset(r, 0, sizeof(*r));
	*slot = r;
	r->finding = finding;
	r->statement = statement;
	/* its vers set by index_build, which parses each distinct range */
	r->pending = row->range != NULL;
	if ((r->pending && add_range(ix, row->range, rules_too && affected,
	                             &r->range_id, &r->range) < 0) ||
	    copy_row(ix, r, row) < 0)
		return nomem(err);
	if (r->cpe_key != NULL) {
		error = tplc_cpe_parse(&r->criteria, r->cpe, &why);
		if (error == TPLC_ENOMEM)
			return nomem(err);
		/* a criteria we cannot read matches nothing */
	}
	return 0;
}

int tplc_match__index_alias(struct tplc_match__index *ix, const char *alias,
                            const char *vuln_id, struct tplc_error *err)
{
	struct tplc_match__alias *a = tplx_vec_push(&ix->aliases, sizeof(*a));

	if (a == NULL || keep(ix, &a->alias, alias) ||
	    keep(ix, &a->vuln_id, vuln_id))
		return nomem(err);
	return 0;
}

static const char *key_of(const struct tplc_match__rule *r, int which)
{
	if (which == TPLC_MATCH__BY_PACKAGE)
		return r->package_key;
	if (which == TPLC_MATCH__BY_CPE)
		return r->cpe_key;
	return r->vendor_key;
}

static int compare_ids(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

static int by_vendor(const void *a, const void *b)
{
	const struct tplc_match__rule *ra =
	        *(const struct tplc_match__rule *const *)a;
	const struct tplc_match__rule *rb =
	        *(const struct tplc_match__rule *const *)b;
	int c = strcmp(ra->vendor_key, rb->vendor_key);

	return c != 0 ? c : compare_ids(ra->id, rb->id);
}

/* The rules of one set, in the order of their configuration. */
static int by_group(const void *a, const void *b)
{
	const struct tplc_match__rule *ra =
	        *(const struct tplc_match__rule *const *)a;
	const struct tplc_match__rule *rb =
	        *(const struct tplc_match__rule *const *)b;
	int c = compare_ids(ra->advisory_id, rb->advisory_id);

	if (c == 0)
		c = strcmp(ra->vuln_id, rb->vuln_id);
	if (c == 0)
		c = compare_ids(ra->config, rb->config);
	if (c == 0)
		c = compare_ids(ra->node, rb->node);
	return c != 0 ? c : compare_ids(ra->id, rb->id);
}

static int by_alias(const void *a, const void *b)
{
	const struct tplc_match__alias *x = a, *y = b;
	int c = strcmp(x->alias, y->alias);

	return c != 0 ? c : strcmp(x->vuln_id, y->vuln_id);
}

static size_t hash(const char *key)
{
	return (size_t)tplx_hash_str(key);
}

static int by_id(const void *a, const void *b)
{
	return compare_ids((*(const struct tplc_match__rule *const *)a)->id,
	                   (*(const struct tplc_match__rule *const *)b)->id);
}

/*
 * Group s's rules by the number of their exact key (package, CPE): a
 * counting sort, no string compared, then one slot per distinct key for
 * the lookups.  Groups come in the order of their keys' numbers; the
 * rules of one, in id order.
 */
static int group_by_key(struct tplc_match__sorted *s,
                        const struct tplx_intern *keys)
{
	size_t n = tplx_intern_count(keys), size = 16, groups = 0, i, k;
	size_t *end = tplx_calloc(n ? n : 1, sizeof(*end)), lo, h;
	struct tplc_match__rule **out;

	out = tplx_reallocarray(NULL, s->count ? s->count : 1, sizeof(*out));
	if (end == NULL || out == NULL)
		goto nomem;
	for (i = 0; i < s->count; i++) /* each key's count */
		groups += end[s->rules[i]->key_id]++ == 0;
	for (k = 0, lo = 0; k < n; k++) { /* each group's start */
		size_t count = end[k];

		end[k] = lo;
		lo += count;
	}
	for (i = 0; i < s->count; i++) /* stable: add order kept */
		out[end[s->rules[i]->key_id]++] = s->rules[i];
	while (size < 2 * groups)
		size *= 2;
	s->slots = tplx_calloc(size, sizeof(*s->slots));
	if (s->slots == NULL)
		goto nomem;
	s->mask = size - 1;
	for (k = 0, lo = 0; k < n; lo = end[k++]) {
		const char *key = tplx_intern_string(keys, k);

		if (end[k] == lo)
			continue; /* a key of the other set */
		for (h = hash(key) & s->mask; s->slots[h].key != NULL;
		     h = (h + 1) & s->mask)
			;
		s->slots[h].key = key;
		s->slots[h].lo = lo;
		s->slots[h].hi = end[k];
		for (i = lo + 1; i < end[k] && out[i - 1]->id < out[i]->id;)
			i++;
		if (i < end[k]) /* rules added out of id order */
			qsort(out + lo, end[k] - lo, sizeof(*out), by_id);
	}
	tplx_free(s->rules);
	s->rules = out;
	tplx_free(end);
	return 0;
nomem:
	tplx_free(end);
	tplx_free(out);
	return TPLC_ENOMEM;
}

static int fill(const struct tplc_match__index *ix,
                struct tplc_match__sorted *s, bool statements, int which)
{
	struct tplc_match__rule **all = ix->rules.items;
	size_t n = ix->rules.count, i;

	s->rules = tplx_reallocarray(NULL, n ? n : 1, sizeof(*s->rules));
	if (s->rules == NULL)
		return TPLC_ENOMEM;
	s->count = 0;
	for (i = 0; i < n; i++)
		if ((statements ? all[i]->statement : all[i]->finding) &&
		    key_of(all[i], which) != NULL)
			s->rules[s->count++] = all[i];
	if (which != TPLC_MATCH__BY_VENDOR)
		return group_by_key(s, &ix->keys);
	/* vendors are looked up by prefix: sorted */
	if (s->count > 1)
		qsort(s->rules, s->count, sizeof(*s->rules), by_vendor);
	return 0;
}

static int compare_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/* What decides where a platform rule holds: its identity and range. */
static int by_condition(const void *a, const void *b)
{
	const struct tplc_match__rule *ra =
	        *(const struct tplc_match__rule *const *)a;
	const struct tplc_match__rule *rb =
	        *(const struct tplc_match__rule *const *)b;
	int c = compare_text(ra->package_key, rb->package_key);

	if (c == 0)
		c = compare_text(ra->cpe_key, rb->cpe_key);
	if (c == 0)
		c = compare_text(ra->cpe, rb->cpe);
	if (c == 0)
		c = compare_text(ra->range, rb->range);
	return c != 0 ? c : compare_ids(ra->id, rb->id);
}

/*
 * "Runs on Windows 10" repeats in many configurations: number the
 * distinct platform conditions, so each is matched once per component
 * and kept once per product version, whatever its repeats.
 */
static int number_conditions(struct tplc_match__index *ix,
                             struct tplc_match__rule **g)
{
	struct tplc_match__rule **all = ix->rules.items;
	size_t i, n = 0, first = 0, conds = 0;

	for (i = 0; i < ix->rules.count; i++) {
		all[i]->cond = 0;
		all[i]->cond_rules = 0;
		all[i]->cond_first = false;
		if (all[i]->finding && all[i]->config > 0 && all[i]->platform &&
		    (all[i]->package_key != NULL || all[i]->cpe_key != NULL))
			g[n++] = all[i];
	}
	if (n > 1)
		qsort(g, n, sizeof(*g), by_condition);
	for (i = 0; i < n; i++) {
		if (i == 0 ||
		    compare_text(g[i]->package_key, g[first]->package_key) !=
		            0 ||
		    compare_text(g[i]->cpe_key, g[first]->cpe_key) != 0 ||
		    compare_text(g[i]->cpe, g[first]->cpe) != 0 ||
		    compare_text(g[i]->range, g[first]->range) != 0) {
			first = i;
			conds++;
			g[i]->cond_first = true;
		}
		g[i]->cond = conds;
		g[first]->cond_rules++;
	}
	return 0;
}

/* Number the AND configurations and count the nodes of each. */
static int number_groups(struct tplc_match__index *ix)
{
	struct tplc_match__rule **all = ix->rules.items, **g, *prev = NULL;
	size_t i, n = 0, groups = 0, platforms;
	int error = 0;

	g = tplx_reallocarray(NULL, ix->rules.count ? ix->rules.count : 1,
	                      sizeof(*g));
	if (g == NULL)
		return TPLC_ENOMEM;
	number_conditions(ix, g);
	for (i = 0; i < ix->rules.count; i++)
		if (all[i]->finding && all[i]->config > 0)
			g[n++] = all[i];
	if (n > 1)
		qsort(g, n, sizeof(*g), by_group);
	ix->group_nodes = tplx_calloc(n ? n : 1, sizeof(*ix->group_nodes));
	ix->platform = tplx_calloc(n ? n : 1, sizeof(*ix->platform));
	ix->group_platform = tplx_calloc(n + 1, sizeof(*ix->group_platform));
	if (ix->group_nodes == NULL || ix->platform == NULL ||
	    ix->group_platform == NULL) {
		error = TPLC_ENOMEM;
		goto out;
	}
	for (i = 0, platforms = 0; i < n; i++) {
		bool same = prev != NULL &&
		            prev->advisory_id == g[i]->advisory_id &&
		            strcmp(prev->vuln_id, g[i]->vuln_id) == 0 &&
		            prev->config == g[i]->config;

		if (!same) {
			ix->group_nodes[groups++] = 0;
			ix->group_platform[groups - 1] = platforms;
		}
		if (!same || prev->node != g[i]->node)
			ix->group_nodes[groups - 1]++;
		g[i]->group = groups;
		if (g[i]->cond != 0) {
			ix->platform[platforms].node = g[i]->node;
			ix->platform[platforms++].cond = g[i]->cond;
		}
		prev = g[i];
	}
	ix->group_platform[groups] = platforms;
	ix->groups = groups;
out:
	tplx_free(g);
	return error;
}

/* Fewer new ranges than this per thread are not worth a thread. */
#define COMPILE_SLICE_MIN 8192

struct compile {
	const struct tplx_intern *ranges;
	struct tplc_match__compiled *compiled;
	size_t begin, end;
	int error;
	pthread_t thread;
};

static void *compile_slice(void *data)
{
	struct compile *c = data;
	struct tplc_error why;
	size_t i;

	for (i = c->begin; i < c->end && c->error == 0; i++) {
		struct tplc_match__compiled *to = &c->compiled[i];
		int error = tplc_match__compile_range(
		        &to->vers, tplx_intern_string(c->ranges, i), &why);

		if (error == TPLC_ENOMEM)
			c->error = error;
		else if (error < 0)
			to->unread = true;
	}
	return NULL;
}

/* Parse the ranges added since the last build, slices of them on up to
 * tplc_match__threads() threads. */
static int compile_new(struct tplc_match__index *ix)
{
	size_t from = ix->parsed, to = ix->compiled.count;
	size_t n = to - from, threads = tplc_match__threads(), i;
	size_t started = 0;
	struct compile c[8];
	int error = 0;

	if (threads > n / COMPILE_SLICE_MIN)
		threads = n / COMPILE_SLICE_MIN;
	if (threads > sizeof(c) / sizeof(*c))
		threads = sizeof(c) / sizeof(*c);
	if (threads < 1)
		threads = 1;
	for (i = 0; i < threads; i++) {
		c[i].ranges = &ix->ranges;
		c[i].compiled = ix->compiled.items;
		c[i].begin = from + n * i / threads;
		c[i].end = from + n * (i + 1) / threads;
		c[i].error = 0;
	}
	for (i = 1; i < threads; i++, started++)
		if (pthread_create(&c[i].thread, NULL, compile_slice, &c[i]) !=
		    0)
			break;
	compile_slice(&c[0]);
	for (i = 1; i <= started; i++)
		pthread_join(c[i].thread, NULL);
	for (i = started + 1; i < threads; i++)
		compile_slice(&c[i]); /* a thread that did not start */
	for (i = 0; i < threads; i++)
		if (c[i].error != 0)
			error = c[i].error;
	if (error == 0)
		ix->parsed = to;
	return error;
}

/* Give the pending rules their parsed range, then drop the rules whose
 * range cannot be read: as if never added, in the same order.  Each
 * "affected" row with an unread range counts once, kept or not. */
static int compile_ranges(struct tplc_match__index *ix)
{
	struct tplc_match__rule **all = ix->rules.items;
	struct tplc_match__compiled *compiled;
	size_t i, j;
	int error = compile_new(ix);

	if (error < 0)
		return error;
	compiled = ix->compiled.items;
	for (i = 0; i < ix->compiled.count; i++)
		if (compiled[i].unread) {
			ix->unknown_ranges +=
			        compiled[i].rows - compiled[i].counted;
			compiled[i].counted = compiled[i].rows;
		}
	for (i = 0, j = 0; i < ix->rules.count; i++) {
		struct tplc_match__rule *r = all[i];

		if (r->pending) {
			r->pending = false;
			r->vers = compiled[r->range_id].vers;
			if (compiled[r->range_id].unread) {
				tplc_cpe_free(r->criteria);
				continue;
			}
		}
		all[j++] = r;
	}
	ix->rules.count = j;
	return 0;
}

/* s's hot array: after number_groups, which says what to skip. */
static int make_hot(struct tplc_match__sorted *s)
{
	size_t i;

	s->hot = tplx_reallocarray(NULL, s->count ? s->count : 1,
	                           sizeof(*s->hot));
	if (s->hot == NULL)
		return TPLC_ENOMEM;
	for (i = 0; i < s->count; i++) {
		s->hot[i].vers = s->rules[i]->vers;
		s->hot[i].skip =
		        s->rules[i]->cond != 0 && !s->rules[i]->cond_first;
	}
	return 0;
}

int tplc_match__index_build(struct tplc_match__index *ix,
                            struct tplc_error *err)
{
	if (compile_ranges(ix) < 0)
		return nomem(err);
	if (fill(ix, &ix->findings.package, false, TPLC_MATCH__BY_PACKAGE) ||
	    fill(ix, &ix->findings.cpe, false, TPLC_MATCH__BY_CPE) ||
	    fill(ix, &ix->findings.vendor, false, TPLC_MATCH__BY_VENDOR) ||
	    fill(ix, &ix->statements.package, true, TPLC_MATCH__BY_PACKAGE) ||
	    fill(ix, &ix->statements.cpe, true, TPLC_MATCH__BY_CPE) ||
	    fill(ix, &ix->statements.vendor, true, TPLC_MATCH__BY_VENDOR) ||
	    number_groups(ix) || make_hot(&ix->findings.package) ||
	    make_hot(&ix->findings.cpe))
		return nomem(err);
	if (ix->aliases.count > 1)
		qsort(ix->aliases.items, ix->aliases.count,
		      sizeof(struct tplc_match__alias), by_alias);
	return 0;
}

void tplc_match__range(const struct tplc_match__sorted *s, int which,
                       const char *key, size_t *lo, size_t *hi)
{
	size_t a = 0, b = s->count;

	if (s->slots != NULL) {
		size_t h = hash(key) & s->mask;

		for (; s->slots[h].key != NULL; h = (h + 1) & s->mask)
			if (strcmp(s->slots[h].key, key) == 0) {
				*lo = s->slots[h].lo;
				*hi = s->slots[h].hi;
				return;
			}
		*lo = *hi = 0;
		return;
	}
	while (a < b) { /* first rule whose key is not below key */
		size_t mid = a + (b - a) / 2;

		if (strcmp(key_of(s->rules[mid], which), key) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	while (a < s->count && strcmp(key_of(s->rules[a], which), key) == 0)
		a++;
	*hi = a;
}

static bool has_alias(const struct tplc_match__index *ix, const char *alias,
                      const char *vuln_id)
{
	struct tplc_match__alias probe = { alias, vuln_id };

	return ix->aliases.count > 0 &&
	       bsearch(&probe, ix->aliases.items, ix->aliases.count,
	               sizeof(probe), by_alias) != NULL;
}

bool tplc_match__same_vuln(const struct tplc_match__index *ix, const char *a,
                           const char *b)
{
	return strcmp(a, b) == 0 || has_alias(ix, a, b) || has_alias(ix, b, a);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scans: read the advisories and the fleet out of the store once,
 * compile the statements into the index (index.c), match (engine.c,
 * parallel.c), and hand the findings back to the store, which reconciles
 * them in one transaction.  A full scan reads everything; an incremental
 * scan reads one advisory's rules and, by index, only what they name.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/hash.h"

/*
 * Components that differ only by id and product version are one kind:
 * their strings are kept once and their CPE parsed once, and they are
 * matched once (engine.c's memo), so 1,000,000 rows cost a few thousand
 * parses and no sort by strings.
 */
struct kind {
	const char *raw[3];         /* package key, CPE key, CPE */
	const char *name, *version; /* kept once */
	const char *key; /* the five fields, as intern() makes them */
	size_t key_len;
	struct tplc_match__component ident; /* once ready and kept: its
					     * CPE parsed, the rules' keys */
	size_t hash, count;
	bool ready, kept; /* looked up in the index; some rule names it */
};

/* A component of the whole-fleet read, before the index says whether
 * some rule names its kind. */
struct raw {
	long long id, product_version_id;
	size_t kind;
};

/* The stored findings, read on the fleet's reader while the scan
 * matches (store's sync.c uses them if nothing was written since). */
struct ahead {
	struct tplc_store__reader *reader;
	long long data_version;
	struct tplc_store__stored *stored; /* NULL: sync reads them */
	struct tplc_error err;
	pthread_t thread;
	bool started;
};

struct load {
	struct tplc_match__index ix;
	struct ahead *ahead; /* full scans on two threads or more */
	struct kind *kinds;
	size_t kind_count, kind_cap;
	size_t *kind_slots; /* kind + 1; 0: empty */
	size_t kind_mask;
	char *key; /* intern()'s scratch */
	size_t key_len, key_cap;
	struct tplx_arena *arena;   /* components' and products' strings */
	struct tplx_vec components; /* struct tplc_match__instance */
	struct tplx_vec products;   /* struct tplc_match__product */
	struct tplx_vec keys;       /* const char *: ids, keys */
	struct tplx_vec raw;        /* struct raw */
	long long advisory_id;      /* incremental: whose rows */
	bool fleet_changed; /* a component's key the rules were not read for */
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
	size_t i;

	for (i = 0; i < l->kind_count; i++)
		tplc_cpe_free(l->kinds[i].ident.cpe);
	tplx_free(l->kinds);
	tplx_free(l->kind_slots);
	tplx_free(l->key);
	tplx_free(l->components.items);
	tplx_free(l->raw.items);
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

static int take_fleet_key(const char *key, void *data)
{
	struct load *l = data;

	return tplc_match__index_fleet_key(&l->ix, key, l->err);
}

static bool fleet_has(const char *key, void *data)
{
	const struct load *l = data;

	return tplc_match__fleet_has(&l->ix, key);
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

static int grow_kinds(struct load *l)
{
	size_t size = l->kind_mask ? 2 * (l->kind_mask + 1) : 1024, i, h;
	size_t *slots = tplx_calloc(size, sizeof(*slots));

	if (slots == NULL)
		return TPLC_ENOMEM;
	for (i = 0; i < l->kind_count; i++) {
		for (h = l->kinds[i].hash & (size - 1); slots[h] != 0;
		     h = (h + 1) & (size - 1))
			;
		slots[h] = i + 1;
	}
	tplx_free(l->kind_slots);
	l->kind_slots = slots;
	l->kind_mask = size - 1;
	return 0;
}

/* Append a field of the row's identity to the scratch key: a byte that
 * says whether it is there, then its text and NUL. */
static int add_field(struct load *l, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0, need = l->key_len + n + 2;

	if (need > l->key_cap) {
		size_t cap = need > 2 * l->key_cap ? need : 2 * l->key_cap;
		char *key = tplx_realloc(l->key, cap);

		if (key == NULL)
			return TPLC_ENOMEM;
		l->key = key;
		l->key_cap = cap;
	}
	l->key[l->key_len++] = s != NULL ? '+' : '-';
	if (n > 0)
		memcpy(l->key + l->key_len, s, n);
	l->key_len += n;
	l->key[l->key_len++] = '\0';
	return 0;
}

/* The fields of a kind's kept key, in add_field's order. */
static void split_key(struct kind *k)
{
	const char **fields[5] = { &k->raw[0], &k->raw[1], &k->name,
		                   &k->version, &k->raw[2] };
	const char *at = k->key;
	size_t i;

	for (i = 0; i < 5; i++) {
		*fields[i] = *at == '+' ? at + 1 : NULL;
		at += strlen(at + 1) + 2;
	}
}

/* The kind of a row: found, or made with its strings kept.  Touches
 * only the kinds and l->arena (the fleet's reading thread).  The row's
 * identity is one key of its five fields, hashed and compared whole. */
static int intern(struct load *l, const struct tplc_store__component *r,
                  size_t *out, struct tplc_error *err)
{
	struct kind *k;
	size_t h, at;
	char *copy;

	l->key_len = 0;
	if (add_field(l, r->package_key) || add_field(l, r->cpe_key) ||
	    add_field(l, r->name) || add_field(l, r->version) ||
	    add_field(l, r->cpe))
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	h = (size_t)tplx_hash_bytes(TPLX_HASH_SEED, l->key, l->key_len);
	if (2 * (l->kind_count + 1) > l->kind_mask && grow_kinds(l) < 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (at = h & l->kind_mask; l->kind_slots[at] != 0;
	     at = (at + 1) & l->kind_mask) {
		k = &l->kinds[l->kind_slots[at] - 1];
		if (k->hash == h && k->key_len == l->key_len &&
		    memcmp(k->key, l->key, l->key_len) == 0)
			goto found;
	}
	if (l->kind_count == l->kind_cap) {
		size_t cap = l->kind_cap ? 2 * l->kind_cap : 1024;
		struct kind *kinds =
		        tplx_reallocarray(l->kinds, cap, sizeof(*kinds));

		if (kinds == NULL)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		l->kinds = kinds;
		l->kind_cap = cap;
	}
	copy = tplx_arena_alloc(l->arena, l->key_len);
	if (copy == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	memcpy(copy, l->key, l->key_len);
	k = &l->kinds[l->kind_count];
	memset(k, 0, sizeof(*k));
	k->hash = h;
	k->key = copy;
	k->key_len = l->key_len;
	split_key(k);
	l->kind_slots[at] = ++l->kind_count;
found:
	k->count++;
	*out = (size_t)(k - l->kinds);
	return 0;
}

/* Look the kind's keys up in the index, once: only a kind some rule
 * names is kept, with the rules' copies of its keys and its CPE parsed;
 * a VEX statement may name its CPE though no rule does. */
static int kind_ready(struct load *l, struct kind *k)
{
	const struct tplc_match__index *ix = &l->ix;
	const char *package_key = NULL, *cpe_key = NULL;
	struct tplc_match__component *c = &k->ident;
	size_t package_at, cpe_at;

	k->ready = true;
	/* the rules were read for the keys the components had then */
	if ((k->raw[0] != NULL && !tplc_match__fleet_has(ix, k->raw[0])) ||
	    (k->raw[1] != NULL && !tplc_match__fleet_has(ix, k->raw[1])))
		l->fleet_changed = true;
	package_at = indexed(&ix->findings.package, TPLC_MATCH__BY_PACKAGE,
	                     k->raw[0], &package_key);
	cpe_at = indexed(&ix->findings.cpe, TPLC_MATCH__BY_CPE, k->raw[1],
	                 &cpe_key);
	if (package_at == 0 && cpe_at == 0)
		return 0;
	k->kept = true;
	if (cpe_key == NULL)
		indexed(&ix->statements.cpe, TPLC_MATCH__BY_CPE, k->raw[1],
		        &cpe_key);
	memset(c, 0, sizeof(*c));
	c->row.name = k->name;
	c->row.version = k->version;
	c->row.package_key = package_key;
	c->row.cpe_key = cpe_key;
	c->row.cpe = cpe_key != NULL ? k->raw[2] : NULL;
	return tplc_match__component_cpe(c, l->arena, l->err) < 0 ? TPLC_ENOMEM
	                                                          : 0;
}

/* A row of the fleet: its ids and its kind, interned.  Touches only the
 * kinds, l->raw and l->arena. */
static int take_raw_into(struct load *l,
                         const struct tplc_store__component *row,
                         struct tplc_error *err)
{
	struct raw *r = tplx_vec_push(&l->raw, sizeof(*r));

	l->stats->components++;
	if (r == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	r->id = row->id;
	r->product_version_id = row->product_version_id;
	return intern(l, row, &r->kind, err);
}

/* An incremental scan's component: kept as the full scan's rows are. */
static int take_component(const struct tplc_store__component *row, void *data)
{
	struct load *l = data;

	return take_raw_into(l, row, l->err);
}

/* The stored findings, for sync, on the reader. */
static void *read_ahead(void *data)
{
	struct ahead *a = data;

	/* a failure only costs the time: sync reads them itself */
	if (tplc_store__reader_stored(a->reader, a->data_version, &a->stored,
	                              &a->err) < 0)
		a->stored = NULL;
	return NULL;
}

static void ahead_start(struct ahead *a)
{
	if (a->reader != NULL)
		a->started =
		        pthread_create(&a->thread, NULL, read_ahead, a) == 0;
}

struct fleet_read {
	struct load *l;
	struct tplc_store *store;
	struct tplc_store__reader *reader; /* NULL: on the store */
	struct ahead *ahead; /* started on the reader when the fleet is in */
	struct tplc_error err;
	int error;
	pthread_t thread;
};

static int take_raw(const struct tplc_store__component *row, void *data)
{
	struct fleet_read *f = data;

	return take_raw_into(f->l, row, &f->err);
}

/* The whole fleet, read while the advisories are compiled: each row
 * reduced to its kind, looked up in the index once they are. */
static void *read_fleet(void *data)
{
	struct fleet_read *f = data;

	memset(&f->err, 0, sizeof(f->err));
	f->error = f->reader != NULL ? tplc_store__reader_each_component(
	                                       f->reader, take_raw, f, &f->err)
	                             : tplc_store__each_component(
	                                       f->store, take_raw, f, &f->err);
	if (f->error == 0 && f->ahead != NULL)
		ahead_start(f->ahead); /* while the index is still built */
	return NULL;
}

/* The kept components, those of a kind next to each other (engine.c
 * evaluates a kind's rules once), in the raw rows' order within it. */
static int keep_components(struct load *l)
{
	const struct raw *r = l->raw.items;
	struct tplc_match__instance *c;
	size_t i, n = 0, count;

	for (i = 0; i < l->kind_count; i++) {
		if (!l->kinds[i].ready && kind_ready(l, &l->kinds[i]) < 0)
			return TPLC_ENOMEM;
		count = l->kinds[i].kept ? l->kinds[i].count : 0;
		l->kinds[i].count = n; /* where its components start */
		n += count;
	}
	c = tplx_reallocarray(NULL, n ? n : 1, sizeof(*c));
	if (c == NULL)
		return nomem(l);
	for (i = 0; i < l->raw.count; i++) {
		struct kind *k = &l->kinds[r[i].kind];

		if (!k->kept)
			continue;
		c[k->count].id = r[i].id;
		c[k->count].product_version_id = r[i].product_version_id;
		c[k->count++].kind = &k->ident;
	}
	l->components.items = c;
	l->components.count = l->components.cap = n;
	tplx_free(l->raw.items);
	memset(&l->raw, 0, sizeof(l->raw));
	return 0;
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
	p = tplx_vec_push(&l->products, sizeof(*p));
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

static int by_raw_id(const void *a, const void *b)
{
	const struct raw *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static const struct tplc_store__stored *ahead_join(struct ahead *a)
{
	if (a == NULL || !a->started)
		return NULL;
	pthread_join(a->thread, NULL);
	a->started = false;
	return a->stored;
}

/* Match what was loaded and reconcile: all findings, or one advisory's. */
static int match_and_sync(struct tplc_store *store, struct load *l,
                          size_t threads)
{
	struct tplc_match__fleet fleet;
	struct tplc_match__out out;
	struct tplc_store__sync_stats sync;
	int error;

	l->stats->statements += l->ix.statement_rows;
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

	if (error == 0)
		error = tplc_match__resolve(&fleet, &out);
	if (error < 0 && out.err.code != 0 && l->err != NULL)
		*l->err = out.err; /* the single-threaded steps' reason */
	l->stats->undecided = out.undecided;
	if (error == 0 && l->advisory_id == 0)
		error = tplc_store__sync_findings(
		        store, out.matches.items, out.matches.count,
		        ahead_join(l->ahead), &sync, l->err);
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

/* What scan_fleet returns when a component came in while it read: the
 * rules were chosen by the keys the fleet had before. */
#define FLEET_CHANGED 1

void (*tplc_match__keys_read_hook)(void *data);
void *tplc_match__keys_read_data;

/*
 * The full scan.  fleet_only: read only the rules on keys some component
 * has (most of an advisory store names packages no device runs), and the
 * configurations whole.
 */
static int scan_fleet(struct tplc_store *store, struct tplc_scan_stats *stats,
                      bool fleet_only, struct tplc_error *err)
{
	struct tplc_store__affected_filter filter = { fleet_has, NULL, 0 };
	struct fleet_read f;
	struct ahead ahead;
	struct load l;
	size_t threads = tplc_match__threads();
	bool started = false;
	int error;

	error = load_init(&l, stats, err);
	if (error == 0)
		error = tplc_store__scan_begin(store, err);
	if (error < 0) {
		load_free(&l);
		return error;
	}
	memset(&f, 0, sizeof(f));
	memset(&ahead, 0, sizeof(ahead));
	f.l = &l;
	f.store = store;
	f.ahead = &ahead;
	/* two connections: the fleet and the advisories read at once */
	f.reader = threads > 1 ? tplc_store__reader_open(store) : NULL;
	/* before any read on the reader: a write after it shows */
	if (f.reader != NULL &&
	    (error = tplc_store__data_version(store, &ahead.data_version,
	                                      err)) < 0) {
		tplc_store__reader_close(f.reader);
		load_free(&l);
		return error;
	}
	/* the fleet, then the stored findings, on the reader */
	ahead.reader = f.reader;
	if (f.reader != NULL)
		started = pthread_create(&f.thread, NULL, read_fleet, &f) == 0;
	filter.data = &l;
	if (fleet_only)
		error = tplc_store__each_fleet_key(store, take_fleet_key, &l,
		                                   err);
	if (fleet_only && tplc_match__keys_read_hook != NULL)
		tplc_match__keys_read_hook(tplc_match__keys_read_data);
	if (error == 0)
		error = tplc_store__each_affected(
		        store, fleet_only ? &filter : NULL, take_rule, &l, err);
	l.stats->statements += filter.skipped;
	if (error == 0)
		error = tplc_store__each_alias(store, take_alias, &l, err);
	if (error == 0)
		error = tplc_match__index_build(&l.ix, err);
	if (started)
		pthread_join(f.thread, NULL);
	else if (error == 0)
		read_fleet(&f);
	if (error == 0 && f.error < 0) {
		error = f.error;
		if (err != NULL)
			*err = f.err;
	}
	if (error == 0)
		l.ahead = &ahead; /* sync takes the stored findings from it */
	if (error == 0)
		error = keep_components(&l);
	if (error == 0 && l.fleet_changed)
		error = FLEET_CHANGED;
	if (error == 0)
		error = tplc_store__each_product_version(store, take_product,
		                                         &l, err);
	if (error == 0)
		error = match_and_sync(store, &l, threads);
	ahead_join(&ahead); /* when matching failed before sync */
	tplc_store__stored_free(ahead.stored);
	tplc_store__reader_close(f.reader);
	load_free(&l);
	return error;
}

int tplc_scan(struct tplc_store *store, struct tplc_scan_stats *stats,
              struct tplc_error *err)
{
	int error = scan_fleet(store, stats, true, err);

	if (error == FLEET_CHANGED) /* rare: read every rule */
		error = scan_fleet(store, stats, false, err);
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
	slot = tplx_vec_push(&l->keys, sizeof(*slot));
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
	struct raw *r;
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
	/* the full scan's order, each component once, counted again */
	r = l->raw.items;
	if (l->raw.count > 1)
		qsort(r, l->raw.count, sizeof(*r), by_raw_id);
	for (i = 0; i < l->kind_count; i++)
		l->kinds[i].count = 0;
	for (i = 0, j = 0; i < l->raw.count; i++) {
		if (j > 0 && r[j - 1].id == r[i].id)
			continue;
		r[j++] = r[i];
		l->kinds[r[i].kind].count++;
	}
	l->stats->components = l->raw.count = j;
	return 0;
}

int tplc_match__scan_one(struct tplc_store *store, long long advisory_id,
                         struct tplc_scan_stats *stats, struct tplc_error *err)
{
	struct tplc_store__scope scope;
	struct load l;
	int error;

	if (advisory_id <= 0)
		return tplc_error_set(err, TPLC_EINVAL, "no advisory");
	error = load_init(&l, stats, err);
	if (error == 0)
		error = tplc_store__scan_begin(store, err);
	if (error < 0) {
		load_free(&l);
		return error;
	}
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
		error = keep_components(&l);
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

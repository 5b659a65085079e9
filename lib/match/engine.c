/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Matching one component or product version against the compiled index.
 * Nothing here writes to shared state: a thread owns its output (arena,
 * matches, candidates), so components can be matched in parallel.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"

/* How many word prefixes of a manufacturer are looked up as vendors. */
#define VENDOR_WORDS_MAX 32

static int nomem(struct tplc_match__out *out)
{
	return tplc_error_set(&out->err, TPLC_ENOMEM, "out of memory");
}

int tplc_match__out_init(struct tplc_match__out *out)
{
	memset(out, 0, sizeof(*out));
	out->arena = tplx_arena_new();
	return out->arena == NULL ? TPLC_ENOMEM : 0;
}

void tplc_match__out_free(struct tplc_match__out *out)
{
	struct tplx_arena **arenas = out->arenas.items;
	size_t i;

	for (i = 0; i < out->arenas.count; i++)
		tplx_arena_free(arenas[i]);
	tplx_free(out->arenas.items);
	tplx_free(out->matches.items);
	tplx_free(out->candidates.items);
	tplx_free(out->held.items);
	tplx_free(out->memo_hits.items);
	tplx_free(out->memo_reasons.items);
	tplx_arena_free(out->arena);
	memset(out, 0, sizeof(*out));
}

/* *verdict: 1 in range, 0 not, -1 could not tell (no version, or one the
 * range's scheme cannot read).  Only running out of memory is an error. */
static int in_range(const struct tplc_vers *vers, const char *version,
                    int *verdict)
{
	struct tplc_error why;
	bool inside = false;
	int error;

	if (vers == NULL) {
		*verdict = 1; /* all versions */
		return 0;
	}
	if (version == NULL) {
		*verdict = -1;
		return 0;
	}
	error = tplc_vers_contains(&inside, vers, version, &why);
	if (error == TPLC_ENOMEM)
		return error;
	*verdict = error < 0 ? -1 : inside;
	return 0;
}

/* A version in WFN form: lowercase, every byte but a-z 0-9 _ quoted. */
static char *wfn_value(const char *version)
{
	size_t n = strlen(version), i, j = 0;
	char *v = tplx_malloc(2 * n + 1);

	if (v == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		char ch = version[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '_'))
			v[j++] = '\\';
		v[j++] = ch;
	}
	v[j] = '\0';
	return v;
}

int tplc_match__component_cpe(struct tplc_match__component *c,
                              struct tplx_arena *arena, struct tplc_error *err)
{
	struct tplc_cpe_value *v;
	struct tplc_error why;
	char *plain = NULL;
	int error;

	c->cpe = NULL;
	c->cpe_version = NULL;
	if (c->row.cpe == NULL)
		return 0;
	error = tplc_cpe_parse(&c->cpe, c->row.cpe, &why);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(err, error, "out of memory");
	if (error < 0)
		return 0; /* kept, shown, matched by purl only */
	v = &c->cpe->attr[TPLC_CPE_VERSION];
	if (c->row.version == NULL) {
		/* no version of its own: the CPE's says which */
		error = tplc_cpe_unquote(&plain, c->cpe, TPLC_CPE_VERSION,
		                         &why);
		if (error == 0 && plain != NULL)
			c->cpe_version = tplx_arena_strdup(arena, plain);
		tplc_free(plain);
		if (error == TPLC_ENOMEM ||
		    (plain != NULL && c->cpe_version == NULL))
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
	} else if (v->kind == TPLC_CPE_ANY) {
		/* "any version" in an SBOM means the one it states */
		v->value = wfn_value(c->row.version);
		if (v->value == NULL)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		v->kind = TPLC_CPE_VALUE;
	}
	return 0;
}

static const char *component_version(const struct tplc_match__component *c)
{
	return c->row.version != NULL ? c->row.version : c->cpe_version;
}

/* Is the rule's identity the component's: its package, or its CPE with
 * the whole criteria applying? */
static bool names_component(const struct tplc_match__rule *r,
                            const struct tplc_match__component *c)
{
	if (r->package_key != NULL)
		return c->row.package_key != NULL &&
		       strcmp(r->package_key, c->row.package_key) == 0;
	return r->criteria != NULL && c->cpe != NULL &&
	       strcmp(r->cpe_key, c->row.cpe_key) == 0 &&
	       tplc_cpe_match(r->criteria, c->cpe);
}

/* Newer: the advisory's modified, then published, then imported_at;
 * equal ones by affected row, so the answer is always the same. */
static bool newer(const struct tplc_match__rule *a,
                  const struct tplc_match__rule *b)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		const char *x = a->newest[i], *y = b->newest[i];
		int c;

		if (x == NULL && y == NULL)
			continue;
		if (x == NULL || y == NULL)
			return x != NULL;
		c = strcmp(x, y);
		if (c != 0)
			return c > 0;
	}
	return a->id > b->id;
}

/* The newest VEX statement of a sorted set on the component's key. */
static int newest_of(const struct tplc_match__fleet *fleet,
                     const struct tplc_match__sorted *s, int which,
                     const char *key, const char *vuln_id,
                     const struct tplc_match__component *c,
                     const struct tplc_match__rule **best)
{
	size_t lo, hi;

	if (key == NULL || s->count == 0)
		return 0;
	tplc_match__range(s, which, key, &lo, &hi);
	for (; lo < hi; lo++) {
		const struct tplc_match__rule *r = s->rules[lo];
		int verdict;

		if (!tplc_match__same_vuln(fleet->ix, r->vuln_id, vuln_id) ||
		    !names_component(r, c))
			continue;
		if (in_range(r->vers, component_version(c), &verdict) < 0)
			return TPLC_ENOMEM;
		if (verdict == 1 && (*best == NULL || newer(r, *best)))
			*best = r;
	}
	return 0;
}

static const struct tplc_match__product *
find_product(const struct tplc_match__fleet *fleet, long long id)
{
	size_t a = 0, b = fleet->product_count;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (fleet->products[mid].row.id == id)
			return &fleet->products[mid];
		if (fleet->products[mid].row.id < id)
			a = mid + 1;
		else
			b = mid;
	}
	return NULL;
}

int tplc_match__newest_statement(const struct tplc_match__fleet *fleet,
                                 const char *vuln_id,
                                 const struct tplc_match__component *c,
                                 long long product_version_id,
                                 const struct tplc_match__rule **out)
{
	const struct tplc_match__set *st = &fleet->ix->statements;
	const struct tplc_match__product *p;
	const struct tplc_match__rule *best = NULL;
	size_t i;

	*out = NULL;
	if (c != NULL &&
	    (newest_of(fleet, &st->package, TPLC_MATCH__BY_PACKAGE,
	               c->row.package_key, vuln_id, c, &best) < 0 ||
	     newest_of(fleet, &st->cpe, TPLC_MATCH__BY_CPE, c->row.cpe_key,
	               vuln_id, c, &best) < 0))
		return TPLC_ENOMEM;
	/* a manufacturer's statement on its product covers what is in it */
	p = find_product(fleet, product_version_id);
	for (i = 0; p != NULL && i < p->statement_count; i++) {
		const struct tplc_match__rule *r = p->statements[i];

		if (tplc_match__same_vuln(fleet->ix, r->vuln_id, vuln_id) &&
		    (best == NULL || newer(r, best)))
			best = r;
	}
	*out = best;
	return 0;
}

/* What the newest VEX statement on the same vulnerability says of this
 * component or product version, if one does. */
static int vex_of(const struct tplc_match__fleet *fleet,
                  struct tplc_store__match *m,
                  const struct tplc_match__component *c)
{
	const struct tplc_match__rule *best;

	if (!fleet->statements)
		return 0; /* no VEX statement names anything of the fleet */
	if (tplc_match__newest_statement(fleet, m->vuln_id, c,
	                                 m->product_version_id, &best) < 0)
		return TPLC_ENOMEM;
	if (best != NULL) {
		m->vex_status = best->status;
		m->vex_justification = best->justification;
		m->vex_detail = best->detail;
		m->vex_advisory_id = best->advisory_id;
	}
	return 0;
}

/* Why r hits c, in words: the same for every component of its kind. */
static const char *component_reason(struct tplc_match__out *out,
                                    const struct tplc_match__rule *r,
                                    const struct tplc_match__component *c)
{
	return tplx_arena_printf(
	        out->arena, "%s %s (%s) in %s per %s", c->row.name,
	        component_version(c) ? component_version(c) : "",
	        r->package_key ? r->package_key : r->cpe,
	        r->range ? r->range : "all versions", r->advisory_ref);
}

/* A finding of r on component in (with its reason, when the caller has
 * it already) or on product version p. */
static int emit(const struct tplc_match__fleet *fleet,
                struct tplc_match__out *out, const struct tplc_match__rule *r,
                const struct tplc_match__instance *in, const char *reason,
                const struct tplc_match__product *p)
{
	const struct tplc_match__component *c = in != NULL ? in->kind : NULL;
	struct tplc_store__match *m = tplx_vec_push(&out->matches, sizeof(*m));
	const char *range = r->range ? r->range : "all versions";

	if (m == NULL)
		return nomem(out);
	memset(m, 0, sizeof(*m));
	m->advisory_id = r->advisory_id;
	m->vuln_id = r->vuln_id;
	m->cvss_score = r->cvss_score;
	m->fixed_in = r->fixed_in;
	m->remediation = r->remediation;
	if (c != NULL) {
		m->product_version_id = in->product_version_id;
		m->component_id = in->id;
		m->match = r->package_key != NULL ? "purl" : "cpe";
		m->reason =
		        reason != NULL ? reason : component_reason(out, r, c);
	} else {
		m->product_version_id = p->row.id;
		m->match = "product";
		m->reason = tplx_arena_printf(
		        out->arena, "%s %s %s is %s %s, %s per %s",
		        p->row.manufacturer, p->row.model,
		        p->row.version ? p->row.version : "", r->vendor,
		        r->product, range, r->advisory_ref);
	}
	if (m->reason == NULL || vex_of(fleet, m, c) < 0)
		return nomem(out);
	return 0;
}

int tplc_match__check(const struct tplc_match__rule *r,
                      const struct tplc_match__component *c, int *verdict)
{
	*verdict = 0;
	if (!names_component(r, c))
		return 0;
	return in_range(r->vers, component_version(c), verdict);
}

/* The rule hits in: a finding, or a candidate of its configuration.
 * *reason is the words of the finding, made once for its kind. */
static int record(const struct tplc_match__fleet *fleet,
                  const struct tplc_match__rule *r,
                  const struct tplc_match__instance *in, const char **reason,
                  struct tplc_match__out *out)
{
	struct tplc_match__candidate *k;
	struct tplc_match__held *h = out->held.items;
	size_t n = out->held.count;

	if (r->group == 0) {
		if (*reason == NULL &&
		    (*reason = component_reason(out, r, in->kind)) == NULL)
			return nomem(out);
		return emit(fleet, out, r, in, *reason, NULL);
	}
	if (r->cond != 0) {
		/* a platform condition: where it holds, once is enough */
		if (n > 0 && h[n - 1].cond == r->cond &&
		    h[n - 1].product_version_id == in->product_version_id)
			return 0;
		h = tplx_vec_push(&out->held, sizeof(*h));
		if (h == NULL)
			return nomem(out);
		h->cond = r->cond;
		h->product_version_id = in->product_version_id;
		return 0;
	}
	k = tplx_vec_push(&out->candidates, sizeof(*k));
	if (k == NULL)
		return nomem(out);
	k->rule = r;
	k->component = in;
	k->product_version_id = in->product_version_id;
	return 0;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Evaluate one sorted set's rules on c into the memo: the rules of c's
 * key, so a package rule names c; a CPE rule, if its criteria do. */
static int memo_rules(const struct tplc_match__sorted *s, int which,
                      const char *key, const struct tplc_match__component *c,
                      struct tplc_match__out *out)
{
	const char *version = component_version(c);
	size_t lo, hi;
	int verdict;

	if (key == NULL)
		return 0;
	tplc_match__range(s, which, key, &lo, &hi);
	for (; lo < hi; lo++) {
		const struct tplc_match__rule *r, **slot;
		const char **reason;

		if (s->hot[lo].skip || (which == TPLC_MATCH__BY_CPE &&
		                        !names_component(s->rules[lo], c)))
			continue;
		if (in_range(s->hot[lo].vers, version, &verdict) < 0)
			return nomem(out);
		if (verdict == 1) {
			slot = tplx_vec_push(&out->memo_hits, sizeof(*slot));
			reason = tplx_vec_push(&out->memo_reasons,
			                       sizeof(*reason));
			if (slot == NULL || reason == NULL)
				return nomem(out);
			*slot = s->rules[lo];
			*reason = NULL; /* made when first needed */
		} else if (verdict < 0) {
			r = s->rules[lo];
			out->memo_undecided += r->cond != 0 ? r->cond_rules : 1;
		}
	}
	return 0;
}

/*
 * Which rules hit a component depends on its package, CPE and version
 * only, and components come sorted by them: evaluate the rules once per
 * run of equal components, then record the hits for each.
 */
int tplc_match__component(const struct tplc_match__fleet *fleet,
                          const struct tplc_match__instance *in,
                          struct tplc_match__out *out)
{
	const struct tplc_match__component *c = in->kind;
	const struct tplc_match__set *set = &fleet->ix->findings;
	const struct tplc_match__component *m = out->memo;
	const struct tplc_match__rule **hits;
	const char **reasons;
	size_t i;
	int error = 0;

	if (m != c &&
	    (m == NULL || !same(m->row.package_key, c->row.package_key) ||
	     !same(m->row.cpe, c->row.cpe) ||
	     !same(component_version(m), component_version(c)))) {
		out->memo = NULL;
		out->memo_hits.count = 0;
		out->memo_reasons.count = 0;
		out->memo_undecided = 0;
		if (memo_rules(&set->package, TPLC_MATCH__BY_PACKAGE,
		               c->row.package_key, c, out) < 0 ||
		    memo_rules(&set->cpe, TPLC_MATCH__BY_CPE, c->row.cpe_key, c,
		               out) < 0)
			return TPLC_ENOMEM;
		out->memo = c;
	}
	out->undecided += out->memo_undecided;
	hits = out->memo_hits.items;
	reasons = out->memo_reasons.items;
	if (out->memo_reasons_of != c) {
		/* the reason names the component: the same for its kind */
		for (i = 0; i < out->memo_reasons.count; i++)
			reasons[i] = NULL;
		out->memo_reasons_of = c;
	}
	for (i = 0; i < out->memo_hits.count && error == 0; i++)
		error = record(fleet, hits[i], in, &reasons[i], out);
	return error;
}

/*
 * Call fn for each rule of s whose vendor key names the manufacturer: a
 * key that is the first words of it, or that it is the first words of.
 */
static int each_vendor(const struct tplc_match__sorted *s, const char *mkey,
                       int (*fn)(const struct tplc_match__rule *r, void *data),
                       void *data)
{
	size_t len = strlen(mkey), i, lo, hi, words = 0;
	char prefix[256];
	int error = 0;

	if (len == 0 || s->count == 0)
		return 0;
	/* shorter keys: each word prefix of the manufacturer */
	for (i = 1; i < len && words < VENDOR_WORDS_MAX && error == 0; i++) {
		if (mkey[i] != ' ' || i >= sizeof(prefix))
			continue;
		words++;
		memcpy(prefix, mkey, i);
		prefix[i] = '\0';
		tplc_match__range(s, TPLC_MATCH__BY_VENDOR, prefix, &lo, &hi);
		for (; lo < hi && error == 0; lo++)
			error = fn(s->rules[lo], data);
	}
	/* the manufacturer itself and the longer keys it starts */
	tplc_match__range(s, TPLC_MATCH__BY_VENDOR, mkey, &lo, &hi);
	for (; lo < s->count && error == 0; lo++) {
		const char *v = s->rules[lo]->vendor_key;

		if (strncmp(v, mkey, len) != 0)
			break;
		if (v[len] == '\0' || v[len] == ' ')
			error = fn(s->rules[lo], data);
	}
	return error;
}

static int found(const struct tplc_match__rule *r, void *data)
{
	(void)r;
	(void)data;
	return 1;
}

bool tplc_match__names_vendor(const struct tplc_match__index *ix,
                              const char *manufacturer_key)
{
	return each_vendor(&ix->findings.vendor, manufacturer_key, found,
	                   NULL) == 1 ||
	       each_vendor(&ix->statements.vendor, manufacturer_key, found,
	                   NULL) == 1;
}

struct product_visit {
	const struct tplc_match__fleet *fleet;
	const struct tplc_match__product *p;
	struct tplc_match__out *out;
	struct tplx_vec *statements; /* when preparing */
};

static int product_rule(const struct tplc_match__rule *r, void *data)
{
	struct product_visit *v = data;
	const struct tplc_match__product *p = v->p;
	const struct tplc_match__rule **slot;
	int verdict;

	if (!tplc_match__product_keys(p->model_key, r->product_key))
		return 0;
	if (in_range(r->vers, p->row.version, &verdict) < 0)
		return TPLC_ENOMEM;
	if (v->statements != NULL) {
		if (verdict != 1)
			return 0;
		slot = tplx_vec_push(v->statements, sizeof(*slot));
		if (slot == NULL)
			return TPLC_ENOMEM;
		*slot = r;
		return 0;
	}
	if (verdict < 0)
		v->out->undecided++;
	return verdict == 1 ? emit(v->fleet, v->out, r, NULL, NULL, p) : 0;
}

int tplc_match__product(const struct tplc_match__fleet *fleet,
                        const struct tplc_match__product *p,
                        struct tplc_match__out *out)
{
	struct product_visit v = { fleet, p, out, NULL };
	int error = each_vendor(&fleet->ix->findings.vendor,
	                        p->manufacturer_key, product_rule, &v);

	return error == TPLC_ENOMEM ? nomem(out) : error;
}

int tplc_match__fleet_prepare(struct tplc_match__fleet *fleet,
                              struct tplx_arena *arena, struct tplc_error *err)
{
	struct tplx_vec found = { NULL, 0, 0 };
	size_t i;
	int error = 0;

	for (i = 0; i < fleet->product_count && error == 0; i++) {
		struct tplc_match__product *p = &fleet->products[i];
		struct product_visit v = { fleet, p, NULL, &found };

		found.count = 0;
		error = each_vendor(&fleet->ix->statements.vendor,
		                    p->manufacturer_key, product_rule, &v);
		if (error == 0 && found.count > 0) {
			p->statements = tplx_arena_array(
			        arena, found.count, sizeof(*p->statements));
			if (p->statements == NULL)
				error = TPLC_ENOMEM;
			else
				memcpy(p->statements, found.items,
				       found.count * sizeof(*p->statements));
			p->statement_count = found.count;
		}
	}
	tplx_free(found.items);
	fleet->statements = fleet->ix->statements.package.count > 0 ||
	                    fleet->ix->statements.cpe.count > 0;
	for (i = 0; i < fleet->product_count; i++)
		fleet->statements |= fleet->products[i].statement_count > 0;
	return error < 0 ? tplc_error_set(err, error, "out of memory") : 0;
}

static int by_candidate(const void *a, const void *b)
{
	const struct tplc_match__candidate *x = a, *y = b;

	if (x->rule->group != y->rule->group)
		return x->rule->group < y->rule->group ? -1 : 1;
	if (x->product_version_id != y->product_version_id)
		return x->product_version_id < y->product_version_id ? -1 : 1;
	if (x->component->id != y->component->id)
		return x->component->id < y->component->id ? -1 : 1;
	return x->rule->id < y->rule->id ? -1 : x->rule->id > y->rule->id;
}

static int by_node(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static int by_held(const void *a, const void *b)
{
	const struct tplc_match__held *x = a, *y = b;

	if (x->cond != y->cond)
		return x->cond < y->cond ? -1 : 1;
	return x->product_version_id < y->product_version_id
	               ? -1
	               : x->product_version_id > y->product_version_id;
}

/* Sort the platform conditions' product versions, each pair once. */
static void unique_held(struct tplc_match__out *out)
{
	struct tplc_match__held *h = out->held.items;
	size_t i, j;

	if (out->held.count < 2)
		return;
	qsort(h, out->held.count, sizeof(*h), by_held);
	for (i = 1, j = 1; i < out->held.count; i++)
		if (by_held(&h[i], &h[j - 1]) != 0)
			h[j++] = h[i];
	out->held.count = j;
}

int tplc_match__resolve(const struct tplc_match__fleet *fleet,
                        struct tplc_match__out *out)
{
	const struct tplc_match__index *ix = fleet->ix;
	struct tplc_match__candidate *k = out->candidates.items;
	size_t n = out->candidates.count, i, j, e, m, distinct, p, cap;
	long long *nodes;
	int error = 0;

	if (n == 0)
		return 0;
	unique_held(out);
	qsort(k, n, sizeof(*k), by_candidate);
	for (cap = 0, i = 0; i < ix->groups; i++)
		if (ix->group_platform[i + 1] - ix->group_platform[i] > cap)
			cap = ix->group_platform[i + 1] - ix->group_platform[i];
	nodes = tplx_reallocarray(NULL, n + cap, sizeof(*nodes));
	if (nodes == NULL)
		return nomem(out);
	for (i = 0; i < n && error == 0; i = e) {
		size_t g = k[i].rule->group;

		for (m = 0, e = i;
		     e < n && k[e].rule->group == g &&
		     k[e].product_version_id == k[i].product_version_id;
		     e++)
			nodes[m++] = k[e].rule->node;
		/* the platform nodes whose condition holds here */
		for (p = ix->group_platform[g - 1]; p < ix->group_platform[g];
		     p++) {
			struct tplc_match__held probe = {
				ix->platform[p].cond, k[i].product_version_id
			};

			if (out->held.count > 0 &&
			    bsearch(&probe, out->held.items, out->held.count,
			            sizeof(probe), by_held) != NULL)
				nodes[m++] = ix->platform[p].node;
		}
		qsort(nodes, m, sizeof(*nodes), by_node);
		for (distinct = 0, j = 0; j < m; j++)
			distinct += j == 0 || nodes[j] != nodes[j - 1];
		/* every node of the configuration hit on this version */
		if (distinct != ix->group_nodes[g - 1])
			continue;
		for (j = i; j < e && error == 0; j++)
			if (!k[j].rule->platform)
				error = emit(fleet, out, k[j].rule,
				             k[j].component, NULL, NULL);
	}
	tplx_free(nodes);
	return error;
}

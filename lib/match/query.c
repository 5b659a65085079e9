/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc match: one package URL or CPE name against the rules of its key
 * only, compiled and checked exactly as a scan does it.
 */
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/arena.h"

struct query {
	struct tplc_match__index ix;
	struct tplc_match__component c;
	struct tplc_error *err;
};

static int take(const struct tplc_store__affected *row, void *data)
{
	struct query *q = data;

	return tplc_match__index_add(&q->ix, row, true, q->err);
}

static int take_alias(const char *alias, const char *vuln_id, void *data)
{
	struct query *q = data;

	return tplc_match__index_alias(&q->ix, alias, vuln_id, q->err);
}

/* The component the identity stands for, strings in the index arena. */
static int identify(struct query *q, const char *identity, const char *version)
{
	struct tplc_purl *purl = NULL;
	char *key = NULL;
	int error;

	memset(&q->c, 0, sizeof(q->c));
	q->c.row.name = identity;
	if (strncmp(identity, "cpe:", 4) == 0) {
		error = tplc_cpe_key(&key, identity, q->err);
		q->c.row.cpe = identity;
		q->c.row.cpe_key = key;
	} else {
		error = tplc_purl_parse(&purl, identity, q->err);
		if (error == 0)
			error = tplc_purl_package_key(&key, identity, q->err);
		q->c.row.purl = identity;
		q->c.row.package_key = key;
		if (error == 0 && version == NULL)
			version = purl->version;
	}
	if (error == 0 && key != NULL) {
		const char *kept = tplx_arena_strdup(q->ix.arena, key);

		if (q->c.row.cpe != NULL)
			q->c.row.cpe_key = kept;
		else
			q->c.row.package_key = kept;
		if (kept == NULL)
			error = TPLC_ENOMEM;
	}
	if (error == 0 && version != NULL) {
		q->c.row.version = tplx_arena_strdup(q->ix.arena, version);
		if (q->c.row.version == NULL)
			error = TPLC_ENOMEM;
	}
	if (error == 0)
		error = tplc_match__component_cpe(&q->c, q->ix.arena, q->err);
	tplc_free(key);
	tplc_purl_free(purl);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(q->err, error, "out of memory");
	return error;
}

static int load(struct tplc_store *store, struct query *q)
{
	struct tplc_store__scope scope;
	struct tplc_match__rule **rules;
	size_t i;
	int error;

	memset(&scope, 0, sizeof(scope));
	scope.package_key = q->c.row.package_key;
	scope.cpe_key = q->c.row.cpe_key;
	error = tplc_store__each_affected_in(store, &scope, take, q, q->err);
	rules = q->ix.rules.items;
	for (i = 0; i < q->ix.rules.count && error == 0; i++) {
		if (i > 0 &&
		    strcmp(rules[i]->vuln_id, rules[i - 1]->vuln_id) == 0)
			continue; /* a repeat is harmless, skip the obvious */
		memset(&scope, 0, sizeof(scope));
		scope.vuln_id = rules[i]->vuln_id;
		error = tplc_store__each_alias_in(store, &scope, take_alias, q,
		                                  q->err);
	}
	if (error == 0)
		error = tplc_match__index_build(&q->ix, q->err);
	return error;
}

static int report(const struct tplc_match__fleet *fleet,
                  const struct tplc_match__rule *r,
                  const struct tplc_match__component *c, int verdict,
                  tplc_match_cb cb, void *data)
{
	const struct tplc_match__rule *vex;
	struct tplc_match_hit hit;

	if (tplc_match__newest_statement(fleet, r->vuln_id, c, 0, &vex) < 0)
		return TPLC_ENOMEM;
	memset(&hit, 0, sizeof(hit));
	hit.vuln_id = r->vuln_id;
	hit.advisory_source = r->advisory_source;
	hit.advisory = r->advisory_ref;
	hit.match = r->package_key != NULL ? "purl" : "cpe";
	hit.rule = r->package_key != NULL ? r->package_key : r->cpe;
	hit.range = r->range;
	hit.fixed_in = r->fixed_in;
	hit.cvss_score = r->cvss_score;
	hit.undecided = verdict < 0;
	hit.config = r->group > 0 ? (unsigned)r->config : 0;
	if (vex != NULL) {
		hit.vex_status = vex->status;
		hit.vex_justification = vex->justification;
		hit.vex_detail = vex->detail;
		hit.vex_source = vex->advisory_source;
		hit.vex_advisory = vex->advisory_ref;
	}
	return cb(&hit, data);
}

int tplc_match_query(struct tplc_store *store, const char *identity,
                     const char *version, tplc_match_cb cb, void *data,
                     struct tplc_error *err)
{
	const struct tplc_match__sorted *s;
	struct tplc_match__fleet fleet;
	struct query q;
	size_t lo, hi;
	int error, verdict, which;

	memset(&q, 0, sizeof(q));
	q.err = err;
	if (tplc_match__index_init(&q.ix) < 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = identify(&q, identity, version);
	if (error == 0)
		error = load(store, &q);
	memset(&fleet, 0, sizeof(fleet));
	fleet.ix = &q.ix;
	s = q.c.row.package_key != NULL ? &q.ix.findings.package
	                                : &q.ix.findings.cpe;
	which = q.c.row.package_key != NULL ? TPLC_MATCH__BY_PACKAGE
	                                    : TPLC_MATCH__BY_CPE;
	if (error == 0)
		tplc_match__range(s, which,
		                  q.c.row.package_key ? q.c.row.package_key
		                                      : q.c.row.cpe_key,
		                  &lo, &hi);
	for (; error == 0 && lo < hi; lo++) {
		const struct tplc_match__rule *r = s->rules[lo];

		/* a platform is a condition, never a hit of its own */
		if (r->platform)
			continue;
		error = tplc_match__check(r, &q.c, &verdict);
		if (error == 0 && verdict != 0)
			error = report(&fleet, r, &q.c, verdict, cb, data);
	}
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, error, "out of memory");
	tplc_cpe_free(q.c.cpe);
	tplc_match__index_free(&q.ix);
	return error;
}

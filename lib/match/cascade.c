/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An incremental scan of a VEX document: its statements change the vex
 * columns of other advisories' findings on the same vulnerability or an
 * alias of it.  Those advisories are rescanned too, each by
 * tplc_match__scan_one, so an incremental scan leaves the store as a full
 * scan would.  Statements never add or remove a finding, so the
 * advisories to rescan are the ones with affected rows on those
 * vulnerabilities.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/alloc.h"
#include "util/arena.h"

/* Most vulnerability names (with aliases) one VEX document's cascade
 * follows; beyond it, the scan says so and a full scan is needed. */
#define CASCADE_NAMES_MAX 4096

struct cascade {
	struct tplx_arena *arena;
	long long advisory_id;
	struct tplx_vec names;      /* const char *, distinct */
	struct tplx_vec advisories; /* long long */
	struct tplc_error *err;
};

static int nomem(struct cascade *k)
{
	return tplc_error_set(k->err, TPLC_ENOMEM, "out of memory");
}

static int add_name(struct cascade *k, const char *name)
{
	const char **names = k->names.items, **slot;
	size_t i;

	if (name == NULL)
		return 0;
	for (i = 0; i < k->names.count; i++)
		if (strcmp(names[i], name) == 0)
			return 0;
	if (k->names.count >= CASCADE_NAMES_MAX)
		return tplc_error_set(k->err, TPLC_ELIMIT,
		                      "VEX names more than %d vulnerabilities:"
		                      " run a full scan",
		                      CASCADE_NAMES_MAX);
	slot = tplx_vec_push(&k->names, sizeof(*slot));
	if (slot == NULL)
		return nomem(k);
	*slot = tplx_arena_strdup(k->arena, name);
	return *slot == NULL ? nomem(k) : 0;
}

/* The vulnerabilities the advisory's VEX statements speak about. */
static int take_own(const struct tplc_store__affected *row, void *data)
{
	struct cascade *k = data;
	bool affected = strcmp(row->status, "affected") == 0;

	if (row->platform ||
	    (affected && row->justification == NULL && row->detail == NULL))
		return 0; /* no statement (index.c's rule) */
	return add_name(k, row->vuln_id);
}

static int take_alias(const char *alias, const char *vuln_id, void *data)
{
	struct cascade *k = data;
	int error = add_name(k, alias);

	return error < 0 ? error : add_name(k, vuln_id);
}

/* Another advisory's row on one of the names: if it makes findings,
 * that advisory is rescanned. */
static int take_other(const struct tplc_store__affected *row, void *data)
{
	struct cascade *k = data;
	long long *slot;

	if (strcmp(row->status, "affected") != 0 || row->withdrawn)
		return 0;
	slot = tplx_vec_push(&k->advisories, sizeof(*slot));
	if (slot == NULL)
		return nomem(k);
	*slot = row->advisory_id;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static int collect(struct tplc_store *store, struct cascade *k)
{
	struct tplc_store__scope scope;
	size_t i, vulns;
	int error;

	memset(&scope, 0, sizeof(scope));
	scope.advisory_id = k->advisory_id;
	error = tplc_store__each_affected_in(store, &scope, take_own, k,
	                                     k->err);
	vulns = k->names.count;
	for (i = 0; i < vulns && error == 0; i++) {
		memset(&scope, 0, sizeof(scope));
		scope.vuln_id = ((const char **)k->names.items)[i];
		error = tplc_store__each_alias_in(store, &scope, take_alias, k,
		                                  k->err);
	}
	for (i = 0; i < k->names.count && error == 0; i++) {
		memset(&scope, 0, sizeof(scope));
		scope.advisory_id = k->advisory_id;
		scope.not_advisory_vuln = ((const char **)k->names.items)[i];
		error = tplc_store__each_affected_in(store, &scope, take_other,
		                                     k, k->err);
	}
	if (error == 0 && k->advisories.count > 1)
		qsort(k->advisories.items, k->advisories.count,
		      sizeof(long long), by_id);
	return error;
}

int tplc_scan_advisory(struct tplc_store *store, long long advisory_id,
                       struct tplc_scan_stats *stats, struct tplc_error *err)
{
	struct cascade k;
	struct tplc_scan_stats other;
	const long long *ids;
	size_t i;
	int error;

	error = tplc_match__scan_one(store, advisory_id, stats, err);
	if (error < 0)
		return error;
	memset(&k, 0, sizeof(k));
	k.advisory_id = advisory_id;
	k.err = err;
	k.arena = tplx_arena_new();
	if (k.arena == NULL)
		return nomem(&k);
	error = collect(store, &k);
	ids = k.advisories.items;
	for (i = 0; i < k.advisories.count && error == 0; i++)
		if (i == 0 || ids[i] != ids[i - 1])
			error = tplc_match__scan_one(store, ids[i], &other,
			                             err);
	tplx_free(k.names.items);
	tplx_free(k.advisories.items);
	tplx_arena_free(k.arena);
	return error;
}

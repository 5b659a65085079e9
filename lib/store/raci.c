/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The responsibility matrix in the store (tplc/raci.h): the overrides a
 * contract sets (raci_overrides), each device's matrix on a day, and the
 * fleet's gaps and the tasks about to change hands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tplc/ctx.h"
#include "tplc/raci.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/date.h"

/* Overrides one product or one device can hold; a device's matrix merges
 * its own and its product's. */
#define RACI_OVERRIDES_MAX 64

/* ---- setting ------------------------------------------------------------- */

static int check_text(const char *text, size_t max, const char *what,
                      struct tplc_error *err)
{
	size_t len = strlen(text);

	if (len > max)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s longer than %zu bytes", what, max);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
			return tplc_error_set(err, TPLC_EINVAL,
			                      "%s with a control character",
			                      what);
	return 0;
}

static const char device_find_sql[] =
        "SELECT d.id FROM devices d JOIN sites s ON s.id = d.site_id"
        " WHERE d.asset_tag = ?1 AND (?2 IS NULL OR s.name = ?2) LIMIT 2";

static int device_find(struct tplc_store *store, const char *tag,
                       const char *site, long long *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc, n = 0;

	error = tplc_store__prepare(store, &stmt, device_find_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tag);
	tplc_store__bind_text(stmt, 2, site);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = sqlite3_column_int64(stmt, 0);
		n++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot find device");
	else if (n == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no device with asset tag '%s'", tag);
	else if (n > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "several devices have asset tag '%s': "
		                       "name the site (--site)",
		                       tag);
	sqlite3_finalize(stmt);
	return error;
}

static const char delete_sql[] =
        "DELETE FROM raci_overrides WHERE coalesce(product_id, 0) = ?1"
        " AND coalesce(device_id, 0) = ?2 AND stage = ?3 AND task = ?4"
        " AND party = ?5";

static const char count_sql[] =
        "SELECT COUNT(*) FROM raci_overrides WHERE"
        " coalesce(product_id, 0) = ?1 AND coalesce(device_id, 0) = ?2";

static const char insert_sql[] =
        "INSERT INTO raci_overrides(product_id, device_id, stage, task,"
        " party, roles, contract, set_by, set_at)"
        " VALUES (NULLIF(?1, 0), NULLIF(?2, 0), ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* Replace (or with reset only remove) the override of one key. */
static int write_override(struct tplc_store *store, long long product_id,
                          long long device_id, const char *stage,
                          const char *party, const struct tplc_raci_set *set,
                          struct tplc_error *err)
{
	const char *task = tplc_raci_task_key(set->task);
	sqlite3_stmt *stmt = NULL;
	char letters[5];
	long long n = 0;
	int error;

	error = tplc_store__prepare(store, &stmt, delete_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_id);
	sqlite3_bind_int64(stmt, 2, device_id);
	tplc_store__bind_text(stmt, 3, stage);
	tplc_store__bind_text(stmt, 4, task);
	tplc_store__bind_text(stmt, 5, party);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot clear override");
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	if (set->reset)
		return sqlite3_changes(store->db) > 0
		               ? 0
		               : tplc_error_set(err, TPLC_ENOTFOUND,
		                                "no override of %s for %s",
		                                task, party);
	error = tplc_store__prepare(store, &stmt, count_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_id);
	sqlite3_bind_int64(stmt, 2, device_id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (n >= RACI_OVERRIDES_MAX)
		return tplc_error_set(
		        err, TPLC_ELIMIT, "already %d overrides on this %s",
		        RACI_OVERRIDES_MAX, device_id ? "device" : "product");
	error = tplc_store__prepare(store, &stmt, insert_sql, err);
	if (error < 0)
		return error;
	tplc_raci_letters_format(letters, set->roles);
	sqlite3_bind_int64(stmt, 1, product_id);
	sqlite3_bind_int64(stmt, 2, device_id);
	tplc_store__bind_text(stmt, 3, stage);
	tplc_store__bind_text(stmt, 4, task);
	tplc_store__bind_text(stmt, 5, party);
	tplc_store__bind_text(stmt, 6, letters);
	tplc_store__bind_text(stmt, 7, set->contract);
	tplc_store__bind_text(stmt, 8, set->by);
	tplc_store__bind_text(stmt, 9, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record override");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_raci_set(struct tplc_store *store,
                        const struct tplc_raci_set *set, struct tplc_error *err)
{
	char party[TPLC_RACI_PARTY_SIZE];
	long long product_id = 0, device_id = 0;
	const char *stage = "";
	int error;

	if ((set->product == NULL) == (set->asset_tag == NULL))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "name a product or a device (not both)");
	if (set->by == NULL || *set->by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "who sets it is required");
	if ((unsigned)set->task >= TPLC_RACI_TASKS)
		return tplc_error_set(err, TPLC_EINVAL, "no such task");
	if (set->stage >= 0) {
		if (set->stage <= TPLC_LIFECYCLE_UNKNOWN ||
		    set->stage >= TPLC_LIFECYCLE_STAGES)
			return tplc_error_set(err, TPLC_EINVAL,
			                      "no such stage");
		stage = tplc_lifecycle_key((enum tplc_lifecycle)set->stage);
	}
	if (set->roles &
	    ~(TPLC_RACI_R | TPLC_RACI_A | TPLC_RACI_C | TPLC_RACI_I))
		return tplc_error_set(err, TPLC_EINVAL, "bad role letters");
	error = tplc_raci_party_canonical(party, set->party, err);
	if (error == 0 && set->contract != NULL)
		error = check_text(set->contract, TPLC_RACI_CONTRACT_MAX,
		                   "contract reference", err);
	if (error == 0)
		error = check_text(set->by, TPLC_RACI_CONTRACT_MAX, "name",
		                   err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	if (set->product != NULL)
		error = tplc_store__product_find(store, set->product,
		                                 &product_id, NULL, 0, err);
	else
		error = device_find(store, set->asset_tag, set->site,
		                    &device_id, err);
	if (error == 0)
		error = write_override(store, product_id, device_id, stage,
		                       party, set, err);
	if (error == 0) {
		char roles[5];
		const char *detail[] = {
			"task",     tplc_raci_task_key(set->task),
			"stage",    stage,
			"party",    party,
			"roles",    roles,
			"contract", set->contract,
			NULL,
		};

		tplc_raci_letters_format(roles, set->roles);
		error = tplc_store__audit(store, set->by, "raci.set",
		                          set->product != NULL ? set->product
		                                               : set->asset_tag,
		                          detail, err);
	}
	return tplc_store__import_end(store, error);
}

/* ---- reading -------------------------------------------------------------- */

/* The overrides of one device and its product, copied out of SQLite. */
struct loaded {
	struct tplc_raci_override ov[2 * RACI_OVERRIDES_MAX];
	char party[2 * RACI_OVERRIDES_MAX][TPLC_RACI_PARTY_SIZE];
	char contract[2 * RACI_OVERRIDES_MAX][TPLC_RACI_CONTRACT_MAX + 1];
	size_t count;
};

static const char load_sql[] =
        "SELECT device_id IS NOT NULL, stage, task, party, roles, contract"
        " FROM raci_overrides WHERE product_id = ?1 OR device_id = ?2"
        " ORDER BY id";

static int load(struct tplc_store *store, sqlite3_stmt *stmt,
                long long product_id, long long device_id, struct loaded *l,
                struct tplc_error *err)
{
	int rc, error = 0;

	l->count = 0;
	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, product_id);
	sqlite3_bind_int64(stmt, 2, device_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct tplc_raci_override *o = &l->ov[l->count];
		const char *stage = tplc_store__column_text(stmt, 1);
		const char *contract = tplc_store__column_text(stmt, 5);
		int task =
		        tplc_raci_task_parse(tplc_store__column_text(stmt, 2));
		unsigned roles;

		if (l->count == 2 * RACI_OVERRIDES_MAX) {
			error = tplc_error_set(err, TPLC_ELIMIT,
			                       "more than %d overrides",
			                       2 * RACI_OVERRIDES_MAX);
			break;
		}
		/* a row this version cannot read is left out, not fatal */
		if (task < 0 ||
		    tplc_raci_letters_parse(&roles,
		                            tplc_store__column_text(stmt, 4),
		                            NULL) < 0 ||
		    tplc_raci_party_canonical(l->party[l->count],
		                              tplc_store__column_text(stmt, 3),
		                              NULL) < 0)
			continue;
		o->level = sqlite3_column_int(stmt, 0) ? TPLC_RACI_FROM_DEVICE
		                                       : TPLC_RACI_FROM_PRODUCT;
		o->stage = stage == NULL || *stage == '\0'
		                   ? -1
		                   : tplc_lifecycle_parse(stage);
		o->task = (enum tplc_raci_task)task;
		o->party = l->party[l->count];
		o->roles = roles;
		o->contract = NULL;
		if (contract != NULL) {
			snprintf(l->contract[l->count],
			         sizeof(l->contract[l->count]), "%s", contract);
			o->contract = l->contract[l->count];
		}
		if (o->stage != -1 && o->stage <= TPLC_LIFECYCLE_UNKNOWN)
			continue;
		l->count++;
	}
	if (error == 0 && rc != SQLITE_ROW && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read overrides");
	sqlite3_reset(stmt);
	return error;
}

struct raci_walk {
	struct tplc_store *store;
	int stage;
	tplc_raci_device_cb cb;
	void *data;
	sqlite3_stmt *load;
	struct loaded *loaded;
	struct tplc_raci_matrix now, next;
	struct tplc_error *err;
};

static int raci_device(const struct tplc_lifecycle_device_row *d, void *data)
{
	struct raci_walk *w = data;
	struct tplc_raci_device_row row;
	enum tplc_lifecycle stage = d->status->stage;
	int deployment, error;

	deployment = d->deployment ? tplc_deployment_parse(d->deployment) : 0;
	if (deployment < 0)
		deployment = TPLC_DEPLOYMENT_HOSPITAL;
	if (w->stage >= 0)
		stage = (enum tplc_lifecycle)w->stage;
	error = load(w->store, w->load, d->product_id, d->device_id, w->loaded,
	             w->err);
	if (error == 0)
		error = tplc_raci_merge(
		        &w->now, stage, (enum tplc_deployment)deployment,
		        w->loaded->ov, w->loaded->count, w->err);
	memset(&row, 0, sizeof(row));
	if (error == 0 && w->stage < 0 &&
	    d->status->next != TPLC_LIFECYCLE_UNKNOWN) {
		error = tplc_raci_merge(&w->next, d->status->next,
		                        (enum tplc_deployment)deployment,
		                        w->loaded->ov, w->loaded->count,
		                        w->err);
		row.next = &w->next;
	}
	if (error < 0)
		return error;
	row.device = d;
	row.deployment = (enum tplc_deployment)deployment;
	row.now = &w->now;
	return w->cb(&row, w->data);
}

int tplc_store_raci_devices(struct tplc_store *store,
                            const struct tplc_lifecycle_filter *filter,
                            int stage, tplc_raci_device_cb cb, void *data,
                            struct tplc_error *err)
{
	struct raci_walk *w;
	int error;

	w = tplx_calloc(1, sizeof(*w));
	if (w != NULL)
		w->loaded = tplx_malloc(sizeof(*w->loaded));
	if (w == NULL || w->loaded == NULL) {
		if (w != NULL)
			tplx_free(w);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	w->store = store;
	w->stage = stage;
	w->cb = cb;
	w->data = data;
	w->err = err;
	error = tplc_store__prepare(store, &w->load, load_sql, err);
	if (error == 0)
		error = tplc_store_lifecycle_devices(store, filter, raci_device,
		                                     w, err);
	sqlite3_finalize(w->load);
	tplx_free(w->loaded);
	tplx_free(w);
	return error;
}

/* ---- gaps ------------------------------------------------------------------- */

struct finding {
	struct tplc_raci_gap_row row;
	long long pv_id;
};

struct gap_walk {
	struct tplx_arena *arena;
	struct finding *f;
	size_t count, cap;
	const char *as_of;
	long within;
	char r[TPLC_RACI_PARTIES_MAX * TPLC_RACI_PARTY_SIZE];
	char a[TPLC_RACI_PARTIES_MAX * TPLC_RACI_PARTY_SIZE];
	char nr[TPLC_RACI_PARTIES_MAX * TPLC_RACI_PARTY_SIZE];
	char na[TPLC_RACI_PARTIES_MAX * TPLC_RACI_PARTY_SIZE];
	struct tplc_error *err;
};

static bool same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool same_finding(const struct finding *f, long long pv_id,
                         const struct tplc_raci_gap_row *r)
{
	const struct tplc_raci_gap_row *g = &f->row;

	return f->pv_id == pv_id && g->moving == r->moving &&
	       g->stage == r->stage && g->deployment == r->deployment &&
	       g->task == r->task && g->gaps == r->gaps &&
	       same_text(g->r, r->r) && same_text(g->a, r->a) &&
	       g->next == r->next && same_text(g->date, r->date) &&
	       same_text(g->next_r, r->next_r) &&
	       same_text(g->next_a, r->next_a);
}

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

/* Count r in with an identical finding of the same product version, or
 * add it, its strings copied. */
static int add_finding(struct gap_walk *g, long long pv_id,
                       const struct tplc_raci_gap_row *r)
{
	struct tplx_arena *a = g->arena;
	struct tplc_raci_gap_row *n;

	/* newest first: a product version's devices come one after another
	 * often enough that this stays short */
	for (size_t i = g->count; i-- > 0;) {
		if (same_finding(&g->f[i], pv_id, r)) {
			g->f[i].row.devices++;
			return 0;
		}
	}
	if (g->count == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		struct finding *f = tplx_reallocarray(g->f, cap, sizeof(*g->f));

		if (f == NULL)
			return nomem(g->err);
		g->f = f;
		g->cap = cap;
	}
	g->f[g->count].pv_id = pv_id;
	n = &g->f[g->count].row;
	*n = *r;
	n->devices = 1;
	n->manufacturer =
	        tplx_arena_strdup(a, r->manufacturer ? r->manufacturer : "");
	n->model = tplx_arena_strdup(a, r->model ? r->model : "");
	n->version = r->version ? tplx_arena_strdup(a, r->version) : NULL;
	n->asset_tag = tplx_arena_strdup(a, r->asset_tag);
	n->r = tplx_arena_strdup(a, r->r);
	n->a = tplx_arena_strdup(a, r->a);
	n->date = r->date ? tplx_arena_strdup(a, r->date) : NULL;
	n->next_r = r->next_r ? tplx_arena_strdup(a, r->next_r) : NULL;
	n->next_a = r->next_a ? tplx_arena_strdup(a, r->next_a) : NULL;
	if (n->manufacturer == NULL || n->model == NULL ||
	    n->asset_tag == NULL || n->r == NULL || n->a == NULL)
		return nomem(g->err);
	g->count++;
	return 0;
}

static int gap_device(const struct tplc_raci_device_row *d, void *data)
{
	struct gap_walk *g = data;
	const struct tplc_lifecycle_status *st = d->device->status;
	struct tplc_raci_gap_row r;
	bool soon;
	int error = 0;

	memset(&r, 0, sizeof(r));
	r.manufacturer = d->device->manufacturer;
	r.model = d->device->model;
	r.version = d->device->version;
	r.asset_tag = d->device->asset_tag;
	r.stage = d->now->stage;
	r.deployment = d->deployment;
	r.r = g->r;
	r.a = g->a;
	for (int t = 0; error == 0 && t < TPLC_RACI_TASKS; t++) {
		const struct tplc_raci_cell *c = &d->now->task[t];

		if (c->gaps == 0)
			continue;
		r.task = (enum tplc_raci_task)t;
		r.gaps = c->gaps;
		tplc_raci_parties(g->r, sizeof(g->r), c, TPLC_RACI_R);
		tplc_raci_parties(g->a, sizeof(g->a), c, TPLC_RACI_A);
		error = add_finding(g, d->device->product_version_id, &r);
	}
	soon = d->next != NULL && tplx_date_valid(st->next_date) &&
	       tplx_date_diff(g->as_of, st->next_date) >= 0 &&
	       tplx_date_diff(g->as_of, st->next_date) <= g->within;
	r.moving = true;
	r.gaps = 0;
	r.next = st->next;
	r.date = st->next_date;
	r.next_r = g->nr;
	r.next_a = g->na;
	for (int t = 0; soon && error == 0 && t < TPLC_RACI_TASKS; t++) {
		const struct tplc_raci_cell *c = &d->now->task[t];
		const struct tplc_raci_cell *n = &d->next->task[t];

		if (!tplc_raci_moves(c, n))
			continue;
		r.task = (enum tplc_raci_task)t;
		tplc_raci_parties(g->r, sizeof(g->r), c, TPLC_RACI_R);
		tplc_raci_parties(g->a, sizeof(g->a), c, TPLC_RACI_A);
		tplc_raci_parties(g->nr, sizeof(g->nr), n, TPLC_RACI_R);
		tplc_raci_parties(g->na, sizeof(g->na), n, TPLC_RACI_A);
		error = add_finding(g, d->device->product_version_id, &r);
	}
	return error;
}

static int text_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Gaps first by product, version and task; then moves by date. */
static int finding_cmp(const void *pa, const void *pb)
{
	const struct tplc_raci_gap_row *a = &((const struct finding *)pa)->row;
	const struct tplc_raci_gap_row *b = &((const struct finding *)pb)->row;
	int c;

	if (a->moving != b->moving)
		return a->moving ? 1 : -1;
	if (a->moving && (c = text_cmp(a->date, b->date)) != 0)
		return c;
	if ((c = text_cmp(a->manufacturer, b->manufacturer)) != 0 ||
	    (c = text_cmp(a->model, b->model)) != 0 ||
	    (c = text_cmp(a->version, b->version)) != 0 ||
	    (c = text_cmp(a->asset_tag, b->asset_tag)) != 0)
		return c;
	return (int)a->task - (int)b->task;
}

int tplc_store_raci_gaps(struct tplc_store *store,
                         const struct tplc_lifecycle_filter *filter,
                         long within, tplc_raci_gap_cb cb, void *data,
                         struct tplc_error *err)
{
	struct tplc_lifecycle_filter f;
	struct gap_walk *g;
	int error;

	if (filter != NULL)
		f = *filter;
	else {
		memset(&f, 0, sizeof(f));
		f.stage = -1;
	}
	if (f.as_of == NULL)
		f.as_of = tplc_ctx_today(store->ctx);
	if (!tplx_date_valid(f.as_of))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: not a date (YYYY-MM-DD)", f.as_of);
	g = tplx_calloc(1, sizeof(*g));
	if (g == NULL)
		return nomem(err);
	g->arena = tplx_arena_new();
	g->as_of = f.as_of;
	g->within = within;
	g->err = err;
	error = g->arena ? tplc_store_raci_devices(store, &f, -1, gap_device, g,
	                                           err)
	                 : nomem(err);
	if (error == 0 && g->count > 1)
		qsort(g->f, g->count, sizeof(*g->f), finding_cmp);
	for (size_t i = 0; error == 0 && i < g->count; i++)
		error = cb(&g->f[i].row, data);
	tplx_free(g->f);
	tplx_arena_free(g->arena);
	tplx_free(g);
	return error;
}

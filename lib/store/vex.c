/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The VEX statements the store holds for products, as one advisory the
 * VEX writers (tplc_vex_write) turn into a document: what imported VEX
 * documents say of the manufacturer's products, then what each current
 * finding of the product versions in scope says (its VEX status, else
 * affected).
 */
#include <string.h>

#include "internal.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

/* Statements one export may hold. */
#define VEX_EXPORT_MAX ((size_t)1000000)

/* Statements of imported VEX (CycloneDX VEX, OpenVEX) on the products in
 * scope, oldest document first, so a newer statement comes later. */
static const char imported_sql[] =
        "SELECT a.vuln_id, a.status, a.justification, a.detail,"
        " a.remediation, a.fixed_in, a.package_key, a.vendor, a.product,"
        " a.cpe, a.range, a.range_text"
        " FROM affected a JOIN advisories d ON d.id = a.advisory_id"
        " WHERE d.source IN ('vex', 'openvex')"
        " AND (?1 IS NULL OR a.vendor = ?1 COLLATE NOCASE)"
        " AND (?2 IS NULL OR a.product = ?2 COLLATE NOCASE)"
        " ORDER BY COALESCE(d.modified, d.published, ''), d.id, a.id";

/* One row per product version and vulnerability: an affected finding
 * (no VEX status, or affected) before the others, so any one that is
 * still open decides. */
static const char findings_sql[] =
        "SELECT f.vuln_id, COALESCE(f.vex_status, 'affected'),"
        " f.vex_justification, f.vex_detail, f.remediation, f.fixed_in,"
        " NULL, p.manufacturer, p.model, NULL, NULLIF(v.version, ''), NULL,"
        " f.product_version_id"
        " FROM findings f"
        " JOIN product_versions v ON v.id = f.product_version_id"
        " JOIN products p ON p.id = v.product_id"
        " WHERE (?1 IS NULL OR p.manufacturer = ?1 COLLATE NOCASE)"
        " AND (?2 IS NULL OR p.model = ?2 COLLATE NOCASE)"
        " AND (?3 IS NULL OR v.version = ?3)"
        " ORDER BY p.manufacturer, p.model, v.version, f.vuln_id,"
        " COALESCE(f.vex_status, 'affected') = 'affected' DESC, f.id";

struct export
{
	struct tplc_advisory *adv; /* in its own arena */
	struct tplc_vuln *vulns;   /* heap while collecting */
	size_t vuln_count, vuln_cap;
	struct tplc_affected *affected; /* heap while collecting */
	size_t affected_count, affected_cap;
	const char *version; /* scope, or NULL */
};

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

static const char *dup(struct export *x, const char *s, int *error)
{
	char *copy;

	if (s == NULL || *error != 0)
		return NULL;
	copy = tplx_arena_strdup(x->adv->arena, s);
	if (copy == NULL)
		*error = TPLC_ENOMEM;
	return copy;
}

static int grow(void **vec, size_t count, size_t *cap, size_t size)
{
	void *p;

	if (count < *cap)
		return 0;
	p = tplx_reallocarray(*vec, *cap ? *cap * 2 : 16, size);
	if (p == NULL)
		return TPLC_ENOMEM;
	*vec = p;
	*cap = *cap ? *cap * 2 : 16;
	return 0;
}

static int vuln_index(struct export *x, const char *id, size_t *index)
{
	void *vec = x->vulns;
	int error = 0;
	size_t i;

	for (i = 0; i < x->vuln_count; i++)
		if (strcmp(x->vulns[i].id, id) == 0) {
			*index = i;
			return 0;
		}
	if (grow(&vec, x->vuln_count, &x->vuln_cap, sizeof(*x->vulns)) != 0)
		return TPLC_ENOMEM;
	x->vulns = vec;
	memset(&x->vulns[x->vuln_count], 0, sizeof(*x->vulns));
	x->vulns[x->vuln_count].cvss_score = -1;
	x->vulns[x->vuln_count].id = dup(x, id, &error);
	*index = x->vuln_count++;
	return error;
}

/* "vers:generic/<version>", the version percent-encoded as vers wants. */
static int one_version(struct export *x, const char *version, const char **out)
{
	static const char hex[] = "0123456789ABCDEF";
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_VERS_MAX);
	const unsigned char *p;
	int error = tplx_buf_adds(&buf, "vers:generic/");

	for (p = (const unsigned char *)version; error == 0 && *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || strchr("<>=!*|%", *p) != NULL)
			error = tplx_buf_addf(&buf, "%%%c%c", hex[*p >> 4],
			                      hex[*p & 15]);
		else
			error = tplx_buf_addc(&buf, (char)*p);
	}
	*out = dup(x, tplx_buf_str(&buf), &error);
	tplx_buf_release(&buf);
	return error;
}

/* Whether a statement's versions reach the version in scope. */
static bool in_scope(const struct export *x, const char *range,
                     const char *range_text)
{
	struct tplc_vers *vers = NULL;
	bool in = false;

	if (x->version == NULL || (range == NULL && range_text == NULL))
		return true;
	if (range == NULL)
		return strcmp(range_text, x->version) == 0;
	if (tplc_vers_parse_lenient(&vers, range, NULL) == 0 &&
	    tplc_vers_contains(&in, vers, x->version, NULL) != 0)
		in = false;
	tplc_vers_free(vers);
	return in;
}

static bool same(const struct tplc_affected *a, const struct tplc_affected *b)
{
	return a->vuln == b->vuln && a->status == b->status &&
	       tplx_streq(a->purl, b->purl) &&
	       tplx_strcaseeq(a->vendor, b->vendor) &&
	       tplx_strcaseeq(a->product, b->product) &&
	       tplx_streq(a->range, b->range) &&
	       tplx_streq(a->range_text, b->range_text);
}

/* One row of either query into a statement; finding rows carry a version
 * and are dropped when an imported statement already says the same. */
static int add_row(struct export *x, sqlite3_stmt *stmt, bool finding)
{
	struct tplc_affected a;
	const char *status = tplc_store__column_text(stmt, 1), *version;
	void *vec = x->affected;
	size_t i;
	int error;

	memset(&a, 0, sizeof(a));
	tplc_status_parse(&a.status, status); /* the schema's CHECK holds */
	error = vuln_index(x, tplc_store__column_text(stmt, 0), &a.vuln);
	a.justification = dup(x, tplc_store__column_text(stmt, 2), &error);
	a.detail = dup(x, tplc_store__column_text(stmt, 3), &error);
	a.remediation = dup(x, tplc_store__column_text(stmt, 4), &error);
	a.fixed_in = dup(x, tplc_store__column_text(stmt, 5), &error);
	a.purl = dup(x, tplc_store__column_text(stmt, 6), &error);
	a.vendor = dup(x, tplc_store__column_text(stmt, 7), &error);
	a.product = dup(x, tplc_store__column_text(stmt, 8), &error);
	a.cpe = dup(x, tplc_store__column_text(stmt, 9), &error);
	version = tplc_store__column_text(stmt, 10);
	if (finding && version != NULL && error == 0)
		error = one_version(x, version, &a.range);
	else if (!finding)
		a.range = dup(x, version, &error);
	a.range_text = dup(x, tplc_store__column_text(stmt, 11), &error);
	if (error != 0)
		return error;
	if (a.purl == NULL && a.product == NULL && a.cpe == NULL)
		return 0; /* an identity the store could not read */
	if (!finding && !in_scope(x, a.range, a.range_text))
		return 0;
	for (i = 0; finding && i < x->affected_count; i++)
		if (same(&x->affected[i], &a))
			return 0;
	if (x->affected_count >= VEX_EXPORT_MAX)
		return TPLC_ELIMIT;
	if (grow(&vec, x->affected_count, &x->affected_cap, sizeof(a)) != 0)
		return TPLC_ENOMEM;
	x->affected = vec;
	x->affected[x->affected_count++] = a;
	return 0;
}

static int run(struct tplc_store *store, struct export *x, const char *sql,
               const struct tplc_vex_scope *scope, bool findings,
               struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long last_pv = -1;
	const char *last_vuln = NULL;
	char *vuln_copy = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, scope ? scope->manufacturer : NULL);
	tplc_store__bind_text(stmt, 2, scope ? scope->model : NULL);
	if (findings)
		tplc_store__bind_text(stmt, 3, scope ? scope->version : NULL);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (findings) { /* the first row per version and vuln */
			long long pv = sqlite3_column_int64(stmt, 12);
			const char *vuln = tplc_store__column_text(stmt, 0);

			if (pv == last_pv && tplx_streq(vuln, last_vuln))
				continue;
			last_pv = pv;
			tplx_free(vuln_copy);
			last_vuln = vuln_copy = tplx_strdup(vuln);
			if (vuln_copy == NULL) {
				error = TPLC_ENOMEM;
				break;
			}
		}
		error = add_row(x, stmt, findings);
	}
	tplx_free(vuln_copy);
	if (error == TPLC_ENOMEM)
		error = nomem(err);
	else if (error == TPLC_ELIMIT)
		error = tplc_error_set(err, TPLC_ELIMIT,
		                       "more than %zu statements to export",
		                       VEX_EXPORT_MAX);
	else if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read statements");
	sqlite3_finalize(stmt);
	return error;
}

/* Copy a heap vector into the arena. */
static void *to_arena(struct export *x, const void *vec, size_t count,
                      size_t size, int *error)
{
	void *p;

	if (count == 0 || *error != 0)
		return NULL;
	p = tplx_arena_array(x->adv->arena, count, size);
	if (p == NULL)
		*error = TPLC_ENOMEM;
	else
		memcpy(p, vec, count * size);
	return p;
}

int tplc_store_vex_statements(struct tplc_store *store,
                              const struct tplc_vex_scope *scope,
                              struct tplc_advisory **out,
                              struct tplc_error *err)
{
	struct tplx_arena *arena = tplx_arena_new();
	struct export x;
	int error = 0;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	if (arena == NULL)
		return nomem(err);
	x.adv = tplx_arena_alloc(arena, sizeof(*x.adv));
	if (x.adv == NULL) {
		tplx_arena_free(arena);
		return nomem(err);
	}
	x.adv->arena = arena;
	x.adv->source = "tplc";
	x.version = scope ? scope->version : NULL;
	error = run(store, &x, imported_sql, scope, false, err);
	if (error == 0)
		error = run(store, &x, findings_sql, scope, true, err);
	x.adv->vulns =
	        to_arena(&x, x.vulns, x.vuln_count, sizeof(*x.vulns), &error);
	x.adv->vuln_count = x.vuln_count;
	x.adv->affected = to_arena(&x, x.affected, x.affected_count,
	                           sizeof(*x.affected), &error);
	x.adv->affected_count = x.affected_count;
	tplx_free(x.vulns);
	tplx_free(x.affected);
	if (error != 0) {
		tplx_arena_free(arena);
		return error == TPLC_ENOMEM ? nomem(err) : error;
	}
	*out = x.adv;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MUD profiles per product and the site's bindings (schema v6:
 * mud_profiles, mud_bindings).  The document is kept as imported and
 * parsed again when used, so a parser fix applies to stored profiles.
 */
#include <string.h>

#include "internal.h"
#include "tplc/ctx.h"
#include "tplc/mud.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/str.h"

#define NAME_LEN 512

static int find_product(struct tplc_store *store, const char *product,
                        long long *id, char *name, struct tplc_error *err)
{
	int error;

	if (tplx_is_blank(product))
		return tplc_error_set(err, TPLC_EINVAL, "name the product");
	error = tplc_store__product_find(store, product, id, name, NAME_LEN,
	                                 err);
	if (error == TPLC_ENOTFOUND)
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "product '%s' is not in the inventory",
		                      product);
	return error;
}

static int store_profile(struct tplc_store *store, long long product_id,
                         const char *text, size_t len,
                         const struct tplc_mud *mud, const char *by,
                         struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO mud_profiles(product_id, url, document, "
	        "systeminfo, supported, imported_by, imported_at) VALUES "
	        "(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(product_id) DO "
	        "UPDATE SET url = excluded.url, document = excluded.document,"
	        " systeminfo = excluded.systeminfo, supported = "
	        "excluded.supported, imported_by = excluded.imported_by, "
	        "imported_at = excluded.imported_at",
	        err);
	if (error != 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_id);
	tplc_store__bind_text(stmt, 2, mud->url);
	sqlite3_bind_text(stmt, 3, text, (int)len, SQLITE_TRANSIENT);
	tplc_store__bind_text(stmt, 4, mud->systeminfo);
	sqlite3_bind_int(stmt, 5, mud->is_supported ? 1 : 0);
	tplc_store__bind_text(stmt, 6, by);
	tplc_store__bind_text(stmt, 7, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err, "storing the profile");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_mud_import(struct tplc_store *store, const char *path,
                          const char *product, const char *by,
                          struct tplc_error *err)
{
	struct tplc_mud *mud = NULL;
	char *text = NULL, name[NAME_LEN], acls[32];
	size_t len = 0;
	long long id;
	int error;

	if (tplx_is_blank(by))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who imports the profile (--by)");
	error = tplx_file_read(&text, &len, path, TPLC_MUD_FILE_MAX, err);
	if (error == 0)
		error = tplc_mud_parse(&mud, text, len, path, err);
	if (error != 0)
		goto out;
	error = tplc_store__import_begin(store, err);
	if (error != 0)
		goto out;
	error = find_product(store, product, &id, name, err);
	if (error == 0)
		error = store_profile(store, id, text, len, mud, by, err);
	snprintf(acls, sizeof(acls), "%zu", mud->acl_count);
	if (error == 0) {
		const char *const detail[] = { "url", mud->url, "acls", acls,
			                       NULL };
		error = tplc_store__audit(store, by, "mud.import", name, detail,
		                          err);
	}
	error = tplc_store__import_end(store, error);
out:
	tplc_mud_free(mud);
	tplx_free(text);
	return error;
}

static int load(struct tplc_store *store, long long product_id,
                struct tplc_mud **out, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	*out = NULL;
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT document FROM mud_profiles "
	                            "WHERE product_id = ?1",
	                            err);
	if (error != 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		error = tplc_mud_parse(
		        out, (const char *)sqlite3_column_text(stmt, 0),
		        (size_t)sqlite3_column_bytes(stmt, 0), "mud_profiles",
		        err);
	else if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "reading the profile");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_mud_profile(struct tplc_store *store, const char *product,
                           struct tplc_mud **out, struct tplc_error *err)
{
	char name[NAME_LEN];
	long long id;
	int error = find_product(store, product, &id, name, err);

	*out = NULL;
	return error != 0 ? error : load(store, id, out, err);
}

int tplc_store_mud_bind(struct tplc_store *store, const char *name,
                        const char *value, const char *product, const char *by,
                        struct tplc_error *err)
{
	struct tplc_mud_addr a;
	sqlite3_stmt *stmt = NULL;
	char pname[NAME_LEN] = "";
	long long id = 0;
	int error;

	if (tplx_is_blank(by))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who sets the binding (--by)");
	if (tplx_is_blank(name) || strlen(name) > TPLC_MUD_STRING_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a binding needs a name");
	if (value == NULL || tplc_mud_addr_parse(value, &a) != 0)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "binding %s: '%s' is no address or prefix", name,
		        value ? value : "");
	error = tplc_store__import_begin(store, err);
	if (error != 0)
		return error;
	if (product != NULL)
		error = find_product(store, product, &id, pname, err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "INSERT OR IGNORE INTO mud_bindings(product_id, name, "
		        "value, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)",
		        err);
	if (error == 0) {
		if (product != NULL)
			sqlite3_bind_int64(stmt, 1, id);
		tplc_store__bind_text(stmt, 2, name);
		tplc_store__bind_text(stmt, 3, value);
		tplc_store__bind_text(stmt, 4, by);
		tplc_store__bind_text(stmt, 5, tplc_ctx_now(store->ctx));
		error = tplc_store__step_done(store, stmt, err,
		                              "storing the binding");
	}
	sqlite3_finalize(stmt);
	if (error == 0) {
		const char *const detail[] = { "value", value, "product",
			                       product ? pname : "*", NULL };
		error = tplc_store__audit(store, by, "mud.bind", name, detail,
		                          err);
	}
	return tplc_store__import_end(store, error);
}

#define BINDINGS_SQL                                                          \
	"SELECT CASE WHEN p.id IS NULL THEN NULL ELSE p.manufacturer || ' ' " \
	"|| p.model END, b.name, b.value, b.set_by, b.set_at"                 \
	" FROM mud_bindings b LEFT JOIN products p ON p.id = b.product_id"

static int each_binding(struct tplc_store *store, sqlite3_stmt *stmt,
                        tplc_mud_binding_cb cb, void *data,
                        struct tplc_error *err)
{
	int error = 0, rc = SQLITE_DONE;

	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		error = cb(tplc_store__column_text(stmt, 0),
		           tplc_store__column_text(stmt, 1),
		           tplc_store__column_text(stmt, 2),
		           tplc_store__column_text(stmt, 3),
		           tplc_store__column_text(stmt, 4), data);
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "reading bindings");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_mud_bindings(struct tplc_store *store, const char *product,
                            tplc_mud_binding_cb cb, void *data,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char name[NAME_LEN];
	long long id = 0;
	int error = 0;

	if (product != NULL)
		error = find_product(store, product, &id, name, err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        BINDINGS_SQL
		        " WHERE ?1 = 0 OR b.product_id IS NULL OR "
		        "b.product_id = ?1 ORDER BY b.name, b.value",
		        err);
	if (error != 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	return each_binding(store, stmt, cb, data, err);
}

/* Bindings collected for one compilation, in the rules' arena. */
struct collect {
	struct tplx_arena *arena;
	struct tplc_mud_binding *items;
	size_t count;
};

static int collect_one(const char *product, const char *name, const char *value,
                       const char *by, const char *at, void *data)
{
	struct collect *c = data;

	(void)product, (void)by, (void)at;
	if (c->count == TPLC_MUD_BINDINGS_MAX)
		return TPLC_ELIMIT;
	c->items[c->count].name = tplx_arena_strdup(c->arena, name);
	c->items[c->count].value = tplx_arena_strdup(c->arena, value);
	if (c->items[c->count].name == NULL || c->items[c->count].value == NULL)
		return TPLC_ENOMEM;
	c->count++;
	return 0;
}

/* The device's product, and its address: the inventory's, else the one
 * the monitor saw. */
static int device_facts(struct tplc_store *store, const char *tag,
                        long long *product_id, char *addr, size_t size,
                        struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc, rows = 0;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT v.product_id, coalesce(d.ip, (SELECT h.ip FROM "
	        "wire_hosts h WHERE h.device_id = d.id AND h.ip IS NOT NULL "
	        "ORDER BY h.last_seen DESC LIMIT 1)) FROM devices d JOIN "
	        "product_versions v ON v.id = d.product_version_id WHERE "
	        "d.asset_tag = ?1",
	        err);
	if (error != 0)
		return error;
	tplc_store__bind_text(stmt, 1, tag);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *ip = tplc_store__column_text(stmt, 1);

		*product_id = sqlite3_column_int64(stmt, 0);
		snprintf(addr, size, "%s", ip ? ip : "");
		rows++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "reading the device");
	sqlite3_finalize(stmt);
	if (error == 0 && rows == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no device with asset tag '%s'", tag);
	else if (error == 0 && rows > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "asset tag '%s' is used at %d sites",
		                       tag, rows);
	return error;
}

int tplc_store_mud_rules(struct tplc_store *store, const char *asset_tag,
                         const struct tplc_mud_compile_opts *opts,
                         struct tplc_mud_rules **out, struct tplc_error *err)
{
	struct tplc_mud *mud = NULL;
	struct tplc_mud_addr device;
	struct collect c;
	sqlite3_stmt *stmt = NULL;
	char addr[64];
	long long pid = 0;
	int error;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(&device, 0, sizeof(device));
	error = device_facts(store, asset_tag, &pid, addr, sizeof(addr), err);
	if (error == 0)
		error = load(store, pid, &mud, err);
	if (error != 0 || mud == NULL)
		goto out;
	if (addr[0] != '\0' && tplc_mud_addr_parse(addr, &device) != 0)
		memset(&device, 0, sizeof(device));
	c.arena = mud->arena;
	c.items = tplx_arena_array(c.arena, TPLC_MUD_BINDINGS_MAX,
	                           sizeof(*c.items));
	if (c.items == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	error = tplc_store__prepare(
	        store, &stmt,
	        BINDINGS_SQL " WHERE b.product_id IS NULL OR b.product_id = ?1"
	                     " ORDER BY b.product_id IS NULL, b.id",
	        err);
	if (error == 0) {
		sqlite3_bind_int64(stmt, 1, pid);
		error = each_binding(store, stmt, collect_one, &c, err);
		if (error == TPLC_ELIMIT || error == TPLC_ENOMEM)
			error = tplc_error_set(err, error,
			                       "more than %d bindings or no "
			                       "memory",
			                       TPLC_MUD_BINDINGS_MAX);
	}
	if (error == 0)
		error = tplc_mud_compile(mud, c.items, c.count, &device, opts,
		                         out, err);
out:
	tplc_mud_free(mud);
	return error;
}

int tplc_store_mud_devices(struct tplc_store *store, const char *stage,
                           tplc_mud_device_cb cb, void *data,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	bool eos = stage != NULL && strcmp(stage, "eos") == 0;
	int error, rc = SQLITE_DONE;

	if (stage != NULL && !eos)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "unknown stage '%s' (eos)", stage);
	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT DISTINCT d.asset_tag FROM devices d JOIN "
	        "product_versions v ON v.id = d.product_version_id JOIN "
	        "mud_profiles m ON m.product_id = v.product_id WHERE ?1 = 0 "
	        "OR (d.eos_date IS NOT NULL AND d.eos_date <= date(?2)) "
	        "ORDER BY d.asset_tag",
	        err);
	if (error != 0)
		return error;
	sqlite3_bind_int(stmt, 1, eos ? 1 : 0);
	tplc_store__bind_text(stmt, 2, tplc_ctx_now(store->ctx));
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		error = cb(tplc_store__column_text(stmt, 0), data);
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "reading devices");
	sqlite3_finalize(stmt);
	return error;
}

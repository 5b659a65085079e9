/* SPDX-License-Identifier: Apache-2.0 */
/* SBOMs: attach a parsed SBOM to a product version. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/str.h"

/*
 * Which product does "--product NAME" mean?  An existing product whose
 * "manufacturer model" is NAME wins; then an explicit manufacturer that
 * NAME starts with; then the first word of NAME.
 */
static int resolve_product(struct tplc_store *store, const char *manufacturer,
                           const char *product, char **out_manufacturer,
                           char **out_model, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *space;
	size_t mlen;
	int error;

	*out_manufacturer = *out_model = NULL;
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT manufacturer, model FROM products"
	                            " WHERE (manufacturer || ' ' || model) = ?1"
	                            " COLLATE NOCASE"
	                            " AND (?2 IS NULL OR manufacturer = ?2)",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, manufacturer);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*out_manufacturer =
		        tplx_strdup(tplc_store__column_text(stmt, 0));
		*out_model = tplx_strdup(tplc_store__column_text(stmt, 1));
		goto done;
	}
	if (manufacturer != NULL) {
		mlen = strlen(manufacturer);
		if (strncasecmp(product, manufacturer, mlen) == 0 &&
		    product[mlen] == ' ' && product[mlen + 1] != '\0')
			product += mlen + 1;
		*out_manufacturer = tplx_strdup(manufacturer);
		*out_model = tplx_strdup(product);
		goto done;
	}
	space = strchr(product, ' ');
	if (space == NULL || space[1] == '\0') {
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "product '%s' is not in the inventory "
		                       "and names no manufacturer: give "
		                       "\"Manufacturer Model\" or "
		                       "--manufacturer",
		                       product);
		goto out;
	}
	*out_manufacturer = tplx_strndup(product, (size_t)(space - product));
	*out_model = tplx_strdup(space + 1);
done:
	if (*out_manufacturer == NULL || *out_model == NULL)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
out:
	sqlite3_finalize(stmt);
	if (error < 0) {
		tplx_free(*out_manufacturer);
		tplx_free(*out_model);
		*out_manufacturer = *out_model = NULL;
	}
	return error;
}

static const char *support_name(enum tplc_support_level level)
{
	switch (level) {
	case TPLC_SUPPORT_MAINTAINED:
		return "maintained";
	case TPLC_SUPPORT_NOT_MAINTAINED:
		return "not-maintained";
	case TPLC_SUPPORT_ABANDONED:
		return "abandoned";
	case TPLC_SUPPORT_UNKNOWN:
		break;
	}
	return "unknown";
}

struct sbom_import {
	struct tplc_store *store;
	sqlite3_stmt *component, *hash, *dependency;
	long long sbom_id;
	struct tplc_import_stats *stats;
};

static int insert_component(struct sbom_import *im,
                            const struct tplc_component *c,
                            struct tplc_error *err)
{
	struct tplc_error purl_err, cpe_err;
	char *key = NULL, *cpe_key = NULL;
	long long id;
	size_t i;
	int error = 0;

	if (c->purl != NULL &&
	    tplc_purl_package_key(&key, c->purl, &purl_err) < 0) {
		if (purl_err.code == TPLC_ENOMEM)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		im->stats->warnings++; /* kept, shown, not matchable */
	}
	/* a CPE we cannot read is kept as written, matched by purl only */
	if (c->cpe != NULL && tplc_cpe_key(&cpe_key, c->cpe, &cpe_err) < 0 &&
	    cpe_err.code == TPLC_ENOMEM) {
		tplc_free(key);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	sqlite3_bind_int64(im->component, 1, im->sbom_id);
	tplc_store__bind_text(im->component, 2, c->ref);
	tplc_store__bind_text(im->component, 3, c->type);
	tplc_store__bind_text(im->component, 4, c->supplier);
	tplc_store__bind_text(im->component, 5, c->group);
	tplc_store__bind_text(im->component, 6, c->name);
	tplc_store__bind_text(im->component, 7, c->version);
	tplc_store__bind_text(im->component, 8, c->purl);
	tplc_store__bind_text(im->component, 9, key);
	tplc_store__bind_text(im->component, 10, c->cpe);
	tplc_store__bind_text(im->component, 11, c->license);
	tplc_store__bind_text(im->component, 12, support_name(c->support));
	tplc_store__bind_text(im->component, 13, c->support_text);
	tplc_store__bind_text(im->component, 14, c->end_of_support);
	tplc_store__bind_text(im->component, 15, c->end_of_support_text);
	tplc_store__bind_text(im->component, 16, cpe_key);
	tplc_free(key);
	tplc_free(cpe_key);
	error = tplc_store__step_done(im->store, im->component, err,
	                              "cannot record component");
	if (error < 0)
		return error;
	id = sqlite3_last_insert_rowid(im->store->db);
	for (i = 0; i < c->hash_count && error == 0; i++) {
		sqlite3_bind_int64(im->hash, 1, id);
		tplc_store__bind_text(im->hash, 2, c->hashes[i].alg);
		tplc_store__bind_text(im->hash, 3, c->hashes[i].value);
		error = tplc_store__step_done(im->store, im->hash, err,
		                              "cannot record hash");
	}
	im->stats->added++;
	return error;
}

static int insert_dependencies(struct sbom_import *im,
                               const struct tplc_sbom *sbom,
                               struct tplc_error *err)
{
	size_t i, j;
	int error = 0;

	for (i = 0; i < sbom->dependency_count && error == 0; i++) {
		const struct tplc_dependency *d = &sbom->dependencies[i];

		for (j = 0; j < d->count && error == 0; j++) {
			sqlite3_bind_int64(im->dependency, 1, im->sbom_id);
			tplc_store__bind_text(im->dependency, 2, d->ref);
			tplc_store__bind_text(im->dependency, 3,
			                      d->depends_on[j]);
			error = tplc_store__step_done(
			        im->store, im->dependency, err,
			        "cannot record dependency");
		}
	}
	return error;
}

static int insert_sbom(struct sbom_import *im, const struct tplc_sbom *sbom,
                       const char *source, long long product_version,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(im->store, &stmt,
	                            "DELETE FROM sboms"
	                            " WHERE product_version_id = ?1",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_version);
	error = tplc_store__step_done(im->store, stmt, err,
	                              "cannot replace the previous SBOM");
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	error = tplc_store__prepare(im->store, &stmt,
	                            "INSERT INTO sboms(product_version_id,"
	                            " format, spec_version, serial, created,"
	                            " author, subject, source, imported_at)"
	                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	                            " ?9)",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_version);
	tplc_store__bind_text(stmt, 2, sbom->format);
	tplc_store__bind_text(stmt, 3, sbom->spec_version);
	tplc_store__bind_text(stmt, 4, sbom->serial);
	tplc_store__bind_text(stmt, 5, sbom->created);
	tplc_store__bind_text(stmt, 6, sbom->author);
	tplc_store__bind_text(stmt, 7, sbom->subject_name);
	tplc_store__bind_text(stmt, 8, source);
	tplc_store__bind_text(stmt, 9, tplc_ctx_now(im->store->ctx));
	error = tplc_store__step_done(im->store, stmt, err,
	                              "cannot record SBOM");
	sqlite3_finalize(stmt);
	im->sbom_id = sqlite3_last_insert_rowid(im->store->db);
	return error;
}

static int audit_sbom(struct tplc_store *store, const char *maker,
                      const char *model, const char *version,
                      const char *source, size_t components,
                      struct tplc_error *err)
{
	char subject[512], count[24];
	const char *detail[] = { "source", source, "components", count, NULL };

	snprintf(subject, sizeof(subject), "%s %s %s", maker, model, version);
	snprintf(count, sizeof(count), "%zu", components);
	return tplc_store__audit(store, NULL, "import.sbom", subject, detail,
	                         err);
}

int tplc_store_import_sbom(struct tplc_store *store,
                           const struct tplc_sbom *sbom, const char *source,
                           const char *manufacturer, const char *product,
                           const char *version, struct tplc_import_stats *stats,
                           struct tplc_error *err)
{
	struct sbom_import im = { store, NULL, NULL, NULL, 0, stats };
	char *maker = NULL, *model = NULL;
	long long product_version;
	size_t i;
	int error;

	memset(stats, 0, sizeof(*stats));
	if (tplx_is_blank(product) || tplx_is_blank(version))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "an SBOM needs a product and a version");
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = resolve_product(store, manufacturer, product, &maker, &model,
	                        err);
	if (error == 0)
		error = tplc_store__product_version(
		        store, maker, model, version, &product_version, err);
	if (error == 0)
		error = insert_sbom(&im, sbom, source, product_version, err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &im.component,
		        "INSERT INTO components(sbom_id, ref, type, supplier,"
		        " grp, name, version, purl, package_key, cpe, license,"
		        " support_level, support_text, end_of_support,"
		        " end_of_support_text, cpe_key) VALUES (?1, ?2, ?3,"
		        " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
		        " ?16)",
		        err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &im.hash,
		        "INSERT OR IGNORE INTO component_hashes(component_id,"
		        " alg, value) VALUES (?1, ?2, ?3)",
		        err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &im.dependency,
		        "INSERT OR IGNORE INTO component_dependencies(sbom_id,"
		        " ref, depends_on) VALUES (?1, ?2, ?3)",
		        err);
	for (i = 0; error == 0 && i < sbom->component_count; i++)
		error = insert_component(&im, &sbom->components[i], err);
	if (error == 0)
		error = insert_dependencies(&im, sbom, err);
	if (error == 0)
		error = audit_sbom(store, maker, model, version, source,
		                   sbom->component_count, err);
	sqlite3_finalize(im.component);
	sqlite3_finalize(im.hash);
	sqlite3_finalize(im.dependency);
	tplx_free(maker);
	tplx_free(model);
	return tplc_store__import_end(store, error);
}

int tplc_store_sboms(struct tplc_store *store, tplc_sbom_cb cb, void *data,
                     struct tplc_error *err)
{
	struct tplc_sbom_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT p.manufacturer, p.model, v.version,"
	        " s.format || COALESCE(' ' || s.spec_version, ''),"
	        " s.created, s.source, s.imported_at,"
	        " (SELECT COUNT(*) FROM components c WHERE c.sbom_id = s.id),"
	        " (SELECT COUNT(*) FROM components c WHERE c.sbom_id = s.id"
	        "   AND c.support_level IN ('not-maintained', 'abandoned')),"
	        " (SELECT COUNT(*) FROM devices d"
	        "   WHERE d.product_version_id = v.id)"
	        " FROM sboms s"
	        " JOIN product_versions v ON v.id = s.product_version_id"
	        " JOIN products p ON p.id = v.product_id"
	        " ORDER BY p.manufacturer, p.model, v.version",
	        err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.manufacturer = tplc_store__column_text(stmt, 0);
		row.model = tplc_store__column_text(stmt, 1);
		row.version = tplc_store__column_text(stmt, 2);
		row.format = tplc_store__column_text(stmt, 3);
		row.created = tplc_store__column_text(stmt, 4);
		row.source = tplc_store__column_text(stmt, 5);
		row.imported_at = tplc_store__column_text(stmt, 6);
		row.components = sqlite3_column_int64(stmt, 7);
		row.unsupported = sqlite3_column_int64(stmt, 8);
		row.devices = sqlite3_column_int64(stmt, 9);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list SBOMs");
	sqlite3_finalize(stmt);
	return error;
}

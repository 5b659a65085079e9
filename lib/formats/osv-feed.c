/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSV as a feed: every record its own advisory (source "osv", id the
 * record's id, so importing a newer copy replaces the older one), read
 * from one record, a JSON array of records (streamed: one record's tree
 * at a time), or a zip of record files as OSV publishes them (all.zip,
 * <ecosystem>/all.zip), whose entries name themselves in errors:
 * "all.zip:GHSA-xxxx.json:3:5: affected[0]: ...".
 */
#include <string.h>

#include "advisory-build.h"
#include "osv.h"
#include "tplc/advisory.h"
#include "util/alloc.h"
#include "util/archive.h"
#include "util/buf.h"
#include "util/json.h"

struct feed {
	struct tplc_osv_parser p;
	tplc_advisory_cb cb;
	void *cbdata;
	size_t records;
};

static int on_record(const struct tplx_json_doc *doc,
                     const struct tplx_json *record,
                     const struct tplx_jpath *path, void *data)
{
	struct feed *f = data;
	struct tplc_advisory *adv = NULL;
	int error;

	f->p.doc = doc;
	f->records++;
	error = tplc_advisory_build_init(&f->p.b, "osv", f->p.err);
	if (error == 0)
		error = tplc_osv_record_read(&f->p, record, path, true);
	if (error == TPLC_ENOMEM)
		tplc_error_set(f->p.err, TPLC_ENOMEM, "out of memory");
	if (error != 0) {
		tplc_advisory_build_abort(&f->p.b);
		return error;
	}
	error = tplc_advisory_build_finish(&f->p.b, &adv);
	if (error == 0)
		error = f->cb(adv, f->cbdata); /* which owns adv now */
	return error;
}

/* One JSON text: a record or an array of them. */
static int each_json(struct feed *f, const char *data, size_t len,
                     const char *source)
{
	size_t before = f->records;
	int error;

	error = tplx_json_each(data, len, source, NULL, on_record, f, f->p.err);
	if (error == 0 && f->records == before)
		error = tplc_error_set_at(f->p.err, TPLC_EPARSE, source, 1, 1,
		                          "(root)", "no OSV records");
	return error;
}

/* "<zip path>:<entry name>"; both are bounded (a path, an entry name). */
#define SOURCE_MAX ((size_t)64 * 1024)

struct zip_walk {
	struct feed *f;
	const char *source;
};

/* One entry of the zip: "<zip>:<entry>" names it in errors. */
static int on_entry(const char *name, const char *data, size_t len,
                    void *cbdata)
{
	struct zip_walk *z = cbdata;
	struct tplx_buf where = TPLX_BUF_INIT(SOURCE_MAX);
	int error;

	if (strlen(name) < 5 || strcmp(name + strlen(name) - 5, ".json") != 0)
		return 0; /* not a record */
	error = tplx_buf_addf(&where, "%s:%s", z->source, name);
	if (error != 0)
		error = tplc_error_set(z->f->p.err, error,
		                       "cannot name entry %s", name);
	if (error == 0)
		error = each_json(z->f, data, len, tplx_buf_str(&where));
	tplx_buf_release(&where);
	return error;
}

int tplc_osv_each(const char *data, size_t len, const char *source,
                  tplc_advisory_cb cb, void *cbdata, struct tplc_error *err)
{
	struct feed f;
	struct zip_walk z = { &f, source };
	int error;

	memset(&f, 0, sizeof(f));
	f.p.err = err;
	f.cb = cb;
	f.cbdata = cbdata;
	if (!tplx_archive_is_zip(data, len)) {
		error = each_json(&f, data, len, source);
	} else {
		error = tplx_archive_each(
		        data, len, source, TPLX_ARCHIVE_ENTRY_MAX,
		        TPLX_ARCHIVE_ENTRIES_MAX, on_entry, &z, err);
		if (error == 0 && f.records == 0)
			error = tplc_error_set_at(err, TPLC_EPARSE, source, 0,
			                          0, NULL,
			                          "no OSV records (*.json) in "
			                          "the zip");
	}
	tplx_free(f.p.events);
	return error;
}

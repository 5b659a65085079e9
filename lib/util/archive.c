/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Archives in memory through libarchive (archive.h says what and why).
 * One buffer, reused for every entry, holds the entry being handed on.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <string.h>

#include "util/alloc.h"
#include "util/archive.h"
#include "util/buf.h"

/* Bytes read from libarchive at a time. */
#define CHUNK ((size_t)64 * 1024)

bool tplx_archive_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

bool tplx_archive_is_gzip(const char *data, size_t len)
{
	return len >= 2 && (unsigned char)data[0] == 0x1f &&
	       (unsigned char)data[1] == 0x8b;
}

static int damaged(struct tplc_error *err, struct archive *a,
                   const char *source, const char *name)
{
	const char *why = archive_error_string(a);

	if (archive_errno(a) == ENOMEM)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, name,
	                         "damaged archive: %s",
	                         why ? why : "unreadable");
}

/* The current entry's bytes into buf (reset first). */
static int read_entry(struct archive *a, struct tplx_buf *buf, char *chunk,
                      const char *source, const char *name,
                      struct tplc_error *err)
{
	la_ssize_t n;
	int error;

	tplx_buf_reset(buf);
	while ((n = archive_read_data(a, chunk, CHUNK)) > 0) {
		error = tplx_buf_add(buf, chunk, (size_t)n);
		if (error == TPLC_ELIMIT)
			return tplc_error_set_at(
			        err, TPLC_ELIMIT, source, 0, 0, name,
			        "entry larger than %zu bytes", buf->max);
		if (error != 0)
			return tplc_error_set(err, error, "out of memory");
	}
	return n < 0 ? damaged(err, a, source, name) : 0;
}

static int walk(const char *data, size_t len, const char *source,
                size_t entry_max, size_t count_max, bool strict,
                tplx_archive_cb cb, void *cbdata, struct tplc_error *err)
{
	struct tplx_buf buf = TPLX_BUF_INIT(entry_max);
	struct archive *a = archive_read_new();
	struct archive_entry *entry;
	char *chunk = tplx_malloc(CHUNK);
	const char *name;
	size_t count = 0;
	int r, error = 0;

	if (a == NULL || chunk == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	archive_read_support_filter_gzip(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_raw(a); /* a single gzip'd file */
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
		error = damaged(err, a, source, NULL);
		goto out;
	}
	while (error == 0) {
		r = archive_read_next_header(a, &entry);
		if (r == ARCHIVE_EOF)
			break;
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			error = damaged(err, a, source, NULL);
			break;
		}
		if (++count > count_max) {
			error = tplc_error_set_at(
			        err, TPLC_ELIMIT, source, 0, 0, NULL,
			        "more than %zu entries", count_max);
			break;
		}
		if (archive_entry_filetype(entry) != AE_IFREG &&
		    archive_entry_filetype(entry) != 0) {
			if (!strict)
				continue; /* folders, links */
			name = archive_entry_pathname(entry);
			error = tplc_error_set_at(
			        err, TPLC_EPARSE, source, 0, 0, NULL,
			        "%.200s: not a regular file (a link, folder "
			        "or device)",
			        name != NULL ? name : "(no name)");
			break;
		}
		name = archive_entry_pathname(entry);
		if (name == NULL)
			name = "data";
		if (strlen(name) > TPLX_ARCHIVE_NAME_MAX) {
			error = tplc_error_set_at(
			        err, TPLC_ELIMIT, source, 0, 0, NULL,
			        "entry name longer than %d bytes",
			        TPLX_ARCHIVE_NAME_MAX);
			break;
		}
		error = read_entry(a, &buf, chunk, source, name, err);
		if (error == 0)
			error = cb(name, tplx_buf_str(&buf), buf.len, cbdata);
	}
out:
	if (a != NULL)
		archive_read_free(a);
	tplx_free(chunk);
	tplx_buf_release(&buf);
	return error;
}

int tplx_archive_each(const char *data, size_t len, const char *source,
                      size_t entry_max, size_t count_max, tplx_archive_cb cb,
                      void *cbdata, struct tplc_error *err)
{
	return walk(data, len, source, entry_max, count_max, false, cb, cbdata,
	            err);
}

int tplx_archive_each_file(const char *data, size_t len, const char *source,
                           size_t entry_max, size_t count_max,
                           tplx_archive_cb cb, void *cbdata,
                           struct tplc_error *err)
{
	return walk(data, len, source, entry_max, count_max, true, cb, cbdata,
	            err);
}

struct single {
	char *data;
	size_t len, count;
	const char *source;
	struct tplc_error *err;
};

static int take_one(const char *name, const char *data, size_t len,
                    void *cbdata)
{
	struct single *s = cbdata;

	if (++s->count > 1)
		return tplc_error_set_at(s->err, TPLC_EPARSE, s->source, 0, 0,
		                         name, "expected one file, found more");
	s->data = tplx_malloc(len + 1);
	if (s->data == NULL)
		return tplc_error_set(s->err, TPLC_ENOMEM, "out of memory");
	memcpy(s->data, data, len + 1);
	s->len = len;
	return 0;
}

int tplx_archive_gunzip(char **out, size_t *out_len, const char *data,
                        size_t len, const char *source, size_t max,
                        struct tplc_error *err)
{
	struct single s = { NULL, 0, 0, source, err };
	int error;

	*out = NULL;
	*out_len = 0;
	if (!tplx_archive_is_gzip(data, len))
		return tplc_error_set_at(err, TPLC_EPARSE, source, 1, 1, NULL,
		                         "not gzip data");
	error = tplx_archive_each(data, len, source, max, 2, take_one, &s, err);
	if (error == 0 && s.data == NULL)
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                          "empty archive");
	if (error != 0) {
		tplx_free(s.data);
		return error;
	}
	*out = s.data;
	*out_len = s.len;
	return 0;
}

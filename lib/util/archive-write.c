/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tar files written through libarchive (archive-write.h).  Bundles are
 * small enough to add each entry whole.
 */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>

#include "util/alloc.h"
#include "util/archive-write.h"
#include "util/str.h"

struct tplx_tar {
	struct archive *a;
	struct archive_entry *entry;
	char *path;
	long long mtime;
};

static int failed(struct tplc_error *err, struct tplx_tar *tar,
                  const char *what)
{
	const char *why = archive_error_string(tar->a);

	return tplc_error_set_at(err, TPLC_EIO, tar->path, 0, 0, NULL,
	                         "cannot %s: %s", what,
	                         why ? why : "write error");
}

int tplx_tar_open(struct tplx_tar **out, const char *path, long long mtime,
                  struct tplc_error *err)
{
	struct tplx_tar *tar;

	*out = NULL;
	tar = tplx_calloc(1, sizeof(*tar));
	if (tar == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tar->a = archive_write_new();
	tar->entry = archive_entry_new();
	tar->path = tplx_strdup(path);
	tar->mtime = mtime;
	if (tar->a == NULL || tar->entry == NULL || tar->path == NULL) {
		tplx_tar_close(tar, TPLC_ENOMEM, err);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	if (archive_write_set_format_pax_restricted(tar->a) != ARCHIVE_OK ||
	    archive_write_open_filename(tar->a, path) != ARCHIVE_OK) {
		int error = failed(err, tar, "create the archive");

		return tplx_tar_close(tar, error, err);
	}
	*out = tar;
	return 0;
}

int tplx_tar_add(struct tplx_tar *tar, const char *name, const void *data,
                 size_t len, struct tplc_error *err)
{
	archive_entry_clear(tar->entry);
	archive_entry_set_pathname(tar->entry, name);
	archive_entry_set_filetype(tar->entry, AE_IFREG);
	archive_entry_set_perm(tar->entry, 0644);
	archive_entry_set_uid(tar->entry, 0);
	archive_entry_set_gid(tar->entry, 0);
	archive_entry_set_mtime(tar->entry, (time_t)tar->mtime, 0);
	archive_entry_set_size(tar->entry, (la_int64_t)len);
	if (archive_write_header(tar->a, tar->entry) != ARCHIVE_OK ||
	    (len > 0 &&
	     archive_write_data(tar->a, data, len) != (la_ssize_t)len))
		return failed(err, tar, "add an entry");
	return 0;
}

int tplx_tar_close(struct tplx_tar *tar, int error, struct tplc_error *err)
{
	if (tar == NULL)
		return error;
	if (tar->a != NULL) {
		if (archive_write_close(tar->a) != ARCHIVE_OK && error == 0)
			error = failed(err, tar, "finish the archive");
		archive_write_free(tar->a);
	}
	if (error != 0 && tar->path != NULL)
		remove(tar->path);
	archive_entry_free(tar->entry);
	tplx_free(tar->path);
	tplx_free(tar);
	return error;
}

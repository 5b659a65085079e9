/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_ARCHIVE_H
#define TPLX_ARCHIVE_H

/*
 * Archives held in memory, on libarchive: the entries of a zip (OSV
 * all.zip), a tar (plain or gzip'd), or one gzip'd file (EPSS), each
 * handed to a callback with its name and bytes.  Only built-in
 * decompressors are enabled (gzip), never ones that run programs.
 * Every entry is unpacked into one buffer of at most entry_max bytes and
 * there are at most count_max entries: a zip bomb stops at the cap with
 * TPLC_ELIMIT, not at the end of memory.  Bytes that are no archive at all
 * are one entry named "data", as they are.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

/* Bytes of one unpacked entry (an OSV record is a few KiB, EPSS ~10 MiB). */
#define TPLX_ARCHIVE_ENTRY_MAX ((size_t)128 * 1024 * 1024)
/* Entries in one archive (OSV all.zip holds some 500,000 records). */
#define TPLX_ARCHIVE_ENTRIES_MAX ((size_t)8 * 1024 * 1024)
/* Bytes of an entry's name. */
#define TPLX_ARCHIVE_NAME_MAX 1024

/*
 * cb gets each regular file's name and bytes (NUL-terminated, valid until
 * cb returns) and returns 0 to go on, or a negative TPLC_E* (err filled)
 * that stops the walk and is returned.
 */
typedef int (*tplx_archive_cb)(const char *name, const char *data, size_t len,
                               void *cbdata);

/*
 * Walk the entries of len bytes of data.  source names the archive in
 * errors ("all.zip: GHSA-x.json: entry larger than ... bytes").  Damaged
 * archives fail with TPLC_EPARSE and libarchive's reason.
 */
int tplx_archive_each(const char *data, size_t len, const char *source,
                      size_t entry_max, size_t count_max, tplx_archive_cb cb,
                      void *cbdata, struct tplc_error *err);

/*
 * The same, for archives that must hold only regular files (a signed
 * bundle): a link, folder or device entry is TPLC_EPARSE naming it, where
 * tplx_archive_each skips it.
 */
int tplx_archive_each_file(const char *data, size_t len, const char *source,
                           size_t entry_max, size_t count_max,
                           tplx_archive_cb cb, void *cbdata,
                           struct tplc_error *err);

/* The magic numbers: zip "PK\3\4", gzip 1f 8b. */
bool tplx_archive_is_zip(const char *data, size_t len);
bool tplx_archive_is_gzip(const char *data, size_t len);

/*
 * One gzip'd file unpacked into *out (NUL-terminated, caller frees with
 * tplx_free), at most max bytes (TPLC_ELIMIT past it).
 */
int tplx_archive_gunzip(char **out, size_t *out_len, const char *data,
                        size_t len, const char *source, size_t max,
                        struct tplc_error *err);

#endif

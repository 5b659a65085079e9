/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_FILE_H
#define TPLX_FILE_H

#include <stddef.h>

#include "tplc/error.h"

/* The largest single document tplc reads whole (SBOM, advisory, CSV). */
#define TPLX_FILE_MAX ((size_t)512 * 1024 * 1024)

/*
 * Read a whole file into a NUL-terminated buffer the caller frees with
 * tplx_free.  Files larger than max fail with TPLC_ELIMIT; a missing or
 * unreadable file with TPLC_ENOINPUT; "-" reads standard input.
 */
int tplx_file_read(char **out, size_t *out_len, const char *path, size_t max,
                   struct tplc_error *err);

/* Nonzero when path names a directory. */
int tplx_file_is_dir(const char *path);

/*
 * Regular files below dir (recursively) whose names end in suffix (NULL
 * for all), sorted by path so imports are reproducible.  The caller frees
 * with tplx_file_list_free.
 */
int tplx_file_list(char ***out, size_t *out_count, const char *dir,
                   const char *suffix, struct tplc_error *err);
void tplx_file_list_free(char **list, size_t count);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_ARCHIVE_WRITE_H
#define TPLX_ARCHIVE_WRITE_H

/*
 * Writing a tar file (POSIX pax, restricted: ustar headers unless a name
 * needs more) on libarchive, entries added whole from memory.  Entries
 * are regular files, mode 0644, owned by 0:0, dated mtime: the same
 * entries give the same bytes.
 */

#include <stddef.h>

#include "tplc/error.h"

struct tplx_tar;

/* Create path (replacing it); TPLC_EIO when it cannot be written. */
int tplx_tar_open(struct tplx_tar **out, const char *path, long long mtime,
                  struct tplc_error *err);
int tplx_tar_add(struct tplx_tar *tar, const char *name, const void *data,
                 size_t len, struct tplc_error *err);
/* Finish and close; when error is nonzero (or closing fails) the file is
 * removed.  Returns error, or the close's failure. */
int tplx_tar_close(struct tplx_tar *tar, int error, struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TEST_H
#define TPLC_TEST_H

/*
 * Shared helpers for the cmocka unit tests.  Conformance data is read in
 * place from ../shared/data (TPLC_SHARED_DATA), never copied.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/*
 * Absolute path of rel below the shared data folder, in a static buffer.
 * When the folder is missing the test is skipped, except under CI, where
 * missing oracles are a failure.
 */
const char *tplt_shared(const char *rel);
/* Read a whole file (test-owned, free with free()); fails the test. */
char *tplt_read_file(const char *path, size_t *len);
/* Print a TAP diagnostic "# conformance: ..." that make check collects. */
void tplt_conformance(const char *fmt, ...)
        __attribute__((format(printf, 1, 2)));
/* Print a TAP diagnostic line. */
void tplt_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Remove a test's SQLite database and its -wal and -shm files. */
void tplt_remove_db(const char *path);

/* Rows in table of the SQLite database at path, read over its own
 * connection (what another process would see); -1 when unreadable. */
long long tplt_count_rows(const char *path, const char *table);

#endif

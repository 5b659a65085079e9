/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_ADVISORY_WRITER_H
#define TPLC_STORE_ADVISORY_WRITER_H

/*
 * The rows of advisories, written through statements prepared once per
 * file (advisories.c).  A writer lives inside an import savepoint and is
 * used by one thread at a time.
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"
#include "tplc/store.h"

struct tplc_store__advisory_writer;

/* stats accumulate over the adds: advisories, vulnerabilities, affected
 * statements and identities kept unread. */
int tplc_store__advisory_writer_open(struct tplc_store__advisory_writer **out,
                                     struct tplc_store *store, const char *file,
                                     struct tplc_import_stats *stats,
                                     struct tplc_error *err);

/* Upsert one advisory: a re-imported one says everything anew. */
int tplc_store__advisory_writer_add(struct tplc_store__advisory_writer *w,
                                    const struct tplc_advisory *advisory,
                                    struct tplc_error *err);

void tplc_store__advisory_writer_close(struct tplc_store__advisory_writer *w);

/* The audit entry of a file's advisories. */
int tplc_store__advisory_audit(struct tplc_store *store, const char *file,
                               size_t count, struct tplc_error *err);

#endif

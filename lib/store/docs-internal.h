/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_DOCS_INTERNAL_H
#define TPLC_STORE_DOCS_INTERNAL_H

/* Shared by docs.c and docs-receipt.c. */

#include <stdbool.h>

#include "internal.h"
#include "tplc/docs.h"

/*
 * Parse a manifest envelope (text, len) into out->manifest and its id
 * (the envelope's SHA-256) into out->id; with verify, check its signature
 * against a key trusted for its manufacturer (id into out->key_id).
 */
int tplc_store__docs_manifest(struct tplc_store *store, const char *text,
                              size_t len, const char *source, bool verify,
                              struct tplc_docs_bundle *out,
                              struct tplc_error *err);

#endif

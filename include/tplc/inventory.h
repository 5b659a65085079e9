/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_INVENTORY_H
#define TPLC_INVENTORY_H

/*
 * The hospital's device inventory, as a CMMS exports it to CSV.  A header
 * row names the columns (matched case-insensitively, ignoring spaces, '_',
 * '-', '/' and '.', against the names and aliases listed in
 * docs/internals/advisories.md); Asset Tag, Manufacturer and Model are
 * required, columns we do not know are listed in unknown_columns.
 *
 * Values are checked and normalised: MAC addresses to aa:bb:cc:dd:ee:ff,
 * IP addresses to their canonical text, dates to YYYY-MM-DD, clinical
 * function to therapy, diagnosis, monitoring, workflow or data.  A bad
 * value fails the whole import with "file:line:col: Column Name: reason".
 *
 * The result lives in one arena; free it with tplc_inventory_free.  data
 * need not outlive it.  On error *out is NULL and nothing leaks.
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

int tplc_inventory_parse_csv(struct tplc_inventory **out, const char *data,
                             size_t len, const char *source,
                             struct tplc_error *err);

#endif

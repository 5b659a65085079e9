/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MATCH_INTERNAL_H
#define TPLC_MATCH_INTERNAL_H

/* Private to lib/match: what a scan prepares once per rule at load time,
 * so that matching itself neither parses ranges nor splits names. */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplc_vers;

/*
 * Parse a vers range once.  A range in a scheme the version engine cannot
 * compare yet is compiled as vers:generic with the same constraints.
 */
int tplc_match__compile_range(struct tplc_vers **out, const char *range,
                              struct tplc_error *err);

/*
 * A name reduced to what matching compares: lowercase alphanumeric words
 * separated by one space (corporate suffixes dropped for vendors).  out
 * needs strlen(name) + 1 bytes: the key is never longer than the name.
 */
void tplc_match__name_key(char *out, const char *name, bool vendor);

/* Keys of tplc_match__name_key: the vendor rule and the product rule. */
bool tplc_match__vendor_keys(const char *manufacturer, const char *vendor);
bool tplc_match__product_keys(const char *model, const char *product);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_LIFECYCLE_BOOK_H
#define TPLC_STORE_LIFECYCLE_BOOK_H

/* Private to lib/store: every product version's inputs to the stage
 * rules, loaded once (lifecycle.c), for readers that judge many devices
 * (findings, lifecycle listings). */

#include "internal.h"
#include "tplc/lifecycle.h"

struct tplc_store__lifebook;

int tplc_store__lifebook_load(struct tplc_store *store,
                              struct tplc_store__lifebook **out,
                              struct tplc_error *err);
void tplc_store__lifebook_free(struct tplc_store__lifebook *book);

/* The stage of product version pv_id (0 or unknown: no milestones) on
 * as_of, with a device's own EOL and EOS dates (NULL when none).
 * The last answer is kept: the same device again costs nothing. */
int tplc_store__lifebook_status(struct tplc_store__lifebook *book,
                                long long pv_id, const char *device_eol,
                                const char *device_eos, const char *as_of,
                                struct tplc_lifecycle_status *out,
                                struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TPLC_H
#define TPLC_TPLC_H

/*
 * libtplc: medical device security across the total product life cycle.
 * This umbrella header includes the whole public API.
 */

#include "tplc/error.h"
#include "tplc/model.h"

/* The library version, "MAJOR.MINOR.PATCH". */
const char *tplc_version(void);

/* Free memory the library handed to the caller (strings and arrays). */
void tplc_free(void *ptr);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TPLC_H
#define TPLC_TPLC_H

/*
 * libtplc: medical device security across the total product life cycle.
 * This umbrella header includes the whole public API.
 */

#include "tplc/advisory.h"
#include "tplc/ctx.h"
#include "tplc/error.h"
#include "tplc/inventory.h"
#include "tplc/match.h"
#include "tplc/model.h"
#include "tplc/purl.h"
#include "tplc/sbom.h"
#include "tplc/store.h"
#include "tplc/vers.h"
#include "tplc/version.h"

/* The library version, "MAJOR.MINOR.PATCH". */
const char *tplc_version(void);

/* Free memory the library handed to the caller (strings and arrays). */
void tplc_free(void *ptr);

#endif

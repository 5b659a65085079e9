/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TPLC_H
#define TPLC_TPLC_H

/*
 * libtplc: medical device security across the total product life cycle.
 * This umbrella header includes the whole public API.
 */

#include "tplc/accept.h"
#include "tplc/advisory.h"
#include "tplc/audit.h"
#include "tplc/cpe.h"
#include "tplc/ctx.h"
#include "tplc/cvss.h"
#include "tplc/dissect.h"
#include "tplc/docs.h"
#include "tplc/error.h"
#include "tplc/flow.h"
#include "tplc/inventory.h"
#include "tplc/lifecycle.h"
#include "tplc/match.h"
#include "tplc/mds2.h"
#include "tplc/model.h"
#include "tplc/monitor.h"
#include "tplc/mud.h"
#include "tplc/notice.h"
#include "tplc/postmarket.h"
#include "tplc/priority.h"
#include "tplc/purl.h"
#include "tplc/raci.h"
#include "tplc/review.h"
#include "tplc/rubric.h"
#include "tplc/sbom-check.h"
#include "tplc/sbom.h"
#include "tplc/siem.h"
#include "tplc/sign.h"
#include "tplc/store.h"
#include "tplc/timeline.h"
#include "tplc/triage.h"
#include "tplc/vers.h"
#include "tplc/version.h"
#include "tplc/vex.h"
#include "tplc/wire.h"

/* The library version, "MAJOR.MINOR.PATCH". */
const char *tplc_version(void);

/* Free memory the library handed to the caller (strings and arrays). */
void tplc_free(void *ptr);

#endif

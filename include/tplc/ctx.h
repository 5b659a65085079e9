/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CTX_H
#define TPLC_CTX_H

/*
 * The context carries what would otherwise be globals: the clock ("today"
 * is set by tests and by --as-of, never read from the system behind the
 * caller's back).  One per thread of work.
 */

#include "tplc/error.h"

struct tplc_ctx;

int tplc_ctx_new(struct tplc_ctx **out);
void tplc_ctx_free(struct tplc_ctx *ctx);

/*
 * Fix the clock: iso is YYYY-MM-DD (midnight UTC) or a full UTC time
 * YYYY-MM-DDTHH:MM:SSZ.  Without it the system clock is used.
 */
int tplc_ctx_set_now(struct tplc_ctx *ctx, const char *iso,
                     struct tplc_error *err);
/* Today, "YYYY-MM-DD" (UTC).  The string lives as long as ctx. */
const char *tplc_ctx_today(struct tplc_ctx *ctx);
/* Now, "YYYY-MM-DDTHH:MM:SSZ" (UTC).  The string lives as long as ctx. */
const char *tplc_ctx_now(struct tplc_ctx *ctx);

/*
 * Who is acting, for the audit trail when a call names nobody itself
 * (imports, scans).  The caller says (the CLI: $TPLC_ACTOR, else the
 * login name); "tplc" until it does.  At most TPLC_CTX_ACTOR_MAX - 1
 * bytes are kept.
 */
#define TPLC_CTX_ACTOR_MAX 128
void tplc_ctx_set_actor(struct tplc_ctx *ctx, const char *actor);
const char *tplc_ctx_actor(struct tplc_ctx *ctx);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tplc/ctx.h"
#include "util/alloc.h"
#include "util/str.h"

struct tplc_ctx {
	int fixed;    /* the clock was set by the caller */
	char now[21]; /* YYYY-MM-DDTHH:MM:SSZ */
	char today[11];
	char actor[TPLC_CTX_ACTOR_MAX]; /* "" until set */
};

int tplc_ctx_new(struct tplc_ctx **out)
{
	*out = tplx_calloc(1, sizeof(**out));
	return *out == NULL ? TPLC_ENOMEM : 0;
}

void tplc_ctx_free(struct tplc_ctx *ctx)
{
	tplx_free(ctx);
}

int tplc_ctx_set_now(struct tplc_ctx *ctx, const char *iso,
                     struct tplc_error *err)
{
	if (tplx_is_iso_date(iso)) {
		snprintf(ctx->now, sizeof(ctx->now), "%.10sT00:00:00Z", iso);
	} else if (strlen(iso) == 20 && iso[19] == 'Z' &&
	           tplx_is_iso_datetime(iso)) {
		memcpy(ctx->now, iso, 20);
		ctx->now[20] = '\0';
	} else {
		return tplc_error_set(err, TPLC_EINVAL,
		                      "'%s' is not a UTC date "
		                      "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)",
		                      iso);
	}
	memcpy(ctx->today, ctx->now, 10);
	ctx->today[10] = '\0';
	ctx->fixed = 1;
	return 0;
}

static void refresh(struct tplc_ctx *ctx)
{
	time_t t;
	struct tm tm;

	if (ctx->fixed)
		return;
	t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(ctx->now, sizeof(ctx->now), "%Y-%m-%dT%H:%M:%SZ", &tm) ==
	            0)
		snprintf(ctx->now, sizeof(ctx->now), "1970-01-01T00:00:00Z");
	memcpy(ctx->today, ctx->now, 10);
	ctx->today[10] = '\0';
}

const char *tplc_ctx_today(struct tplc_ctx *ctx)
{
	refresh(ctx);
	return ctx->today;
}

const char *tplc_ctx_now(struct tplc_ctx *ctx)
{
	refresh(ctx);
	return ctx->now;
}

void tplc_ctx_set_actor(struct tplc_ctx *ctx, const char *actor)
{
	snprintf(ctx->actor, sizeof(ctx->actor), "%s",
	         actor != NULL ? actor : "");
}

const char *tplc_ctx_actor(struct tplc_ctx *ctx)
{
	return ctx->actor[0] != '\0' ? ctx->actor : "tplc";
}

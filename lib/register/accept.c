/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The pure rules of risk acceptance (tplc/accept.h): the residual risk
 * and status names, the expiry limit and the tally of votes.
 */
#include <stdio.h>
#include <string.h>

#include "tplc/accept.h"
#include "util/date.h"
#include "util/str.h"

static const char *const residuals[] = { "low", "medium", "high", "critical" };
static const char *const statuses[] = { "pending", "approved", "rejected",
	                                "expired", "withdrawn" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *tplc_accept_residual_name(enum tplc_accept_residual r)
{
	return (size_t)r < COUNT(residuals) ? residuals[r] : "?";
}

int tplc_accept_residual_parse(const char *s)
{
	for (size_t i = 0; s && i < COUNT(residuals); i++)
		if (tplx_strcaseeq(s, residuals[i]))
			return (int)i;
	return -1;
}

const char *tplc_accept_status_name(enum tplc_accept_status s)
{
	return (size_t)s < COUNT(statuses) ? statuses[s] : "?";
}

int tplc_accept_status_parse(const char *s)
{
	for (size_t i = 0; s && i < COUNT(statuses); i++)
		if (tplx_strcaseeq(s, statuses[i]))
			return (int)i;
	return -1;
}

void tplc_accept_expiry_limit(char out[11], const char *today, bool kev)
{
	if (kev)
		tplx_date_add_days(out, today, TPLC_ACCEPT_KEV_MAX_DAYS);
	else
		tplx_date_add_years(out, today, TPLC_ACCEPT_MAX_YEARS);
}

int tplc_accept_expiry_check(const char *expires, const char *today, bool kev,
                             struct tplc_error *err)
{
	char limit[TPLX_DATE_SIZE];

	if (expires == NULL || !tplx_date_only(expires))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "expiry %.32s: not a date (YYYY-MM-DD)",
		                      expires ? expires : "(none)");
	if (!tplx_date_only(today))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "today %.32s: not a date (YYYY-MM-DD)",
		                      today);
	if (strcmp(expires, today) <= 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "expiry %s is not after today (%s)",
		                      expires, today);
	tplc_accept_expiry_limit(limit, today, kev);
	if (strcmp(expires, limit) <= 0)
		return 0;
	if (kev)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "expiry %s: a known exploited (KEV) "
		                      "vulnerability is accepted for at most "
		                      "%d days: %s at the latest",
		                      expires, TPLC_ACCEPT_KEV_MAX_DAYS, limit);
	return tplc_error_set(err, TPLC_EINVAL,
	                      "expiry %s: an acceptance runs at most %d "
	                      "months: %s at the latest",
	                      expires, 12 * TPLC_ACCEPT_MAX_YEARS, limit);
}

enum tplc_accept_status tplc_accept_tally(size_t approvals, size_t rejections,
                                          size_t quorum)
{
	if (rejections > 0)
		return TPLC_ACCEPT_REJECTED;
	/* a quorum of 0 never happens (the body needs 1..M); it must not
	 * approve anything by itself */
	if (quorum > 0 && approvals >= quorum)
		return TPLC_ACCEPT_APPROVED;
	return TPLC_ACCEPT_PENDING;
}

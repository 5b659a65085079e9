/* SPDX-License-Identifier: Apache-2.0 */
/*
 * datetime: RFC 3339 timestamps ordered by the instant they name, so
 * "2024-01-01T00:00:00Z" equals "2023-12-31T19:00:00-05:00".  As the
 * vers spec asks, 'T' and 'Z' must be uppercase.
 */
#include <string.h>

#include "ident.h"

struct instant {
	long long seconds; /* since 1970-01-01T00:00:00Z */
	const char *frac;  /* fraction digits, trailing zeros dropped */
	size_t frac_len;
};

static bool digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (!tplc_ident__digit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long long days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int parse(const char *s, struct instant *t, struct tplc_error *err)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30,
		                     31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	const char *p;

	if (strlen(s) < 20 || !digits(s, 4, &y) || s[4] != '-' ||
	    !digits(s + 5, 2, &mo) || s[7] != '-' || !digits(s + 8, 2, &d) ||
	    !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi) ||
	    s[16] != ':' || !digits(s + 17, 2, &sec))
		return tplc_ident__bad_version(err, "datetime", s,
		                               "expected YYYY-MM-DDTHH:MM:SS");
	if (s[10] != 'T')
		return tplc_ident__bad_version(err, "datetime", s,
		                               "date and time must be "
		                               "separated by uppercase T");
	if (mo < 1 || mo > 12 || d < 1 ||
	    d > mdays[mo - 1] + (mo == 2 && leap(y)) || h > 23 || mi > 59 ||
	    sec > 60)
		return tplc_ident__bad_version(err, "datetime", s,
		                               "no such date or time");
	p = s + 19;
	t->frac = p;
	t->frac_len = 0;
	if (*p == '.') {
		t->frac = ++p;
		while (tplc_ident__digit(*p))
			p++;
		t->frac_len = (size_t)(p - t->frac);
		if (t->frac_len == 0)
			return tplc_ident__bad_version(err, "datetime", s,
			                               "empty fraction");
		while (t->frac_len > 0 && t->frac[t->frac_len - 1] == '0')
			t->frac_len--;
	}
	if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		if (!digits(p + 1, 2, &oh) || p[3] != ':' ||
		    !digits(p + 4, 2, &om) || p[6] != '\0' || oh > 23 ||
		    om > 59)
			return tplc_ident__bad_version(err, "datetime", s,
			                               "bad UTC offset");
	} else if (*p != 'Z' || p[1] != '\0') {
		return tplc_ident__bad_version(err, "datetime", s,
		                               "expected Z (uppercase) or "
		                               "an offset");
	}
	t->seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	             sec - sign * (oh * 3600 + om * 60);
	return 0;
}

int tplc_ident__cmp_datetime(int *out, const char *a, const char *b,
                             struct tplc_error *err)
{
	struct instant ta, tb;
	int error;

	if ((error = parse(a, &ta, err)) != 0 ||
	    (error = parse(b, &tb, err)) != 0)
		return error;
	if (ta.seconds != tb.seconds)
		*out = ta.seconds < tb.seconds ? -1 : 1;
	else /* fractions without trailing zeros compare as strings */
		*out = tplc_ident__strncmp2(ta.frac, ta.frac_len, tb.frac,
		                            tb.frac_len);
	return 0;
}

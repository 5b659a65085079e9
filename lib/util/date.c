/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Calendar arithmetic on YYYY-MM-DD: Howard Hinnant's days-from-civil
 * and back, so no libc time zone ever gets involved.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool split(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || !digits(s, 4, y) || s[4] != '-' ||
	    !digits(s + 5, 2, m) || s[7] != '-' || !digits(s + 8, 2, d))
		return false;
	if (s[10] != '\0' && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return false;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= month_days(*y, *m);
}

bool tplx_date_valid(const char *text)
{
	int y, m, d;

	return split(text, &y, &m, &d);
}

bool tplx_date_only(const char *text)
{
	return text != NULL && strlen(text) == 10 && tplx_date_valid(text);
}

static long from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long tplx_date_days(const char *date)
{
	int y, m, d;

	if (!split(date, &y, &m, &d))
		return 0;
	return from_civil(y, m, d);
}

void tplx_date_from_days(char out[TPLX_DATE_SIZE], long days)
{
	long z = days + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	/* the moduli only tell the compiler the widths */
	snprintf(out, TPLX_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
	         (unsigned)m % 13u, (unsigned)d % 32u);
}

void tplx_date_add_years(char out[TPLX_DATE_SIZE], const char *date, int years)
{
	int y, m, d;

	if (!split(date, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	y += years;
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	if (d > month_days(y, m))
		d = month_days(y, m);
	snprintf(out, TPLX_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
	         (unsigned)m % 13u, (unsigned)d % 32u);
}

void tplx_date_add_days(char out[TPLX_DATE_SIZE], const char *date, long days)
{
	tplx_date_from_days(out, tplx_date_days(date) + days);
}

long tplx_date_diff(const char *a, const char *b)
{
	return tplx_date_days(b) - tplx_date_days(a);
}

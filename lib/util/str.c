/* SPDX-License-Identifier: Apache-2.0 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "str.h"

bool tplx_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

bool tplx_strcaseeq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcasecmp(a, b) == 0;
}

bool tplx_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool tplx_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

char *tplx_trim(char *s)
{
	size_t len;
	char *start = s;

	while (is_space(*start))
		start++;
	len = strlen(start);
	while (len > 0 && is_space(start[len - 1]))
		len--;
	memmove(s, start, len);
	s[len] = '\0';
	return s;
}

bool tplx_is_blank(const char *s)
{
	if (s == NULL)
		return true;
	while (*s != '\0') {
		if (!is_space(*s))
			return false;
		s++;
	}
	return true;
}

int tplx_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0' || is_space(*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int tplx_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0' || is_space(*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static bool digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool tplx_is_iso_date(const char *s)
{
	int month, day;

	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return false;
	month = two(s + 5);
	day = two(s + 8);
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM) */
bool tplx_is_iso_datetime(const char *s)
{
	char date[11];
	const char *p;

	if (strlen(s) < 20)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!tplx_is_iso_date(date) || (s[10] != 'T' && s[10] != 't'))
		return false;
	p = s + 11;
	if (!digits(p, 2) || p[2] != ':' || !digits(p + 3, 2) || p[5] != ':' ||
	    !digits(p + 6, 2))
		return false;
	if (two(p) > 23 || two(p + 3) > 59 || two(p + 6) > 60)
		return false;
	p += 8;
	if (*p == '.') {
		p++;
		if (!digits(p, 1))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'Z' || *p == 'z')
		return p[1] == '\0';
	if ((*p == '+' || *p == '-') && digits(p + 1, 2) && p[3] == ':' &&
	    digits(p + 4, 2))
		return p[6] == '\0';
	return false;
}

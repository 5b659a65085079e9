/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_DATE_H
#define TPLX_DATE_H

/* Calendar days written YYYY-MM-DD (UTC, proleptic Gregorian).  Dates
 * compare as strings; these do the arithmetic. */

#include <stdbool.h>

#define TPLX_DATE_SIZE 11

/* True for a real calendar day in the first 10 bytes of text (a time may
 * follow: "2026-02-29" is false, "2024-02-29T10:00:00Z" true). */
bool tplx_date_valid(const char *text);
/* True for exactly "YYYY-MM-DD", a real calendar day, nothing after. */
bool tplx_date_only(const char *text);
/* Days since 1970-01-01 of a valid date. */
long tplx_date_days(const char *date);
/* The date of a day number, into out. */
void tplx_date_from_days(char out[TPLX_DATE_SIZE], long days);
/* date + years calendar years; Feb 29 becomes Feb 28 in a common year. */
void tplx_date_add_years(char out[TPLX_DATE_SIZE], const char *date, int years);
void tplx_date_add_days(char out[TPLX_DATE_SIZE], const char *date, long days);
/* Days from a to b (b - a). */
long tplx_date_diff(const char *a, const char *b);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_CSV_H
#define TPLX_CSV_H

/*
 * The one CSV reader (RFC 4180) every CSV parser shares: quoted fields with
 * "" escapes, CRLF or LF line ends, newlines inside quotes, a leading UTF-8
 * BOM skipped.  Each field remembers the line and column where it starts,
 * so a parser that dislikes a value reports it through tplx_csv_fail as
 * "inventory.csv:12:27: MAC Address: malformed MAC address".
 *
 * Lines that are completely empty are skipped (an export's trailing blank
 * lines, paragraphs between blocks); a row of empty fields (",,,") is not.
 * Bytes must be UTF-8 without NUL: the records end up in a database and in
 * JSON output.
 *
 *	struct tplx_csv csv;
 *	const struct tplx_csv_field *f;
 *	size_t n;
 *
 *	tplx_csv_init(&csv, data, len, "inventory.csv");
 *	while ((error = tplx_csv_next(&csv, &f, &n, err)) > 0)
 *		... f[0].text ... f[n - 1].text ...
 *	tplx_csv_release(&csv);
 */

#include <stddef.h>

#include "tplc/error.h"

/* Bytes in one field after unquoting; longer fields fail (TPLC_ELIMIT). */
#define TPLX_CSV_FIELD_MAX ((size_t)1024 * 1024)
/* Fields in one row. */
#define TPLX_CSV_COLUMNS_MAX ((size_t)1024)

struct tplx_csv_field {
	const char *text; /* unquoted, NUL-terminated; valid until next row */
	size_t len;
	unsigned long line;   /* 1-based line where the field starts */
	unsigned long column; /* 1-based byte column of its first character
	                       * (the opening quote when quoted) */
	int quoted;           /* nonzero when written in quotes */
};

struct tplx_csv {
	const char *data; /* borrowed */
	size_t len;
	size_t pos;
	const char *source; /* name used in errors, borrowed */
	unsigned long line;
	size_t line_start; /* offset of the current line's first byte */
	size_t columns;    /* required fields per row; 0 = any */
	unsigned long row_line;
	struct tplx_csv_field *fields; /* heap, one row */
	size_t count, cap;
	char *text; /* heap: the row's unquoted fields, NUL-separated */
	size_t text_len, text_cap;
};

/* Start reading len bytes of data; nothing is allocated yet. */
void tplx_csv_init(struct tplx_csv *csv, const char *data, size_t len,
                   const char *source);
/* Free what the reader holds; it can be released twice. */
void tplx_csv_release(struct tplx_csv *csv);

/*
 * Every later row must have exactly n fields (0: any count), else
 * tplx_csv_next fails with "expected n fields, found m".  Callers set it
 * from their header row.
 */
void tplx_csv_set_columns(struct tplx_csv *csv, size_t n);

/*
 * Read the next row: 1 with *fields and *count set, 0 at the end of the
 * input, or a negative code with err located at the offending byte
 * (TPLC_EPARSE, TPLC_ELIMIT, TPLC_ENOMEM).
 */
int tplx_csv_next(struct tplx_csv *csv, const struct tplx_csv_field **fields,
                  size_t *count, struct tplc_error *err);

/* Line where the last row returned starts. */
unsigned long tplx_csv_row_line(const struct tplx_csv *csv);

/*
 * Record a TPLC_EPARSE error located at field (at the row start when field
 * is NULL) with path (the column's header name, may be NULL); returns
 * TPLC_EPARSE.
 */
int tplx_csv_fail(const struct tplx_csv *csv,
                  const struct tplx_csv_field *field, const char *path,
                  struct tplc_error *err, const char *fmt, ...)
        TPLC_PRINTF(5, 6);

#endif

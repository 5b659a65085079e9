/* SPDX-License-Identifier: Apache-2.0 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "csv.h"

/*
 * One pass over the bytes, one row at a time.  A row's unquoted fields are
 * appended to one heap buffer, each followed by a NUL; the field pointers
 * are set once the row is complete, because the buffer may move while it
 * grows.
 */

void tplx_csv_init(struct tplx_csv *csv, const char *data, size_t len,
                   const char *source)
{
	memset(csv, 0, sizeof(*csv));
	csv->data = data;
	csv->len = len;
	csv->source = source;
	csv->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		csv->pos = csv->line_start = 3; /* invisible: not a column */
}

void tplx_csv_release(struct tplx_csv *csv)
{
	tplx_free(csv->fields);
	tplx_free(csv->text);
	csv->fields = NULL;
	csv->text = NULL;
	csv->count = csv->cap = 0;
	csv->text_len = csv->text_cap = 0;
}

void tplx_csv_set_columns(struct tplx_csv *csv, size_t n)
{
	csv->columns = n;
}

unsigned long tplx_csv_row_line(const struct tplx_csv *csv)
{
	return csv->row_line;
}

static unsigned long column_of(const struct tplx_csv *csv, size_t pos)
{
	return (unsigned long)(pos - csv->line_start) + 1;
}

static int fail_at(const struct tplx_csv *csv, int code, unsigned long line,
                   unsigned long column, struct tplc_error *err,
                   const char *message)
{
	return tplc_error_set_at(err, code, csv->source, line, column, NULL,
	                         "%s", message);
}

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

int tplx_csv_fail(const struct tplx_csv *csv,
                  const struct tplx_csv_field *field, const char *path,
                  struct tplc_error *err, const char *fmt, ...)
{
	char message[TPLC_ERROR_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return tplc_error_set_at(err, TPLC_EPARSE, csv->source,
	                         field ? field->line : csv->row_line,
	                         field ? field->column : 1, path, "%s",
	                         message);
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t avail)
{
	size_t n, i;
	unsigned int cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1fu;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		cp = p[0] & 0x0fu;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07u;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static int text_add(struct tplx_csv *csv, const char *s, size_t n,
                    size_t field_start, struct tplc_error *err,
                    const struct tplx_csv_field *f)
{
	if (f != NULL && csv->text_len - field_start + n > TPLX_CSV_FIELD_MAX)
		return tplc_error_set_at(
		        err, TPLC_ELIMIT, csv->source, f->line, f->column, NULL,
		        "field longer than %zu bytes", TPLX_CSV_FIELD_MAX);
	if (csv->text_len + n + 1 > csv->text_cap) {
		size_t cap = csv->text_cap ? csv->text_cap : 256;
		char *p;

		while (cap < csv->text_len + n + 1)
			cap *= 2;
		p = tplx_realloc(csv->text, cap);
		if (p == NULL)
			return nomem(err);
		csv->text = p;
		csv->text_cap = cap;
	}
	memcpy(csv->text + csv->text_len, s, n);
	csv->text_len += n;
	return 0;
}

/* Consume one line end at pos (CRLF, LF or a lone CR), if any. */
static int eat_newline(struct tplx_csv *csv)
{
	const char *d = csv->data;

	if (csv->pos >= csv->len ||
	    (d[csv->pos] != '\n' && d[csv->pos] != '\r'))
		return 0;
	if (d[csv->pos] == '\r' && csv->pos + 1 < csv->len &&
	    d[csv->pos + 1] == '\n')
		csv->pos++;
	csv->pos++;
	csv->line++;
	csv->line_start = csv->pos;
	return 1;
}

/* One ordinary byte or UTF-8 sequence at pos: append it or fail. */
static int take_char(struct tplx_csv *csv, size_t field_start,
                     const struct tplx_csv_field *f, struct tplc_error *err)
{
	const unsigned char *p = (const unsigned char *)csv->data + csv->pos;
	size_t n;
	int error;

	if (*p == '\0')
		return fail_at(csv, TPLC_EPARSE, csv->line,
		               column_of(csv, csv->pos), err,
		               "NUL byte in field");
	n = utf8_len(p, csv->len - csv->pos);
	if (n == 0)
		return fail_at(csv, TPLC_EPARSE, csv->line,
		               column_of(csv, csv->pos), err, "invalid UTF-8");
	error = text_add(csv, csv->data + csv->pos, n, field_start, err, f);
	csv->pos += n;
	return error;
}

static int read_quoted(struct tplx_csv *csv, const struct tplx_csv_field *f,
                       size_t field_start, struct tplc_error *err)
{
	const char *d = csv->data;
	int error;

	csv->pos++; /* the opening quote */
	for (;;) {
		if (csv->pos >= csv->len)
			return fail_at(csv, TPLC_EPARSE, f->line, f->column,
			               err, "unterminated quoted field");
		if (d[csv->pos] == '"') {
			if (csv->pos + 1 < csv->len && d[csv->pos + 1] == '"') {
				error = text_add(csv, "\"", 1, field_start, err,
				                 f);
				csv->pos += 2;
			} else {
				csv->pos++;
				break;
			}
		} else if (d[csv->pos] == '\n' || d[csv->pos] == '\r') {
			/* a newline in a value is kept as LF */
			eat_newline(csv);
			error = text_add(csv, "\n", 1, field_start, err, f);
		} else {
			error = take_char(csv, field_start, f, err);
		}
		if (error != 0)
			return error;
	}
	if (csv->pos < csv->len && d[csv->pos] != ',' && d[csv->pos] != '\n' &&
	    d[csv->pos] != '\r')
		return fail_at(csv, TPLC_EPARSE, csv->line,
		               column_of(csv, csv->pos), err,
		               "stray character after closing quote");
	return 0;
}

static int read_plain(struct tplx_csv *csv, const struct tplx_csv_field *f,
                      size_t field_start, struct tplc_error *err)
{
	const char *d = csv->data;
	int error;

	while (csv->pos < csv->len && d[csv->pos] != ',' &&
	       d[csv->pos] != '\n' && d[csv->pos] != '\r') {
		if (d[csv->pos] == '"')
			return fail_at(csv, TPLC_EPARSE, csv->line,
			               column_of(csv, csv->pos), err,
			               "stray quote in unquoted field");
		error = take_char(csv, field_start, f, err);
		if (error != 0)
			return error;
	}
	return 0;
}

static int push_field(struct tplx_csv *csv, const struct tplx_csv_field *f,
                      struct tplc_error *err)
{
	if (csv->count == TPLX_CSV_COLUMNS_MAX)
		return tplc_error_set_at(
		        err, TPLC_ELIMIT, csv->source, f->line, f->column, NULL,
		        "more than %zu fields in a row", TPLX_CSV_COLUMNS_MAX);
	if (csv->count == csv->cap) {
		size_t cap = csv->cap ? csv->cap * 2 : 16;
		struct tplx_csv_field *p =
		        tplx_reallocarray(csv->fields, cap, sizeof(*p));

		if (p == NULL)
			return nomem(err);
		csv->fields = p;
		csv->cap = cap;
	}
	csv->fields[csv->count++] = *f;
	return 0;
}

static int check_columns(const struct tplx_csv *csv, struct tplc_error *err)
{
	const struct tplx_csv_field *f;

	if (csv->columns == 0 || csv->count == csv->columns)
		return 0;
	f = csv->count > csv->columns ? &csv->fields[csv->columns] : NULL;
	return tplc_error_set_at(err, TPLC_EPARSE, csv->source,
	                         f ? f->line : csv->row_line, f ? f->column : 1,
	                         NULL, "expected %zu fields, found %zu",
	                         csv->columns, csv->count);
}

int tplx_csv_next(struct tplx_csv *csv, const struct tplx_csv_field **fields,
                  size_t *count, struct tplc_error *err)
{
	struct tplx_csv_field f;
	size_t i, field_start;
	char *p;
	int error;

	*fields = NULL;
	*count = 0;
	csv->count = 0;
	csv->text_len = 0;
	while (eat_newline(csv))
		; /* empty lines */
	if (csv->pos >= csv->len)
		return 0;
	csv->row_line = csv->line;
	for (;;) {
		memset(&f, 0, sizeof(f));
		f.line = csv->line;
		f.column = column_of(csv, csv->pos);
		field_start = csv->text_len;
		if (csv->pos < csv->len && csv->data[csv->pos] == '"') {
			f.quoted = 1;
			error = read_quoted(csv, &f, field_start, err);
		} else {
			error = read_plain(csv, &f, field_start, err);
		}
		if (error == 0) /* the NUL, not counted in the limit */
			error = text_add(csv, "", 1, field_start, err, NULL);
		if (error != 0)
			return error;
		f.len = csv->text_len - 1 - field_start;
		error = push_field(csv, &f, err);
		if (error != 0)
			return error;
		if (csv->pos < csv->len && csv->data[csv->pos] == ',') {
			csv->pos++;
			continue;
		}
		eat_newline(csv);
		break;
	}
	for (i = 0, p = csv->text; i < csv->count; i++) {
		csv->fields[i].text = p;
		p += csv->fields[i].len + 1;
	}
	error = check_columns(csv, err);
	if (error != 0)
		return error;
	*fields = csv->fields;
	*count = csv->count;
	return 1;
}

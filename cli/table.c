/* SPDX-License-Identifier: Apache-2.0 */
#include <string.h>

#include "table.h"
#include "util/alloc.h"

void table_init(struct table *t, size_t columns, const char *const *header)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->columns = columns < TABLE_COLUMNS_MAX ? columns : TABLE_COLUMNS_MAX;
	for (i = 0; i < t->columns; i++)
		t->header[i] = header[i];
}

void table_limit(struct table *t, size_t column, size_t width)
{
	if (column < t->columns)
		t->max_width[column] = width < 4 ? 4 : width;
}

/* Width in characters of UTF-8 text (continuation bytes do not count). */
static size_t text_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

/* Byte length of the first n characters of s. */
static size_t prefix_bytes(const char *s, size_t n)
{
	size_t chars = 0, i;

	for (i = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			if (chars == n)
				break;
			chars++;
		}
	}
	return i;
}

static char *cell_copy(const struct table *t, size_t column, const char *s)
{
	size_t limit = t->max_width[column], cut;
	char *copy;

	if (s == NULL || *s == '\0')
		s = "-";
	if (limit == 0 || text_width(s) <= limit)
		return tplx_strdup(s);
	cut = prefix_bytes(s, limit - 3);
	copy = tplx_malloc(cut + 4);
	if (copy == NULL)
		return NULL;
	memcpy(copy, s, cut);
	memcpy(copy + cut, "...", 4);
	return copy;
}

void table_row(struct table *t, const char *const *cells)
{
	size_t i;

	if (t->failed)
		return;
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **grown = tplx_reallocarray(t->cells, cap * t->columns,
		                                 sizeof(char *));
		if (grown == NULL) {
			t->failed = 1;
			return;
		}
		t->cells = grown;
		t->cap = cap;
	}
	for (i = 0; i < t->columns; i++) {
		char *c = cell_copy(t, i, cells[i]);

		if (c == NULL) {
			while (i-- > 0)
				tplx_free(t->cells[t->rows * t->columns + i]);
			t->failed = 1;
			return;
		}
		t->cells[t->rows * t->columns + i] = c;
	}
	t->rows++;
}

static void print_line(FILE *fp, const size_t *width, size_t columns,
                       const char *const *cells)
{
	size_t i, pad;

	for (i = 0; i < columns; i++) {
		fputs(cells[i], fp);
		if (i + 1 == columns)
			break;
		pad = width[i] - text_width(cells[i]) + 2;
		while (pad-- > 0)
			fputc(' ', fp);
	}
	fputc('\n', fp);
}

void table_print(struct table *t, FILE *fp)
{
	size_t width[TABLE_COLUMNS_MAX] = { 0 }, r, i, w;

	for (i = 0; i < t->columns; i++)
		width[i] = text_width(t->header[i]);
	for (r = 0; r < t->rows; r++)
		for (i = 0; i < t->columns; i++) {
			w = text_width(t->cells[r * t->columns + i]);
			if (w > width[i])
				width[i] = w;
		}
	print_line(fp, width, t->columns, t->header);
	for (r = 0; r < t->rows; r++)
		print_line(fp, width, t->columns,
		           (const char *const *)&t->cells[r * t->columns]);
	if (t->failed)
		fputs("(out of memory: table cut short)\n", fp);
}

void table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->rows * t->columns; i++)
		tplx_free(t->cells[i]);
	tplx_free(t->cells);
	memset(t, 0, sizeof(*t));
}

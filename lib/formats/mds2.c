/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An MDS2 form (ANSI/NEMA HN 1-2019) from CSV or from the manufacturer's
 * workbook.  Both become a grid of cell strings; the grid is read the same
 * way: a header row ("Question ID", "Question", "Answer", "Note") names
 * the columns when there is one, else each row's ID cell is followed by
 * its answer and note.  Rows whose ID cell holds no ID (titles, section
 * headings, notes) are skipped.  Real forms are loose; what we read with a
 * guess is said in a warning, never silently.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "formats/xlsx.h"
#include "tplc/mds2.h"
#include "util/alloc.h"
#include "util/archive.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/str.h"

/* Rows of a CSV form (the real one has some 300). */
#define MDS2_ROWS_MAX 100000
#define NO_COLUMN     ((size_t)-1)

struct grid_row {
	const char *const *cells; /* NULL: an empty row */
	size_t n;
	unsigned long line; /* CSV line or sheet row, 1-based */
};

struct grid {
	const char *sheet; /* NULL for CSV */
	struct grid_row *rows;
	size_t count;
};

struct parse {
	struct tplc_mds2_form *form;
	const char *source;
	tplc_mds2_warn_cb warn;
	void *warn_data;
	size_t cap;
};

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

static const char *cell(const struct grid_row *row, size_t col)
{
	if (row->cells == NULL || col >= row->n)
		return NULL;
	return row->cells[col];
}

/* "line 12" or "Form!A12", for warnings and errors. */
static const char *where(const struct grid *g, const struct grid_row *row,
                         size_t col, char *buf, size_t size)
{
	char ref[24];

	if (g->sheet == NULL)
		snprintf(buf, size, "line %lu", row->line);
	else
		snprintf(buf, size, "%s!%s", g->sheet,
		         tplc_xlsx_ref(row->line - 1, col, ref, sizeof(ref)));
	return buf;
}

static void warn(struct parse *p, const char *fmt, ...) TPLC_PRINTF(2, 3);

static void warn(struct parse *p, const char *fmt, ...)
{
	char msg[512];
	int n;
	va_list ap;

	p->form->warnings++;
	if (p->warn == NULL)
		return;
	n = snprintf(msg, sizeof(msg), "%s: ", p->source);
	if (n < 0 || (size_t)n >= sizeof(msg))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	p->warn(msg, p->warn_data);
}

/* The cell as a catalogue ID (typos corrected) into out; 1 when known,
 * 0 when it looks like an ID but is unknown, -1 when it is none. */
static int known_id(const char *text, char *out, size_t size)
{
	const char *fixed;

	if (text == NULL || tplc_mds2_id_canonical(text, out, size) != 0)
		return -1;
	if (tplc_mds2_catalog_find(out) != NULL)
		return 1;
	fixed = tplc_mds2_id_correct(out);
	if (fixed != NULL)
		return 1;
	return 0;
}

/* ---- columns ----------------------------------------------------------- */

struct columns {
	size_t header; /* row index of the header, or NO_COLUMN */
	size_t id, question, answer, note;
};

static bool contains(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; s != NULL && *s != '\0'; s++)
		if (strncasecmp(s, word, n) == 0)
			return true;
	return false;
}

static bool is_id_header(const char *s)
{
	char t[64];
	size_t n = 0;

	for (; s != NULL && *s != '\0' && n + 1 < sizeof(t); s++)
		if (!isspace((unsigned char)*s) && *s != '#' && *s != '.')
			t[n++] = (char)tolower((unsigned char)*s);
	t[n] = '\0';
	return strcmp(t, "id") == 0 || strcmp(t, "questionid") == 0 ||
	       strcmp(t, "mds2id") == 0 || strcmp(t, "question-id") == 0;
}

/* The header row, when one comes before the first row with an ID. */
static void find_columns(const struct grid *g, struct columns *c)
{
	char id[TPLC_MDS2_ID_MAX];
	size_t r, i, best = 0, counts[TPLC_XLSX_COLUMNS_MAX] = { 0 };

	c->header = c->question = c->answer = c->note = NO_COLUMN;
	c->id = 0;
	for (r = 0; r < g->count; r++) {
		const struct grid_row *row = &g->rows[r];

		for (i = 0; i < row->n; i++)
			if (known_id(cell(row, i), id, sizeof(id)) == 1)
				goto no_header;
		for (i = 0; i < row->n; i++)
			if (is_id_header(cell(row, i)))
				break;
		if (i == row->n)
			continue;
		c->header = r;
		c->id = i;
		for (i = 0; i < row->n; i++) {
			const char *h = cell(row, i);

			if (i == c->id || h == NULL)
				continue;
			if (c->answer == NO_COLUMN &&
			    (contains(h, "answer") || contains(h, "response") ||
			     contains(h, "yes/no")))
				c->answer = i;
			else if (c->note == NO_COLUMN && contains(h, "note"))
				c->note = i;
			else if (c->question == NO_COLUMN &&
			         contains(h, "question"))
				c->question = i;
		}
		if (c->answer == NO_COLUMN)
			c->answer = c->question != NO_COLUMN ? c->question + 1
			                                     : c->id + 1;
		if (c->note == c->answer)
			c->note = NO_COLUMN;
		return;
	}
no_header:
	/* no header: the column holding most IDs, then answer and note */
	for (r = 0; r < g->count; r++)
		for (i = 0; i < g->rows[r].n && i < TPLC_XLSX_COLUMNS_MAX; i++)
			if (known_id(cell(&g->rows[r], i), id, sizeof(id)) == 1)
				counts[i]++;
	for (i = 1; i < TPLC_XLSX_COLUMNS_MAX; i++)
		if (counts[i] > counts[best])
			best = i;
	c->id = best;
	c->answer = best + 1;
	c->note = best + 2;
}

/* ---- answers ----------------------------------------------------------- */

static char *join_note(struct parse *p, const char *a, const char *b)
{
	bool has_a = !tplx_is_blank(a), has_b = !tplx_is_blank(b);

	if (has_a && has_b)
		return tplx_arena_printf(p->form->arena, "%s; %s", a, b);
	if (has_a || has_b)
		return tplx_arena_strdup(p->form->arena, has_a ? a : b);
	return NULL;
}

static char *copy_trimmed(struct parse *p, const char *s)
{
	char *t;

	if (tplx_is_blank(s))
		return NULL;
	t = tplx_arena_strdup(p->form->arena, s);
	return t == NULL ? NULL : tplx_trim(t);
}

static int add_item(struct parse *p, const struct grid *g,
                    const struct grid_row *row, const struct columns *c,
                    const char *id, struct tplc_error *err)
{
	struct tplc_mds2_form *f = p->form;
	struct tplc_mds2_item item = { 0 }, *slot = NULL;
	const char *text = cell(row, c->answer), *note = NULL, *rest;
	char at[96];
	size_t i;

	if (c->note != NO_COLUMN)
		note = cell(row, c->note);
	if ((text != NULL && strlen(text) > TPLC_MDS2_TEXT_MAX) ||
	    (note != NULL && strlen(note) > TPLC_MDS2_TEXT_MAX))
		return tplc_error_set_at(
		        err, TPLC_ELIMIT, p->source, g->sheet ? 0 : row->line,
		        0, where(g, row, c->answer, at, sizeof(at)),
		        "answer longer than %zu bytes", TPLC_MDS2_TEXT_MAX);
	item.line = row->line;
	tplc_mds2_answer_normalise(text, tplc_mds2_free_text(id), &item.answer,
	                           &rest);
	item.id = tplx_arena_strdup(f->arena, id);
	item.text = copy_trimmed(p, text);
	if (item.answer == TPLC_MDS2_TEXT ||
	    item.answer == TPLC_MDS2_UNANSWERED)
		item.note = copy_trimmed(p, note);
	else
		item.note = join_note(p, rest, note);
	if (c->question != NO_COLUMN)
		item.question = copy_trimmed(p, cell(row, c->question));
	if (item.id == NULL)
		return nomem(err);
	for (i = 0; i < f->count; i++)
		if (strcmp(f->items[i].id, id) == 0)
			slot = &f->items[i];
	if (slot != NULL) {
		warn(p, "%s: %s answered twice; the last answer is kept",
		     where(g, row, c->id, at, sizeof(at)), id);
		if (slot->answer == TPLC_MDS2_UNANSWERED)
			f->unanswered--;
	} else {
		if (f->count >= TPLC_MDS2_ANSWERS_MAX)
			return tplc_error_set_at(
			        err, TPLC_ELIMIT, p->source,
			        g->sheet ? 0 : row->line, 0,
			        where(g, row, c->id, at, sizeof(at)),
			        "more than %d answers", TPLC_MDS2_ANSWERS_MAX);
		if (f->count == p->cap) {
			size_t cap = p->cap ? p->cap * 2 : 256;
			struct tplc_mds2_item *items = tplx_reallocarray(
			        f->items, cap, sizeof(*items));

			if (items == NULL)
				return nomem(err);
			f->items = items;
			p->cap = cap;
		}
		slot = &f->items[f->count++];
	}
	*slot = item;
	if (item.answer == TPLC_MDS2_UNANSWERED)
		f->unanswered++;
	if (strcmp(id, "DOC-4") == 0)
		f->document_id = item.text;
	else if (strcmp(id, "DOC-7") == 0)
		f->released = item.text;
	return 0;
}

static int read_grid(struct parse *p, const struct grid *g,
                     struct tplc_error *err)
{
	struct columns c;
	char id[TPLC_MDS2_ID_MAX], at[96];
	const char *fixed;
	size_t r;
	int known, error;

	find_columns(g, &c);
	for (r = c.header == NO_COLUMN ? 0 : c.header + 1; r < g->count; r++) {
		const struct grid_row *row = &g->rows[r];
		const char *text = cell(row, c.id);

		known = known_id(text, id, sizeof(id));
		if (known < 0)
			continue; /* a title, a heading, a blank row */
		if (tplc_mds2_catalog_find(id) == NULL) {
			fixed = tplc_mds2_id_correct(id);
			where(g, row, c.id, at, sizeof(at));
			if (fixed != NULL) {
				warn(p,
				     "%s: %s is not an MDS2 question; read as "
				     "%s",
				     at, id, fixed);
				snprintf(id, sizeof(id), "%s", fixed);
			} else {
				warn(p, "%s: %s is not an MDS2 question; kept",
				     at, id);
			}
		}
		error = add_item(p, g, row, &c, id, err);
		if (error != 0)
			return error;
	}
	return 0;
}

/* ---- CSV and workbook into grids ----------------------------------------- */

static int csv_grid(struct parse *p, const char *data, size_t len,
                    struct grid *g, struct tplc_error *err)
{
	struct tplx_csv csv;
	const struct tplx_csv_field *f;
	struct grid_row *rows;
	size_t n, i, cap = 0;
	int error;

	memset(g, 0, sizeof(*g));
	tplx_csv_init(&csv, data, len, p->source);
	while ((error = tplx_csv_next(&csv, &f, &n, err)) > 0) {
		const char **cells;

		if (g->count >= MDS2_ROWS_MAX) {
			error = tplc_error_set_at(
			        err, TPLC_ELIMIT, p->source, f[0].line, 0, NULL,
			        "more than %d rows", MDS2_ROWS_MAX);
			break;
		}
		if (g->count == cap) {
			cap = cap ? cap * 2 : 512;
			rows = tplx_arena_array(p->form->arena, cap,
			                        sizeof(*rows));
			if (rows == NULL) {
				error = nomem(err);
				break;
			}
			if (g->count > 0)
				memcpy(rows, g->rows, g->count * sizeof(*rows));
			g->rows = rows;
		}
		cells = tplx_arena_array(p->form->arena, n + 1, sizeof(*cells));
		if (cells == NULL) {
			error = nomem(err);
			break;
		}
		for (i = 0; i < n; i++) {
			cells[i] = tplx_arena_strndup(p->form->arena, f[i].text,
			                              f[i].len);
			if (cells[i] == NULL)
				break;
		}
		if (i < n) {
			error = nomem(err);
			break;
		}
		g->rows[g->count].cells = cells;
		g->rows[g->count].n = n;
		g->rows[g->count].line = f[0].line;
		g->count++;
	}
	tplx_csv_release(&csv);
	return error < 0 ? error : 0;
}

static void sheet_grid(const struct tplc_xlsx_sheet *s, struct grid_row *rows,
                       struct grid *g)
{
	size_t r;

	g->sheet = s->name;
	g->rows = rows;
	g->count = s->rows;
	for (r = 0; r < s->rows; r++) {
		rows[r].cells = s->cells[r];
		rows[r].n = s->cells[r] ? s->cols : 0;
		rows[r].line = r + 1;
	}
}

/* The sheet with the most MDS2 IDs in its cells (a workbook also holds
 * instructions, a cover page, a change log). */
static const struct tplc_xlsx_sheet *pick_sheet(const struct tplc_xlsx *book)
{
	const struct tplc_xlsx_sheet *best = NULL;
	char id[TPLC_MDS2_ID_MAX];
	size_t s, r, c, n, most = 0;

	for (s = 0; s < book->count; s++) {
		const struct tplc_xlsx_sheet *sh = &book->sheets[s];

		n = 0;
		for (r = 0; r < sh->rows; r++)
			for (c = 0; c < sh->cols; c++)
				if (known_id(tplc_xlsx_cell(sh, r, c), id,
				             sizeof(id)) == 1)
					n++;
		if (n > most) {
			most = n;
			best = sh;
		}
	}
	return best;
}

static int xlsx_grid(struct parse *p, const char *data, size_t len,
                     struct grid *g, struct tplc_xlsx **book,
                     struct tplc_error *err)
{
	const struct tplc_xlsx_sheet *sheet;
	struct grid_row *rows;
	int error;

	memset(g, 0, sizeof(*g));
	error = tplc_xlsx_read(book, data, len, p->source, err);
	if (error != 0)
		return error;
	sheet = pick_sheet(*book);
	if (sheet == NULL)
		return 0;
	rows = tplx_arena_array(p->form->arena, sheet->rows + 1, sizeof(*rows));
	if (rows == NULL)
		return nomem(err);
	sheet_grid(sheet, rows, g);
	return 0;
}

int tplc_mds2_parse(struct tplc_mds2_form **out, const char *data, size_t len,
                    const char *source, tplc_mds2_warn_cb warn_cb,
                    void *warn_data, struct tplc_error *err)
{
	struct parse p = { NULL, source, warn_cb, warn_data, 0 };
	struct tplc_xlsx *book = NULL;
	struct grid g;
	int error;

	*out = NULL;
	if (len > TPLC_MDS2_FILE_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "larger than %zu bytes",
		                         TPLC_MDS2_FILE_MAX);
	p.form = tplx_calloc(1, sizeof(*p.form));
	if (p.form == NULL)
		return nomem(err);
	p.form->arena = tplx_arena_new();
	if (p.form->arena == NULL) {
		error = nomem(err);
		goto fail;
	}
	if (tplx_archive_is_zip(data, len))
		error = xlsx_grid(&p, data, len, &g, &book, err);
	else
		error = csv_grid(&p, data, len, &g, err);
	if (error == 0)
		error = read_grid(&p, &g, err);
	if (error == 0 && p.form->count == 0)
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                          "no MDS2 question ID found");
	if (error != 0)
		goto fail;
	tplc_xlsx_free(book); /* every string kept is in the form's arena */
	*out = p.form;
	return 0;
fail:
	tplc_xlsx_free(book);
	tplc_mds2_form_free(p.form);
	return error;
}

void tplc_mds2_form_free(struct tplc_mds2_form *form)
{
	if (form == NULL)
		return;
	tplx_free(form->items);
	tplx_arena_free(form->arena);
	tplx_free(form);
}

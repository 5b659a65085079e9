/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Office Open XML workbooks (ECMA-376 SpreadsheetML), read just far enough
 * to give each sheet's cells as strings.  The package is a zip:
 * xl/workbook.xml lists the sheets with a relationship id each,
 * xl/_rels/workbook.xml.rels maps ids to sheet parts, and
 * xl/sharedStrings.xml holds the strings cells refer to by index (plain
 * <si><t> or rich text runs <si><r><t>).  Elements are matched by local
 * name, so transitional and strict namespaces both read.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "formats/xlsx.h"
#include "util/alloc.h"
#include "util/archive.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/str.h"
#include "util/xml.h"

struct reader {
	struct tplc_xlsx *book;
	const struct tplc_xlsx_part *parts;
	size_t part_count;
	const char *source;
	const char **strings; /* shared strings */
	size_t string_count;
	bool *date_style; /* per cell style (cellXfs): shows a date */
	size_t style_count;
	bool date1904; /* serials count from 1904-01-01, not 1900 */
};

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

static bool named(const xmlNode *node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

/* First (or next after prev) element child named name, any namespace. */
static const xmlNode *child(const xmlNode *parent, const char *name)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (named(n, name))
			return n;
	return NULL;
}

static const xmlNode *next(const xmlNode *prev, const char *name)
{
	const xmlNode *n;

	for (n = prev->next; n != NULL; n = n->next)
		if (named(n, name))
			return n;
	return NULL;
}

/* An attribute by local name in any namespace ("r:id"), in the arena. */
static int attr(struct reader *r, const xmlNode *node, const char *name,
                const char **out, struct tplc_error *err)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

	*out = NULL;
	if (v == NULL)
		return 0;
	*out = tplx_arena_strdup(r->book->arena, (const char *)v);
	xmlFree(v);
	return *out == NULL ? nomem(err) : 0;
}

static const struct tplc_xlsx_part *part(struct reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->part_count; i++)
		if (strcmp(r->parts[i].name, name) == 0)
			return &r->parts[i];
	return NULL;
}

/* Parse a part; its name in errors is "book.xlsx: xl/workbook.xml". */
static int parse_part(struct reader *r, const struct tplc_xlsx_part *p,
                      struct tplx_xml_doc **doc, struct tplc_error *err)
{
	const char *source;

	source =
	        tplx_arena_printf(r->book->arena, "%s: %s", r->source, p->name);
	if (source == NULL)
		return nomem(err);
	if (p->len > TPLC_XLSX_PART_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "part larger than %zu bytes",
		                         TPLC_XLSX_PART_MAX);
	return tplx_xml_parse(doc, p->data, p->len, source, err);
}

/* The text of the <t> children of node and of its runs <r><t>; phonetic
 * runs (<rPh>) are readings, not text. */
static int run_text(const struct tplx_xml_doc *doc, const xmlNode *node,
                    struct tplx_buf *buf, struct tplc_error *err)
{
	const xmlNode *n;
	xmlChar *t;
	int error = 0;

	for (n = node->children; error == 0 && n != NULL; n = n->next) {
		if (named(n, "r")) {
			error = run_text(doc, n, buf, err);
			continue;
		}
		if (!named(n, "t"))
			continue;
		t = xmlNodeGetContent(n);
		if (t == NULL)
			return nomem(err);
		error = tplx_buf_adds(buf, (const char *)t);
		xmlFree(t);
		if (error == TPLC_ELIMIT)
			return tplx_xml_fail_code(doc, n, NULL, err,
			                          TPLC_ELIMIT,
			                          "text longer than %zu bytes",
			                          TPLC_XLSX_CELL_MAX);
		if (error != 0)
			return nomem(err);
	}
	return error;
}

static int shared_strings(struct reader *r, struct tplc_error *err)
{
	const struct tplc_xlsx_part *p = part(r, "xl/sharedStrings.xml");
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_XLSX_CELL_MAX);
	struct tplx_xml_doc *doc = NULL;
	const xmlNode *root, *si;
	size_t count, i = 0;
	int error;

	if (p == NULL)
		return 0; /* a workbook of numbers and inline strings only */
	error = parse_part(r, p, &doc, err);
	if (error != 0)
		return error;
	root = tplx_xml_root(doc);
	count = 0;
	for (si = child(root, "si"); si != NULL; si = next(si, "si"))
		count++;
	if (count > TPLC_XLSX_STRINGS_MAX) {
		error = tplx_xml_fail_code(doc, root, NULL, err, TPLC_ELIMIT,
		                           "more than %zu shared strings",
		                           TPLC_XLSX_STRINGS_MAX);
		goto out;
	}
	r->strings = tplx_arena_array(r->book->arena, count + 1,
	                              sizeof(*r->strings));
	if (r->strings == NULL) {
		error = nomem(err);
		goto out;
	}
	for (si = child(root, "si"); si != NULL; si = next(si, "si")) {
		tplx_buf_reset(&buf);
		error = run_text(doc, si, &buf, err);
		if (error != 0)
			goto out;
		r->strings[i] =
		        tplx_arena_strdup(r->book->arena, tplx_buf_str(&buf));
		if (r->strings[i++] == NULL) {
			error = nomem(err);
			goto out;
		}
	}
	r->string_count = count;
out:
	tplx_buf_release(&buf);
	tplx_xml_doc_free(doc);
	return error;
}

/* ---- dates: a number shown through a date format ------------------------- */

/* Built-in date formats (ECMA-376 part 1, 18.8.30) and custom format codes
 * with a day or year outside quotes and brackets. */
static bool date_format(long id, const char *code)
{
	bool quoted = false;
	int bracket = 0;

	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return true;
	for (; code != NULL && *code != '\0'; code++) {
		if (*code == '"')
			quoted = !quoted;
		else if (!quoted && *code == '[')
			bracket++;
		else if (!quoted && *code == ']' && bracket > 0)
			bracket--;
		else if (!quoted && *code == '\\' && code[1] != '\0')
			code++;
		else if (!quoted && bracket == 0 &&
		         strchr("yYdD", *code) != NULL)
			return true;
	}
	return false;
}

/* The number formats a workbook defines: which show dates. */
struct formats {
	long id[TPLC_XLSX_FORMATS_MAX];
	bool date[TPLC_XLSX_FORMATS_MAX];
	size_t count;
};

static int number_formats(struct reader *r, const struct tplx_xml_doc *doc,
                          const xmlNode *fmts, struct formats *out,
                          struct tplc_error *err)
{
	const xmlNode *f;
	const char *id, *code;
	long num;
	int error;

	out->count = 0;
	for (f = fmts ? child(fmts, "numFmt") : NULL; f != NULL;
	     f = next(f, "numFmt")) {
		if (out->count == TPLC_XLSX_FORMATS_MAX)
			return tplx_xml_fail_code(doc, f, NULL, err,
			                          TPLC_ELIMIT,
			                          "more than %d number formats",
			                          TPLC_XLSX_FORMATS_MAX);
		error = attr(r, f, "numFmtId", &id, err);
		if (error == 0)
			error = attr(r, f, "formatCode", &code, err);
		if (error != 0)
			return error;
		if (id == NULL || tplx_parse_long(id, 0, 1L << 30, &num) != 0)
			continue;
		out->id[out->count] = num;
		out->date[out->count++] = date_format(num, code);
	}
	return 0;
}

static int styles(struct reader *r, struct tplc_error *err)
{
	const struct tplc_xlsx_part *p = part(r, "xl/styles.xml");
	struct tplx_xml_doc *doc = NULL;
	struct formats *fmts = NULL;
	const xmlNode *root, *xfs, *n;
	const char *id;
	long num;
	size_t count = 0, i = 0, k;
	int error;

	if (p == NULL)
		return 0;
	error = parse_part(r, p, &doc, err);
	if (error != 0)
		return error;
	root = tplx_xml_root(doc);
	xfs = child(root, "cellXfs");
	for (n = xfs ? child(xfs, "xf") : NULL; n != NULL; n = next(n, "xf"))
		count++;
	if (count > TPLC_XLSX_STYLES_MAX) {
		error = tplx_xml_fail_code(doc, xfs, NULL, err, TPLC_ELIMIT,
		                           "more than %d cell styles",
		                           TPLC_XLSX_STYLES_MAX);
		goto out;
	}
	fmts = tplx_malloc(sizeof(*fmts));
	r->date_style = tplx_arena_array(r->book->arena, count + 1,
	                                 sizeof(*r->date_style));
	if (fmts == NULL || r->date_style == NULL) {
		error = nomem(err);
		goto out;
	}
	error = number_formats(r, doc, child(root, "numFmts"), fmts, err);
	for (n = xfs ? child(xfs, "xf") : NULL; error == 0 && n != NULL;
	     n = next(n, "xf"), i++) {
		error = attr(r, n, "numFmtId", &id, err);
		if (error != 0 || id == NULL ||
		    tplx_parse_long(id, 0, 1L << 30, &num) != 0)
			continue;
		r->date_style[i] = date_format(num, NULL);
		for (k = 0; k < fmts->count; k++)
			if (fmts->id[k] == num)
				r->date_style[i] = fmts->date[k];
	}
	if (error == 0)
		r->style_count = count;
out:
	tplx_free(fmts);
	tplx_xml_doc_free(doc);
	return error;
}

/* A serial day number as YYYY-MM-DD; NULL when out of Excel's range. */
static const char *serial_date(struct reader *r, const char *text)
{
	char date[TPLX_DATE_SIZE];
	double v;
	long days;

	if (tplx_parse_double(text, &v) != 0 || !(v >= 1 && v < 2958466))
		return NULL;
	days = (long)floor(v);
	if (r->date1904)
		days -= 24107; /* 1904-01-01 is day 24107 before 1970 */
	else if (days >= 61)
		days -= 25569; /* 1899-12-30: Lotus counted 1900-02-29 */
	else
		days -= 25568;
	tplx_date_from_days(date, days);
	return tplx_arena_strdup(r->book->arena, date);
}

/*
 * "B12" into 0-based *row, *col; a missing row part keeps *row.  -1 when
 * malformed or past the limits.
 */
static int parse_ref(const char *ref, size_t *row, size_t *col)
{
	size_t c = 0, rw = 0, letters = 0, digits = 0;
	const char *p = ref;

	for (; *p >= 'A' && *p <= 'Z'; p++, letters++) {
		c = c * 26 + (size_t)(*p - 'A' + 1);
		if (c > TPLC_XLSX_COLUMNS_MAX)
			return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		rw = rw * 10 + (size_t)(*p - '0');
		if (rw > TPLC_XLSX_ROWS_MAX)
			return -1;
	}
	if (*p != '\0' || letters == 0 || (digits > 0 && rw == 0))
		return -1;
	*col = c - 1;
	if (digits > 0)
		*row = rw - 1;
	return 0;
}

char *tplc_xlsx_ref(size_t row, size_t col, char *buf, size_t size)
{
	char letters[8];
	size_t n = 0, c = col + 1, i;

	while (c > 0 && n < sizeof(letters)) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (i = 0; i < n / 2; i++) {
		char t = letters[i];

		letters[i] = letters[n - 1 - i];
		letters[n - 1 - i] = t;
	}
	snprintf(buf, size, "%.*s%zu", (int)n, letters, row + 1);
	return buf;
}

/* The cell's style (s="1") shows a date. */
static bool is_date_cell(struct reader *r, const xmlNode *c, int *error,
                         struct tplc_error *err)
{
	const char *style;
	long index;

	*error = attr(r, c, "s", &style, err);
	return *error == 0 && style != NULL &&
	       tplx_parse_long(style, 0, 1L << 30, &index) == 0 &&
	       (size_t)index < r->style_count && r->date_style[index];
}

/* One cell's text: by t="s" (shared), "inlineStr" (<is>), else <v>. */
static int cell_text(struct reader *r, const struct tplx_xml_doc *doc,
                     const xmlNode *c, const char **out, struct tplc_error *err)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_XLSX_CELL_MAX);
	const xmlNode *v = child(c, "v"), *is = child(c, "is");
	const char *type, *text = NULL;
	long index;
	int error;

	*out = NULL;
	error = attr(r, c, "t", &type, err);
	if (error != 0)
		return error;
	if (type != NULL && strcmp(type, "inlineStr") == 0) {
		if (is == NULL)
			return 0;
		error = run_text(doc, is, &buf, err);
		if (error == 0) {
			*out = tplx_arena_strdup(r->book->arena,
			                         tplx_buf_str(&buf));
			error = *out == NULL ? nomem(err) : 0;
		}
		tplx_buf_release(&buf);
		return error;
	}
	if (v == NULL)
		return 0;
	error = tplx_xml_text(doc, v, &text, err);
	if (error != 0)
		return error;
	if (strlen(text) > TPLC_XLSX_CELL_MAX)
		return tplx_xml_fail_code(doc, v, NULL, err, TPLC_ELIMIT,
		                          "text longer than %zu bytes",
		                          TPLC_XLSX_CELL_MAX);
	if (type != NULL && strcmp(type, "s") == 0) {
		if (tplx_parse_long(text, 0, (long)TPLC_XLSX_STRINGS_MAX,
		                    &index) != 0 ||
		    (size_t)index >= r->string_count)
			return tplx_xml_fail(doc, v, NULL, err,
			                     "no shared string %s", text);
		*out = r->strings[index];
		return 0;
	}
	if (type != NULL && strcmp(type, "b") == 0)
		text = strcmp(text, "1") == 0 ? "TRUE" : "FALSE";
	if ((type == NULL || strcmp(type, "n") == 0) &&
	    is_date_cell(r, c, &error, err)) {
		const char *date = serial_date(r, text);

		if (date != NULL) {
			*out = date;
			return 0;
		}
	}
	if (error != 0)
		return error;
	*out = tplx_arena_strdup(r->book->arena, text);
	return *out == NULL ? nomem(err) : 0;
}

static int put_cell(struct reader *r, struct tplc_xlsx_sheet *s, size_t row,
                    size_t col, const char *text, struct tplc_error *err)
{
	const char ***rows;
	size_t cap;

	if (text == NULL || *text == '\0')
		return 0;
	if (row >= s->row_cap) {
		/* grow the row index to the next power of two */
		for (cap = 16; cap <= row; cap *= 2)
			;
		rows = tplx_arena_array(r->book->arena, cap, sizeof(*rows));
		if (rows == NULL)
			return nomem(err);
		if (s->row_cap > 0)
			memcpy(rows, s->cells, s->row_cap * sizeof(*rows));
		memset(rows + s->row_cap, 0,
		       (cap - s->row_cap) * sizeof(*rows));
		s->cells = rows;
		s->row_cap = cap;
	}
	if (row >= s->rows)
		s->rows = row + 1;
	if (s->cells[row] == NULL) {
		s->cells[row] =
		        tplx_arena_array(r->book->arena, TPLC_XLSX_COLUMNS_MAX,
		                         sizeof(**s->cells));
		if (s->cells[row] == NULL)
			return nomem(err);
		memset(s->cells[row], 0,
		       TPLC_XLSX_COLUMNS_MAX * sizeof(**s->cells));
	}
	s->cells[row][col] = text;
	if (col >= s->cols)
		s->cols = col + 1;
	return 0;
}

static int sheet_cells(struct reader *r, struct tplc_xlsx_sheet *s,
                       const struct tplc_xlsx_part *p, struct tplc_error *err)
{
	struct tplx_xml_doc *doc = NULL;
	const xmlNode *data, *row, *c;
	const char *ref, *text;
	size_t rn = 0, cn, next_row = 0;
	int error;

	error = parse_part(r, p, &doc, err);
	if (error != 0)
		return error;
	data = child(tplx_xml_root(doc), "sheetData");
	for (row = data ? child(data, "row") : NULL; row != NULL;
	     row = next(row, "row")) {
		long n;

		error = attr(r, row, "r", &ref, err);
		if (error != 0)
			goto out;
		rn = next_row;
		if (ref != NULL &&
		    (tplx_parse_long(ref, 1, TPLC_XLSX_ROWS_MAX, &n) != 0 ||
		     (size_t)n - 1 < next_row)) {
			error = tplx_xml_fail(doc, row, "r", err,
			                      "bad row number %s", ref);
			goto out;
		}
		if (ref != NULL)
			rn = (size_t)n - 1;
		if (rn >= TPLC_XLSX_ROWS_MAX) {
			error = tplx_xml_fail_code(
			        doc, row, NULL, err, TPLC_ELIMIT,
			        "more than %d rows", TPLC_XLSX_ROWS_MAX);
			goto out;
		}
		next_row = rn + 1;
		cn = 0;
		for (c = child(row, "c"); c != NULL; c = next(c, "c")) {
			size_t cr = rn, cc = cn;

			error = attr(r, c, "r", &ref, err);
			if (error != 0)
				goto out;
			if (ref != NULL &&
			    (parse_ref(ref, &cr, &cc) != 0 || cr != rn)) {
				error = tplx_xml_fail(doc, c, "r", err,
				                      "bad cell reference %s",
				                      ref);
				goto out;
			}
			if (cc >= TPLC_XLSX_COLUMNS_MAX) {
				error = tplx_xml_fail_code(
				        doc, c, NULL, err, TPLC_ELIMIT,
				        "more than %d columns",
				        TPLC_XLSX_COLUMNS_MAX);
				goto out;
			}
			cn = cc + 1;
			error = cell_text(r, doc, c, &text, err);
			if (error == 0)
				error = put_cell(r, s, rn, cc, text, err);
			if (error != 0)
				goto out;
		}
	}
out:
	tplx_xml_doc_free(doc);
	return error;
}

/* The part a relationship target names, relative to xl/ or absolute. */
static int target_name(struct reader *r, const char *target, const char **out,
                       struct tplc_error *err)
{
	if (target[0] == '/')
		*out = tplx_arena_strdup(r->book->arena, target + 1);
	else
		*out = tplx_arena_printf(r->book->arena, "xl/%s", target);
	return *out == NULL ? nomem(err) : 0;
}

/* Find relationship id's target in the workbook's rels. */
static int sheet_part(struct reader *r, const struct tplx_xml_doc *rels,
                      const char *id, const char **out, struct tplc_error *err)
{
	const xmlNode *rel;
	const char *rid, *target;
	int error;

	*out = NULL;
	if (rels == NULL)
		return 0;
	for (rel = child(tplx_xml_root(rels), "Relationship"); rel != NULL;
	     rel = next(rel, "Relationship")) {
		error = attr(r, rel, "Id", &rid, err);
		if (error == 0)
			error = attr(r, rel, "Target", &target, err);
		if (error != 0)
			return error;
		if (rid != NULL && target != NULL && strcmp(rid, id) == 0)
			return target_name(r, target, out, err);
	}
	return 0;
}

static int workbook(struct reader *r, struct tplc_error *err)
{
	const struct tplc_xlsx_part *wb = part(r, "xl/workbook.xml");
	const struct tplc_xlsx_part *rp = part(r, "xl/_rels/workbook.xml.rels");
	const struct tplc_xlsx_part *sp;
	struct tplx_xml_doc *doc = NULL, *rels = NULL;
	const xmlNode *sheets, *s, *pr;
	const char *name, *id, *target;
	struct tplc_xlsx *book = r->book;
	size_t n = 0;
	int error;

	if (wb == NULL)
		return tplc_error_set_at(err, TPLC_EPARSE, r->source, 0, 0,
		                         NULL,
		                         "not a workbook: no xl/workbook.xml");
	error = parse_part(r, wb, &doc, err);
	if (error == 0 && rp != NULL)
		error = parse_part(r, rp, &rels, err);
	if (error == 0)
		error = shared_strings(r, err);
	if (error == 0)
		error = styles(r, err);
	if (error != 0)
		goto out;
	pr = child(tplx_xml_root(doc), "workbookPr");
	if (pr != NULL) {
		error = attr(r, pr, "date1904", &name, err);
		if (error != 0)
			goto out;
		r->date1904 = name != NULL && (strcmp(name, "1") == 0 ||
		                               strcmp(name, "true") == 0);
	}
	sheets = child(tplx_xml_root(doc), "sheets");
	for (s = sheets ? child(sheets, "sheet") : NULL; s != NULL;
	     s = next(s, "sheet"))
		n++;
	if (n > TPLC_XLSX_SHEETS_MAX) {
		error = tplx_xml_fail_code(doc, sheets, NULL, err, TPLC_ELIMIT,
		                           "more than %d sheets",
		                           TPLC_XLSX_SHEETS_MAX);
		goto out;
	}
	book->sheets =
	        tplx_arena_array(book->arena, n + 1, sizeof(*book->sheets));
	if (book->sheets == NULL) {
		error = nomem(err);
		goto out;
	}
	for (s = sheets ? child(sheets, "sheet") : NULL; s != NULL;
	     s = next(s, "sheet")) {
		struct tplc_xlsx_sheet *sheet = &book->sheets[book->count];

		memset(sheet, 0, sizeof(*sheet));
		error = attr(r, s, "name", &name, err);
		if (error == 0)
			error = attr(r, s, "id", &id, err);
		if (error != 0)
			goto out;
		target = NULL;
		if (id != NULL) {
			error = sheet_part(r, rels, id, &target, err);
			if (error != 0)
				goto out;
		}
		sp = target ? part(r, target) : NULL;
		if (sp == NULL) {
			error = tplx_xml_fail(doc, s, NULL, err,
			                      "sheet %s has no part",
			                      name ? name : "?");
			goto out;
		}
		sheet->name = name ? name : "";
		error = sheet_cells(r, sheet, sp, err);
		if (error != 0)
			goto out;
		book->count++;
	}
out:
	tplx_xml_doc_free(doc);
	tplx_xml_doc_free(rels);
	return error;
}

int tplc_xlsx_read_parts(struct tplc_xlsx **out,
                         const struct tplc_xlsx_part *parts, size_t count,
                         const char *source, struct tplc_error *err)
{
	struct reader r = {
		NULL, parts, count, source, NULL, 0, NULL, 0, false
	};
	int error;

	*out = NULL;
	r.book = tplx_calloc(1, sizeof(*r.book));
	if (r.book == NULL)
		return nomem(err);
	r.book->arena = tplx_arena_new();
	if (r.book->arena == NULL) {
		tplx_free(r.book);
		return nomem(err);
	}
	error = workbook(&r, err);
	if (error != 0) {
		tplc_xlsx_free(r.book);
		return error;
	}
	*out = r.book;
	return 0;
}

/* ---- the zip -------------------------------------------------------------- */

struct unzip {
	struct tplc_xlsx_part *parts;
	size_t count;
};

/* Keep the workbook's XML parts; media, themes and styles are skipped. */
static int keep_part(const char *name, const char *data, size_t len,
                     void *cbdata)
{
	struct unzip *u = cbdata;
	struct tplc_xlsx_part *p;

	if (strncmp(name, "xl/", 3) != 0 ||
	    (strcmp(name, "xl/workbook.xml") != 0 &&
	     strcmp(name, "xl/_rels/workbook.xml.rels") != 0 &&
	     strcmp(name, "xl/sharedStrings.xml") != 0 &&
	     strcmp(name, "xl/styles.xml") != 0 &&
	     strncmp(name, "xl/worksheets/", 14) != 0))
		return 0;
	if (u->count >= TPLC_XLSX_SHEETS_MAX + 4)
		return 0; /* more sheets than we read: workbook() says so */
	p = &u->parts[u->count];
	p->name = tplx_strdup(name);
	p->data = tplx_malloc(len + 1);
	if (p->name == NULL || p->data == NULL) {
		tplx_free((void *)p->name);
		tplx_free((void *)p->data);
		return TPLC_ENOMEM;
	}
	memcpy((char *)p->data, data, len);
	((char *)p->data)[len] = '\0';
	p->len = len;
	u->count++;
	return 0;
}

int tplc_xlsx_read(struct tplc_xlsx **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err)
{
	struct unzip u = { NULL, 0 };
	size_t i;
	int error;

	*out = NULL;
	if (!tplx_archive_is_zip(data, len))
		return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                         "not a workbook: not a zip file");
	u.parts = tplx_calloc(TPLC_XLSX_SHEETS_MAX + 4, sizeof(*u.parts));
	if (u.parts == NULL)
		return nomem(err);
	error = tplx_archive_each(data, len, source, TPLC_XLSX_PART_MAX,
	                          TPLC_XLSX_ENTRIES_MAX, keep_part, &u, err);
	if (error == TPLC_ENOMEM)
		error = nomem(err);
	if (error == 0)
		error = tplc_xlsx_read_parts(out, u.parts, u.count, source,
		                             err);
	for (i = 0; i < u.count; i++) {
		tplx_free((void *)u.parts[i].name);
		tplx_free((void *)u.parts[i].data);
	}
	tplx_free(u.parts);
	return error;
}

void tplc_xlsx_free(struct tplc_xlsx *book)
{
	if (book == NULL)
		return;
	tplx_arena_free(book->arena);
	tplx_free(book);
}

const char *tplc_xlsx_cell(const struct tplc_xlsx_sheet *sheet, size_t row,
                           size_t col)
{
	if (row >= sheet->rows || col >= TPLC_XLSX_COLUMNS_MAX ||
	    sheet->cells[row] == NULL)
		return NULL;
	return sheet->cells[row][col];
}

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_XLSX_H
#define TPLC_FORMATS_XLSX_H

/*
 * A small reader of Office Open XML workbooks (.xlsx): each sheet's name
 * and its cells as strings, nothing else (no formulas: a cell reads as the
 * text or number it stores; a number in a date format reads as
 * YYYY-MM-DD).  Enough for forms such as the MDS2 that are shipped as
 * spreadsheets.
 */

#include <stddef.h>

#include "tplc/error.h"

#define TPLC_XLSX_SHEETS_MAX  64
#define TPLC_XLSX_ROWS_MAX    100000
#define TPLC_XLSX_COLUMNS_MAX 64
/* Bytes of one cell's text, and of one unpacked part of the zip. */
#define TPLC_XLSX_CELL_MAX ((size_t)32 * 1024)
#define TPLC_XLSX_PART_MAX ((size_t)64 * 1024 * 1024)
/* Entries of the zip looked at, and shared strings in one workbook. */
#define TPLC_XLSX_ENTRIES_MAX 4096
#define TPLC_XLSX_STRINGS_MAX ((size_t)1024 * 1024)
/* Cell styles and number formats in styles.xml (Excel allows 64000 and
 * some 250). */
#define TPLC_XLSX_STYLES_MAX  65536
#define TPLC_XLSX_FORMATS_MAX 1024

struct tplc_xlsx_sheet {
	const char *name;
	size_t rows, cols;   /* one past the last row and column with a cell */
	const char ***cells; /* cells[row]: NULL, or TPLC_XLSX_COLUMNS_MAX
	                      * texts (NULL when empty); 0-based */
	size_t row_cap;      /* rows allocated in cells */
};

struct tplc_xlsx {
	struct tplc_xlsx_sheet *sheets; /* in workbook order */
	size_t count;
	struct tplx_arena *arena;
};

/* One part of the package, by its name in the zip ("xl/workbook.xml"). */
struct tplc_xlsx_part {
	const char *name;
	const char *data;
	size_t len;
};

/* Read a workbook from the bytes of its zip; source names it in errors. */
int tplc_xlsx_read(struct tplc_xlsx **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err);
/* The same from parts already unpacked (tests, other containers). */
int tplc_xlsx_read_parts(struct tplc_xlsx **out,
                         const struct tplc_xlsx_part *parts, size_t count,
                         const char *source, struct tplc_error *err);
void tplc_xlsx_free(struct tplc_xlsx *book);

/* The text at 0-based row and col, or NULL when empty or outside. */
const char *tplc_xlsx_cell(const struct tplc_xlsx_sheet *sheet, size_t row,
                           size_t col);
/* "B12" for 0-based row 11, col 1, into buf. */
char *tplc_xlsx_ref(size_t row, size_t col, char *buf, size_t size);

#endif

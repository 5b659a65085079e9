/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CLI_TABLE_H
#define TPLC_CLI_TABLE_H

/* Human tables: collect rows, then print with columns aligned. */

#include <stddef.h>
#include <stdio.h>

#define TABLE_COLUMNS_MAX 12

struct table {
	size_t columns;
	const char *header[TABLE_COLUMNS_MAX];
	size_t max_width[TABLE_COLUMNS_MAX]; /* 0 = no limit */
	char **cells;                        /* rows * columns, owned */
	size_t rows, cap;
	int failed; /* out of memory: print what we have */
};

void table_init(struct table *t, size_t columns, const char *const *header);
/* Cut cells of column to width characters ("..." marks the cut). */
void table_limit(struct table *t, size_t column, size_t width);
/* Add a row of columns printf-formatted cells; NULL cells print "-". */
void table_row(struct table *t, const char *const *cells);
void table_print(struct table *t, FILE *fp);
void table_release(struct table *t);

#endif

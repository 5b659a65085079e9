/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "test.h"

const char *tplt_shared(const char *rel)
{
	static char path[4096];
	const char *root = getenv("TPLC_SHARED_DATA");
	struct stat st;

	if (root == NULL || stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		if (getenv("CI") != NULL)
			fail_msg("shared data folder not found: %s",
			         root ? root : "(TPLC_SHARED_DATA unset)");
		skip();
	}
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	return path;
}

char *tplt_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data;
	long size = 0;

	if (fp == NULL)
		fail_msg("cannot open %s", path);
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		fail_msg("cannot size %s", path);
	data = malloc((size_t)size + 1);
	if (data == NULL)
		fail_msg("out of memory");
	if (fread(data, 1, (size_t)size, fp) != (size_t)size)
		fail_msg("short read on %s", path);
	data[size] = '\0';
	fclose(fp);
	if (len != NULL)
		*len = (size_t)size;
	return data;
}

static void vnote(const char *prefix, const char *fmt, va_list ap)
{
	printf("# %s", prefix);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
}

void tplt_conformance(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("conformance: ", fmt, ap);
	va_end(ap);
}

void tplt_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("", fmt, ap);
	va_end(ap);
}

void tplt_remove_db(const char *path)
{
	static const char *const sides[] = { "", "-wal", "-shm" };
	char name[4096];
	size_t i;

	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, sides[i]);
		unlink(name);
	}
}

long long tplt_count_rows(const char *path, const char *table)
{
	char sql[128];
	sqlite3 *db;
	sqlite3_stmt *stmt;
	long long n = -1;

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

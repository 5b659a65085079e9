/* SPDX-License-Identifier: Apache-2.0 */
/* lib/util/archive.c: zip, tar.gz, one gzip'd file, caps. */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "test.h"
#include "util/alloc.h"
#include "util/archive.h"

/* An archive of n entries in memory, in format (zip, ustar), gzip'd or
 * not, made with libarchive's writer. */
static char *make(size_t *len, bool zip, bool gz, const char *const *names,
                  const char *const *texts, size_t n)
{
	size_t cap = 1 << 20, used = 0, i;
	char *buf = malloc(cap);
	struct archive *a = archive_write_new();

	assert_non_null(buf);
	if (zip)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_ustar(a);
	if (gz)
		archive_write_add_filter_gzip(a);
	assert_int_equal(archive_write_open_memory(a, buf, cap, &used),
	                 ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();

		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)strlen(texts[i]));
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		archive_write_data(a, texts[i], strlen(texts[i]));
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	*len = used;
	return buf;
}

/* text gzip'd by zlib (windowBits 31: a gzip header). */
static char *gzip_text(const char *text, size_t *len)
{
	z_stream z;
	size_t cap = strlen(text) + 1024;
	char *out = malloc(cap);

	memset(&z, 0, sizeof(z));
	assert_int_equal(
	        deflateInit2(&z, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
	        Z_OK);
	z.next_in = (Bytef *)(uintptr_t)text;
	z.avail_in = (uInt)strlen(text);
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*len = z.total_out;
	deflateEnd(&z);
	return out;
}

struct got {
	char names[4][64];
	char texts[4][64];
	size_t count;
};

static int got(const char *name, const char *data, size_t len, void *cbdata)
{
	struct got *g = cbdata;

	assert_int_equal(strlen(data), len); /* NUL-terminated */
	if (g->count < 4) {
		snprintf(g->names[g->count], 64, "%s", name);
		snprintf(g->texts[g->count], 64, "%s", data);
	}
	g->count++;
	return 0;
}

static const char *const names[] = { "a.json", "dir/b.json", "c.txt" };
static const char *const texts[] = { "{\"a\": 1}", "{\"b\": 2}",
	                             "0123456789012345678901234567890123" };

static void walk(const char *data, size_t len, struct got *g)
{
	struct tplc_error err;

	memset(g, 0, sizeof(*g));
	assert_int_equal(
	        tplx_archive_each(data, len, "t", 1024, 16, got, g, &err), 0);
}

static void test_archive__formats(void **state)
{
	struct got g;
	size_t len, i;
	char *data;
	int kind;

	(void)state;
	for (kind = 0; kind < 3; kind++) { /* zip, tar, tar.gz */
		data = make(&len, kind == 0, kind == 2, names, texts, 3);
		assert_true(tplx_archive_is_zip(data, len) == (kind == 0));
		assert_true(tplx_archive_is_gzip(data, len) == (kind == 2));
		walk(data, len, &g);
		assert_int_equal(g.count, 3);
		for (i = 0; i < 3; i++) {
			assert_string_equal(g.names[i], names[i]);
			assert_string_equal(g.texts[i], texts[i]);
		}
		free(data);
	}
	/* one gzip'd file: one entry "data" */
	data = gzip_text("cve,epss\n", &len);
	walk(data, len, &g);
	assert_int_equal(g.count, 1);
	assert_string_equal(g.names[0], "data");
	assert_string_equal(g.texts[0], "cve,epss\n");
	free(data);
	/* bytes that are no archive: themselves */
	walk("plain text", 10, &g);
	assert_int_equal(g.count, 1);
	assert_string_equal(g.texts[0], "plain text");
}

static void test_archive__limits(void **state)
{
	struct tplc_error err;
	struct got g;
	char msg[512], *data, *out;
	size_t len, out_len;

	(void)state;
	data = make(&len, true, false, names, texts, 3);
	/* c.txt holds 34 bytes */
	memset(&g, 0, sizeof(g));
	assert_int_equal(
	        tplx_archive_each(data, len, "z.zip", 20, 16, got, &g, &err),
	        TPLC_ELIMIT);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "z.zip: c.txt: entry larger than 20 bytes");
	assert_int_equal(g.count, 2);
	memset(&g, 0, sizeof(g));
	assert_int_equal(
	        tplx_archive_each(data, len, "z.zip", 1024, 2, got, &g, &err),
	        TPLC_ELIMIT);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "z.zip: more than 2 entries");
	/* damaged: the central directory cut off */
	memset(&g, 0, sizeof(g));
	assert_int_equal(tplx_archive_each(data, len / 2, "z.zip", 1024, 16,
	                                   got, &g, &err),
	                 TPLC_EPARSE);
	free(data);

	data = gzip_text("0123456789", &len);
	assert_int_equal(tplx_archive_gunzip(&out, &out_len, data, len, "g.gz",
	                                     64, &err),
	                 0);
	assert_int_equal(out_len, 10);
	assert_string_equal(out, "0123456789");
	tplx_free(out);
	assert_int_equal(
	        tplx_archive_gunzip(&out, &out_len, data, len, "g.gz", 5, &err),
	        TPLC_ELIMIT);
	assert_null(out);
	assert_int_equal(tplx_archive_gunzip(&out, &out_len, data, len - 6,
	                                     "g.gz", 64, &err),
	                 TPLC_EPARSE);
	assert_int_equal(
	        tplx_archive_gunzip(&out, &out_len, "abc", 3, "g.gz", 64, &err),
	        TPLC_EPARSE);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_archive__formats),
		cmocka_unit_test(test_archive__limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

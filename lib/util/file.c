/* SPDX-License-Identifier: Apache-2.0 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"

#define FILE_READ_CHUNK ((size_t)64 * 1024)
#define FILE_LIST_MAX   ((size_t)1000000)
#define FILE_DEPTH_MAX  32

int tplx_file_read(char **out, size_t *out_len, const char *path, size_t max,
                   struct tplc_error *err)
{
	struct tplx_buf buf = TPLX_BUF_INIT(max);
	FILE *fp;
	char chunk[4096];
	size_t n;
	int error = 0;

	*out = NULL;
	*out_len = 0;
	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else {
		fp = fopen(path, "rb");
		if (fp == NULL)
			return tplc_error_set_at(err, TPLC_ENOINPUT, path, 0, 0,
			                         NULL, "%s", strerror(errno));
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		error = tplx_buf_add(&buf, chunk, n);
		if (error == TPLC_ELIMIT) {
			tplc_error_set_at(err, error, path, 0, 0, NULL,
			                  "file larger than %zu bytes", max);
			goto out;
		}
		if (error < 0) {
			tplc_error_set(err, error, "out of memory");
			goto out;
		}
	}
	if (ferror(fp)) {
		error = tplc_error_set_at(err, TPLC_EIO, path, 0, 0, NULL,
		                          "read error: %s", strerror(errno));
		goto out;
	}
	*out_len = buf.len;
	*out = tplx_buf_detach(&buf);
	if (*out == NULL)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
out:
	if (fp != stdin)
		fclose(fp);
	if (error < 0)
		tplx_buf_release(&buf);
	return error;
}

int tplx_file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct file_list {
	char **items;
	size_t count, cap;
};

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s;

	if (suffix == NULL)
		return 1;
	s = strlen(suffix);
	return n >= s && strcmp(name + n - s, suffix) == 0;
}

static int list_push(struct file_list *list, char *path)
{
	if (list->count == FILE_LIST_MAX)
		return TPLC_ELIMIT;
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		char **items =
		        tplx_reallocarray(list->items, cap, sizeof(*items));
		if (items == NULL)
			return TPLC_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = path;
	return 0;
}

static int walk(struct file_list *list, const char *dir, const char *suffix,
                int depth, struct tplc_error *err)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	int error = 0;

	if (depth > FILE_DEPTH_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, dir, 0, 0, NULL,
		                         "directories nested too deep");
	d = opendir(dir);
	if (d == NULL)
		return tplc_error_set_at(err, TPLC_ENOINPUT, dir, 0, 0, NULL,
		                         "%s", strerror(errno));
	while ((de = readdir(d)) != NULL) {
		struct tplx_buf path = TPLX_BUF_INIT(4096);

		if (de->d_name[0] == '.')
			continue;
		error = tplx_buf_addf(&path, "%s/%s", dir, de->d_name);
		if (error < 0) {
			tplx_buf_release(&path);
			tplc_error_set(err, error, "path too long");
			break;
		}
		if (stat(path.ptr, &st) != 0) {
			tplx_buf_release(&path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			error = walk(list, path.ptr, suffix, depth + 1, err);
			tplx_buf_release(&path);
		} else if (S_ISREG(st.st_mode) &&
		           has_suffix(de->d_name, suffix)) {
			error = list_push(list, path.ptr);
			if (error < 0) {
				tplx_buf_release(&path);
				tplc_error_set(err, error, "too many files");
			}
		} else {
			tplx_buf_release(&path);
		}
		if (error < 0)
			break;
	}
	closedir(d);
	return error;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int tplx_file_list(char ***out, size_t *out_count, const char *dir,
                   const char *suffix, struct tplc_error *err)
{
	struct file_list list = { NULL, 0, 0 };
	int error = walk(&list, dir, suffix, 0, err);

	if (error < 0) {
		tplx_file_list_free(list.items, list.count);
		return error;
	}
	if (list.count > 1)
		qsort(list.items, list.count, sizeof(char *), compare_paths);
	*out = list.items;
	*out_count = list.count;
	return 0;
}

void tplx_file_list_free(char **list, size_t count)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < count; i++)
		tplx_free(list[i]);
	tplx_free(list);
}

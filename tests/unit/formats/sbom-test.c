/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbom-test.h"
#include "util/alloc.h"
#include "util/file.h"

const char *tplt_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int tplt_sbom_parse_file(const char *path, const char *name,
                         struct tplc_sbom **sbom, struct tplc_error *err)
{
	size_t len;
	char *data = tplt_read_file(path, &len);
	int error = tplc_sbom_parse(sbom, data, len, name, err);

	free(data); /* the SBOM must not borrow from it */
	return error;
}

struct tplc_sbom *tplt_sbom_path(const char *path, const char *name)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplt_sbom_parse_file(path, name, &sbom, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

struct tplc_sbom *tplt_sbom_shared(const char *rel)
{
	return tplt_sbom_path(tplt_shared(rel), tplt_base_name(rel));
}

int tplt_sbom_parse_bad(const char *name, const char *text,
                        struct tplc_error *err)
{
	struct tplc_sbom *sbom = (struct tplc_sbom *)1;
	int error = tplc_sbom_parse(&sbom, text, strlen(text), name, err);

	assert_null(sbom);
	return error;
}

void tplt_sbom_refused(tplt_sbom_parse_fn parse, const char *text,
                       const char *name, int code, const char *path,
                       unsigned long line, unsigned long column)
{
	struct tplc_sbom *sbom = (struct tplc_sbom *)1;
	struct tplc_error err;
	char msg[1024];
	int error = parse(&sbom, text, strlen(text), name, &err);

	tplt_note("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_null(sbom);
	assert_int_equal(error, code);
	assert_string_equal(err.file, name);
	assert_string_equal(err.path, path);
	assert_int_equal(err.line, line);
	if (column == 0)
		assert_true(err.column > 0);
	else
		assert_int_equal(err.column, column);
}

const struct tplc_component *tplt_sbom_find_ref(const struct tplc_sbom *sbom,
                                                const char *ref)
{
	size_t i;

	for (i = 0; i < sbom->component_count; i++)
		if (strcmp(sbom->components[i].ref, ref) == 0)
			return &sbom->components[i];
	fail_msg("no package %s", ref);
	return NULL;
}

bool tplt_sbom_has_edge(const struct tplc_sbom *sbom, const char *from,
                        const char *to)
{
	size_t i, j;

	for (i = 0; i < sbom->dependency_count; i++)
		for (j = 0; j < sbom->dependencies[i].count; j++)
			if (strcmp(sbom->dependencies[i].ref, from) == 0 &&
			    strcmp(sbom->dependencies[i].depends_on[j], to) ==
			            0)
				return true;
	return false;
}

size_t tplt_sbom_edge_count(const struct tplc_sbom *sbom)
{
	size_t i, n = 0;

	for (i = 0; i < sbom->dependency_count; i++)
		n += sbom->dependencies[i].count;
	return n;
}

void tplt_sbom_same_str(const char *what, const char *ref, const char *a,
                        const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		fail_msg("%s %s: JSON \"%s\", other \"%s\"", ref, what,
		         a ? a : "(null)", b ? b : "(null)");
}

void tplt_sbom_same_components(const struct tplc_sbom *json,
                               const struct tplc_sbom *other, size_t *purls,
                               size_t *cpes)
{
	size_t i, k;

	*purls = *cpes = 0;
	assert_int_equal(other->component_count, json->component_count);
	for (i = 0; i < json->component_count; i++) {
		const struct tplc_component *a = &json->components[i];
		const struct tplc_component *b =
		        tplt_sbom_find_ref(other, a->ref);

		tplt_sbom_same_str("name", a->ref, a->name, b->name);
		tplt_sbom_same_str("version", a->ref, a->version, b->version);
		tplt_sbom_same_str("supplier", a->ref, a->supplier,
		                   b->supplier);
		tplt_sbom_same_str("purl", a->ref, a->purl, b->purl);
		tplt_sbom_same_str("cpe", a->ref, a->cpe, b->cpe);
		tplt_sbom_same_str("license", a->ref, a->license, b->license);
		tplt_sbom_same_str("type", a->ref, a->type, b->type);
		assert_int_equal(b->hash_count, a->hash_count);
		for (k = 0; k < a->hash_count; k++) {
			tplt_sbom_same_str("hash alg", a->ref, a->hashes[k].alg,
			                   b->hashes[k].alg);
			tplt_sbom_same_str("hash", a->ref, a->hashes[k].value,
			                   b->hashes[k].value);
		}
		*purls += a->purl != NULL;
		*cpes += a->cpe != NULL;
	}
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *tplt_sbom_component_set(const struct tplc_sbom *sbom,
                              tplt_sbom_line_fn line)
{
	char **lines = calloc(sbom->component_count + 1, sizeof(*lines));
	size_t i, total = 1, used = 0;
	char *out;

	assert_non_null(lines);
	for (i = 0; i < sbom->component_count; i++) {
		char text[4096];

		line(&sbom->components[i], text, sizeof(text));
		lines[i] = strdup(text);
		assert_non_null(lines[i]);
		total += strlen(text);
	}
	qsort(lines, sbom->component_count, sizeof(*lines), compare_lines);
	out = malloc(total);
	assert_non_null(out);
	for (i = 0; i < sbom->component_count; i++) {
		size_t n = strlen(lines[i]);

		memcpy(out + used, lines[i], n);
		used += n;
		free(lines[i]);
	}
	out[used] = '\0';
	free(lines);
	return out;
}

/* Did one case give what it should?  Notes why not. */
static bool case_right(const char *name, bool want_valid, int error,
                       const struct tplc_sbom *sbom, const char *format,
                       const char *version, struct tplc_error *err)
{
	char msg[1024];

	if (want_valid && error == 0 && strcmp(sbom->format, format) == 0 &&
	    strcmp(sbom->spec_version, version) == 0)
		return true;
	if (want_valid)
		tplt_note("MISMATCH %s rejected: %s", name,
		          tplc_error_format(err, msg, sizeof(msg)));
	else if (error != 0 && err->line > 0 && err->message[0] != '\0' &&
	         strcmp(err->file, name) == 0)
		return true;
	else if (error != 0)
		tplt_note("MISMATCH %s rejected without a location: %s", name,
		          tplc_error_format(err, msg, sizeof(msg)));
	else
		tplt_note("MISMATCH %s accepted", name);
	return false;
}

void tplt_sbom_cases(const char *dir, const char *ext, const char *format,
                     const char *version,
                     const char *(*skip_reason)(const char *),
                     tplt_sbom_case_fn each, void *ctx,
                     struct tplt_sbom_cases *out)
{
	char msg[1024];
	char **files = NULL;
	size_t count = 0, i;
	struct tplc_error err;

	memset(out, 0, sizeof(*out));
	if (tplx_file_list(&files, &count, dir, ext, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	for (i = 0; i < count; i++) {
		const char *name = tplt_base_name(files[i]);
		bool want_valid = strncmp(name, "valid-", 6) == 0;
		const char *reason = skip_reason ? skip_reason(name) : NULL;
		struct tplc_sbom *sbom = NULL;
		bool right;
		int error;

		if (!want_valid && strncmp(name, "invalid-", 8) != 0)
			continue;
		if (reason != NULL) {
			tplt_note("skip %s: %s", name, reason);
			out->skips++;
			continue;
		}
		if (each != NULL)
			each(ctx, files[i], name, want_valid);
		error = tplt_sbom_parse_file(files[i], name, &sbom, &err);
		right = case_right(name, want_valid, error, sbom, format,
		                   version, &err);
		if (want_valid) {
			out->valid++;
			out->valid_ok += right;
		} else {
			out->invalid++;
			out->invalid_ok += right;
		}
		tplc_sbom_free(sbom);
	}
	tplx_file_list_free(files, count);
}

struct tplc_sbom *tplt_sbom_until_memory(const char *text, size_t len,
                                         const char *name)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	long n;
	int error;

	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_sbom_parse(&sbom, text, len, name, &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(sbom);
	}
	assert_true(n > 0);
	return sbom;
}

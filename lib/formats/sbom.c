/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SBOM import: format detection and dispatch, and the builder the format
 * parsers share (sbom-build.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "formats/sbom-build.h"
#include "formats/spdx-build.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/str.h"

/* ---- builder ------------------------------------------------------------ */

int tplc_sbom_build_nomem(struct tplc_sbom_build *b)
{
	return tplc_error_set(b->err, TPLC_ENOMEM, "out of memory");
}

int tplc_sbom_build_init(struct tplc_sbom_build *b, const char *format,
                         struct tplc_error *err)
{
	struct tplx_arena *arena;

	memset(b, 0, sizeof(*b));
	b->err = err;
	arena = tplx_arena_new();
	if (arena == NULL)
		return tplc_sbom_build_nomem(b);
	b->sbom = tplx_arena_alloc(arena, sizeof(*b->sbom));
	if (b->sbom == NULL) {
		tplx_arena_free(arena);
		return tplc_sbom_build_nomem(b);
	}
	b->sbom->arena = arena;
	b->sbom->format = format; /* a string literal */
	return 0;
}

void tplc_sbom_build_abort(struct tplc_sbom_build *b)
{
	tplx_free(b->components);
	tplx_free(b->dependencies);
	if (b->sbom != NULL)
		tplx_arena_free(b->sbom->arena);
	b->components = NULL;
	b->dependencies = NULL;
	b->sbom = NULL;
}

int tplc_sbom_build_array(struct tplc_sbom_build *b, void *dst, size_t count,
                          size_t size)
{
	void *array = NULL;

	if (count > 0) {
		array = tplx_arena_array(b->sbom->arena, count, size);
		if (array == NULL)
			return tplc_sbom_build_nomem(b);
	}
	memcpy(dst, &array, sizeof(array));
	return 0;
}

int tplc_sbom_build_finish(struct tplc_sbom_build *b, struct tplc_sbom **out)
{
	struct tplc_sbom *s = b->sbom;
	int error;

	*out = NULL;
	error = tplc_sbom_build_array(b, &s->components, b->component_count,
	                              sizeof(*s->components));
	if (error == 0)
		error = tplc_sbom_build_array(b, &s->dependencies,
		                              b->dependency_count,
		                              sizeof(*s->dependencies));
	if (error != 0) {
		tplc_sbom_build_abort(b);
		return error;
	}
	if (b->component_count > 0)
		memcpy(s->components, b->components,
		       b->component_count * sizeof(*s->components));
	s->component_count = b->component_count;
	if (b->dependency_count > 0)
		memcpy(s->dependencies, b->dependencies,
		       b->dependency_count * sizeof(*s->dependencies));
	s->dependency_count = b->dependency_count;
	tplx_free(b->components);
	tplx_free(b->dependencies);
	memset(b, 0, sizeof(*b));
	*out = s;
	return 0;
}

int tplc_sbom_build_strn(struct tplc_sbom_build *b, const char **dst,
                         const char *s, size_t len)
{
	size_t i;

	*dst = NULL;
	if (s == NULL)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			break;
	if (i == len)
		return 0; /* empty or blank: absent */
	*dst = tplx_arena_strndup(b->sbom->arena, s, len);
	return *dst == NULL ? tplc_sbom_build_nomem(b) : 0;
}

int tplc_sbom_build_str(struct tplc_sbom_build *b, const char **dst,
                        const char *s)
{
	return tplc_sbom_build_strn(b, dst, s, s ? strlen(s) : 0);
}

/* Grow a scratch vector by one zeroed element of size bytes. */
static int grow(struct tplc_sbom_build *b, void **vec, size_t *count,
                size_t *cap, size_t size, size_t *index)
{
	unsigned char *v = *vec;

	if (*count == *cap) {
		size_t n = *cap ? *cap * 2 : 16;
		v = tplx_reallocarray(v, n, size);
		if (v == NULL)
			return tplc_sbom_build_nomem(b);
		*vec = v;
		*cap = n;
	}
	memset(v + *count * size, 0, size);
	*index = (*count)++;
	return 0;
}

int tplc_sbom_build_component(struct tplc_sbom_build *b, size_t *index)
{
	void *vec = b->components;
	int error = grow(b, &vec, &b->component_count, &b->component_cap,
	                 sizeof(*b->components), index);

	b->components = vec;
	return error;
}

int tplc_sbom_build_dependency(struct tplc_sbom_build *b, size_t *index)
{
	void *vec = b->dependencies;
	int error = grow(b, &vec, &b->dependency_count, &b->dependency_cap,
	                 sizeof(*b->dependencies), index);

	b->dependencies = vec;
	return error;
}

int tplc_sbom_unsupported(const struct tplx_json_doc *doc,
                          const struct tplx_json *node,
                          const struct tplx_jpath *path, struct tplc_error *err,
                          const char *fmt, ...)
{
	char message[TPLC_ERROR_MESSAGE_MAX];
	char where[TPLC_ERROR_PATH_MAX];
	unsigned long line = 1, column = 1;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (node != NULL)
		tplx_json_locate(doc, node->offset, &line, &column);
	tplx_jpath_format(path, where, sizeof(where));
	return tplc_error_set_at(err, TPLC_EUNSUPPORTED, doc->source, line,
	                         column, where, "%s", message);
}

/* ---- detection and dispatch --------------------------------------------- */

enum sbom_kind { KIND_AUTO, KIND_CYCLONEDX, KIND_SPDX };

/* Documents that are not JSON at all get a plain answer, not a yajl one. */
static int sniff_non_json(struct tplc_sbom **out, const char *data, size_t len,
                          const char *source, struct tplc_error *err)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	                   data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i < len && data[i] == '<')
		return tplc_sbom_parse_xml(out, data, len, source, err);
	if (tplc_spdx_sniff(data + i, len - i) == TPLC_SPDX_TAG_VALUE)
		return tplc_spdx_tv_parse(out, data, len, source, err);
	if (tplc_spdx_sniff(data + i, len - i) == TPLC_SPDX_YAML)
		return tplc_spdx_yaml_parse(out, data, len, source, err);
	return 0;
}

static int detect(const struct tplx_json_doc *doc, enum sbom_kind *kind,
                  struct tplc_error *err)
{
	const struct tplx_json *root = doc->root;
	struct tplx_jpath top = TPLX_JPATH_ROOT;

	if (root->type != TPLX_JSON_OBJECT)
		return tplx_json_fail(doc, root, &top, err,
		                      "expected an object, found %s",
		                      tplx_json_type_name(root->type));
	if (tplx_json_get(root, "bomFormat") != NULL) {
		*kind = KIND_CYCLONEDX;
		return 0;
	}
	if (tplx_json_get(root, "spdxVersion") != NULL) {
		*kind = KIND_SPDX;
		return 0;
	}
	if (tplx_json_get(root, "@context") != NULL ||
	    tplx_json_get(root, "@graph") != NULL)
		return tplc_sbom_unsupported(doc, root, &top, err,
		                             "JSON-LD (SPDX 3) SBOMs are not "
		                             "supported yet");
	return tplx_json_fail(doc, root, &top, err,
	                      "not an SBOM: expected \"bomFormat\" "
	                      "(CycloneDX) or \"spdxVersion\" (SPDX)");
}

static int parse(struct tplc_sbom **out, const char *data, size_t len,
                 const char *source, enum sbom_kind kind,
                 struct tplc_error *err)
{
	struct tplx_json_doc *doc = NULL;
	const char *name = source ? source : "(input)";
	int error;

	if (out == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no output pointer");
	*out = NULL;
	if (data == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no input");
	error = sniff_non_json(out, data, len, name, err);
	if (error != 0 || *out != NULL)
		return error;
	error = tplx_json_parse(&doc, data, len, name, err);
	if (error != 0)
		return error;
	if (kind == KIND_AUTO)
		error = detect(doc, &kind, err);
	if (error == 0 && kind == KIND_CYCLONEDX)
		error = tplc_cyclonedx_parse_doc(out, doc, err);
	else if (error == 0)
		error = tplc_spdx_parse_doc(out, doc, err);
	tplx_json_doc_free(doc);
	return error;
}

int tplc_sbom_parse(struct tplc_sbom **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err)
{
	return parse(out, data, len, source, KIND_AUTO, err);
}

int tplc_sbom_parse_cyclonedx(struct tplc_sbom **out, const char *data,
                              size_t len, const char *source,
                              struct tplc_error *err)
{
	return parse(out, data, len, source, KIND_CYCLONEDX, err);
}

int tplc_sbom_parse_spdx(struct tplc_sbom **out, const char *data, size_t len,
                         const char *source, struct tplc_error *err)
{
	return parse(out, data, len, source, KIND_SPDX, err);
}

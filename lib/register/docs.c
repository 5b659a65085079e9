/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Documentation transfer (tplc/docs.h): the signed manifest of a bundle
 * and the signed receipt that acknowledges it, written and read.  Both
 * are strict: unknown members, wrong types, bad hashes, unsafe or
 * repeated file names are refused with their JSON path, since what a
 * signature covers must be exactly what is read.
 */
#include <string.h>

#include "tplc/docs.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"
#include "util/jsonb.h"

#define MANIFEST_TYPE "tplc-docs-manifest"
#define RECEIPT_TYPE  "tplc-docs-receipt"

struct parse {
	const struct tplx_json_doc *doc;
	struct tplx_arena *arena;
	struct tplc_error *err;
};

enum text_rule { TEXT_PLAIN, TEXT_DATE, TEXT_ID, TEXT_SHA256 };

static bool hex_of(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return s[n] == '\0';
}

/* A required string member already read by tplx_json_fields, checked by
 * rule and copied to the arena. */
static int text(const struct parse *p, const struct tplx_json *obj,
                const struct tplx_jpath *path, const char *key,
                enum text_rule rule, const char **value)
{
	const struct tplx_json *node = tplx_json_get(obj, key);
	struct tplx_jpath at = tplx_jpath_key(path, key);
	size_t len = node->u.string.len;

	if (len == 0 || len > TPLC_DOCS_TEXT_MAX || strlen(*value) != len)
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "expected 1 to %d bytes without NUL",
		                      TPLC_DOCS_TEXT_MAX);
	if (rule == TEXT_DATE && !tplx_date_valid(*value))
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "expected a date or time "
		                      "YYYY-MM-DD[Thh:mm:ssZ]");
	if (rule == TEXT_ID &&
	    (len != TPLC_DOCS_ID_HEX || !hex_of(*value, len)))
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "expected %d lower-case hex digits",
		                      TPLC_DOCS_ID_HEX);
	if (rule == TEXT_SHA256 &&
	    (len != TPLC_DOCS_SHA256_HEX || !hex_of(*value, len)))
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "expected a SHA-256: %d lower-case hex "
		                      "digits",
		                      TPLC_DOCS_SHA256_HEX);
	*value = tplx_arena_strndup(p->arena, *value, len);
	return *value == NULL
	               ? tplc_error_set(p->err, TPLC_ENOMEM, "out of memory")
	               : 0;
}

/* A required string member and the rule its text follows. */
struct text_member {
	const char *key;
	enum text_rule rule;
	const char **value;
};

/* text() on each member, in order: the first failure is the answer. */
static int texts(const struct parse *p, const struct tplx_json *obj,
                 const struct tplx_jpath *path,
                 const struct text_member *members, size_t count)
{
	size_t i;
	int error = 0;

	for (i = 0; i < count && error == 0; i++)
		error = text(p, obj, path, members[i].key, members[i].rule,
		             members[i].value);
	return error;
}

/* "type" and "version" of either payload. */
static int header(const struct parse *p, const struct tplx_json *root,
                  const struct tplx_jpath *path, const char *type)
{
	const char *t = NULL;
	const struct tplx_json *version = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("type", &t, true),
		TPLX_FIELD_NODE("version", TPLX_JSON_NUMBER, &version, true),
	};
	struct tplx_jpath at;
	int error;

	error = tplx_json_fields(p->doc, root, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error < 0)
		return error;
	if (strcmp(t, type) != 0) {
		at = tplx_jpath_key(path, "type");
		return tplx_json_fail(p->doc, tplx_json_get(root, "type"), &at,
		                      p->err, "expected \"%s\"", type);
	}
	if (!version->u.number.is_integer || version->u.number.value != 1) {
		at = tplx_jpath_key(path, "version");
		return tplx_json_fail(p->doc, version, &at, p->err,
		                      "expected 1 (the only version)");
	}
	return 0;
}

static int parse_file(const struct parse *p, const struct tplx_json *item,
                      const struct tplx_jpath *path, bool receipt,
                      struct tplc_docs_file *f)
{
	static const char *const manifest_known[] = {
		"name", "kind", "sha256", "size", NULL,
	};
	static const char *const receipt_known[] = {
		"name",
		"sha256",
		"imported",
		NULL,
	};
	const struct tplx_json *size = NULL, *imported = NULL;
	const struct tplx_json_field manifest_fields[] = {
		TPLX_FIELD_STRING("name", &f->name, true),
		TPLX_FIELD_STRING("kind", &f->kind, true),
		TPLX_FIELD_STRING("sha256", &f->sha256, true),
		TPLX_FIELD_NODE("size", TPLX_JSON_NUMBER, &size, true),
	};
	const struct tplx_json_field receipt_fields[] = {
		TPLX_FIELD_STRING("name", &f->name, true),
		TPLX_FIELD_STRING("sha256", &f->sha256, true),
		TPLX_FIELD_NODE("imported", TPLX_JSON_BOOL, &imported, true),
	};
	struct tplx_jpath at;
	const char *why;
	int error;

	error = tplx_json_expect(p->doc, item, path, TPLX_JSON_OBJECT, p->err);
	if (error == 0)
		error = tplx_json_only_known(
		        p->doc, item, path,
		        receipt ? receipt_known : manifest_known, p->err);
	if (error == 0)
		error = tplx_json_fields(
		        p->doc, item, path,
		        receipt ? receipt_fields : manifest_fields,
		        receipt ? TPLX_FIELDS_COUNT(receipt_fields)
		                : TPLX_FIELDS_COUNT(manifest_fields),
		        p->err);
	if (error == 0)
		error = text(p, item, path, "name", TEXT_PLAIN, &f->name);
	if (error < 0)
		return error;
	why = tplc_docs_name_problem(f->name);
	if (why != NULL) {
		at = tplx_jpath_key(path, "name");
		return tplx_json_fail(p->doc, tplx_json_get(item, "name"), &at,
		                      p->err, "%s", why);
	}
	if (!receipt && tplc_docs_kind_parse(f->kind) < 0) {
		at = tplx_jpath_key(path, "kind");
		return tplx_json_fail(p->doc, tplx_json_get(item, "kind"), &at,
		                      p->err,
		                      "expected sbom, vex, mds2, mud, notice, "
		                      "test-report, lifecycle or other");
	}
	if (!receipt)
		error = text(p, item, path, "kind", TEXT_PLAIN, &f->kind);
	if (error == 0)
		error = text(p, item, path, "sha256", TEXT_SHA256, &f->sha256);
	if (error < 0)
		return error;
	if (receipt) {
		f->imported = imported->u.boolean;
		return 0;
	}
	if (!size->u.number.is_integer || size->u.number.value < 0 ||
	    size->u.number.value > (double)TPLC_DOCS_FILE_MAX) {
		at = tplx_jpath_key(path, "size");
		return tplx_json_fail(p->doc, size, &at, p->err,
		                      "expected a whole number of bytes, 0 to "
		                      "%zu",
		                      TPLC_DOCS_FILE_MAX);
	}
	f->size = (long long)size->u.number.value;
	return 0;
}

static int parse_files(const struct parse *p, const struct tplx_json *arr,
                       const struct tplx_jpath *path, bool receipt,
                       const struct tplc_docs_file **out, size_t *count)
{
	struct tplc_docs_file *list;
	struct tplx_jpath at;
	size_t i, k, n = arr->u.array.count;
	int error;

	if (n == 0 || n > TPLC_DOCS_FILES_MAX)
		return tplx_json_fail(p->doc, arr, path, p->err,
		                      "expected 1 to %d files",
		                      TPLC_DOCS_FILES_MAX);
	list = tplx_arena_array(p->arena, n, sizeof(*list));
	if (list == NULL)
		return tplc_error_set(p->err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		at = tplx_jpath_index(path, i);
		error = parse_file(p, arr->u.array.items[i], &at, receipt,
		                   &list[i]);
		if (error < 0)
			return error;
		for (k = 0; k < i; k++)
			if (strcmp(list[k].name, list[i].name) == 0) {
				struct tplx_jpath nm =
				        tplx_jpath_key(&at, "name");

				return tplx_json_fail(
				        p->doc,
				        tplx_json_get(arr->u.array.items[i],
				                      "name"),
				        &nm, p->err, "file \"%s\" listed twice",
				        list[i].name);
			}
	}
	*out = list;
	*count = n;
	return 0;
}

/* What a manifest and a receipt each are: its type, the members it may
 * have, those it reads, how their texts are checked, and whether its
 * files[] are a receipt's. */
struct document {
	const char *type;
	const char *const *known;
	const struct tplx_json_field *fields;
	size_t field_count;
	const struct text_member *checks;
	size_t check_count;
	bool receipt;
};

/* A document of shape d at root.  *files is the array d's fields read
 * (it is set once they are). */
static int parse_document(const struct parse *p, const struct tplx_json *root,
                          const struct document *d,
                          const struct tplx_json *const *files,
                          const struct tplc_docs_file **out, size_t *count)
{
	struct tplx_jpath path = TPLX_JPATH_ROOT, at;
	int error;

	error = tplx_json_expect(p->doc, root, &path, TPLX_JSON_OBJECT, p->err);
	if (error == 0)
		error = tplx_json_only_known(p->doc, root, &path, d->known,
		                             p->err);
	if (error == 0)
		error = header(p, root, &path, d->type);
	if (error == 0)
		error = tplx_json_fields(p->doc, root, &path, d->fields,
		                         d->field_count, p->err);
	if (error == 0)
		error = texts(p, root, &path, d->checks, d->check_count);
	at = tplx_jpath_key(&path, "files");
	if (error == 0)
		error = parse_files(p, *files, &at, d->receipt, out, count);
	return error;
}

static int parse_manifest(const struct parse *p, const struct tplx_json *root,
                          struct tplc_docs_manifest *m)
{
	static const char *const known[] = {
		"type",         "version", "id",
		"manufacturer", "product", "product_version",
		"created",      "files",   NULL,
	};
	const struct tplx_json *files = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &m->id, true),
		TPLX_FIELD_STRING("manufacturer", &m->manufacturer, true),
		TPLX_FIELD_STRING("product", &m->product, true),
		TPLX_FIELD_STRING("product_version", &m->product_version, true),
		TPLX_FIELD_STRING("created", &m->created, true),
		TPLX_FIELD_NODE("files", TPLX_JSON_ARRAY, &files, true),
	};
	const struct text_member checks[] = {
		{ "id", TEXT_ID, &m->id },
		{ "manufacturer", TEXT_PLAIN, &m->manufacturer },
		{ "product", TEXT_PLAIN, &m->product },
		{ "product_version", TEXT_PLAIN, &m->product_version },
		{ "created", TEXT_DATE, &m->created },
	};
	const struct document shape = {
		.type = MANIFEST_TYPE,
		.known = known,
		.fields = fields,
		.field_count = TPLX_FIELDS_COUNT(fields),
		.checks = checks,
		.check_count = sizeof(checks) / sizeof(*checks),
		.receipt = false,
	};

	return parse_document(p, root, &shape, &files, &m->files,
	                      &m->file_count);
}

static int parse_receipt(const struct parse *p, const struct tplx_json *root,
                         struct tplc_docs_receipt *r)
{
	static const char *const known[] = {
		"type",      "version",      "id",      "bundle",
		"manifest",  "manufacturer", "product", "product_version",
		"received",  "acknowledged", "by",      "files",
		"recipient", NULL,
	};
	const struct tplx_json *files = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &r->id, true),
		TPLX_FIELD_STRING("bundle", &r->bundle, true),
		TPLX_FIELD_STRING("manifest", &r->manifest, true),
		TPLX_FIELD_STRING("manufacturer", &r->manufacturer, true),
		TPLX_FIELD_STRING("product", &r->product, true),
		TPLX_FIELD_STRING("product_version", &r->product_version, true),
		TPLX_FIELD_STRING("received", &r->received, true),
		TPLX_FIELD_STRING("acknowledged", &r->acknowledged, true),
		TPLX_FIELD_STRING("by", &r->by, true),
		TPLX_FIELD_STRING("recipient", &r->recipient, true),
		TPLX_FIELD_NODE("files", TPLX_JSON_ARRAY, &files, true),
	};
	const struct text_member checks[] = {
		{ "id", TEXT_ID, &r->id },
		{ "bundle", TEXT_SHA256, &r->bundle },
		{ "manifest", TEXT_ID, &r->manifest },
		{ "manufacturer", TEXT_PLAIN, &r->manufacturer },
		{ "product", TEXT_PLAIN, &r->product },
		{ "product_version", TEXT_PLAIN, &r->product_version },
		{ "received", TEXT_DATE, &r->received },
		{ "acknowledged", TEXT_DATE, &r->acknowledged },
		{ "by", TEXT_PLAIN, &r->by },
		{ "recipient", TEXT_PLAIN, &r->recipient },
	};
	const struct document shape = {
		.type = RECEIPT_TYPE,
		.known = known,
		.fields = fields,
		.field_count = TPLX_FIELDS_COUNT(fields),
		.checks = checks,
		.check_count = sizeof(checks) / sizeof(*checks),
		.receipt = true,
	};

	return parse_document(p, root, &shape, &files, &r->files,
	                      &r->file_count);
}

/* Parse text into an arena-owned object of size bytes by fn. */
static int parse_doc(void **out, size_t size, const char *text, size_t len,
                     const char *source, struct tplc_error *err,
                     int (*fn)(const struct parse *, const struct tplx_json *,
                               void *))
{
	struct tplx_json_doc *doc = NULL;
	struct tplx_arena *arena;
	struct parse p;
	void *obj;
	int error;

	*out = NULL;
	if (len > TPLC_DOCS_PAYLOAD_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "larger than %zu bytes",
		                         TPLC_DOCS_PAYLOAD_MAX);
	arena = tplx_arena_new();
	if (arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	obj = tplx_arena_alloc(arena, size);
	error = obj == NULL ? tplc_error_set(err, TPLC_ENOMEM, "out of memory")
	                    : tplx_json_parse(&doc, text, len, source, err);
	if (error == 0) {
		p.doc = doc;
		p.arena = arena;
		p.err = err;
		error = fn(&p, doc->root, obj);
	}
	tplx_json_doc_free(doc);
	if (error < 0) {
		tplx_arena_free(arena);
		return error;
	}
	*out = obj;
	return 0;
}

static int manifest_fn(const struct parse *p, const struct tplx_json *root,
                       void *obj)
{
	struct tplc_docs_manifest *m = obj;
	int error = parse_manifest(p, root, m);

	m->arena_ = p->arena;
	return error;
}

static int receipt_fn(const struct parse *p, const struct tplx_json *root,
                      void *obj)
{
	struct tplc_docs_receipt *r = obj;
	int error = parse_receipt(p, root, r);

	r->arena_ = p->arena;
	return error;
}

int tplc_docs_manifest_parse(struct tplc_docs_manifest **out, const char *text,
                             size_t len, const char *source,
                             struct tplc_error *err)
{
	return parse_doc((void **)out, sizeof(**out), text, len, source, err,
	                 manifest_fn);
}

int tplc_docs_receipt_parse(struct tplc_docs_receipt **out, const char *text,
                            size_t len, const char *source,
                            struct tplc_error *err)
{
	return parse_doc((void **)out, sizeof(**out), text, len, source, err,
	                 receipt_fn);
}

void tplc_docs_manifest_free(struct tplc_docs_manifest *m)
{
	if (m != NULL && m->arena_ != NULL)
		tplx_arena_free(m->arena_);
}

void tplc_docs_receipt_free(struct tplc_docs_receipt *r)
{
	if (r != NULL && r->arena_ != NULL)
		tplx_arena_free(r->arena_);
}

/* ---- writing ------------------------------------------------------------ */

static int write_files(struct tplx_buf *b, const struct tplc_docs_file *files,
                       size_t count, bool receipt)
{
	size_t i;
	int error = tplx_buf_adds(b, ",\"files\":[");

	for (i = 0; i < count && error == 0; i++) {
		const struct tplc_docs_file *f = &files[i];

		error = tplx_buf_adds(b, i > 0 ? ",{\"name\":" : "{\"name\":");
		if (error == 0)
			error = tplx_jsonb_string(b, f->name ? f->name : "");
		if (error == 0 && !receipt)
			error = tplx_jsonb_member(b, "kind",
			                          f->kind ? f->kind : "");
		if (error == 0)
			error = tplx_jsonb_member(b, "sha256",
			                          f->sha256 ? f->sha256 : "");
		if (error == 0 && !receipt)
			error = tplx_jsonb_member_int(b, "size", f->size);
		if (error == 0 && receipt)
			error = tplx_buf_adds(
			        b, f->imported ? ",\"imported\":true}"
			                       : ",\"imported\":false}");
		else if (error == 0)
			error = tplx_buf_addc(b, '}');
	}
	return error == 0 ? tplx_buf_addc(b, ']') : error;
}

static int m(struct tplx_buf *b, const char *key, const char *value)
{
	return tplx_jsonb_member(b, key, value ? value : "");
}

/* Hand the written payload out once it reads back as written. */
static int finish(struct tplx_buf *b, int error, bool receipt, char **out,
                  size_t *len, struct tplc_error *err)
{
	struct tplc_error why;
	void *back = NULL;

	if (error == 0)
		error = tplx_buf_addc(b, '}');
	if (error < 0) {
		tplx_buf_release(b);
		return tplc_error_set(err, error, "cannot write the payload");
	}
	error = receipt ? tplc_docs_receipt_parse(
	                          (struct tplc_docs_receipt **)&back, b->ptr,
	                          b->len, "receipt", &why)
	                : tplc_docs_manifest_parse(
	                          (struct tplc_docs_manifest **)&back, b->ptr,
	                          b->len, "manifest", &why);
	if (error < 0) {
		tplx_buf_release(b);
		/* the parser's path and reason, as the caller's mistake */
		*err = why;
		err->code = TPLC_EINVAL;
		return TPLC_EINVAL;
	}
	tplx_arena_free(receipt ? ((struct tplc_docs_receipt *)back)->arena_
	                        : ((struct tplc_docs_manifest *)back)->arena_);
	*len = b->len;
	*out = tplx_buf_detach(b);
	return 0;
}

int tplc_docs_manifest_write(const struct tplc_docs_manifest *mf, char **out,
                             size_t *len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_DOCS_PAYLOAD_MAX);
	int error;

	*out = NULL;
	error = tplx_buf_addc(&b, '{');
	if (error == 0)
		error = m(&b, "type", MANIFEST_TYPE);
	if (error == 0)
		error = tplx_jsonb_member_int(&b, "version", 1);
	if (error == 0)
		error = m(&b, "id", mf->id);
	if (error == 0)
		error = m(&b, "manufacturer", mf->manufacturer);
	if (error == 0)
		error = m(&b, "product", mf->product);
	if (error == 0)
		error = m(&b, "product_version", mf->product_version);
	if (error == 0)
		error = m(&b, "created", mf->created);
	if (error == 0)
		error = write_files(&b, mf->files, mf->file_count, false);
	return finish(&b, error, false, out, len, err);
}

int tplc_docs_receipt_write(const struct tplc_docs_receipt *r, char **out,
                            size_t *len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_DOCS_PAYLOAD_MAX);
	int error;

	*out = NULL;
	error = tplx_buf_addc(&b, '{');
	if (error == 0)
		error = m(&b, "type", RECEIPT_TYPE);
	if (error == 0)
		error = tplx_jsonb_member_int(&b, "version", 1);
	if (error == 0)
		error = m(&b, "id", r->id);
	if (error == 0)
		error = m(&b, "bundle", r->bundle);
	if (error == 0)
		error = m(&b, "manifest", r->manifest);
	if (error == 0)
		error = m(&b, "manufacturer", r->manufacturer);
	if (error == 0)
		error = m(&b, "product", r->product);
	if (error == 0)
		error = m(&b, "product_version", r->product_version);
	if (error == 0)
		error = m(&b, "received", r->received);
	if (error == 0)
		error = m(&b, "acknowledged", r->acknowledged);
	if (error == 0)
		error = m(&b, "by", r->by);
	if (error == 0)
		error = m(&b, "recipient", r->recipient);
	if (error == 0)
		error = write_files(&b, r->files, r->file_count, true);
	return finish(&b, error, true, out, len, err);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * EOL/EOS notices (tplc/notice.h): the JSON a manufacturer signs and a
 * hospital imports.  One parser validates both sides: the writer parses
 * its own output back before anyone signs it.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "tplc/notice.h"
#include "tplc/review.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/jsonb.h"
#include "util/date.h"
#include "util/json.h"

/* The nine controls are review.c's catalogue, in the same order. */
_Static_assert(TPLC_NOTICE_CONTROLS == TPLC_REVIEW_CONTROLS,
               "a notice's controls are the review's catalogue");

const char *tplc_notice_control_name(unsigned control)
{
	return control < TPLC_NOTICE_CONTROLS
	               ? tplc_review_control_at(control)->name
	               : NULL;
}

int tplc_notice_control_parse(const char *name)
{
	for (unsigned i = 0; name != NULL && i < TPLC_NOTICE_CONTROLS; i++)
		if (strcmp(name, tplc_review_control_at(i)->name) == 0)
			return (int)i;
	return -1;
}

/* ---- parsing ------------------------------------------------------------ */

struct parse {
	const struct tplx_json_doc *doc;
	struct tplx_arena *arena;
	struct tplc_error *err;
};

/* A string member already read: not empty, not too long, copied to the
 * arena (NULL stays NULL). */
static int text(const struct parse *p, const struct tplx_json *obj,
                const struct tplx_jpath *path, const char *key,
                const char **value)
{
	const struct tplx_json *node;
	struct tplx_jpath at;

	if (*value == NULL)
		return 0;
	node = tplx_json_get(obj, key);
	at = tplx_jpath_key(path, key);
	if (node->u.string.len == 0)
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "empty (leave it out instead)");
	if (node->u.string.len > TPLC_NOTICE_TEXT_MAX ||
	    strlen(*value) != node->u.string.len)
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "longer than %d bytes or holds NUL",
		                      TPLC_NOTICE_TEXT_MAX);
	*value = tplx_arena_strndup(p->arena, *value, node->u.string.len);
	return *value == NULL
	               ? tplc_error_set(p->err, TPLC_ENOMEM, "out of memory")
	               : 0;
}

static int date(const struct parse *p, const struct tplx_json *obj,
                const struct tplx_jpath *path, const char *key,
                const char **value)
{
	struct tplx_jpath at;
	int error = text(p, obj, path, key, value);

	if (error < 0 || *value == NULL)
		return error;
	if (!tplx_date_only(*value)) {
		at = tplx_jpath_key(path, key);
		return tplx_json_fail(p->doc, tplx_json_get(obj, key), &at,
		                      p->err, "expected a date YYYY-MM-DD");
	}
	return 0;
}

static int parse_versions(const struct parse *p, const struct tplx_json *arr,
                          const struct tplx_jpath *path, struct tplc_notice *n)
{
	const char **list;
	size_t i, k;

	if (arr->u.array.count == 0 ||
	    arr->u.array.count > TPLC_NOTICE_VERSIONS_MAX)
		return tplx_json_fail(p->doc, arr, path, p->err,
		                      "expected 1 to %d versions",
		                      TPLC_NOTICE_VERSIONS_MAX);
	list = tplx_arena_array(p->arena, arr->u.array.count, sizeof(*list));
	if (list == NULL)
		return tplc_error_set(p->err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < arr->u.array.count; i++) {
		const struct tplx_json *v = arr->u.array.items[i];
		struct tplx_jpath at = tplx_jpath_index(path, i);
		int error;

		error = tplx_json_expect(p->doc, v, &at, TPLX_JSON_STRING,
		                         p->err);
		if (error < 0)
			return error;
		if (v->u.string.len == 0 ||
		    v->u.string.len > TPLC_NOTICE_ID_MAX ||
		    strlen(v->u.string.ptr) != v->u.string.len)
			return tplx_json_fail(p->doc, v, &at, p->err,
			                      "expected a version of 1 to %d "
			                      "bytes",
			                      TPLC_NOTICE_ID_MAX);
		for (k = 0; k < i; k++)
			if (strcmp(list[k], v->u.string.ptr) == 0)
				return tplx_json_fail(p->doc, v, &at, p->err,
				                      "version listed twice");
		list[i] = tplx_arena_strdup(p->arena, v->u.string.ptr);
		if (list[i] == NULL)
			return tplc_error_set(p->err, TPLC_ENOMEM,
			                      "out of memory");
	}
	n->versions = list;
	n->version_count = arr->u.array.count;
	return 0;
}

static int parse_components(const struct parse *p, const struct tplx_json *arr,
                            const struct tplx_jpath *path,
                            struct tplc_notice *n)
{
	static const char *const known[] = { "name", "version", "endOfSupport",
		                             NULL };
	struct tplc_notice_component *list;
	size_t i;

	if (arr->u.array.count > TPLC_NOTICE_COMPONENTS_MAX)
		return tplx_json_fail(p->doc, arr, path, p->err,
		                      "more than %d components",
		                      TPLC_NOTICE_COMPONENTS_MAX);
	list = tplx_arena_array(p->arena, arr->u.array.count + 1,
	                        sizeof(*list));
	if (list == NULL)
		return tplc_error_set(p->err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < arr->u.array.count; i++) {
		const struct tplx_json *c = arr->u.array.items[i];
		struct tplx_jpath at = tplx_jpath_index(path, i);
		struct tplc_notice_component *out = &list[i];
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("name", &out->name, true),
			TPLX_FIELD_STRING("version", &out->version, false),
			TPLX_FIELD_STRING("endOfSupport", &out->end_of_support,
			                  false),
		};
		int error;

		error = tplx_json_expect(p->doc, c, &at, TPLX_JSON_OBJECT,
		                         p->err);
		if (error == 0)
			error = tplx_json_only_known(p->doc, c, &at, known,
			                             p->err);
		if (error == 0)
			error = tplx_json_fields(p->doc, c, &at, fields,
			                         TPLX_FIELDS_COUNT(fields),
			                         p->err);
		if (error == 0)
			error = text(p, c, &at, "name", &out->name);
		if (error == 0)
			error = text(p, c, &at, "version", &out->version);
		if (error == 0)
			error = date(p, c, &at, "endOfSupport",
			             &out->end_of_support);
		if (error < 0)
			return error;
	}
	n->components = list;
	n->component_count = arr->u.array.count;
	return 0;
}

static int parse_maintenance(const struct parse *p, const struct tplx_json *obj,
                             const struct tplx_jpath *path,
                             struct tplc_notice *n)
{
	static const char *const known[] = { "description", "until", NULL };
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("description", &n->maintenance, true),
		TPLX_FIELD_STRING("until", &n->maintenance_until, false),
	};
	int error;

	error = tplx_json_only_known(p->doc, obj, path, known, p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, obj, path, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = text(p, obj, path, "description", &n->maintenance);
	if (error == 0)
		error = date(p, obj, path, "until", &n->maintenance_until);
	return error;
}

static int parse_controls(const struct parse *p, const struct tplx_json *obj,
                          const struct tplx_jpath *path, struct tplc_notice *n)
{
	static const char *const known[] = { "recommended", "notes", NULL };
	const struct tplx_json *list = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("recommended", TPLX_JSON_ARRAY, &list, false),
		TPLX_FIELD_STRING("notes", &n->controls_notes, false),
	};
	struct tplx_jpath at = tplx_jpath_key(path, "recommended");
	size_t i;
	int error;

	error = tplx_json_only_known(p->doc, obj, path, known, p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, obj, path, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = text(p, obj, path, "notes", &n->controls_notes);
	if (error < 0)
		return error;
	for (i = 0; list != NULL && i < list->u.array.count; i++) {
		const struct tplx_json *v = list->u.array.items[i];
		struct tplx_jpath item = tplx_jpath_index(&at, i);
		int c;

		error = tplx_json_expect(p->doc, v, &item, TPLX_JSON_STRING,
		                         p->err);
		if (error < 0)
			return error;
		c = tplc_notice_control_parse(v->u.string.ptr);
		if (c < 0)
			return tplx_json_fail(
			        p->doc, v, &item, p->err,
			        "not one of N70's controls "
			        "(physical-access, removable-media,"
			        " isolation, segmentation, "
			        "monitoring, no-remote-access, "
			        "firewall, anti-malware, backup)");
		if (n->controls & (1u << c))
			return tplx_json_fail(p->doc, v, &item, p->err,
			                      "listed twice");
		n->controls |= 1u << c;
	}
	if (n->controls == 0 && n->controls_notes == NULL)
		return tplx_json_fail(p->doc, obj, path, p->err,
		                      "names no control and has no notes");
	return 0;
}

static bool id_ok(const char *id)
{
	size_t len = strlen(id);

	if (len == 0 || len > TPLC_NOTICE_ID_MAX)
		return false;
	for (; *id != '\0'; id++)
		if (!((*id >= 'a' && *id <= 'z') ||
		      (*id >= 'A' && *id <= 'Z') ||
		      (*id >= '0' && *id <= '9') || strchr("._:-", *id)))
			return false;
	return true;
}

static int parse_root(const struct parse *p, const struct tplx_json *root,
                      struct tplc_notice *n)
{
	static const char *const known[] = {
		"id",
		"issued",
		"delivery",
		"manufacturer",
		"product",
		"versions",
		"operatingSystem",
		"components",
		"eol",
		"eos",
		"remainingMaintenance",
		"compensatingControls",
		"replacement",
		"contact",
		NULL,
	};
	const struct tplx_json *versions = NULL, *components = NULL;
	const struct tplx_json *maintenance = NULL, *controls = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &n->id, true),
		TPLX_FIELD_STRING("issued", &n->issued, true),
		TPLX_FIELD_STRING("delivery", &n->delivery, true),
		TPLX_FIELD_STRING("manufacturer", &n->manufacturer, true),
		TPLX_FIELD_STRING("product", &n->product, true),
		TPLX_FIELD_NODE("versions", TPLX_JSON_ARRAY, &versions, true),
		TPLX_FIELD_STRING("operatingSystem", &n->os, false),
		TPLX_FIELD_NODE("components", TPLX_JSON_ARRAY, &components,
		                false),
		TPLX_FIELD_STRING("eol", &n->eol, false),
		TPLX_FIELD_STRING("eos", &n->eos, false),
		TPLX_FIELD_NODE("remainingMaintenance", TPLX_JSON_OBJECT,
		                &maintenance, false),
		TPLX_FIELD_NODE("compensatingControls", TPLX_JSON_OBJECT,
		                &controls, false),
		TPLX_FIELD_STRING("replacement", &n->replacement, false),
		TPLX_FIELD_STRING("contact", &n->contact, false),
	};
	struct tplx_jpath path = TPLX_JPATH_ROOT, at;
	int error;

	error = tplx_json_expect(p->doc, root, &path, TPLX_JSON_OBJECT, p->err);
	if (error == 0)
		error = tplx_json_only_known(p->doc, root, &path, known,
		                             p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, root, &path, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error < 0)
		return error;
	error = text(p, root, &path, "id", &n->id);
	if (error == 0 && !id_ok(n->id)) {
		at = tplx_jpath_key(&path, "id");
		return tplx_json_fail(p->doc, tplx_json_get(root, "id"), &at,
		                      p->err,
		                      "expected 1 to %d of A-Z a-z 0-9 . _ : -",
		                      TPLC_NOTICE_ID_MAX);
	}
	if (error == 0)
		error = date(p, root, &path, "issued", &n->issued);
	if (error == 0)
		error = text(p, root, &path, "delivery", &n->delivery);
	if (error == 0 && strcmp(n->delivery, "pushed") != 0 &&
	    strcmp(n->delivery, "published") != 0) {
		at = tplx_jpath_key(&path, "delivery");
		return tplx_json_fail(p->doc, tplx_json_get(root, "delivery"),
		                      &at, p->err,
		                      "expected \"pushed\" or \"published\"");
	}
	if (error == 0)
		error = text(p, root, &path, "manufacturer", &n->manufacturer);
	if (error == 0)
		error = text(p, root, &path, "product", &n->product);
	at = tplx_jpath_key(&path, "versions");
	if (error == 0)
		error = parse_versions(p, versions, &at, n);
	if (error == 0)
		error = text(p, root, &path, "operatingSystem", &n->os);
	at = tplx_jpath_key(&path, "components");
	if (error == 0 && components != NULL)
		error = parse_components(p, components, &at, n);
	if (error == 0)
		error = date(p, root, &path, "eol", &n->eol);
	if (error == 0)
		error = date(p, root, &path, "eos", &n->eos);
	if (error < 0)
		return error;
	if (n->eol == NULL && n->eos == NULL)
		return tplx_json_fail(p->doc, root, &path, p->err,
		                      "names neither \"eol\" nor \"eos\"");
	if (n->eol != NULL && n->eos != NULL && strcmp(n->eol, n->eos) > 0) {
		at = tplx_jpath_key(&path, "eos");
		return tplx_json_fail(p->doc, tplx_json_get(root, "eos"), &at,
		                      p->err, "before eol %s", n->eol);
	}
	at = tplx_jpath_key(&path, "remainingMaintenance");
	if (maintenance != NULL)
		error = parse_maintenance(p, maintenance, &at, n);
	at = tplx_jpath_key(&path, "compensatingControls");
	if (error == 0 && controls != NULL)
		error = parse_controls(p, controls, &at, n);
	if (error == 0)
		error = text(p, root, &path, "replacement", &n->replacement);
	if (error == 0)
		error = text(p, root, &path, "contact", &n->contact);
	return error;
}

int tplc_notice_parse(struct tplc_notice **out, const char *text_, size_t len,
                      const char *source, struct tplc_error *err)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_notice *n = NULL;
	struct tplx_arena *arena;
	struct parse p;
	int error;

	*out = NULL;
	if (len > TPLC_NOTICE_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "notice larger than %zu bytes",
		                         TPLC_NOTICE_MAX);
	arena = tplx_arena_new();
	if (arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	n = tplx_arena_alloc(arena, sizeof(*n));
	if (n == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto fail;
	}
	error = tplx_json_parse(&doc, text_, len, source, err);
	if (error < 0)
		goto fail;
	p.doc = doc;
	p.arena = arena;
	p.err = err;
	error = parse_root(&p, doc->root, n);
	if (error < 0)
		goto fail;
	n->arena_ = arena;
	tplx_json_doc_free(doc);
	*out = n;
	return 0;
fail:
	tplx_json_doc_free(doc);
	tplx_arena_free(arena);
	return error;
}

void tplc_notice_free(struct tplc_notice *notice)
{
	if (notice != NULL && notice->arena_ != NULL)
		tplx_arena_free(notice->arena_);
}

/* ---- writing ------------------------------------------------------------ */

static int write_body(struct tplx_buf *b, const struct tplc_notice *n)
{
	size_t i;
	int error;

	error = tplx_buf_addc(b, '{');
	if (error == 0)
		error = tplx_jsonb_member(b, "id", n->id ? n->id : "");
	if (error == 0)
		error = tplx_jsonb_member(b, "issued",
		                          n->issued ? n->issued : "");
	if (error == 0)
		error = tplx_jsonb_member(b, "delivery",
		                          n->delivery ? n->delivery : "");
	if (error == 0)
		error = tplx_jsonb_member(b, "manufacturer",
		                          n->manufacturer ? n->manufacturer
		                                          : "");
	if (error == 0)
		error = tplx_jsonb_member(b, "product",
		                          n->product ? n->product : "");
	if (error == 0)
		error = tplx_buf_adds(b, ",\"versions\":[");
	for (i = 0; error == 0 && i < n->version_count; i++) {
		if (i > 0)
			error = tplx_buf_addc(b, ',');
		if (error == 0)
			error = tplx_jsonb_string(b, n->versions[i]);
	}
	if (error == 0)
		error = tplx_buf_addc(b, ']');
	if (error == 0)
		error = tplx_jsonb_member(b, "operatingSystem", n->os);
	if (error == 0 && n->component_count > 0)
		error = tplx_buf_adds(b, ",\"components\":[");
	for (i = 0; error == 0 && i < n->component_count; i++) {
		const struct tplc_notice_component *c = &n->components[i];

		error = tplx_buf_adds(b, i > 0 ? ",{" : "{");
		if (error == 0)
			error = tplx_buf_adds(b, "\"name\":");
		if (error == 0)
			error = tplx_jsonb_string(b, c->name ? c->name : "");
		if (error == 0)
			error = tplx_jsonb_member(b, "version", c->version);
		if (error == 0)
			error = tplx_jsonb_member(b, "endOfSupport",
			                          c->end_of_support);
		if (error == 0)
			error = tplx_buf_addc(b, '}');
	}
	if (error == 0 && n->component_count > 0)
		error = tplx_buf_addc(b, ']');
	if (error == 0)
		error = tplx_jsonb_member(b, "eol", n->eol);
	if (error == 0)
		error = tplx_jsonb_member(b, "eos", n->eos);
	if (error == 0 && n->maintenance != NULL) {
		error = tplx_buf_adds(b, ",\"remainingMaintenance\":{"
		                         "\"description\":");
		if (error == 0)
			error = tplx_jsonb_string(b, n->maintenance);
		if (error == 0)
			error = tplx_jsonb_member(b, "until",
			                          n->maintenance_until);
		if (error == 0)
			error = tplx_buf_addc(b, '}');
	}
	if (error == 0 && (n->controls != 0 || n->controls_notes != NULL)) {
		bool first = true;
		unsigned c;

		error = tplx_buf_adds(b, ",\"compensatingControls\":{"
		                         "\"recommended\":[");
		for (c = 0; error == 0 && c < TPLC_NOTICE_CONTROLS; c++) {
			if (!(n->controls & (1u << c)))
				continue;
			if (!first)
				error = tplx_buf_addc(b, ',');
			first = false;
			if (error == 0)
				error = tplx_jsonb_string(
				        b, tplc_notice_control_name(c));
		}
		if (error == 0)
			error = tplx_buf_addc(b, ']');
		if (error == 0)
			error = tplx_jsonb_member(b, "notes",
			                          n->controls_notes);
		if (error == 0)
			error = tplx_buf_addc(b, '}');
	}
	if (error == 0)
		error = tplx_jsonb_member(b, "replacement", n->replacement);
	if (error == 0)
		error = tplx_jsonb_member(b, "contact", n->contact);
	if (error == 0)
		error = tplx_buf_adds(b, "}\n");
	return error;
}

int tplc_notice_write(const struct tplc_notice *notice, char **out,
                      size_t *out_len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_NOTICE_MAX);
	struct tplc_notice *check = NULL;
	int error;

	*out = NULL;
	error = write_body(&b, notice);
	if (error < 0) {
		tplx_buf_release(&b);
		return tplc_error_set(err, error, "notice: %s",
		                      tplc_strerror(error));
	}
	error = tplc_notice_parse(&check, b.ptr, b.len, "notice", err);
	tplc_notice_free(check);
	if (error < 0) {
		tplx_buf_release(&b);
		return error;
	}
	*out_len = b.len;
	*out = tplx_buf_detach(&b);
	return 0;
}

void tplc_notice_make_id(const struct tplc_notice *n, char *out, size_t size)
{
	crypto_generichash_state st;
	uint8_t hash[16];
	char hex[2 * sizeof(hash) + 1];
	size_t i;

#define FEED(s)                                                           \
	crypto_generichash_update(&st, (const uint8_t *)((s) ? (s) : ""), \
	                          strlen((s) ? (s) : "") + 1)
	crypto_generichash_init(&st, NULL, 0, sizeof(hash));
	FEED(n->manufacturer);
	FEED(n->product);
	for (i = 0; i < n->version_count; i++)
		FEED(n->versions[i]);
	FEED(n->eol);
	FEED(n->eos);
	FEED(n->issued);
	/* the rest too: a corrected notice is another notice */
	FEED(n->delivery);
	FEED(n->os);
	for (i = 0; i < n->component_count; i++) {
		FEED(n->components[i].name);
		FEED(n->components[i].version);
		FEED(n->components[i].end_of_support);
	}
	FEED(n->maintenance);
	FEED(n->maintenance_until);
	crypto_generichash_update(&st, (const uint8_t *)&n->controls,
	                          sizeof(n->controls));
	FEED(n->controls_notes);
	FEED(n->replacement);
	FEED(n->contact);
#undef FEED
	crypto_generichash_final(&st, hash, sizeof(hash));
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	snprintf(out, size, "EOL-%.12s", hex);
}

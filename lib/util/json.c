/* SPDX-License-Identifier: Apache-2.0 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "alloc.h"
#include "arena.h"
#include "json-build.h"
#include "json.h"

/*
 * Building the tree: yajl calls us once per token.  Open containers sit on
 * a stack; their children are collected on the builder's scratch stacks
 * and copied into the arena, exactly sized, when the container closes.
 * json-stream.c drives the same builder with its place/take hooks.
 */

typedef struct tplx_json_builder builder;
typedef struct tplx_json_frame frame;

size_t tplx_json__token_start(builder *b)
{
	const char *text = b->doc->text;
	size_t pos = b->last_end, len = b->doc->len;

	while (pos < len &&
	       (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' ||
	        text[pos] == '\r' || text[pos] == ',' || text[pos] == ':'))
		pos++;
	return pos;
}

static void token_done(builder *b)
{
	b->last_end = b->base + yajl_get_bytes_consumed(b->yajl);
}

int tplx_json__stop(builder *b, int code, const char *message)
{
	b->error = code;
	snprintf(b->message, sizeof(b->message), "%s", message);
	b->error_offset = tplx_json__token_start(b);
	return 0; /* tells yajl to cancel */
}

static int push_member(builder *b, frame *f, struct tplx_json *value)
{
	struct tplx_json_member *m;

	if (b->member_count == b->member_cap) {
		size_t cap = b->member_cap ? b->member_cap * 2 : 64;
		m = tplx_reallocarray(b->members, cap, sizeof(*m));
		if (m == NULL)
			return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
		b->members = m;
		b->member_cap = cap;
	}
	m = &b->members[b->member_count++];
	m->key = f->pending_key;
	m->key_len = f->pending_key_len;
	m->value = value;
	m->key_offset = f->pending_key_offset;
	f->count++;
	f->pending_key = NULL;
	return 1;
}

static int push_item(builder *b, frame *f, struct tplx_json *value)
{
	if (b->item_count == b->item_cap) {
		size_t cap = b->item_cap ? b->item_cap * 2 : 64;
		struct tplx_json **items =
		        tplx_reallocarray(b->items, cap, sizeof(*items));
		if (items == NULL)
			return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
		b->items = items;
		b->item_cap = cap;
	}
	b->items[b->item_count++] = value;
	f->count++;
	return 1;
}

/*
 * Attach a finished value to its parent, or make it the root.  Below a
 * skeleton frame the value goes to the take hook; an object still keeps
 * the member's name (without the value) for its duplicate check.
 */
static int attach(builder *b, struct tplx_json *value)
{
	frame *f;

	if (b->depth == 0) {
		if (b->take != NULL)
			return b->take(b, value);
		b->doc->root = value;
		return 1;
	}
	f = &b->stack[b->depth - 1];
	if (f->skeleton) {
		if (!b->take(b, value))
			return 0;
		if (f->node->type == TPLX_JSON_OBJECT)
			return push_member(b, f, NULL);
		f->count++;
		return 1;
	}
	if (f->node->type == TPLX_JSON_OBJECT)
		return push_member(b, f, value);
	return push_item(b, f, value);
}

static struct tplx_json *new_node(builder *b, enum tplx_json_type type,
                                  enum tplx_json_place *place)
{
	struct tplx_arena *arena = b->arena;
	struct tplx_json *node;

	*place = TPLX_PLACE_BUILD;
	if (b->place != NULL &&
	    (b->depth == 0 || b->stack[b->depth - 1].skeleton)) {
		*place = b->place(b, type);
		if (*place == TPLX_PLACE_STOP)
			return NULL;
		if (*place == TPLX_PLACE_SKELETON)
			arena = b->skeleton_arena;
	}
	node = tplx_arena_alloc(arena, sizeof(*node));
	if (node == NULL) {
		tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
		return NULL;
	}
	node->type = type;
	node->offset = tplx_json__token_start(b);
	return node;
}

static int on_null(void *ctx)
{
	builder *b = ctx;
	enum tplx_json_place place;
	struct tplx_json *n = new_node(b, TPLX_JSON_NULL, &place);

	token_done(b);
	return n != NULL && attach(b, n);
}

static int on_boolean(void *ctx, int value)
{
	builder *b = ctx;
	enum tplx_json_place place;
	struct tplx_json *n = new_node(b, TPLX_JSON_BOOL, &place);

	token_done(b);
	if (n == NULL)
		return 0;
	n->u.boolean = value != 0;
	return attach(b, n);
}

/* yajl hands numbers over as text it has checked: a plain integer of up
 * to 15 digits is read here, the rest by strtod. */
static double number_value(const char *s, size_t len, bool *integer)
{
	size_t i = s[0] == '-' ? 1 : 0;
	double v = 0;

	*integer = memchr(s, '.', len) == NULL && memchr(s, 'e', len) == NULL &&
	           memchr(s, 'E', len) == NULL;
	if (!*integer || len - i > 15)
		return strtod(s, NULL);
	for (; i < len; i++)
		v = v * 10 + (s[i] - '0');
	return s[0] == '-' ? -v : v;
}

static int on_number(void *ctx, const char *text, size_t len)
{
	builder *b = ctx;
	enum tplx_json_place place;
	struct tplx_json *n = new_node(b, TPLX_JSON_NUMBER, &place);
	char *copy;

	token_done(b);
	if (n == NULL)
		return 0;
	copy = tplx_arena_strndup(b->arena, text, len);
	if (copy == NULL)
		return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
	n->u.number.text = copy;
	n->u.number.value = number_value(copy, len, &n->u.number.is_integer);
	return attach(b, n);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
	builder *b = ctx;
	enum tplx_json_place place;
	struct tplx_json *n = new_node(b, TPLX_JSON_STRING, &place);
	char *copy;

	token_done(b);
	if (n == NULL)
		return 0;
	copy = tplx_arena_strndup(b->arena, (const char *)s, len);
	if (copy == NULL)
		return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
	n->u.string.ptr = copy;
	n->u.string.len = len;
	return attach(b, n);
}

static int open_container(builder *b, enum tplx_json_type type)
{
	enum tplx_json_place place;
	struct tplx_json *n;
	frame *f;

	if (b->depth == TPLX_JSON_DEPTH_MAX)
		return tplx_json__stop(b, TPLC_ELIMIT, "nested too deep");
	n = new_node(b, type, &place);
	token_done(b);
	if (n == NULL)
		return 0;
	f = &b->stack[b->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	f->start = type == TPLX_JSON_OBJECT ? b->member_count : b->item_count;
	f->skeleton = place == TPLX_PLACE_SKELETON;
	return 1;
}

static int on_start_map(void *ctx)
{
	return open_container(ctx, TPLX_JSON_OBJECT);
}

static int on_start_array(void *ctx)
{
	return open_container(ctx, TPLX_JSON_ARRAY);
}

/* Small objects are checked for duplicate names as keys arrive; larger
 * ones once, sorted, when they close (see check_duplicates). */
#define DUP_LINEAR_MAX 32

static int on_map_key(void *ctx, const unsigned char *key, size_t len)
{
	builder *b = ctx;
	frame *f = &b->stack[b->depth - 1];
	/* no members yet: NULL, and NULL + 0 is undefined in C */
	const struct tplx_json_member *m =
	        b->members ? b->members + f->start : NULL;
	char *copy;
	size_t i;

	if (f->count < DUP_LINEAR_MAX) {
		for (i = 0; i < f->count; i++) {
			if (m[i].key_len == len &&
			    memcmp(m[i].key, key, len) == 0)
				return tplx_json__stop(b, TPLC_EPARSE,
				                       "duplicate member name");
		}
	}
	f->pending_key_offset = tplx_json__token_start(b);
	token_done(b);
	/* a skeleton object's names outlive the records between them */
	copy = tplx_arena_strndup(f->skeleton ? b->skeleton_arena : b->arena,
	                          (const char *)key, len);
	if (copy == NULL)
		return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
	f->pending_key = copy;
	f->pending_key_len = len;
	return 1;
}

static int compare_members(const void *a, const void *b)
{
	const struct tplx_json_member *x =
	        *(const struct tplx_json_member *const *)a;
	const struct tplx_json_member *y =
	        *(const struct tplx_json_member *const *)b;
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int c = memcmp(x->key, y->key, n);

	if (c != 0)
		return c;
	if (x->key_len != y->key_len)
		return x->key_len < y->key_len ? -1 : 1;
	return x->key_offset < y->key_offset ? -1 : 1;
}

static int check_duplicates(builder *b, frame *f)
{
	const struct tplx_json_member **sorted;
	size_t i;
	int ok = 1;

	if (f->count <= DUP_LINEAR_MAX)
		return 1;
	sorted = tplx_reallocarray(NULL, f->count, sizeof(*sorted));
	if (sorted == NULL)
		return tplx_json__stop(b, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < f->count; i++)
		sorted[i] = &b->members[f->start + i];
	qsort(sorted, f->count, sizeof(*sorted), compare_members);
	for (i = 1; i < f->count; i++) {
		if (sorted[i]->key_len == sorted[i - 1]->key_len &&
		    memcmp(sorted[i]->key, sorted[i - 1]->key,
		           sorted[i]->key_len) == 0) {
			ok = tplx_json__stop(b, TPLC_EPARSE,
			                     "duplicate member name");
			b->error_offset = sorted[i]->key_offset;
			break;
		}
	}
	tplx_free(sorted);
	return ok;
}

/* Copy a container's children off the scratch stack into the arena. */
static void *move_children(builder *b, const void *src, size_t count,
                           size_t size)
{
	void *dst;

	if (count == 0)
		return NULL;
	dst = tplx_arena_array(b->arena, count, size);
	if (dst != NULL)
		memcpy(dst, src, count * size);
	return dst;
}

static int close_container(builder *b)
{
	frame *f = &b->stack[b->depth - 1];
	struct tplx_json *n = f->node;
	int ok = 1;

	token_done(b);
	if (n->type == TPLX_JSON_OBJECT) {
		ok = check_duplicates(b, f);
		if (ok && !f->skeleton) {
			n->u.object.count = f->count;
			n->u.object.members = move_children(
			        b, b->members ? b->members + f->start : NULL,
			        f->count, sizeof(*b->members));
			if (f->count > 0 && n->u.object.members == NULL)
				ok = tplx_json__stop(b, TPLC_ENOMEM,
				                     "out of memory");
		}
		b->member_count = f->start;
	} else {
		if (!f->skeleton) {
			n->u.array.count = f->count;
			n->u.array.items = move_children(
			        b, b->items ? b->items + f->start : NULL,
			        f->count, sizeof(*b->items));
			if (f->count > 0 && n->u.array.items == NULL)
				ok = tplx_json__stop(b, TPLC_ENOMEM,
				                     "out of memory");
		}
		b->item_count = f->start;
	}
	b->depth--;
	if (!ok)
		return 0;
	return attach(b, n);
}

static int on_end_map(void *ctx)
{
	return close_container(ctx);
}

static int on_end_array(void *ctx)
{
	return close_container(ctx);
}

static const yajl_callbacks callbacks = {
	on_null,    on_boolean,     NULL,         NULL,
	on_number,  on_string,      on_start_map, on_map_key,
	on_end_map, on_start_array, on_end_array,
};

void tplx_json__builder_release(builder *b)
{
	tplx_free(b->members);
	tplx_free(b->items);
	b->members = NULL;
	b->items = NULL;
	b->member_count = b->member_cap = 0;
	b->item_count = b->item_cap = 0;
	b->depth = 0;
}

void tplx_json__yajl_reason(yajl_handle h, const char *text, size_t len,
                            char *out, size_t size)
{
	unsigned char *msg =
	        yajl_get_error(h, 0, (const unsigned char *)text, len);
	const char *s = (const char *)msg;
	size_t n;

	if (s == NULL) {
		snprintf(out, size, "invalid JSON");
		return;
	}
	if (strncmp(s, "parse error: ", 13) == 0)
		s += 13;
	snprintf(out, size, "%s", s);
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' '))
		out[--n] = '\0';
	yajl_free_error(h, msg);
}

static void *yajl_alloc_cb(void *ctx, size_t size)
{
	(void)ctx;
	return tplx_malloc_unchecked(size);
}

static void *yajl_realloc_cb(void *ctx, void *ptr, size_t size)
{
	(void)ctx;
	return tplx_realloc_unchecked(ptr, size);
}

static void yajl_free_cb(void *ctx, void *ptr)
{
	(void)ctx;
	tplx_free(ptr);
}

yajl_handle tplx_json__yajl_new(builder *b)
{
	yajl_alloc_funcs funcs = { yajl_alloc_cb, yajl_realloc_cb, yajl_free_cb,
		                   NULL };

	return yajl_alloc(&callbacks, &funcs, b);
}

int tplx_json_parse(struct tplx_json_doc **out, const char *text, size_t len,
                    const char *source, struct tplc_error *err)
{
	builder *b = NULL;
	struct tplx_json_doc *doc = NULL;
	yajl_status status;
	size_t skip = 0;
	int error = TPLC_ENOMEM;

	*out = NULL;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	b = tplx_calloc(1, sizeof(*b));
	doc = tplx_calloc(1, sizeof(*doc));
	if (b == NULL || doc == NULL)
		goto fail_nomem;
	doc->arena = tplx_arena_new();
	if (doc->arena == NULL)
		goto fail_nomem;
	doc->source = source;
	doc->text = text;
	doc->len = len;
	b->doc = doc;
	b->arena = doc->arena;
	b->base = skip;
	b->last_end = skip;
	b->yajl = tplx_json__yajl_new(b);
	if (b->yajl == NULL)
		goto fail_nomem;

	/* yajl counts bytes from the start of the buffer it is given. */
	status = yajl_parse(b->yajl, (const unsigned char *)text + skip,
	                    len - skip);
	if (status == yajl_status_ok)
		status = yajl_complete_parse(b->yajl);
	if (status != yajl_status_ok || b->error != 0) {
		unsigned long line, column;
		char reason[256];
		size_t at;

		if (b->error != 0) {
			error = b->error;
			snprintf(reason, sizeof(reason), "%s", b->message);
			at = b->error_offset;
		} else {
			error = TPLC_EPARSE;
			tplx_json__yajl_reason(b->yajl, text + skip, len - skip,
			                       reason, sizeof(reason));
			at = skip + yajl_get_bytes_consumed(b->yajl);
		}
		if (error == TPLC_ENOMEM) {
			tplc_error_set(err, error, "out of memory");
		} else {
			tplx_json_locate(doc, at, &line, &column);
			tplc_error_set_at(err, error, source, line, column,
			                  NULL, "%s", reason);
		}
		goto fail;
	}
	if (doc->root == NULL) {
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 1, 1, NULL,
		                          "empty document");
		goto fail;
	}
	tplx_json__builder_release(b);
	yajl_free(b->yajl);
	tplx_free(b);
	*out = doc;
	return 0;

fail_nomem:
	tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = TPLC_ENOMEM;
fail:
	if (b != NULL) {
		tplx_json__builder_release(b);
		if (b->yajl != NULL)
			yajl_free(b->yajl);
		tplx_free(b);
	}
	tplx_json_doc_free(doc);
	return error;
}

void tplx_json_doc_free(struct tplx_json_doc *doc)
{
	if (doc == NULL)
		return;
	tplx_arena_free(doc->arena);
	tplx_free(doc);
}

void tplx_json_locate(const struct tplx_json_doc *doc, size_t offset,
                      unsigned long *line, unsigned long *column)
{
	size_t i, line_start = 0;
	unsigned long l = 1;

	if (offset > doc->len)
		offset = doc->len;
	for (i = 0; i < offset; i++) {
		if (doc->text[i] == '\n') {
			l++;
			line_start = i + 1;
		}
	}
	*line = l;
	*column = (unsigned long)(offset - line_start) + 1;
}

const struct tplx_json *tplx_json_get(const struct tplx_json *obj,
                                      const char *key)
{
	size_t i;

	if (obj == NULL || obj->type != TPLX_JSON_OBJECT)
		return NULL;
	for (i = 0; i < obj->u.object.count; i++)
		if (strcmp(obj->u.object.members[i].key, key) == 0)
			return obj->u.object.members[i].value;
	return NULL;
}

const char *tplx_json_string(const struct tplx_json *node)
{
	if (node == NULL || node->type != TPLX_JSON_STRING)
		return NULL;
	return node->u.string.ptr;
}

const char *tplx_json_type_name(enum tplx_json_type type)
{
	switch (type) {
	case TPLX_JSON_NULL:
		return "null";
	case TPLX_JSON_BOOL:
		return "a boolean";
	case TPLX_JSON_NUMBER:
		return "a number";
	case TPLX_JSON_STRING:
		return "a string";
	case TPLX_JSON_ARRAY:
		return "an array";
	case TPLX_JSON_OBJECT:
		return "an object";
	}
	return "a value";
}

struct tplx_jpath tplx_jpath_key(const struct tplx_jpath *parent,
                                 const char *key)
{
	struct tplx_jpath p = { parent, key, 0 };

	return p;
}

struct tplx_jpath tplx_jpath_index(const struct tplx_jpath *parent,
                                   size_t index)
{
	struct tplx_jpath p = { parent, NULL, index };

	return p;
}

/* Key names that are not plain identifiers are quoted: a["bom-ref"]. */
static int plain_key(const char *key)
{
	const char *p;

	if (*key == '\0' || (*key >= '0' && *key <= '9'))
		return 0;
	for (p = key; *p != '\0'; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '$' ||
		      c == '@'))
			return 0;
	}
	return 1;
}

static size_t format_path(const struct tplx_jpath *p, char *buf, size_t size)
{
	size_t used;
	int n;

	if (p == NULL || (p->parent == NULL && p->key == NULL))
		return 0; /* the root frame prints as nothing */
	used = format_path(p->parent, buf, size);
	if (used >= size)
		return used;
	if (p->key == NULL)
		n = snprintf(buf + used, size - used, "[%zu]", p->index);
	else if (!plain_key(p->key))
		n = snprintf(buf + used, size - used, "[\"%s\"]", p->key);
	else
		n = snprintf(buf + used, size - used, "%s%s",
		             used > 0 ? "." : "", p->key);
	if (n < 0)
		return size;
	return used + (size_t)n;
}

char *tplx_jpath_format(const struct tplx_jpath *path, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (format_path(path, buf, size) == 0)
		snprintf(buf, size, "(root)");
	return buf;
}

int tplx_json_fail(const struct tplx_json_doc *doc,
                   const struct tplx_json *node, const struct tplx_jpath *path,
                   struct tplc_error *err, const char *fmt, ...)
{
	char where[TPLC_ERROR_PATH_MAX];
	char message[TPLC_ERROR_MESSAGE_MAX];
	unsigned long line = 1, column = 1;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (node != NULL)
		tplx_json_locate(doc, node->offset, &line, &column);
	tplx_jpath_format(path, where, sizeof(where));
	return tplc_error_set_at(err, TPLC_EPARSE, doc->source, line, column,
	                         where, "%s", message);
}

int tplx_json_expect(const struct tplx_json_doc *doc,
                     const struct tplx_json *node,
                     const struct tplx_jpath *path, enum tplx_json_type type,
                     struct tplc_error *err)
{
	if (node != NULL && node->type == type)
		return 0;
	return tplx_json_fail(doc, node, path, err, "expected %s, found %s",
	                      tplx_json_type_name(type),
	                      node ? tplx_json_type_name(node->type)
	                           : "nothing");
}

/* Shared body of the opt/req getters. */
static int get_member(const struct tplx_json_doc *doc,
                      const struct tplx_json *obj,
                      const struct tplx_jpath *path, const char *key,
                      enum tplx_json_type type, int required,
                      const struct tplx_json **out, struct tplc_error *err)
{
	const struct tplx_json *v = tplx_json_get(obj, key);
	struct tplx_jpath member = tplx_jpath_key(path, key);

	*out = NULL;
	if (v == NULL || v->type == TPLX_JSON_NULL) {
		if (!required)
			return 0;
		return tplx_json_fail(doc, v ? v : obj, &member, err,
		                      "required member is missing");
	}
	if (v->type != type)
		return tplx_json_fail(doc, v, &member, err,
		                      "expected %s, found %s",
		                      tplx_json_type_name(type),
		                      tplx_json_type_name(v->type));
	*out = v;
	return 0;
}

int tplx_json_opt_string(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const char **out, struct tplc_error *err)
{
	const struct tplx_json *v;
	int error =
	        get_member(doc, obj, path, key, TPLX_JSON_STRING, 0, &v, err);

	*out = v ? v->u.string.ptr : NULL;
	return error;
}

int tplx_json_req_string(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const char **out, struct tplc_error *err)
{
	const struct tplx_json *v;
	int error =
	        get_member(doc, obj, path, key, TPLX_JSON_STRING, 1, &v, err);

	*out = v ? v->u.string.ptr : NULL;
	return error;
}

int tplx_json_opt_array(const struct tplx_json_doc *doc,
                        const struct tplx_json *obj,
                        const struct tplx_jpath *path, const char *key,
                        const struct tplx_json **out, struct tplc_error *err)
{
	return get_member(doc, obj, path, key, TPLX_JSON_ARRAY, 0, out, err);
}

int tplx_json_opt_object(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const struct tplx_json **out, struct tplc_error *err)
{
	return get_member(doc, obj, path, key, TPLX_JSON_OBJECT, 0, out, err);
}

int tplx_json_opt_number(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const struct tplx_json **out, struct tplc_error *err)
{
	return get_member(doc, obj, path, key, TPLX_JSON_NUMBER, 0, out, err);
}

int tplx_json_opt_bool(const struct tplx_json_doc *doc,
                       const struct tplx_json *obj,
                       const struct tplx_jpath *path, const char *key,
                       bool *present, bool *out, struct tplc_error *err)
{
	const struct tplx_json *v;
	int error = get_member(doc, obj, path, key, TPLX_JSON_BOOL, 0, &v, err);

	*present = v != NULL;
	*out = v ? v->u.boolean : false;
	return error;
}

int tplx_json_fields(const struct tplx_json_doc *doc,
                     const struct tplx_json *obj, const struct tplx_jpath *path,
                     const struct tplx_json_field *fields, size_t count,
                     struct tplc_error *err)
{
	const struct tplx_json *v;
	size_t i;
	int error;

	for (i = 0; i < count; i++) {
		if (fields[i].string != NULL)
			*fields[i].string = NULL;
		if (fields[i].node != NULL)
			*fields[i].node = NULL;
	}
	error = tplx_json_expect(doc, obj, path, TPLX_JSON_OBJECT, err);
	for (i = 0; error == 0 && i < count; i++) {
		error = get_member(doc, obj, path, fields[i].key,
		                   fields[i].type, fields[i].required, &v, err);
		if (error < 0)
			break;
		if (fields[i].string != NULL)
			*fields[i].string = v ? v->u.string.ptr : NULL;
		if (fields[i].node != NULL)
			*fields[i].node = v;
	}
	return error;
}

int tplx_json_only_known(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path,
                         const char *const *allowed, struct tplc_error *err)
{
	size_t i, k;

	for (i = 0; i < obj->u.object.count; i++) {
		const struct tplx_json_member *m = &obj->u.object.members[i];
		struct tplx_jpath at;

		for (k = 0; allowed[k] != NULL; k++)
			if (strcmp(m->key, allowed[k]) == 0)
				break;
		if (allowed[k] != NULL)
			continue;
		at = tplx_jpath_key(path, m->key);
		return tplx_json_fail(doc, m->value, &at, err,
		                      "unknown member");
	}
	return 0;
}

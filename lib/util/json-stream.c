/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplx_json_each: the records of a feed, one small tree at a time, built
 * by json.c's builder (json-build.h).  The top-level object and the
 * records array are skeleton frames: their members are checked (names,
 * depth, syntax) but not kept; each record is built in an arena that is
 * reset, not freed, once cb has seen it.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "json-build.h"
#include "json.h"

struct stream {
	const char *array_key;
	tplx_json_record_cb cb;
	void *data;
	struct tplc_error *err;
	struct tplx_json_doc doc; /* what cb sees: one record, whole text */
	bool any;                 /* a top-level value was seen */
	bool found;               /* array_key was there */
};

/*
 * The path of the value being built, from the open frames; chain holds
 * TPLX_JSON_DEPTH_MAX + 1 entries.
 */
static const struct tplx_jpath *stack_path(const struct tplx_json_builder *b,
                                           struct tplx_jpath *chain)
{
	const struct tplx_jpath *p;
	size_t i, n = 1;

	chain[0] = (struct tplx_jpath)TPLX_JPATH_ROOT;
	p = &chain[0];
	for (i = 0; i < b->depth; i++) {
		const struct tplx_json_frame *f = &b->stack[i];

		if (f->node->type == TPLX_JSON_OBJECT) {
			if (f->pending_key == NULL)
				break;
			chain[n] = tplx_jpath_key(p, f->pending_key);
		} else {
			chain[n] = tplx_jpath_index(p, f->count);
		}
		p = &chain[n++];
	}
	return p;
}

static int refuse(struct tplx_json_builder *b, const char *want,
                  enum tplx_json_type found)
{
	char message[64];

	snprintf(message, sizeof(message), "expected %s, found %s", want,
	         tplx_json_type_name(found));
	return tplx_json__stop(b, TPLC_EPARSE, message);
}

/* A value starts at the top level or right inside a skeleton frame. */
static enum tplx_json_place place(struct tplx_json_builder *b,
                                  enum tplx_json_type type)
{
	struct stream *s = b->stream;
	const struct tplx_json_frame *parent;

	if (b->depth == 0) {
		s->any = true;
		if (s->array_key == NULL)
			return type == TPLX_JSON_ARRAY ? TPLX_PLACE_SKELETON
			                               : TPLX_PLACE_BUILD;
		if (type != TPLX_JSON_OBJECT) {
			refuse(b, "an object", type);
			return TPLX_PLACE_STOP;
		}
		return TPLX_PLACE_SKELETON;
	}
	parent = &b->stack[b->depth - 1];
	if (parent->node->type == TPLX_JSON_ARRAY)
		return TPLX_PLACE_BUILD; /* a record */
	if (strcmp(parent->pending_key, s->array_key) != 0)
		return TPLX_PLACE_BUILD; /* another member: built, dropped */
	if (type != TPLX_JSON_ARRAY) {
		refuse(b, "an array", type);
		return TPLX_PLACE_STOP;
	}
	s->found = true;
	return TPLX_PLACE_SKELETON;
}

static int emit(struct tplx_json_builder *b, struct tplx_json *record,
                const struct tplx_jpath *path)
{
	struct stream *s = b->stream;
	int error;

	s->doc.root = record;
	error = s->cb(&s->doc, record, path, s->data);
	s->doc.root = NULL;
	if (error < 0) {
		b->error = error;
		b->reported = true;
		return 0;
	}
	return 1;
}

/* A finished value whose parent is a skeleton frame, or the top level. */
static int take(struct tplx_json_builder *b, struct tplx_json *value)
{
	struct stream *s = b->stream;
	struct tplx_jpath root = TPLX_JPATH_ROOT, key, item;
	const struct tplx_json_frame *parent;
	int ok = 1;

	if (b->depth == 0) {
		/* the skeleton itself, or a lone record */
		if (s->array_key == NULL && value->type != TPLX_JSON_ARRAY)
			ok = emit(b, value, &root);
	} else {
		parent = &b->stack[b->depth - 1];
		if (parent->node->type == TPLX_JSON_ARRAY) {
			if (b->depth == 2) {
				key = tplx_jpath_key(&root, s->array_key);
				item = tplx_jpath_index(&key, parent->count);
			} else {
				item = tplx_jpath_index(&root, parent->count);
			}
			ok = emit(b, value, &item);
		}
	}
	tplx_arena_reset(b->arena);
	return ok;
}

static int fail(struct tplx_json_builder *b, struct stream *s,
                yajl_status status, const char *text, size_t skip, size_t len)
{
	struct tplx_jpath chain[TPLX_JSON_DEPTH_MAX + 1];
	char reason[256], where[TPLC_ERROR_PATH_MAX];
	const struct tplx_jpath *path;
	unsigned long line, column;
	int error = TPLC_EPARSE;
	size_t at;

	if (b->reported)
		return b->error;
	if (b->error != 0) {
		error = b->error;
		snprintf(reason, sizeof(reason), "%s", b->message);
		at = b->error_offset;
	} else if (status != yajl_status_ok) {
		tplx_json__yajl_reason(b->yajl, text + skip, len - skip, reason,
		                       sizeof(reason));
		at = skip + yajl_get_bytes_consumed(b->yajl);
	} else if (!s->any) {
		return tplc_error_set_at(s->err, TPLC_EPARSE, s->doc.source, 1,
		                         1, NULL, "empty document");
	} else { /* array_key is missing */
		struct tplx_jpath root = TPLX_JPATH_ROOT;

		chain[1] = tplx_jpath_key(&root, s->array_key);
		tplx_jpath_format(&chain[1], where, sizeof(where));
		return tplc_error_set_at(s->err, TPLC_EPARSE, s->doc.source, 1,
		                         1, where,
		                         "required member is missing");
	}
	if (error == TPLC_ENOMEM)
		return tplc_error_set(s->err, error, "out of memory");
	tplx_json_locate(&s->doc, at, &line, &column);
	path = stack_path(b, chain);
	tplx_jpath_format(path, where, sizeof(where));
	return tplc_error_set_at(s->err, error, s->doc.source, line, column,
	                         path != &chain[0] ? where : NULL, "%s",
	                         reason);
}

int tplx_json_each(const char *text, size_t len, const char *source,
                   const char *array_key, tplx_json_record_cb cb, void *data,
                   struct tplc_error *err)
{
	struct tplx_json_builder *b = tplx_calloc(1, sizeof(*b));
	struct stream s;
	yajl_status status;
	size_t skip = 0;
	int error = 0;

	memset(&s, 0, sizeof(s));
	s.array_key = array_key;
	s.cb = cb;
	s.data = data;
	s.err = err;
	s.doc.source = source;
	s.doc.text = text;
	s.doc.len = len;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	if (b == NULL)
		goto nomem;
	s.doc.arena = tplx_arena_new();
	b->skeleton_arena = tplx_arena_new();
	if (s.doc.arena == NULL || b->skeleton_arena == NULL)
		goto nomem;
	b->doc = &s.doc;
	b->arena = s.doc.arena;
	b->base = skip;
	b->last_end = skip;
	b->place = place;
	b->take = take;
	b->stream = &s;
	b->yajl = tplx_json__yajl_new(b);
	if (b->yajl == NULL)
		goto nomem;
	status = yajl_parse(b->yajl, (const unsigned char *)text + skip,
	                    len - skip);
	if (status == yajl_status_ok)
		status = yajl_complete_parse(b->yajl);
	if (status != yajl_status_ok || b->error != 0 || !s.any ||
	    (array_key != NULL && !s.found))
		error = fail(b, &s, status, text, skip, len);
	goto out;

nomem:
	error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
out:
	if (b != NULL) {
		tplx_json__builder_release(b);
		if (b->yajl != NULL)
			yajl_free(b->yajl);
		tplx_arena_free(b->skeleton_arena);
		tplx_free(b);
	}
	tplx_arena_free(s.doc.arena);
	return error;
}

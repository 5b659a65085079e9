/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_JSON_BUILD_H
#define TPLX_JSON_BUILD_H

/*
 * Private to json.c and json-stream.c: the tree builder both drive with
 * yajl.  tplx_json_parse builds the whole document; tplx_json_each marks
 * the containers at the bottom of the stack as "skeleton" (the top-level
 * object, the records array): their children are handed to a hook as
 * they finish instead of being kept, so only one record is ever built.
 */

#include <stdbool.h>
#include <stddef.h>

#include <yajl/yajl_parse.h>

#include "json.h"

struct tplx_json_frame {
	struct tplx_json *node;
	size_t start; /* first child in the builder's scratch stack */
	size_t count; /* children so far */
	const char *pending_key; /* objects: key awaiting its value */
	size_t pending_key_len;
	size_t pending_key_offset;
	bool skeleton; /* children go to the take hook, not the tree */
};

struct tplx_json_builder;

/* What a value about to start at the skeleton level becomes. */
enum tplx_json_place {
	TPLX_PLACE_STOP,     /* refused: the hook called tplx_json__stop */
	TPLX_PLACE_BUILD,    /* built as a tree in b->arena */
	TPLX_PLACE_SKELETON, /* a container whose children are handed on */
};

struct tplx_json_builder {
	struct tplx_json_doc *doc;
	struct tplx_arena *arena; /* where nodes and strings go */
	yajl_handle yajl;
	struct tplx_json_frame stack[TPLX_JSON_DEPTH_MAX];
	size_t depth;
	/* Children of the open containers, one stack for all of them: a
	 * container's are on top while it is open, so nothing is allocated
	 * per container. */
	struct tplx_json_member *members;
	size_t member_count, member_cap;
	struct tplx_json **items;
	size_t item_count, item_cap;
	size_t base;     /* bytes skipped before yajl's input (a BOM) */
	size_t last_end; /* offset just past the previous token */
	int error;       /* set when a callback stops the parse */
	bool reported;   /* the error is already in err (a record callback) */
	char message[128];
	size_t error_offset;

	/* Streaming only (NULL for tplx_json_parse). */
	struct tplx_arena *skeleton_arena; /* skeleton nodes and keys */
	enum tplx_json_place (*place)(struct tplx_json_builder *b,
	                              enum tplx_json_type type);
	/* A finished value whose parent is a skeleton frame (or none). */
	int (*take)(struct tplx_json_builder *b, struct tplx_json *value);
	void *stream;
};

/* A yajl handle whose callbacks build into b, allocating through
 * lib/util/alloc.h; NULL when out of memory. */
yajl_handle tplx_json__yajl_new(struct tplx_json_builder *b);

/* Stop the parse with code and message at the current token; returns 0
 * for yajl. */
int tplx_json__stop(struct tplx_json_builder *b, int code, const char *message);
/* Offset of the token yajl is on. */
size_t tplx_json__token_start(struct tplx_json_builder *b);
/* Free what the builder holds (not the doc, not yajl). */
void tplx_json__builder_release(struct tplx_json_builder *b);
/* yajl's reason for a syntax error, without its prefix and newlines. */
void tplx_json__yajl_reason(yajl_handle h, const char *text, size_t len,
                            char *out, size_t size);

#endif

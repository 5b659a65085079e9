/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_JSON_H
#define TPLX_JSON_H

/*
 * The one JSON walk every document parser shares.  A document is parsed by
 * yajl into a tree that lives in one arena; every node remembers where it
 * starts in the source, so a parser that dislikes a value can report
 * "file:line:col: components[3].version: expected a string" through
 * tplx_json_fail without tracking positions itself.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplx_arena;

/* Nesting deeper than this is rejected: no real document needs it. */
#define TPLX_JSON_DEPTH_MAX 256

enum tplx_json_type {
	TPLX_JSON_NULL,
	TPLX_JSON_BOOL,
	TPLX_JSON_NUMBER,
	TPLX_JSON_STRING,
	TPLX_JSON_ARRAY,
	TPLX_JSON_OBJECT,
};

struct tplx_json;
struct tplx_jpath;

struct tplx_json_member {
	const char *key; /* NUL-terminated, decoded */
	size_t key_len;
	struct tplx_json *value;
	size_t key_offset; /* where the name starts in the source */
};

struct tplx_json {
	enum tplx_json_type type;
	size_t offset; /* byte offset of the value's first character */
	union {
		bool boolean;
		struct {
			const char *text; /* as written, NUL-terminated */
			double value;
			bool is_integer; /* no fraction and no exponent */
		} number;
		struct {
			const char *ptr; /* decoded, NUL-terminated */
			size_t len;      /* may hold \u0000, so keep len */
		} string;
		struct {
			struct tplx_json **items;
			size_t count;
		} array;
		struct {
			struct tplx_json_member *members;
			size_t count;
		} object;
	} u;
};

struct tplx_json_doc {
	struct tplx_arena *arena; /* owns every node and string */
	struct tplx_json *root;
	const char *source; /* name used in errors, borrowed */
	const char *text;   /* the parsed bytes, borrowed */
	size_t len;
};

/*
 * Parse len bytes of text (a leading UTF-8 BOM is skipped).  source names
 * the input in errors.  text and source must outlive the document, which
 * the caller frees with tplx_json_doc_free.  Duplicate member names are an
 * error: a document that says two things is not one we can trust.
 */
int tplx_json_parse(struct tplx_json_doc **out, const char *text, size_t len,
                    const char *source, struct tplc_error *err);
void tplx_json_doc_free(struct tplx_json_doc *doc);

/*
 * Streaming: the records of a feed one at a time, for files too large to
 * hold as one tree.  array_key names the member of the top-level object
 * whose array elements are the records ("vulnerabilities" in an NVD
 * page); NULL means the top level is an array of records, or a single
 * record.  Each record is built as a tree of its own, handed to cb with
 * its path ("vulnerabilities[12]"), and dropped when cb returns: memory
 * stays at one record.  doc->text is the whole text, so tplx_json_fail on
 * a record gives the position in the file.  The rest of the document is
 * checked as tplx_json_parse checks it, but records before a syntax error
 * have been handed on already: the caller makes the walk a transaction.
 * cb returns 0 to go on or a negative TPLC_E* (err filled) that stops the
 * walk and is returned.  A missing array_key member is an error.
 */
typedef int (*tplx_json_record_cb)(const struct tplx_json_doc *doc,
                                   const struct tplx_json *record,
                                   const struct tplx_jpath *path, void *data);
int tplx_json_each(const char *text, size_t len, const char *source,
                   const char *array_key, tplx_json_record_cb cb, void *data,
                   struct tplc_error *err);

/* 1-based line and column (in bytes) of a byte offset. */
void tplx_json_locate(const struct tplx_json_doc *doc, size_t offset,
                      unsigned long *line, unsigned long *column);

/* Member of an object, or NULL (also when obj is not an object). */
const struct tplx_json *tplx_json_get(const struct tplx_json *obj,
                                      const char *key);
/* The string value, or NULL when node is not a string. */
const char *tplx_json_string(const struct tplx_json *node);
/* A type's name for messages: "a string", "an object", ... */
const char *tplx_json_type_name(enum tplx_json_type type);

/*
 * Paths.  A path is a chain of stack frames built while descending, so it
 * costs nothing until an error formats it:
 *
 *	struct tplx_jpath comps = tplx_jpath_key(&root, "components");
 *	struct tplx_jpath item = tplx_jpath_index(&comps, i);
 */
struct tplx_jpath {
	const struct tplx_jpath *parent;
	const char *key; /* member name; NULL for an array element */
	size_t index;
};

#define TPLX_JPATH_ROOT       \
	{                     \
		NULL, NULL, 0 \
	}

struct tplx_jpath tplx_jpath_key(const struct tplx_jpath *parent,
                                 const char *key);
struct tplx_jpath tplx_jpath_index(const struct tplx_jpath *parent,
                                   size_t index);
/* "components[3].hashes[0].alg"; the root alone is "(root)". */
char *tplx_jpath_format(const struct tplx_jpath *path, char *buf, size_t size);

/*
 * Record a TPLC_EPARSE error located at node (or the document start when
 * node is NULL) with path, and return TPLC_EPARSE.
 */
int tplx_json_fail(const struct tplx_json_doc *doc,
                   const struct tplx_json *node, const struct tplx_jpath *path,
                   struct tplc_error *err, const char *fmt, ...)
        TPLC_PRINTF(5, 6);

/*
 * Typed member access with located errors.  "opt" getters leave *out NULL
 * (or false) when the member is missing or null and fail only on a wrong
 * type; "req" getters also fail when it is missing.  path is the path of
 * obj itself; the member's name is appended in messages.
 */
int tplx_json_expect(const struct tplx_json_doc *doc,
                     const struct tplx_json *node,
                     const struct tplx_jpath *path, enum tplx_json_type type,
                     struct tplc_error *err);
int tplx_json_opt_string(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const char **out, struct tplc_error *err);
int tplx_json_req_string(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const char **out, struct tplc_error *err);
int tplx_json_opt_array(const struct tplx_json_doc *doc,
                        const struct tplx_json *obj,
                        const struct tplx_jpath *path, const char *key,
                        const struct tplx_json **out, struct tplc_error *err);
int tplx_json_opt_object(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const struct tplx_json **out, struct tplc_error *err);
int tplx_json_opt_number(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path, const char *key,
                         const struct tplx_json **out, struct tplc_error *err);
int tplx_json_opt_bool(const struct tplx_json_doc *doc,
                       const struct tplx_json *obj,
                       const struct tplx_jpath *path, const char *key,
                       bool *present, bool *out, struct tplc_error *err);

/*
 * Several members at once, from a table: the form parsers use, so that a
 * record's fields read as a list rather than a chain of calls.
 *
 *	const char *id, *summary;
 *	const struct tplx_json *affected;
 *	const struct tplx_json_field fields[] = {
 *		TPLX_FIELD_STRING("id", &id, true),
 *		TPLX_FIELD_STRING("summary", &summary, false),
 *		TPLX_FIELD_NODE("affected", TPLX_JSON_ARRAY, &affected, false),
 *	};
 *	error = tplx_json_fields(doc, rec, path, fields,
 *				 TPLX_FIELDS_COUNT(fields), err);
 *
 * Each output is set (NULL when absent) before the first error, which is
 * reported for the first failing member in table order, as the opt/req
 * getters report it.  obj itself must be an object.
 */
struct tplx_json_field {
	const char *key;
	enum tplx_json_type type;
	bool required;
	const char **string;           /* for TPLX_JSON_STRING */
	const struct tplx_json **node; /* for every other type */
};

#define TPLX_FIELD_STRING(key, out, required)                    \
	{                                                        \
		(key), TPLX_JSON_STRING, (required), (out), NULL \
	}
#define TPLX_FIELD_NODE(key, type, out, required)      \
	{                                              \
		(key), (type), (required), NULL, (out) \
	}
#define TPLX_FIELDS_COUNT(fields) (sizeof(fields) / sizeof((fields)[0]))

int tplx_json_fields(const struct tplx_json_doc *doc,
                     const struct tplx_json *obj, const struct tplx_jpath *path,
                     const struct tplx_json_field *fields, size_t count,
                     struct tplc_error *err);

/*
 * For documents tplc defines itself (notices, manifests, receipts): a
 * member of obj not in allowed (NULL-terminated) is TPLC_EPARSE "unknown
 * member" at its path, so a misspelt field is never silently ignored.
 */
int tplx_json_only_known(const struct tplx_json_doc *doc,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path,
                         const char *const *allowed, struct tplc_error *err);

#endif

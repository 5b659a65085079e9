/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_JSONW_H
#define TPLX_JSONW_H

/*
 * A streaming JSON writer: commas, nesting and escaping are its business,
 * so callers only say what comes next.  Output is one compact line per
 * top-level value unless pretty is set.
 */

#include <stdbool.h>
#include <stdio.h>

#define TPLX_JSONW_DEPTH_MAX 32

struct tplx_jsonw {
	FILE *fp;
	bool pretty;
	int depth;
	bool first[TPLX_JSONW_DEPTH_MAX]; /* no member yet at this depth */
	bool after_key;
};

void tplx_jsonw_init(struct tplx_jsonw *w, FILE *fp, bool pretty);
void tplx_jsonw_object_begin(struct tplx_jsonw *w);
void tplx_jsonw_object_end(struct tplx_jsonw *w);
void tplx_jsonw_array_begin(struct tplx_jsonw *w);
void tplx_jsonw_array_end(struct tplx_jsonw *w);
void tplx_jsonw_key(struct tplx_jsonw *w, const char *key);
void tplx_jsonw_string(struct tplx_jsonw *w, const char *s); /* NULL: null */
void tplx_jsonw_int(struct tplx_jsonw *w, long long v);
void tplx_jsonw_double(struct tplx_jsonw *w, double v);
void tplx_jsonw_bool(struct tplx_jsonw *w, bool v);
void tplx_jsonw_null(struct tplx_jsonw *w);

/* key + value shorthands for object members */
void tplx_jsonw_kstring(struct tplx_jsonw *w, const char *key, const char *s);
void tplx_jsonw_kint(struct tplx_jsonw *w, const char *key, long long v);
/* v < 0 writes null: scores use -1 for "none" */
void tplx_jsonw_kscore(struct tplx_jsonw *w, const char *key, double v);
void tplx_jsonw_kbool(struct tplx_jsonw *w, const char *key, bool v);

#endif

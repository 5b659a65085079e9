/* SPDX-License-Identifier: Apache-2.0 */
#include <math.h>

#include "jsonw.h"

void tplx_jsonw_init(struct tplx_jsonw *w, FILE *fp, bool pretty)
{
	w->fp = fp;
	w->pretty = pretty;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
}

static void indent(struct tplx_jsonw *w)
{
	int i;

	if (!w->pretty)
		return;
	fputc('\n', w->fp);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->fp);
}

/* Separate this value from the one before it. */
static void before_value(struct tplx_jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0) {
		if (!w->first[0])
			fputc('\n', w->fp); /* JSON lines at top level */
		w->first[0] = false;
		return;
	}
	if (!w->first[w->depth])
		fputc(',', w->fp);
	w->first[w->depth] = false;
	indent(w);
}

static void open_container(struct tplx_jsonw *w, char c)
{
	before_value(w);
	fputc(c, w->fp);
	if (w->depth < TPLX_JSONW_DEPTH_MAX - 1)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_container(struct tplx_jsonw *w, char c)
{
	bool empty = w->first[w->depth];

	if (w->depth > 0)
		w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->fp);
	if (w->depth == 0) {
		fputc('\n', w->fp);
		w->first[0] = true;
	}
}

void tplx_jsonw_object_begin(struct tplx_jsonw *w)
{
	open_container(w, '{');
}

void tplx_jsonw_object_end(struct tplx_jsonw *w)
{
	close_container(w, '}');
}

void tplx_jsonw_array_begin(struct tplx_jsonw *w)
{
	open_container(w, '[');
}

void tplx_jsonw_array_end(struct tplx_jsonw *w)
{
	close_container(w, ']');
}

static void write_escaped(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', fp);
	for (; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

void tplx_jsonw_key(struct tplx_jsonw *w, const char *key)
{
	before_value(w);
	write_escaped(w->fp, key);
	fputs(w->pretty ? ": " : ":", w->fp);
	w->after_key = true;
}

void tplx_jsonw_string(struct tplx_jsonw *w, const char *s)
{
	if (s == NULL) {
		tplx_jsonw_null(w);
		return;
	}
	before_value(w);
	write_escaped(w->fp, s);
}

void tplx_jsonw_int(struct tplx_jsonw *w, long long v)
{
	before_value(w);
	fprintf(w->fp, "%lld", v);
}

void tplx_jsonw_double(struct tplx_jsonw *w, double v)
{
	if (!isfinite(v)) {
		tplx_jsonw_null(w);
		return;
	}
	before_value(w);
	fprintf(w->fp, "%.10g", v);
}

void tplx_jsonw_bool(struct tplx_jsonw *w, bool v)
{
	before_value(w);
	fputs(v ? "true" : "false", w->fp);
}

void tplx_jsonw_null(struct tplx_jsonw *w)
{
	before_value(w);
	fputs("null", w->fp);
}

void tplx_jsonw_kstring(struct tplx_jsonw *w, const char *key, const char *s)
{
	tplx_jsonw_key(w, key);
	tplx_jsonw_string(w, s);
}

void tplx_jsonw_kint(struct tplx_jsonw *w, const char *key, long long v)
{
	tplx_jsonw_key(w, key);
	tplx_jsonw_int(w, v);
}

void tplx_jsonw_kscore(struct tplx_jsonw *w, const char *key, double v)
{
	tplx_jsonw_key(w, key);
	if (v < 0)
		tplx_jsonw_null(w);
	else
		tplx_jsonw_double(w, v);
}

void tplx_jsonw_kbool(struct tplx_jsonw *w, const char *key, bool v)
{
	tplx_jsonw_key(w, key);
	tplx_jsonw_bool(w, v);
}

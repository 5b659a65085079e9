/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Advisory dispatch by kind, and the builder every advisory parser fills
 * (advisory-build.h).
 */
#include <string.h>

#include "advisory-build.h"
#include "tplc/advisory.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"

/* KEV comes as JSON or CSV: the first byte that is not blank decides. */
static bool looks_like_json(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	                   data[i] == '\r' || data[i] == '\n'))
		i++;
	return i < len && (data[i] == '{' || data[i] == '[');
}

static int kev_parse(struct tplc_advisory **out, const char *data, size_t len,
                     const char *source, struct tplc_error *err)
{
	return looks_like_json(data, len)
	               ? tplc_kev_parse_json(out, data, len, source, err)
	               : tplc_kev_parse_csv(out, data, len, source, err);
}

typedef int (*parse_fn)(struct tplc_advisory **out, const char *data,
                        size_t len, const char *source, struct tplc_error *err);
typedef int (*each_fn)(const char *data, size_t len, const char *source,
                       tplc_advisory_cb cb, void *cbdata,
                       struct tplc_error *err);

/* One row a kind: a document parser, a feed walker, or both. */
static const struct advisory_kind {
	const char *name;
	parse_fn parse; /* one document, one advisory */
	each_fn each;   /* a feed: one advisory per record */
} kinds[] = {
	{ "kev", kev_parse, NULL },
	{ "csaf", tplc_csaf_parse, NULL },
	{ "osv", tplc_osv_parse, tplc_osv_each },
	{ "epss", tplc_epss_parse, NULL },
	{ "nvd", NULL, tplc_nvd_each },
	{ "cve", tplc_cve5_parse, NULL },
	{ "vex", tplc_vex_parse, NULL },
};

static const struct advisory_kind *find_kind(const char *name,
                                             struct tplc_error *err)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	tplc_error_set(err, TPLC_EINVAL, "unknown advisory kind \"%s\"",
	               name ? name : "");
	return NULL;
}

int tplc_advisory_parse(struct tplc_advisory **out, const char *kind,
                        const char *data, size_t len, const char *source,
                        struct tplc_error *err)
{
	const struct advisory_kind *k = find_kind(kind, err);

	*out = NULL;
	if (k == NULL)
		return TPLC_EINVAL;
	if (k->parse == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s is a feed of many records: read it "
		                      "with tplc_advisory_each",
		                      kind);
	return k->parse(out, data, len, source, err);
}

int tplc_advisory_each(const char *kind, const char *data, size_t len,
                       const char *source, tplc_advisory_cb cb, void *cbdata,
                       struct tplc_error *err)
{
	const struct advisory_kind *k = find_kind(kind, err);
	struct tplc_advisory *adv = NULL;
	int error;

	if (k == NULL)
		return TPLC_EINVAL;
	if (k->each != NULL)
		return k->each(data, len, source, cb, cbdata, err);
	error = k->parse(&adv, data, len, source, err);
	if (error == 0)
		error = cb(adv, cbdata); /* which owns adv now */
	return error;
}

/* ---- the builder ------------------------------------------------------ */

int tplc_advisory_build_cwe(struct tplc_advisory_build *b,
                            const struct tplx_json_doc *doc,
                            const struct tplx_json *node,
                            const struct tplx_jpath *path,
                            const struct tplc_cwe_keys *keys, const char **cwe)
{
	struct tplx_jpath at = tplx_jpath_key(path, keys->list), item, texts_at;
	const struct tplx_json *list, *texts = NULL;
	size_t i, k;
	int error;

	error = tplx_json_opt_array(doc, node, path, keys->list, &list, b->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(doc, list->u.array.items[i], &item,
		                         TPLX_JSON_OBJECT, b->err);
		if (error == 0)
			error = tplx_json_opt_array(doc, list->u.array.items[i],
			                            &item, keys->texts, &texts,
			                            b->err);
		texts_at = tplx_jpath_key(&item, keys->texts);
		for (k = 0;
		     error == 0 && texts != NULL && k < texts->u.array.count;
		     k++) {
			const char *value = NULL;
			struct tplx_jpath d = tplx_jpath_index(&texts_at, k);

			error = keys->required
			                ? tplx_json_req_string(
			                          doc, texts->u.array.items[k],
			                          &d, keys->value, &value,
			                          b->err)
			                : tplx_json_opt_string(
			                          doc, texts->u.array.items[k],
			                          &d, keys->value, &value,
			                          b->err);
			if (error == 0 && *cwe == NULL && value != NULL &&
			    strncmp(value, "CWE-", 4) == 0)
				error = tplc_advisory_build_str(b, cwe, value);
		}
	}
	return error;
}

int tplc_advisory_build_nomem(struct tplc_advisory_build *b)
{
	if (b->error == 0)
		b->error = TPLC_ENOMEM;
	return tplc_error_set(b->err, TPLC_ENOMEM, "out of memory");
}

int tplc_advisory_build_init(struct tplc_advisory_build *b, const char *source,
                             struct tplc_error *err)
{
	struct tplx_arena *arena = tplx_arena_new();

	memset(b, 0, sizeof(*b));
	b->err = err;
	if (arena == NULL)
		return tplc_advisory_build_nomem(b);
	b->adv = tplx_arena_alloc(arena, sizeof(*b->adv));
	if (b->adv == NULL) {
		tplx_arena_free(arena);
		return tplc_advisory_build_nomem(b);
	}
	b->adv->arena = arena;
	b->adv->source = source; /* a string literal of the parser */
	return 0;
}

void tplc_advisory_build_abort(struct tplc_advisory_build *b)
{
	tplx_free(b->vulns);
	tplx_free(b->affected);
	if (b->adv != NULL)
		tplx_arena_free(b->adv->arena);
	b->vulns = NULL;
	b->affected = NULL;
	b->adv = NULL;
	b->vuln_count = b->affected_count = 0;
}

/* Copy a heap vector into the arena, exactly sized; NULL when empty. */
static int move_array(struct tplc_advisory_build *b, void **dst,
                      const void *src, size_t count, size_t size)
{
	void *p;

	*dst = NULL;
	if (count == 0)
		return 0;
	p = tplx_arena_array(b->adv->arena, count, size);
	if (p == NULL)
		return tplc_advisory_build_nomem(b);
	memcpy(p, src, count * size);
	*dst = p;
	return 0;
}

int tplc_advisory_build_finish(struct tplc_advisory_build *b,
                               struct tplc_advisory **out)
{
	struct tplc_advisory *adv = b->adv;
	void *vulns = NULL, *affected = NULL;
	int error = b->error;

	*out = NULL;
	if (error == 0)
		error = move_array(b, &vulns, b->vulns, b->vuln_count,
		                   sizeof(*b->vulns));
	if (error == 0)
		error = move_array(b, &affected, b->affected, b->affected_count,
		                   sizeof(*b->affected));
	if (error != 0) {
		tplc_advisory_build_abort(b);
		return error;
	}
	adv->vulns = vulns;
	adv->vuln_count = b->vuln_count;
	adv->affected = affected;
	adv->affected_count = b->affected_count;
	b->adv = NULL; /* now the caller's */
	tplc_advisory_build_abort(b);
	*out = adv;
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

int tplc_advisory_build_strn(struct tplc_advisory_build *b, const char **dst,
                             const char *s, size_t len)
{
	char *copy;

	*dst = NULL;
	if (s == NULL)
		return 0;
	while (len > 0 && is_space(*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len == 0)
		return 0;
	copy = tplx_arena_strndup(b->adv->arena, s, len);
	if (copy == NULL)
		return tplc_advisory_build_nomem(b);
	*dst = copy;
	return 0;
}

int tplc_advisory_build_str(struct tplc_advisory_build *b, const char **dst,
                            const char *s)
{
	return tplc_advisory_build_strn(b, dst, s, s ? strlen(s) : 0);
}

/* Room for one more element of a heap vector. */
static int grow(struct tplc_advisory_build *b, void **vec, size_t count,
                size_t *cap, size_t size)
{
	size_t n;
	void *p;

	if (count < *cap)
		return 0;
	n = *cap ? *cap * 2 : 16;
	p = tplx_reallocarray(*vec, n, size);
	if (p == NULL)
		return tplc_advisory_build_nomem(b);
	*vec = p;
	*cap = n;
	return 0;
}

int tplc_advisory_build_vuln(struct tplc_advisory_build *b, size_t *index)
{
	void *vec = b->vulns;
	struct tplc_vuln *v;

	if (grow(b, &vec, b->vuln_count, &b->vuln_cap, sizeof(*v)) != 0)
		return TPLC_ENOMEM;
	b->vulns = vec;
	v = &b->vulns[b->vuln_count];
	memset(v, 0, sizeof(*v));
	v->cvss_score = -1;
	*index = b->vuln_count++;
	return 0;
}

int tplc_advisory_build_affected(struct tplc_advisory_build *b, size_t vuln,
                                 size_t *index)
{
	void *vec = b->affected;
	struct tplc_affected *a;

	if (grow(b, &vec, b->affected_count, &b->affected_cap, sizeof(*a)) != 0)
		return TPLC_ENOMEM;
	b->affected = vec;
	a = &b->affected[b->affected_count];
	memset(a, 0, sizeof(*a));
	a->vuln = vuln;
	*index = b->affected_count++;
	return 0;
}

/* ---- vers ---------------------------------------------------------------- */

/* The bytes a vers version must carry percent-encoded, and only those
 * (as lib/ident/vers.c checks). */
static bool vers_must_encode(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '=' ||
	       c == '!' || c == '*' || c == '|' || c == '%';
}

int tplc_advisory__vers_add_version(struct tplx_buf *buf, const char *version)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	int error = 0;

	for (p = (const unsigned char *)version; *p != '\0' && error == 0;
	     p++) {
		if (!vers_must_encode(*p)) {
			error = tplx_buf_addc(buf, (char)*p);
		} else {
			char esc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			error = tplx_buf_add(buf, esc, sizeof(esc));
		}
	}
	return error;
}

int tplc_advisory__vers_check(const char *s)
{
	struct tplc_vers *range = NULL;
	int error = tplc_vers_parse(&range, s, NULL);

	tplc_vers_free(range);
	if (error == TPLC_ENOMEM || error == 0)
		return error;
	return TPLC_EPARSE;
}

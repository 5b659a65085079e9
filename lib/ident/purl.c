/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Package URLs: parsing as purl-spec's how-to-parse does (right to left),
 * the checks and normalisations every type shares, and the canonical
 * form.  A parsed purl is one allocation holding the struct, its
 * qualifier array and its strings.
 */
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "tplc/purl.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"

#define LENIENT 1u
/* More than fit in TPLC_PURL_MAX bytes of "a=b&". */
#define QUALIFIERS_MAX (TPLC_PURL_MAX / 4)
/* Whatever tplc writes, it must be able to read back. */
#define OUT_MAX TPLC_PURL_MAX

static int fail(struct tplc_error *err, const char *s, const char *why)
{
	return tplc_error_set(err, TPLC_EPARSE, "invalid purl \"%.100s\": %s",
	                      s != NULL ? s : "", why);
}

/* RFC 3986 unreserved characters, and ':' which purl leaves alone. */
static bool keep(unsigned char c)
{
	return tplc_ident__digit((char)c) || tplc_ident__alpha((char)c) ||
	       c == '.' || c == '-' || c == '_' || c == '~' || c == ':';
}

/*
 * Clean a '/'-separated path in place: drop empty segments (and "." and
 * ".." when dots is set), percent-decode each segment when decode is
 * set.  Decoding only shrinks, so the output never overtakes the input.
 */
static int clean_path(char *s, bool decode, bool dots, const char **why)
{
	size_t r = 0, w = 0, start, len, at, n, bad;

	while (s[r] != '\0') {
		start = r;
		while (s[r] != '\0' && s[r] != '/')
			r++;
		len = r - start;
		if (s[r] == '/')
			r++;
		if (len == 0)
			continue;
		at = w > 0 ? w + 1 : 0; /* room for the '/' before it */
		if (!decode) {
			memmove(s + at, s + start, len);
			n = len;
		} else if ((n = tplc_ident__pct_decode(s + at, s + start, len,
		                                       &bad)) == (size_t)-1) {
			*why = "invalid percent-encoding";
			return -1;
		} else if (memchr(s + at, '/', n) != NULL) {
			*why = "a path segment cannot hold an encoded '/'";
			return -1;
		}
		if (dots && s[at] == '.' &&
		    (n == 1 || (n == 2 && s[at + 1] == '.')))
			continue;
		if (w > 0)
			s[w] = '/';
		w = at + n;
	}
	s[w] = '\0';
	return 0;
}

static bool valid_type(const char *t)
{
	if (!tplc_ident__alpha(*t))
		return false;
	for (; *t != '\0'; t++)
		if (!tplc_ident__alpha(*t) && !tplc_ident__digit(*t) &&
		    *t != '.' && *t != '-')
			return false;
	return true;
}

static int check_key(char *key, unsigned flags, const char *s,
                     struct tplc_error *err)
{
	char *k;

	if (*key == '\0' || tplc_ident__digit(*key))
		return fail(err, s, "invalid qualifier key");
	for (k = key; *k != '\0'; k++) {
		if (*k >= 'A' && *k <= 'Z') {
			if (!(flags & LENIENT))
				return fail(err, s,
				            "qualifier keys must be lowercase");
			*k = (char)(*k - 'A' + 'a');
		} else if (!tplc_ident__alpha(*k) && !tplc_ident__digit(*k) &&
		           *k != '.' && *k != '-' && *k != '_') {
			return fail(err, s, "invalid qualifier key");
		}
	}
	return 0;
}

static int qualifier_order(const void *a, const void *b)
{
	return strcmp(((const struct tplc_purl_qualifier *)a)->key,
	              ((const struct tplc_purl_qualifier *)b)->key);
}

/* The rules every purl follows, for parsed and caller-built ones alike. */
static int normalize(struct tplc_purl *p, unsigned flags, const char *s,
                     struct tplc_error *err)
{
	const char *why = NULL;
	size_t i, n = 0;
	int error;

	if (p->type == NULL || *p->type == '\0')
		return fail(err, s, "missing type");
	if (!valid_type(p->type))
		return fail(err, s, "invalid type");
	tplc_ident__lower(p->type);
	if (p->namespace != NULL) {
		clean_path(p->namespace, false, false, &why);
		if (*p->namespace == '\0')
			p->namespace = NULL;
	}
	if (p->name != NULL && tplc_ident__purl_name_is_path(p->type))
		clean_path(p->name, false, false, &why);
	if (p->name == NULL || *p->name == '\0')
		return fail(err, s, "missing name");
	if (p->version != NULL && *p->version == '\0')
		p->version = NULL;
	if (p->subpath != NULL) {
		clean_path(p->subpath, false, true, &why);
		if (*p->subpath == '\0')
			p->subpath = NULL;
	}
	for (i = 0; i < p->qualifier_count; i++) {
		struct tplc_purl_qualifier q = p->qualifiers[i];

		if (q.key == NULL)
			return fail(err, s, "qualifier without a key");
		if ((error = check_key(q.key, flags, s, err)) != 0)
			return error;
		if (q.value != NULL && *q.value != '\0')
			p->qualifiers[n++] = q; /* empty values are dropped */
	}
	p->qualifier_count = n;
	if (n > 1)
		qsort(p->qualifiers, n, sizeof(*p->qualifiers),
		      qualifier_order);
	for (i = 1; i < n; i++)
		if (strcmp(p->qualifiers[i - 1].key, p->qualifiers[i].key) == 0)
			return fail(err, s, "duplicate qualifier key");
	return tplc_ident__purl_type_rules(p, err);
}

static size_t size_of(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 0;
}

static char *put(char **w, const char *s)
{
	char *r = *w;
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(r, s, n);
	*w += n;
	return r;
}

/* Copy src into one allocation. */
static int pack(struct tplc_purl **out, const struct tplc_purl *src,
                struct tplc_error *err)
{
	size_t i, need = sizeof(*src);
	struct tplc_purl *p;
	char *w;

	need += src->qualifier_count * sizeof(*src->qualifiers);
	need += size_of(src->type) + size_of(src->namespace) +
	        size_of(src->name) + size_of(src->version) +
	        size_of(src->subpath);
	for (i = 0; i < src->qualifier_count; i++)
		need += size_of(src->qualifiers[i].key) +
		        size_of(src->qualifiers[i].value);
	p = tplx_malloc(need);
	if (p == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	p->qualifier_count = src->qualifier_count;
	p->qualifiers = src->qualifier_count > 0
	                        ? (struct tplc_purl_qualifier *)(p + 1)
	                        : NULL;
	w = (char *)(p + 1) + src->qualifier_count * sizeof(*p->qualifiers);
	p->type = put(&w, src->type);
	p->namespace = put(&w, src->namespace);
	p->name = put(&w, src->name);
	p->version = put(&w, src->version);
	p->subpath = put(&w, src->subpath);
	for (i = 0; i < src->qualifier_count; i++) {
		p->qualifiers[i].key = put(&w, src->qualifiers[i].key);
		p->qualifiers[i].value = put(&w, src->qualifiers[i].value);
	}
	*out = p;
	return 0;
}

static int parse_qualifiers(char *q, struct tplc_purl *p, const char *s,
                            struct tplc_error *err)
{
	char *pair = q, *amp, *eq;
	size_t bad;

	for (; pair != NULL; pair = amp != NULL ? amp + 1 : NULL) {
		if ((amp = strchr(pair, '&')) != NULL)
			*amp = '\0';
		if (*pair == '\0')
			continue;
		if ((eq = strchr(pair, '=')) == NULL)
			return fail(err, s, "qualifier without '='");
		*eq = '\0';
		if (tplc_ident__pct_decode(eq + 1, eq + 1, strlen(eq + 1),
		                           &bad) == (size_t)-1)
			return fail(err, s, "invalid percent-encoding");
		p->qualifiers[p->qualifier_count].key = pair;
		p->qualifiers[p->qualifier_count].value = eq + 1;
		p->qualifier_count++;
	}
	return 0;
}

/* Split namespace, name and version out of what follows the type. */
static int parse_path(char *rest, struct tplc_purl *p, const char *s,
                      struct tplc_error *err)
{
	const char *why = NULL;
	char *last, *at;
	size_t n = strlen(rest), bad;

	while (n > 0 && rest[n - 1] == '/')
		rest[--n] = '\0';
	/* the version is after the last '@' of the last segment, so an
	 * unencoded npm scope ("@babel/core") stays in the namespace */
	last = strrchr(rest, '/');
	if ((at = strrchr(last != NULL ? last + 1 : rest, '@')) != NULL) {
		*at = '\0';
		p->version = at + 1;
		if (tplc_ident__pct_decode(p->version, p->version,
		                           strlen(p->version),
		                           &bad) == (size_t)-1)
			return fail(err, s, "invalid percent-encoding");
		if (*p->version == '\0')
			return fail(err, s, "empty version");
	}
	if (tplc_ident__purl_name_is_path(p->type)) {
		/* git: the host is the namespace, the rest is the name */
		while (*rest == '/')
			rest++;
		last = strchr(rest, '/');
	} else {
		last = strrchr(rest, '/');
	}
	p->name = last != NULL ? last + 1 : rest;
	p->namespace = last != NULL ? rest : NULL;
	if (last != NULL)
		*last = '\0';
	if (*p->name == '\0')
		return fail(err, s, "missing name");
	if (tplc_ident__purl_name_is_path(p->type)) {
		if (clean_path(p->name, true, false, &why) != 0)
			return fail(err, s, why);
	} else if (tplc_ident__pct_decode(p->name, p->name, strlen(p->name),
	                                  &bad) == (size_t)-1) {
		return fail(err, s, "invalid percent-encoding");
	}
	if (p->namespace != NULL &&
	    clean_path(p->namespace, true, false, &why) != 0)
		return fail(err, s, why);
	return 0;
}

static int split(struct tplc_purl *p, char *buf, const char *s, unsigned flags,
                 struct tplc_error *err)
{
	const char *why = NULL;
	char *hash, *ques, *colon, *rest, *slash;
	int error;

	if ((hash = strrchr(buf, '#')) != NULL) {
		*hash = '\0';
		p->subpath = hash + 1;
		if (clean_path(p->subpath, true, true, &why) != 0)
			return fail(err, s, why);
	}
	if ((ques = strrchr(buf, '?')) != NULL) {
		*ques = '\0';
		if ((error = parse_qualifiers(ques + 1, p, s, err)) != 0)
			return error;
	}
	if ((colon = strchr(buf, ':')) == NULL)
		return fail(err, s, "missing the \"pkg:\" scheme");
	*colon = '\0';
	if (strcmp(buf, "pkg") != 0 &&
	    !((flags & LENIENT) && tplx_strcaseeq(buf, "pkg")))
		return fail(err, s, "the scheme must be \"pkg\"");
	/* "pkg://" and "pkg:///" are accepted and mean "pkg:" */
	for (rest = colon + 1; *rest == '/';)
		rest++;
	if ((slash = strchr(rest, '/')) == NULL)
		return fail(err, s, "missing type or name");
	*slash = '\0';
	p->type = rest;
	if (!valid_type(p->type))
		return fail(err, s, "invalid type");
	tplc_ident__lower(p->type);
	return parse_path(slash + 1, p, s, err);
}

static int parse(struct tplc_purl **out, const char *s, unsigned flags,
                 struct tplc_error *err)
{
	struct tplc_purl p = { 0 };
	char *buf = NULL;
	const char *c;
	size_t len, amps = 0;
	int error;

	if (out == NULL || s == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "purl: NULL argument");
	*out = NULL;
	len = strlen(s);
	if (len > TPLC_PURL_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "purl longer than %d bytes",
		                      TPLC_PURL_MAX);
	for (c = s; *c != '\0'; c++) {
		if ((unsigned char)*c <= ' ' || (unsigned char)*c == 0x7f)
			return fail(err, s, "white space or control character");
		amps += *c == '&';
	}
	buf = tplx_strdup(s);
	p.qualifiers = tplx_calloc(amps + 1, sizeof(*p.qualifiers));
	if (buf == NULL || p.qualifiers == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	error = split(&p, buf, s, flags, err);
	if (error == 0)
		error = normalize(&p, flags, s, err);
	if (error == 0)
		error = pack(out, &p, err);
out:
	tplx_free(p.qualifiers);
	tplx_free(buf);
	return error;
}

static int put_path(struct tplx_buf *b, const char *s)
{
	const char *slash;
	int error = 0;

	while (error == 0 && (slash = strchr(s, '/')) != NULL) {
		error = tplc_ident__pct_encode(b, s, (size_t)(slash - s), keep);
		if (error == 0)
			error = tplx_buf_addc(b, '/');
		s = slash + 1;
	}
	if (error == 0)
		error = tplc_ident__pct_encode(b, s, strlen(s), keep);
	return error;
}

static int write_purl(char **out, const struct tplc_purl *p,
                      struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(OUT_MAX);
	size_t i;
	int error;

	error = tplx_buf_adds(&b, "pkg:");
	if (error == 0)
		error = tplx_buf_adds(&b, p->type);
	if (error == 0)
		error = tplx_buf_addc(&b, '/');
	if (error == 0 && p->namespace != NULL) {
		error = put_path(&b, p->namespace);
		if (error == 0)
			error = tplx_buf_addc(&b, '/');
	}
	if (error == 0)
		error = tplc_ident__purl_name_is_path(p->type)
		                ? put_path(&b, p->name)
		                : tplc_ident__pct_encode(&b, p->name,
		                                         strlen(p->name), keep);
	if (error == 0 && p->version != NULL) {
		error = tplx_buf_addc(&b, '@');
		if (error == 0)
			error = tplc_ident__pct_encode(
			        &b, p->version, strlen(p->version), keep);
	}
	for (i = 0; error == 0 && i < p->qualifier_count; i++) {
		error = tplx_buf_addf(&b, "%c%s=", i == 0 ? '?' : '&',
		                      p->qualifiers[i].key);
		if (error == 0)
			error = tplc_ident__pct_encode(
			        &b, p->qualifiers[i].value,
			        strlen(p->qualifiers[i].value), keep);
	}
	if (error == 0 && p->subpath != NULL) {
		error = tplx_buf_addc(&b, '#');
		if (error == 0)
			error = put_path(&b, p->subpath);
	}
	if (error == 0 && (*out = tplx_buf_detach(&b)) == NULL)
		error = TPLC_ENOMEM;
	tplx_buf_release(&b);
	if (error == TPLC_ELIMIT)
		return tplc_error_set(err, error, "purl longer than %d bytes",
		                      OUT_MAX);
	if (error != 0)
		return tplc_error_set(err, error, "out of memory");
	return 0;
}

int tplc_purl_parse(struct tplc_purl **out, const char *s,
                    struct tplc_error *err)
{
	return parse(out, s, 0, err);
}

void tplc_purl_free(struct tplc_purl *purl)
{
	tplx_free(purl); /* one allocation, see pack() */
}

static bool too_long(const char *s)
{
	return s != NULL && strlen(s) > TPLC_PURL_MAX;
}

int tplc_purl_format(char **out, const struct tplc_purl *purl,
                     struct tplc_error *err)
{
	struct tplc_purl *copy = NULL;
	size_t i;
	int error;

	if (out == NULL || purl == NULL ||
	    (purl->qualifier_count > 0 && purl->qualifiers == NULL))
		return tplc_error_set(err, TPLC_EINVAL, "purl: NULL argument");
	*out = NULL;
	if (purl->qualifier_count > QUALIFIERS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "more than %d qualifiers",
		                      QUALIFIERS_MAX);
	for (i = 0; i < purl->qualifier_count; i++)
		if (too_long(purl->qualifiers[i].key) ||
		    too_long(purl->qualifiers[i].value))
			return tplc_error_set(err, TPLC_ELIMIT,
			                      "purl component longer than %d "
			                      "bytes",
			                      TPLC_PURL_MAX);
	if (too_long(purl->type) || too_long(purl->namespace) ||
	    too_long(purl->name) || too_long(purl->version) ||
	    too_long(purl->subpath))
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "purl component longer than %d bytes",
		                      TPLC_PURL_MAX);
	/* normalise a private copy: the caller's purl is const */
	error = pack(&copy, purl, err);
	if (error == 0)
		error = normalize(copy, LENIENT, purl->name, err);
	if (error == 0)
		error = write_purl(out, copy, err);
	tplx_free(copy);
	return error;
}

int tplc_purl_canonicalize(char **out, const char *s, struct tplc_error *err)
{
	struct tplc_purl *p = NULL;
	int error;

	if (out == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "purl: NULL argument");
	*out = NULL;
	error = parse(&p, s, LENIENT, err);
	if (error == 0)
		error = write_purl(out, p, err);
	tplc_purl_free(p);
	return error;
}

int tplc_purl_package_key(char **out, const char *s, struct tplc_error *err)
{
	struct tplc_purl *p = NULL, key;
	int error;

	if (out == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "purl: NULL argument");
	*out = NULL;
	error = parse(&p, s, LENIENT, err);
	if (error == 0) {
		key = *p;
		key.version = NULL;
		key.qualifiers = NULL;
		key.qualifier_count = 0;
		key.subpath = NULL;
		error = write_purl(out, &key, err);
	}
	tplc_purl_free(p);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vers: version ranges as "vers:<scheme>/<constraint>|...".  Parsing and
 * validation follow vers-spec's how-to-parse, containment its algorithm.
 * A range is one allocation: the struct, its constraints and strings.
 */
#include <string.h>

#include "ident.h"
#include "tplc/vers.h"
#include "tplc/version.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"

enum op { OP_ANY, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

static const char *const op_names[] = { "*", "=", "!=", "<", "<=", ">", ">=" };

struct constraint {
	enum op op;
	char *version; /* decoded; NULL for OP_ANY */
};

struct tplc_vers {
	const struct tplc_ident__scheme *row; /* NULL: scheme unsupported */
	char *scheme;
	size_t count;
	struct constraint *c;
};

/* Whatever tplc writes, it must be able to read back. */
#define OUT_MAX TPLC_VERS_MAX

static int fail(struct tplc_error *err, const char *s, const char *why)
{
	return tplc_error_set(err, TPLC_EPARSE, "invalid vers \"%.100s\": %s",
	                      s, why);
}

/* Bytes a version must carry percent-encoded. */
static bool must_encode(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '=' ||
	       c == '!' || c == '*' || c == '|' || c == '%';
}

static bool keep(unsigned char c)
{
	return !must_encode(c);
}

static bool is_range(enum op op)
{
	return op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
}

static bool is_upper(enum op op)
{
	return op == OP_LT || op == OP_LE;
}

/* Decode v in place; strict: only bytes that must be, in uppercase. */
static int decode(char *v, bool lenient, const char *s, struct tplc_error *err)
{
	const char *p;
	size_t bad;

	for (p = v; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		if (tplc_ident__hex(p[1]) < 0 || tplc_ident__hex(p[2]) < 0)
			return fail(err, s,
			            "invalid percent-encoding in version");
		if (!lenient &&
		    ((p[1] >= 'a' && p[1] <= 'f') ||
		     (p[2] >= 'a' && p[2] <= 'f') ||
		     !must_encode((unsigned char)(tplc_ident__hex(p[1]) * 16 +
		                                  tplc_ident__hex(p[2])))))
			return fail(err, s,
			            "percent-encoding in version is not "
			            "canonical");
	}
	if (tplc_ident__pct_decode(v, v, strlen(v), &bad) == (size_t)-1)
		return fail(err, s, "invalid percent-encoding in version");
	return 0;
}

static int parse_constraint(char *text, struct constraint *c, bool lenient,
                            const char *s, struct tplc_error *err)
{
	static const struct {
		const char *text;
		enum op op;
	} ops[] = { { ">=", OP_GE }, { "<=", OP_LE }, { "!=", OP_NE },
		    { "<", OP_LT },  { ">", OP_GT },  { "=", OP_EQ } };
	size_t i;
	char *p;

	c->op = OP_EQ;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strncmp(text, ops[i].text, strlen(ops[i].text)) == 0) {
			c->op = ops[i].op;
			text += strlen(ops[i].text);
			break;
		}
	if (*text == '\0')
		return fail(err, s, "empty version");
	for (p = text; *p != '\0'; p++)
		if (*p == '<' || *p == '>' || *p == '=' || *p == '!' ||
		    *p == '*')
			return fail(err, s,
			            *p == '*' && p == text
			                    ? "'*' must be the only "
			                      "constraint"
			                    : "unencoded comparator "
			                      "character in version");
	c->version = text;
	return decode(text, lenient, s, err);
}

static int cmp(const struct tplc_vers *r, const char *a, const char *b)
{
	int rc = 0;

	/* versions were validated when parsed: this cannot fail */
	if (r->row->cmp(&rc, a, b, NULL) != 0)
		return 0;
	return rc;
}

/* Stable merge sort by version: lenient parsing orders what it gets. */
static void sort(struct tplc_vers *r, struct constraint *tmp)
{
	size_t width, i, lo, mid, hi, a, b, k;

	for (width = 1; width < r->count; width *= 2) {
		for (lo = 0; lo < r->count; lo += 2 * width) {
			mid = lo + width < r->count ? lo + width : r->count;
			hi = mid + width < r->count ? mid + width : r->count;
			for (a = lo, b = mid, k = lo; k < hi; k++)
				tmp[k] =
				        (b >= hi ||
				         (a < mid && cmp(r, r->c[a].version,
				                         r->c[b].version) <= 0))
				                ? r->c[a++]
				                : r->c[b++];
		}
		for (i = 0; i < r->count; i++)
			r->c[i] = tmp[i];
	}
}

/* vers-spec 5.4: sorted, unique, and comparators that alternate. */
static int validate(const struct tplc_vers *r, const char *s,
                    struct tplc_error *err)
{
	enum op last = OP_ANY, last_range = OP_ANY;
	size_t i;
	int rc;

	for (i = 1; i < r->count; i++) {
		rc = cmp(r, r->c[i - 1].version, r->c[i].version);
		if (rc == 0)
			return fail(err, s, "duplicate version");
		if (rc > 0)
			return fail(err, s,
			            "constraints are not sorted by version");
	}
	for (i = 0; i < r->count; i++) {
		enum op op = r->c[i].op;

		if (op == OP_NE)
			continue;
		if (last == OP_EQ && is_upper(op))
			return fail(err, s, "'=' followed by '<' or '<='");
		last = op;
		if (!is_range(op))
			continue;
		if (last_range != OP_ANY &&
		    is_upper(last_range) == is_upper(op))
			return fail(err, s,
			            "'<' and '>' comparators must alternate");
		last_range = op;
	}
	return 0;
}

static int check_type(char *type, bool lenient, const char *s,
                      struct tplc_error *err)
{
	char *t;

	if (!tplc_ident__alpha(*type))
		return fail(err, s, "invalid type");
	for (t = type; *t != '\0'; t++) {
		if (*t >= 'A' && *t <= 'Z' && !lenient)
			return fail(err, s, "the type must be lowercase");
		if (!tplc_ident__alpha(*t) && !tplc_ident__digit(*t) &&
		    *t != '.' && *t != '-')
			return fail(err, s, "invalid type");
	}
	tplc_ident__lower(type);
	if (strcmp(type, "invalid") == 0)
		return fail(err, s, "the \"invalid\" type is never valid");
	return 0;
}

/* Split "vers:type/constraints" in buf; r->c has room for them all. */
static int split(struct tplc_vers *r, char *buf, bool lenient, const char *s,
                 struct tplc_error *err)
{
	char *colon, *slash, *list, *pipe;
	int error;

	if ((colon = strchr(buf, ':')) == NULL)
		return fail(err, s, "missing the \"vers:\" scheme");
	*colon = '\0';
	if (strcmp(buf, "vers") != 0 &&
	    !(lenient && tplx_strcaseeq(buf, "vers")))
		return fail(err, s, "the scheme must be \"vers\"");
	if ((slash = strchr(colon + 1, '/')) == NULL)
		return fail(err, s, "missing '/' after the type");
	*slash = '\0';
	r->scheme = colon + 1;
	if ((error = check_type(r->scheme, lenient, s, err)) != 0)
		return error;
	list = slash + 1;
	if (*list == '\0')
		return fail(err, s, "no constraints");
	if (strcmp(list, "*") == 0) {
		r->c[r->count++].op = OP_ANY;
		return 0;
	}
	if (*list == '|')
		return fail(err, s, "leading pipe");
	if (list[strlen(list) - 1] == '|')
		return fail(err, s, "trailing pipe");
	if (strstr(list, "||") != NULL)
		return fail(err, s, "consecutive pipes");
	for (; list != NULL; list = pipe != NULL ? pipe + 1 : NULL) {
		if ((pipe = strchr(list, '|')) != NULL)
			*pipe = '\0';
		error = parse_constraint(list, &r->c[r->count++], lenient, s,
		                         err);
		if (error != 0)
			return error;
	}
	return 0;
}

static size_t size_of(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 0;
}

static char *put(char **w, const char *s)
{
	char *r = *w;

	if (s == NULL)
		return NULL;
	memcpy(r, s, strlen(s) + 1);
	*w += strlen(s) + 1;
	return r;
}

static int pack(struct tplc_vers **out, const struct tplc_vers *src,
                struct tplc_error *err)
{
	size_t i, need = sizeof(*src) + src->count * sizeof(*src->c);
	struct tplc_vers *r;
	char *w;

	need += size_of(src->scheme);
	for (i = 0; i < src->count; i++)
		need += size_of(src->c[i].version);
	if ((r = tplx_malloc(need)) == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	r->row = src->row;
	r->count = src->count;
	r->c = (struct constraint *)(r + 1);
	w = (char *)(r->c + r->count);
	r->scheme = put(&w, src->scheme);
	for (i = 0; i < src->count; i++) {
		r->c[i].op = src->c[i].op;
		r->c[i].version = put(&w, src->c[i].version);
	}
	*out = r;
	return 0;
}

static int parse(struct tplc_vers **out, const char *s, bool lenient,
                 struct tplc_error *err)
{
	struct tplc_vers r = { 0 };
	struct constraint *tmp = NULL;
	char *buf = NULL;
	const char *p;
	size_t i, n = 1;
	int error = 0;

	if (out == NULL || s == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "vers: NULL argument");
	*out = NULL;
	if (strlen(s) > TPLC_VERS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "vers longer than %d bytes",
		                      TPLC_VERS_MAX);
	for (p = s; *p != '\0'; p++) {
		if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
			return fail(err, s, "whitespace is not permitted");
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			return fail(err, s, "control character");
		n += *p == '|';
	}
	buf = tplx_strdup(s);
	r.c = tplx_calloc(n, sizeof(*r.c));
	tmp = tplx_calloc(n, sizeof(*tmp));
	if (buf == NULL || r.c == NULL || tmp == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	if ((error = split(&r, buf, lenient, s, err)) != 0)
		goto out;
	r.row = tplc_ident__scheme_find(r.scheme);
	if (r.row != NULL && r.c[0].op != OP_ANY) {
		/* every version must be valid for the scheme */
		for (i = 0; i < r.count && error == 0; i++) {
			int rc;

			error = r.row->cmp(&rc, r.c[i].version, r.c[i].version,
			                   err);
		}
		if (error == 0 && lenient)
			sort(&r, tmp);
		else if (error == 0)
			error = validate(&r, s, err);
	}
	if (error == 0)
		error = pack(out, &r, err);
out:
	tplx_free(tmp);
	tplx_free(r.c);
	tplx_free(buf);
	return error;
}

int tplc_vers_parse(struct tplc_vers **out, const char *s,
                    struct tplc_error *err)
{
	return parse(out, s, false, err);
}

int tplc_vers_parse_lenient(struct tplc_vers **out, const char *s,
                            struct tplc_error *err)
{
	return parse(out, s, true, err);
}

void tplc_vers_free(struct tplc_vers *range)
{
	tplx_free(range); /* one allocation, see pack() */
}

const char *tplc_vers_scheme(const struct tplc_vers *range)
{
	return range != NULL ? range->scheme : NULL;
}

size_t tplc_vers_constraint_count(const struct tplc_vers *range)
{
	return range != NULL ? range->count : 0;
}

int tplc_vers_constraint(const struct tplc_vers *range, size_t index,
                         const char **comparator, const char **version)
{
	if (range == NULL || index >= range->count)
		return TPLC_EINVAL;
	if (comparator != NULL)
		*comparator = op_names[range->c[index].op];
	if (version != NULL)
		*version = range->c[index].version;
	return 0;
}

/* Whether v is on the inside of a single range constraint c. */
static bool inside(const struct tplc_vers *r, const struct constraint *c,
                   const char *v)
{
	int rc = cmp(r, v, c->version);

	return is_upper(c->op) ? rc < 0 : rc > 0;
}

int tplc_vers_contains(bool *out, const struct tplc_vers *range,
                       const char *version, struct tplc_error *err)
{
	const struct constraint *cur = NULL, *next;
	size_t i, ranges = 0, seen = 0;
	int error, rc;

	if (out == NULL || range == NULL || version == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "vers: NULL argument");
	*out = false;
	if (range->count == 1 && range->c[0].op == OP_ANY) {
		*out = true;
		return 0;
	}
	if (range->row == NULL)
		return tplc_error_set(err, TPLC_EUNSUPPORTED,
		                      "unsupported version scheme \"%.64s\"",
		                      range->scheme);
	if (strlen(version) > TPLC_VERSION_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "version longer than %d bytes",
		                      TPLC_VERSION_MAX);
	if ((error = range->row->cmp(&rc, version, version, err)) != 0)
		return error;
	/* equal to an inclusive bound: in; to an excluded version: out */
	for (i = 0; i < range->count; i++) {
		enum op op = range->c[i].op;

		if ((op == OP_EQ || op == OP_LE || op == OP_GE) &&
		    cmp(range, version, range->c[i].version) == 0) {
			*out = true;
			return 0;
		}
		ranges += is_range(op);
	}
	for (i = 0; i < range->count; i++)
		if (range->c[i].op == OP_NE &&
		    cmp(range, version, range->c[i].version) == 0)
			return 0;
	/* pairs of contiguous '<'/'>' constraints, ignoring the others */
	for (i = 0; i < range->count; i++) {
		next = &range->c[i];
		if (!is_range(next->op))
			continue;
		seen++;
		if (ranges == 1) {
			*out = inside(range, next, version);
			return 0;
		}
		if (cur != NULL && ((seen == 2 && is_upper(cur->op) &&
		                     inside(range, cur, version)) ||
		                    (seen == ranges && !is_upper(next->op) &&
		                     inside(range, next, version)) ||
		                    (!is_upper(cur->op) && is_upper(next->op) &&
		                     inside(range, cur, version) &&
		                     inside(range, next, version)))) {
			*out = true;
			return 0;
		}
		cur = next;
	}
	return 0;
}

int tplc_vers_format(char **out, const struct tplc_vers *range,
                     struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(OUT_MAX);
	size_t i;
	int error;

	if (out == NULL || range == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "vers: NULL argument");
	*out = NULL;
	error = tplx_buf_addf(&b, "vers:%s/", range->scheme);
	for (i = 0; error == 0 && i < range->count; i++) {
		const struct constraint *c = &range->c[i];

		if (i > 0)
			error = tplx_buf_addc(&b, '|');
		/* equality is the default and goes unwritten */
		if (error == 0 && c->op != OP_EQ)
			error = tplx_buf_adds(&b, op_names[c->op]);
		if (error == 0 && c->version != NULL)
			error = tplc_ident__pct_encode(
			        &b, c->version, strlen(c->version), keep);
	}
	if (error == 0 && (*out = tplx_buf_detach(&b)) == NULL)
		error = TPLC_ENOMEM;
	tplx_buf_release(&b);
	if (error != 0)
		return tplc_error_set(err, error, "%s",
		                      error == TPLC_ENOMEM ? "out of memory"
		                                           : "vers too long");
	return 0;
}

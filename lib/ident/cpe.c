/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CPE 2.3 names (NISTIR 7695): the formatted string and the 2.2 URI are
 * unbound into one WFN, whose values are kept quoted (every byte but
 * a-z 0-9 _ behind a backslash, wildcards unquoted), so that one check
 * (wfn_check) guards both bindings and equal names compare byte for byte.
 * Binding back follows the spec's bind_to_fs and bind_to_uri; matching
 * follows NISTIR 7696 (compare and compareStrings) on the same form.
 */
#include <string.h>

#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/buf.h"

static const char *const attr_names[TPLC_CPE_ATTR_COUNT] = {
	"part",     "vendor",     "product",   "version",   "update", "edition",
	"language", "sw_edition", "target_sw", "target_hw", "other",
};

const char *tplc_cpe_attr_name(enum tplc_cpe_attr attr)
{
	return (unsigned)attr < TPLC_CPE_ATTR_COUNT ? attr_names[attr] : NULL;
}

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Bytes a WFN value may hold unquoted (besides the wildcards). */
static bool is_plain(char c)
{
	return is_alnum(c) || c == '_';
}

/* Printable ASCII but space: all a CPE value may contain. */
static bool is_printable(char c)
{
	return c > ' ' && c < 0x7f;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

void tplc_cpe_free(struct tplc_cpe *cpe)
{
	int i;

	if (cpe == NULL)
		return;
	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++)
		tplx_free(cpe->attr[i].value);
	tplx_free(cpe);
}

/* Where the trailing wildcard run of v (from from on) starts: after the
 * last byte that is not an unquoted "*" or "?". */
static size_t body_end(const char *v, size_t from)
{
	size_t i = from, end = from;

	while (v[i] != '\0') {
		if (v[i] == '\\' && v[i + 1] != '\0')
			end = i += 2;
		else if (v[i] == '*' || v[i] == '?')
			i++;
		else
			end = ++i;
	}
	return end;
}

/*
 * A WFN value as built by the unbinders: wildcards only as a single "*"
 * or a run of "?" at either end (NISTIR 7695 5.3.2).  NULL when fine,
 * else the reason.
 */
static const char *wfn_check(const char *v)
{
	size_t n = strlen(v), i, first = 0, last;

	if (n == 0)
		return "empty value";
	if (v[0] == '*')
		first = 1;
	else
		while (v[first] == '?')
			first++;
	last = body_end(v, first);
	if (n - last > 1 && strchr(v + last, '*') != NULL)
		return "embedded unquoted \"*\"";
	for (i = first; i < last; i++) {
		if (v[i] == '\\') {
			if (i + 1 >= last || is_plain(v[i + 1]) ||
			    !is_printable(v[i + 1]))
				return "bad escape";
			i++;
		} else if (v[i] == '*' || v[i] == '?') {
			return v[i] == '*' ? "embedded unquoted \"*\""
			                   : "embedded unquoted \"?\"";
		} else if (!is_plain(v[i])) {
			return "unquoted special character";
		}
	}
	return NULL;
}

/* Set one attribute from its unbound WFN form in b (consumed). */
static int set_value(struct tplc_cpe *cpe, int attr, struct tplx_buf *b,
                     const char **reason)
{
	const char *s = tplx_buf_str(b);

	if (strcmp(s, "*") == 0) {
		cpe->attr[attr].kind = TPLC_CPE_ANY;
	} else if (strcmp(s, "-") == 0) {
		cpe->attr[attr].kind = TPLC_CPE_NA;
	} else {
		*reason = wfn_check(s);
		if (*reason != NULL)
			return TPLC_EPARSE;
		cpe->attr[attr].kind = TPLC_CPE_VALUE;
		cpe->attr[attr].value = tplx_buf_detach(b);
		if (cpe->attr[attr].value == NULL)
			return TPLC_ENOMEM;
	}
	return 0;
}

/*
 * unbind_value_fs: one formatted-string field (s, n bytes) into WFN form.
 * "*" is ANY, "-" NA; . - and other punctuation get quoted; an escape
 * must quote punctuation (quoting a letter says nothing).
 */
static int unbind_fs_value(struct tplc_cpe *cpe, int attr, const char *s,
                           size_t n, const char **reason)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 2);
	size_t i;
	int error = 0;

	if (n == 0) {
		*reason = "empty field";
		return TPLC_EPARSE;
	}
	if (n == 1 && (s[0] == '*' || s[0] == '-'))
		error = tplx_buf_addc(&b, s[0]);
	else
		for (i = 0; error == 0 && i < n; i++) {
			char c = lower(s[i]);

			if (!is_printable(c)) {
				*reason = "character outside printable ASCII";
				error = TPLC_EPARSE;
			} else if (c == '\\') {
				if (i + 1 >= n || is_plain(s[i + 1]) ||
				    !is_printable(s[i + 1])) {
					*reason = "bad escape";
					error = TPLC_EPARSE;
					break;
				}
				error = tplx_buf_addc(&b, '\\');
				if (error == 0)
					error = tplx_buf_addc(&b, s[++i]);
			} else if (is_plain(c) || c == '*' || c == '?') {
				error = tplx_buf_addc(&b, c);
			} else {
				error = tplx_buf_addc(&b, '\\');
				if (error == 0)
					error = tplx_buf_addc(&b, c);
			}
		}
	if (error == 0)
		error = set_value(cpe, attr, &b, reason);
	tplx_buf_release(&b);
	return error;
}

static int hex(char c)
{
	c = lower(c);
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * decode: one URI component (s, n bytes) into WFN form.  Empty is ANY,
 * "-" NA; %01 and %02 are the wildcards ? and *; every other byte that
 * is not a-z 0-9 _, written or percent-encoded, gets quoted.
 */
static int unbind_uri_value(struct tplc_cpe *cpe, int attr, const char *s,
                            size_t n, const char **reason)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 2);
	size_t i;
	int error = 0;

	if (n == 0 || (n == 1 && s[0] == '-'))
		error = tplx_buf_addc(&b, n == 0 ? '*' : '-');
	else
		for (i = 0; error == 0 && i < n; i++) {
			char c = lower(s[i]);
			int hi, lo;

			if (c == '%') {
				hi = i + 1 < n ? hex(s[i + 1]) : -1;
				lo = i + 2 < n ? hex(s[i + 2]) : -1;
				c = hi < 0 || lo < 0
				            ? 0
				            : lower((char)(hi * 16 + lo));
				i += 2;
				if (c == 1 || c == 2) { /* the wildcards */
					error = tplx_buf_addc(&b, c == 1 ? '?'
					                                 : '*');
					continue;
				}
				if (!is_printable(c)) {
					*reason = "bad percent-encoding";
					error = TPLC_EPARSE;
					break;
				}
			} else if (!is_printable(c)) {
				*reason = "character outside printable ASCII";
				error = TPLC_EPARSE;
				break;
			}
			if (!is_plain(c))
				error = tplx_buf_addc(&b, '\\');
			if (error == 0)
				error = tplx_buf_addc(&b, c);
		}
	if (error == 0)
		error = set_value(cpe, attr, &b, reason);
	tplx_buf_release(&b);
	return error;
}

/* The part is a, o, h or ANY (NISTIR 7695 5.3.3.1). */
static bool part_ok(const struct tplc_cpe_value *v)
{
	return v->kind == TPLC_CPE_ANY ||
	       (v->kind == TPLC_CPE_VALUE && v->value[1] == '\0' &&
	        (v->value[0] == 'a' || v->value[0] == 'o' ||
	         v->value[0] == 'h'));
}

/* "cpe:2.3:" then eleven fields split on unquoted colons. */
static int parse_fs(struct tplc_cpe *cpe, const char *s, const char **reason)
{
	const char *p = s + 8, *start = p;
	int n = 0, error = 0;

	for (;; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p != ':' && *p != '\0')
			continue;
		if (n < TPLC_CPE_ATTR_COUNT)
			error = unbind_fs_value(cpe, n, start,
			                        (size_t)(p - start), reason);
		n++;
		if (error != 0 || *p == '\0')
			break;
		start = p + 1;
	}
	if (error == 0 && n != TPLC_CPE_ATTR_COUNT) {
		*reason = "expected 13 fields (cpe:2.3: and 11 attributes)";
		error = TPLC_EPARSE;
	}
	return error;
}

/* The packed edition "~edition~sw_edition~target_sw~target_hw~other". */
static int unpack_edition(struct tplc_cpe *cpe, const char *s, size_t n,
                          const char **reason)
{
	static const int attrs[] = { TPLC_CPE_EDITION, TPLC_CPE_SW_EDITION,
		                     TPLC_CPE_TARGET_SW, TPLC_CPE_TARGET_HW,
		                     TPLC_CPE_OTHER };
	size_t i, k = 0, start = 1;
	int error = 0;

	for (i = 1; i <= n && error == 0; i++) {
		if (i < n && s[i] != '~')
			continue;
		if (k >= 5) {
			k++;
			break;
		}
		error = unbind_uri_value(cpe, attrs[k++], s + start, i - start,
		                         reason);
		start = i + 1;
	}
	if (error == 0 && k != 5) {
		*reason =
		        "bad packed edition (expected ~ed~sw_ed~t_sw~t_hw~oth)";
		error = TPLC_EPARSE;
	}
	return error;
}

/* "cpe:/" then up to seven components split on colons. */
static int parse_uri(struct tplc_cpe *cpe, const char *s, const char **reason)
{
	const char *p = s + 5, *start = p;
	int n = 0, error = 0, i;

	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++)
		cpe->attr[i].kind = TPLC_CPE_ANY;
	for (;; p++) {
		size_t len;

		if (*p != ':' && *p != '\0')
			continue;
		len = (size_t)(p - start);
		if (n == TPLC_CPE_EDITION && len > 0 && start[0] == '~')
			error = unpack_edition(cpe, start, len, reason);
		else if (n <= TPLC_CPE_LANGUAGE)
			error = unbind_uri_value(cpe, n, start, len, reason);
		n++;
		if (error != 0 || *p == '\0')
			break;
		start = p + 1;
	}
	if (error == 0 && n > TPLC_CPE_LANGUAGE + 1) {
		*reason = "more than 7 components in a CPE URI";
		error = TPLC_EPARSE;
	}
	return error;
}

static bool prefix(const char *s, const char *p)
{
	for (; *p != '\0'; s++, p++)
		if (lower(*s) != *p)
			return false;
	return true;
}

int tplc_cpe_parse(struct tplc_cpe **out, const char *s, struct tplc_error *err)
{
	struct tplc_cpe *cpe;
	const char *reason = NULL;
	int error;

	*out = NULL;
	if (strlen(s) > TPLC_CPE_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "CPE name longer than %d bytes",
		                      TPLC_CPE_MAX);
	if (!prefix(s, "cpe:2.3:") && !prefix(s, "cpe:/"))
		return tplc_error_set(err, TPLC_EPARSE,
		                      "%.80s: not a CPE name (cpe:2.3:... or "
		                      "cpe:/...)",
		                      s);
	cpe = tplx_calloc(1, sizeof(*cpe));
	if (cpe == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = prefix(s, "cpe:/") ? parse_uri(cpe, s, &reason)
	                           : parse_fs(cpe, s, &reason);
	if (error == 0 && !part_ok(&cpe->attr[TPLC_CPE_PART])) {
		reason = "bad part (expected a, o or h)";
		error = TPLC_EPARSE;
	}
	if (error != 0) {
		tplc_cpe_free(cpe);
		if (error == TPLC_ENOMEM)
			return tplc_error_set(err, error, "out of memory");
		if (error == TPLC_ELIMIT)
			reason = "value too long";
		return tplc_error_set(err, TPLC_EPARSE, "%.80s: %s", s,
		                      reason ? reason : "malformed CPE name");
	}
	*out = cpe;
	return 0;
}

/* ---- binding ------------------------------------------------------ */

/* bind_value_for_fs: quoting of . - _ dropped.  A lone quoted "-" keeps
 * its backslash, else it would read back as NA. */
static int bind_fs_value(struct tplx_buf *b, const struct tplc_cpe_value *v)
{
	const char *p;
	int error = 0;

	if (v->kind != TPLC_CPE_VALUE)
		return tplx_buf_addc(b, v->kind == TPLC_CPE_ANY ? '*' : '-');
	if (strcmp(v->value, "\\-") == 0)
		return tplx_buf_adds(b, "\\-");
	for (p = v->value; *p != '\0' && error == 0; p++) {
		if (*p == '\\' && p[1] != '.' && p[1] != '-' && p[1] != '_')
			error = tplx_buf_addc(b, *p++);
		else if (*p == '\\')
			p++;
		if (error == 0)
			error = tplx_buf_addc(b, *p);
	}
	return error;
}

/* bind_value_for_uri (transform_for_uri, pct_encode). */
static int bind_uri_value(struct tplx_buf *b, const struct tplc_cpe_value *v)
{
	const char *p;
	int error = 0;

	if (v->kind != TPLC_CPE_VALUE)
		return v->kind == TPLC_CPE_ANY ? 0 : tplx_buf_addc(b, '-');
	if (strcmp(v->value, "\\-") == 0)
		return tplx_buf_adds(b, "%2d"); /* a bare "-" is NA */
	for (p = v->value; *p != '\0' && error == 0; p++) {
		if (*p == '?' || *p == '*')
			error = tplx_buf_adds(b, *p == '?' ? "%01" : "%02");
		else if (*p != '\\')
			error = tplx_buf_addc(b, *p);
		else if (p[1] == '.' || p[1] == '-')
			error = tplx_buf_addc(b, *++p);
		else
			error = tplx_buf_addf(b, "%%%02x",
			                      (unsigned)(unsigned char)*++p);
	}
	return error;
}

static int finish(char **out, struct tplx_buf *b, int error,
                  struct tplc_error *err)
{
	if (error == 0) {
		*out = tplx_buf_detach(b);
		if (*out == NULL)
			error = TPLC_ENOMEM;
	}
	tplx_buf_release(b);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(err, error, "out of memory");
	if (error != 0)
		return tplc_error_set(err, error, "CPE name too long");
	return 0;
}

int tplc_cpe_format(char **out, const struct tplc_cpe *cpe,
                    struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 4);
	int error = tplx_buf_adds(&b, "cpe:2.3"), i;

	*out = NULL;
	for (i = 0; i < TPLC_CPE_ATTR_COUNT && error == 0; i++) {
		error = tplx_buf_addc(&b, ':');
		if (error == 0)
			error = bind_fs_value(&b, &cpe->attr[i]);
	}
	return finish(out, &b, error, err);
}

int tplc_cpe_format_uri(char **out, const struct tplc_cpe *cpe,
                        struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 8);
	bool packed = false;
	int error = tplx_buf_adds(&b, "cpe:/"), i;

	*out = NULL;
	for (i = TPLC_CPE_SW_EDITION; i < TPLC_CPE_ATTR_COUNT; i++)
		packed = packed || cpe->attr[i].kind != TPLC_CPE_ANY;
	for (i = 0; i <= TPLC_CPE_LANGUAGE && error == 0; i++) {
		if (i > 0)
			error = tplx_buf_addc(&b, ':');
		if (error == 0 && i == TPLC_CPE_EDITION && packed) {
			static const int attrs[] = { TPLC_CPE_EDITION,
				                     TPLC_CPE_SW_EDITION,
				                     TPLC_CPE_TARGET_SW,
				                     TPLC_CPE_TARGET_HW,
				                     TPLC_CPE_OTHER };
			size_t k;

			for (k = 0; k < 5 && error == 0; k++) {
				error = tplx_buf_addc(&b, '~');
				if (error == 0)
					error = bind_uri_value(
					        &b, &cpe->attr[attrs[k]]);
			}
		} else if (error == 0) {
			error = bind_uri_value(&b, &cpe->attr[i]);
		}
	}
	while (error == 0 && b.len > 5 && b.ptr[b.len - 1] == ':')
		b.ptr[--b.len] = '\0'; /* trailing ANY components */
	return finish(out, &b, error, err);
}

int tplc_cpe_unquote(char **out, const struct tplc_cpe *cpe,
                     enum tplc_cpe_attr attr, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 2);
	const char *p;
	int error = 0;

	*out = NULL;
	if ((unsigned)attr >= TPLC_CPE_ATTR_COUNT)
		return tplc_error_set(err, TPLC_EINVAL, "no such attribute");
	if (cpe->attr[attr].kind != TPLC_CPE_VALUE)
		return 0;
	for (p = cpe->attr[attr].value; *p != '\0' && error == 0; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		error = tplx_buf_addc(&b, *p);
	}
	return finish(out, &b, error, err);
}

/* A value with an unquoted * or ? in it. */
static bool has_wildcard(const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v == '\\' && v[1] != '\0')
			v++;
		else if (*v == '*' || *v == '?')
			return true;
	}
	return false;
}

bool tplc_cpe_has_wildcard(const struct tplc_cpe_value *value)
{
	return value->kind == TPLC_CPE_VALUE && has_wildcard(value->value);
}

/* ---- matching (NISTIR 7696) ---------------------------------------- */

/* Logical characters of t[from, to): an escape and its byte are one. */
static size_t logical_len(const char *t, size_t from, size_t to)
{
	size_t n = 0;

	while (from < to) {
		from += t[from] == '\\' ? 2 : 1;
		n++;
	}
	return n;
}

/*
 * compareStrings: does source, with a leading and/or trailing wildcard
 * run, match target?  "*" takes any number of characters, each "?" at
 * most one (as the reference pseudocode counts them).
 */
static enum tplc_cpe_relation compare_strings(const char *src, const char *tgt)
{
	size_t n = strlen(src), tn = strlen(tgt), start = 0, end = n, i, core;
	long begins = 0, ends = 0;

	if (src[0] == '*') {
		start = 1;
		begins = -1;
	} else {
		while (src[start] == '?') {
			start++;
			begins++;
		}
	}
	end = body_end(src, start);
	if (src[end] == '*')
		ends = -1;
	else
		ends = (long)(n - end);
	core = end - start;
	/* every character boundary of the target where the core may sit */
	for (i = 0; i + core <= tn; i += tgt[i] == '\\' ? 2 : 1) {
		size_t before, after;

		if (strncmp(tgt + i, src + start, core) != 0)
			continue;
		before = logical_len(tgt, 0, i);
		if (begins != -1 && before > (size_t)begins)
			break;
		after = logical_len(tgt, i + core, tn);
		if (ends != -1 && after > (size_t)ends)
			continue;
		return TPLC_CPE_SUPERSET;
	}
	return TPLC_CPE_DISJOINT;
}

enum tplc_cpe_relation tplc_cpe_compare_attr(const struct tplc_cpe_value *src,
                                             const struct tplc_cpe_value *tgt)
{
	if (tgt->kind == TPLC_CPE_VALUE && has_wildcard(tgt->value))
		return TPLC_CPE_UNDEFINED;
	if (src->kind == tgt->kind && (src->kind != TPLC_CPE_VALUE ||
	                               strcmp(src->value, tgt->value) == 0))
		return TPLC_CPE_EQUAL;
	if (src->kind == TPLC_CPE_ANY)
		return TPLC_CPE_SUPERSET;
	if (tgt->kind == TPLC_CPE_ANY)
		return TPLC_CPE_SUBSET;
	if (src->kind == TPLC_CPE_NA || tgt->kind == TPLC_CPE_NA)
		return TPLC_CPE_DISJOINT;
	if (has_wildcard(src->value))
		return compare_strings(src->value, tgt->value);
	return TPLC_CPE_DISJOINT;
}

enum tplc_cpe_relation tplc_cpe_compare(const struct tplc_cpe *src,
                                        const struct tplc_cpe *tgt)
{
	bool equal = true, subset = true, superset = true;
	int i;

	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++) {
		enum tplc_cpe_relation r =
		        tplc_cpe_compare_attr(&src->attr[i], &tgt->attr[i]);

		if (r == TPLC_CPE_DISJOINT)
			return TPLC_CPE_DISJOINT;
		equal = equal && r == TPLC_CPE_EQUAL;
		subset =
		        subset && (r == TPLC_CPE_SUBSET || r == TPLC_CPE_EQUAL);
		superset = superset &&
		           (r == TPLC_CPE_SUPERSET || r == TPLC_CPE_EQUAL);
	}
	return equal      ? TPLC_CPE_EQUAL
	       : subset   ? TPLC_CPE_SUBSET
	       : superset ? TPLC_CPE_SUPERSET
	                  : TPLC_CPE_UNDEFINED;
}

bool tplc_cpe_match(const struct tplc_cpe *criteria,
                    const struct tplc_cpe *target)
{
	enum tplc_cpe_relation r = tplc_cpe_compare(criteria, target);

	return r == TPLC_CPE_EQUAL || r == TPLC_CPE_SUPERSET;
}

int tplc_cpe_key(char **out, const char *s, struct tplc_error *err)
{
	struct tplc_cpe *cpe = NULL;
	char *vendor = NULL, *product = NULL;
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX * 2);
	int error;

	*out = NULL;
	error = tplc_cpe_parse(&cpe, s, err);
	if (error != 0)
		return error;
	if (cpe->attr[TPLC_CPE_VENDOR].kind != TPLC_CPE_VALUE ||
	    cpe->attr[TPLC_CPE_PRODUCT].kind != TPLC_CPE_VALUE ||
	    has_wildcard(cpe->attr[TPLC_CPE_VENDOR].value) ||
	    has_wildcard(cpe->attr[TPLC_CPE_PRODUCT].value)) {
		error = tplc_error_set(err, TPLC_EPARSE,
		                       "%.80s: no plain vendor and product", s);
		goto out;
	}
	error = tplc_cpe_unquote(&vendor, cpe, TPLC_CPE_VENDOR, err);
	if (error == 0)
		error = tplc_cpe_unquote(&product, cpe, TPLC_CPE_PRODUCT, err);
	if (error == 0) {
		error = tplx_buf_addf(&b, "%s:%s", vendor, product);
		error = finish(out, &b, error, err);
	}
out:
	tplx_buf_release(&b);
	tplx_free(vendor);
	tplx_free(product);
	tplc_cpe_free(cpe);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The version-text classifier: what vendors write where a version belongs
 * ("<12.2.8.410", ">= 1.0.0 | <= 1.3.1", "4.2.x and earlier", "versions
 * prior to 5.0", "All versions") into vers:generic ranges; a text already
 * in vers: form is kept.  Whatever it does not recognise, as a whole, is
 * "not understood": the caller keeps the words and shows them, and never
 * guesses.
 */
#include <string.h>

#include "advisory-build.h"
#include "csaf.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "util/arena.h"
#include "util/buf.h"

/* One comparison: op is "", "<", "<=", ">" or ">=". */
struct constraint {
	const char *op;
	const char *v;
	size_t len;
};

/* One range: a single constraint or an interval of two. */
struct group {
	struct constraint c[2];
	size_t n;
};

struct classify {
	const char *text;                /* the words, whitespace collapsed */
	char low[TPLC_VERSION_TEXT_MAX]; /* the same, lowercase */
	char next[TPLC_VERSION_TEXT_PARTS_MAX][24]; /* computed bounds */
	size_t next_count;
	struct group groups[TPLC_VERSION_TEXT_PARTS_MAX];
	size_t count;
};

static bool is_lower_op(const char *op)
{
	return op[0] == '>';
}

static bool is_upper_op(const char *op)
{
	return op[0] == '<';
}

static bool version_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
	       c == '+' || c == '~' || c == ':';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A wildcard segment: "x", "X" or "*". */
static bool wild(const char *s, size_t len)
{
	return len == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*');
}

/*
 * A version word: letters, digits and . _ - + ~ :, starting with a letter
 * or digit, holding a digit (or at most two letters: "K", "N").  A leading
 * "v" before a digit is dropped.  Trailing wildcard segments ("12.x",
 * "5.x.x") leave *prefix_len < *len.  False when it is not a version.
 */
static bool version_word(const char **s, size_t *len, size_t *prefix_len)
{
	const char *p = *s;
	size_t n = *len, i, seg = 0;
	bool digit = false, in_wild = false;

	if (n >= 2 && (p[0] == 'v' || p[0] == 'V') && is_digit(p[1])) {
		p++;
		n--;
	}
	if (n == 0 || !(is_digit(p[0]) || (p[0] >= 'a' && p[0] <= 'z') ||
	                (p[0] >= 'A' && p[0] <= 'Z')))
		return false;
	*prefix_len = n;
	for (i = 0; i <= n; i++) {
		if (i < n && p[i] != '.') {
			if (!version_char(p[i]) && p[i] != '*')
				return false;
			digit = digit || is_digit(p[i]);
			continue;
		}
		/* a segment [seg, i) ends */
		if (wild(p + seg, i - seg)) {
			if (!in_wild)
				*prefix_len = seg > 0 ? seg - 1 : 0;
			in_wild = true;
		} else if (in_wild || memchr(p + seg, '*', i - seg) != NULL) {
			return false; /* "1.x.2", "1*" */
		}
		seg = i + 1;
	}
	if (*prefix_len == 0 || (!digit && n > 2))
		return false;
	*s = p;
	*len = n;
	return true;
}

/* "12.2" -> "12.3" into out; false when the last segment is no number. */
static bool next_version(const char *v, size_t len, char *out, size_t size)
{
	size_t start = len, i;

	while (start > 0 && v[start - 1] != '.')
		start--;
	if (start == len || len - start > 18 || len + 2 > size)
		return false;
	for (i = start; i < len; i++)
		if (!is_digit(v[i]))
			return false;
	memcpy(out, v, len);
	out[len] = '\0';
	for (i = len; i-- > start;) {
		if (out[i] != '9') {
			out[i]++;
			return true;
		}
		out[i] = '0';
	}
	memmove(out + start + 1, out + start, len - start + 1);
	out[start] = '1';
	return true;
}

static bool add_group(struct classify *c, struct group *g)
{
	if (c->count == TPLC_VERSION_TEXT_PARTS_MAX)
		return false;
	c->groups[c->count++] = *g;
	return true;
}

/*
 * "op word" into g (one constraint, or two for an exact wildcard such as
 * "12.x": ">=12|<13").
 */
static bool constrain(struct classify *c, struct group *g, const char *op,
                      const char *s, size_t len)
{
	size_t prefix;
	char *next;

	if (!version_word(&s, &len, &prefix) || g->n == 2)
		return false;
	if (prefix == len) {
		g->c[g->n++] = (struct constraint){ op, s, len };
		return true;
	}
	/* a wildcard: bounds on its prefix */
	if (c->next_count == TPLC_VERSION_TEXT_PARTS_MAX)
		return false;
	next = c->next[c->next_count];
	if (!next_version(s, prefix, next, sizeof(c->next[0])))
		return false;
	c->next_count++;
	if (op[0] == '\0') {
		if (g->n != 0)
			return false;
		g->c[0] = (struct constraint){ ">=", s, prefix };
		g->c[1] = (struct constraint){ "<", next, strlen(next) };
		g->n = 2;
	} else if (strcmp(op, "<=") == 0 || strcmp(op, ">") == 0) {
		g->c[g->n++] =
		        (struct constraint){ op[0] == '<' ? "<" : ">=", next,
			                     strlen(next) };
	} else {
		g->c[g->n++] = (struct constraint){ op, s, prefix };
	}
	return true;
}

static const struct phrase {
	const char *words;
	const char *op;
} prefixes[] = {
	{ "<=", "<=" },
	{ ">=", ">=" },
	{ "=<", "<=" },
	{ "=>", ">=" },
	{ "<", "<" },
	{ ">", ">" },
	{ "==", "" },
	{ "=", "" },
	{ "prior to ", "<" },
	{ "before ", "<" },
	{ "earlier than ", "<" },
	{ "older than ", "<" },
	{ "lower than ", "<" },
	{ "less than ", "<" },
	{ "below ", "<" },
	{ "up to and including ", "<=" },
	{ "up to ", "<=" },
	{ "through ", "<=" },
	{ "after ", ">" },
	{ "later than ", ">" },
	{ "newer than ", ">" },
	{ "higher than ", ">" },
	{ "greater than ", ">" },
	{ "above ", ">" },
	{ "since ", ">=" },
	{ "starting with ", ">=" },
	{ "starting from ", ">=" },
	{ "from ", ">=" },
}, suffixes[] = {
	{ " and earlier", "<=" }, { " or earlier", "<=" },
	{ " and prior", "<=" },   { " and below", "<=" },
	{ " or below", "<=" },    { " and lower", "<=" },
	{ " or lower", "<=" },    { " and older", "<=" },
	{ " or older", "<=" },    { " and later", ">=" },
	{ " or later", ">=" },    { " and above", ">=" },
	{ " or above", ">=" },    { " and higher", ">=" },
	{ " or higher", ">=" },   { " and newer", ">=" },
	{ " or newer", ">=" },    { " and up", ">=" },
	{ "+", ">=" },
};

/* Interval words between two versions: "2.0 - 3.1", "2.0 to 3.1". */
static const char *const infixes[] = { " - ", " to ", " through ", " thru ",
	                               " and " };

/* Words before a version that say nothing about it. */
static const char *const fillers[] = { "all versions ", "versions ", "version ",
	                               "ver. ", "ver " };

static size_t skip_space(const char *low, size_t i, size_t end)
{
	while (i < end && low[i] == ' ')
		i++;
	return i;
}

/* An interval "a INFIX b" in [i, end), a from "from"/"between" or not. */
static bool interval(struct classify *c, size_t i, size_t end, bool between)
{
	size_t k, at;

	for (k = 0; k < sizeof(infixes) / sizeof(infixes[0]); k++) {
		const char *found;
		struct group g = { .n = 0 };

		if (strcmp(infixes[k], " and ") == 0 && !between)
			continue; /* "a and b" is two versions, not a span */
		found = strstr(c->low + i, infixes[k]);
		if (found == NULL || (size_t)(found - c->low) >= end)
			continue;
		at = (size_t)(found - c->low);
		if (constrain(c, &g, ">=", c->text + i, at - i) &&
		    constrain(c, &g, "<=", c->text + at + strlen(infixes[k]),
		              end - at - strlen(infixes[k])))
			return add_group(c, &g);
	}
	return false;
}

/* One alternative of the text, [i, end) of c->low. */
static bool part(struct classify *c, size_t i, size_t end)
{
	struct group g = { .n = 0 };
	size_t k, n;

	i = skip_space(c->low, i, end);
	while (end > i && c->low[end - 1] == ' ')
		end--;
	for (k = 0; k < sizeof(fillers) / sizeof(fillers[0]); k++) {
		n = strlen(fillers[k]);
		if (end - i > n && strncmp(c->low + i, fillers[k], n) == 0)
			i = skip_space(c->low, i + n, end);
	}
	if (i == end)
		return false;
	if (end - i > 8 && strncmp(c->low + i, "between ", 8) == 0)
		return interval(c, i + 8, end, true);
	if (end - i > 5 && strncmp(c->low + i, "from ", 5) == 0 &&
	    interval(c, i + 5, end, false))
		return true;
	for (k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++) {
		n = strlen(prefixes[k].words);
		if (end - i > n &&
		    strncmp(c->low + i, prefixes[k].words, n) == 0) {
			size_t v = skip_space(c->low, i + n, end);
			return constrain(c, &g, prefixes[k].op, c->text + v,
			                 end - v) &&
			       add_group(c, &g);
		}
	}
	for (k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
		n = strlen(suffixes[k].words);
		if (end - i > n &&
		    strncmp(c->low + end - n, suffixes[k].words, n) == 0)
			return constrain(c, &g, suffixes[k].op, c->text + i,
			                 end - n - i) &&
			       add_group(c, &g);
	}
	if (interval(c, i, end, false))
		return true;
	return constrain(c, &g, "", c->text + i, end - i) && add_group(c, &g);
}

/* "a and b" as two alternatives, when the part alone is not one. */
static bool part_or_and(struct classify *c, size_t i, size_t end)
{
	size_t saved = c->count, at;
	const char *found;

	if (part(c, i, end))
		return true;
	c->count = saved;
	found = strstr(c->low + i, " and ");
	if (found == NULL || (size_t)(found - c->low) >= end)
		return false;
	at = (size_t)(found - c->low);
	return part(c, i, at) && part_or_and(c, at + 5, end);
}

/* ">= a" then "<= b" written as two alternatives are one interval. */
static void merge_bounds(struct classify *c)
{
	size_t i, out = 0;

	for (i = 0; i < c->count; i++) {
		struct group *g = &c->groups[i];

		if (i + 1 < c->count && g->n == 1 && is_lower_op(g->c[0].op) &&
		    c->groups[i + 1].n == 1 &&
		    is_upper_op(c->groups[i + 1].c[0].op)) {
			g->c[1] = c->groups[i + 1].c[0];
			g->n = 2;
			c->groups[out++] = *g;
			i++;
		} else {
			c->groups[out++] = *g;
		}
	}
	c->count = out;
}

static const char *vers_string(struct tplx_arena *arena, const char *prefix,
                               const struct group *g, int *error)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	char v[TPLC_VERSION_TEXT_MAX];
	const char *s = NULL;
	size_t i;

	*error = tplx_buf_adds(&buf, prefix);
	for (i = 0; i < g->n && *error == 0; i++) {
		memcpy(v, g->c[i].v, g->c[i].len);
		v[g->c[i].len] = '\0';
		if (i > 0)
			*error = tplx_buf_addc(&buf, '|');
		if (*error == 0)
			*error = tplx_buf_adds(&buf, g->c[i].op);
		if (*error == 0)
			*error = tplc_advisory__vers_add_version(&buf, v);
	}
	if (*error == 0) {
		s = tplx_arena_strdup(arena, tplx_buf_str(&buf));
		if (s == NULL)
			*error = TPLC_ENOMEM;
	}
	tplx_buf_release(&buf);
	return s;
}

/*
 * A vers range the source gives is kept, in canonical form (sorted, as
 * lib/ident writes it); one lib/ident cannot read is not understood.
 */
static int given_vers(struct tplx_arena *arena, const char *words,
                      struct tplc_version_text *out)
{
	char text[TPLC_VERSION_TEXT_MAX], *canonical = NULL;
	struct tplc_vers *range = NULL;
	size_t i, j = 0;
	int error;

	for (i = 0; words[i] != '\0'; i++) /* vers has no spaces */
		if (words[i] != ' ')
			text[j++] = words[i];
	text[j] = '\0';
	error = tplc_vers_parse_lenient(&range, text, NULL);
	if (error == 0)
		error = tplc_vers_format(&canonical, range, NULL);
	if (error == 0) {
		out->vers[0] = tplx_arena_strdup(arena, canonical);
		error = out->vers[0] == NULL ? TPLC_ENOMEM : 0;
	}
	if (error == 0) {
		out->kind = TPLC_VERSION_TEXT_VERS;
		out->count = 1;
	}
	tplc_free(canonical);
	tplc_vers_free(range);
	return error == TPLC_ENOMEM ? error : 0;
}

static const char *const all_words[] = { "*",           "all", "all versions",
	                                 "all version", "any", "any version",
	                                 "any versions" };

/* Collapse white space runs to one space and trim; false if too long. */
static bool collapse(const char *text, char *out, char *low)
{
	size_t n = 0;
	bool space = false;

	for (; *text != '\0'; text++) {
		char c = *text;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (n + 2 >= TPLC_VERSION_TEXT_MAX)
			return false;
		if (space)
			out[n] = low[n] = ' ', n++;
		space = false;
		out[n] = c;
		low[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = low[n] = '\0';
	return true;
}

int tplc_version_text_classify(struct tplx_arena *arena, const char *text,
                               struct tplc_version_text *out)
{
	struct classify c;
	char words[TPLC_VERSION_TEXT_MAX];
	size_t i, start, len;
	int error = 0;

	memset(out, 0, sizeof(*out));
	out->kind = TPLC_VERSION_TEXT_UNKNOWN;
	memset(&c, 0, sizeof(c));
	if (!collapse(text, words, c.low))
		return 0;
	c.text = words;
	len = strlen(words);
	if (strncmp(words, "vers:", 5) == 0)
		return given_vers(arena, words, out);
	for (i = 0; i < sizeof(all_words) / sizeof(all_words[0]); i++) {
		if (strcmp(c.low, all_words[i]) == 0) {
			out->kind = TPLC_VERSION_TEXT_ALL;
			return 0;
		}
	}
	for (i = start = 0; i <= len; i++) {
		if (i < len && words[i] != '|' && words[i] != ',')
			continue;
		if (!part_or_and(&c, start, i))
			return 0; /* not understood */
		start = i + 1;
	}
	merge_bounds(&c);
	for (i = 0; i < c.count && error == 0; i++) {
		const char *v = vers_string(arena, "vers:generic/",
		                            &c.groups[i], &error);
		size_t k;

		if (error == 0) /* what lib/ident cannot read is no range */
			error = tplc_advisory__vers_check(v);

		for (k = 0; v != NULL && k < out->count; k++)
			if (strcmp(out->vers[k], v) == 0)
				break; /* said twice */
		if (v != NULL && k == out->count)
			out->vers[out->count++] = v;
	}
	if (error != 0) {
		out->count = 0;
		return error == TPLC_ENOMEM ? TPLC_ENOMEM : 0;
	}
	out->kind = TPLC_VERSION_TEXT_VERS;
	if (c.count == 1 && c.groups[0].n == 1 && c.groups[0].c[0].op[0] == 0) {
		out->exact = tplx_arena_strndup(arena, c.groups[0].c[0].v,
		                                c.groups[0].c[0].len);
		if (out->exact == NULL)
			return TPLC_ENOMEM;
	}
	return 0;
}

int tplc_version_text_bound(struct tplx_arena *arena, const char *op,
                            const char *version, const char **out)
{
	struct group g = { .n = 1 };
	int error;

	g.c[0] = (struct constraint){ op, version, strlen(version) };
	if (g.c[0].len >= TPLC_VERSION_TEXT_MAX)
		return TPLC_ELIMIT;
	*out = vers_string(arena, "vers:generic/", &g, &error);
	return error;
}

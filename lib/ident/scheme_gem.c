/* SPDX-License-Identifier: Apache-2.0 */
/*
 * gem: Gem::Version.  Segments are runs of digits or letters; each '-'
 * counts as ".pre.", so "1.0-beta" is 1.0.pre.beta.  Trailing zeros of
 * the release part and of the prerelease part are dropped; a word sorts
 * before a number, so any word makes a prerelease.
 */
#include <string.h>

#include "ident.h"
#include "util/alloc.h"

struct seg {
	const char *s;
	size_t len;
	bool num;
};

struct gemver {
	struct seg *segs;
	size_t count;
};

static bool gem_char(char c, bool pre)
{
	return tplc_ident__digit(c) || tplc_ident__alpha(c) ||
	       (pre && c == '-');
}

/* Gem::Version::ANCHORED_VERSION_PATTERN, without the surrounding spaces */
static bool valid(const char *p, const char *end)
{
	bool pre = false;

	if (p == end)
		return true; /* "" is version 0 */
	if (!tplc_ident__digit(*p))
		return false;
	while (p < end && tplc_ident__digit(*p))
		p++;
	while (p < end) {
		const char *start;

		if (*p == '-' && !pre)
			pre = true;
		else if (*p != '.')
			return false;
		start = ++p;
		while (p < end && gem_char(*p, pre))
			p++;
		if (p == start)
			return false;
	}
	return true;
}

static bool is_zero(const struct seg *s)
{
	return s->num && tplc_ident__numcmp(s->s, s->len, "0", 1) == 0;
}

static int parse(const char *v, struct gemver *g, struct tplc_error *err)
{
	const char *p = v, *end = v + strlen(v);
	struct tplc_ident__tok t;
	size_t i, n = 0, first_word, keep;

	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (!valid(p, end))
		return tplc_ident__bad_version(err, "gem", v,
		                               "not a Gem::Version");
	g->segs = tplx_calloc(2 * (size_t)(end - p) + 1, sizeof(*g->segs));
	if (g->segs == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	while (tplc_ident__tok_next(&p, end, &t)) {
		for (i = 0; i < t.sep_len; i++)
			if (t.sep[i] == '-')
				g->segs[n++] = (struct seg){ "pre", 3, false };
		g->segs[n++] = (struct seg){ t.s, t.len, t.num };
	}
	/* drop trailing zeros from the release part and from the rest */
	for (first_word = 0; first_word < n && g->segs[first_word].num;)
		first_word++;
	for (keep = first_word; keep > 0 && is_zero(&g->segs[keep - 1]);)
		keep--;
	memmove(g->segs + keep, g->segs + first_word,
	        (n - first_word) * sizeof(*g->segs));
	n -= first_word - keep;
	while (n > keep && is_zero(&g->segs[n - 1]))
		n--;
	g->count = n;
	return 0;
}

static int seg_cmp(const struct seg *a, const struct seg *b)
{
	static const struct seg zero = { "0", 1, true };

	a = a != NULL ? a : &zero;
	b = b != NULL ? b : &zero;
	if (a->num && b->num)
		return tplc_ident__numcmp(a->s, a->len, b->s, b->len);
	if (a->num != b->num)
		return a->num ? 1 : -1;
	return tplc_ident__strncmp2(a->s, a->len, b->s, b->len);
}

int tplc_ident__cmp_gem(int *out, const char *a, const char *b,
                        struct tplc_error *err)
{
	struct gemver ga = { NULL, 0 }, gb = { NULL, 0 };
	size_t i;
	int error, rc = 0;

	if ((error = parse(a, &ga, err)) == 0 &&
	    (error = parse(b, &gb, err)) == 0) {
		for (i = 0; rc == 0 && (i < ga.count || i < gb.count); i++)
			rc = seg_cmp(i < ga.count ? &ga.segs[i] : NULL,
			             i < gb.count ? &gb.segs[i] : NULL);
		*out = rc;
	}
	tplx_free(ga.segs);
	tplx_free(gb.segs);
	return error;
}

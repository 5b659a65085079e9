/* SPDX-License-Identifier: Apache-2.0 */
/*
 * maven: ComparableVersion.  A version is a tree of items: numbers,
 * qualifiers and sub-lists opened by '-' and by digit/letter changes;
 * trailing zeros and empty qualifiers are trimmed from each list.
 * Known qualifiers order as alpha < beta < milestone < rc = cr <
 * snapshot < "" = ga = final < sp < any other word (by spelling).
 */
#include <string.h>

#include "ident.h"
#include "util/alloc.h"

enum kind { INT, STR, LIST };

struct item {
	enum kind kind;
	const char *s; /* INT: digits; STR: lowercase word */
	size_t len;
	int first, last, prev, next; /* LIST children, siblings; -1 none */
};

struct tree {
	struct item *items;
	int count;
	char *text; /* lowercased copy the items point into */
};

static int add(struct tree *t, enum kind kind, const char *s, size_t len)
{
	struct item *it = &t->items[t->count];

	it->kind = kind;
	it->s = s;
	it->len = len;
	it->first = it->last = it->prev = it->next = -1;
	return t->count++;
}

static void append(struct tree *t, int list, int child)
{
	struct item *l = &t->items[list];

	t->items[child].prev = l->last;
	if (l->last >= 0)
		t->items[l->last].next = child;
	else
		l->first = child;
	l->last = child;
}

static bool all_zeros(const struct item *it)
{
	size_t i;

	for (i = 0; i < it->len; i++)
		if (it->s[i] != '0')
			return false;
	return true;
}

static bool falsy(const struct tree *t, int i)
{
	const struct item *it = &t->items[i];

	if (it->kind == LIST)
		return it->first < 0;
	return it->kind == INT ? all_zeros(it) : it->len == 0;
}

/* Trim trailing zeros and empty words, stepping over sub-lists. */
static void normalize(struct tree *t, int list)
{
	struct item *l = &t->items[list];
	int i = l->last;

	while (i >= 0) {
		int prev = t->items[i].prev;

		if (falsy(t, i)) {
			int last = l->last;

			l->last = t->items[last].prev;
			if (l->last >= 0)
				t->items[l->last].next = -1;
			else
				l->first = -1;
		} else if (t->items[i].kind != LIST) {
			break;
		}
		i = prev;
	}
}

static int sublist(struct tree *t, int list)
{
	int sub;

	normalize(t, list);
	sub = add(t, LIST, NULL, 0);
	append(t, list, sub);
	return sub;
}

static void word(struct tree *t, int list, const char *s, size_t len,
                 bool before_digit)
{
	static const struct {
		const char *from, *to;
	} aliases[] = { { "ga", "" }, { "final", "" }, { "cr", "rc" } };
	size_t i;

	for (i = 0; i < len && tplc_ident__digit(s[i]); i++)
		;
	if (i == len) {
		append(t, list, add(t, INT, s, len));
		return;
	}
	/* "a1" is alpha-1, but a lone "a" is just a word */
	if (before_digit && len == 1 && (*s == 'a' || *s == 'b' || *s == 'm')) {
		s = *s == 'a' ? "alpha" : *s == 'b' ? "beta" : "milestone";
		len = strlen(s);
	}
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strlen(aliases[i].from) == len &&
		    memcmp(aliases[i].from, s, len) == 0) {
			s = aliases[i].to;
			len = strlen(s);
		}
	append(t, list, add(t, STR, s, len));
}

static int parse(struct tree *t, const char *v, struct tplc_error *err)
{
	size_t len = strlen(v), i, start = 0;
	bool digit = false;
	int root, cur;

	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	while (len > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		len--;
	}
	t->text = tplx_strndup(v, len);
	t->items = tplx_calloc(2 * len + 2, sizeof(*t->items));
	if (t->text == NULL || t->items == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplc_ident__lower(t->text);
	v = t->text;
	root = cur = add(t, LIST, NULL, 0);
	for (i = 0; i < len; i++) {
		char c = v[i];

		if ((unsigned char)c < ' ')
			return tplc_ident__bad_version(err, "maven", t->text,
			                               "control character");
		if (c == '.' || c == '-') {
			if (i == start)
				append(t, cur, add(t, INT, "0", 1));
			else
				word(t, cur, v + start, i - start, false);
			start = i + 1;
			if (c == '-')
				cur = sublist(t, cur);
		} else if (tplc_ident__digit(c)) {
			if (!digit && i > start) {
				word(t, cur, v + start, i - start, true);
				cur = sublist(t, cur);
				start = i;
			}
			digit = true;
		} else {
			if (digit && i > start) {
				word(t, cur, v + start, i - start, false);
				cur = sublist(t, cur);
				start = i;
			}
			digit = false;
		}
	}
	if (len > start)
		word(t, cur, v + start, len - start, false);
	normalize(t, cur);
	normalize(t, root);
	return 0;
}

/* Rank of a word: known qualifiers 1..7, any other word 8. */
static int rank(const char *s, size_t len)
{
	static const char *const known[] = { "alpha", "beta",     "milestone",
		                             "rc",    "snapshot", "",
		                             "sp" };
	int i;

	for (i = 0; i < 7; i++)
		if (strlen(known[i]) == len && memcmp(known[i], s, len) == 0)
			return i + 1;
	return 8;
}

static int word_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int ra = rank(a, alen), rb = rank(b, blen);

	if (ra != rb || ra != 8)
		return tplc_ident__sign(ra - rb);
	return tplc_ident__strncmp2(a, alen, b, blen);
}

/* other < 0 stands for "nothing there", as when one list is shorter. */
static int cmp(const struct tree *ta, int a, const struct tree *tb, int b)
{
	const struct item *x = &ta->items[a];
	const struct item *y = b >= 0 ? &tb->items[b] : NULL;
	int l, r, rc;

	switch (x->kind) {
	case INT:
		if (y == NULL)
			return all_zeros(x) ? 0 : 1;
		if (y->kind != INT)
			return 1;
		return tplc_ident__numcmp(x->s, x->len, y->s, y->len);
	case STR:
		if (y == NULL)
			return word_cmp(x->s, x->len, "", 0);
		if (y->kind != STR)
			return -1;
		return word_cmp(x->s, x->len, y->s, y->len);
	case LIST:
		if (y == NULL)
			return x->first < 0 ? 0 : cmp(ta, x->first, tb, -1);
		if (y->kind != LIST)
			return y->kind == INT ? -1 : 1;
		for (l = x->first, r = y->first; l >= 0 || r >= 0;) {
			if (l < 0)
				rc = -cmp(tb, r, ta, -1);
			else
				rc = cmp(ta, l, tb, r);
			if (rc != 0)
				return rc;
			l = l >= 0 ? ta->items[l].next : -1;
			r = r >= 0 ? tb->items[r].next : -1;
		}
		return 0;
	}
	return 0;
}

int tplc_ident__cmp_maven(int *out, const char *a, const char *b,
                          struct tplc_error *err)
{
	struct tree ta = { 0 }, tb = { 0 };
	int error;

	if ((error = parse(&ta, a, err)) == 0 &&
	    (error = parse(&tb, b, err)) == 0)
		*out = cmp(&ta, 0, &tb, 0);
	tplx_free(ta.items);
	tplx_free(ta.text);
	tplx_free(tb.items);
	tplx_free(tb.text);
	return error;
}

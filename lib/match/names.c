/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Names as people write them: "GE Healthcare" and "GE", "B. Braun" and
 * "B. Braun Melsungen AG", "IntelliVue" and "IntelliVue MX800".  Both
 * sides are cut into lowercase alphanumeric words, and one matches the
 * other when its words are the first words of the other.
 */
#include <string.h>

#include "tplc/match.h"

#define NAME_WORDS_MAX 32
#define NAME_WORD_MAX  64

struct words {
	char word[NAME_WORDS_MAX][NAME_WORD_MAX];
	size_t count;
};

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

static char lower(unsigned char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* Words that say nothing about who made a thing. */
static int is_corporate_suffix(const char *w)
{
	static const char *const suffixes[] = {
		"inc", "incorporated", "corp",    "corporation", "co", "ltd",
		"llc", "gmbh",         "ag",      "sa",          "nv", "bv",
		"plc", "limited",      "company", "kg",          "se", "spa",
	};
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strcmp(w, suffixes[i]) == 0)
			return 1;
	return 0;
}

static void split(const char *s, struct words *out, int drop_suffixes)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	out->count = 0;
	while (*p != '\0' && out->count < NAME_WORDS_MAX) {
		while (*p != '\0' && !is_alnum(*p))
			p++;
		len = 0;
		while (is_alnum(*p)) {
			if (len < NAME_WORD_MAX - 1)
				out->word[out->count][len++] = lower(*p);
			p++;
		}
		if (len == 0)
			break;
		out->word[out->count][len] = '\0';
		if (drop_suffixes && is_corporate_suffix(out->word[out->count]))
			continue;
		out->count++;
	}
}

/* Are the words of a the first words of b, or b's the first of a's? */
static int prefix_match(const struct words *a, const struct words *b)
{
	size_t n = a->count < b->count ? a->count : b->count, i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(a->word[i], b->word[i]) != 0)
			return 0;
	return 1;
}

bool tplc_match_vendor(const char *manufacturer, const char *vendor)
{
	struct words a, b;

	if (manufacturer == NULL || vendor == NULL)
		return false;
	split(manufacturer, &a, 1);
	split(vendor, &b, 1);
	return prefix_match(&a, &b);
}

bool tplc_match_product(const char *model, const char *product)
{
	struct words a, b;

	if (model == NULL || product == NULL)
		return false;
	split(model, &a, 0);
	split(product, &b, 0);
	/* the advisory's name must be the model or a family of it */
	return b.count <= a.count && prefix_match(&a, &b);
}

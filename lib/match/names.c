/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Names as people write them: "GE Healthcare" and "GE", "B. Braun" and
 * "B. Braun Melsungen AG", "IntelliVue" and "IntelliVue MX800".  Both
 * sides are reduced to keys of lowercase alphanumeric words, and one
 * matches the other when its words are the first words of the other.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/match.h"

/* The longest name the public helpers compare; longer ones are cut. */
#define NAME_MAX_BYTES 512

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
static int is_corporate_suffix(const char *w, size_t len)
{
	static const char *const suffixes[] = {
		"inc", "incorporated", "corp",    "corporation", "co", "ltd",
		"llc", "gmbh",         "ag",      "sa",          "nv", "bv",
		"plc", "limited",      "company", "kg",          "se", "spa",
	};
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strlen(suffixes[i]) == len &&
		    memcmp(w, suffixes[i], len) == 0)
			return 1;
	return 0;
}

void tplc_match__name_key(char *out, const char *name, bool vendor)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t used = 0, start;

	while (*p != '\0') {
		while (*p != '\0' && !is_alnum(*p))
			p++;
		if (*p == '\0')
			break;
		start = used + (used > 0);
		if (used > 0)
			out[used] = ' ';
		used = start;
		while (is_alnum(*p))
			out[used++] = lower(*p++);
		if (vendor && is_corporate_suffix(out + start, used - start))
			used = start > 0 ? start - 1 : 0;
	}
	out[used] = '\0';
}

/* Is the key a the first words of the key b? */
static bool word_prefix(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n > 0 && strncmp(a, b, n) == 0 && (b[n] == '\0' || b[n] == ' ');
}

bool tplc_match__vendor_keys(const char *manufacturer, const char *vendor)
{
	return word_prefix(manufacturer, vendor) ||
	       word_prefix(vendor, manufacturer);
}

bool tplc_match__product_keys(const char *model, const char *product)
{
	/* the advisory's name must be the model or a family of it */
	return word_prefix(product, model);
}

/* The public helpers: reduce both names on the stack, then compare. */
static bool compare(const char *ours, const char *theirs, bool vendor)
{
	char a[NAME_MAX_BYTES], b[NAME_MAX_BYTES];
	char cut_a[NAME_MAX_BYTES], cut_b[NAME_MAX_BYTES];

	if (ours == NULL || theirs == NULL)
		return false;
	/* bound the input so the key fits: a key is never longer */
	snprintf(cut_a, sizeof(cut_a), "%s", ours);
	snprintf(cut_b, sizeof(cut_b), "%s", theirs);
	tplc_match__name_key(a, cut_a, vendor);
	tplc_match__name_key(b, cut_b, vendor);
	return vendor ? tplc_match__vendor_keys(a, b)
	              : tplc_match__product_keys(a, b);
}

bool tplc_match_vendor(const char *manufacturer, const char *vendor)
{
	return compare(manufacturer, vendor, true);
}

bool tplc_match_product(const char *model, const char *product)
{
	return compare(model, product, false);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Level of support and end of support from CycloneDX properties. */
#include <stdbool.h>
#include <string.h>

#include "formats/cyclonedx-support.h"
#include "util/json.h"
#include "util/str.h"

/* Longer values are read by their first bytes only. */
#define WORDS_MAX 256

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * " word word ... ": lowercase words split at anything not a letter or
 * digit and at camelCase humps, so phrases match on word boundaries.
 */
static void words(const char *s, char *out, size_t size)
{
	size_t used = 0;
	char prev = ' ';

	out[used++] = ' ';
	for (; *s != '\0' && used + 3 < size; s++) {
		char c = *s;

		if (!is_alnum(c)) {
			if (out[used - 1] != ' ')
				out[used++] = ' ';
		} else {
			if (c >= 'A' && c <= 'Z' && prev >= 'a' &&
			    prev <= 'z' && out[used - 1] != ' ')
				out[used++] = ' ';
			out[used++] = lower(c);
		}
		prev = c;
	}
	if (out[used - 1] != ' ')
		out[used++] = ' ';
	out[used] = '\0';
}

static bool has_any(const char *text, const char *const *phrases)
{
	for (; *phrases != NULL; phrases++)
		if (strstr(text, *phrases) != NULL)
			return true;
	return false;
}

enum tplc_support_level tplc_support_level_parse(const char *text)
{
	/* Order matters: "no longer maintained" holds "maintained". */
	static const char *const abandoned[] = {
		" abandoned ", " abandon ", " orphaned ", " orphan ", NULL,
	};
	static const char *const not_maintained[] = {
		" no longer ",
		" not maintained ",
		" not supported ",
		" not actively ",
		" unmaintained ",
		" unsupported ",
		" no support ",
		" deprecated ",
		" inactive ",
		" eol ",
		" eos ",
		" end of life ",
		" end of support ",
		" discontinued ",
		" obsolete ",
		" retired ",
		" archived ",
		" limited ",
		NULL,
	};
	static const char *const maintained[] = {
		" maintained ",  " active ",   " actively ",
		" supported ",   " support ",  " lts ",
		" development ", " deployed ", NULL,
	};
	char w[WORDS_MAX];

	if (text == NULL)
		return TPLC_SUPPORT_UNKNOWN;
	words(text, w, sizeof(w));
	if (has_any(w, abandoned))
		return TPLC_SUPPORT_ABANDONED;
	if (has_any(w, not_maintained))
		return TPLC_SUPPORT_NOT_MAINTAINED;
	if (has_any(w, maintained))
		return TPLC_SUPPORT_MAINTAINED;
	return TPLC_SUPPORT_UNKNOWN;
}

/* The property's name without namespace, case or punctuation. */
static void key_of(const char *name, char *out, size_t size)
{
	const char *colon = strrchr(name, ':');
	size_t used = 0;

	if (colon != NULL)
		name = colon + 1;
	for (; *name != '\0' && used + 1 < size; name++)
		if (is_alnum(*name))
			out[used++] = lower(*name);
	out[used] = '\0';
}

static bool key_in(const char *key, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (strcmp(key, *keys) == 0)
			return true;
	return false;
}

static size_t date_prefix(const char *s)
{
	char date[11];

	if (strlen(s) < 10)
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!tplx_is_iso_date(date))
		return 0;
	if (s[10] == '\0' || s[10] == 'T' || s[10] == 't')
		return 10;
	return 0;
}

void tplc_cdx_support_add(struct tplc_cdx_support *out, const char *name,
                          const char *value)
{
	static const char *const level_keys[] = {
		"levelofsupport", "supportlevel", "support",
		"supportstatus",  NULL,
	};
	static const char *const end_keys[] = {
		"endofsupport", "endofsupportdate", "eos",         "eosdate",
		"supportend",   "supportenddate",   "supportends", NULL,
	};
	char key[64];

	if (name == NULL || tplx_is_blank(value))
		return;
	key_of(name, key, sizeof(key));
	if (out->level_text == NULL && key_in(key, level_keys)) {
		out->level_text = value;
		out->level = tplc_support_level_parse(value);
	} else if (out->end_text == NULL && key_in(key, end_keys)) {
		out->end_text = value;
		out->end_date_len = date_prefix(value);
	}
}

void tplc_cdx_support_scan(const struct tplx_json *properties,
                           struct tplc_cdx_support *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	if (properties == NULL || properties->type != TPLX_JSON_ARRAY)
		return;
	for (i = 0; i < properties->u.array.count; i++) {
		const struct tplx_json *p = properties->u.array.items[i];

		tplc_cdx_support_add(
		        out, tplx_json_string(tplx_json_get(p, "name")),
		        tplx_json_string(tplx_json_get(p, "value")));
	}
}

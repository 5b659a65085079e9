/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The question catalogue of ANSI/NEMA HN 1-2019 (MDS2) as data: each
 * question's ID and its parent (the question it details), plus the
 * sections in words and the rules that read a written ID and its answer.
 * Forms in the wild spell IDs loosely ("csup - 2.1", "SHAD-15") and
 * answers more so ("Yes,optional", "N/A: No default accounts").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tplc/mds2.h"
#include "util/str.h"

#define Q(id, parent, section)      \
	{                           \
		id, parent, section \
	}

static const struct tplc_mds2_question catalog[] = {
	Q("DOC-1", NULL, "DOC"),
	Q("DOC-2", NULL, "DOC"),
	Q("DOC-3", NULL, "DOC"),
	Q("DOC-4", NULL, "DOC"),
	Q("DOC-5", NULL, "DOC"),
	Q("DOC-6", NULL, "DOC"),
	Q("DOC-7", NULL, "DOC"),
	Q("DOC-8", NULL, "DOC"),
	Q("DOC-9", NULL, "DOC"),
	Q("DOC-10", NULL, "DOC"),
	Q("DOC-11", NULL, "DOC"),
	Q("DOC-11.1", "DOC-11", "DOC"),
	Q("DOC-11.2", "DOC-11", "DOC"),
	Q("DOC-11.3", "DOC-11", "DOC"),
	Q("DOC-11.4", "DOC-11", "DOC"),
	Q("MPII-1", NULL, "MPII"),
	Q("MPII-2", NULL, "MPII"),
	Q("MPII-2.1", "MPII-2", "MPII"),
	Q("MPII-2.2", "MPII-2", "MPII"),
	Q("MPII-2.3", "MPII-2", "MPII"),
	Q("MPII-2.4", "MPII-2", "MPII"),
	Q("MPII-2.5", "MPII-2", "MPII"),
	Q("MPII-2.6", "MPII-2", "MPII"),
	Q("MPII-2.7", "MPII-2", "MPII"),
	Q("MPII-2.8", "MPII-2", "MPII"),
	Q("MPII-2.9", "MPII-2", "MPII"),
	Q("MPII-3", NULL, "MPII"),
	Q("MPII-3.1", "MPII-3", "MPII"),
	Q("MPII-3.2", "MPII-3", "MPII"),
	Q("MPII-3.3", "MPII-3", "MPII"),
	Q("MPII-3.4", "MPII-3", "MPII"),
	Q("MPII-3.5", "MPII-3", "MPII"),
	Q("MPII-3.6", "MPII-3", "MPII"),
	Q("MPII-3.7", "MPII-3", "MPII"),
	Q("MPII-3.8", "MPII-3", "MPII"),
	Q("MPII-3.9", "MPII-3", "MPII"),
	Q("MPII-3.10", "MPII-3", "MPII"),
	Q("ALOF-1", NULL, "ALOF"),
	Q("ALOF-2", NULL, "ALOF"),
	Q("AUDT-1", NULL, "AUDT"),
	Q("AUDT-1.1", "AUDT-1", "AUDT"),
	Q("AUDT-1.2", "AUDT-1", "AUDT"),
	Q("AUDT-2", NULL, "AUDT"),
	Q("AUDT-2.1", "AUDT-2", "AUDT"),
	Q("AUDT-2.2", "AUDT-2", "AUDT"),
	Q("AUDT-2.3", "AUDT-2", "AUDT"),
	Q("AUDT-2.4", "AUDT-2", "AUDT"),
	Q("AUDT-2.5", "AUDT-2", "AUDT"),
	Q("AUDT-2.6", "AUDT-2", "AUDT"),
	Q("AUDT-2.7", "AUDT-2", "AUDT"),
	Q("AUDT-2.8", "AUDT-2", "AUDT"),
	Q("AUDT-2.8.1", "AUDT-2.8", "AUDT"),
	Q("AUDT-2.8.2", "AUDT-2.8", "AUDT"),
	Q("AUDT-2.9", "AUDT-2", "AUDT"),
	Q("AUDT-2.10", "AUDT-2", "AUDT"),
	Q("AUDT-2.11", "AUDT-2", "AUDT"),
	Q("AUDT-3", NULL, "AUDT"),
	Q("AUDT-4", NULL, "AUDT"),
	Q("AUDT-4.1", "AUDT-4", "AUDT"),
	Q("AUDT-4.1.1", "AUDT-4.1", "AUDT"),
	Q("AUDT-5", NULL, "AUDT"),
	Q("AUDT-5.1", "AUDT-5", "AUDT"),
	Q("AUDT-5.2", "AUDT-5", "AUDT"),
	Q("AUDT-5.3", "AUDT-5", "AUDT"),
	Q("AUDT-5.4", "AUDT-5", "AUDT"),
	Q("AUDT-6", NULL, "AUDT"),
	Q("AUDT-7", NULL, "AUDT"),
	Q("AUDT-7.1", "AUDT-7", "AUDT"),
	Q("AUDT-8", NULL, "AUDT"),
	Q("AUTH-1", NULL, "AUTH"),
	Q("AUTH-1.1", "AUTH-1", "AUTH"),
	Q("AUTH-1.2", "AUTH-1", "AUTH"),
	Q("AUTH-1.3", "AUTH-1", "AUTH"),
	Q("AUTH-2", NULL, "AUTH"),
	Q("AUTH-3", NULL, "AUTH"),
	Q("AUTH-4", NULL, "AUTH"),
	Q("AUTH-5", NULL, "AUTH"),
	Q("CSUP-1", NULL, "CSUP"),
	Q("CSUP-2", NULL, "CSUP"),
	Q("CSUP-2.1", "CSUP-2", "CSUP"),
	Q("CSUP-2.2", "CSUP-2", "CSUP"),
	Q("CSUP-2.3", "CSUP-2", "CSUP"),
	Q("CSUP-2.4", "CSUP-2", "CSUP"),
	Q("CSUP-3", NULL, "CSUP"),
	Q("CSUP-3.1", "CSUP-3", "CSUP"),
	Q("CSUP-3.2", "CSUP-3", "CSUP"),
	Q("CSUP-3.3", "CSUP-3", "CSUP"),
	Q("CSUP-3.4", "CSUP-3", "CSUP"),
	Q("CSUP-4", NULL, "CSUP"),
	Q("CSUP-4.1", "CSUP-4", "CSUP"),
	Q("CSUP-4.2", "CSUP-4", "CSUP"),
	Q("CSUP-4.3", "CSUP-4", "CSUP"),
	Q("CSUP-4.4", "CSUP-4", "CSUP"),
	Q("CSUP-5", NULL, "CSUP"),
	Q("CSUP-5.1", "CSUP-5", "CSUP"),
	Q("CSUP-5.2", "CSUP-5", "CSUP"),
	Q("CSUP-5.3", "CSUP-5", "CSUP"),
	Q("CSUP-5.4", "CSUP-5", "CSUP"),
	Q("CSUP-6", NULL, "CSUP"),
	Q("CSUP-6.1", "CSUP-6", "CSUP"),
	Q("CSUP-6.2", "CSUP-6", "CSUP"),
	Q("CSUP-6.3", "CSUP-6", "CSUP"),
	Q("CSUP-6.4", "CSUP-6", "CSUP"),
	Q("CSUP-7", NULL, "CSUP"),
	Q("CSUP-8", NULL, "CSUP"),
	Q("CSUP-9", NULL, "CSUP"),
	Q("CSUP-10", NULL, "CSUP"),
	Q("CSUP-10.1", "CSUP-10", "CSUP"),
	Q("CSUP-11", NULL, "CSUP"),
	Q("CSUP-11.1", "CSUP-11", "CSUP"),
	Q("CSUP-11.2", "CSUP-11", "CSUP"),
	Q("DIDT-1", NULL, "DIDT"),
	Q("DIDT-1.1", "DIDT-1", "DIDT"),
	Q("DTBK-1", NULL, "DTBK"),
	Q("DTBK-2", NULL, "DTBK"),
	Q("DTBK-3", NULL, "DTBK"),
	Q("DTBK-4", NULL, "DTBK"),
	Q("DTBK-5", NULL, "DTBK"),
	Q("DTBK-6", NULL, "DTBK"),
	Q("EMRG-1", NULL, "EMRG"),
	Q("IGAU-1", NULL, "IGAU"),
	Q("IGAU-2", NULL, "IGAU"),
	Q("MLDP-1", NULL, "MLDP"),
	Q("MLDP-2", NULL, "MLDP"),
	Q("MLDP-2.1", "MLDP-2", "MLDP"),
	Q("MLDP-2.2", "MLDP-2", "MLDP"),
	Q("MLDP-2.3", "MLDP-2", "MLDP"),
	Q("MLDP-2.4", "MLDP-2", "MLDP"),
	Q("MLDP-2.5", "MLDP-2", "MLDP"),
	Q("MLDP-2.6", "MLDP-2", "MLDP"),
	Q("MLDP-2.7", "MLDP-2", "MLDP"),
	Q("MLDP-2.8", "MLDP-2", "MLDP"),
	Q("MLDP-3", NULL, "MLDP"),
	Q("MLDP-4", NULL, "MLDP"),
	Q("MLDP-5", NULL, "MLDP"),
	Q("MLDP-5.1", "MLDP-5", "MLDP"),
	Q("MLDP-5.2", "MLDP-5", "MLDP"),
	Q("NAUT-1", NULL, "NAUT"),
	Q("NAUT-2", NULL, "NAUT"),
	Q("NAUT-2.1", "NAUT-2", "NAUT"),
	Q("NAUT-3", NULL, "NAUT"),
	Q("CONN-1", NULL, "CONN"),
	Q("CONN-1.1", "CONN-1", "CONN"),
	Q("CONN-1.1.1", "CONN-1.1", "CONN"),
	Q("CONN-1.1.2", "CONN-1.1", "CONN"),
	Q("CONN-1.1.3", "CONN-1.1", "CONN"),
	Q("CONN-1.1.4", "CONN-1.1", "CONN"),
	Q("CONN-1.2", "CONN-1", "CONN"),
	Q("CONN-1.2.1", "CONN-1.2", "CONN"),
	Q("CONN-1.2.2", "CONN-1.2", "CONN"),
	Q("CONN-1.2.3", "CONN-1.2", "CONN"),
	Q("CONN-1.2.4", "CONN-1.2", "CONN"),
	Q("CONN-2", NULL, "CONN"),
	Q("CONN-3", NULL, "CONN"),
	Q("CONN-4", NULL, "CONN"),
	Q("CONN-5", NULL, "CONN"),
	Q("CONN-6", NULL, "CONN"),
	Q("CONN-7", NULL, "CONN"),
	Q("CONN-7.1", "CONN-7", "CONN"),
	Q("CONN-8", NULL, "CONN"),
	Q("PAUT-1", NULL, "PAUT"),
	Q("PAUT-1.1", "PAUT-1", "PAUT"),
	Q("PAUT-2", NULL, "PAUT"),
	Q("PAUT-3", NULL, "PAUT"),
	Q("PAUT-4", NULL, "PAUT"),
	Q("PAUT-5", NULL, "PAUT"),
	Q("PAUT-6", NULL, "PAUT"),
	Q("PAUT-7", NULL, "PAUT"),
	Q("PAUT-8", NULL, "PAUT"),
	Q("PAUT-9", NULL, "PAUT"),
	Q("PAUT-10", NULL, "PAUT"),
	Q("PAUT-11", NULL, "PAUT"),
	Q("PAUT-12", NULL, "PAUT"),
	Q("PAUT-13", NULL, "PAUT"),
	Q("PAUT-14", NULL, "PAUT"),
	Q("PAUT-14.1", "PAUT-14", "PAUT"),
	Q("PLOK-1", NULL, "PLOK"),
	Q("PLOK-2", NULL, "PLOK"),
	Q("PLOK-3", NULL, "PLOK"),
	Q("PLOK-4", NULL, "PLOK"),
	Q("RDMP-1", NULL, "RDMP"),
	Q("RDMP-2", NULL, "RDMP"),
	Q("RDMP-3", NULL, "RDMP"),
	Q("RDMP-4", NULL, "RDMP"),
	Q("SBOM-1", NULL, "SBOM"),
	Q("SBOM-2", NULL, "SBOM"),
	Q("SBOM-2.1", "SBOM-2", "SBOM"),
	Q("SBOM-2.2", "SBOM-2", "SBOM"),
	Q("SBOM-2.3", "SBOM-2", "SBOM"),
	Q("SBOM-2.4", "SBOM-2", "SBOM"),
	Q("SBOM-3", NULL, "SBOM"),
	Q("SBOM-4", NULL, "SBOM"),
	Q("SAHD-1", NULL, "SAHD"),
	Q("SAHD-2", NULL, "SAHD"),
	Q("SAHD-3", NULL, "SAHD"),
	Q("SAHD-3.1", "SAHD-3", "SAHD"),
	Q("SAHD-3.2", "SAHD-3", "SAHD"),
	Q("SAHD-4", NULL, "SAHD"),
	Q("SAHD-5", NULL, "SAHD"),
	Q("SAHD-5.1", "SAHD-5", "SAHD"),
	Q("SAHD-5.2", "SAHD-5", "SAHD"),
	Q("SAHD-6", NULL, "SAHD"),
	Q("SAHD-6.1", "SAHD-6", "SAHD"),
	Q("SAHD-6.2", "SAHD-6", "SAHD"),
	Q("SAHD-7", NULL, "SAHD"),
	Q("SAHD-8", NULL, "SAHD"),
	Q("SAHD-9", NULL, "SAHD"),
	Q("SAHD-10", NULL, "SAHD"),
	Q("SAHD-11", NULL, "SAHD"),
	Q("SAHD-12", NULL, "SAHD"),
	Q("SAHD-13", NULL, "SAHD"),
	Q("SAHD-14", NULL, "SAHD"),
	Q("SAHD-14.1", "SAHD-14", "SAHD"),
	Q("SAHD-15", NULL, "SAHD"),
	Q("SAHD-16", NULL, "SAHD"),
	Q("SGUD-1", NULL, "SGUD"),
	Q("SGUD-2", NULL, "SGUD"),
	Q("SGUD-3", NULL, "SGUD"),
	Q("SGUD-3.1", "SGUD-3", "SGUD"),
	Q("SGUD-4", NULL, "SGUD"),
	Q("STCF-1", NULL, "STCF"),
	Q("STCF-1.1", "STCF-1", "STCF"),
	Q("STCF-1.2", "STCF-1", "STCF"),
	Q("STCF-1.3", "STCF-1", "STCF"),
	Q("STCF-2", NULL, "STCF"),
	Q("STCF-3", NULL, "STCF"),
	Q("STCF-4", NULL, "STCF"),
	Q("TXCF-1", NULL, "TXCF"),
	Q("TXCF-2", NULL, "TXCF"),
	Q("TXCF-2.1", "TXCF-2", "TXCF"),
	Q("TXCF-3", NULL, "TXCF"),
	Q("TXCF-4", NULL, "TXCF"),
	Q("TXCF-5", NULL, "TXCF"),
	Q("TXIG-1", NULL, "TXIG"),
	Q("TXIG-2", NULL, "TXIG"),
	Q("RMOT-1", NULL, "RMOT"),
	Q("RMOT-1.1", "RMOT-1", "RMOT"),
	Q("RMOT-1.2", "RMOT-1", "RMOT"),
	Q("RMOT-1.3", "RMOT-1", "RMOT"),
	Q("RMOT-2", NULL, "RMOT"),
	Q("RMOT-3", NULL, "RMOT"),
};

#define CATALOG_COUNT (sizeof(catalog) / sizeof(catalog[0]))

/* Section codes in form order; names in our own words. */
static const struct {
	const char *code, *name;
} sections[] = {
	{ "DOC", "Manufacturer and device information" },
	{ "MPII", "Management of personally identifiable information" },
	{ "ALOF", "Automatic logoff" },
	{ "AUDT", "Audit logging" },
	{ "AUTH", "Authorization" },
	{ "CSUP", "Cybersecurity product upgrades" },
	{ "DIDT", "Health data de-identification" },
	{ "DTBK", "Data backup and disaster recovery" },
	{ "EMRG", "Emergency access" },
	{ "IGAU", "Health data integrity and authenticity" },
	{ "MLDP", "Malware detection and protection" },
	{ "NAUT", "Node authentication" },
	{ "CONN", "Connectivity capabilities" },
	{ "PAUT", "Person authentication" },
	{ "PLOK", "Physical locks" },
	{ "RDMP", "Roadmap for third-party components" },
	{ "SBOM", "Software bill of materials" },
	{ "SAHD", "System and application hardening" },
	{ "SGUD", "Security guidance" },
	{ "STCF", "Health data storage confidentiality" },
	{ "TXCF", "Transmission confidentiality" },
	{ "TXIG", "Transmission integrity" },
	{ "RMOT", "Remote service" },
	{ "OTHR", "Other security considerations" },
};

#define SECTION_COUNT (sizeof(sections) / sizeof(sections[0]))

size_t tplc_mds2_catalog_count(void)
{
	return CATALOG_COUNT;
}

const struct tplc_mds2_question *tplc_mds2_catalog_at(size_t i)
{
	return i < CATALOG_COUNT ? &catalog[i] : NULL;
}

const struct tplc_mds2_question *tplc_mds2_catalog_find(const char *id)
{
	size_t i;

	/* a linear scan of 241 short strings: forms have few hundred rows */
	for (i = 0; id != NULL && i < CATALOG_COUNT; i++)
		if (strcmp(catalog[i].id, id) == 0)
			return &catalog[i];
	return NULL;
}

const char *tplc_mds2_section_name(const char *section)
{
	size_t i;

	for (i = 0; section != NULL && i < SECTION_COUNT; i++)
		if (strcmp(sections[i].code, section) == 0)
			return sections[i].name;
	return NULL;
}

int tplc_mds2_id_canonical(const char *text, char *out, size_t size)
{
	size_t n = 0, letters = 0;
	bool digit = false; /* the last character kept was a digit */
	const char *p;

	for (p = text; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (isspace(c))
			continue;
		if (n + 1 >= size)
			return -1;
		if (isalpha(c) && n == letters) {
			out[n++] = (char)toupper(c);
			letters++;
		} else if (c == '-' && n == letters && letters > 0) {
			out[n++] = '-';
		} else if (isdigit(c) && n > letters) {
			out[n++] = (char)c;
			digit = true;
			continue;
		} else if (c == '.' && digit) {
			out[n++] = '.';
		} else {
			return -1;
		}
		digit = false;
	}
	out[n] = '\0';
	if (letters < 2 || letters > 5 || !digit)
		return -1;
	return 0;
}

/* a and b (same-length or off by one) are at most one edit or one
 * transposition of neighbours apart. */
static bool one_edit(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0, j;

	if (la + 1 < lb || lb + 1 < la)
		return false;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb) {
		if (i == la)
			return true;
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return true; /* substitution */
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		       strcmp(a + i + 2, b + i + 2) == 0;
	}
	j = i;
	return la > lb ? strcmp(a + j + 1, b + j) == 0
	               : strcmp(a + j, b + j + 1) == 0;
}

const char *tplc_mds2_id_correct(const char *id)
{
	const struct tplc_mds2_question *q;
	const char *dash = strchr(id, '-');
	char section[8], fixed[TPLC_MDS2_ID_MAX];
	size_t i, len;
	int n;

	if (dash == NULL || (len = (size_t)(dash - id)) >= sizeof(section))
		return NULL;
	memcpy(section, id, len);
	section[len] = '\0';
	if (tplc_mds2_section_name(section) != NULL)
		return NULL; /* the section is right; the number is unknown */
	for (i = 0; i < SECTION_COUNT; i++) {
		if (!one_edit(section, sections[i].code))
			continue;
		n = snprintf(fixed, sizeof(fixed), "%s%s", sections[i].code,
		             dash);
		if (n < 0 || (size_t)n >= sizeof(fixed))
			continue;
		q = tplc_mds2_catalog_find(fixed);
		if (q != NULL)
			return q->id;
	}
	return NULL;
}

static const struct {
	const char *name;
	enum tplc_mds2_answer answer;
} answer_names[] = {
	{ "yes", TPLC_MDS2_YES },   { "no", TPLC_MDS2_NO },
	{ "n/a", TPLC_MDS2_NA },    { "see-note", TPLC_MDS2_SEE_NOTE },
	{ "text", TPLC_MDS2_TEXT }, { "unanswered", TPLC_MDS2_UNANSWERED },
};

const char *tplc_mds2_answer_name(enum tplc_mds2_answer answer)
{
	size_t i;

	for (i = 0; i < sizeof(answer_names) / sizeof(answer_names[0]); i++)
		if (answer_names[i].answer == answer)
			return answer_names[i].name;
	return "unanswered";
}

int tplc_mds2_answer_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(answer_names) / sizeof(answer_names[0]); i++)
		if (tplx_strcaseeq(answer_names[i].name, name))
			return (int)answer_names[i].answer;
	return -1;
}

/* The word at s is w (any case) and ends there. */
static bool word_is(const char *s, const char *w, const char **end)
{
	size_t n = strlen(w);

	if (strncasecmp(s, w, n) != 0 || isalnum((unsigned char)s[n]))
		return false;
	*end = s + n;
	return true;
}

bool tplc_mds2_free_text(const char *id)
{
	static const char *const free_text[] = { "DOC-1", "DOC-2", "DOC-3",
		                                 "DOC-4", "DOC-5", "DOC-6",
		                                 "DOC-7" };

	for (size_t i = 0; i < sizeof(free_text) / sizeof(free_text[0]); i++)
		if (strcmp(id, free_text[i]) == 0)
			return true;
	return false;
}

/* Only blanks and underscores ("____" is an unfilled blank). */
static bool is_unfilled(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

void tplc_mds2_answer_normalise(const char *text, bool free_text,
                                enum tplc_mds2_answer *answer,
                                const char **rest)
{
	const char *p = text == NULL ? "" : text, *end = NULL;

	while (isspace((unsigned char)*p))
		p++;
	*rest = "";
	if (is_unfilled(p)) {
		*answer = TPLC_MDS2_UNANSWERED;
		return;
	}
	if (free_text) {
		*answer = TPLC_MDS2_TEXT;
		*rest = p;
		return;
	}
	if (word_is(p, "yes", &end))
		*answer = TPLC_MDS2_YES;
	else if (word_is(p, "no", &end))
		*answer = TPLC_MDS2_NO;
	else if (word_is(p, "n/a", &end) || word_is(p, "na", &end) ||
	         word_is(p, "not applicable", &end))
		*answer = TPLC_MDS2_NA;
	else if (word_is(p, "see note", &end) ||
	         word_is(p, "see notes", &end) || word_is(p, "see-note", &end))
		*answer = TPLC_MDS2_SEE_NOTE;
	if (end == NULL) {
		/* an answer of words the form does not offer: kept as text */
		*answer = TPLC_MDS2_TEXT;
		*rest = p;
		return;
	}
	while (*end == ',' || *end == ':' || *end == ';' || *end == '-' ||
	       *end == '.' || isspace((unsigned char)*end))
		end++;
	*rest = end;
}

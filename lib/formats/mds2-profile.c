/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A hospital's MDS2 requirements profile: one requirement a line,
 *
 *	# encryption in transit
 *	TXCF-2 must be Yes       # a comment may end a line too
 *	SAHD-15 must be yes or n/a
 *	AUTH-1 must not be No
 *	SBOM-1 must be answered
 *
 * Words in any case.  A question the catalogue does not know is an error
 * here (a form may carry a typo; a requirement we wrote must not).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tplc/mds2.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"

/* Bytes of one profile line. */
#define PROFILE_LINE_MAX 1024

struct words {
	char *w[32];
	size_t n;
};

/* Split s (modified) at blanks and commas. */
static void split(char *s, struct words *out)
{
	char *p = s;

	out->n = 0;
	while (*p != '\0' && out->n < sizeof(out->w) / sizeof(out->w[0])) {
		while (*p != '\0' && (isspace((unsigned char)*p) || *p == ','))
			*p++ = '\0';
		if (*p == '\0')
			break;
		out->w[out->n++] = p;
		while (*p != '\0' && !isspace((unsigned char)*p) && *p != ',')
			p++;
	}
}

/* The answer word(s) at w[*i] ("see note" is two), as a bit; 0 when none. */
static unsigned answer_word(const struct words *w, size_t *i)
{
	const char *s = w->w[*i];

	if (strcasecmp(s, "yes") == 0)
		return 1u << TPLC_MDS2_YES;
	if (strcasecmp(s, "no") == 0)
		return 1u << TPLC_MDS2_NO;
	if (strcasecmp(s, "n/a") == 0 || strcasecmp(s, "na") == 0)
		return 1u << TPLC_MDS2_NA;
	if (strcasecmp(s, "see-note") == 0)
		return 1u << TPLC_MDS2_SEE_NOTE;
	if (strcasecmp(s, "see") == 0 && *i + 1 < w->n &&
	    strcasecmp(w->w[*i + 1], "note") == 0) {
		(*i)++;
		return 1u << TPLC_MDS2_SEE_NOTE;
	}
	return 0;
}

static int fail(struct tplc_error *err, const char *source, unsigned long line,
                const char *fmt, ...) TPLC_PRINTF(4, 5);

static int fail(struct tplc_error *err, const char *source, unsigned long line,
                const char *fmt, ...)
{
	char msg[TPLC_ERROR_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return tplc_error_set_at(err, TPLC_EPARSE, source, line, 0, NULL, "%s",
	                         msg);
}

/* One requirement line (trimmed, not a comment) into *rule. */
static int parse_line(struct tplc_mds2_profile *pr, char *line,
                      unsigned long lineno, const char *source,
                      struct tplc_mds2_rule *rule, struct tplc_error *err)
{
	char id[TPLC_MDS2_ID_MAX], *copy, *must = NULL, *p;
	const char *fixed;
	struct words w;
	size_t i = 0;
	unsigned bit;

	rule->line = lineno;
	rule->text = tplx_arena_strdup(pr->arena, line);
	copy = tplx_arena_strdup(pr->arena, line);
	if (rule->text == NULL || copy == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	/* the ID is what comes before " must " (it may hold blanks) */
	for (p = copy; *p != '\0'; p++)
		if (p > copy && isspace((unsigned char)p[-1]) &&
		    strncasecmp(p, "must", 4) == 0 &&
		    (p[4] == '\0' || isspace((unsigned char)p[4]))) {
			must = p;
			break;
		}
	if (must == NULL)
		return fail(err, source, lineno,
		            "unknown operator: expected \"must be\", \"must "
		            "not be\" or \"must be answered\"");
	must[-1] = '\0';
	if (tplc_mds2_id_canonical(copy, id, sizeof(id)) != 0)
		return fail(err, source, lineno,
		            "malformed MDS2 question ID \"%s\"",
		            tplx_trim(copy));
	if (tplc_mds2_catalog_find(id) == NULL) {
		fixed = tplc_mds2_id_correct(id);
		if (fixed != NULL)
			return fail(
			        err, source, lineno,
			        "%s is not an MDS2 question (did you mean %s?)",
			        id, fixed);
		return fail(err, source, lineno, "%s is not an MDS2 question",
		            id);
	}
	rule->id = tplx_arena_strdup(pr->arena, id);
	if (rule->id == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	split(must + 4, &w);
	rule->op = TPLC_MDS2_MUST_BE;
	if (i < w.n && strcasecmp(w.w[i], "not") == 0) {
		rule->op = TPLC_MDS2_MUST_NOT_BE;
		i++;
	}
	if (i >= w.n || strcasecmp(w.w[i], "be") != 0)
		return fail(err, source, lineno,
		            "unknown operator: expected \"must be\" or \"must "
		            "not be\"");
	i++;
	if (rule->op == TPLC_MDS2_MUST_BE && i + 1 == w.n &&
	    strcasecmp(w.w[i], "answered") == 0) {
		rule->op = TPLC_MDS2_MUST_BE_ANSWERED;
		return 0;
	}
	if (i >= w.n)
		return fail(err, source, lineno,
		            "expected an answer (yes, no, n/a, see note)");
	for (rule->answers = 0; i < w.n; i++) {
		bit = answer_word(&w, &i);
		if (bit == 0)
			return fail(err, source, lineno,
			            "unknown answer word \"%s\" (yes, no, n/a, "
			            "see note)",
			            w.w[i]);
		rule->answers |= bit;
		if (i + 1 < w.n && strcasecmp(w.w[i + 1], "or") == 0) {
			i++;
			if (i + 1 >= w.n)
				return fail(err, source, lineno,
				            "expected an answer after \"or\"");
		}
	}
	return 0;
}

int tplc_mds2_profile_parse(struct tplc_mds2_profile **out, const char *data,
                            size_t len, const char *source,
                            struct tplc_error *err)
{
	struct tplc_mds2_profile *pr;
	char line[PROFILE_LINE_MAX + 1], *t;
	size_t pos = 0, n, cap = 0;
	unsigned long lineno = 0;
	int error = 0;

	*out = NULL;
	if (len > TPLC_MDS2_PROFILE_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "larger than %zu bytes",
		                         TPLC_MDS2_PROFILE_MAX);
	pr = tplx_calloc(1, sizeof(*pr));
	if (pr == NULL || (pr->arena = tplx_arena_new()) == NULL) {
		tplx_free(pr);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	while (error == 0 && pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);

		n = nl ? (size_t)(nl - (data + pos)) : len - pos;
		lineno++;
		if (n > PROFILE_LINE_MAX || memchr(data + pos, '\0', n)) {
			error = fail(err, source, lineno, "%s",
			             n > PROFILE_LINE_MAX
			                     ? "line longer than 1024 bytes"
			                     : "NUL byte in line");
			break;
		}
		memcpy(line, data + pos, n);
		line[n] = '\0';
		pos += n + 1;
		/* no answer word holds a '#': the rest is a comment */
		if (strchr(line, '#') != NULL)
			*strchr(line, '#') = '\0';
		t = tplx_trim(line);
		if (*t == '\0')
			continue;
		if (pr->count == TPLC_MDS2_RULES_MAX) {
			error = tplc_error_set_at(err, TPLC_ELIMIT, source,
			                          lineno, 0, NULL,
			                          "more than %d requirements",
			                          TPLC_MDS2_RULES_MAX);
			break;
		}
		if (pr->count == cap) {
			struct tplc_mds2_rule *rules;

			cap = cap ? cap * 2 : 32;
			rules = tplx_reallocarray(pr->rules, cap,
			                          sizeof(*rules));
			if (rules == NULL) {
				error = tplc_error_set(err, TPLC_ENOMEM,
				                       "out of memory");
				break;
			}
			pr->rules = rules;
		}
		memset(&pr->rules[pr->count], 0, sizeof(pr->rules[0]));
		error = parse_line(pr, t, lineno, source, &pr->rules[pr->count],
		                   err);
		if (error == 0)
			pr->count++;
	}
	if (error != 0) {
		tplc_mds2_profile_free(pr);
		return error;
	}
	*out = pr;
	return 0;
}

void tplc_mds2_profile_free(struct tplc_mds2_profile *profile)
{
	if (profile == NULL)
		return;
	tplx_free(profile->rules);
	tplx_arena_free(profile->arena);
	tplx_free(profile);
}

const char *tplc_mds2_rule_verdict(const struct tplc_mds2_rule *rule,
                                   enum tplc_mds2_answer answer)
{
	bool in = (rule->answers & (1u << answer)) != 0;

	if (answer == TPLC_MDS2_UNANSWERED)
		return "unanswered";
	switch (rule->op) {
	case TPLC_MDS2_MUST_BE:
		return in ? "pass" : "fail";
	case TPLC_MDS2_MUST_NOT_BE:
		return in ? "fail" : "pass";
	case TPLC_MDS2_MUST_BE_ANSWERED:
		break;
	}
	return "pass";
}

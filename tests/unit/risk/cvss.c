/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS scoring against the RedHatProductSecurity/cvss test vectors
 * ("VECTOR - (base, temporal, environmental)", None for a score the
 * vector does not give) and the cvss_v3 blocks of the ICSMA advisories.
 */
#include <ctype.h>
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "test.h"
#include "tplc/cvss.h"

/* Oracle files per version; v4 files are added here as one line. */
static const char *const files_v2[] = { "cvss/vectors_simple2",
	                                "cvss/vectors_calculator2",
	                                "cvss/vectors_cvsslib2", NULL };
static const char *const files_v30[] = { "cvss/vectors_simple3",
	                                 "cvss/vectors_calculator3",
	                                 "cvss/vectors_cvsslib3", NULL };
static const char *const files_v31[] = { "cvss/vectors_simple31", NULL };
static const char *const files_v4[] = { "cvss/vectors_simple4",
	                                "cvss/vectors_security4",
	                                "cvss/vectors_supplemental4",
	                                "cvss/vectors_threat4", NULL };

/* Known gaps: vector and reason.  None today. */
static const char *const skips[][2] = { { NULL, NULL } };

static bool skipped(const char *vector)
{
	for (size_t i = 0; skips[i][0]; i++)
		if (strcmp(skips[i][0], vector) == 0) {
			tplt_note("skip %s: %s", vector, skips[i][1]);
			return true;
		}
	return false;
}

/* "5.3" or "None" (-1). */
static double expected(const char **p)
{
	double d;
	char *end;

	while (**p == ' ' || **p == ',' || **p == '(')
		(*p)++;
	if (strncmp(*p, "None", 4) == 0) {
		*p += 4;
		return -1;
	}
	d = strtod(*p, &end);
	assert_true(end != *p);
	*p = end;
	return d;
}

static bool same(double want, double got)
{
	return fabs(want - got) < 0.001;
}

/* Score vector, adding an explicit "not defined" metric when the oracle
 * gives a score for a group the vector leaves out. */
static double rescored(const char *vector, const char *extra, int which)
{
	char buf[TPLC_CVSS_MAX + 96];
	struct tplc_cvss_scores s;

	snprintf(buf, sizeof(buf), "%s%s", vector, extra);
	assert_int_equal(tplc_cvss_score(&s, buf, NULL), 0);
	return which == 1 ? s.temporal : s.environmental;
}

/* v4 lines give one score, of all the metrics the vector gives:
 * "(9.2,)" or "9.2". */
static bool check_v4(const char *vector, const char *p)
{
	struct tplc_cvss_scores s;
	struct tplc_error err;
	double want = expected(&p);

	if (tplc_cvss_score(&s, vector, &err) != 0) {
		tplt_note("%s: %s", vector, err.message);
		return false;
	}
	if (s.version != TPLC_CVSS_V40 || !same(want, s.score)) {
		tplt_note("%s: want %.1f got %.1f", vector, want, s.score);
		return false;
	}
	return true;
}

static bool check_line(char *line, enum tplc_cvss_version version)
{
	struct tplc_cvss_scores s;
	struct tplc_error err;
	char *sep = strstr(line, " - ");
	const char *p;
	double want[3], got[3];
	bool v2 = version == TPLC_CVSS_V2;

	assert_non_null(sep);
	*sep = '\0';
	p = sep + 3;
	if (version == TPLC_CVSS_V40)
		return check_v4(line, p);
	for (int i = 0; i < 3; i++)
		want[i] = expected(&p);
	if (tplc_cvss_score(&s, line, &err) != 0) {
		tplt_note("%s: %s", line, err.message);
		return false;
	}
	if (s.version != version)
		return false;
	got[0] = s.base;
	got[1] = s.temporal;
	got[2] = s.environmental;
	if (want[1] >= 0 && got[1] < 0)
		got[1] = rescored(line, v2 ? "/E:ND" : "/E:X", 1);
	if (want[2] >= 0 && got[2] < 0)
		got[2] = rescored(line, v2 ? "/CDP:ND" : "/CR:X", 2);
	for (int i = 0; i < 3; i++)
		if (!same(want[i], got[i])) {
			tplt_note("%s: score %d: want %.1f got %.1f", line, i,
			          want[i], got[i]);
			return false;
		}
	return true;
}

static void run_files(const char *const *files, enum tplc_cvss_version version,
                      size_t *pass, size_t *total, size_t *skip)
{
	for (size_t f = 0; files[f]; f++) {
		const char *path = tplt_shared(files[f]);
		size_t len;
		char *text = tplt_read_file(path, &len);
		char *save = NULL;

		for (char *line = strtok_r(text, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char copy[TPLC_CVSS_MAX + 64];
			char *sep = strstr(line, " - ");

			if (!*line)
				continue;
			(*total)++;
			if (sep) {
				*sep = '\0';
				if (skipped(line)) {
					(*skip)++;
					continue;
				}
				*sep = ' ';
			}
			snprintf(copy, sizeof(copy), "%s", line);
			if (check_line(copy, version))
				(*pass)++;
		}
		free(text);
	}
}

static void test_cvss__vectors(void **state)
{
	size_t pass[4] = { 0 }, total[4] = { 0 }, skip[4] = { 0 };

	(void)state;
	run_files(files_v2, TPLC_CVSS_V2, &pass[0], &total[0], &skip[0]);
	run_files(files_v30, TPLC_CVSS_V30, &pass[1], &total[1], &skip[1]);
	run_files(files_v31, TPLC_CVSS_V31, &pass[2], &total[2], &skip[2]);
	run_files(files_v4, TPLC_CVSS_V40, &pass[3], &total[3], &skip[3]);
	tplt_conformance("CVSS v2: %zu/%zu vectors, v3.0: %zu/%zu, v3.1: "
	                 "%zu/%zu, v4.0: %zu/%zu (%zu skipped)",
	                 pass[0], total[0], pass[1], total[1], pass[2],
	                 total[2], pass[3], total[3],
	                 skip[0] + skip[1] + skip[2] + skip[3]);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pass[i] + skip[i], total[i]);
	assert_true(total[0] > 700 && total[1] > 2600 && total[2] > 2500);
	assert_int_equal(total[3], 1694);
}

/* The string value of "key" inside [p, end), into out. */
static bool member(const char *p, const char *end, const char *key, char *out,
                   size_t size)
{
	const char *k = strstr(p, key);
	size_t n = 0;

	if (!k || k > end)
		return false;
	k += strlen(key);
	while (*k == ' ' || *k == ':' || *k == '"')
		k++;
	while (k < end && *k != '"' && *k != ',' && *k != '\n' && n + 1 < size)
		out[n++] = *k++;
	out[n] = '\0';
	return n > 0;
}

static void test_cvss__icsma(void **state)
{
	glob_t g;
	size_t pass = 0, total = 0;

	(void)state;
	assert_int_equal(glob(tplt_shared("advisories/cisa-icsma/*/*.json"), 0,
	                      NULL, &g),
	                 0);
	assert_int_equal(g.gl_pathc, 144);
	for (size_t f = 0; f < g.gl_pathc; f++) {
		size_t len;
		char *text = tplt_read_file(g.gl_pathv[f], &len);

		for (char *p = strstr(text, "\"cvss_v3\""); p;
		     p = strstr(p + 1, "\"cvss_v3\"")) {
			char *end = strchr(p, '}');
			char vec[TPLC_CVSS_MAX + 1], score[16], sev[16];
			struct tplc_cvss_scores s;
			struct tplc_error err;

			assert_non_null(end);
			assert_true(member(p, end, "\"vectorString\"", vec,
			                   sizeof(vec)));
			assert_true(member(p, end, "\"baseScore\"", score,
			                   sizeof(score)));
			total++;
			if (tplc_cvss_score(&s, vec, &err) != 0) {
				tplt_note("%s: %s: %s", g.gl_pathv[f], vec,
				          err.message);
				continue;
			}
			if (!same(strtod(score, NULL), s.base)) {
				tplt_note("%s: %s: want %s got %.1f",
				          g.gl_pathv[f], vec, score, s.base);
				continue;
			}
			/* Only base metrics here: the severity is the base's. */
			if (member(p, end, "\"baseSeverity\"", sev,
			           sizeof(sev)) &&
			    strcasecmp(sev, s.severity) != 0) {
				tplt_note("%s: %s: severity %s, got %s",
				          g.gl_pathv[f], vec, sev, s.severity);
				continue;
			}
			pass++;
		}
		free(text);
	}
	globfree(&g);
	tplt_conformance("ICSMA cvss_v3: %zu/%zu base scores recomputed", pass,
	                 total);
	assert_true(total > 0);
	assert_int_equal(pass, total);
}

static void reject(const char *vector, int code, const char *message)
{
	struct tplc_cvss_scores s;
	struct tplc_error err;

	assert_int_equal(tplc_cvss_score(&s, vector, &err), code);
	if (strstr(err.message, message) == NULL)
		fail_msg("%s: message \"%s\" lacks \"%s\"", vector, err.message,
		         message);
}

static void test_cvss__malformed(void **state)
{
	char big[TPLC_CVSS_MAX + 16];

	(void)state;
	reject("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", TPLC_EPARSE,
	       "AV:Q: value not allowed");
	reject("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", TPLC_EPARSE,
	       "A: missing");
	reject("CVSS:3.0/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", TPLC_EPARSE,
	       "AV: repeated");
	reject("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1", TPLC_EPARSE,
	       "ZZ:1: unknown metric");
	reject("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", TPLC_EPARSE,
	       "empty component");
	reject("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", TPLC_EPARSE,
	       "A: expected METRIC:VALUE");
	reject("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:h", TPLC_EPARSE,
	       "A:h: value not allowed");
	reject("AV:N/AC:L/Au:N/C:P/I:P/A:X", TPLC_EPARSE,
	       "A:X: value not allowed");
	reject("AV:N/AC:L/C:P/I:P/A:P", TPLC_EPARSE, "Au: missing");
	reject("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", TPLC_EPARSE,
	       "E:X: value not allowed");
	reject("CVSS:3.2/AV:N", TPLC_EPARSE, "unknown CVSS version");
	reject("", TPLC_EPARSE, "empty component");
	memset(big, 'A', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	reject(big, TPLC_ELIMIT, "longer than");
}

static void test_cvss__forms(void **state)
{
	struct tplc_cvss_scores s;

	(void)state;
	/* NVD's v2 form, in parentheses, and with a "CVSS:2.0/" prefix. */
	assert_int_equal(
	        tplc_cvss_score(&s, "(AV:N/AC:L/Au:N/C:P/I:P/A:P)", NULL), 0);
	assert_true(same(s.base, 7.5));
	assert_string_equal(s.severity, "High");
	assert_true(s.temporal < 0 && s.environmental < 0);
	assert_int_equal(tplc_cvss_score(&s,
	                                 "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/"
	                                 "A:P/E:U/RL:OF/RC:C",
	                                 NULL),
	                 0);
	assert_true(same(s.temporal, 5.5));
	assert_true(same(s.score, 5.5));
	assert_string_equal(s.severity, "Medium");
	assert_null(s.nomenclature);
	/* Log4Shell, NVD: 10.0 Critical. */
	assert_int_equal(tplc_cvss_score(&s,
	                                 "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/"
	                                 "C:H/I:H/A:H",
	                                 NULL),
	                 0);
	assert_int_equal(s.version, TPLC_CVSS_V31);
	assert_true(same(s.base, 10.0));
	assert_string_equal(s.severity, "Critical");
	assert_string_equal(tplc_cvss_version_name(s.version), "3.1");
	assert_string_equal(tplc_cvss_version_name(TPLC_CVSS_V2), "2.0");
	assert_string_equal(tplc_cvss_version_name(TPLC_CVSS_V40), "4.0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cvss__vectors),
		cmocka_unit_test(test_cvss__icsma),
		cmocka_unit_test(test_cvss__malformed),
		cmocka_unit_test(test_cvss__forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

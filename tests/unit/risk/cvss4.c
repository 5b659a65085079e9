/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS v4.0 beyond the oracle files of cvss.c: the environmental
 * (modified) metrics, which no oracle line uses, checked against the
 * oracle scores; safety (MSI/MSA:S); nomenclature and errors.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/cvss.h"

#define B "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
/* Lowest base vector: every impact None, so CVSS-B 0.0. */
#define LOW "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"

static bool same(double want, double got)
{
	return fabs(want - got) < 0.001;
}

static struct tplc_cvss_scores score(const char *vector)
{
	struct tplc_cvss_scores s;
	struct tplc_error err;

	if (tplc_cvss_score(&s, vector, &err) != 0)
		fail_msg("%s: %s", vector, err.message);
	assert_int_equal(s.version, TPLC_CVSS_V40);
	return s;
}

/*
 * Every vectors_simple4 line again, its base metrics given as modified
 * metrics over LOW: the score must be the oracle's, the base LOW's.
 */
static void test_cvss4__modified(void **state)
{
	char *text, *save = NULL;
	size_t len, pass = 0, total = 0;

	(void)state;
	text = tplt_read_file(tplt_shared("cvss/vectors_simple4"), &len);
	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char vec[TPLC_CVSS_MAX + 1], *sep = strstr(line, " - ");
		size_t n = (size_t)snprintf(vec, sizeof(vec), "%s", LOW);
		struct tplc_cvss_scores s;
		double want;

		assert_non_null(sep);
		*sep = '\0';
		want = strtod(sep + 3 + (sep[3] == '('), NULL);
		/* "/AV:N/AC:L..." -> "/MAV:N/MAC:L..." */
		for (char *p = strchr(line, '/'); p; p = strchr(p + 1, '/'))
			n += (size_t)snprintf(vec + n, sizeof(vec) - n,
			                      "/M%.*s",
			                      (int)strcspn(p + 1, "/"), p + 1);
		assert_true(n < sizeof(vec));
		total++;
		s = score(vec);
		if (same(want, s.score) && same(0.0, s.base) &&
		    strcmp(s.nomenclature, "CVSS-BE") == 0)
			pass++;
		else
			tplt_note("%s: want %.1f got %.1f", vec, want, s.score);
	}
	free(text);
	tplt_conformance("CVSS v4.0 modified metrics: %zu/%zu oracle scores",
	                 pass, total);
	assert_int_equal(total, 1058);
	assert_int_equal(pass, total);
}

static void test_cvss4__forms(void **state)
{
	struct tplc_cvss_scores s;

	(void)state;
	s = score(B);
	assert_string_equal(s.nomenclature, "CVSS-B");
	assert_true(same(s.base, s.score));
	assert_true(s.temporal < 0 && s.environmental < 0);
	/* Not defined and supplemental metrics change nothing. */
	s = score(B "/E:X/CR:X/MAV:X/S:P/AU:Y/R:I/V:C/RE:H/U:Red");
	assert_string_equal(s.nomenclature, "CVSS-B");
	assert_true(same(s.score, score(B).score));
	/* vectors_threat4: 7.3 unattacked, 4.1 with E:U. */
	s = score("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/"
	          "SI:H/SA:H/E:U");
	assert_string_equal(s.nomenclature, "CVSS-BT");
	assert_true(same(s.base, 7.3));
	assert_true(same(s.score, 4.1));
	assert_string_equal(s.severity, "Medium");
	s = score(B "/CR:L");
	assert_string_equal(s.nomenclature, "CVSS-BE");
	s = score(B "/E:P/MSC:H");
	assert_string_equal(s.nomenclature, "CVSS-BTE");
	s = score(LOW);
	assert_true(same(s.score, 0.0));
	assert_string_equal(s.severity, "None");
}

/* Safety raises the score: MSI:S / MSA:S are above High (EQ4 0). */
static void test_cvss4__safety(void **state)
{
	const char *v = "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/"
	                "SC:L/SI:L/SA:L";
	char a[TPLC_CVSS_MAX], b[TPLC_CVSS_MAX], c[TPLC_CVSS_MAX];

	(void)state;
	snprintf(a, sizeof(a), "%s/MSI:H", v);
	snprintf(b, sizeof(b), "%s/MSI:S", v);
	snprintf(c, sizeof(c), "%s/MSA:S", v);
	assert_true(score(b).score > score(a).score);
	assert_true(score(c).score > score(a).score);
	assert_true(score(a).score > score(v).score);
}

static void reject(const char *vector, const char *message)
{
	struct tplc_cvss_scores s;
	struct tplc_error err;

	assert_int_equal(tplc_cvss_score(&s, vector, &err), TPLC_EPARSE);
	if (strstr(err.message, message) == NULL)
		fail_msg("%s: message \"%s\" lacks \"%s\"", vector, err.message,
		         message);
}

static void test_cvss4__malformed(void **state)
{
	(void)state;
	reject("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/"
	       "SA:N",
	       "SI:S: value not allowed");
	reject("CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/"
	       "SA:N",
	       "AV:X: value not allowed");
	reject("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
	       "SA: missing");
	reject(B "/E:A/E:A", "E: repeated");
	reject(B "/U:red", "U:red: value not allowed");
	reject(B "/MSC:S", "MSC:S: value not allowed");
	reject(B "/Au:N", "Au:N: unknown metric");
	reject(B "/", "empty component");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cvss4__modified),
		cmocka_unit_test(test_cvss4__forms),
		cmocka_unit_test(test_cvss4__safety),
		cmocka_unit_test(test_cvss4__malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

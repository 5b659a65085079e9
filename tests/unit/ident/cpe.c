/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CPE names against the worked examples of NISTIR 7695 (binding and
 * unbinding, sections 6.1.2.3, 6.1.3.3, 6.2.2.3, 6.2.3.3) and the
 * attribute comparison table of NISTIR 7696 (section 6.1.2, table 6-2).
 * A name is shown as the spec writes a WFN: attributes that are not ANY,
 * in order, NA bare and values quoted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/buf.h"

/* wfn:[part="a",vendor="x",update=NA] of a parsed name (test-owned). */
static char *wfn(const struct tplc_cpe *c)
{
	struct tplx_buf b = TPLX_BUF_INIT(8192);
	bool first = true;
	int i;

	tplx_buf_adds(&b, "wfn:[");
	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++) {
		if (c->attr[i].kind == TPLC_CPE_ANY)
			continue;
		tplx_buf_addf(&b, "%s%s=", first ? "" : ",",
		              tplc_cpe_attr_name((enum tplc_cpe_attr)i));
		if (c->attr[i].kind == TPLC_CPE_NA)
			tplx_buf_adds(&b, "NA");
		else
			tplx_buf_addf(&b, "\"%s\"", c->attr[i].value);
		first = false;
	}
	tplx_buf_addc(&b, ']');
	return tplx_buf_detach(&b);
}

/* Unbind examples: a bound name and the WFN it gives, or NULL for an
 * error.  Bind examples: the same pairs read the other way (the WFN's
 * binding is the string). */
static const struct example {
	const char *section, *bound, *wfn;
	bool bind; /* also a bind example: formatting gives bound back */
} examples[] = {
	/* 6.1.2.3 binding to a URI, 6.1.3.3 unbinding a URI */
	{ "6.1.2.3/1", "cpe:/a:microsoft:internet_explorer:8.0.6001:beta",
	  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\","
	  "version=\"8\\.0\\.6001\",update=\"beta\"]",
	  true },
	{ "6.1.2.3/2", "cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
	  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\","
	  "version=\"8\\.*\",update=\"sp?\"]",
	  true },
	{ "6.1.2.3/3",
	  "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"insight_diagnostics\","
	  "version=\"7\\.4\\.0\\.1570\",update=NA,sw_edition=\"online\","
	  "target_sw=\"win2003\",target_hw=\"x64\"]",
	  true },
	{ "6.1.2.3/4", "cpe:/a:hp:openview_network_manager:7.51::~~~linux~~",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"openview_network_"
	  "manager\",version=\"7\\.51\",target_sw=\"linux\"]",
	  true },
	{ "6.1.2.3/5",
	  "cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~"
	  "80gb~",
	  "wfn:[part=\"a\",vendor=\"foo\\\\bar\",product=\"big\\$money_"
	  "manager_2010\",sw_edition=\"special\",target_sw=\"ipod_touch\","
	  "target_hw=\"80gb\"]",
	  true },
	{ "6.1.3.3/2", "cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f",
	  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\","
	  "version=\"8\\.\\*\",update=\"sp\\?\"]",
	  true },
	{ "6.1.3.3/4",
	  "cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"insight_diagnostics\","
	  "version=\"7\\.4\\.0\\.1570\",sw_edition=\"online\","
	  "target_sw=\"win2003\",target_hw=\"x64\"]",
	  true },
	{ "6.1.3.3/5", "cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"openview_network_"
	  "manager\",version=\"7\\.51\",update=NA,target_sw=\"linux\"]",
	  true },
	{ "6.1.3.3/6",
	  "cpe:/a:foo%5cbar:big%24money_2010%07:::~~special~ipod_touch~80gb~",
	  NULL, false },
	{ "6.1.3.3/7", "cpe:/a:foo~bar:big%7emoney_2010",
	  "wfn:[part=\"a\",vendor=\"foo\\~bar\",product=\"big\\~money_"
	  "2010\"]",
	  false },
	{ "6.1.3.3/8", "cpe:/a:foo:bar:12.%02.1234", NULL, false },
	/* 6.2.2.3 binding to a formatted string, 6.2.3.3 unbinding one */
	{ "6.2.2.3/1",
	  "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*",
	  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\","
	  "version=\"8\\.0\\.6001\",update=\"beta\"]",
	  true },
	{ "6.2.2.3/2",
	  "cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*",
	  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\","
	  "version=\"8\\.*\",update=\"sp?\"]",
	  true },
	{ "6.2.2.3/3",
	  "cpe:2.3:a:hp:insight:7.4.0.1570:-:*:*:online:win2003:x64:*",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"insight\","
	  "version=\"7\\.4\\.0\\.1570\",update=NA,sw_edition=\"online\","
	  "target_sw=\"win2003\",target_hw=\"x64\"]",
	  true },
	{ "6.2.2.3/4",
	  "cpe:2.3:a:hp:openview_network_manager:7.51:*:*:*:*:linux:*:*",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"openview_network_"
	  "manager\",version=\"7\\.51\",target_sw=\"linux\"]",
	  true },
	{ "6.2.2.3/5",
	  "cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:"
	  "80gb:*",
	  "wfn:[part=\"a\",vendor=\"foo\\\\bar\",product=\"big\\$money_2010\","
	  "sw_edition=\"special\",target_sw=\"ipod_touch\",target_hw=\"80gb\"]",
	  true },
	{ "6.2.3.3/3",
	  "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:"
	  "x64:*",
	  "wfn:[part=\"a\",vendor=\"hp\",product=\"insight_diagnostics\","
	  "version=\"7\\.4\\.0\\.1570\",update=NA,sw_edition=\"online\","
	  "target_sw=\"win2003\",target_hw=\"x64\"]",
	  true },
	{ "6.2.3.3/5",
	  "cpe:2.3:a:foo\\\\bar:big\\$money:2010:*:*:*:special:ipod_touch:80gb:"
	  "*",
	  "wfn:[part=\"a\",vendor=\"foo\\\\bar\",product=\"big\\$money\","
	  "version=\"2010\",sw_edition=\"special\",target_sw=\"ipod_touch\","
	  "target_hw=\"80gb\"]",
	  true },
	{ "6.2.3.3/6",
	  "cpe:2.3:a:hp:insight_diagnostics:7.4.*.1570:*:*:*:*:*:*:*", NULL,
	  false },
};

static void test_cpe__nistir_7695(void **state)
{
	size_t i, pass = 0, binds = 0, bind_pass = 0;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		const struct example *e = &examples[i];
		struct tplc_cpe *c = NULL;
		struct tplc_error err;
		char *got = NULL, *bound = NULL;
		int error = tplc_cpe_parse(&c, e->bound, &err);
		bool ok;

		if (error == 0)
			got = wfn(c);
		ok = e->wfn == NULL ? error == TPLC_EPARSE
		                    : error == 0 && strcmp(got, e->wfn) == 0;
		if (!ok)
			tplt_note("%s: %s gives %s, want %s", e->section,
			          e->bound, got ? got : err.message,
			          e->wfn ? e->wfn : "an error");
		pass += ok;
		if (e->bind && error == 0) {
			binds++;
			if (strncmp(e->bound, "cpe:/", 5) == 0)
				error = tplc_cpe_format_uri(&bound, c, NULL);
			else
				error = tplc_cpe_format(&bound, c, NULL);
			ok = error == 0 && strcmp(bound, e->bound) == 0;
			if (!ok)
				tplt_note("%s: binds to %s, want %s",
				          e->section, bound, e->bound);
			bind_pass += ok;
		}
		tplc_free(bound);
		tplx_free(got);
		tplc_cpe_free(c);
	}
	tplt_conformance("NISTIR 7695 examples: %zu/%zu unbind, %zu/%zu bind",
	                 pass, i, bind_pass, binds);
	assert_int_equal(pass, i);
	assert_int_equal(bind_pass, binds);
}

/* NISTIR 7696 table 6-2: source value, target value, relation.  "ANY"
 * and "NA" are the logical values; others are formatted-string fields. */
static const struct {
	const char *row, *source, *target;
	enum tplc_cpe_relation want;
} relations[] = {
	{ "1", "ANY", "ANY", TPLC_CPE_EQUAL },
	{ "2", "ANY", "NA", TPLC_CPE_SUPERSET },
	{ "3", "ANY", "i", TPLC_CPE_SUPERSET },
	{ "4", "ANY", "m*", TPLC_CPE_UNDEFINED },
	{ "5", "NA", "ANY", TPLC_CPE_SUBSET },
	{ "6", "NA", "NA", TPLC_CPE_EQUAL },
	{ "7", "NA", "i", TPLC_CPE_DISJOINT },
	{ "8", "NA", "m?", TPLC_CPE_UNDEFINED },
	{ "9", "i", "ANY", TPLC_CPE_SUBSET },
	{ "10", "i", "NA", TPLC_CPE_DISJOINT },
	{ "11", "i", "i", TPLC_CPE_EQUAL },
	{ "12", "i", "k", TPLC_CPE_DISJOINT },
	{ "13", "m1*", "m2*", TPLC_CPE_UNDEFINED },
	{ "14", "m*", "ANY", TPLC_CPE_SUBSET },
	{ "15", "m*", "NA", TPLC_CPE_DISJOINT },
	{ "16", "foo*", "foobar", TPLC_CPE_SUPERSET },
	{ "16", "*bar", "foobar", TPLC_CPE_SUPERSET },
	{ "16", "*oob*", "foobar", TPLC_CPE_SUPERSET },
	{ "16", "8.*", "8.0.6001", TPLC_CPE_SUPERSET },
	{ "16", "sp?", "sp2", TPLC_CPE_SUPERSET },
	{ "16", "??bar", "foobar", TPLC_CPE_DISJOINT },
	{ "16", "???bar", "foobar", TPLC_CPE_SUPERSET },
	{ "16", "foo\\.*", "foo.bar", TPLC_CPE_SUPERSET },
	{ "16", "a\\\\?", "a\\\\b", TPLC_CPE_SUPERSET }, /* quoted \\ then ? */
	{ "17", "foo*", "barfoo", TPLC_CPE_DISJOINT },
	{ "17", "8.*", "80", TPLC_CPE_DISJOINT },
	{ "17", "sp?", "sp10", TPLC_CPE_DISJOINT },
};

/* A name whose version is value (every other attribute ANY). */
static struct tplc_cpe *with_version(const char *value)
{
	char s[256];
	struct tplc_cpe *c = NULL;

	snprintf(s, sizeof(s), "cpe:2.3:a:v:p:%s:*:*:*:*:*:*:*",
	         strcmp(value, "ANY") == 0  ? "*"
	         : strcmp(value, "NA") == 0 ? "-"
	                                    : value);
	assert_int_equal(tplc_cpe_parse(&c, s, NULL), 0);
	return c;
}

static void test_cpe__nistir_7696(void **state)
{
	size_t i, pass = 0;

	(void)state;
	for (i = 0; i < sizeof(relations) / sizeof(relations[0]); i++) {
		struct tplc_cpe *s = with_version(relations[i].source);
		struct tplc_cpe *t = with_version(relations[i].target);
		enum tplc_cpe_relation r = tplc_cpe_compare_attr(
		        &s->attr[TPLC_CPE_VERSION], &t->attr[TPLC_CPE_VERSION]);

		if (r == relations[i].want)
			pass++;
		else
			tplt_note("7696 row %s: %s vs %s gives %d, want %d",
			          relations[i].row, relations[i].source,
			          relations[i].target, (int)r,
			          (int)relations[i].want);
		tplc_cpe_free(s);
		tplc_cpe_free(t);
	}
	tplt_conformance("NISTIR 7696 attribute comparison: %zu/%zu", pass, i);
	assert_int_equal(pass, i);
}

/* Name comparison and NVD's criteria match. */
static void test_cpe__match(void **state)
{
	struct tplc_cpe *crit = NULL, *tgt = NULL, *other = NULL;

	(void)state;
	assert_int_equal(
	        tplc_cpe_parse(&crit,
	                       "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*",
	                       NULL),
	        0);
	assert_int_equal(
	        tplc_cpe_parse(&tgt, "cpe:/o:Linux:linux_kernel:5.10", NULL),
	        0);
	assert_int_equal(
	        tplc_cpe_parse(
	                &other,
	                "cpe:2.3:o:linux:linux_kernel:5.10:*:*:*:*:*:*:*",
	                NULL),
	        0);
	assert_true(tplc_cpe_match(crit, tgt));
	assert_false(tplc_cpe_match(tgt, crit));
	assert_int_equal(tplc_cpe_compare(crit, tgt), TPLC_CPE_SUPERSET);
	assert_int_equal(tplc_cpe_compare(tgt, crit), TPLC_CPE_SUBSET);
	assert_int_equal(tplc_cpe_compare(tgt, other), TPLC_CPE_EQUAL);
	tplc_cpe_free(other);
	other = NULL;
	assert_int_equal(
	        tplc_cpe_parse(
	                &other,
	                "cpe:2.3:a:linux:linux_kernel:5.10:*:*:*:*:*:*:*",
	                NULL),
	        0);
	assert_int_equal(tplc_cpe_compare(tgt, other), TPLC_CPE_DISJOINT);
	assert_false(tplc_cpe_match(crit, other));
	tplc_cpe_free(crit);
	tplc_cpe_free(tgt);
	tplc_cpe_free(other);
}

/* Malformed names are rejected with a short reason. */
static void test_cpe__errors(void **state)
{
	static const struct {
		const char *s, *reason;
	} bad[] = {
		{ "cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*", "13 fields" },
		{ "cpe:2.3:a:v:p:1.0:*:*:*:*:*:*:*:*", "13 fields" },
		{ "cpe:2.3:a:v\\:p:1.0:*:*:*:*:*:*:*", "13 fields" },
		{ "cpe:2.3:a:v:p:1.0\\", "bad escape" },
		{ "cpe:2.3:a:ve\\ndor:p:1:*:*:*:*:*:*:*", "bad escape" },
		{ "cpe:2.3:a:v:p:1.*.2:*:*:*:*:*:*:*",
		  "embedded unquoted \"*\"" },
		{ "cpe:2.3:a:v:p:1?2:*:*:*:*:*:*:*",
		  "embedded unquoted \"?\"" },
		{ "cpe:2.3:x:v:p:1:*:*:*:*:*:*:*", "bad part" },
		{ "cpe:2.3:-:v:p:1:*:*:*:*:*:*:*", "bad part" },
		{ "cpe:2.3:a:v::1:*:*:*:*:*:*:*", "empty field" },
		{ "cpe:2.3:a:v:p q:1:*:*:*:*:*:*:*", "printable" },
		{ "cpe:/a:v:p:1:u:e:l:x", "more than 7" },
		{ "cpe:/a:v:p:1:u:~a~b~c", "packed edition" },
		{ "cpe:/a:v:p%4", "percent" },
		{ "cpe:/q:v:p", "bad part" },
		{ "pkg:npm/x@1", "not a CPE" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tplc_cpe *c = NULL;
		struct tplc_error err;

		assert_int_equal(tplc_cpe_parse(&c, bad[i].s, &err),
		                 TPLC_EPARSE);
		assert_null(c);
		if (strstr(err.message, bad[i].reason) == NULL)
			fail_msg("%s: %s (want %s)", bad[i].s, err.message,
			         bad[i].reason);
	}
}

static void test_cpe__key_and_unquote(void **state)
{
	struct tplc_cpe *c = NULL;
	char *s = NULL;

	(void)state;
	assert_int_equal(
	        tplc_cpe_key(&s, "cpe:2.3:a:Foo\\!Inc:Bar_X:1.0:*:*:*:*:*:*:*",
	                     NULL),
	        0);
	assert_string_equal(s, "foo!inc:bar_x");
	tplc_free(s);
	assert_int_equal(tplc_cpe_key(&s, "cpe:/a:foo%21inc:bar.x:1", NULL), 0);
	assert_string_equal(s, "foo!inc:bar.x");
	tplc_free(s);
	assert_int_equal(
	        tplc_cpe_key(&s, "cpe:2.3:a:*:bar:1:*:*:*:*:*:*:*", NULL),
	        TPLC_EPARSE);
	assert_int_equal(
	        tplc_cpe_key(&s, "cpe:2.3:a:foo:bar*:1:*:*:*:*:*:*:*", NULL),
	        TPLC_EPARSE);
	assert_int_equal(tplc_cpe_key(&s, "cpe:/a:foo", NULL), TPLC_EPARSE);
	assert_null(s);
	assert_int_equal(
	        tplc_cpe_parse(&c, "cpe:2.3:a:v:p:1\\.0\\-rc1:-:*:*:*:*:*:*",
	                       NULL),
	        0);
	assert_int_equal(tplc_cpe_unquote(&s, c, TPLC_CPE_VERSION, NULL), 0);
	assert_string_equal(s, "1.0-rc1");
	tplc_free(s);
	assert_int_equal(tplc_cpe_unquote(&s, c, TPLC_CPE_UPDATE, NULL), 0);
	assert_null(s);
	/* formatted string drops the needless quoting of . and - */
	assert_int_equal(tplc_cpe_format(&s, c, NULL), 0);
	assert_string_equal(s, "cpe:2.3:a:v:p:1.0-rc1:-:*:*:*:*:*:*");
	tplc_free(s);
	tplc_cpe_free(c);
	/* a lone quoted "-" stays a value in both bindings */
	assert_int_equal(
	        tplc_cpe_parse(&c, "cpe:2.3:a:v:p:\\-:*:*:*:*:*:*:*", NULL), 0);
	assert_int_equal(c->attr[TPLC_CPE_VERSION].kind, TPLC_CPE_VALUE);
	assert_int_equal(tplc_cpe_format_uri(&s, c, NULL), 0);
	assert_string_equal(s, "cpe:/a:v:p:%2d");
	tplc_free(s);
	tplc_cpe_free(c);
}

static void test_cpe__out_of_memory(void **state)
{
	struct tplc_cpe *c;
	char *s, *u;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		c = NULL;
		s = u = NULL;
		tplx_alloc_fail_after(n);
		error = tplc_cpe_parse(&c,
		                       "cpe:/a:hp:insight:7.4::~~online~"
		                       "win2003~x64~",
		                       NULL);
		if (error == 0)
			error = tplc_cpe_format(&s, c, NULL);
		if (error == 0)
			error = tplc_cpe_format_uri(&u, c, NULL);
		tplx_alloc_fail_after(-1);
		tplc_cpe_free(c);
		tplc_free(s);
		tplc_free(u);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpe__nistir_7695),
		cmocka_unit_test(test_cpe__nistir_7696),
		cmocka_unit_test(test_cpe__match),
		cmocka_unit_test(test_cpe__errors),
		cmocka_unit_test(test_cpe__key_and_unquote),
		cmocka_unit_test(test_cpe__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

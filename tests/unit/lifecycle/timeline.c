/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The lifecycle timeline: the text chart compared whole against what a
 * reader counts by hand (a 4-month column, EOS in June 2027), the scale
 * and range rules, and the SVG parsed back with libxml2: every span a
 * rectangle at the x its dates give, names escaped, tooltips on the
 * milestones.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "test.h"
#include "tplc/timeline.h"
#include "util/date.h"

static const struct tplc_lifecycle_span pump_spans[] = {
	{ TPLC_LIFECYCLE_DEVELOPMENT, "", "2020-03-15" },
	{ TPLC_LIFECYCLE_SUPPORT, "2020-03-15", "2026-01-01" },
	{ TPLC_LIFECYCLE_LIMITED, "2026-01-01", "2027-06-30" },
	{ TPLC_LIFECYCLE_END_OF_SUPPORT, "2027-06-30", "" },
};

static const struct tplc_lifecycle_span unknown_span[] = {
	{ TPLC_LIFECYCLE_UNKNOWN, "", "" },
};

/* EOL told 19 months ahead (short), EOS only published. */
static const struct tplc_timeline_row rows[] = {
	{
	        .label = "Acme Medical InfuPump 3000 1.2.0",
	        .devices = 3,
	        .spans = pump_spans,
	        .span_count = 4,
	        .release = { "2020-03-15", NULL, NULL },
	        .eol = { "2026-01-01", "2024-06-01", "pushed" },
	        .eos = { "2027-06-30", "2024-06-01", "published" },
	},
	{
	        .label = "Other <&> Model 2.0",
	        .devices = 1,
	        .spans = unknown_span,
	        .span_count = 1,
	},
};

static char *render(bool svg, const struct tplc_timeline_row *r, size_t n,
                    const struct tplc_timeline_options *opt, int *error)
{
	struct tplc_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	*error = svg ? tplc_timeline_svg(fp, r, n, opt, &err)
	             : tplc_timeline_text(fp, r, n, opt, &err);
	fclose(fp);
	if (*error != 0)
		tplt_note("%s", err.message);
	return text;
}

static void test_timeline__text_exact(void **state)
{
	struct tplc_timeline_options opt = {
		.as_of = "2026-11-25",
		.from_year = 2020,
		.to_year = 2027,
		.width = 30,
	};
	const char *want =
	        "Lifecycle 2020-2027 as of 2026-11-25, one column = 4 months\n"
	        "  2020  2022  2024  2026\n"
	        "  +--+--+--+--+--+--+--+--\n"
	        "Acme Medical InfuPump 3000 1.2.0 (3 devices)\n"
	        "  ==================~~|~##  Limited Support since 2026-01-01; "
	        "EOS 2027-06-30 in 7 months\n"
	        "  ! EOL 2026-01-01 announced 2024-06-01, less than 2 years "
	        "ahead\n"
	        "  ! EOS 2027-06-30 announced 2024-06-01, published only (not "
	        "pushed to customers)\n"
	        "Other <&> Model 2.0 (1 device)\n"
	        "                      |     unknown; no change announced\n"
	        "  . Development  = Support  ~ Limited Support  # End of "
	        "Support  | as of 2026-11-25\n";
	int error;
	char *got;

	(void)state;
	got = render(false, rows, 2, &opt, &error);
	assert_int_equal(error, 0);
	assert_string_equal(got, want);
	free(got);
}

/* Monthly cells: the '|' moves with the day, EOS lands in June 2027. */
static void test_timeline__text_monthly(void **state)
{
	struct tplc_timeline_options opt = {
		.as_of = "2026-11-25",
		.from_year = 2026,
		.to_year = 2027,
	};
	const char *bar, *want;
	int error;
	char *got;

	(void)state;
	got = render(false, rows, 1, &opt, &error);
	assert_int_equal(error, 0);
	assert_non_null(strstr(got, "one column = 1 month\n"));
	bar = strstr(got, "\n  ~");
	assert_non_null(bar);
	/* Jan..Oct 2026 Limited, '|' in Nov, Dec..May Limited, Jun on EOS */
	assert_memory_equal(bar + 3, "~~~~~~~~~~|~~~~~~#######  ", 26);
	free(got);

	opt.as_of = "2027-02-01";
	got = render(false, rows, 1, &opt, &error);
	assert_int_equal(error, 0);
	bar = strstr(got, "\n  ~");
	assert_non_null(bar);
	assert_memory_equal(bar + 3, "~~~~~~~~~~~~~|~~~#######  ", 26);
	assert_non_null(strstr(got, "EOS 2027-06-30 in 4 months"));
	free(got);

	/* out of range: no '|' at all, and still the status of the day */
	opt.as_of = "2030-01-01";
	opt.to_year = 2027;
	got = render(false, rows, 1, &opt, &error);
	assert_int_equal(error, 0);
	bar = strstr(got, "\n  ~");
	assert_non_null(bar);
	want = "~~~~~~~~~~~~~~~~~#######  End of Support since 2027-06-30\n";
	assert_memory_equal(bar + 3, want, strlen(want));
	free(got);
}

static void test_timeline__text_color(void **state)
{
	struct tplc_timeline_options opt = {
		.as_of = "2026-11-25",
		.from_year = 2020,
		.to_year = 2027,
		.width = 30,
		.color = true,
	};
	int error;
	char *got;

	(void)state;
	got = render(false, rows, 1, &opt, &error);
	assert_int_equal(error, 0);
	assert_non_null(strstr(got, "\033[0m\033[32m=================="
	                            "\033[0m\033[33m~~\033[0m\033[1m|"));
	free(got);
	opt.color = false;
	got = render(false, rows, 1, &opt, &error);
	assert_null(strchr(got, '\033'));
	free(got);
}

static void test_timeline__scale(void **state)
{
	(void)state;
	assert_int_equal(tplc_timeline_months_per_cell(8, 98), 1);
	assert_int_equal(tplc_timeline_months_per_cell(8, 28), 4);
	assert_int_equal(tplc_timeline_months_per_cell(10, 98), 2);
	assert_int_equal(tplc_timeline_months_per_cell(16, 98), 2);
	assert_int_equal(tplc_timeline_months_per_cell(17, 98), 3);
	assert_int_equal(tplc_timeline_months_per_cell(30, 98), 4);
	assert_int_equal(tplc_timeline_months_per_cell(60, 98), 12);
	assert_int_equal(tplc_timeline_months_per_cell(1, 18), 1);
}

static void test_timeline__range(void **state)
{
	static const struct tplc_lifecycle_span far[] = {
		{ TPLC_LIFECYCLE_SUPPORT, "2010-05-01", "2099-01-01" },
		{ TPLC_LIFECYCLE_END_OF_SUPPORT, "2099-01-01", "" },
	};
	struct tplc_timeline_row wide = { .label = "x",
		                          .spans = far,
		                          .span_count = 2 };
	struct tplc_timeline_options opt = { .as_of = "2026-11-25" };
	struct tplc_error err;
	int from, to;

	(void)state;
	/* nothing known: a few years around the day */
	assert_int_equal(tplc_timeline_range(NULL, 0, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2024);
	assert_int_equal(to, 2029);
	/* earliest to latest named, today included */
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2020);
	assert_int_equal(to, 2027);
	opt.as_of = "2031-02-03";
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(to, 2031);
	/* far-off dates are cut to 60 years around the day */
	opt.as_of = "2026-11-25";
	assert_int_equal(tplc_timeline_range(&wide, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2010);
	assert_int_equal(to, 2055);
	/* one end given, the other follows the dates */
	opt.from_year = 2024;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2024);
	assert_int_equal(to, 2027);
	opt.from_year = 2030;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2030);
	assert_int_equal(to, 2030);
	opt.from_year = 0;
	opt.to_year = 2015;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 0);
	assert_int_equal(from, 2015);
	assert_int_equal(to, 2015);
	/* refused */
	opt.from_year = 2028;
	opt.to_year = 2027;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 TPLC_EINVAL);
	opt.from_year = 2000;
	opt.to_year = 2060;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 TPLC_ELIMIT);
	opt.from_year = 999;
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 TPLC_EINVAL);
	opt.from_year = 0;
	opt.to_year = 0;
	opt.as_of = "2026-02-30";
	assert_int_equal(tplc_timeline_range(rows, 1, &opt, &from, &to, &err),
	                 TPLC_EINVAL);
	opt.as_of = "2026-11-25";
	opt.width = 5;
	{
		int error;
		char *got = render(false, rows, 1, &opt, &error);

		assert_int_equal(error, TPLC_EINVAL);
		free(got);
	}
}

/* Spans straight from the stage rules, as the CLI builds them. */
static void test_timeline__from_spans(void **state)
{
	struct tplc_lifecycle_input in = { .release = "2021-07-01",
		                           .eol = "2025-07-01",
		                           .eos = "2028-01-01" };
	struct tplc_lifecycle_span spans[8];
	struct tplc_timeline_options opt = { .as_of = "2026-11-25",
		                             .width = 42 };
	struct tplc_timeline_row row = { .label = "Acme Scope 9",
		                         .devices = -1 };
	struct tplc_error err;
	size_t n;
	int error;
	char *got;

	(void)state;
	assert_int_equal(tplc_lifecycle_spans(&in, spans, 8, &n, &err), 0);
	assert_int_equal(n, 4);
	row.spans = spans;
	row.span_count = n;
	got = render(false, &row, 1, &opt, &error);
	assert_int_equal(error, 0);
	/* without the milestones a change is named by its stage */
	assert_non_null(strstr(got, "; End of Support 2028-01-01 in 13 "
	                            "months\n"));
	free(got);
	row.release.date = in.release;
	row.eol.date = in.eol;
	row.eos.date = in.eos;
	got = render(false, &row, 1, &opt, &error);
	assert_int_equal(error, 0);
	/* 2021-2028, 8 years in 40 columns: 3 months a column */
	assert_non_null(strstr(got, "one column = 3 months\n"));
	assert_non_null(strstr(got, "\nAcme Scope 9\n"));
	assert_non_null(strstr(got, "  ..================~~~~~|~~~~#### "
	                            " Limited Support since 2025-07-01; EOS "
	                            "2028-01-01 in 13 months\n"));
	free(got);
}

/* ---- SVG ---------------------------------------------------------------- */

static double x_of(const char *date, int from, int to)
{
	char a[TPLX_DATE_SIZE], b[TPLX_DATE_SIZE];
	long d0, d1;

	snprintf(a, sizeof(a), "%04d-01-01", from);
	snprintf(b, sizeof(b), "%04d-01-01", to + 1);
	d0 = tplx_date_days(a);
	d1 = tplx_date_days(b);
	return TPLC_TIMELINE_SVG_X0 +
	       (double)TPLC_TIMELINE_SVG_CHART *
	               (double)(tplx_date_days(date) - d0) / (double)(d1 - d0);
}

static double attr_num(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	double d;

	assert_non_null(v);
	d = strtod((const char *)v, NULL);
	xmlFree(v);
	return d;
}

static xmlXPathObject *query(xmlXPathContext *ctx, const char *expr)
{
	xmlXPathObject *o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);

	assert_non_null(o);
	return o;
}

static size_t nodes(xmlXPathObject *o)
{
	return o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
}

static void check_rect(xmlNode *rect, const char *from, const char *to,
                       const char *cls)
{
	double x0 = from ? x_of(from, 2020, 2027) : TPLC_TIMELINE_SVG_X0;
	double x1 = to ? x_of(to, 2020, 2027)
	               : TPLC_TIMELINE_SVG_X0 + TPLC_TIMELINE_SVG_CHART;
	xmlChar *c = xmlGetProp(rect, (const xmlChar *)"class");

	assert_non_null(c);
	assert_string_equal((const char *)c, cls);
	xmlFree(c);
	assert_true(fabs(attr_num(rect, "x") - x0) < 0.006);
	assert_true(fabs(attr_num(rect, "width") - (x1 - x0)) < 0.011);
}

static void test_timeline__svg(void **state)
{
	struct tplc_timeline_options opt = {
		.as_of = "2026-11-25",
		.from_year = 2020,
		.to_year = 2027,
	};
	xmlXPathContext *ctx;
	xmlXPathObject *o;
	xmlDoc *doc;
	xmlChar *s;
	size_t len;
	int error;
	char *got;

	(void)state;
	got = render(true, rows, 2, &opt, &error);
	assert_int_equal(error, 0);
	len = strlen(got);
	assert_non_null(strstr(got, "Other &lt;&amp;&gt; Model 2.0"));
	assert_null(strstr(got, "<script"));
	assert_null(strstr(got, "href"));
	doc = xmlReadMemory(got, (int)len, "timeline.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(doc);
	ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, (const xmlChar *)"s",
	                   (const xmlChar *)"http://www.w3.org/2000/svg");

	o = query(ctx, "//s:g[@class='version'][1]/s:rect");
	assert_int_equal(nodes(o), 4);
	check_rect(o->nodesetval->nodeTab[0], NULL, "2020-03-15",
	           "span development");
	check_rect(o->nodesetval->nodeTab[1], "2020-03-15", "2026-01-01",
	           "span support");
	check_rect(o->nodesetval->nodeTab[2], "2026-01-01", "2027-06-30",
	           "span limited");
	check_rect(o->nodesetval->nodeTab[3], "2027-06-30", NULL, "span eos");
	s = xmlNodeGetContent(o->nodesetval->nodeTab[1]);
	assert_string_equal((const char *)s,
	                    "Support: 2020-03-15 to 2026-01-01");
	xmlFree(s);
	xmlXPathFreeObject(o);

	o = query(ctx, "//s:g[@class='version'][2]/s:rect");
	assert_int_equal(nodes(o), 1);
	check_rect(o->nodesetval->nodeTab[0], NULL, NULL, "span unknown");
	xmlXPathFreeObject(o);

	o = query(ctx, "//s:g[@class='version'][2]/s:text");
	assert_int_equal(nodes(o), 1);
	s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
	assert_string_equal((const char *)s, "Other <&> Model 2.0 (1 device)");
	xmlFree(s);
	xmlXPathFreeObject(o);

	/* milestone tooltips, both flagged */
	o = query(ctx, "//s:g[@class='milestone EOS notice-flag']/s:title");
	assert_int_equal(nodes(o), 1);
	s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
	assert_string_equal((const char *)s,
	                    "EOS 2027-06-30; announced 2024-06-01 (published); "
	                    "published only, not pushed to customers");
	xmlFree(s);
	xmlXPathFreeObject(o);
	o = query(ctx, "//s:g[@class='milestone EOL notice-flag']/s:title");
	assert_int_equal(nodes(o), 1);
	s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
	assert_string_equal((const char *)s,
	                    "EOL 2026-01-01; announced 2024-06-01 (pushed); "
	                    "short notice: less than 2 years ahead");
	xmlFree(s);
	xmlXPathFreeObject(o);
	o = query(ctx, "//s:text[@class='flag']");
	assert_int_equal(nodes(o), 2);
	xmlXPathFreeObject(o);

	/* the as-of line and one grid line per year boundary */
	o = query(ctx, "//s:g[@class='today']/s:line");
	assert_int_equal(nodes(o), 1);
	assert_true(fabs(attr_num(o->nodesetval->nodeTab[0], "x1") -
	                 x_of("2026-11-25", 2020, 2027)) < 0.006);
	xmlXPathFreeObject(o);
	o = query(ctx, "//s:g[@class='today']/s:text");
	s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
	assert_string_equal((const char *)s, "as of 2026-11-25");
	xmlFree(s);
	xmlXPathFreeObject(o);
	o = query(ctx, "//s:g[@class='grid']/s:line");
	assert_int_equal(nodes(o), 9);
	xmlXPathFreeObject(o);
	o = query(ctx, "//s:g[@class='legend']/s:rect");
	assert_int_equal(nodes(o), 4);
	xmlXPathFreeObject(o);

	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	free(got);
}

/* Bytes XML cannot carry in a name still give a well-formed picture. */
static void test_timeline__svg_bad_bytes(void **state)
{
	struct tplc_timeline_row row = rows[1];
	struct tplc_timeline_options opt = { .as_of = "2026-11-25" };
	xmlDoc *doc;
	int error;
	char *got;

	(void)state;
	row.label = "Bad\x01\xff\xc3(\xed\xa0\x80 \xc3\xa9t\xc3\xa9 \"'";
	got = render(true, &row, 1, &opt, &error);
	assert_int_equal(error, 0);
	assert_non_null(strstr(got, "Bad??"
	                            "?(??"
	                            "? \xc3\xa9t\xc3\xa9 "
	                            "&quot;&apos;"));
	doc = xmlReadMemory(got, (int)strlen(got), "bad.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline__text_exact),
		cmocka_unit_test(test_timeline__text_monthly),
		cmocka_unit_test(test_timeline__text_color),
		cmocka_unit_test(test_timeline__scale),
		cmocka_unit_test(test_timeline__range),
		cmocka_unit_test(test_timeline__from_spans),
		cmocka_unit_test(test_timeline__svg),
		cmocka_unit_test(test_timeline__svg_bad_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

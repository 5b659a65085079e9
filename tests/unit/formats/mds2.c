/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MDS2 (ANSI/NEMA HN 1-2019): the catalogue, reading IDs and answers the
 * way real forms write them, the CSV form, requirement profiles, and the
 * workbook reader on parts written by hand (shared strings and rich text,
 * which ssconvert never writes; tests/cli/t1140-mds2.sh has its files).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/xlsx.h"
#include "test.h"
#include "tplc/mds2.h"

static void test_mds2__catalog(void **state)
{
	const struct tplc_mds2_question *q, *p;
	char parent[TPLC_MDS2_ID_MAX], *dot;
	size_t i, n = tplc_mds2_catalog_count(), top = 0;

	(void)state;
	/* HN 1-2019 as the brief lists it: 241 IDs in 23 sections */
	assert_int_equal(n, 241);
	for (i = 0; i < n; i++) {
		q = tplc_mds2_catalog_at(i);
		assert_non_null(tplc_mds2_section_name(q->section));
		assert_ptr_equal(tplc_mds2_catalog_find(q->id), q);
		assert_true(strncmp(q->id, q->section, strlen(q->section)) ==
		            0);
		snprintf(parent, sizeof(parent), "%s", q->id);
		dot = strrchr(parent, '.');
		if (dot == NULL) {
			assert_null(q->parent);
			top++;
			continue;
		}
		*dot = '\0';
		assert_string_equal(q->parent, parent);
		p = tplc_mds2_catalog_find(q->parent);
		assert_non_null(p);
	}
	assert_int_equal(top, 126);
	tplt_conformance("MDS2 HN 1-2019 catalogue: %zu questions, %zu "
	                 "top-level, every parent present",
	                 n, top);
	assert_null(tplc_mds2_catalog_at(n));
	assert_string_equal(tplc_mds2_catalog_find("AUDT-2.8.1")->parent,
	                    "AUDT-2.8");
	assert_string_equal(tplc_mds2_catalog_find("CONN-1.2.4")->parent,
	                    "CONN-1.2");
	assert_non_null(tplc_mds2_catalog_find("CSUP-6.4"));
	assert_non_null(tplc_mds2_catalog_find("DOC-11.4"));
	assert_non_null(tplc_mds2_catalog_find("PAUT-14.1"));
	assert_null(tplc_mds2_catalog_find("CSUP-7.1"));
	assert_null(tplc_mds2_catalog_find("AUDT-9"));
	assert_non_null(tplc_mds2_section_name("OTHR"));
	assert_null(tplc_mds2_section_name("SHAD"));
}

static void test_mds2__id_canonical(void **state)
{
	static const struct {
		const char *in, *out; /* out NULL: not an ID */
	} cases[] = {
		{ "SAHD-15", "SAHD-15" },
		{ "sahd-15", "SAHD-15" },
		{ "CSUP - 2.1", "CSUP-2.1" },
		{ " audt-2.8.1 ", "AUDT-2.8.1" },
		{ "Doc-7", "DOC-7" },
		{ "SHAD-15", "SHAD-15" },
		{ "HN 1-2019", NULL },
		{ "Question ID", NULL },
		{ "AUDT-", NULL },
		{ "AUDT-2.", NULL },
		{ "AUDT-2..1", NULL },
		{ "A-1", NULL },
		{ "ABCDEF-1", NULL },
		{ "AUDT 2", NULL },
		{ "", NULL },
	};
	char out[TPLC_MDS2_ID_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = tplc_mds2_id_canonical(cases[i].in, out, sizeof(out));

		if (cases[i].out == NULL) {
			if (rc == 0)
				fail_msg("%s read as %s", cases[i].in, out);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_string_equal(out, cases[i].out);
	}
	/* too long for the buffer */
	assert_int_equal(tplc_mds2_id_canonical("AUDT-2.8.1", out, 6), -1);
}

static void test_mds2__typo(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "SHAD-15", "SAHD-15" }, /* transposition */
		{ "TXFC-2", "TXCF-2" },   /* transposition */
		{ "ALOG-1", "ALOF-1" },   /* substitution */
		{ "SBM-1", "SBOM-1" },    /* deletion */
		{ "AUDTT-3", "AUDT-3" },  /* insertion */
		{ "SAHD-99", NULL },      /* right section, no such question */
		{ "SHAD-99", NULL },      /* corrected ID does not exist */
		{ "XYZW-1", NULL },       /* no section near */
		{ "SHDA-15", NULL },      /* two edits */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = tplc_mds2_id_correct(cases[i].in);

		if (cases[i].out == NULL && got != NULL)
			fail_msg("%s corrected to %s", cases[i].in, got);
		if (cases[i].out != NULL) {
			if (got == NULL)
				fail_msg("%s not corrected", cases[i].in);
			assert_string_equal(got, cases[i].out);
		}
	}
	tplt_conformance("MDS2 question ID typos: %zu/%zu cases read as "
	                 "the form meant, or left alone",
	                 sizeof(cases) / sizeof(cases[0]),
	                 sizeof(cases) / sizeof(cases[0]));
}

static void test_mds2__answers(void **state)
{
	static const struct {
		const char *text;
		bool free_text;
		enum tplc_mds2_answer answer;
		const char *rest;
	} cases[] = {
		{ "Yes", false, TPLC_MDS2_YES, "" },
		{ "YES", false, TPLC_MDS2_YES, "" },
		{ "  yes  ", false, TPLC_MDS2_YES, "" },
		{ "Yes,optional", false, TPLC_MDS2_YES, "optional" },
		{ "Yes, Optional", false, TPLC_MDS2_YES, "Optional" },
		{ "Yes,", false, TPLC_MDS2_YES, "" },
		{ "Yes, See IFU", false, TPLC_MDS2_YES, "See IFU" },
		{ "Yes,\"PACS, NAS\"", false, TPLC_MDS2_YES, "\"PACS, NAS\"" },
		{ "N/A: No default accounts", false, TPLC_MDS2_NA,
		  "No default accounts" },
		{ "n/a", false, TPLC_MDS2_NA, "" },
		{ "NA", false, TPLC_MDS2_NA, "" },
		{ "Not applicable", false, TPLC_MDS2_NA, "" },
		{ "No: No end-of-life components", false, TPLC_MDS2_NO,
		  "No end-of-life components" },
		{ "no.", false, TPLC_MDS2_NO, "" },
		{ "See Note", false, TPLC_MDS2_SEE_NOTE, "" },
		{ "see note - below", false, TPLC_MDS2_SEE_NOTE, "below" },
		{ "See Notes", false, TPLC_MDS2_SEE_NOTE, "" },
		{ "____", false, TPLC_MDS2_UNANSWERED, "" },
		{ " __ ", false, TPLC_MDS2_UNANSWERED, "" },
		{ "", false, TPLC_MDS2_UNANSWERED, "" },
		{ NULL, false, TPLC_MDS2_UNANSWERED, "" },
		{ "Nope", false, TPLC_MDS2_TEXT, "Nope" },
		{ "Yesterday", false, TPLC_MDS2_TEXT, "Yesterday" },
		{ "Optional", false, TPLC_MDS2_TEXT, "Optional" },
		{ "Acme Medical", true, TPLC_MDS2_TEXT, "Acme Medical" },
		{ "Yes", true, TPLC_MDS2_TEXT, "Yes" },
		{ "____", true, TPLC_MDS2_UNANSWERED, "" },
	};
	enum tplc_mds2_answer answer;
	const char *rest;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tplc_mds2_answer_normalise(cases[i].text, cases[i].free_text,
		                           &answer, &rest);
		if (answer != cases[i].answer)
			fail_msg("\"%s\": %s, expected %s",
			         cases[i].text ? cases[i].text : "(null)",
			         tplc_mds2_answer_name(answer),
			         tplc_mds2_answer_name(cases[i].answer));
		assert_string_equal(rest, cases[i].rest);
	}
	tplt_conformance("MDS2 answers: %zu/%zu real-world spellings "
	                 "normalised",
	                 sizeof(cases) / sizeof(cases[0]),
	                 sizeof(cases) / sizeof(cases[0]));
	/* DOC-1..7 are free text; DOC-8 (disclosure programme) is Yes/No */
	assert_true(tplc_mds2_free_text("DOC-1"));
	assert_true(tplc_mds2_free_text("DOC-7"));
	assert_false(tplc_mds2_free_text("DOC-8"));
	assert_false(tplc_mds2_free_text("DOC-11.1"));
	assert_false(tplc_mds2_free_text("TXCF-2"));
	for (int a = TPLC_MDS2_YES; a <= TPLC_MDS2_UNANSWERED; a++)
		assert_int_equal(tplc_mds2_answer_parse(tplc_mds2_answer_name(
		                         (enum tplc_mds2_answer)a)),
		                 a);
	assert_int_equal(tplc_mds2_answer_parse("maybe"), -1);
}

/* ---- CSV forms ----------------------------------------------------------- */

struct warnings {
	char text[8][256];
	size_t count;
};

static void collect(const char *message, void *data)
{
	struct warnings *w = data;

	if (w->count < 8)
		snprintf(w->text[w->count], sizeof(w->text[0]), "%s", message);
	w->count++;
}

static const struct tplc_mds2_item *item(const struct tplc_mds2_form *f,
                                         const char *id)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].id, id) == 0)
			return &f->items[i];
	return NULL;
}

static void test_mds2__csv_form(void **state)
{
	static const char csv[] =
	        "MDS2 -- Manufacturer Disclosure Statement,,,\n"
	        "Acme Medical,,,\n"
	        "Question ID,Question,Answer,Note\n"
	        "DOC-4,Document ID,ACME-42,\n"
	        "DOC-7,Release date,2024-03-01,\n"
	        "AUTOMATIC LOGOFF (ALOF),,,\n"
	        "ALOF-1,Can the device log off?,\"Yes, Optional\",90 s\n"
	        "SHAD-15,Default accounts?,N/A: No default accounts,\n"
	        "FOO-1,Unknown,Yes,\n"
	        "csup - 2.1,OS?,____,\n"
	        "ALOF-1,Again,No,changed\n";
	struct tplc_mds2_form *f = NULL;
	struct warnings w = { .count = 0 };
	const struct tplc_mds2_item *it;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_mds2_parse(&f, csv, strlen(csv), "form.csv",
	                                 collect, &w, &err),
	                 0);
	assert_int_equal(f->count, 6);
	assert_int_equal(f->unanswered, 1);
	assert_int_equal(f->warnings, 3);
	assert_int_equal(w.count, 3);
	assert_string_equal(w.text[0], "form.csv: line 8: SHAD-15 is not an "
	                               "MDS2 question; read as SAHD-15");
	assert_string_equal(w.text[1], "form.csv: line 9: FOO-1 is not an "
	                               "MDS2 question; kept");
	assert_string_equal(w.text[2], "form.csv: line 11: ALOF-1 answered "
	                               "twice; the last answer is kept");
	assert_string_equal(f->document_id, "ACME-42");
	assert_string_equal(f->released, "2024-03-01");
	it = item(f, "ALOF-1");
	assert_int_equal(it->answer, TPLC_MDS2_NO);
	assert_string_equal(it->note, "changed");
	assert_string_equal(it->question, "Again");
	assert_int_equal(it->line, 11);
	it = item(f, "SAHD-15");
	assert_int_equal(it->answer, TPLC_MDS2_NA);
	assert_string_equal(it->note, "No default accounts");
	assert_string_equal(it->text, "N/A: No default accounts");
	it = item(f, "CSUP-2.1");
	assert_int_equal(it->answer, TPLC_MDS2_UNANSWERED);
	assert_null(it->note);
	assert_non_null(item(f, "FOO-1"));
	assert_null(item(f, "SHAD-15"));
	tplc_mds2_form_free(f);
}

static void test_mds2__csv_without_header(void **state)
{
	static const char csv[] = "SAHD-1,\"Yes, Optional\",see manual\n"
	                          "TXCF-2,No,\n"
	                          "Some note line without an id,,\n"
	                          "TXFC-3,Yes,\n";
	struct tplc_mds2_form *f = NULL;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_mds2_parse(&f, csv, strlen(csv), "x.csv", NULL,
	                                 NULL, &err),
	                 0);
	assert_int_equal(f->count, 3);
	assert_int_equal(f->warnings, 1);
	assert_string_equal(item(f, "SAHD-1")->note, "Optional; see manual");
	assert_int_equal(item(f, "TXCF-2")->answer, TPLC_MDS2_NO);
	assert_int_equal(item(f, "TXCF-3")->answer, TPLC_MDS2_YES);
	tplc_mds2_form_free(f);
}

static void test_mds2__csv_errors(void **state)
{
	static const char none[] = "Name,Value\nfoo,bar\n";
	static const char quote[] = "ID,answer\nSAHD-1,\"Yes\n";
	struct tplc_mds2_form *f = NULL;
	struct tplc_error err;
	char msg[1024];

	(void)state;
	assert_int_equal(tplc_mds2_parse(&f, none, strlen(none), "n.csv", NULL,
	                                 NULL, &err),
	                 TPLC_EPARSE);
	assert_null(f);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "n.csv: no MDS2 question ID found");
	assert_int_equal(tplc_mds2_parse(&f, quote, strlen(quote), "q.csv",
	                                 NULL, NULL, &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.file, "q.csv");
	assert_int_equal(err.line, 2);
	assert_int_equal(tplc_mds2_parse(&f, "", 0, "e.csv", NULL, NULL, &err),
	                 TPLC_EPARSE);
}

/* ---- profiles ------------------------------------------------------------ */

static void test_mds2__profile(void **state)
{
	static const char text[] = "# requirements\n"
	                           "\n"
	                           "TXCF-2 must be Yes   # in transit\n"
	                           "  sahd-15 MUST be yes or N/A  \n"
	                           "AUTH-1 must not be No\n"
	                           "SBOM-1 must be answered\n"
	                           "CSUP - 2.1 must be see note or yes\n";
	struct tplc_mds2_profile *pr = NULL;
	struct tplc_error err;
	const struct tplc_mds2_rule *r;

	(void)state;
	assert_int_equal(
	        tplc_mds2_profile_parse(&pr, text, strlen(text), "p.txt", &err),
	        0);
	assert_int_equal(pr->count, 5);
	r = &pr->rules[0];
	assert_string_equal(r->id, "TXCF-2");
	assert_int_equal(r->line, 3);
	assert_int_equal(r->op, TPLC_MDS2_MUST_BE);
	assert_int_equal(r->answers, 1u << TPLC_MDS2_YES);
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_YES), "pass");
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_NO), "fail");
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_TEXT), "fail");
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_UNANSWERED),
	                    "unanswered");
	r = &pr->rules[1];
	assert_string_equal(r->id, "SAHD-15");
	assert_string_equal(r->text, "sahd-15 MUST be yes or N/A");
	assert_int_equal(r->answers,
	                 (1u << TPLC_MDS2_YES) | (1u << TPLC_MDS2_NA));
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_NA), "pass");
	r = &pr->rules[2];
	assert_int_equal(r->op, TPLC_MDS2_MUST_NOT_BE);
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_NO), "fail");
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_SEE_NOTE),
	                    "pass");
	r = &pr->rules[3];
	assert_int_equal(r->op, TPLC_MDS2_MUST_BE_ANSWERED);
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_NO), "pass");
	assert_string_equal(tplc_mds2_rule_verdict(r, TPLC_MDS2_UNANSWERED),
	                    "unanswered");
	r = &pr->rules[4];
	assert_string_equal(r->id, "CSUP-2.1");
	assert_int_equal(r->answers,
	                 (1u << TPLC_MDS2_SEE_NOTE) | (1u << TPLC_MDS2_YES));
	tplc_mds2_profile_free(pr);
}

static void test_mds2__profile_errors(void **state)
{
	static const struct {
		const char *text, *error;
	} cases[] = {
		{ "TXCF-2 should be Yes\n",
		  "p.txt:1: unknown operator: expected \"must be\", \"must "
		  "not be\" or \"must be answered\"" },
		{ "# c\n\nTXCF-2 must Yes\n",
		  "p.txt:3: unknown operator: expected \"must be\" or \"must "
		  "not be\"" },
		{ "TXCF-2 must be maybe\n",
		  "p.txt:1: unknown answer word \"maybe\" (yes, no, n/a, see "
		  "note)" },
		{ "TXCF-2 must be yes or\n",
		  "p.txt:1: expected an answer after \"or\"" },
		{ "TXCF-2 must be\n",
		  "p.txt:1: expected an answer (yes, no, n/a, see note)" },
		{ "TXCF-2 must not be answered\n",
		  "p.txt:1: unknown answer word \"answered\" (yes, no, n/a, "
		  "see "
		  "note)" },
		{ "TXCF must be yes\n",
		  "p.txt:1: malformed MDS2 question ID \"TXCF\"" },
		{ "TXCF-2\n", "p.txt:1: unknown operator: expected \"must "
		              "be\", \"must not be\" or \"must be answered\"" },
		{ "TXCF-2 must be yes\nSHAD-15 must be yes\n",
		  "p.txt:2: SHAD-15 is not an MDS2 question (did you mean "
		  "SAHD-15?)" },
		{ "TXCF-99 must be yes\n",
		  "p.txt:1: TXCF-99 is not an MDS2 question" },
	};
	struct tplc_mds2_profile *pr = NULL;
	struct tplc_error err;
	char msg[1024];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = tplc_mds2_profile_parse(&pr, cases[i].text,
		                                 strlen(cases[i].text), "p.txt",
		                                 &err);

		if (rc != TPLC_EPARSE)
			fail_msg("case %zu: %d", i, rc);
		assert_null(pr);
		assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
		                    cases[i].error);
	}
}

/* ---- workbooks --------------------------------------------------------------- */

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

static const char workbook[] =
        "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
        "<sheets><sheet name=\"Cover\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"MDS2\" sheetId=\"2\" r:id=\"rId2\"/></sheets>"
        "</workbook>";
static const char rels[] =
        "<Relationships xmlns=\"" PKG_NS "\">"
        "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/s2.xml\"/>"
        "<Relationship Id=\"rId3\" Target=\"sharedStrings.xml\"/>"
        "</Relationships>";
/* a plain string, rich text runs, a run with a phonetic reading, "" */
static const char shared[] =
        "<sst xmlns=\"" MAIN_NS "\" count=\"6\">"
        "<si><t>Question ID</t></si>"
        "<si><r><rPr><b/></rPr><t>Ans</t></r><r><t>wer</t></r></si>"
        "<si><t>SAHD-1</t></si>"
        "<si><r><t xml:space=\"preserve\">Yes, </t></r>"
        "<r><rPr><i/></rPr><t>Optional</t></r></si>"
        "<si><t>TXCF-2</t><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>"
        "<si><t/></si>"
        "</sst>";
static const char sheet1[] =
        "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Read me</t></is>"
        "</c></row></sheetData></worksheet>";
/* r attributes on some rows and cells only: the rest are positional */
static const char sheet2[] =
        "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
        "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v>"
        "</c><c r=\"E2\" t=\"inlineStr\"><is><t>Note</t></is></c></row>"
        "<row><c r=\"B3\" t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c>"
        "<c r=\"D3\"><v>42.5</v></c><c t=\"str\"><v>by formula</v></c>"
        "</row>"
        "<row r=\"5\"><c t=\"s\"><v>5</v></c><c t=\"s\"><v>4</v></c>"
        "<c t=\"b\"><v>0</v></c><c t=\"inlineStr\"><is><r><t>a</t></r>"
        "<r><t>b</t></r></is></c></row>"
        "</sheetData></worksheet>";

static int read_parts(struct tplc_xlsx **book, const char *sheet2_text,
                      const char *shared_text, struct tplc_error *err)
{
	const struct tplc_xlsx_part parts[] = {
		{ "xl/workbook.xml", workbook, strlen(workbook) },
		{ "xl/_rels/workbook.xml.rels", rels, strlen(rels) },
		{ "xl/sharedStrings.xml", shared_text, strlen(shared_text) },
		{ "xl/worksheets/sheet1.xml", sheet1, strlen(sheet1) },
		{ "xl/worksheets/s2.xml", sheet2_text, strlen(sheet2_text) },
	};

	return tplc_xlsx_read_parts(book, parts, 5, "b.xlsx", err);
}

static void test_mds2__xlsx_parts(void **state)
{
	struct tplc_xlsx *book = NULL;
	const struct tplc_xlsx_sheet *s;
	struct tplc_error err;
	char msg[1024], ref[16];

	(void)state;
	if (read_parts(&book, sheet2, shared, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_int_equal(book->count, 2);
	assert_string_equal(book->sheets[0].name, "Cover");
	assert_string_equal(tplc_xlsx_cell(&book->sheets[0], 0, 0), "Read me");
	s = &book->sheets[1];
	assert_string_equal(s->name, "MDS2");
	assert_int_equal(s->rows, 5);
	assert_int_equal(s->cols, 5);
	assert_null(tplc_xlsx_cell(s, 0, 0));
	assert_string_equal(tplc_xlsx_cell(s, 1, 1), "Question ID");
	assert_string_equal(tplc_xlsx_cell(s, 1, 2), "Answer");
	assert_string_equal(tplc_xlsx_cell(s, 1, 4), "Note");
	assert_string_equal(tplc_xlsx_cell(s, 2, 1), "SAHD-1");
	assert_string_equal(tplc_xlsx_cell(s, 2, 2), "Yes, Optional");
	assert_string_equal(tplc_xlsx_cell(s, 2, 3), "42.5");
	assert_string_equal(tplc_xlsx_cell(s, 2, 4), "by formula");
	assert_null(tplc_xlsx_cell(s, 3, 1));
	assert_null(tplc_xlsx_cell(s, 4, 0)); /* the empty shared string */
	assert_string_equal(tplc_xlsx_cell(s, 4, 1), "TXCF-2");
	assert_string_equal(tplc_xlsx_cell(s, 4, 2), "FALSE");
	assert_string_equal(tplc_xlsx_cell(s, 4, 3), "ab");
	assert_null(tplc_xlsx_cell(s, 99, 1));
	assert_string_equal(tplc_xlsx_ref(11, 0, ref, sizeof(ref)), "A12");
	assert_string_equal(tplc_xlsx_ref(0, 27, ref, sizeof(ref)), "AB1");
	tplc_xlsx_free(book);
}

/* Numbers shown through a date format read as dates (ssconvert writes
 * DOC-7 so); other numbers stay as stored. */
static void test_mds2__xlsx_dates(void **state)
{
	static const char styles[] =
	        "<styleSheet xmlns=\"" MAIN_NS "\">"
	        "<numFmts count=\"2\"><numFmt numFmtId=\"100\" "
	        "formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"101\" "
	        "formatCode=\"&quot;day&quot; 0.00\"/></numFmts>"
	        "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf "
	        "numFmtId=\"100\"/>"
	        "<xf numFmtId=\"14\"/><xf numFmtId=\"101\"/></cellXfs>"
	        "</styleSheet>";
	static const char sheet[] =
	        "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">"
	        "<c r=\"A1\" s=\"1\"><v>45352</v></c>"
	        "<c r=\"B1\" s=\"2\"><v>45352.75</v></c>"
	        "<c r=\"C1\" s=\"0\"><v>45352</v></c>"
	        "<c r=\"D1\" s=\"3\"><v>45352</v></c>"
	        "<c r=\"E1\" s=\"1\" t=\"str\"><v>soon</v></c>"
	        "<c r=\"F1\" s=\"1\"><v>61</v></c>"
	        "<c r=\"G1\" s=\"9\"><v>7</v></c>"
	        "</row></sheetData></worksheet>";
	const struct tplc_xlsx_part parts[] = {
		{ "xl/workbook.xml", workbook, strlen(workbook) },
		{ "xl/_rels/workbook.xml.rels", rels, strlen(rels) },
		{ "xl/styles.xml", styles, strlen(styles) },
		{ "xl/worksheets/sheet1.xml", sheet1, strlen(sheet1) },
		{ "xl/worksheets/s2.xml", sheet, strlen(sheet) },
	};
	struct tplc_xlsx *book = NULL;
	const struct tplc_xlsx_sheet *s;
	struct tplc_error err;
	char msg[1024];

	(void)state;
	if (tplc_xlsx_read_parts(&book, parts, 5, "d.xlsx", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	s = &book->sheets[1];
	assert_string_equal(tplc_xlsx_cell(s, 0, 0), "2024-03-01");
	assert_string_equal(tplc_xlsx_cell(s, 0, 1), "2024-03-01");
	assert_string_equal(tplc_xlsx_cell(s, 0, 2), "45352");
	assert_string_equal(tplc_xlsx_cell(s, 0, 3), "45352");
	assert_string_equal(tplc_xlsx_cell(s, 0, 4), "soon");
	assert_string_equal(tplc_xlsx_cell(s, 0, 5), "1900-03-01");
	assert_string_equal(tplc_xlsx_cell(s, 0, 6), "7"); /* no such style */
	tplc_xlsx_free(book);
}

static void test_mds2__xlsx_errors(void **state)
{
	static const struct {
		const char *sheet, *error;
	} cases[] = {
		{ "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">"
		  "<c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>",
		  "b.xlsx: xl/worksheets/s2.xml:1: "
		  "/worksheet/sheetData/row/c/@r: "
		  "bad cell reference 1A" },
		{ "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">"
		  "<c r=\"A2\"><v>1</v></c></row></sheetData></worksheet>",
		  "b.xlsx: xl/worksheets/s2.xml:1: "
		  "/worksheet/sheetData/row/c/@r: "
		  "bad cell reference A2" },
		{ "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">"
		  "<c r=\"A1\" t=\"s\"><v>6</v></c></row></sheetData>"
		  "</worksheet>",
		  "b.xlsx: xl/worksheets/s2.xml:1: "
		  "/worksheet/sheetData/row/c/v: "
		  "no shared string 6" },
		{ "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"2\"/>"
		  "<row r=\"1\"/></sheetData></worksheet>",
		  "b.xlsx: xl/worksheets/s2.xml:1: "
		  "/worksheet/sheetData/row[2]/@r: "
		  "bad row number 1" },
		{ "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">"
		  "<c r=\"BM1\"><v>1</v></c></row></sheetData></worksheet>",
		  "b.xlsx: xl/worksheets/s2.xml:1: "
		  "/worksheet/sheetData/row/c/@r: "
		  "bad cell reference BM1" },
		{ "<worksheet", "b.xlsx: xl/worksheets/s2.xml:1" },
	};
	struct tplc_xlsx *book = NULL;
	struct tplc_error err;
	char msg[1024];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = read_parts(&book, cases[i].sheet, shared, &err);

		if (rc != TPLC_EPARSE)
			fail_msg("case %zu: %d", i, rc);
		assert_null(book);
		tplc_error_format(&err, msg, sizeof(msg));
		if (strncmp(msg, cases[i].error, strlen(cases[i].error)) != 0)
			fail_msg("case %zu: %s", i, msg);
	}
	/* no workbook part, and bytes that are no zip */
	assert_int_equal(tplc_xlsx_read_parts(&book, NULL, 0, "n.xlsx", &err),
	                 TPLC_EPARSE);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "n.xlsx: not a workbook: no xl/workbook.xml");
	assert_int_equal(tplc_xlsx_read(&book, "hello", 5, "h.xlsx", &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplc_xlsx_read(&book, "PK\3\4junk", 8, "j.xlsx", &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.file, "j.xlsx");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mds2__catalog),
		cmocka_unit_test(test_mds2__id_canonical),
		cmocka_unit_test(test_mds2__typo),
		cmocka_unit_test(test_mds2__answers),
		cmocka_unit_test(test_mds2__csv_form),
		cmocka_unit_test(test_mds2__csv_without_header),
		cmocka_unit_test(test_mds2__csv_errors),
		cmocka_unit_test(test_mds2__profile),
		cmocka_unit_test(test_mds2__profile_errors),
		cmocka_unit_test(test_mds2__xlsx_parts),
		cmocka_unit_test(test_mds2__xlsx_dates),
		cmocka_unit_test(test_mds2__xlsx_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

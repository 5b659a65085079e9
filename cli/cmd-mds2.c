/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc mds2 import|show|check|diff: manufacturers' MDS2 forms (ANSI/NEMA
 * HN 1-2019) per product version, checked against the hospital's
 * requirements profile and compared between versions.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "table.h"
#include "tplc/mds2.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/jsonw.h"
#include "util/str.h"

/* ---- answers of one form, copied out of the store ------------------------ */

struct answer {
	char *id, *answer, *text, *note, *question;
};

struct answers {
	struct answer *v;
	size_t n;
};

static char *dup_or_null(const char *s)
{
	return s ? tplx_strdup(s) : NULL;
}

static int answer_add(const struct tplc_mds2_answer_row *r, void *data)
{
	struct answers *a = data;
	struct answer *v = tplx_reallocarray(a->v, a->n + 1, sizeof(*v));

	if (v == NULL)
		return TPLC_ENOMEM;
	a->v = v;
	v = &a->v[a->n++];
	v->id = tplx_strdup(r->question_id);
	v->answer = tplx_strdup(r->answer);
	v->text = dup_or_null(r->text);
	v->note = dup_or_null(r->note);
	v->question = dup_or_null(r->question);
	if (v->id == NULL || v->answer == NULL ||
	    (r->text && v->text == NULL) || (r->note && v->note == NULL) ||
	    (r->question && v->question == NULL))
		return TPLC_ENOMEM;
	return 0;
}

static void answers_release(struct answers *a)
{
	for (size_t i = 0; i < a->n; i++) {
		tplx_free(a->v[i].id);
		tplx_free(a->v[i].answer);
		tplx_free(a->v[i].text);
		tplx_free(a->v[i].note);
		tplx_free(a->v[i].question);
	}
	tplx_free(a->v);
	memset(a, 0, sizeof(*a));
}

static int answers_load(struct cli *cli, struct tplc_store *store,
                        long long form, struct answers *a)
{
	int error;

	memset(a, 0, sizeof(*a));
	error = tplc_store_mds2_answers(store, form, answer_add, a, &cli->err);
	if (error == TPLC_ENOMEM)
		error = tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
	return error;
}

static const struct answer *answer_find(const struct answers *a, const char *id)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].id, id) == 0)
			return &a->v[i];
	return NULL;
}

/* ---- forms, copied out of the store ---------------------------------------- */

struct form {
	long long id;
	char manufacturer[256], model[256], version[128];
	char *document_id, *released, *source, *imported_by, *imported_at;
	long long answers, unanswered;
};

struct forms {
	struct form *v;
	size_t n;
};

static int form_add(const struct tplc_mds2_form_row *r, void *data)
{
	struct forms *f = data;
	struct form *v = tplx_reallocarray(f->v, f->n + 1, sizeof(*v));

	if (v == NULL)
		return TPLC_ENOMEM;
	f->v = v;
	v = &f->v[f->n++];
	memset(v, 0, sizeof(*v));
	v->id = r->id;
	snprintf(v->manufacturer, sizeof(v->manufacturer), "%s",
	         r->manufacturer);
	snprintf(v->model, sizeof(v->model), "%s", r->model);
	snprintf(v->version, sizeof(v->version), "%s", r->version);
	v->document_id = dup_or_null(r->document_id);
	v->released = dup_or_null(r->released);
	v->source = dup_or_null(r->source);
	v->imported_by = dup_or_null(r->imported_by);
	v->imported_at = dup_or_null(r->imported_at);
	v->answers = r->answers;
	v->unanswered = r->unanswered;
	return 0;
}

static void form_strings_release(struct form *f)
{
	tplx_free(f->document_id);
	tplx_free(f->released);
	tplx_free(f->source);
	tplx_free(f->imported_by);
	tplx_free(f->imported_at);
}

static void forms_release(struct forms *f)
{
	for (size_t i = 0; i < f->n; i++)
		form_strings_release(&f->v[i]);
	tplx_free(f->v);
	memset(f, 0, sizeof(*f));
}

static int forms_load(struct cli *cli, struct tplc_store *store,
                      const char *product, const char *version, bool all,
                      struct forms *f)
{
	int error;

	memset(f, 0, sizeof(*f));
	error = tplc_store_mds2_forms(store, product, version, all, form_add, f,
	                              &cli->err);
	if (error == TPLC_ENOMEM)
		error = tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
	return error;
}

static void form_json(struct tplx_jsonw *w, const struct form *f)
{
	tplx_jsonw_kstring(w, "manufacturer", f->manufacturer);
	tplx_jsonw_kstring(w, "model", f->model);
	tplx_jsonw_kstring(w, "version", f->version);
	tplx_jsonw_kint(w, "form", f->id);
	tplx_jsonw_kstring(w, "document_id", f->document_id);
	tplx_jsonw_kstring(w, "released", f->released);
}

/* ---- import ------------------------------------------------------------------ */

static void print_warning(const char *message, void *data)
{
	struct cli *cli = data;

	if (!cli->quiet)
		fprintf(stderr, "tplc: warning: %s\n", message);
}

static int mds2_import(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "P", "the product (\"Manufacturer Model\")" },
		{ "version", "V", "its software version" },
		{ "manufacturer", "M", "the manufacturer, when P is new" },
		{ "by", "NAME", "who imports it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_import_stats stats;
	struct tplc_store *store;
	struct cli_args args;
	const char *path, *product, *version, *by;
	char *data = NULL;
	size_t len;
	int status, error;

	status = cli_parse(
	        cli, "mds2 import FILE --product P --version V --by NAME",
	        "Import an MDS2 form (ANSI/NEMA HN 1-2019) from its workbook "
	        "(.xlsx) or\nfrom CSV (ID,answer,note) as the product "
	        "version's current form.\nLoose spellings are read with a "
	        "warning on standard error.",
	        opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	path = args.items[0];
	product = cli_opt(&args, opts, "product");
	version = cli_opt(&args, opts, "version");
	by = cli_opt(&args, opts, "by");
	if (product == NULL || version == NULL || by == NULL)
		return cli_die(EXIT_USAGE,
		               "--product, --version and --by are required");
	error = tplx_file_read(&data, &len, path, TPLC_MDS2_FILE_MAX,
	                       &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	status = cli_store(cli, &store);
	if (status != 0)
		goto out;
	error = tplc_store_mds2_import(
	        store, data, len, path, cli_opt(&args, opts, "manufacturer"),
	        product, version, by, print_warning, cli, &stats, &cli->err);
	if (error < 0) {
		status = cli_fail(cli, error);
		goto out;
	}
	if (cli->json) {
		struct tplx_jsonw w;

		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "product", product);
		tplx_jsonw_kstring(&w, "version", version);
		tplx_jsonw_kint(&w, "answers", (long long)stats.added);
		tplx_jsonw_kint(&w, "unanswered", (long long)stats.updated);
		tplx_jsonw_kint(&w, "warnings", (long long)stats.warnings);
		tplx_jsonw_object_end(&w);
		fputc('\n', stdout);
	} else {
		printf("%s %s: %zu answers read, %zu unanswered, %zu "
		       "warning(s)\n",
		       product, version, stats.added, stats.updated,
		       stats.warnings);
	}
	status = EXIT_OK;
out:
	tplx_free(data);
	return status;
}

/* ---- show --------------------------------------------------------------------- */

static bool in_section(const char *id, const char *section)
{
	size_t n;

	if (section == NULL)
		return true;
	n = strlen(section);
	return strncasecmp(id, section, n) == 0 && id[n] == '-';
}

static void show_form(struct cli *cli, struct tplx_jsonw *w,
                      const struct form *f, const struct answers *a,
                      const char *section)
{
	static const char *const header[] = { "ID", "ANSWER", "NOTE" };
	struct table t;

	if (cli->json) {
		tplx_jsonw_object_begin(w);
		form_json(w, f);
		tplx_jsonw_key(w, "answers");
		tplx_jsonw_array_begin(w);
		for (size_t i = 0; i < a->n; i++) {
			const struct answer *v = &a->v[i];

			if (!in_section(v->id, section))
				continue;
			tplx_jsonw_object_begin(w);
			tplx_jsonw_kstring(w, "id", v->id);
			tplx_jsonw_kstring(w, "answer", v->answer);
			tplx_jsonw_kstring(w, "text", v->text);
			tplx_jsonw_kstring(w, "note", v->note);
			tplx_jsonw_kstring(w, "question", v->question);
			tplx_jsonw_object_end(w);
		}
		tplx_jsonw_array_end(w);
		tplx_jsonw_object_end(w);
		return;
	}
	printf("%s %s %s: form %lld%s%s, %lld answers (%lld unanswered), "
	       "imported by %s %s\n",
	       f->manufacturer, f->model, f->version, f->id,
	       f->document_id ? ", " : "", f->document_id ? f->document_id : "",
	       f->answers, f->unanswered, f->imported_by, f->imported_at);
	table_init(&t, 3, header);
	table_limit(&t, 2, 60);
	for (size_t i = 0; i < a->n; i++) {
		const struct answer *v = &a->v[i];
		const char *text = strcmp(v->answer, "text") == 0 && v->text
		                           ? v->text
		                           : v->answer;
		const char *cells[] = { v->id, text, v->note ? v->note : "" };

		if (in_section(v->id, section))
			table_row(&t, cells);
	}
	table_print(&t, stdout);
	table_release(&t);
}

static int mds2_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "version", "V", "one version (default: every one)" },
		{ "section", "S", "one section (AUDT, TXCF, ...)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	struct tplx_jsonw w;
	struct forms f;
	struct answers a;
	const char *section;
	int status, error;

	status = cli_parse(cli, "mds2 show PRODUCT [--version V] [--section S]",
	                   "The current MDS2 answers of a product's versions "
	                   "(PRODUCT: text its\n\"Manufacturer Model\" "
	                   "contains).",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	section = cli_opt(&args, opts, "section");
	if (section != NULL && tplc_mds2_section_name(section) == NULL)
		return cli_die(EXIT_USAGE, "no MDS2 section %s", section);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = forms_load(cli, store, args.items[0],
	                   cli_opt(&args, opts, "version"), false, &f);
	if (error == 0 && f.n == 0)
		error = tplc_error_set(&cli->err, TPLC_ENOTFOUND,
		                       "no MDS2 form for %s", args.items[0]);
	if (error < 0) {
		forms_release(&f);
		return cli_fail(cli, error);
	}
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json)
		tplx_jsonw_array_begin(&w);
	for (size_t i = 0; error == 0 && i < f.n; i++) {
		error = answers_load(cli, store, f.v[i].id, &a);
		if (error == 0)
			show_form(cli, &w, &f.v[i], &a, section);
		answers_release(&a);
	}
	if (cli->json) {
		tplx_jsonw_array_end(&w);
		fputc('\n', stdout);
	}
	forms_release(&f);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* ---- check --------------------------------------------------------------------- */

static const char *upper(const char *verdict)
{
	return strcmp(verdict, "pass") == 0   ? "PASS"
	       : strcmp(verdict, "fail") == 0 ? "FAIL"
	                                      : "UNANSWERED";
}

/* The rules of profile against one form; *met counts passes. */
static void check_form(struct cli *cli, struct tplx_jsonw *w,
                       const struct form *f, const struct answers *a,
                       const struct tplc_mds2_profile *pr, size_t *met)
{
	static const char *const header[] = { "RESULT", "REQUIREMENT", "ANSWER",
		                              "NOTE" };
	struct table t;

	*met = 0;
	if (cli->json) {
		tplx_jsonw_object_begin(w);
		form_json(w, f);
		tplx_jsonw_key(w, "requirements");
		tplx_jsonw_array_begin(w);
	} else {
		table_init(&t, 4, header);
		table_limit(&t, 3, 50);
	}
	for (size_t i = 0; i < pr->count; i++) {
		const struct tplc_mds2_rule *r = &pr->rules[i];
		const struct answer *v = answer_find(a, r->id);
		int answer = v ? tplc_mds2_answer_parse(v->answer) : -1;
		const char *verdict = tplc_mds2_rule_verdict(
		        r, answer < 0 ? TPLC_MDS2_UNANSWERED
		                      : (enum tplc_mds2_answer)answer);

		if (strcmp(verdict, "pass") == 0)
			(*met)++;
		if (cli->json) {
			tplx_jsonw_object_begin(w);
			tplx_jsonw_kstring(w, "id", r->id);
			tplx_jsonw_kstring(w, "requirement", r->text);
			tplx_jsonw_kint(w, "line", (long long)r->line);
			tplx_jsonw_kstring(w, "result", verdict);
			tplx_jsonw_kstring(w, "answer",
			                   v ? v->answer : "unanswered");
			tplx_jsonw_kstring(w, "note", v ? v->note : NULL);
			tplx_jsonw_object_end(w);
		} else {
			const char *cells[] = { upper(verdict), r->text,
				                v ? v->answer : "unanswered",
				                v && v->note ? v->note : "" };

			table_row(&t, cells);
		}
	}
	if (cli->json) {
		tplx_jsonw_array_end(w);
		tplx_jsonw_kint(w, "met", (long long)*met);
		tplx_jsonw_kint(w, "total", (long long)pr->count);
		tplx_jsonw_object_end(w);
		return;
	}
	printf("%s %s %s (form %lld)\n", f->manufacturer, f->model, f->version,
	       f->id);
	table_print(&t, stdout);
	table_release(&t);
	printf("%s %s %s: %zu/%zu requirements met\n\n", f->manufacturer,
	       f->model, f->version, *met, pr->count);
}

struct missing_out {
	struct cli *cli;
	struct tplx_jsonw *w;
	size_t count;
};

static int missing_row(const char *manufacturer, const char *model,
                       const char *version, void *data)
{
	struct missing_out *m = data;

	m->count++;
	if (m->cli->json) {
		tplx_jsonw_object_begin(m->w);
		tplx_jsonw_kstring(m->w, "manufacturer", manufacturer);
		tplx_jsonw_kstring(m->w, "model", model);
		tplx_jsonw_kstring(m->w, "version", version);
		tplx_jsonw_object_end(m->w);
	} else {
		printf("%s %s %s: no MDS2\n", manufacturer, model, version);
	}
	return 0;
}

static int mds2_check(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "profile", "FILE",
		  "the requirements (\"TXCF-2 must be Yes\")" },
		{ "product", "TEXT", "products whose name contains TEXT" },
		{ NULL, NULL, NULL },
	};
	struct tplc_mds2_profile *pr = NULL;
	struct missing_out missing;
	struct tplc_store *store;
	struct cli_args args;
	struct tplx_jsonw w;
	struct forms f = { NULL, 0 };
	struct answers a;
	const char *path, *product;
	char *data = NULL;
	size_t len, met, short_of = 0;
	int status, error;

	status = cli_parse(
	        cli, "mds2 check --profile FILE [--product TEXT]",
	        "Check every product version's current MDS2 against the "
	        "hospital's\nrequirements profile: each requirement PASS, "
	        "FAIL or UNANSWERED.  Exit 1\nwhen any is not met.  Versions "
	        "devices run without an MDS2 are listed.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	path = cli_opt(&args, opts, "profile");
	product = cli_opt(&args, opts, "product");
	if (path == NULL)
		return cli_die(EXIT_USAGE, "--profile is required");
	error = tplx_file_read(&data, &len, path, TPLC_MDS2_PROFILE_MAX,
	                       &cli->err);
	if (error == 0)
		error = tplc_mds2_profile_parse(&pr, data, len, path,
		                                &cli->err);
	tplx_free(data);
	if (error < 0)
		return cli_fail(cli, error);
	status = cli_store(cli, &store);
	if (status != 0)
		goto out;
	error = forms_load(cli, store, product, NULL, false, &f);
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json) {
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_key(&w, "versions");
		tplx_jsonw_array_begin(&w);
	}
	for (size_t i = 0; error == 0 && i < f.n; i++) {
		error = answers_load(cli, store, f.v[i].id, &a);
		if (error == 0) {
			check_form(cli, &w, &f.v[i], &a, pr, &met);
			if (met < pr->count)
				short_of++;
		}
		answers_release(&a);
	}
	missing = (struct missing_out){ cli, &w, 0 };
	if (cli->json) {
		tplx_jsonw_array_end(&w);
		tplx_jsonw_key(&w, "no_mds2");
		tplx_jsonw_array_begin(&w);
	}
	if (error == 0)
		error = tplc_store_mds2_missing(store, product, missing_row,
		                                &missing, &cli->err);
	if (cli->json) {
		tplx_jsonw_array_end(&w);
		tplx_jsonw_kint(&w, "versions_short", (long long)short_of);
		tplx_jsonw_object_end(&w);
		fputc('\n', stdout);
	}
	if (error < 0)
		status = cli_fail(cli, error);
	else
		status = short_of > 0 ? 1 : EXIT_OK;
out:
	forms_release(&f);
	tplc_mds2_profile_free(pr);
	return status;
}

/* ---- diff ------------------------------------------------------------------------ */

/* The form a side of the diff names: by id, or the version's current. */
static int diff_side(struct cli *cli, struct tplc_store *store,
                     const char *product, const char *version,
                     const char *form_id, struct form *out)
{
	struct forms f;
	long want = 0;
	size_t hits = 0;
	int error;

	if (form_id != NULL &&
	    tplx_parse_long(form_id, 1, 1L << 40, &want) != 0)
		return tplc_error_set(&cli->err, TPLC_EINVAL,
		                      "bad form number %s", form_id);
	error = forms_load(cli, store, product, version, form_id != NULL, &f);
	for (size_t i = 0; error == 0 && i < f.n; i++) {
		if (form_id != NULL && f.v[i].id != want)
			continue;
		if (hits++ == 0) {
			*out = f.v[i];
			memset(&f.v[i], 0, sizeof(f.v[i]));
		}
	}
	forms_release(&f);
	if (error == 0 && hits == 0)
		error = tplc_error_set(&cli->err, TPLC_ENOTFOUND,
		                       form_id ? "%s %s has no MDS2 form %s"
		                               : "%s %s has no MDS2 form%s",
		                       product, version,
		                       form_id ? form_id : "");
	else if (error == 0 && hits > 1)
		error = tplc_error_set(&cli->err, TPLC_EINVAL,
		                       "%s names several products: be more "
		                       "precise",
		                       product);
	return error;
}

/* Notes compare without case: "Yes, Optional" and "Yes,optional" say the
 * same; free-text answers (DOC) compare by their text. */
static bool same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcasecmp(a, b) == 0);
}

static bool changed(const struct answer *o, const struct answer *n)
{
	return strcmp(o->answer, n->answer) != 0 || !same(o->note, n->note) ||
	       (strcmp(o->answer, "text") == 0 && !same(o->text, n->text));
}

/* The answer as shown: free text as written, else the normalised word. */
static const char *shown(const struct answer *v)
{
	return strcmp(v->answer, "text") == 0 && v->text ? v->text : v->answer;
}

static void diff_row(struct cli *cli, struct tplx_jsonw *w, struct table *t,
                     const char *change, const char *id,
                     const struct answer *from, const struct answer *to)
{
	char a[512], b[512];

	if (cli->json) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "id", id);
		tplx_jsonw_kstring(w, "change", change);
		tplx_jsonw_kstring(w, "from", from ? from->answer : NULL);
		tplx_jsonw_kstring(w, "from_text", from ? from->text : NULL);
		tplx_jsonw_kstring(w, "from_note", from ? from->note : NULL);
		tplx_jsonw_kstring(w, "to", to ? to->answer : NULL);
		tplx_jsonw_kstring(w, "to_text", to ? to->text : NULL);
		tplx_jsonw_kstring(w, "to_note", to ? to->note : NULL);
		tplx_jsonw_object_end(w);
		return;
	}
	snprintf(a, sizeof(a), "%s%s%s%s", from ? shown(from) : "-",
	         from && from->note ? " (" : "",
	         from && from->note ? from->note : "",
	         from && from->note ? ")" : "");
	snprintf(b, sizeof(b), "%s%s%s%s", to ? shown(to) : "-",
	         to && to->note ? " (" : "", to && to->note ? to->note : "",
	         to && to->note ? ")" : "");
	{
		const char *cells[] = { change, id, a, b };

		table_row(t, cells);
	}
}

static int mds2_diff(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "from", "V1", "the older version" },
		{ "to", "V2", "the newer version" },
		{ "from-form", "N", "an older form of V1 by number" },
		{ "to-form", "M", "a form of V2 by number" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "CHANGE", "ID", "FROM", "TO" };
	struct form from = { 0 }, to = { 0 };
	struct answers fa = { NULL, 0 }, ta = { NULL, 0 };
	struct tplc_store *store;
	struct cli_args args;
	struct tplx_jsonw w;
	struct table t;
	const char *product, *v1, *v2;
	size_t changes = 0;
	int status, error;

	status = cli_parse(
	        cli,
	        "mds2 diff PRODUCT --from V1 --to V2 [--from-form N] "
	        "[--to-form M]",
	        "The MDS2 answers that changed, appeared or went away "
	        "between two versions\nof a product (their current forms, or "
	        "the forms numbered N and M).",
	        opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	product = args.items[0];
	v1 = cli_opt(&args, opts, "from");
	v2 = cli_opt(&args, opts, "to");
	if (v1 == NULL || v2 == NULL)
		return cli_die(EXIT_USAGE, "--from and --to are required");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = diff_side(cli, store, product, v1,
	                  cli_opt(&args, opts, "from-form"), &from);
	if (error == 0)
		error = diff_side(cli, store, product, v2,
		                  cli_opt(&args, opts, "to-form"), &to);
	if (error == 0)
		error = answers_load(cli, store, from.id, &fa);
	if (error == 0)
		error = answers_load(cli, store, to.id, &ta);
	if (error < 0) {
		status = cli_fail(cli, error);
		goto out;
	}
	tplx_jsonw_init(&w, stdout, false);
	table_init(&t, 4, header);
	table_limit(&t, 2, 40);
	table_limit(&t, 3, 40);
	if (cli->json) {
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_key(&w, "from");
		tplx_jsonw_object_begin(&w);
		form_json(&w, &from);
		tplx_jsonw_object_end(&w);
		tplx_jsonw_key(&w, "to");
		tplx_jsonw_object_begin(&w);
		form_json(&w, &to);
		tplx_jsonw_object_end(&w);
		tplx_jsonw_key(&w, "changes");
		tplx_jsonw_array_begin(&w);
	}
	for (size_t i = 0; i < fa.n; i++) {
		const struct answer *o = &fa.v[i], *n = answer_find(&ta, o->id);

		if (n == NULL)
			diff_row(cli, &w, &t, "removed", o->id, o, NULL);
		else if (changed(o, n))
			diff_row(cli, &w, &t, "changed", o->id, o, n);
		else
			continue;
		changes++;
	}
	for (size_t i = 0; i < ta.n; i++) {
		if (answer_find(&fa, ta.v[i].id) != NULL)
			continue;
		diff_row(cli, &w, &t, "added", ta.v[i].id, NULL, &ta.v[i]);
		changes++;
	}
	if (cli->json) {
		tplx_jsonw_array_end(&w);
		tplx_jsonw_object_end(&w);
		fputc('\n', stdout);
	} else {
		printf("%s %s %s (form %lld) -> %s (form %lld): %zu "
		       "change(s)\n",
		       from.manufacturer, from.model, from.version, from.id,
		       to.version, to.id, changes);
		if (changes > 0)
			table_print(&t, stdout);
	}
	table_release(&t);
	status = EXIT_OK;
out:
	answers_release(&fa);
	answers_release(&ta);
	form_strings_release(&from);
	form_strings_release(&to);
	return status;
}

int cmd_mds2(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", mds2_import, "import an MDS2 form (.xlsx or CSV)" },
		{ "show", mds2_show, "a product's current MDS2 answers" },
		{ "check", mds2_check, "check MDS2 answers against a profile" },
		{ "diff", mds2_diff, "answers changed between two versions" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "mds2", cmds, argc, argv);
}

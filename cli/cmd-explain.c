/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc findings explain ID: the inputs of a finding's priority on the
 * device where it is highest (or on --device), how far each moved it, and
 * how the CVSS score on that device was reached.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "tplc/priority.h"
#include "tplc/rubric.h"
#include "util/alloc.h"
#include "util/jsonw.h"

/* Devices listed beside the one explained, at most. */
#define EXPLAIN_OTHERS_MAX 20

struct device_priority {
	char asset_tag[64];
	double priority;
	const char *band;
};

/* First pass: every device's priority, to find the highest. */
struct survey {
	struct device_priority *devices;
	size_t count, cap;
	int nomem;
};

static int survey_device(const struct tplc_finding_device *fd, void *data)
{
	struct survey *s = data;
	struct device_priority *d;

	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		d = tplx_reallocarray(s->devices, cap, sizeof(*d));
		if (d == NULL)
			return s->nomem = TPLC_ENOMEM;
		s->devices = d;
		s->cap = cap;
	}
	d = &s->devices[s->count++];
	snprintf(d->asset_tag, sizeof(d->asset_tag), "%s",
	         fd->row->asset_tag ? fd->row->asset_tag : "");
	d->priority = fd->priority->score;
	d->band = fd->priority->band;
	return 0;
}

static int by_priority(const void *a, const void *b)
{
	const struct device_priority *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return strcmp(x->asset_tag, y->asset_tag);
}

struct explain_out {
	struct cli *cli;
	struct tplx_jsonw w;
	const struct survey *survey;
};

static void explain_json(struct explain_out *out,
                         const struct tplc_finding_device *fd)
{
	const struct tplc_priority *pr = fd->priority;
	const struct tplc_rubric_result *rubric = fd->rubric_result;
	struct tplx_jsonw *w = &out->w;

	tplx_jsonw_object_begin(w);
	tplx_jsonw_key(w, "finding");
	render_finding_json(w, fd->row);
	tplx_jsonw_kstring(w, "device", fd->row->asset_tag);
	tplx_jsonw_kstring(w, "lifecycle",
	                   tplc_lifecycle_name(fd->input->lifecycle));
	tplx_jsonw_kscore(w, "priority", pr->score);
	tplx_jsonw_kstring(w, "band", pr->band);
	tplx_jsonw_key(w, "reasons");
	tplx_jsonw_array_begin(w);
	for (size_t i = 0; i < pr->reasons; i++) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "factor", pr->reason[i].factor);
		tplx_jsonw_key(w, "points");
		tplx_jsonw_double(w, pr->reason[i].points);
		tplx_jsonw_kstring(w, "text", pr->reason[i].text);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_key(w, "cvss");
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "advisory_vector", fd->row->cvss_vector);
	tplx_jsonw_kstring(w, "rubric_vector", rubric ? rubric->vector : NULL);
	if (rubric) {
		tplx_jsonw_kstring(w, "rubric_answers_for", fd->rubric);
		tplx_jsonw_key(w, "rubric");
		tplx_jsonw_array_begin(w);
		for (size_t i = 0; i < 8; i++) {
			char value[2] = { rubric->metric[i].value, '\0' };
			tplx_jsonw_object_begin(w);
			tplx_jsonw_kstring(w, "metric",
			                   rubric->metric[i].metric);
			tplx_jsonw_kstring(w, "value", value);
			tplx_jsonw_kstring(w, "reason",
			                   rubric->metric[i].reason);
			tplx_jsonw_object_end(w);
		}
		tplx_jsonw_array_end(w);
	}
	tplx_jsonw_kstring(w, "vector",
	                   pr->env.vector[0] ? pr->env.vector : NULL);
	tplx_jsonw_kscore(w, "score", pr->cvss);
	tplx_jsonw_key(w, "environment");
	tplx_jsonw_array_begin(w);
	for (size_t i = 0; pr->env.vector[0] && i < pr->env.changes; i++) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "metric", pr->env.change[i].metric);
		tplx_jsonw_kstring(w, "value", pr->env.change[i].value);
		tplx_jsonw_kstring(w, "why", pr->env.change[i].why);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
	tplx_jsonw_key(w, "devices");
	tplx_jsonw_array_begin(w);
	for (size_t i = 0; i < out->survey->count; i++) {
		const struct device_priority *d = &out->survey->devices[i];
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "asset_tag", d->asset_tag);
		tplx_jsonw_kscore(w, "priority", d->priority);
		tplx_jsonw_kstring(w, "band", d->band);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void explain_cvss(const struct tplc_finding_device *fd)
{
	const struct tplc_priority *pr = fd->priority;
	const struct tplc_rubric_result *rubric = fd->rubric_result;

	printf("\nCVSS on this device\n");
	printf("  %-10s %s", "advisory", or_dash(fd->row->cvss_vector));
	if (fd->row->cvss_score >= 0)
		printf("  %.1f", fd->row->cvss_score);
	printf("\n");
	if (rubric) {
		printf("  %-10s %s  %.1f (%zu answers for this %s)\n", "rubric",
		       rubric->vector, rubric->base, fd->rubric_answers,
		       fd->rubric);
		for (size_t i = 0; i < 8; i++)
			printf("  %-10s %s:%c  %s\n", "",
			       rubric->metric[i].metric,
			       rubric->metric[i].value,
			       rubric->metric[i].reason);
	} else {
		printf("  %-10s no answers recorded for this model "
		       "(tplc rubric set)\n",
		       "rubric");
	}
	if (!pr->env.vector[0])
		return;
	printf("  %-10s %s  %.1f\n", "device", pr->env.vector, pr->cvss);
	for (size_t i = 0; i < pr->env.changes; i++)
		printf("  %-10s %s:%s  %s\n", "", pr->env.change[i].metric,
		       pr->env.change[i].value, pr->env.change[i].why);
}

static int explain_device(const struct tplc_finding_device *fd, void *data)
{
	struct explain_out *out = data;
	const struct tplc_finding_row *f = fd->row;
	const struct tplc_priority *pr = fd->priority;
	const struct tplc_environment *env = &fd->input->env;
	char controls[128];
	size_t others = out->survey->count;

	if (out->cli->json) {
		explain_json(out, fd);
		return 0;
	}
	printf("finding %lld: %s in %s %s %s%s%s\n", f->id, f->vuln_id,
	       f->manufacturer, f->model, or_dash(f->version),
	       f->component ? ", via " : "", f->component ? f->component : "");
	if (f->title)
		printf("  %s\n", f->title);
	printf("  %s %s; first seen %s, last seen %s\n", f->advisory_source,
	       f->advisory_id, or_dash(f->first_seen), or_dash(f->last_seen));
	if (f->asset_tag)
		printf("\npriority %.1f (%s) on %s, %s of %zu device%s\n",
		       pr->score, pr->band, f->asset_tag,
		       others == 1 ? "the only one"
		       : pr->score >= out->survey->devices[0].priority
		               ? "the highest"
		               : "one",
		       others, others == 1 ? "" : "s");
	else
		printf("\npriority %.1f (%s): no device in the inventory runs "
		       "it\n",
		       pr->score, pr->band);
	for (size_t i = 0; i < pr->reasons; i++)
		printf("  %+6.1f  %-12s  %s\n", pr->reason[i].points,
		       pr->reason[i].factor, pr->reason[i].text);
	explain_cvss(fd);
	if (f->asset_tag) {
		printf("\ndevice %s\n", f->asset_tag);
		printf("  %-18s %s\n", "clinical function",
		       or_dash(env->clinical_function));
		printf("  %-18s %s\n", "exposure",
		       env->exposure ? tplc_exposure_name(env->exposure) : "-");
		printf("  %-18s %s\n", "network segment", or_dash(fd->segment));
		printf("  %-18s %s\n", "controls",
		       or_dash(tplc_controls_format(env->controls, controls,
		                                    sizeof(controls))));
		printf("  %-18s EOL %s, EOS %s: %s\n", "lifecycle",
		       or_dash(fd->eol_date), or_dash(fd->eos_date),
		       tplc_lifecycle_name(fd->input->lifecycle));
	}
	if (others > 1)
		printf("\nother devices\n");
	for (size_t i = 0, shown = 0; others > 1 && i < others; i++) {
		const struct device_priority *d = &out->survey->devices[i];
		if (strcmp(d->asset_tag, f->asset_tag ? f->asset_tag : "") == 0)
			continue;
		if (shown++ == EXPLAIN_OTHERS_MAX) {
			printf("  ... and %zu more\n", others - shown);
			break;
		}
		printf("  %-16s %5.1f %s\n", d->asset_tag, d->priority,
		       d->band);
	}
	return 0;
}

int cmd_findings_explain(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "device", "ASSET-TAG",
		  "explain it on this device, not the highest" },
		{ NULL, NULL, NULL },
	};
	struct survey survey = { 0 };
	struct explain_out out;
	struct tplc_store *store;
	struct cli_args args;
	const char *device;
	char *end;
	long long id;
	int status, error;

	status = cli_parse(cli, "findings explain ID [--device ASSET-TAG]",
	                   "Show why finding ID has its priority: each input "
	                   "(exploitation, CVSS on\nthe device, clinical "
	                   "function, exposure, lifecycle) and how far it "
	                   "moved\nthe result, with the CVSS vectors: the "
	                   "advisory's, the medical device\nrubric's and the "
	                   "device's.  On the device where the priority is "
	                   "highest,\nunless --device.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	id = strtoll(args.items[0], &end, 10);
	if (*args.items[0] == '\0' || *end != '\0' || id <= 0) {
		tplc_error_set(&cli->err, TPLC_EINVAL,
		               "%s: not a finding id (a number, from tplc "
		               "findings list)",
		               args.items[0]);
		return cli_fail(cli, TPLC_EINVAL);
	}
	device = cli_opt(&args, opts, "device");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_finding_explain(store, id, NULL, survey_device,
	                                   &survey, &cli->err);
	if (error == 0 && survey.nomem)
		error = tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
	if (error == 0) {
		qsort(survey.devices, survey.count, sizeof(*survey.devices),
		      by_priority);
		if (device == NULL && survey.devices[0].asset_tag[0])
			device = survey.devices[0].asset_tag;
		memset(&out, 0, sizeof(out));
		out.cli = cli;
		out.survey = &survey;
		tplx_jsonw_init(&out.w, stdout, false);
		error = tplc_store_finding_explain(
		        store, id, device, explain_device, &out, &cli->err);
	}
	tplx_free(survey.devices);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

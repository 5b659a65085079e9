/* SPDX-License-Identifier: Apache-2.0 */
/* tplc cvss VECTOR...: score CVSS v2, v3.0, v3.1 and v4.0 vectors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tplc/cvss.h"
#include "util/jsonw.h"

/* Most vectors read from stdin. */
#define CVSS_STDIN_MAX 100000

static void print_scores(struct cli *cli, struct tplx_jsonw *w,
                         const char *vector, const struct tplc_cvss_scores *s)
{
	const char *version = tplc_cvss_version_name(s->version);

	if (cli->json) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "vector", vector);
		tplx_jsonw_kstring(w, "version", version);
		tplx_jsonw_kscore(w, "base_score", s->base);
		if (s->version != TPLC_CVSS_V40) {
			tplx_jsonw_kscore(w, "temporal_score", s->temporal);
			tplx_jsonw_kscore(w, "environmental_score",
			                  s->environmental);
		}
		tplx_jsonw_kscore(w, "score", s->score);
		if (s->nomenclature)
			tplx_jsonw_kstring(w, "nomenclature", s->nomenclature);
		tplx_jsonw_kstring(w, "severity", s->severity);
		tplx_jsonw_object_end(w);
		return;
	}
	printf("%s\n", vector);
	printf("  %-14s %s\n", "version", version);
	if (s->version == TPLC_CVSS_V40) {
		printf("  %-14s %.1f %s\n", "score", s->score,
		       s->nomenclature ? s->nomenclature : "");
	} else {
		printf("  %-14s %.1f\n", "base", s->base);
		if (s->temporal >= 0)
			printf("  %-14s %.1f\n", "temporal", s->temporal);
		if (s->environmental >= 0)
			printf("  %-14s %.1f\n", "environmental",
			       s->environmental);
	}
	printf("  %-14s %s\n", "severity", s->severity);
}

/* Vectors from stdin, one a line, blank lines skipped; NULL on error. */
static char **read_stdin(int *count)
{
	char **items = NULL, *line = NULL;
	size_t cap = 0, n = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, stdin)) >= 0) {
		char **grown;

		while (len > 0 &&
		       (line[len - 1] == '\n' || line[len - 1] == '\r' ||
		        line[len - 1] == ' '))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (n >= CVSS_STDIN_MAX)
			break;
		grown = realloc(items, (n + 1) * sizeof(*items));
		if (!grown)
			break;
		items = grown;
		items[n] = strdup(line);
		if (!items[n])
			break;
		n++;
	}
	free(line);
	*count = (int)n;
	return items;
}

int cmd_cvss(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct cli_args args;
	struct tplx_jsonw w;
	char **items, **owned = NULL;
	int status, count, bad = 0, i;

	status = cli_parse(cli, "cvss [VECTOR...]",
	                   "Score CVSS vectors (2.0, 3.0, 3.1, 4.0): version, "
	                   "base, temporal and\nenvironmental scores (v4: the "
	                   "score and its nomenclature) and severity.\nWith no "
	                   "VECTOR, vectors are read from stdin, one a line.",
	                   opts, 0, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	items = args.items;
	count = args.count;
	if (count == 0)
		items = owned = read_stdin(&count);
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json && count > 1)
		tplx_jsonw_array_begin(&w);
	for (i = 0; i < count; i++) {
		struct tplc_cvss_scores s;
		char msg[TPLC_ERROR_MESSAGE_MAX + 64];

		if (tplc_cvss_score(&s, items[i], &cli->err) == 0) {
			print_scores(cli, &w, items[i], &s);
			continue;
		}
		tplc_error_format(&cli->err, msg, sizeof(msg));
		fflush(stdout);
		fprintf(stderr, "tplc: cvss: %s: %s\n", items[i], msg);
		bad++;
	}
	if (cli->json && count > 1)
		tplx_jsonw_array_end(&w);
	for (i = 0; owned && i < count; i++)
		free(owned[i]);
	free(owned);
	return bad > 0 ? EXIT_DATAERR : EXIT_OK;
}

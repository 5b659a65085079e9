/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Parse throughput of tplc's document parsers, for `make bench`.
 *
 *   bench-parse KIND FILE...      KIND: yajl json json-stream cyclonedx
 *                                 sbom kev csaf osv nvd
 *
 * yajl is the JSON parser alone, no callbacks: the floor every JSON
 * reader here stands on.
 * json builds the whole tree (tplx_json_parse); json-stream walks the
 * records of an NVD page one at a time (tplx_json_each); nvd is the NVD
 * parser on that walk, into one advisory per CVE; osv reads a record, an
 * array of records or a zip of them, one advisory per record.
 *
 * Loads the files into memory, then parses all of them again and again
 * for at least one second, and prints "KIND BYTES SECONDS MB/s".  Reading
 * from disk is left out on purpose: it is the parser that is measured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yajl/yajl_parse.h>

#include "tplc/advisory.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/json.h"

#define BENCH_MIN_SECONDS 1.0

struct input {
	char *data;
	size_t len;
	const char *path;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_record(const struct tplx_json_doc *doc,
                        const struct tplx_json *record,
                        const struct tplx_jpath *path, void *data)
{
	(void)doc;
	(void)record;
	(void)path;
	++*(size_t *)data;
	return 0;
}

static int count_advisory(struct tplc_advisory *adv, void *data)
{
	*(size_t *)data += adv->affected_count + 1;
	tplc_advisory_free(adv);
	return 0;
}

/* yajl over the input with nothing to call: only its tokenizing and
 * checking (UTF-8 included), as every reader here pays it. */
static int yajl_alone(const struct input *in, struct tplc_error *err)
{
	yajl_handle h = yajl_alloc(NULL, NULL, NULL);
	int ok;

	if (h == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	yajl_config(h, yajl_allow_multiple_values, 1);
	ok = yajl_parse(h, (const unsigned char *)in->data, in->len) ==
	             yajl_status_ok &&
	     yajl_complete_parse(h) == yajl_status_ok;
	yajl_free(h);
	return ok ? 0 : tplc_error_set(err, TPLC_EPARSE, "not JSON");
}

static int parse_one(const char *kind, const struct input *in,
                     struct tplc_error *err)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_sbom *sbom = NULL;
	struct tplc_advisory *adv = NULL;
	size_t records = 0;
	int error;

	if (strcmp(kind, "yajl") == 0) {
		error = yajl_alone(in, err);
	} else if (strcmp(kind, "json-stream") == 0) {
		error = tplx_json_each(in->data, in->len, in->path,
		                       "vulnerabilities", count_record,
		                       &records, err);
	} else if (strcmp(kind, "nvd") == 0 || strcmp(kind, "osv") == 0) {
		error = tplc_advisory_each(kind, in->data, in->len, in->path,
		                           count_advisory, &records, err);
	} else if (strcmp(kind, "json") == 0) {
		error = tplx_json_parse(&doc, in->data, in->len, in->path, err);
		tplx_json_doc_free(doc);
	} else if (strcmp(kind, "sbom") == 0) {
		error = tplc_sbom_parse(&sbom, in->data, in->len, in->path,
		                        err);
		tplc_sbom_free(sbom);
	} else {
		error = tplc_advisory_parse(&adv, kind, in->data, in->len,
		                            in->path, err);
		tplc_advisory_free(adv);
	}
	return error;
}

int main(int argc, char **argv)
{
	struct input *inputs;
	struct tplc_error err;
	size_t total = 0, rounds = 0;
	double start, elapsed;
	int i, n;

	setenv("TZ", ":/etc/localtime", 0); /* as cli/tplc.c: zip times */
	if (argc < 3) {
		fprintf(stderr, "usage: bench-parse KIND FILE...\n");
		return 64;
	}
	n = argc - 2;
	inputs = calloc((size_t)n, sizeof(*inputs));
	if (inputs == NULL)
		return 70;
	for (i = 0; i < n; i++) {
		inputs[i].path = argv[i + 2];
		if (tplx_file_read(&inputs[i].data, &inputs[i].len,
		                   inputs[i].path, TPLX_FILE_MAX, &err) < 0) {
			fprintf(stderr, "bench-parse: %s: %s\n", inputs[i].path,
			        err.message);
			return 66;
		}
		total += inputs[i].len;
	}
	start = now();
	do {
		for (i = 0; i < n; i++) {
			if (parse_one(argv[1], &inputs[i], &err) < 0) {
				fprintf(stderr, "bench-parse: %s: %s\n",
				        inputs[i].path, err.message);
				return 65;
			}
		}
		rounds++;
		elapsed = now() - start;
	} while (elapsed < BENCH_MIN_SECONDS);
	printf("%s %zu %.6f %.1f\n", argv[1], total, elapsed / (double)rounds,
	       (double)total * (double)rounds / elapsed / 1e6);
	for (i = 0; i < n; i++)
		tplx_free(inputs[i].data);
	free(inputs);
	return 0;
}

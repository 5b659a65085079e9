/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A device's environment as tplc device set and the inventory read it
 * (exposure, controls, requirements), applied to any vector: lines
 * "VECTOR\nCONTROLS\nEXPOSURE\nCR" in, a scored vector or a named error
 * out, and a priority that stays within 0..100.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/priority.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next line of [*p, end) into buf, at most size - 1 bytes. */
static void next_line(const char **p, const char *end, char *buf, size_t size)
{
	size_t n = 0;

	while (*p < end && **p != '\n') {
		if (n + 1 < size)
			buf[n++] = **p;
		(*p)++;
	}
	if (*p < end)
		(*p)++;
	buf[n] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	char vector[TPLC_CVSS_MAX + 2], controls[256], exposure[64], req[16];
	struct tplc_priority_input in;
	struct tplc_env_result r;
	struct tplc_priority pr;
	struct tplc_error err;

	memset(&in, 0, sizeof(in));
	next_line(&p, end, vector, sizeof(vector));
	next_line(&p, end, controls, sizeof(controls));
	next_line(&p, end, exposure, sizeof(exposure));
	next_line(&p, end, req, sizeof(req));
	if (tplc_controls_parse(&in.env.controls, controls, &err) < 0)
		in.env.controls = 0;
	if (tplc_exposure_parse(&in.env.exposure, exposure, &err) < 0)
		in.env.exposure = TPLC_EXPOSURE_UNKNOWN;
	if (tplc_requirement_parse(&in.env.cr, req, &err) < 0)
		in.env.cr = 0;
	in.env.clinical_function = "therapy";
	if (tplc_cvss_environment(&r, vector, &in.env, &err) == 0 &&
	    (r.scores.score < 0 || r.scores.score > 10))
		__builtin_trap();
	in.cvss_vector = vector;
	in.cvss_score = -1;
	in.epss = in.epss_percentile = -1;
	tplc_priority_compute(&pr, &in);
	if (pr.score < 0 || pr.score > 100)
		__builtin_trap();
	return 0;
}

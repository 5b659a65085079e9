/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The medical-device CVSS rubric: a flags byte, a fallback vector line
 * (empty: none), then "ID=ANSWER" lines; a vector or a named error out.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/cvss.h"
#include "tplc/rubric.h"

/* Longest input looked at, in bytes. */
#define FUZZ_RUBRIC_MAX 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[FUZZ_RUBRIC_MAX + 1], *line, *next;
	struct tplc_rubric_answers answers;
	struct tplc_rubric_result r;
	struct tplc_error err;
	const char *fallback;
	unsigned flags;

	if (size < 1)
		return 0;
	flags = data[0] & 1u ? TPLC_RUBRIC_IMPACT_GATED : 0;
	size--;
	if (size > FUZZ_RUBRIC_MAX)
		size = FUZZ_RUBRIC_MAX;
	memcpy(text, data + 1, size);
	text[size] = '\0';
	next = strchr(text, '\n');
	if (next)
		*next++ = '\0';
	fallback = text[0] ? text : NULL;
	memset(&answers, 0, sizeof(answers));
	for (line = next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		(void)tplc_rubric_set(&answers, line, &err);
	}
	if (tplc_rubric_derive(&r, &answers, fallback, flags, &err) != 0)
		return 0;
	if (r.base < 0 || r.base > 10 || strlen(r.vector) != 44 ||
	    r.answered > TPLC_RUBRIC_QUESTIONS)
		__builtin_trap();
	for (size_t i = 0; i < 8; i++)
		if (r.metric[i].reason[0] == '\0')
			__builtin_trap();
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Lifecycle review answer files and control lists: any bytes in, answers
 * or a located error out. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/review.h"

/* Largest control list tried, in bytes. */
#define FUZZ_CONTROLS_MAX 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_review_answers answers;
	struct tplc_error err;
	char list[FUZZ_CONTROLS_MAX], out[FUZZ_CONTROLS_MAX];
	size_t n = size < sizeof(list) - 1 ? size : sizeof(list) - 1;
	unsigned bits;

	tplc_review_answers_parse(&answers, (const char *)data, size, "fuzz",
	                          &err);
	memcpy(list, data, n);
	list[n] = '\0';
	if (tplc_review_controls_parse(&bits, list, &err) == 0)
		tplc_review_controls_format(bits, out, sizeof(out));
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* DNS: any bytes in as one message; compression cannot loop. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tplc_dns d;

	if (tplc_dns_parse(data, size, &d) == 0 &&
	    (d.answer_count > TPLC_DNS_ANSWERS_MAX ||
	     d.question_count > TPLC_DNS_QUESTIONS_MAX))
		__builtin_trap();
	return 0;
}

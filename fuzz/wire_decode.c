/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Any bytes as frames: the first byte picks the link type, the rest is
 * split into frames at 0xfe 0xfe markers so fragments can meet.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int links[] = {
	TPLC_LINK_ETHERNET, TPLC_LINK_RAW,  TPLC_LINK_SLL,
	TPLC_LINK_SLL2,     TPLC_LINK_NULL, TPLC_LINK_LOOP
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_wire_stats st = { 0 };
	struct tplc_wire *w = NULL;
	struct tplc_error err;
	struct tplc_packet pk;
	size_t start;

	if (size < 1 || tplc_wire_new(&w, &err) < 0)
		return 0;
	start = 1;
	for (size_t i = 1; i <= size; i++) {
		if (i < size &&
		    !(data[i] == 0xfe && i + 1 < size && data[i + 1] == 0xfe))
			continue;
		/* A copy of exactly the frame's size: ASan sees over-reads. */
		size_t n = i - start;
		uint8_t *copy = malloc(n ? n : 1);
		struct tplc_frame f = { (uint64_t)i, (uint32_t)n, (uint32_t)n,
			                links[data[0] % 6], copy };

		if (copy == NULL)
			break;
		memcpy(copy, data + start, n);
		if (data[0] & 0x80)
			f.wirelen = (uint32_t)n + 100; /* as if snapped */
		tplc_wire_decode(w, &f, &pk, &st);
		free(copy);
		start = i + 2;
		i++;
	}
	tplc_wire_free(w);
	return 0;
}

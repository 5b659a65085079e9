/* SPDX-License-Identifier: Apache-2.0 */
/* Any bytes as a capture file (pcap or pcapng): every frame decoded. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_wire_stats st = { 0 };
	struct tplc_pcap *p = NULL;
	struct tplc_wire *w = NULL;
	struct tplc_error err;
	struct tplc_frame f;
	struct tplc_packet pk;

	if (tplc_wire_new(&w, &err) < 0)
		return 0;
	if (tplc_pcap_open_memory(&p, data, size, "fuzz", &err) == 0) {
		while (tplc_pcap_next(p, &f, &err) == 1)
			if (tplc_wire_decode(w, &f, &pk, &st) < 0)
				break;
		tplc_pcap_close(p);
	}
	tplc_wire_free(w);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The monitor's pipeline (decode, flows, TCP streams, dissectors, hosts,
 * alerts): the input is a run of Ethernet frames, each a 2-byte
 * big-endian length and its bytes, a millisecond apart.
 */
#include <stddef.h>
#include <stdint.h>

#include "tplc/monitor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tplc_monitor_device devices[] = {
		{ 1, "CT-01", "9e:a1:47:d0:93:ac", "10.77.0.11",
		  "CT_SCANNER_01", false, NULL },
		{ 2, "US-03", NULL, "10.77.0.12", "US_ROOM3", true, NULL },
	};
	struct tplc_monitor_options opts = { .max_flows = 64,
		                             .devices = devices,
		                             .device_count = 2 };
	struct tplc_monitor *m = NULL;
	struct tplc_frame frame = { .linktype = TPLC_LINK_ETHERNET };
	struct tplc_error err;
	size_t pos = 0, len;

	if (tplc_monitor_new(&m, &opts, &err) < 0)
		return 0;
	while (pos + 2 <= size) {
		len = (size_t)data[pos] << 8 | data[pos + 1];
		pos += 2;
		if (len > size - pos)
			len = size - pos;
		frame.ts_usec += 1000;
		frame.data = data + pos;
		frame.caplen = frame.wirelen = (uint32_t)len;
		if (tplc_monitor_frame(m, &frame, &err) < 0)
			break;
		pos += len;
	}
	tplc_monitor_finish(m, &err);
	tplc_monitor_free(m);
	return 0;
}

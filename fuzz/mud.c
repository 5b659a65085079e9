/* SPDX-License-Identifier: Apache-2.0 */
/* MUD files: any bytes in, a profile compiled and checked, or a located error out. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tplc/mud.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tplc_mud_binding b[] = {
		{ "my-controller", "10.1.1.4" },
		{ "local-networks", "10.1.1.0/24" },
		{ "fw-update.luminaire.example.com", "172.12.212.10" },
	};
	struct tplc_mud_compile_opts o = { .dns = true };
	struct tplc_mud_rules *rules = NULL;
	struct tplc_mud_verdict v;
	struct tplc_mud_flow f = { .initiated = TPLC_MUD_FROM_DEVICE,
		                   .peer = { 4, 32, { 10, 1, 1, 4 } },
		                   .proto = 17,
		                   .peer_port = 5684 };
	struct tplc_mud *mud = NULL;
	struct tplc_error err;
	FILE *null;

	if (tplc_mud_parse(&mud, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	if (tplc_mud_compile(mud, b, 3, NULL, &o, &rules, &err) == 0) {
		tplc_mud_check(rules, &f, &v);
		null = fopen("/dev/null", "w");
		if (null != NULL) {
			tplc_mud_rules_dacl(null, rules);
			tplc_mud_rules_json(null, rules);
			fclose(null);
		}
		tplc_mud_rules_free(rules);
	}
	tplc_mud_free(mud);
	return 0;
}

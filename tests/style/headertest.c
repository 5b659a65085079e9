/* SPDX-License-Identifier: Apache-2.0 */
/* The public API compiles on its own, pedantic, with nothing from lib/. */
#include <stdio.h>

#include <tplc/tplc.h>

int main(void)
{
	struct tplc_error err;
	char buf[128];

	tplc_error_set(&err, TPLC_EPARSE, "header test");
	printf("1..1\nok 1 - public headers compile alone (tplc %s: %s)\n",
	       tplc_version(), tplc_error_format(&err, buf, sizeof(buf)));
	return 0;
}

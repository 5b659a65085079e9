/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CycloneDX VEX or OpenVEX: any bytes in, an advisory or a located error
 * out; what parses is written back in the three VEX formats and read
 * again.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/advisory.h"
#include "tplc/vex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_and_read(const struct tplc_advisory *adv, const char *format)
{
	struct tplc_advisory *again = NULL;
	struct tplc_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int error;

	if (fp == NULL)
		return;
	error = tplc_vex_write(fp, format, adv, &err);
	fclose(fp);
	if (error == 0 && strcmp(format, "csaf") == 0)
		error = tplc_csaf_parse(&again, buf, len, "again", &err);
	else if (error == 0)
		error = tplc_vex_parse(&again, buf, len, "again", &err);
	if (error == 0)
		tplc_advisory_free(again);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;

	if (tplc_vex_parse(&adv, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	if (adv->modified == NULL)
		adv->modified = "2024-01-01T00:00:00Z";
	write_and_read(adv, "cyclonedx");
	write_and_read(adv, "openvex");
	write_and_read(adv, "csaf");
	tplc_advisory_free(adv);
	return 0;
}

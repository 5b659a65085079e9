/* SPDX-License-Identifier: Apache-2.0 */
#include "tplc/tplc.h"
#include "util/alloc.h"

#ifndef TPLC_VERSION
#define TPLC_VERSION "0.0.0"
#endif

const char *tplc_version(void)
{
	return TPLC_VERSION;
}

void tplc_free(void *ptr)
{
	tplx_free(ptr);
}

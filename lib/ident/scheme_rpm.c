/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rpm: [epoch:]version[-release] compared as rpm does (rpmverCmp and
 * rpmvercmp, with '~' before and '^' after the base version).
 */
#include "ident.h"

int tplc_ident__cmp_rpm(int *out, const char *a, const char *b,
                        struct tplc_error *err)
{
	struct tplc_ident__evr ea, eb;
	int error;

	if ((error = tplc_ident__check_printable("rpm", a, err)) != 0 ||
	    (error = tplc_ident__check_printable("rpm", b, err)) != 0)
		return error;
	tplc_ident__evr_split(a, &ea);
	tplc_ident__evr_split(b, &eb);
	*out = tplc_ident__evrcmp(&ea, &eb, TPLC_IDENT_SEG_RPM);
	return 0;
}

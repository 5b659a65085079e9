/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alpm (Arch Linux, pacman): [epoch:]pkgver[-pkgrel] compared as
 * alpm_pkg_vercmp does; its segment compare is rpm's with pacman's
 * differences (see tplc_ident__segcmp).
 */
#include "ident.h"

int tplc_ident__cmp_alpm(int *out, const char *a, const char *b,
                         struct tplc_error *err)
{
	struct tplc_ident__evr ea, eb;
	int error;

	if ((error = tplc_ident__check_printable("alpm", a, err)) != 0 ||
	    (error = tplc_ident__check_printable("alpm", b, err)) != 0)
		return error;
	tplc_ident__evr_split(a, &ea);
	tplc_ident__evr_split(b, &eb);
	*out = tplc_ident__evrcmp(&ea, &eb, TPLC_IDENT_SEG_ALPM);
	return 0;
}

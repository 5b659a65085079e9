/* SPDX-License-Identifier: Apache-2.0 */
/* lexicographic: plain byte order of the UTF-8 strings (code point order). */
#include <string.h>

#include "ident.h"

int tplc_ident__cmp_lexicographic(int *out, const char *a, const char *b,
                                  struct tplc_error *err)
{
	(void)err;
	*out = tplc_ident__strncmp2(a, strlen(a), b, strlen(b));
	return 0;
}

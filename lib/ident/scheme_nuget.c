/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nuget: NuGetVersion is semver with up to four numbers (missing ones
 * are 0, leading zeros allowed) and case-insensitive prerelease labels.
 */
#include "ident.h"

static const struct tplc_ident__semver_rules nuget_rules = {
	.scheme = "nuget",
	.min_parts = 1,
	.max_parts = 4,
	.leading_zeros = true,
	.fold_case = true,
};

int tplc_ident__cmp_nuget(int *out, const char *a, const char *b,
                          struct tplc_error *err)
{
	return tplc_ident__semver_cmp(out, a, b, &nuget_rules, err);
}

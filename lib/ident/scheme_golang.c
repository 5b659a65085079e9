/* SPDX-License-Identifier: Apache-2.0 */
/*
 * golang: module versions are semver with a leading "v" (accepted without
 * it too, as SBOMs often drop it).  Pseudo-versions are prereleases and
 * "+incompatible" is build metadata, so both sort as Go sorts them.
 * "v1" and "v1.2" are Go's shorthands for v1.0.0 and v1.2.0.
 */
#include "ident.h"

static const struct tplc_ident__semver_rules golang_rules = {
	.scheme = "golang",
	.leading_v = true,
	.min_parts = 1,
	.max_parts = 3,
};

int tplc_ident__cmp_golang(int *out, const char *a, const char *b,
                           struct tplc_error *err)
{
	return tplc_ident__semver_cmp(out, a, b, &golang_rules, err);
}

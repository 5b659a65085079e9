/* SPDX-License-Identifier: Apache-2.0 */
/* npm: semver precedence; node-semver also takes a leading "v" or "=". */
#include "ident.h"

static const struct tplc_ident__semver_rules npm_rules = {
	.scheme = "npm",
	.leading_v = true,
	.leading_eq = true,
	.min_parts = 3,
	.max_parts = 3,
};

int tplc_ident__cmp_npm(int *out, const char *a, const char *b,
                        struct tplc_error *err)
{
	return tplc_ident__semver_cmp(out, a, b, &npm_rules, err);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* cargo: crates.io versions are strict semver. */
#include "ident.h"

static const struct tplc_ident__semver_rules cargo_rules = {
	.scheme = "cargo",
	.min_parts = 3,
	.max_parts = 3,
};

int tplc_ident__cmp_cargo(int *out, const char *a, const char *b,
                          struct tplc_error *err)
{
	return tplc_ident__semver_cmp(out, a, b, &cargo_rules, err);
}

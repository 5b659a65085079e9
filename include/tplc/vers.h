/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_VERS_H
#define TPLC_VERS_H

/*
 * Version ranges in vers notation (package-url/vers-spec):
 * "vers:<scheme>/<constraint>|<constraint>|...".
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

/* Longest vers string accepted, in bytes. */
#define TPLC_VERS_MAX 16384

struct tplc_vers; /* opaque */

/*
 * Parse a canonical vers, strictly as the spec says: no whitespace, no
 * empty constraints, valid percent-encoding, versions valid for the
 * scheme, constraints sorted by version without duplicates, comparators
 * alternating as the validation rules require.  A leading "=" is
 * accepted and dropped.  An unknown scheme parses (syntax only) but
 * cannot be checked or used for containment unless its range is "*".
 */
int tplc_vers_parse(struct tplc_vers **out, const char *s,
                    struct tplc_error *err);
/*
 * Parse vers as found in the wild: constraints are sorted by version
 * here, and duplicate or redundant constraints are kept (containment
 * copes with them).  Syntax errors are still errors.
 */
int tplc_vers_parse_lenient(struct tplc_vers **out, const char *s,
                            struct tplc_error *err);
void tplc_vers_free(struct tplc_vers *range);

const char *tplc_vers_scheme(const struct tplc_vers *range);
size_t tplc_vers_constraint_count(const struct tplc_vers *range);
/*
 * The index-th constraint: comparator is one of "*", "=", "!=", "<",
 * "<=", ">", ">="; version is decoded (NULL for "*").
 */
int tplc_vers_constraint(const struct tplc_vers *range, size_t index,
                         const char **comparator, const char **version);

/*
 * The containment algorithm of the vers spec; a range of "*" (as in
 * "vers:all/" followed by "*") contains everything.
 */
int tplc_vers_contains(bool *out, const struct tplc_vers *range,
                       const char *version, struct tplc_error *err);
/* Normalized canonical form; caller frees with tplc_free(). */
int tplc_vers_format(char **out, const struct tplc_vers *range,
                     struct tplc_error *err);

/* Longest native range accepted by tplc_vers_from_native, in bytes. */
#define TPLC_VERS_NATIVE_MAX 4096
/* Most constraints one native range may expand to. */
#define TPLC_VERS_NATIVE_CONSTRAINTS_MAX 256

/*
 * Convert an ecosystem's own range notation into a vers, as vers-spec's
 * from_native tests do: "npm" (node-semver), "pypi" (PEP 440
 * specifiers), "gem", "nuget" (interval notation), "conan", "nginx"
 * (advisory notation) and "openssl" (a list of versions).  Constraints
 * are sorted by version and written canonically; the caller frees *out
 * with tplc_free().  TPLC_EPARSE with a reason when the range is invalid
 * or has no vers form, TPLC_EUNSUPPORTED for a scheme without a native
 * notation here.
 */
int tplc_vers_from_native(char **out, const char *scheme, const char *native,
                          struct tplc_error *err);
bool tplc_vers_native_supported(const char *scheme);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_VERSION_H
#define TPLC_VERSION_H

/*
 * Version comparison, one scheme per ecosystem, named as in vers
 * ("deb", "rpm", "npm", "pypi", "maven", ...).
 */

#include <stdbool.h>

#include "tplc/error.h"

/* Longest version string compared, in bytes. */
#define TPLC_VERSION_MAX 1024

/*
 * *out < 0, 0, > 0 like strcmp.  scheme is a vers scheme name.  Unknown
 * scheme: TPLC_EUNSUPPORTED.  Invalid version for the scheme: TPLC_EPARSE
 * with a reason.
 */
int tplc_version_compare(int *out, const char *scheme, const char *a,
                         const char *b, struct tplc_error *err);
bool tplc_version_scheme_supported(const char *scheme);

/*
 * vers scheme for a purl type: npm->"npm", deb->"deb", rpm->"rpm",
 * pypi->"pypi", golang->"golang", cargo->"cargo", maven->"maven",
 * apk->"alpine", ...; "generic" when none fits.  Never NULL.
 */
const char *tplc_version_scheme_for_purl_type(const char *purl_type);

#endif

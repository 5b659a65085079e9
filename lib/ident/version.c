/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one table of version schemes.  A scheme is a file
 * lib/ident/scheme_<name>.c with one compare function, and a row here.
 */
#include <string.h>

#include "ident.h"
#include "tplc/version.h"
#include "util/str.h"

/* Sorted by name: looked up by binary search. */
static const struct tplc_ident__scheme schemes[] = {
	{ "alpine", tplc_ident__cmp_alpine },
	{ "alpm", tplc_ident__cmp_alpm },
	{ "apk", tplc_ident__cmp_alpine },
	{ "cargo", tplc_ident__cmp_cargo },
	{ "conan", tplc_ident__cmp_conan },
	{ "datetime", tplc_ident__cmp_datetime },
	{ "deb", tplc_ident__cmp_deb },
	{ "gem", tplc_ident__cmp_gem },
	{ "generic", tplc_ident__cmp_generic },
	{ "gentoo", tplc_ident__cmp_gentoo },
	{ "golang", tplc_ident__cmp_golang },
	{ "lexicographic", tplc_ident__cmp_lexicographic },
	{ "maven", tplc_ident__cmp_maven },
	{ "nginx", tplc_ident__cmp_semver }, /* advisories */
	{ "npm", tplc_ident__cmp_npm },
	{ "nuget", tplc_ident__cmp_nuget },
	{ "openssl", tplc_ident__cmp_openssl },
	{ "pypi", tplc_ident__cmp_pypi },
	{ "rpm", tplc_ident__cmp_rpm },
	{ "semver", tplc_ident__cmp_semver },
};

/* purl type -> vers scheme, where the ecosystem has its own ordering. */
static const struct {
	const char *purl_type;
	const char *scheme;
} purl_schemes[] = {
	{ "alpm", "alpm" },     { "apk", "alpine" },  { "cargo", "cargo" },
	{ "conan", "conan" },   { "deb", "deb" },     { "gem", "gem" },
	{ "golang", "golang" }, { "maven", "maven" }, { "npm", "npm" },
	{ "nuget", "nuget" },   { "pypi", "pypi" },   { "rpm", "rpm" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct tplc_ident__scheme *tplc_ident__scheme_find(const char *name)
{
	size_t lo = 0, hi = COUNT(schemes);

	if (name == NULL)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int rc = strcmp(name, schemes[mid].name);

		if (rc == 0)
			return &schemes[mid];
		if (rc < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int tplc_ident__bad_version(struct tplc_error *err, const char *scheme,
                            const char *version, const char *why)
{
	return tplc_error_set(err, TPLC_EPARSE,
	                      "invalid %s version \"%.80s\": %s", scheme,
	                      version, why);
}

int tplc_version_compare(int *out, const char *scheme, const char *a,
                         const char *b, struct tplc_error *err)
{
	const struct tplc_ident__scheme *row;
	int rc = 0, error;

	if (out == NULL || scheme == NULL || a == NULL || b == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "version compare: NULL argument");
	row = tplc_ident__scheme_find(scheme);
	if (row == NULL)
		return tplc_error_set(err, TPLC_EUNSUPPORTED,
		                      "unsupported version scheme \"%.64s\"",
		                      scheme);
	if (strlen(a) > TPLC_VERSION_MAX || strlen(b) > TPLC_VERSION_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "version longer than %d bytes",
		                      TPLC_VERSION_MAX);
	if (*a == '\0' || *b == '\0')
		return tplc_ident__bad_version(err, scheme, "", "empty");
	error = row->cmp(&rc, a, b, err);
	if (error == 0)
		*out = tplc_ident__sign(rc);
	return error;
}

bool tplc_version_scheme_supported(const char *scheme)
{
	return tplc_ident__scheme_find(scheme) != NULL;
}

const char *tplc_version_scheme_for_purl_type(const char *purl_type)
{
	size_t i;

	for (i = 0; purl_type != NULL && i < COUNT(purl_schemes); i++)
		if (tplx_strcaseeq(purl_type, purl_schemes[i].purl_type))
			return purl_schemes[i].scheme;
	return "generic";
}

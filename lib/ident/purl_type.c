/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the registered purl type definitions (purl-spec types/<type>-definition.json) add
 * to the core rules: one row per type that has something to say.
 */
#include <string.h>

#include "ident.h"
#include "tplc/purl.h"

enum {
	NS_LOWER = 1 << 0,
	NAME_LOWER = 1 << 1,
	VERSION_LOWER = 1 << 2,
	NS_REQUIRED = 1 << 3,
	NS_PROHIBITED = 1 << 4,
	NAME_PATH = 1 << 5, /* git: the name is owner/repo */
};

typedef int (*check_fn)(struct tplc_purl *p, struct tplc_error *err);

static int fail(struct tplc_error *err, const struct tplc_purl *p,
                const char *why)
{
	return tplc_error_set(err, TPLC_EPARSE, "invalid %s purl: %s", p->type,
	                      why);
}

/* PEP 503: lowercase, and runs of '-', '_' and '.' become one '-'. */
static int check_pypi(struct tplc_purl *p, struct tplc_error *err)
{
	char *r = p->name, *w = p->name;

	(void)err;
	while (*r != '\0') {
		if (*r == '-' || *r == '_' || *r == '.') {
			while (*r == '-' || *r == '_' || *r == '.')
				r++;
			*w++ = '-';
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return 0;
}

/* Distribution names, not module names (URI::PackageURL). */
static int check_cpan(struct tplc_purl *p, struct tplc_error *err)
{
	if (strstr(p->name, "::") != NULL)
		return fail(err, p, "a distribution name has no \"::\"");
	return 0;
}

/* Extension ids are 32 letters a-p; versions 1 to 4 numbers. */
static int check_chrome(struct tplc_purl *p, struct tplc_error *err)
{
	const char *v;
	size_t i;
	int numbers = 0;

	for (i = 0; p->name[i] != '\0'; i++)
		if (p->name[i] < 'a' || p->name[i] > 'p')
			break;
	if (i != 32 || p->name[i] != '\0')
		return fail(err, p, "the name is 32 letters a to p");
	for (v = p->version; v != NULL; v++) {
		if (!tplc_ident__digit(*v) || ++numbers > 4)
			return fail(err, p, "the version is 1 to 4 numbers");
		while (tplc_ident__digit(*v))
			v++;
		if (*v == '\0')
			break;
		if (*v != '.')
			return fail(err, p, "the version is 1 to 4 numbers");
	}
	return 0;
}

static const char *qualifier(const struct tplc_purl *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->qualifier_count; i++)
		if (strcmp(p->qualifiers[i].key, key) == 0)
			return p->qualifiers[i].value;
	return NULL;
}

/* Model names are case-insensitive on Databricks only. */
static int check_mlflow(struct tplc_purl *p, struct tplc_error *err)
{
	const char *repo = qualifier(p, "repository_url");

	(void)err;
	if (repo != NULL && strstr(repo, "databricks") != NULL)
		tplc_ident__lower(p->name);
	return 0;
}

/* The package's UUID is its identity; the name alone is ambiguous. */
static int check_julia(struct tplc_purl *p, struct tplc_error *err)
{
	if (qualifier(p, "uuid") == NULL)
		return fail(err, p, "the uuid qualifier is required");
	return 0;
}

static const struct {
	const char *type;
	unsigned flags;
	check_fn check;
} rules[] = {
	{ "alpm", NS_LOWER | NAME_LOWER, NULL },
	{ "apk", NS_LOWER | NAME_LOWER, NULL },
	{ "bitbucket", NS_LOWER | NAME_LOWER, NULL },
	{ "brew", NS_LOWER | NAME_LOWER, NULL },
	{ "chrome-extension", NS_PROHIBITED | NAME_LOWER, check_chrome },
	{ "composer", NS_LOWER | NAME_LOWER, NULL },
	{ "cpan", 0, check_cpan },
	{ "deb", NS_LOWER | NAME_LOWER, NULL },
	{ "git", NS_REQUIRED | NAME_PATH, NULL },
	{ "github", NS_LOWER | NAME_LOWER, NULL },
	{ "gitlab", NS_LOWER | NAME_LOWER, NULL },
	{ "hex", NS_LOWER | NAME_LOWER, NULL },
	{ "huggingface", VERSION_LOWER, NULL },
	{ "julia", 0, check_julia },
	{ "luarocks", NS_LOWER | NAME_LOWER, NULL },
	{ "mlflow", NS_PROHIBITED, check_mlflow },
	{ "npm", NS_LOWER | NAME_LOWER, NULL },
	{ "oci", NS_PROHIBITED | NAME_LOWER, NULL },
	{ "otp", NS_PROHIBITED, NULL },
	{ "pypi", NS_PROHIBITED | NAME_LOWER | VERSION_LOWER, check_pypi },
	{ "qpkg", NS_LOWER, NULL },
	{ "rpm", NS_LOWER, NULL },
	{ "swift", NS_REQUIRED, NULL },
	{ "vcpkg", NS_PROHIBITED, NULL },
	{ "vscode-extension", NS_REQUIRED, NULL },
};

static int find(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].type, type) == 0)
			return (int)i;
	return -1;
}

bool tplc_ident__purl_name_is_path(const char *type)
{
	int i = find(type);

	return i >= 0 && (rules[i].flags & NAME_PATH) != 0;
}

int tplc_ident__purl_type_rules(struct tplc_purl *p, struct tplc_error *err)
{
	int i = find(p->type);
	unsigned flags;

	if (i < 0)
		return 0;
	flags = rules[i].flags;
	if ((flags & NS_REQUIRED) && p->namespace == NULL)
		return fail(err, p, "a namespace is required");
	if ((flags & NS_PROHIBITED) && p->namespace != NULL)
		return fail(err, p, "a namespace is not allowed");
	if ((flags & NS_LOWER) && p->namespace != NULL)
		tplc_ident__lower(p->namespace);
	if (flags & NAME_LOWER)
		tplc_ident__lower(p->name);
	if ((flags & VERSION_LOWER) && p->version != NULL)
		tplc_ident__lower(p->version);
	return rules[i].check != NULL ? rules[i].check(p, err) : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVE JSON 5 affected[] items into affected entries.  An item names a
 * product (vendor, product), maybe a package (packageName in the registry
 * collectionURL names: a purl) and maybe CPE names; each of its versions[]
 * gives one entry per identity, with the entry's status and a vers range
 * built from version, lessThan and lessThanOrEqual in the versionType's
 * scheme ("generic" when lib/ident knows none).  Versions that cannot be
 * compared (git commits, or a range lib/ident does not read back) keep the
 * source's words as range_text.  defaultStatus "affected" adds one entry
 * for every version not listed.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cve5.h"
#include "tplc/cpe.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "tplc/version.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"

enum naming { PLAIN, NPM, MAVEN, SLASHED };

/* Registries a collectionURL names (its host, or a parent domain). */
static const struct registry {
	const char *host;
	const char *type; /* purl type, whose vers scheme is the same */
	enum naming naming;
} registries[] = {
	{ "pypi.org", "pypi", PLAIN },
	{ "pypi.python.org", "pypi", PLAIN },
	{ "registry.npmjs.org", "npm", NPM },
	{ "npmjs.com", "npm", NPM },
	{ "repo.maven.apache.org", "maven", MAVEN },
	{ "repo1.maven.org", "maven", MAVEN },
	{ "rubygems.org", "gem", PLAIN },
	{ "crates.io", "cargo", PLAIN },
	{ "pkg.go.dev", "golang", SLASHED },
	{ "proxy.golang.org", "golang", SLASHED },
	{ "nuget.org", "nuget", PLAIN },
};

/* What every entry of one affected[] item shares. */
struct identity {
	const char *purl;             /* arena, or NULL */
	const char *vendor, *product; /* arena, or NULL */
	const char *scheme;           /* the purl type's vers scheme */
	const char *cpes[TPLC_CVE5_CPES_MAX];
	size_t cpe_count;
};

static int nomem(struct tplc_cve5_parser *p)
{
	return tplc_advisory_build_nomem(&p->b);
}

static const struct registry *find_registry(const char *url)
{
	const char *host = url, *end;
	size_t i, n, h;

	if (strstr(host, "://") != NULL)
		host = strstr(host, "://") + 3;
	end = host + strcspn(host, "/:?#");
	n = (size_t)(end - host);
	for (i = 0; i < sizeof(registries) / sizeof(registries[0]); i++) {
		h = strlen(registries[i].host);
		if (n < h || strncmp(end - h, registries[i].host, h) != 0)
			continue;
		if (n == h || end[-(long)h - 1] == '.')
			return &registries[i];
	}
	return NULL;
}

/* pkg:<type>/[<namespace>/]<name> of a registry's package name, through
 * lib/ident; NULL (no error) when the name does not fit the type. */
static int build_purl(struct tplc_cve5_parser *p, const struct registry *r,
                      const char *name, const char **out)
{
	struct tplc_purl purl;
	char *copy = tplx_strdup(name), *sep = NULL, *s = NULL;
	int error = 0;

	*out = NULL;
	if (copy == NULL)
		return nomem(p);
	memset(&purl, 0, sizeof(purl));
	purl.type = (char *)(uintptr_t)r->type;
	purl.name = copy;
	if (r->naming == MAVEN)
		sep = strchr(copy, ':');
	else if (r->naming == SLASHED || (r->naming == NPM && copy[0] == '@'))
		sep = strrchr(copy, '/');
	if (r->naming == MAVEN && sep == NULL)
		error = TPLC_EPARSE;
	if (sep != NULL) {
		*sep = '\0';
		purl.namespace = copy;
		purl.name = sep + 1;
	}
	if (error == 0)
		error = tplc_purl_format(&s, &purl, NULL);
	if (error == 0)
		error = tplc_advisory_build_str(&p->b, out, s);
	tplc_free(s);
	tplx_free(copy);
	/* a name that does not fit the type: no purl, the words stay */
	return error == TPLC_ENOMEM ? nomem(p) : 0;
}

/* "n/a" is how CVE records say "none". */
static const char *words(const char *s)
{
	return s == NULL || tplx_strcaseeq(s, "n/a") || tplx_is_blank(s) ? NULL
	                                                                 : s;
}

/* cpes[]: strings, at most TPLC_CVE5_CPES_MAX; each bound to a 2.3
 * formatted string when lib/ident reads it, else kept as written. */
static int read_cpes(struct tplc_cve5_parser *p, const struct tplx_json *cpes,
                     const struct tplx_jpath *path, struct identity *id)
{
	struct tplx_jpath item;
	size_t i;
	int error = 0;

	if (cpes == NULL)
		return 0;
	if (cpes->u.array.count > TPLC_CVE5_CPES_MAX) {
		char where[TPLC_ERROR_PATH_MAX];
		unsigned long line, column;

		tplx_json_locate(p->doc, cpes->offset, &line, &column);
		return tplc_error_set_at(
		        p->err, TPLC_ELIMIT, p->doc->source, line, column,
		        tplx_jpath_format(path, where, sizeof(where)),
		        "more than %d CPE names", TPLC_CVE5_CPES_MAX);
	}
	for (i = 0; i < cpes->u.array.count && error == 0; i++) {
		const struct tplx_json *c = cpes->u.array.items[i];
		struct tplc_cpe *cpe = NULL;
		char *fs = NULL;

		item = tplx_jpath_index(path, i);
		error = tplx_json_expect(p->doc, c, &item, TPLX_JSON_STRING,
		                         p->err);
		if (error != 0 || tplx_is_blank(c->u.string.ptr))
			continue;
		error = tplc_cpe_parse(&cpe, c->u.string.ptr, NULL);
		if (error == 0)
			error = tplc_cpe_format(&fs, cpe, NULL);
		if (error == TPLC_ENOMEM) {
			tplc_cpe_free(cpe);
			return nomem(p);
		}
		error = tplc_advisory_build_str(&p->b, &id->cpes[id->cpe_count],
		                                fs != NULL ? fs
		                                           : c->u.string.ptr);
		tplc_free(fs);
		tplc_cpe_free(cpe);
		if (error == 0)
			id->cpe_count++;
	}
	return error;
}

/* ---- versions -------------------------------------------------------- */

struct version {
	const char *version, *status, *type, *less_than, *less_equal;
};

static bool from_the_start(const char *v)
{
	return strcmp(v, "0") == 0 || strcmp(v, "*") == 0 ||
	       tplx_strcaseeq(v, "unspecified") || tplx_strcaseeq(v, "n/a");
}

/* The vers scheme of a versionType: lib/ident's name, "python" as pypi,
 * else the package's, else generic.  NULL: cannot be compared (git). */
static const char *scheme_of(const char *type, const struct identity *id)
{
	if (type != NULL && strcmp(type, "git") == 0)
		return NULL;
	if (type != NULL && strcmp(type, "python") == 0)
		return "pypi";
	if (type != NULL && tplc_version_scheme_supported(type))
		return type;
	return id->scheme != NULL ? id->scheme : "generic";
}

/* "6.6.*" as an upper bound (lessThanOrEqual, Linux kernel records) is
 * "<6.7" ("<6.7.0" in semver): out, or false when s is no such bound. */
static bool wildcard_bound(const char *s, const char *scheme, char *out,
                           size_t size)
{
	size_t n = strlen(s), start, i, dots = 0;
	long number = 0;
	int w;

	if (n < 3 || strcmp(s + n - 2, ".*") != 0 || n - 2 >= size)
		return false;
	n -= 2;
	for (start = n; start > 0 && s[start - 1] != '.'; start--)
		;
	if (n - start == 0 || n - start > 9)
		return false;
	for (i = start; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		number = number * 10 + (s[i] - '0');
	}
	for (i = 0; i < start; i++)
		dots += s[i] == '.';
	w = snprintf(out, size, "%.*s%ld%s", (int)start, s, number + 1,
	             strcmp(scheme, "semver") != 0 ? ""
	             : dots == 0                   ? ".0.0"
	             : dots == 1                   ? ".0"
	                                           : "");
	return w > 0 && (size_t)w < size;
}

/* A generic version must look like one: a digit first (or v1.2). */
static bool generic_ok(const char *s)
{
	if (s[0] == 'v' || s[0] == 'V')
		s++;
	return s[0] >= '0' && s[0] <= '9';
}

/* vers:<scheme>/>=v|<lt (or <=, or the exact version) into buf;
 * TPLC_EPARSE when there is no version to compare. */
static int build_range(struct tplx_buf *buf, const char *scheme,
                       const struct version *v)
{
	const char *upper = v->less_equal ? v->less_equal : v->less_than;
	const char *op = v->less_equal ? "<=" : "<";
	char bump[128];
	bool lower = true;
	int error = tplx_buf_addf(buf, "vers:%s/", scheme);

	if (v->less_equal != NULL &&
	    wildcard_bound(v->less_equal, scheme, bump, sizeof(bump))) {
		upper = bump;
		op = "<";
	}
	if (strcmp(scheme, "generic") == 0 &&
	    ((upper != NULL && strcmp(upper, "*") != 0 && !generic_ok(upper)) ||
	     (!from_the_start(v->version) && !generic_ok(v->version))))
		return TPLC_EPARSE; /* "log4j-core*": words, not versions */

	if (upper == NULL) { /* one version, or all */
		if (tplx_strcaseeq(v->version, "n/a") ||
		    tplx_strcaseeq(v->version, "unspecified"))
			return TPLC_EPARSE;
		if (error == 0 && strcmp(v->version, "*") == 0)
			return tplx_buf_addc(buf, '*');
		return error ? error
		             : tplc_advisory__vers_add_version(buf, v->version);
	}
	if (strcmp(upper, "*") == 0)
		upper = NULL; /* no upper bound */
	lower = !from_the_start(v->version);
	if (error == 0 && !lower && upper == NULL)
		return tplx_buf_addc(buf, '*');
	if (error == 0 && lower)
		error = tplx_buf_adds(buf, ">=");
	if (error == 0 && lower)
		error = tplc_advisory__vers_add_version(buf, v->version);
	if (error == 0 && lower && upper != NULL)
		error = tplx_buf_addc(buf, '|');
	if (error == 0 && upper != NULL)
		error = tplx_buf_adds(buf, op);
	if (error == 0 && upper != NULL)
		error = tplc_advisory__vers_add_version(buf, upper);
	return error;
}

/* The source's words for a version entry, kept when not understood. */
static int range_words(struct tplx_buf *buf, const struct version *v)
{
	int error = tplx_buf_addf(buf, "%s %s", v->type ? v->type : "version",
	                          v->version);

	if (error == 0 && v->less_than != NULL)
		error = tplx_buf_addf(buf, " to <%s", v->less_than);
	if (error == 0 && v->less_equal != NULL)
		error = tplx_buf_addf(buf, " to <=%s", v->less_equal);
	return error;
}

static int add_entries(struct tplc_cve5_parser *p, size_t vuln,
                       const struct identity *id, enum tplc_status status,
                       const char *range, const char *text, const char *fixed)
{
	size_t i, n = id->cpe_count + (id->purl || !id->cpe_count ? 1 : 0);
	size_t index;

	for (i = 0; i < n && p->b.error == 0; i++) {
		struct tplc_affected *a;

		if (tplc_advisory_build_affected(&p->b, vuln, &index) != 0)
			return TPLC_ENOMEM;
		a = &p->b.affected[index];
		a->status = status;
		if (i < id->cpe_count || id->purl == NULL) {
			a->vendor = id->vendor;
			a->product = id->product;
		}
		if (i < id->cpe_count)
			a->cpe = id->cpes[i];
		else
			a->purl = id->purl;
		tplc_advisory_build_str(&p->b, &a->range, range);
		tplc_advisory_build_str(&p->b, &a->range_text, text);
		tplc_advisory_build_str(&p->b, &a->fixed_in, fixed);
	}
	return p->b.error;
}

static int status_of(struct tplc_cve5_parser *p, const struct tplx_json *obj,
                     const struct tplx_jpath *path, const char *key,
                     const char *s, enum tplc_status *out)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);

	if (strcmp(s, "affected") == 0)
		*out = TPLC_STATUS_AFFECTED;
	else if (strcmp(s, "unaffected") == 0)
		*out = TPLC_STATUS_NOT_AFFECTED;
	else if (strcmp(s, "unknown") == 0)
		*out = TPLC_STATUS_UNDER_INVESTIGATION;
	else
		return tplx_json_fail(p->doc, tplx_json_get(obj, key), &at,
		                      p->err,
		                      "unknown status \"%.32s\" (expected "
		                      "affected, unaffected or unknown)",
		                      s);
	return 0;
}

static int read_version(struct tplc_cve5_parser *p, size_t vuln,
                        const struct identity *id, const struct tplx_json *obj,
                        const struct tplx_jpath *path)
{
	struct tplx_buf range = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	struct tplx_buf text = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	struct version v;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("version", &v.version, true),
		TPLX_FIELD_STRING("status", &v.status, true),
		TPLX_FIELD_STRING("versionType", &v.type, false),
		TPLX_FIELD_STRING("lessThan", &v.less_than, false),
		TPLX_FIELD_STRING("lessThanOrEqual", &v.less_equal, false),
	};
	enum tplc_status status;
	const char *scheme, *fixed = NULL;
	int error;

	error = tplx_json_fields(p->doc, obj, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = status_of(p, obj, path, "status", v.status, &status);
	if (error != 0)
		return error;
	scheme = scheme_of(v.type, id);
	error = scheme ? build_range(&range, scheme, &v) : TPLC_EPARSE;
	if (error == 0)
		error = tplc_advisory__vers_check(tplx_buf_str(&range));
	if (error == TPLC_EPARSE && scheme != NULL &&
	    strcmp(scheme, "generic") != 0) { /* "semver" 6.2 (Linux) */
		tplx_buf_reset(&range);
		error = build_range(&range, "generic", &v);
		if (error == 0)
			error = tplc_advisory__vers_check(tplx_buf_str(&range));
	}
	if (error == TPLC_EPARSE) { /* not understood: the words stay */
		tplx_buf_release(&range);
		error = range_words(&text, &v);
	}
	if (status == TPLC_STATUS_AFFECTED && v.less_than != NULL &&
	    strcmp(v.less_than, "*") != 0 && range.len > 0)
		fixed = v.less_than;
	if (error == 0)
		error = add_entries(p, vuln, id, status,
		                    range.len ? tplx_buf_str(&range) : NULL,
		                    text.len ? tplx_buf_str(&text) : NULL,
		                    fixed);
	tplx_buf_release(&range);
	tplx_buf_release(&text);
	if (error == TPLC_ELIMIT)
		error = tplx_json_fail(p->doc, obj, path, p->err,
		                       "version longer than %zu bytes",
		                       TPLC_ADVISORY_VERS_MAX);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* ---- items ------------------------------------------------------------- */

static int read_item(struct tplc_cve5_parser *p, size_t vuln,
                     const struct tplx_json *item,
                     const struct tplx_jpath *path)
{
	struct tplx_jpath versions_at = tplx_jpath_key(path, "versions");
	struct tplx_jpath cpes_at = tplx_jpath_key(path, "cpes"), at;
	const char *vendor, *product, *package, *collection, *def;
	const struct tplx_json *cpes, *versions;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("vendor", &vendor, false),
		TPLX_FIELD_STRING("product", &product, false),
		TPLX_FIELD_STRING("packageName", &package, false),
		TPLX_FIELD_STRING("collectionURL", &collection, false),
		TPLX_FIELD_STRING("defaultStatus", &def, false),
		TPLX_FIELD_NODE("cpes", TPLX_JSON_ARRAY, &cpes, false),
		TPLX_FIELD_NODE("versions", TPLX_JSON_ARRAY, &versions, false),
	};
	struct identity id;
	const struct registry *r = NULL;
	enum tplc_status status = TPLC_STATUS_UNDER_INVESTIGATION;
	size_t i, n;
	int error;

	memset(&id, 0, sizeof(id));
	error = tplx_json_fields(p->doc, item, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0 && def != NULL)
		error = status_of(p, item, path, "defaultStatus", def, &status);
	if (error == 0)
		error = read_cpes(p, cpes, &cpes_at, &id);
	if (error != 0)
		return error;
	if (collection != NULL && words(package) != NULL)
		r = find_registry(collection);
	if (r != NULL)
		error = build_purl(p, r, package, &id.purl);
	if (id.purl != NULL)
		id.scheme = tplc_version_scheme_for_purl_type(r->type);
	if (words(product) == NULL)
		product = words(package);
	tplc_advisory_build_str(&p->b, &id.vendor, words(vendor));
	tplc_advisory_build_str(&p->b, &id.product, words(product));
	if (error == 0 && id.purl == NULL && id.product == NULL &&
	    id.cpe_count == 0) /* no identity at all: kept as written */
		tplc_advisory_build_str(&p->b, &id.product, product);
	if (error == 0)
		error = p->b.error;
	n = versions ? versions->u.array.count : 0;
	for (i = 0; i < n && error == 0; i++) {
		at = tplx_jpath_index(&versions_at, i);
		error = read_version(p, vuln, &id, versions->u.array.items[i],
		                     &at);
	}
	/* every version not listed has the default status */
	if (error == 0 &&
	    (n == 0 || (def != NULL && status == TPLC_STATUS_AFFECTED)))
		error = add_entries(p, vuln, &id,
		                    n == 0 && def == NULL ? TPLC_STATUS_AFFECTED
		                                          : status,
		                    NULL, NULL, NULL);
	return error;
}

bool tplc_cve5_has_cpes(const struct tplx_json *affected)
{
	size_t i;

	for (i = 0; affected != NULL && affected->type == TPLX_JSON_ARRAY &&
	            i < affected->u.array.count;
	     i++) {
		const struct tplx_json *c =
		        tplx_json_get(affected->u.array.items[i], "cpes");

		if (c != NULL && c->type == TPLX_JSON_ARRAY &&
		    c->u.array.count > 0)
			return true;
	}
	return false;
}

int tplc_cve5_affected_read(struct tplc_cve5_parser *p, size_t vuln,
                            const struct tplx_json *list,
                            const struct tplx_jpath *path, bool only_cpes)
{
	struct tplx_jpath at;
	size_t i;
	int error = 0;

	for (i = 0; list != NULL && i < list->u.array.count && error == 0;
	     i++) {
		const struct tplx_json *item = list->u.array.items[i];
		const struct tplx_json *cpes = tplx_json_get(item, "cpes");

		at = tplx_jpath_index(path, i);
		error = tplx_json_expect(p->doc, item, &at, TPLX_JSON_OBJECT,
		                         p->err);
		if (error == 0 && only_cpes &&
		    (cpes == NULL || cpes->type != TPLX_JSON_ARRAY ||
		     cpes->u.array.count == 0))
			continue;
		if (error == 0)
			error = read_item(p, vuln, item, &at);
	}
	return error;
}

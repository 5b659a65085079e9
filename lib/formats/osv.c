/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSV records (one, or a JSON array of them).  Each record is one
 * vulnerability, named by its CVE alias when it has one; each affected
 * package is a purl (given, or built from ecosystem and name) whose ranges
 * osv-range.c turns into affected entries.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "advisory-build.h"
#include "osv.h"
#include "tplc/advisory.h"
#include "tplc/cvss.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "tplc/version.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

/*
 * How an ecosystem's package name becomes purl namespace and name: npm
 * "@scope/x", Maven "group:artifact", Go/Packagist/GitHub "a/b/c" (all but
 * the last segment), SwiftURL "https://github.com/o/r.git", VSCode
 * "publisher.name"; REPO: the name is a repository URL, kept as product.
 */
enum naming { PLAIN, NPM, MAVEN, SLASHED, SWIFT, DOTTED, REPO };

/*
 * Every ecosystem of the OSV schema's list (ecosystems.json), with the
 * purl type that names its packages and the vers scheme that orders its
 * ECOSYSTEM ranges, where one exists.  A NULL scheme: versions of that
 * ecosystem are not compared (ranges kept as words, versions[] as exact
 * versions); a NULL type: the package is "ecosystem:name" as product.
 * "Root:<ecosystem>..." is read as the ecosystem after "Root:".
 */
static const struct ecosystem {
	const char *name;
	const char *type;      /* purl type, or NULL */
	const char *namespace; /* fixed purl namespace, or NULL */
	enum naming naming;
	const char *scheme; /* vers scheme, or NULL */
} ecosystems[] = {
	{ "AlmaLinux", "rpm", "almalinux", PLAIN, "rpm" },
	{ "Alpaquita", "apk", "alpaquita", PLAIN, "apk" },
	{ "Alpine", "apk", "alpine", PLAIN, "apk" },
	{ "Android", NULL, NULL, PLAIN, NULL },
	{ "Azure Linux", "rpm", "azurelinux", PLAIN, "rpm" },
	{ "BellSoft Hardened Containers", NULL, NULL, PLAIN, NULL },
	{ "Bioconductor", NULL, NULL, PLAIN, NULL },
	{ "Bitnami", "bitnami", NULL, PLAIN, NULL },
	{ "Chainguard", "apk", "chainguard", PLAIN, "apk" },
	{ "CleanStart", NULL, NULL, PLAIN, NULL },
	{ "ConanCenter", "conan", NULL, PLAIN, "conan" },
	{ "CRAN", "cran", NULL, PLAIN, NULL },
	{ "crates.io", "cargo", NULL, PLAIN, "cargo" },
	{ "Debian", "deb", "debian", PLAIN, "deb" },
	{ "Docker Hardened Images", NULL, NULL, PLAIN, NULL },
	{ "Echo", NULL, NULL, PLAIN, NULL },
	{ "FreeBSD", NULL, NULL, PLAIN, NULL },
	{ "GHC", NULL, NULL, PLAIN, NULL },
	{ "GIT", NULL, NULL, REPO, NULL },
	{ "GitHub Actions", "github", NULL, SLASHED, NULL },
	{ "Go", "golang", NULL, SLASHED, "golang" },
	{ "Hackage", "hackage", NULL, PLAIN, NULL },
	{ "Hex", "hex", NULL, PLAIN, "hex" },
	{ "Julia", NULL, NULL, PLAIN, NULL }, /* purl needs the uuid */
	{ "Kubernetes", "golang", NULL, SLASHED, "golang" },
	{ "Linux", NULL, NULL, PLAIN, NULL },
	{ "Mageia", "rpm", "mageia", PLAIN, "rpm" },
	{ "Maven", "maven", NULL, MAVEN, "maven" },
	{ "MinimOS", "apk", "minimos", PLAIN, "apk" },
	{ "npm", "npm", NULL, NPM, "npm" },
	{ "NuGet", "nuget", NULL, PLAIN, "nuget" },
	{ "opam", "opam", NULL, PLAIN, NULL },
	{ "openEuler", "rpm", "openeuler", PLAIN, "rpm" },
	{ "openSUSE", "rpm", "opensuse", PLAIN, "rpm" },
	{ "OSS-Fuzz", NULL, NULL, PLAIN, NULL },
	{ "Packagist", "composer", NULL, SLASHED, "composer" },
	{ "Photon OS", "rpm", "photon", PLAIN, "rpm" },
	{ "Pub", "pub", NULL, PLAIN, "pub" },
	{ "PyPI", "pypi", NULL, PLAIN, "pypi" },
	{ "Red Hat", "rpm", "redhat", PLAIN, "rpm" },
	{ "Rocky Linux", "rpm", "rocky-linux", PLAIN, "rpm" },
	{ "RubyGems", "gem", NULL, PLAIN, "gem" },
	{ "SUSE", "rpm", "suse", PLAIN, "rpm" },
	{ "SwiftURL", "swift", NULL, SWIFT, "semver" },
	{ "TuxCare", NULL, NULL, PLAIN, NULL },
	{ "Ubuntu", "deb", "ubuntu", PLAIN, "deb" },
	{ "VSCode", "vscode-extension", NULL, DOTTED, NULL },
	{ "Wolfi", "apk", "wolfi", PLAIN, "apk" },
};

static int nomem(struct tplc_osv_parser *p)
{
	return tplc_advisory_build_nomem(&p->b);
}

static const struct ecosystem *find_ecosystem(const char *name)
{
	size_t i, n;

	if (strncmp(name, "Root:", 5) == 0) /* "Root:Alpine:3.18" */
		name += 5;
	n = strcspn(name, ":"); /* "Debian:11", "Alpine:v3.16" */
	for (i = 0; i < sizeof(ecosystems) / sizeof(ecosystems[0]); i++)
		if (strlen(ecosystems[i].name) == n &&
		    strncmp(ecosystems[i].name, name, n) == 0)
			return &ecosystems[i];
	return NULL;
}

/*
 * The vers scheme of a given purl's type (lib/ident's table), for records
 * in an ecosystem not above ("Red Hat:..." with pkg:rpm/...); NULL when
 * there is none: "generic" would compare the versions wrongly.
 */
static const char *purl_scheme(const char *purl)
{
	char type[32];
	const char *scheme;
	size_t n;

	if (purl == NULL || strncmp(purl, "pkg:", 4) != 0)
		return NULL;
	n = strcspn(purl + 4, "/");
	if (n == 0 || n >= sizeof(type))
		return NULL;
	memcpy(type, purl + 4, n);
	type[n] = '\0';
	scheme = tplc_version_scheme_for_purl_type(type);
	return strcmp(scheme, "generic") == 0 ? NULL : scheme;
}

/* A purl without its version: "pkg:npm/a@1.0?x=y" is "pkg:npm/a?x=y". */
static int strip_version(struct tplc_osv_parser *p, const char *purl,
                         const char **out)
{
	size_t end = strcspn(purl, "?#"), at = end, slash = 0, i;
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	int error;

	for (i = 0; i < end; i++)
		if (purl[i] == '/')
			slash = i;
	for (i = end; i > slash; i--)
		if (purl[i - 1] == '@') {
			at = i - 1;
			break;
		}
	if (at == end)
		return tplc_advisory_build_str(&p->b, out, purl);
	error = tplx_buf_add(&buf, purl, at);
	if (error == 0)
		error = tplx_buf_adds(&buf, purl + end);
	if (error == 0)
		error = tplc_advisory_build_str(&p->b, out, tplx_buf_str(&buf));
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* Format purl (lib/ident: canonical) into the arena; TPLC_EPARSE when
 * lib/ident does not take it. */
static int format_purl(struct tplc_osv_parser *p, const struct tplc_purl *purl,
                       const char **out)
{
	char *s = NULL;
	int error = tplc_purl_format(&s, purl, NULL);

	if (error == 0)
		error = tplc_advisory_build_str(&p->b, out, s);
	else if (error != TPLC_ENOMEM)
		error = TPLC_EPARSE;
	tplc_free(s);
	return error;
}

/* A purl given by the record, canonical and without its version. */
static int given_purl(struct tplc_osv_parser *p, const char *given,
                      const char **out)
{
	struct tplc_purl *parsed = NULL, key;
	int error = tplc_purl_parse(&parsed, given, NULL);

	if (error == 0) {
		key = *parsed;
		key.version = NULL;
		error = format_purl(p, &key, out);
	}
	tplc_purl_free(parsed);
	if (error == TPLC_ENOMEM)
		return nomem(p);
	return error == 0 ? 0 : strip_version(p, given, out);
}

/*
 * pkg:<type>/[<namespace>/]<name> from an OSV package name: npm "@scope/x"
 * has namespace @scope, Maven "group:artifact", Go and Packagist names
 * keep all but their last segment as namespace.  lib/ident encodes and
 * normalises (PyPI lowercase with '-').  TPLC_EPARSE when the name does
 * not fit the ecosystem's form.
 */
static int build_purl(struct tplc_osv_parser *p, const struct ecosystem *e,
                      const char *name, const char **out)
{
	struct tplc_purl purl;
	char *copy, *sep = NULL;
	size_t n;
	int error = 0;

	if (e->type == NULL)
		return TPLC_EPARSE;
	if (e->naming == SWIFT) { /* a URL: host/owner/repo */
		if (strncmp(name, "https://", 8) == 0)
			name += 8;
		else if (strncmp(name, "http://", 7) == 0)
			name += 7;
	}
	copy = tplx_strdup(name);
	if (copy == NULL)
		return nomem(p);
	n = strlen(copy);
	if (e->naming == SWIFT && n > 4 && strcmp(copy + n - 4, ".git") == 0)
		copy[n - 4] = '\0';
	memset(&purl, 0, sizeof(purl));
	purl.type = (char *)(uintptr_t)e->type;
	purl.namespace = (char *)(uintptr_t)e->namespace;
	purl.name = copy;
	if (e->naming == MAVEN)
		sep = strchr(copy, ':');
	else if (e->naming == DOTTED)
		sep = strchr(copy, '.');
	else if (e->naming == SLASHED || e->naming == SWIFT ||
	         (e->naming == NPM && copy[0] == '@'))
		sep = strrchr(copy, '/');
	if ((e->naming == MAVEN || e->naming == DOTTED || e->naming == SWIFT) &&
	    sep == NULL)
		error = TPLC_EPARSE;
	if (sep != NULL) {
		*sep = '\0';
		purl.namespace = copy;
		purl.name = sep + 1;
	}
	if (error == 0)
		error = format_purl(p, &purl, out);
	tplx_free(copy);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* ---- identity --------------------------------------------------------- */

int tplc_osv_package_read(struct tplc_osv_parser *p,
                          const struct tplx_json *affected,
                          const struct tplx_jpath *path,
                          struct tplc_osv_package *pkg)
{
	struct tplx_jpath at = tplx_jpath_key(path, "package");
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	const struct tplx_json *package, *ranges;
	const struct ecosystem *e;
	const char *name = NULL, *purl = NULL, *repo = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("ecosystem", &pkg->ecosystem, true),
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("purl", &purl, false),
	};
	size_t i;
	int error;

	memset(pkg, 0, sizeof(*pkg));
	error = tplx_json_opt_object(p->doc, affected, path, "package",
	                             &package, p->err);
	if (error == 0 && package != NULL)
		error = tplx_json_fields(p->doc, package, &at, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error != 0)
		return error;
	if (package == NULL) { /* a repository only: its GIT range names it */
		ranges = tplx_json_get(affected, "ranges");
		for (i = 0; ranges != NULL && ranges->type == TPLX_JSON_ARRAY &&
		            i < ranges->u.array.count && repo == NULL;
		     i++)
			repo = tplx_json_string(tplx_json_get(
			        ranges->u.array.items[i], "repo"));
		if (repo == NULL)
			return tplx_json_fail(p->doc, affected, path, p->err,
			                      "names no package and no "
			                      "repository");
		return tplc_advisory_build_str(&p->b, &pkg->product, repo);
	}
	e = find_ecosystem(pkg->ecosystem);
	pkg->scheme = e && e->scheme ? e->scheme : purl_scheme(purl);
	if (purl != NULL && purl[0] != '\0')
		return given_purl(p, purl, &pkg->purl);
	if (e != NULL && e->naming == REPO) /* "GIT": a repository URL */
		return tplc_advisory_build_str(&p->b, &pkg->product, name);
	error = e ? build_purl(p, e, name, &pkg->purl) : TPLC_EPARSE;
	if (error == TPLC_EPARSE) { /* no purl: keep the words */
		error = tplx_buf_addf(&buf, "%s:%s", pkg->ecosystem, name);
		if (error == 0)
			error = tplc_advisory_build_str(&p->b, &pkg->product,
			                                tplx_buf_str(&buf));
	}
	if (error == TPLC_ELIMIT)
		error = tplx_json_fail(p->doc, package, &at, p->err,
		                       "package name too long");
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* ---- records ---------------------------------------------------------- */

static bool is_cve(const char *s)
{
	return s != NULL && strncmp(s, "CVE-", 4) == 0;
}

/* The CVE alias (or the record's own CVE id) names the vulnerability;
 * the record id and the other aliases are its aliases. */
static int read_ids(struct tplc_osv_parser *p, const struct tplx_json *rec,
                    const struct tplx_jpath *path, const char *id,
                    struct tplc_vuln *v)
{
	struct tplx_jpath at = tplx_jpath_key(path, "aliases"), item;
	const struct tplx_json *aliases;
	const char *name = is_cve(id) ? id : NULL, **list;
	size_t i, n = 0, count;
	int error;

	error = tplx_json_opt_array(p->doc, rec, path, "aliases", &aliases,
	                            p->err);
	count = aliases ? aliases->u.array.count : 0;
	for (i = 0; error == 0 && i < count; i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(p->doc, aliases->u.array.items[i],
		                         &item, TPLX_JSON_STRING, p->err);
		if (error == 0 && name == NULL &&
		    is_cve(aliases->u.array.items[i]->u.string.ptr))
			name = aliases->u.array.items[i]->u.string.ptr;
	}
	if (error != 0)
		return error;
	if (name == NULL)
		name = id;
	list = tplx_arena_array(p->b.adv->arena, count + 1, sizeof(*list));
	if (list == NULL)
		return nomem(p);
	tplc_advisory_build_str(&p->b, &v->id, name);
	if (name != id && tplc_advisory_build_str(&p->b, &list[n], id) == 0 &&
	    list[n] != NULL)
		n++;
	for (i = 0; i < count; i++) {
		const char *alias = aliases->u.array.items[i]->u.string.ptr;

		if (alias != name &&
		    tplc_advisory_build_str(&p->b, &list[n], alias) == 0 &&
		    list[n] != NULL)
			n++;
	}
	v->aliases = n > 0 ? list : NULL;
	v->alias_count = n;
	return p->b.error;
}

/* The CVSS version a vector states ("CVSS:3.1/..." is "3.1"); v2 vectors
 * have no prefix. */
static const char *cvss_version(const char *type, const char *vector)
{
	static const char *const known[] = { "2.0", "3.0", "3.1", "4.0" };
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strncmp(vector, "CVSS:", 5) == 0 &&
		    strncmp(vector + 5, known[i], 3) == 0 && vector[8] == '/')
			return known[i];
	if (strcmp(type, "CVSS_V2") == 0)
		return "2.0";
	return strcmp(type, "CVSS_V4") == 0 ? "4.0" : "3.0";
}

/* OSV gives vectors only: the base score is computed (lib/risk), -1 for
 * a vector that does not score. */
static double base_score(const char *vector)
{
	struct tplc_cvss_scores s;
	struct tplc_error why;

	return tplc_cvss_score(&s, vector, &why) == 0 ? s.base : -1;
}

/*
 * severity[]: every CVSS vector is a metric, scored here, and the best
 * one (v3, else v4, else v2) is the vulnerability's vector and score.  database_specific.severity ("MODERATE"), a
 * word and no CVSS, is one more metric with no version, the word as type.
 */
static int read_severity(struct tplc_osv_parser *p, const struct tplx_json *rec,
                         const struct tplx_jpath *path, struct tplc_vuln *v)
{
	static const char *const types[] = { "CVSS_V3", "CVSS_V4", "CVSS_V2" };
	struct tplx_jpath at = tplx_jpath_key(path, "severity"), item;
	const struct tplx_json *list, *db;
	const char *type, *score, *best = NULL, *word;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("type", &type, true),
		TPLX_FIELD_STRING("score", &score, true),
	};
	double best_score = -1;
	struct tplc_metric *m = NULL;
	size_t i, k, rank = 3, count;
	int error;

	error = tplx_json_opt_array(p->doc, rec, path, "severity", &list,
	                            p->err);
	if (error != 0)
		return error;
	db = tplx_json_get(rec, "database_specific");
	word = tplx_json_string(tplx_json_get(db, "severity"));
	count = (list ? list->u.array.count : 0) + (word != NULL);
	if (count > 0) {
		m = tplx_arena_array(p->b.adv->arena, count, sizeof(*m));
		if (m == NULL)
			return nomem(p);
	}
	for (i = 0; list != NULL && i < list->u.array.count; i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, list->u.array.items[i], &item,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
		if (error != 0)
			return error;
		for (k = 0; k < rank; k++) {
			if (strcmp(type, types[k]) == 0) {
				best = score;
				rank = k;
			}
		}
		if (strncmp(type, "CVSS_V", 6) != 0)
			continue; /* "Ubuntu": a word of its own scale */
		m[v->metric_count].score = base_score(score);
		m[v->metric_count].version = cvss_version(type, score);
		tplc_advisory_build_str(&p->b, &m[v->metric_count].vector,
		                        score);
		if (score == best)
			best_score = m[v->metric_count].score;
		v->metric_count++;
	}
	if (word != NULL) {
		m[v->metric_count].score = -1;
		tplc_advisory_build_str(&p->b, &m[v->metric_count].type, word);
		v->metric_count++;
	}
	v->metrics = v->metric_count > 0 ? m : NULL;
	tplc_advisory_build_str(&p->b, &v->cvss_vector, best);
	if (v->cvss_score < 0)
		v->cvss_score = best_score;
	return p->b.error;
}

/* database_specific: cwe_ids[0] and a numeric cvss_score, when given. */
static int read_database_specific(struct tplc_osv_parser *p,
                                  const struct tplx_json *rec,
                                  const struct tplx_jpath *path,
                                  struct tplc_vuln *v)
{
	const struct tplx_json *db, *cwes, *score;
	int error;

	error = tplx_json_opt_object(p->doc, rec, path, "database_specific",
	                             &db, p->err);
	if (error != 0 || db == NULL)
		return error;
	cwes = tplx_json_get(db, "cwe_ids");
	if (cwes != NULL && cwes->type == TPLX_JSON_ARRAY &&
	    cwes->u.array.count > 0)
		error = tplc_advisory_build_str(
		        &p->b, &v->cwe,
		        tplx_json_string(cwes->u.array.items[0]));
	score = tplx_json_get(db, "cvss_score");
	if (error == 0 && score != NULL && score->type == TPLX_JSON_NUMBER &&
	    score->u.number.value >= 0 && score->u.number.value <= 10)
		v->cvss_score = score->u.number.value;
	return error;
}

/* GHSA records carry CWEs per package: the first, when the record has
 * none of its own. */
static int cwe_from_affected(struct tplc_osv_parser *p,
                             const struct tplx_json *list, struct tplc_vuln *v)
{
	const struct tplx_json *db, *cwes;
	size_t i;

	for (i = 0; v->cwe == NULL && list != NULL && i < list->u.array.count;
	     i++) {
		db = tplx_json_get(list->u.array.items[i], "database_specific");
		cwes = tplx_json_get(db, "cwes");
		if (cwes != NULL && cwes->type == TPLX_JSON_ARRAY &&
		    cwes->u.array.count > 0)
			return tplc_advisory_build_str(
			        &p->b, &v->cwe,
			        tplx_json_string(tplx_json_get(
			                cwes->u.array.items[0], "cweId")));
	}
	return 0;
}

int tplc_osv_record_read(struct tplc_osv_parser *p, const struct tplx_json *rec,
                         const struct tplx_jpath *path, bool only)
{
	struct tplx_jpath at = tplx_jpath_key(path, "affected"), item;
	const char *id, *modified, *published, *summary, *details, *withdrawn;
	const struct tplx_json *affected;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("modified", &modified, true),
		TPLX_FIELD_STRING("published", &published, false),
		TPLX_FIELD_STRING("summary", &summary, false),
		TPLX_FIELD_STRING("details", &details, false),
		TPLX_FIELD_STRING("withdrawn", &withdrawn, false),
		TPLX_FIELD_NODE("affected", TPLX_JSON_ARRAY, &affected, false),
	};
	struct tplc_advisory *adv = p->b.adv;
	struct tplc_vuln *v;
	size_t index, i;
	int error;

	error = tplx_json_fields(p->doc, rec, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = tplc_advisory_build_vuln(&p->b, &index);
	if (error != 0)
		return error;
	v = &p->b.vulns[index];
	tplc_advisory_build_str(&p->b, &v->title, summary);
	tplc_advisory_build_str(&p->b, &v->description, details);
	tplc_advisory_build_str(&p->b, &v->published, published);
	tplc_advisory_build_str(&p->b, &v->modified, modified);
	tplc_advisory_build_str(&p->b, &v->withdrawn, withdrawn);
	error = p->b.error;
	if (error == 0)
		error = read_ids(p, rec, path, id, v);
	if (error == 0)
		error = read_severity(p, rec, path, v);
	if (error == 0)
		error = read_database_specific(p, rec, path, v);
	if (error == 0)
		error = cwe_from_affected(p, affected, v);
	if (error == 0 && only) { /* the record is the advisory */
		tplc_advisory_build_str(&p->b, &adv->id, id);
		adv->title = v->title;
		adv->published = v->published;
		adv->modified = v->modified;
		error = p->b.error;
	}
	for (i = 0; error == 0 && affected && i < affected->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplc_osv_affected_read(
		        p, index, affected->u.array.items[i], &item);
	}
	return error;
}

int tplc_osv_parse(struct tplc_advisory **out, const char *data, size_t len,
                   const char *source, struct tplc_error *err)
{
	struct tplc_osv_parser p;
	struct tplx_jpath root = TPLX_JPATH_ROOT, item;
	struct tplx_json_doc *doc = NULL;
	const struct tplx_json *r;
	size_t i, n;
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.err = err;
	error = tplc_advisory_build_init(&p.b, "osv", err);
	if (error != 0)
		return error;
	error = tplx_json_parse(&doc, data, len, source, err);
	if (error != 0)
		goto out;
	p.doc = doc;
	r = doc->root;
	if (r->type != TPLX_JSON_ARRAY) {
		error = tplc_osv_record_read(&p, r, &root, true);
		goto out;
	}
	n = r->u.array.count;
	if (n == 0)
		error = tplx_json_fail(p.doc, r, &root, err, "no OSV records");
	for (i = 0; i < n && error == 0; i++) {
		item = tplx_jpath_index(&root, i);
		error = tplc_osv_record_read(&p, r->u.array.items[i], &item,
		                             n == 1);
	}
	if (error == 0 && n > 1) { /* a batch: named by its first record */
		const char *first = tplx_json_string(
		        tplx_json_get(r->u.array.items[0], "id"));

		p.b.adv->id = tplx_arena_printf(p.b.adv->arena, "%s+%zu", first,
		                                n - 1);
		if (p.b.adv->id == NULL)
			error = nomem(&p);
	}
out:
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplx_json_doc_free(doc);
	tplx_free(p.events);
	if (error != 0) {
		tplc_advisory_build_abort(&p.b);
		return error;
	}
	return tplc_advisory_build_finish(&p.b, out);
}

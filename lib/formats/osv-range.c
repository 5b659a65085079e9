/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSV ranges into affected entries.  The events of a SEMVER or ECOSYSTEM
 * range become introduced/closing pairs, one entry each, so that every
 * range is valid vers on its own and nothing here orders versions across
 * pairs: vers:<scheme>/>=a|<b (fixed), <=b (last_affected); limit events
 * cap every pair (the schema: a version at or past every limit is not
 * affected); introduced "0" is no lower bound.  Events written out of
 * order are sorted first (lib/ident compares versions of known schemes).
 * The versions[] list, used when there are no such ranges (or the
 * ecosystem has no scheme), gives exact versions.  GIT ranges name
 * commits, which no version order knows: kept as words, one per pair.
 */
#include <stdlib.h>
#include <string.h>

#include "advisory-build.h"
#include "osv.h"
#include "tplc/version.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"

/* Events in one range; real ones hold a handful. */
#define TPLC_OSV_EVENTS_MAX 1024

enum event_kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT };

struct tplc_osv_event {
	enum event_kind kind;
	const char *version;
};

static int nomem(struct tplc_osv_parser *p)
{
	return tplc_advisory_build_nomem(&p->b);
}

/* ---- ranges ----------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Fallback order for schemes lib/ident does not know: digit runs compare
 * as numbers, the rest byte by byte ("1.10" > "1.9"). */
static int natural_cmp(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (is_digit(*a) && is_digit(*b)) {
			const char *x = a, *y = b;
			size_t n, m;
			int c;

			while (*x == '0')
				x++;
			while (*y == '0')
				y++;
			for (n = 0; is_digit(x[n]); n++)
				;
			for (m = 0; is_digit(y[m]); m++)
				;
			if (n != m)
				return n < m ? -1 : 1;
			c = strncmp(x, y, n);
			if (c != 0)
				return c;
			a = x + n;
			b = y + m;
		} else if (*a != *b) {
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		} else {
			a++;
			b++;
		}
	}
	return *a == *b ? 0 : *a == '\0' ? -1 : 1;
}

/* Versions in the scheme's order, else digit runs as numbers. */
static int compare_versions(const char *a, const char *b, const char *scheme)
{
	int c = 0;

	if (scheme == NULL || tplc_version_compare(&c, scheme, a, b, NULL) != 0)
		c = natural_cmp(a, b);
	return c;
}

/* Event order: introduced "0" first, then by version in the scheme. */
static int compare_events(const struct tplc_osv_event *a,
                          const struct tplc_osv_event *b, const char *scheme)
{
	bool zero_a = a->kind == INTRODUCED && strcmp(a->version, "0") == 0;
	bool zero_b = b->kind == INTRODUCED && strcmp(b->version, "0") == 0;
	int c;

	if (zero_a || zero_b)
		return zero_a == zero_b ? 0 : zero_a ? -1 : 1;
	c = compare_versions(a->version, b->version, scheme);
	if (c != 0)
		return c;
	/* at one version a range closes before the next opens */
	return (a->kind == INTRODUCED) - (b->kind == INTRODUCED);
}

/* A stable insertion of each event into the sorted run before it: events
 * of one range are few, and only written out of order ones get here. */
static void sort_events(struct tplc_osv_event *ev, size_t n, const char *scheme)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct tplc_osv_event e = ev[i];

		for (j = i; j > 0 && compare_events(&ev[j - 1], &e, scheme) > 0;
		     j--)
			ev[j] = ev[j - 1];
		ev[j] = e;
	}
}

/* introduced, close, introduced, close, ...: each open closed in turn. */
static bool in_order(const struct tplc_osv_event *ev, size_t n)
{
	bool open = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((ev[i].kind == INTRODUCED) == open)
			return false;
		open = !open;
	}
	return true;
}

/*
 * The events of range into p->events, limits apart: *limit is the highest
 * limit (NULL when there is none or one is "*", no cap).  Versioned
 * ranges are sorted when written out of order; GIT ranges (sorted false)
 * stay as written: commits have no order of their own.
 */
static int read_events(struct tplc_osv_parser *p, const struct tplx_json *range,
                       const struct tplx_jpath *path, const char *scheme,
                       bool sorted, size_t *count, const char **limit)
{
	bool uncapped = false;
	struct tplx_jpath at = tplx_jpath_key(path, "events"), item;
	const struct tplx_json *events, *e;
	const char *version[4];
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("introduced", &version[INTRODUCED], false),
		TPLX_FIELD_STRING("fixed", &version[FIXED], false),
		TPLX_FIELD_STRING("last_affected", &version[LAST_AFFECTED],
		                  false),
		TPLX_FIELD_STRING("limit", &version[LIMIT], false),
	};
	size_t i, k, n, found;
	int error;

	*count = 0;
	*limit = NULL;
	error = tplx_json_opt_array(p->doc, range, path, "events", &events,
	                            p->err);
	if (error == 0 && (events == NULL || events->u.array.count == 0))
		return tplx_json_fail(p->doc, events ? events : range, &at,
		                      p->err, "a range needs events");
	if (error == 0 && events->u.array.count > TPLC_OSV_EVENTS_MAX) {
		char where[TPLC_ERROR_PATH_MAX];
		unsigned long line, column;

		tplx_json_locate(p->doc, events->offset, &line, &column);
		return tplc_error_set_at(
		        p->err, TPLC_ELIMIT, p->doc->source, line, column,
		        tplx_jpath_format(&at, where, sizeof(where)),
		        "more than %d events in one range",
		        TPLC_OSV_EVENTS_MAX);
	}
	if (error != 0)
		return error;
	if (events->u.array.count > p->event_cap) {
		void *v = tplx_reallocarray(p->events, events->u.array.count,
		                            sizeof(*p->events));

		if (v == NULL)
			return nomem(p);
		p->events = v;
		p->event_cap = events->u.array.count;
	}
	for (i = 0, n = 0; i < events->u.array.count; i++) {
		e = events->u.array.items[i];
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, e, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		for (k = 0, found = 0; error == 0 && k < 4; k++) {
			if (version[k] != NULL) {
				p->events[n].kind = (enum event_kind)k;
				p->events[n].version = version[k];
				found++;
			}
		}
		if (error == 0 && found != 1)
			error = tplx_json_fail(
			        p->doc, e, &item, p->err,
			        "an event needs exactly one of "
			        "introduced, fixed, last_affected "
			        "or limit");
		if (error != 0)
			return error;
		if (p->events[n].kind != LIMIT) {
			n++;
		} else if (strcmp(version[LIMIT], "*") == 0) {
			uncapped = true;
		} else if (*limit == NULL ||
		           compare_versions(version[LIMIT], *limit, scheme) >
		                   0) {
			*limit = version[LIMIT];
		}
	}
	if (uncapped)
		*limit = NULL;
	*count = n;
	if (sorted && !in_order(p->events, n))
		sort_events(p->events, n, scheme);
	return 0;
}

/* ">=a|<b" of one introduced/closing pair (either may be NULL), versions
 * percent-encoded for vers or as written. */
static int pair_constraints(struct tplx_buf *buf,
                            const struct tplc_osv_event *open,
                            const struct tplc_osv_event *close, bool encode)
{
	static const char *const close_op[] = { "", "<", "<=", "<" };
	int error = 0;

	if (open != NULL && strcmp(open->version, "0") == 0)
		open = NULL; /* no lower bound */
	if (open == NULL && close == NULL)
		return tplx_buf_addc(buf, '*');
	if (open != NULL) {
		error = tplx_buf_adds(buf, ">=");
		if (error == 0)
			error = encode ? tplc_advisory__vers_add_version(
			                         buf, open->version)
			               : tplx_buf_adds(buf, open->version);
	}
	if (error == 0 && open != NULL && close != NULL)
		error = tplx_buf_addc(buf, '|');
	if (error == 0 && close != NULL)
		error = tplx_buf_adds(buf, close_op[close->kind]);
	if (error == 0 && close != NULL)
		error = encode ? tplc_advisory__vers_add_version(buf,
		                                                 close->version)
		               : tplx_buf_adds(buf, close->version);
	return error;
}

static int add_entry(struct tplc_osv_parser *p, size_t vuln,
                     const struct tplc_osv_package *pkg, const char *range,
                     const char *text, const char *fixed)
{
	struct tplc_affected *a;
	size_t index;

	if (tplc_advisory_build_affected(&p->b, vuln, &index) != 0)
		return TPLC_ENOMEM;
	a = &p->b.affected[index];
	a->purl = pkg->purl;
	a->product = pkg->product;
	a->status = TPLC_STATUS_AFFECTED;
	tplc_advisory_build_str(&p->b, &a->range, range);
	tplc_advisory_build_str(&p->b, &a->range_text, text);
	tplc_advisory_build_str(&p->b, &a->fixed_in, fixed);
	return p->b.error;
}

/*
 * One entry per pair (or exact version, open == NULL and close the
 * version with kind INTRODUCED): vers:<scheme>/<constraints> when lib/ident
 * reads it back, else no range and "<ecosystem>: <constraints>" as the
 * words (scheme unknown, or a version the scheme does not allow).
 */
static int add_pair(struct tplc_osv_parser *p, size_t vuln,
                    const struct tplc_osv_package *pkg, const char *scheme,
                    const struct tplc_osv_event *open,
                    const struct tplc_osv_event *close)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	const char *fixed =
	        close && close->kind == FIXED ? close->version : NULL;
	int error = TPLC_EPARSE;

	if (scheme != NULL) {
		error = tplx_buf_addf(&buf, "vers:%s/", scheme);
		if (error == 0)
			error = pair_constraints(&buf, open, close, true);
		if (error == 0)
			error = tplc_advisory__vers_check(tplx_buf_str(&buf));
		if (error == 0)
			error = add_entry(p, vuln, pkg, tplx_buf_str(&buf),
			                  NULL, fixed);
	}
	if (error == TPLC_EPARSE) {
		tplx_buf_reset(&buf);
		error = tplx_buf_addf(&buf, "%s: ", pkg->ecosystem);
		if (error == 0)
			error = pair_constraints(&buf, open, close, false);
		if (error == 0)
			error = add_entry(p, vuln, pkg, NULL,
			                  tplx_buf_str(&buf), fixed);
	}
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/*
 * One entry per pair of the sorted events, each capped by limit: a pair
 * that opens at or past the limit is empty, an open or later close
 * becomes "<limit" (and then names no fix).
 */
static int range_entries(struct tplc_osv_parser *p, size_t vuln,
                         const struct tplc_osv_package *pkg, const char *scheme,
                         size_t n, const char *limit)
{
	const struct tplc_osv_event *ev = p->events, *open = NULL, *close;
	struct tplc_osv_event cap = { LIMIT, limit };
	bool paired = false;
	size_t i;
	int error = 0, c;

	for (i = 0; i <= n && error == 0; i++) {
		if (i < n && ev[i].kind == INTRODUCED) {
			if (open == NULL)
				open = &ev[i];
			continue; /* already inside a range */
		}
		if (i == n && open == NULL)
			break; /* nothing left open */
		if (i < n && open == NULL && paired)
			continue; /* a second close of a closed range */
		close = i < n ? &ev[i] : NULL; /* NULL: no upper bound */
		paired = true;
		if (limit != NULL && open != NULL &&
		    strcmp(open->version, "0") != 0 &&
		    compare_versions(open->version, limit, scheme) >= 0) {
			open = NULL; /* wholly past the cap */
			continue;
		}
		if (limit != NULL && close == NULL) {
			close = &cap;
		} else if (limit != NULL) {
			c = compare_versions(limit, close->version, scheme);
			if (c < 0 || (c == 0 && close->kind == LAST_AFFECTED))
				close = &cap;
		}
		error = add_pair(p, vuln, pkg, scheme, open, close);
		open = NULL;
	}
	return error;
}

/* GIT: "git commits A..B in REPO" per pair, as written (B last affected:
 * "A..B (last affected)"; still open: "A.."); limits as words. */
static int git_entries(struct tplc_osv_parser *p, size_t vuln,
                       const struct tplc_osv_package *pkg, const char *repo,
                       size_t n, const char *limit)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	const struct tplc_osv_event *ev = p->events;
	const char *open = NULL;
	size_t i;
	int error = 0;

	for (i = 0; i <= n && error == 0; i++) {
		if (i < n && ev[i].kind == INTRODUCED) {
			if (open == NULL)
				open = ev[i].version;
			continue;
		}
		if (i == n && open == NULL && (n > 0 || limit == NULL))
			break;
		tplx_buf_reset(&buf);
		error = tplx_buf_addf(&buf, "git commits %s..%s%s in %s",
		                      open ? open : "0",
		                      i < n ? ev[i].version : "",
		                      i < n && ev[i].kind == LAST_AFFECTED
		                              ? " (last affected)"
		                              : "",
		                      repo);
		if (error == 0 && limit != NULL)
			error = tplx_buf_addf(&buf, " (limit %s)", limit);
		if (error == 0)
			error = add_entry(p, vuln, pkg, NULL,
			                  tplx_buf_str(&buf), NULL);
		open = NULL;
	}
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* ---- versions --------------------------------------------------------- */

static int generic_cmp(const void *a, const void *b)
{
	int c = 0;

	tplc_version_compare(&c, "generic", *(const char *const *)a,
	                     *(const char *const *)b, NULL);
	return c;
}

/*
 * versions[] of an ecosystem without a scheme: every version listed and
 * only those, as one vers:generic/a|b|... (sorted, equal ones once).
 * TPLC_EPARSE when lib/ident does not take them (the caller keeps words).
 */
static int generic_versions(struct tplc_osv_parser *p, size_t vuln,
                            const struct tplc_osv_package *pkg,
                            const struct tplx_json *versions)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	const char **list;
	size_t i, n = 0;
	int error = 0, c;

	list = tplx_reallocarray(NULL, versions->u.array.count + 1,
	                         sizeof(*list));
	if (list == NULL)
		return nomem(p);
	for (i = 0; i < versions->u.array.count && error == 0; i++) {
		const char *v = versions->u.array.items[i]->u.string.ptr;

		if (v[0] == '\0')
			continue;
		if (tplc_version_compare(&c, "generic", v, v, NULL) != 0)
			error = TPLC_EPARSE; /* no digits or letters */
		list[n++] = v;
	}
	if (error == 0 && n > 0)
		qsort(list, n, sizeof(*list), generic_cmp);
	if (error == 0)
		error = tplx_buf_adds(&buf, "vers:generic/");
	for (i = 0; error == 0 && i < n; i++) {
		if (i > 0 && generic_cmp(&list[i - 1], &list[i]) == 0)
			continue;
		if (i > 0)
			error = tplx_buf_addc(&buf, '|');
		if (error == 0)
			error = tplc_advisory__vers_add_version(&buf, list[i]);
	}
	if (error == 0)
		error = tplc_advisory__vers_check(tplx_buf_str(&buf));
	if (error == 0 && n > 0)
		error = add_entry(p, vuln, pkg, tplx_buf_str(&buf), NULL, NULL);
	tplx_buf_release(&buf);
	tplx_free(list);
	if (error == TPLC_ELIMIT)
		error = TPLC_EPARSE;
	return error == TPLC_ENOMEM ? nomem(p) : error;
}

/* versions[]: each an exact version of its own entry (all of them in
 * one when the ecosystem has no scheme). */
static int read_versions(struct tplc_osv_parser *p, size_t vuln,
                         const struct tplc_osv_package *pkg,
                         const struct tplx_json *versions,
                         const struct tplx_jpath *path)
{
	struct tplx_jpath item;
	const struct tplx_json *v;
	size_t i, before = p->b.affected_count;
	int error = 0;

	for (i = 0; i < versions->u.array.count && error == 0; i++) {
		item = tplx_jpath_index(path, i);
		error = tplx_json_expect(p->doc, versions->u.array.items[i],
		                         &item, TPLX_JSON_STRING, p->err);
	}
	if (error == 0 && pkg->scheme == NULL) {
		error = generic_versions(p, vuln, pkg, versions);
		if (error != TPLC_EPARSE)
			goto out;
		error = 0; /* each version's words, below */
	}
	for (i = 0; i < versions->u.array.count && error == 0; i++) {
		struct tplc_osv_event exact = { INTRODUCED, NULL };

		v = versions->u.array.items[i];
		item = tplx_jpath_index(path, i);
		if (v->u.string.ptr[0] == '\0')
			continue;
		exact.version = v->u.string.ptr;
		error = add_pair(p, vuln, pkg, pkg->scheme, NULL, &exact);
		if (error == TPLC_ELIMIT)
			error = tplx_json_fail(p->doc, v, &item, p->err,
			                       "version longer than %zu bytes",
			                       TPLC_ADVISORY_VERS_MAX);
	}
out:
	if (error == 0 && p->b.affected_count == before) /* all blank */
		error = add_entry(p, vuln, pkg, NULL, NULL, NULL);
	return error;
}

/* ---- affected --------------------------------------------------------- */

static const char *const range_types[] = { "SEMVER", "ECOSYSTEM", "GIT" };

/* The type of each range, checked; *versioned when one is not GIT. */
static int range_types_of(struct tplc_osv_parser *p,
                          const struct tplx_json *ranges,
                          const struct tplx_jpath *path, bool *versioned,
                          bool *git)
{
	struct tplx_jpath item;
	const char *type;
	size_t i, k;
	int error = 0;

	*versioned = *git = false;
	for (i = 0; ranges != NULL && i < ranges->u.array.count && !error;
	     i++) {
		item = tplx_jpath_index(path, i);
		error = tplx_json_expect(p->doc, ranges->u.array.items[i],
		                         &item, TPLX_JSON_OBJECT, p->err);
		if (error == 0)
			error = tplx_json_req_string(
			        p->doc, ranges->u.array.items[i], &item, "type",
			        &type, p->err);
		for (k = 0; error == 0 && k < 3; k++)
			if (strcmp(type, range_types[k]) == 0)
				break;
		if (error == 0 && k == 3) {
			struct tplx_jpath at = tplx_jpath_key(&item, "type");

			error = tplx_json_fail(
			        p->doc,
			        tplx_json_get(ranges->u.array.items[i], "type"),
			        &at, p->err,
			        "unknown range type \"%.32s\" (expected "
			        "SEMVER, "
			        "ECOSYSTEM or GIT)",
			        type);
		}
		*versioned = *versioned || (error == 0 && k < 2);
		*git = *git || (error == 0 && k == 2);
	}
	return error;
}

/*
 * The item's ranges of one kind: versioned (SEMVER, ECOSYSTEM) or GIT.
 * An ECOSYSTEM range of an ecosystem without a scheme gives way to the
 * item's versions[] when it lists any (once), else stays words.
 */
static int read_ranges(struct tplc_osv_parser *p, size_t vuln,
                       const struct tplc_osv_package *pkg,
                       const struct tplx_json *ranges,
                       const struct tplx_jpath *path, bool git,
                       const struct tplx_json *versions,
                       const struct tplx_jpath *versions_at)
{
	const struct tplx_json *r;
	struct tplx_jpath item;
	const char *type, *scheme, *limit, *repo;
	bool listed = versions != NULL && versions->u.array.count > 0;
	struct tplc_osv_package own = *pkg;
	size_t i, n;
	int error = 0;

	for (i = 0; i < ranges->u.array.count && error == 0; i++) {
		r = ranges->u.array.items[i];
		item = tplx_jpath_index(path, i);
		type = tplx_json_string(tplx_json_get(r, "type"));
		if ((strcmp(type, "GIT") == 0) != git)
			continue;
		scheme = strcmp(type, "SEMVER") == 0 ? "semver" : pkg->scheme;
		if (!git && scheme == NULL && listed) {
			error = read_versions(p, vuln, pkg, versions,
			                      versions_at);
			listed = false;
			continue;
		}
		if (git) {
			error = tplx_json_req_string(p->doc, r, &item, "repo",
			                             &repo, p->err);
			if (error != 0)
				break;
		}
		if (git && pkg->ecosystem == NULL) /* a repository: its own */
			error = tplc_advisory_build_str(&p->b, &own.product,
			                                repo);
		if (error == 0)
			error = read_events(p, r, &item, scheme, !git, &n,
			                    &limit);
		if (error == 0)
			error = git ? git_entries(p, vuln,
			                          pkg->ecosystem ? pkg : &own,
			                          repo, n, limit)
			            : range_entries(p, vuln, pkg, scheme, n,
			                            limit);
		if (error == TPLC_ELIMIT)
			error = tplx_json_fail(p->doc, r, &item, p->err,
			                       "range longer than %zu bytes",
			                       TPLC_ADVISORY_VERS_MAX);
	}
	return error;
}

int tplc_osv_affected_read(struct tplc_osv_parser *p, size_t vuln,
                           const struct tplx_json *a,
                           const struct tplx_jpath *path)
{
	struct tplx_jpath ranges_at = tplx_jpath_key(path, "ranges");
	struct tplx_jpath versions_at = tplx_jpath_key(path, "versions");
	const struct tplx_json *ranges, *versions;
	bool versioned, git;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("ranges", TPLX_JSON_ARRAY, &ranges, false),
		TPLX_FIELD_NODE("versions", TPLX_JSON_ARRAY, &versions, false),
	};
	struct tplc_osv_package pkg;
	int error;

	error = tplx_json_fields(p->doc, a, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = range_types_of(p, ranges, &ranges_at, &versioned, &git);
	if (error == 0)
		error = tplc_osv_package_read(p, a, path, &pkg);
	if (error != 0)
		return error;
	if (versioned) /* a GIT range beside them says the same in commits */
		return read_ranges(p, vuln, &pkg, ranges, &ranges_at, false,
		                   versions, &versions_at);
	if (versions != NULL && versions->u.array.count > 0)
		return read_versions(p, vuln, &pkg, versions, &versions_at);
	if (git) /* commits only: words, counted as not understood */
		return read_ranges(p, vuln, &pkg, ranges, &ranges_at, true,
		                   NULL, NULL);
	return add_entry(p, vuln, &pkg, NULL, NULL, NULL); /* all versions */
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NVD configurations into affected entries.  A configuration is a list of
 * nodes, each an OR (or AND) of cpeMatch entries; the configuration ANDs
 * its nodes when its operator is AND.  Every cpeMatch gives one entry:
 * the CPE criteria, "vulnerable": false as a platform condition, and the
 * version bounds as a vers range.  Entries that must hold together share
 * a config number and differ in node number (model.h says how they are
 * read); a node NVD negates cannot be said that way and is kept as not
 * understood.
 */
#include <string.h>

#include "nvd.h"
#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "util/buf.h"
#include "util/json.h"

/* Configurations of one CVE, and nodes of one configuration. */
#define NVD_CONFIG_MAX ((unsigned)10000)

struct bounds {
	const char *start_incl, *start_excl, *end_incl, *end_excl;
};

/*
 * The version a criteria names, unquoted, in *out (NULL: every version:
 * ANY, or NA, a product without versions, hardware mostly).  *pattern is
 * set when the version is a wildcard pattern, which no vers can say.
 */
static int criteria_version(char **out, bool *pattern, const char *criteria,
                            struct tplc_error *err)
{
	struct tplc_cpe *cpe = NULL;
	int error = tplc_cpe_parse(&cpe, criteria, err);

	*out = NULL;
	*pattern = false;
	if (error == 0) {
		*pattern = tplc_cpe_has_wildcard(&cpe->attr[TPLC_CPE_VERSION]);
		error = tplc_cpe_unquote(out, cpe, TPLC_CPE_VERSION, err);
	}
	tplc_cpe_free(cpe);
	return error;
}

static int add_bound(struct tplx_buf *buf, const char *op, const char *version)
{
	int error = 0;

	if (tplx_buf_str(buf)[0] != '\0' &&
	    strcmp(tplx_buf_str(buf), "vers:generic/") != 0)
		error = tplx_buf_addc(buf, '|');
	if (error == 0)
		error = tplx_buf_adds(buf, op);
	if (error == 0)
		error = tplc_advisory__vers_add_version(buf, version);
	return error;
}

/* The bounds in words, for a range lib/ident refuses. */
static int bounds_text(struct tplx_buf *text, const struct bounds *bd)
{
	return tplx_buf_addf(
	        text, "%s%s%s%s%s%s%s%s", bd->start_incl ? ">= " : "",
	        bd->start_incl ? bd->start_incl : "",
	        bd->start_excl ? "> " : "",
	        bd->start_excl ? bd->start_excl : "",
	        bd->end_incl ? " <= " : "", bd->end_incl ? bd->end_incl : "",
	        bd->end_excl ? " < " : "", bd->end_excl ? bd->end_excl : "");
}

/*
 * The range of one cpeMatch: its bounds, else the criteria's own version.
 * range NULL and text NULL: all versions.  A range lib/ident refuses (a
 * start above the end, say) is kept as text, not understood.
 */
static int build_range(struct tplc_nvd_parser *p, struct tplc_affected *a,
                       const char *criteria, const struct bounds *bd)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	struct tplx_buf text = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	char *version = NULL;
	bool bounded = bd->start_incl || bd->start_excl || bd->end_incl ||
	               bd->end_excl;
	int error = tplx_buf_adds(&buf, "vers:generic/");

	if (bounded) {
		if (error == 0 && bd->start_incl)
			error = add_bound(&buf, ">=", bd->start_incl);
		if (error == 0 && bd->start_excl)
			error = add_bound(&buf, ">", bd->start_excl);
		if (error == 0 && bd->end_incl)
			error = add_bound(&buf, "<=", bd->end_incl);
		if (error == 0 && bd->end_excl)
			error = add_bound(&buf, "<", bd->end_excl);
	} else if (error == 0) {
		struct tplc_error why;
		bool pattern;

		error = criteria_version(&version, &pattern, criteria, &why);
		if (error == TPLC_ENOMEM || (error == 0 && version == NULL))
			goto out; /* every version */
		if (error < 0) {
			/* not a CPE we can read: keep its words, unmatched */
			error = tplc_advisory_build_str(&p->b, &a->range_text,
			                                criteria);
			goto out;
		}
		if (pattern) {
			if (tplx_buf_addf(&text, "version %s", version) == 0)
				error = tplc_advisory_build_str(
				        &p->b, &a->range_text,
				        tplx_buf_str(&text));
			goto out;
		}
		error = tplc_advisory__vers_add_version(&buf, version);
	}
	if (error == 0)
		error = tplc_advisory__vers_check(tplx_buf_str(&buf));
	if (error == 0) {
		error = tplc_advisory_build_str(&p->b, &a->range,
		                                tplx_buf_str(&buf));
	} else if (error == TPLC_EPARSE) {
		error = bounded ? bounds_text(&text, bd)
		                : tplx_buf_adds(&text, version);
		if (error == 0)
			error = tplc_advisory_build_str(&p->b, &a->range_text,
			                                tplx_buf_str(&text));
	}
out:
	tplc_free(version);
	tplx_buf_release(&buf);
	tplx_buf_release(&text);
	if (error == TPLC_ENOMEM)
		return tplc_advisory_build_nomem(&p->b);
	return error;
}

struct place {
	unsigned config, node;
	bool negated;
};

static int read_match(struct tplc_nvd_parser *p, size_t vuln,
                      const struct tplx_json *m, const struct tplx_jpath *path,
                      const struct place *at)
{
	struct bounds bd;
	const char *criteria;
	const struct tplx_json *vulnerable;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("criteria", &criteria, true),
		TPLX_FIELD_NODE("vulnerable", TPLX_JSON_BOOL, &vulnerable,
		                false),
		TPLX_FIELD_STRING("versionStartIncluding", &bd.start_incl,
		                  false),
		TPLX_FIELD_STRING("versionStartExcluding", &bd.start_excl,
		                  false),
		TPLX_FIELD_STRING("versionEndIncluding", &bd.end_incl, false),
		TPLX_FIELD_STRING("versionEndExcluding", &bd.end_excl, false),
	};
	struct tplc_affected *a;
	size_t index;
	int error;

	error = tplx_json_fields(p->doc, m, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error != 0)
		return error;
	if (strlen(criteria) > TPLC_CPE_MAX) {
		struct tplx_jpath c = tplx_jpath_key(path, "criteria");

		return tplx_json_fail(p->doc, tplx_json_get(m, "criteria"), &c,
		                      p->err, "CPE name longer than %d bytes",
		                      TPLC_CPE_MAX);
	}
	if (p->b.affected_count >= TPLC_NVD_AFFECTED_MAX)
		return tplx_json_fail(p->doc, m, path, p->err,
		                      "more than %zu cpeMatch entries in one "
		                      "CVE",
		                      TPLC_NVD_AFFECTED_MAX);
	error = tplc_advisory_build_affected(&p->b, vuln, &index);
	if (error != 0)
		return error;
	a = &p->b.affected[index];
	a->status = TPLC_STATUS_AFFECTED;
	a->platform = vulnerable != NULL && !vulnerable->u.boolean;
	a->config = at->config;
	a->node = at->node;
	error = tplc_advisory_build_str(&p->b, &a->cpe, criteria);
	if (error == 0 && at->negated)
		error = tplc_advisory_build_str(&p->b, &a->range_text,
		                                "negated node");
	else if (error == 0)
		error = build_range(p, a, criteria, &bd);
	/* "up to, excluding" is where NVD says the fix is */
	if (error == 0 && a->range != NULL && bd.end_excl != NULL &&
	    !a->platform)
		error = tplc_advisory_build_str(&p->b, &a->fixed_in,
		                                bd.end_excl);
	if (error == TPLC_ELIMIT)
		error = tplx_json_fail(p->doc, m, path, p->err,
		                       "version bounds longer than %zu bytes",
		                       TPLC_ADVISORY_VERS_MAX);
	return error;
}

/* Whether the entries of a configuration must hold together. */
static bool numbered(const struct tplx_json *nodes, const char *op)
{
	size_t i;

	/* An explicit "OR" of several nodes lets each stand alone. */
	if (op != NULL)
		return strcmp(op, "AND") == 0;
	if (nodes->u.array.count > 1)
		return true;
	for (i = 0; i < nodes->u.array.count; i++)
		if (tplx_json_string(tplx_json_get(nodes->u.array.items[i],
		                                   "operator")) != NULL &&
		    strcmp(tplx_json_string(tplx_json_get(
		                   nodes->u.array.items[i], "operator")),
		           "AND") == 0)
			return true;
	return false;
}

static int read_node(struct tplc_nvd_parser *p, size_t vuln,
                     const struct tplx_json *node,
                     const struct tplx_jpath *path, struct place *at, bool join)
{
	struct tplx_jpath mpath = tplx_jpath_key(path, "cpeMatch"), item;
	const struct tplx_json *matches, *negate;
	const char *op;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("operator", &op, false),
		TPLX_FIELD_NODE("negate", TPLX_JSON_BOOL, &negate, false),
		TPLX_FIELD_NODE("cpeMatch", TPLX_JSON_ARRAY, &matches, true),
	};
	struct place here;
	bool each;
	size_t i;
	int error;

	error = tplx_json_fields(p->doc, node, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error != 0)
		return error;
	here = *at;
	here.negated = at->negated || (negate && negate->u.boolean);
	/* an AND node: each of its matches is a condition of its own */
	each = join && op != NULL && strcmp(op, "AND") == 0;
	if (join && !each)
		here.node = ++at->node;
	for (i = 0; error == 0 && i < matches->u.array.count; i++) {
		if (each)
			here.node = ++at->node;
		item = tplx_jpath_index(&mpath, i);
		error = read_match(p, vuln, matches->u.array.items[i], &item,
		                   &here);
	}
	return error;
}

int tplc_nvd_configurations_read(struct tplc_nvd_parser *p, size_t vuln,
                                 const struct tplx_json *cve,
                                 const struct tplx_jpath *path)
{
	struct tplx_jpath cpath = tplx_jpath_key(path, "configurations");
	struct tplx_jpath item, npath, node;
	const struct tplx_json *list, *conf, *nodes, *negate;
	const char *op;
	struct place at;
	size_t i, k;
	bool join;
	int error;

	error = tplx_json_opt_array(p->doc, cve, path, "configurations", &list,
	                            p->err);
	if (error == 0 && list != NULL && list->u.array.count > NVD_CONFIG_MAX)
		error = tplx_json_fail(p->doc, list, &cpath, p->err,
		                       "more than %u configurations",
		                       NVD_CONFIG_MAX);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("operator", &op, false),
			TPLX_FIELD_NODE("negate", TPLX_JSON_BOOL, &negate,
			                false),
			TPLX_FIELD_NODE("nodes", TPLX_JSON_ARRAY, &nodes, true),
		};

		conf = list->u.array.items[i];
		item = tplx_jpath_index(&cpath, i);
		npath = tplx_jpath_key(&item, "nodes");
		error = tplx_json_fields(p->doc, conf, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error != 0)
			break;
		join = numbered(nodes, op);
		memset(&at, 0, sizeof(at));
		at.config = join ? (unsigned)i + 1 : 0;
		at.negated = negate != NULL && negate->u.boolean;
		for (k = 0; error == 0 && k < nodes->u.array.count; k++) {
			node = tplx_jpath_index(&npath, k);
			error = read_node(p, vuln, nodes->u.array.items[k],
			                  &node, &at, join);
		}
	}
	return error;
}

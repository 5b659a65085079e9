/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CSAF remediations: which vendor fixes, mitigations and workarounds name
 * which product (directly or through a product group), the text a product
 * gets (all of them, in document order, one per line), and the version a
 * vendor fix names ("update to version 3.0") as fixed_in.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advisory-build.h"
#include "csaf.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"

/* Bytes of joined remediation texts one document may produce; past it a
 * product gets the first text only. */
#define TPLC_CSAF_REMEDIATION_MAX ((size_t)16 * 1024 * 1024)

/* A remediation applies to a product: (product id, remediation index). */
struct tplc_csaf_applies {
	const char *id;
	size_t rem;
};

struct tplc_csaf_remediation {
	const char *details; /* document string */
	const char *text;    /* its arena copy, made when first needed */
	const char *fixed;   /* a version a vendor_fix names, in arena */
	bool vendor_fix, looked;
};

static int nomem(struct tplc_csaf_remedies *p)
{
	return tplc_advisory_build_nomem(p->b);
}

static int compare_applies(const void *a, const void *b)
{
	const struct tplc_csaf_applies *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->rem < y->rem ? -1 : x->rem > y->rem;
}

static int add_applies(struct tplc_csaf_remedies *p, const char *id, size_t rem)
{
	if (p->applies_count == p->applies_cap) {
		size_t cap = p->applies_cap ? p->applies_cap * 2 : 32;
		void *v =
		        tplx_reallocarray(p->applies, cap, sizeof(*p->applies));

		if (v == NULL)
			return nomem(p);
		p->applies = v;
		p->applies_cap = cap;
	}
	p->applies[p->applies_count++] = (struct tplc_csaf_applies){ id, rem };
	return 0;
}

/* Product ids named directly and through groups. */
static int rem_products(struct tplc_csaf_remedies *p, const struct tplx_json *r,
                        const struct tplx_jpath *item, size_t rem)
{
	const struct tplx_json *ids, *groups, *list;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("product_ids", TPLX_JSON_ARRAY, &ids, false),
		TPLX_FIELD_NODE("group_ids", TPLX_JSON_ARRAY, &groups, false),
	};
	const struct tplc_csaf_group *g;
	struct tplx_jpath at, id_at;
	size_t i, j;
	int error;

	error = tplx_json_fields(p->doc, r, item, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	at = tplx_jpath_key(item, "product_ids");
	for (i = 0; error == 0 && ids != NULL && i < ids->u.array.count; i++) {
		id_at = tplx_jpath_index(&at, i);
		error = tplc_csaf_tree_defined(
		        p->tree, p->doc, ids->u.array.items[i], &id_at, p->err);
		if (error == 0)
			error = add_applies(
			        p, ids->u.array.items[i]->u.string.ptr, rem);
	}
	at = tplx_jpath_key(item, "group_ids");
	for (i = 0; error == 0 && groups != NULL && i < groups->u.array.count;
	     i++) {
		const char *gid = tplx_json_string(groups->u.array.items[i]);

		id_at = tplx_jpath_index(&at, i);
		g = gid ? tplc_csaf_tree_group(p->tree, gid) : NULL;
		if (g == NULL)
			return tplx_json_fail(p->doc, groups->u.array.items[i],
			                      &id_at, p->err,
			                      "expected a product group id");
		list = g->product_ids;
		for (j = 0; list != NULL && j < list->u.array.count && !error;
		     j++)
			error = add_applies(
			        p, list->u.array.items[j]->u.string.ptr, rem);
	}
	return error;
}

int tplc_csaf_remedies_read(struct tplc_csaf_remedies *p,
                            const struct tplx_json *v,
                            const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "remediations"), item;
	const struct tplx_json *list, *r;
	const char *category;
	size_t i;
	int error;

	p->rem_count = p->applies_count = p->last_count = 0;
	error = tplx_json_opt_array(p->doc, v, path, "remediations", &list,
	                            p->err);
	if (error != 0 || list == NULL || list->u.array.count == 0)
		return error;
	tplx_free(p->rems);
	p->rems = tplx_calloc(list->u.array.count, sizeof(*p->rems));
	if (p->rems == NULL)
		return nomem(p);
	for (i = 0; i < list->u.array.count && error == 0; i++) {
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("category", &category, true),
			TPLX_FIELD_STRING("details", &p->rems[i].details, true),
		};

		r = list->u.array.items[i];
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, r, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error == 0)
			error = rem_products(p, r, &item, i);
		p->rems[i].vendor_fix =
		        error == 0 && strcmp(category, "vendor_fix") == 0;
	}
	p->rem_count = i;
	if (error == 0 && p->applies_count > 0)
		qsort(p->applies, p->applies_count, sizeof(*p->applies),
		      compare_applies);
	return error;
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/* "version 10.17 and earlier" names what is hit, not the fix. */
static bool affected_words(const char *s)
{
	static const char *const words[] = { " and earlier", " or earlier",
		                             " and prior",   " and below",
		                             " or below",    " and older",
		                             " and lower",   " or lower" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncasecmp(s, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/*
 * The version a vendor fix names: the first "version X" where X holds a
 * digit ("upgrade to Version 3.0 or higher" gives 3.0), unless the words
 * after it say it is the last one hit.
 */
static int fix_version(struct tplc_csaf_remedies *p,
                       struct tplc_csaf_remediation *r)
{
	const char *s = r->details, *v;
	size_t n;

	r->looked = true;
	for (; (s = strpbrk(s, "vV")) != NULL; s++) {
		if (strncasecmp(s, "version", 7) != 0 ||
		    (s > r->details && word_char(s[-1])))
			continue;
		v = s + 7;
		while (*v == ' ' || *v == ':')
			v++;
		for (n = 0; word_char(v[n]); n++)
			;
		while (n > 0 &&
		       (v[n - 1] == '.' || v[n - 1] == '-' || v[n - 1] == '_'))
			n--;
		if (n == 0 || strcspn(v, "0123456789") >= n ||
		    (n > 2 && v[n - 2] == '.' && (v[n - 1] | 0x20) == 'x') ||
		    affected_words(v + n))
			continue;
		return tplc_advisory_build_strn(p->b, &r->fixed, v, n);
	}
	return 0;
}

/* Distinct remediations of applies[lo, hi), which is sorted. */
#define EACH_REM(p, i, lo, hi)    \
	for (i = lo; i < hi; i++) \
		if (i == lo || p->applies[i].rem != p->applies[i - 1].rem)

/* The last joined text fits when it was joined from the same list. */
static bool same_as_last(const struct tplc_csaf_remedies *p, size_t lo,
                         size_t hi, size_t n)
{
	size_t i, k = 0;

	if (n != p->last_count)
		return false;
	EACH_REM(p, i, lo, hi)
	{
		if (p->last[k++] != p->applies[i].rem)
			return false;
	}
	return true;
}

static int join(struct tplc_csaf_remedies *p, size_t lo, size_t hi, size_t n,
                const char **text)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_CSAF_REMEDIATION_MAX);
	size_t i, k = 0, *last;
	int error = 0;

	EACH_REM(p, i, lo, hi)
	{
		const char *t = p->rems[p->applies[i].rem].text;

		if (t != NULL && error == 0 && buf.len > 0)
			error = tplx_buf_addc(&buf, '\n');
		if (t != NULL && error == 0)
			error = tplx_buf_adds(&buf, t);
	}
	if (error == TPLC_ELIMIT ||
	    (error == 0 && p->joined + buf.len > TPLC_CSAF_REMEDIATION_MAX)) {
		error = 0; /* enough: *text stays the first one */
		goto out;
	}
	last = error == 0 ? tplx_reallocarray(p->last, n, sizeof(*last)) : NULL;
	if (last == NULL) {
		error = nomem(p);
		goto out;
	}
	p->last = last;
	error = tplc_advisory_build_str(p->b, text, tplx_buf_str(&buf));
	if (error != 0)
		goto out;
	EACH_REM(p, i, lo, hi)
	{
		p->last[k++] = p->applies[i].rem;
	}
	p->last_count = n;
	p->last_text = *text;
	p->joined += buf.len;
out:
	tplx_buf_release(&buf);
	return error;
}

/*
 * The remediation text for one product: the details of every remediation
 * that names it, in document order, one per line (the same list joined
 * for the previous product is reused); and the first version a vendor fix
 * names.
 */
int tplc_csaf_remedy(struct tplc_csaf_remedies *p, const char *id,
                     const char **text, const char **fixed)
{
	struct tplc_csaf_applies key = { id, 0 };
	size_t lo = 0, hi = p->applies_count, i, n = 0;
	struct tplc_csaf_remediation *r;
	int error = 0;

	*text = *fixed = NULL;
	while (lo < hi) { /* the first entry for id */
		size_t mid = lo + (hi - lo) / 2;

		if (compare_applies(&p->applies[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo;
	     hi < p->applies_count && strcmp(p->applies[hi].id, id) == 0; hi++)
		;
	EACH_REM(p, i, lo, hi)
	{
		r = &p->rems[p->applies[i].rem];
		if (r->vendor_fix && !r->looked && error == 0)
			error = fix_version(p, r);
		if (*fixed == NULL)
			*fixed = r->fixed;
		if (r->text == NULL && error == 0)
			error = tplc_advisory_build_str(p->b, &r->text,
			                                r->details);
		n++;
	}
	if (error != 0 || n == 0)
		return error;
	*text = p->rems[p->applies[lo].rem].text;
	if (n == 1)
		return 0;
	if (same_as_last(p, lo, hi, n)) {
		*text = p->last_text;
		return 0;
	}
	return join(p, lo, hi, n, text);
}

void tplc_csaf_remedies_release(struct tplc_csaf_remedies *p)
{
	tplx_free(p->rems);
	tplx_free(p->applies);
	tplx_free(p->last);
	p->rems = NULL;
	p->applies = NULL;
	p->last = NULL;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CSAF product tree: every product_id resolved to (vendor, product,
 * version text).  Branches nest vendor > product_family > product_name >
 * product_version / product_version_range (or service_pack, patch_level);
 * the deepest of each kind wins.  full_product_names stand alone;
 * relationships give a component's identity a new id ("X as a component
 * of Y" is X).
 */
#include <stdlib.h>
#include <string.h>

#include "csaf.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/json.h"

struct walk {
	struct tplc_csaf_tree *tree;
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
};

/* What the branches above a product say about it. */
struct context {
	const char *vendor, *family, *name, *version;
};

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

static struct tplc_csaf_product *new_product(struct walk *w)
{
	struct tplc_csaf_tree *t = w->tree;
	struct tplc_csaf_product *p;

	if (t->count == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		void *v = tplx_reallocarray(t->products, cap, sizeof(*p));

		if (v == NULL)
			return NULL;
		t->products = v;
		t->cap = cap;
	}
	p = &t->products[t->count++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* A full_product_name: {name, product_id, ...}. */
static int add_product(struct walk *w, const struct tplx_json *fpn,
                       const struct tplx_jpath *path, const struct context *ctx)
{
	struct tplc_csaf_product *p;
	const char *name, *id;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("product_id", &id, true),
	};
	int error;

	error = tplx_json_fields(w->doc, fpn, path, fields,
	                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error != 0)
		return error;
	p = new_product(w);
	if (p == NULL)
		return nomem(w->err);
	p->id = id;
	p->vendor = ctx->vendor;
	p->product = ctx->name ? ctx->name : ctx->family ? ctx->family : name;
	p->version_text = ctx->version;
	p->node = tplx_json_get(fpn, "product_id");
	return 0;
}

static const char *const ignored_categories[] = {
	"architecture", "host_name", "language", "legacy", "specification",
};

static int walk_branches(struct walk *w, const struct tplx_json *branches,
                         const struct tplx_jpath *path,
                         const struct context *above, unsigned depth)
{
	struct tplx_jpath item, at;
	const struct tplx_json *b, *sub, *product;
	const char *category, *name;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("category", &category, true),
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_NODE("branches", TPLX_JSON_ARRAY, &sub, false),
		TPLX_FIELD_NODE("product", TPLX_JSON_OBJECT, &product, false),
	};
	struct context ctx;
	size_t i, k;
	int error = 0;

	if (depth > TPLC_CSAF_BRANCH_DEPTH_MAX)
		return tplx_json_fail(w->doc, branches, path, w->err,
		                      "branches nested deeper than %d",
		                      TPLC_CSAF_BRANCH_DEPTH_MAX);
	for (i = 0; i < branches->u.array.count && error == 0; i++) {
		b = branches->u.array.items[i];
		item = tplx_jpath_index(path, i);
		ctx = *above;
		error = tplx_json_fields(w->doc, b, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
		if (error != 0)
			break;
		if (strcmp(category, "vendor") == 0) {
			ctx.vendor = name;
		} else if (strcmp(category, "product_family") == 0) {
			ctx.family = name;
		} else if (strcmp(category, "product_name") == 0) {
			ctx.name = name;
		} else if (strcmp(category, "product_version") == 0 ||
		           strcmp(category, "product_version_range") == 0 ||
		           strcmp(category, "service_pack") == 0 ||
		           strcmp(category, "patch_level") == 0) {
			ctx.version = name;
		} else {
			for (k = 0; k < sizeof(ignored_categories) /
			                        sizeof(ignored_categories[0]);
			     k++)
				if (strcmp(category, ignored_categories[k]) ==
				    0)
					break;
			if (k == sizeof(ignored_categories) /
			                 sizeof(ignored_categories[0])) {
				at = tplx_jpath_key(&item, "category");
				return tplx_json_fail(
				        w->doc, tplx_json_get(b, "category"),
				        &at, w->err,
				        "unknown branch category \"%.64s\"",
				        category);
			}
		}
		if (product != NULL) {
			at = tplx_jpath_key(&item, "product");
			error = add_product(w, product, &at, &ctx);
		}
		if (error == 0 && sub != NULL) {
			at = tplx_jpath_key(&item, "branches");
			error = walk_branches(w, sub, &at, &ctx, depth + 1);
		}
	}
	return error;
}

static int compare_products(const void *a, const void *b)
{
	const struct tplc_csaf_product *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->node->offset < y->node->offset ? -1 : 1;
}

static int compare_groups(const void *a, const void *b)
{
	const struct tplc_csaf_group *x = a, *y = b;

	return strcmp(x->id, y->id);
}

const struct tplc_csaf_product *
tplc_csaf_tree_product(const struct tplc_csaf_tree *tree, const char *id)
{
	struct tplc_csaf_product key;
	size_t lo = 0, hi = tree->count;

	key.id = id;
	while (lo < hi) { /* the first of equal ids */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(tree->products[mid].id, key.id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < tree->count && strcmp(tree->products[lo].id, id) == 0)
		return &tree->products[lo];
	return NULL;
}

const struct tplc_csaf_group *
tplc_csaf_tree_group(const struct tplc_csaf_tree *tree, const char *id)
{
	struct tplc_csaf_group key = { id, NULL };

	if (tree->group_count == 0)
		return NULL;
	return bsearch(&key, tree->groups, tree->group_count, sizeof(key),
	               compare_groups);
}

int tplc_csaf_tree_defined(const struct tplc_csaf_tree *tree,
                           const struct tplx_json_doc *doc,
                           const struct tplx_json *id,
                           const struct tplx_jpath *path,
                           struct tplc_error *err)
{
	int error = tplx_json_expect(doc, id, path, TPLX_JSON_STRING, err);

	if (error == 0 &&
	    tplc_csaf_tree_product(tree, id->u.string.ptr) == NULL)
		error = tplx_json_fail(doc, id, path, err,
		                       "product id \"%.64s\" is not defined in "
		                       "the product tree",
		                       id->u.string.ptr);
	return error;
}

/* A product id the tree must define, else a located error (while the
 * tree is still being built: only [0, base) is sorted). */
static int known(struct walk *w, const struct tplx_json *node,
                 const struct tplx_jpath *path, size_t base,
                 const struct tplc_csaf_product **out)
{
	const char *id = tplx_json_string(node);
	struct tplc_csaf_tree sorted = *w->tree;
	size_t i;

	if (id == NULL)
		return tplx_json_expect(w->doc, node, path, TPLX_JSON_STRING,
		                        w->err);
	sorted.count = base; /* the sorted part */
	*out = tplc_csaf_tree_product(&sorted, id);
	for (i = base; *out == NULL && i < w->tree->count; i++)
		if (strcmp(w->tree->products[i].id, id) == 0)
			*out = &w->tree->products[i];
	if (*out != NULL)
		return 0;
	return tplx_json_fail(w->doc, node, path, w->err,
	                      "product id \"%.64s\" is not defined in the "
	                      "product tree",
	                      id);
}

static int relationships(struct walk *w, const struct tplx_json *list,
                         const struct tplx_jpath *path)
{
	const struct tplc_csaf_product *ref, *to;
	struct tplc_csaf_product *p;
	struct tplx_jpath item, at;
	const struct tplx_json *r, *fpn;
	const char *id;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("full_product_name", TPLX_JSON_OBJECT, &fpn,
		                false),
		TPLX_FIELD_STRING("product_reference", &id, true),
		TPLX_FIELD_STRING("relates_to_product_reference", &id, true),
	};
	size_t i, base = w->tree->count, ref_index;
	int error = 0;

	for (i = 0; i < list->u.array.count && error == 0; i++) {
		r = list->u.array.items[i];
		item = tplx_jpath_index(path, i);
		error = tplx_json_fields(w->doc, r, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
		if (error != 0)
			break;
		at = tplx_jpath_key(&item, "product_reference");
		error = known(w, tplx_json_get(r, "product_reference"), &at,
		              base, &ref);
		at = tplx_jpath_key(&item, "relates_to_product_reference");
		if (error == 0)
			error = known(
			        w,
			        tplx_json_get(r,
			                      "relates_to_product_reference"),
			        &at, base, &to);
		at = tplx_jpath_key(&item, "full_product_name");
		if (error == 0 && fpn == NULL)
			error = tplx_json_fail(w->doc, r, &at, w->err,
			                       "required member is missing");
		if (error != 0)
			break;
		ref_index = (size_t)(ref - w->tree->products);
		error = add_product(w, fpn, &at, &(struct context){ 0 });
		if (error != 0)
			break;
		/* the component's identity, under the new id */
		ref = &w->tree->products[ref_index]; /* the vector moved */
		p = &w->tree->products[w->tree->count - 1];
		p->vendor = ref->vendor;
		p->product = ref->product;
		p->version_text = ref->version_text;
	}
	return error;
}

static int groups(struct walk *w, const struct tplx_json *list,
                  const struct tplx_jpath *path)
{
	struct tplc_csaf_tree *t = w->tree;
	const struct tplc_csaf_product *p;
	const struct tplx_json *g, *ids;
	struct tplx_jpath item, at, id_at;
	const char *id;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("group_id", &id, true),
		TPLX_FIELD_NODE("product_ids", TPLX_JSON_ARRAY, &ids, false),
	};
	size_t i, j;
	int error = 0;

	t->groups = tplx_reallocarray(NULL, list->u.array.count,
	                              sizeof(*t->groups));
	if (t->groups == NULL)
		return nomem(w->err);
	for (i = 0; i < list->u.array.count && error == 0; i++) {
		g = list->u.array.items[i];
		item = tplx_jpath_index(path, i);
		error = tplx_json_fields(w->doc, g, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
		if (error != 0)
			break;
		at = tplx_jpath_key(&item, "product_ids");
		for (j = 0; ids != NULL && j < ids->u.array.count && !error;
		     j++) {
			id_at = tplx_jpath_index(&at, j);
			error = known(w, ids->u.array.items[j], &id_at,
			              t->count, &p);
		}
		t->groups[t->group_count++] =
		        (struct tplc_csaf_group){ id, ids };
	}
	if (error == 0)
		qsort(t->groups, t->group_count, sizeof(*t->groups),
		      compare_groups);
	return error;
}

static int no_duplicates(struct walk *w, const struct tplx_jpath *path)
{
	const struct tplc_csaf_product *p = w->tree->products;
	unsigned long line, column;
	size_t i;

	for (i = 1; i < w->tree->count; i++) {
		if (strcmp(p[i].id, p[i - 1].id) != 0)
			continue;
		tplx_json_locate(w->doc, p[i - 1].node->offset, &line, &column);
		return tplx_json_fail(w->doc, p[i].node, path, w->err,
		                      "product id \"%.64s\" is defined twice "
		                      "(first on line %lu)",
		                      p[i].id, line);
	}
	return 0;
}

/* A string of the document, trimmed, into the advisory's arena; a blank
 * one becomes NULL. */
static int to_arena(struct tplx_arena *arena, const char **s)
{
	const char *p = *s;
	size_t len;

	*s = NULL;
	if (p == NULL)
		return 0;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	len = strlen(p);
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
	                   p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	if (len == 0)
		return 0;
	*s = tplx_arena_strndup(arena, p, len);
	return *s == NULL ? TPLC_ENOMEM : 0;
}

int tplc_csaf_tree_read(struct tplc_csaf_tree *tree,
                        const struct tplx_json_doc *doc,
                        const struct tplx_json *product_tree,
                        struct tplx_arena *arena, struct tplc_error *err)
{
	struct walk w = { tree, doc, err };
	struct tplx_jpath root = TPLX_JPATH_ROOT;
	struct tplx_jpath path = tplx_jpath_key(&root, "product_tree"), at;
	const struct tplx_json *branches = NULL, *names = NULL, *rels = NULL,
	                       *list = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("branches", TPLX_JSON_ARRAY, &branches, false),
		TPLX_FIELD_NODE("full_product_names", TPLX_JSON_ARRAY, &names,
		                false),
		TPLX_FIELD_NODE("relationships", TPLX_JSON_ARRAY, &rels, false),
		TPLX_FIELD_NODE("product_groups", TPLX_JSON_ARRAY, &list,
		                false),
	};
	struct context none = { 0 };
	size_t i;
	int error = 0;

	memset(tree, 0, sizeof(*tree));
	if (product_tree == NULL)
		return 0;
	/* an object: csaf.c read it with tplx_json_opt_object */
	error = tplx_json_fields(doc, product_tree, &path, fields,
	                         TPLX_FIELDS_COUNT(fields), err);
	at = tplx_jpath_key(&path, "branches");
	if (error == 0 && branches != NULL)
		error = walk_branches(&w, branches, &at, &none, 1);
	at = tplx_jpath_key(&path, "full_product_names");
	for (i = 0; error == 0 && names != NULL && i < names->u.array.count;
	     i++) {
		struct tplx_jpath item = tplx_jpath_index(&at, i);

		error = add_product(&w, names->u.array.items[i], &item, &none);
	}
	if (error == 0 && tree->count > 0)
		qsort(tree->products, tree->count, sizeof(*tree->products),
		      compare_products);
	at = tplx_jpath_key(&path, "relationships");
	if (error == 0 && rels != NULL)
		error = relationships(&w, rels, &at);
	if (error == 0 && tree->count > 0)
		qsort(tree->products, tree->count, sizeof(*tree->products),
		      compare_products);
	if (error == 0)
		error = no_duplicates(&w, &path);
	at = tplx_jpath_key(&path, "product_groups");
	if (error == 0 && list != NULL)
		error = groups(&w, list, &at);
	for (i = 0; error == 0 && i < tree->count; i++) {
		struct tplc_csaf_product *p = &tree->products[i];

		if (p->version_text == NULL)
			p->version.kind = TPLC_VERSION_TEXT_ALL;
		else
			error = tplc_version_text_classify(
			        arena, p->version_text, &p->version);
		if (error == 0)
			error = to_arena(arena, &p->vendor);
		if (error == 0)
			error = to_arena(arena, &p->product);
		if (error == 0)
			error = to_arena(arena, &p->version_text);
		if (error == TPLC_ENOMEM)
			nomem(err);
	}
	if (error != 0)
		tplc_csaf_tree_release(tree);
	return error;
}

void tplc_csaf_tree_release(struct tplc_csaf_tree *tree)
{
	tplx_free(tree->products);
	tplx_free(tree->groups);
	memset(tree, 0, sizeof(*tree));
}

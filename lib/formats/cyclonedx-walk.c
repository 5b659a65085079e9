/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The engine behind cyclonedx-schema.c: one walk over a parsed CycloneDX
 * document that checks each value against its table entry and tells the
 * extraction hooks about the objects the model wants.  Nothing here knows
 * a member name; the tables know them all.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "formats/cyclonedx-schema.h"
#include "formats/license.h"
#include "util/alloc.h"
#include "util/json.h"
#include "util/str.h"

int tplc_cdx_fail(struct cdx_walk *w, const struct tplx_json *v,
                  const struct tplx_jpath *path, const char *fmt, ...)
{
	char message[TPLC_ERROR_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return tplx_json_fail(w->doc, v, path, w->err, "%s", message);
}

/* ---- bom-refs: an open-addressing set, so a duplicate is reported where
 * it occurs, with its path ----------------------------------------------- */

static uint64_t hash_ref(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return h;
}

static int refs_grow(struct cdx_walk *w)
{
	size_t cap = w->ref_cap ? w->ref_cap * 2 : 64, i;
	struct cdx_ref *table = tplx_calloc(cap, sizeof(*table));

	if (table == NULL)
		return tplc_error_set(w->err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < w->ref_cap; i++) {
		size_t at;

		if (w->refs[i].ref == NULL)
			continue;
		at = (size_t)hash_ref(w->refs[i].ref) & (cap - 1);
		while (table[at].ref != NULL)
			at = (at + 1) & (cap - 1);
		table[at] = w->refs[i];
	}
	tplx_free(w->refs);
	w->refs = table;
	w->ref_cap = cap;
	return 0;
}

static int refs_add(struct cdx_walk *w, const struct tplx_json *v,
                    const struct tplx_jpath *path)
{
	const char *ref = v->u.string.ptr;
	size_t at;
	int error;

	if (2 * (w->ref_count + 1) > w->ref_cap) {
		error = refs_grow(w);
		if (error != 0)
			return error;
	}
	at = (size_t)hash_ref(ref) & (w->ref_cap - 1);
	while (w->refs[at].ref != NULL) {
		if (strcmp(w->refs[at].ref, ref) == 0) {
			unsigned long line, column;

			tplx_json_locate(w->doc, w->refs[at].node->offset,
			                 &line, &column);
			return tplc_cdx_fail(w, v, path,
			                     "bom-ref \"%s\" is not unique: "
			                     "also used at line %lu",
			                     ref, line);
		}
		at = (at + 1) & (w->ref_cap - 1);
	}
	w->refs[at].ref = ref;
	w->refs[at].node = v;
	w->ref_count++;
	return 0;
}

void tplc_cdx_walk_release(struct cdx_walk *w)
{
	tplx_free(w->refs);
	w->refs = NULL;
	w->ref_count = w->ref_cap = 0;
}

/* ---- strings --------------------------------------------------------- */

static bool is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		      (c >= 'A' && c <= 'F')))
			return false;
	}
	return true;
}

static bool is_lower_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* ^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ */
static bool is_serial(const char *s, size_t len)
{
	static const size_t groups[] = { 8, 4, 4, 4, 12 };
	size_t i, at = 9;

	if (len != 9 + 36 || memcmp(s, "urn:uuid:", 9) != 0)
		return false;
	for (i = 0; i < 5; i++) {
		if (!is_lower_hex(s + at, groups[i]))
			return false;
		at += groups[i];
		if (i < 4 && s[at++] != '-')
			return false;
	}
	return true;
}

bool tplc_cdx_enum_has(const struct cdx_enum *values, int minor, const char *s,
                       char *allowed, size_t size)
{
	size_t used = 0, i;

	for (i = 0; values[i].value != NULL; i++)
		if (tplc_cdx_in_version(values[i].since, 0, minor) &&
		    strcmp(values[i].value, s) == 0)
			return true;
	allowed[0] = '\0';
	for (i = 0; values[i].value != NULL; i++) {
		int n;

		if (!tplc_cdx_in_version(values[i].since, 0, minor))
			continue;
		n = snprintf(allowed + used, size - used, "%s%s",
		             used ? ", " : "", values[i].value);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return false;
}

static int check_enum(struct cdx_walk *w, const struct cdx_enum *values,
                      const struct tplx_json *v, const struct tplx_jpath *path)
{
	char allowed[TPLC_ERROR_MESSAGE_MAX / 2];

	if (tplc_cdx_enum_has(values, w->minor, v->u.string.ptr, allowed,
	                      sizeof(allowed)))
		return 0;
	return tplc_cdx_fail(w, v, path,
	                     "\"%.64s\" is not allowed in CycloneDX 1.%d; "
	                     "expected one of: %s",
	                     v->u.string.ptr, w->minor, allowed);
}

static int check_string(struct cdx_walk *w, const struct cdx_spec *spec,
                        const struct tplx_json *v,
                        const struct tplx_jpath *path)
{
	const char *s = v->u.string.ptr;
	size_t len = v->u.string.len;

	if (spec->values != NULL) {
		int error = check_enum(w, spec->values, v, path);
		if (error != 0)
			return error;
	}
	switch (spec->format) {
	case CDX_F_NAME:
		if (tplx_is_blank(s))
			return tplc_cdx_fail(w, v, path,
			                     "a name must not be empty");
		break;
	case CDX_F_REF:
		if (len == 0)
			return tplc_cdx_fail(w, v, path,
			                     "a reference must not be empty");
		break;
	case CDX_F_BOM_REF:
		if (len == 0)
			return tplc_cdx_fail(w, v, path,
			                     "a bom-ref must not be empty");
		return refs_add(w, v, path);
	case CDX_F_SERIAL:
		if (!is_serial(s, len))
			return tplc_cdx_fail(w, v, path,
			                     "expected a serial number "
			                     "\"urn:uuid:\" and a lowercase "
			                     "UUID");
		break;
	case CDX_F_DATETIME:
		if (strlen(s) != len || !tplx_is_iso_datetime(s))
			return tplc_cdx_fail(w, v, path,
			                     "expected a date-time "
			                     "(YYYY-MM-DDThh:mm:ssZ), found "
			                     "\"%.64s\"",
			                     s);
		break;
	case CDX_F_HASH:
		if (!is_hex(s, len) || (len != 32 && len != 40 && len != 64 &&
		                        len != 96 && len != 128))
			return tplc_cdx_fail(w, v, path,
			                     "expected a hex digest of 32, 40, "
			                     "64, 96 or 128 digits");
		break;
	case CDX_F_SPDX_ID:
		if (strlen(s) != len || (!tplc_license_id_known(s) &&
		                         !tplc_license_exception_known(s)))
			return tplc_cdx_fail(w, v, path,
			                     "\"%.64s\" is not an SPDX license "
			                     "identifier (use \"name\" for "
			                     "other licenses)",
			                     s);
		break;
	default:
		break;
	}
	return 0;
}

/* ---- values and objects ------------------------------------------------ */

static bool type_matches(unsigned char type, const struct tplx_json *v)
{
	switch (type) {
	case CDX_ANY:
		return true;
	case CDX_STRING:
		return v->type == TPLX_JSON_STRING;
	case CDX_INTEGER:
		/* JSON Schema: any number with a zero fraction */
		return v->type == TPLX_JSON_NUMBER &&
		       (v->u.number.is_integer ||
		        (isfinite(v->u.number.value) &&
		         floor(v->u.number.value) == v->u.number.value));
	case CDX_NUMBER:
		return v->type == TPLX_JSON_NUMBER;
	case CDX_BOOL:
		return v->type == TPLX_JSON_BOOL;
	case CDX_ARRAY:
		return v->type == TPLX_JSON_ARRAY;
	case CDX_OBJECT:
		return v->type == TPLX_JSON_OBJECT;
	}
	return false;
}

static const char *type_name(unsigned char type)
{
	switch (type) {
	case CDX_STRING:
		return "a string";
	case CDX_INTEGER:
		return "an integer";
	case CDX_NUMBER:
		return "a number";
	case CDX_BOOL:
		return "a boolean";
	case CDX_ARRAY:
		return "an array";
	case CDX_OBJECT:
		return "an object";
	}
	return "a value";
}

int tplc_cdx_child_role(int parent, int role)
{
	switch (role) {
	case CDX_R_COMPONENT:
		return parent == CDX_R_BOM || parent == CDX_R_COMPONENT
		               ? role
		               : CDX_R_NONE;
	case CDX_R_METADATA:
	case CDX_R_DEPENDENCY:
		return parent == CDX_R_BOM ? role : CDX_R_NONE;
	case CDX_R_SUBJECT:
		return parent == CDX_R_METADATA ? role : CDX_R_NONE;
	default:
		return CDX_R_NONE;
	}
}

static const struct cdx_member *find_member(const struct cdx_object *obj,
                                            const char *name, int minor,
                                            bool *elsewhere)
{
	size_t i;

	*elsewhere = false;
	for (i = 0; i < obj->count; i++) {
		const struct cdx_member *m = &obj->members[i];

		if (strcmp(m->name, name) != 0)
			continue;
		if (tplc_cdx_in_version(m->since, m->until, minor))
			return m;
		*elsewhere = true;
	}
	return NULL;
}

static int walk_value(struct cdx_walk *w, const struct cdx_spec *spec,
                      const struct tplx_json *v, const struct tplx_jpath *path,
                      int role);

static int walk_object(struct cdx_walk *w, const struct cdx_object *obj,
                       const struct tplx_json *v, const struct tplx_jpath *path,
                       int role)
{
	size_t i;
	int error;

	for (i = 0; i < obj->count; i++) {
		const struct cdx_member *m = &obj->members[i];
		struct tplx_jpath at;

		if (!m->required ||
		    !tplc_cdx_in_version(m->since, m->until, w->minor) ||
		    tplx_json_get(v, m->name) != NULL)
			continue;
		at = tplx_jpath_key(path, m->name);
		return tplc_cdx_fail(w, v, &at, "required member is missing");
	}
	for (i = 0; i < v->u.object.count; i++) {
		const struct tplx_json_member *jm = &v->u.object.members[i];
		struct tplx_jpath at = tplx_jpath_key(path, jm->key);
		const struct cdx_member *m;
		bool elsewhere;

		m = find_member(obj, jm->key, w->minor, &elsewhere);
		if (m == NULL) {
			if (obj->closed_since == 0 ||
			    w->minor < obj->closed_since)
				continue;
			if (elsewhere)
				return tplc_cdx_fail(
				        w, jm->value, &at,
				        "\"%.64s\" is not part of a %s in "
				        "CycloneDX 1.%d",
				        jm->key, obj->name, w->minor);
			return tplc_cdx_fail(w, jm->value, &at,
			                     "unexpected member \"%.64s\" in "
			                     "a %s",
			                     jm->key, obj->name);
		}
		error = walk_value(w, m->spec, jm->value, &at,
		                   tplc_cdx_child_role(role, m->role));
		if (error != 0)
			return error;
	}
	return 0;
}

static int walk_value(struct cdx_walk *w, const struct cdx_spec *spec,
                      const struct tplx_json *v, const struct tplx_jpath *path,
                      int role)
{
	int error = 0;
	size_t i;

	if (spec == NULL)
		return 0;
	if (!type_matches(spec->type, v)) {
		if (spec->alt == NULL || !type_matches(spec->alt->type, v))
			return tplc_cdx_fail(w, v, path,
			                     "expected %s, found %s",
			                     type_name(spec->type),
			                     tplx_json_type_name(v->type));
		spec = spec->alt;
	}
	switch (spec->type) {
	case CDX_STRING:
		error = check_string(w, spec, v, path);
		break;
	case CDX_ARRAY:
		for (i = 0; error == 0 && i < v->u.array.count; i++) {
			struct tplx_jpath at = tplx_jpath_index(path, i);
			error = walk_value(w, spec->items, v->u.array.items[i],
			                   &at, role);
		}
		break;
	case CDX_OBJECT:
		if (role != CDX_R_NONE && w->hooks && w->hooks->enter)
			error = w->hooks->enter(w, role, v, path);
		if (error == 0 && spec->object != NULL)
			error = walk_object(w, spec->object, v, path, role);
		if (error == 0 && spec->check != NULL)
			error = spec->check(w, v, path);
		if (error == 0 && role != CDX_R_NONE && w->hooks &&
		    w->hooks->leave)
			error = w->hooks->leave(w, role, v, path);
		return error;
	default:
		break;
	}
	if (error == 0 && spec->check != NULL)
		error = spec->check(w, v, path);
	return error;
}

int tplc_cdx_walk(struct cdx_walk *w, const struct cdx_spec *spec,
                  const struct tplx_json *root)
{
	struct tplx_jpath top = TPLX_JPATH_ROOT;

	return walk_value(w, spec, root, &top, CDX_R_BOM);
}

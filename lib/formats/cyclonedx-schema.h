/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CYCLONEDX_SCHEMA_H
#define TPLC_FORMATS_CYCLONEDX_SCHEMA_H

/*
 * CycloneDX JSON validation as data.  cyclonedx-schema.c describes, per
 * object kind, its members (name, spec versions, required or not, what
 * value each holds), which enum values and string formats are allowed,
 * and from which spec version unknown members are refused
 * (additionalProperties: false).  cyclonedx-walk.c walks a parsed
 * document along these tables once, checking every value it has a rule
 * for, and calls extraction hooks (cyclonedx.c) on the objects the model
 * wants: the one walk validates and extracts.
 *
 * Spec versions are the minor number of 1.x: 2 for 1.2 ... 7 for 1.7.
 * A "since"/"until" of 0 means no bound.  What the tables do not
 * describe (ANY) is accepted as it is.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;

#define CDX_MINOR_MIN 2
#define CDX_MINOR_MAX 7

/* Nested components deeper than this are refused (TPLC_ELIMIT). */
#define CDX_NESTING_MAX 64

enum cdx_type {
	CDX_ANY = 0, /* not checked */
	CDX_STRING,
	CDX_INTEGER,
	CDX_NUMBER,
	CDX_BOOL,
	CDX_ARRAY,
	CDX_OBJECT,
};

/* String formats (JSON schema patterns and formats, and our own rules). */
enum cdx_format {
	CDX_F_NONE = 0,
	CDX_F_NAME,     /* a name the model requires: not blank */
	CDX_F_REF,      /* a reference: not empty */
	CDX_F_BOM_REF,  /* a component's or service's own bom-ref: not
	                   empty, unique in the document */
	CDX_F_SERIAL,   /* urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx */
	CDX_F_DATETIME, /* RFC 3339 date-time */
	CDX_F_HASH,     /* hex digest of 32, 40, 64, 96 or 128 digits */
	CDX_F_SPDX_ID,  /* a known SPDX license or exception identifier */
};

/* What the extraction hooks are told an object is. */
enum cdx_role {
	CDX_R_NONE = 0,
	CDX_R_BOM,        /* the document */
	CDX_R_METADATA,   /* bom.metadata */
	CDX_R_SUBJECT,    /* bom.metadata.component */
	CDX_R_COMPONENT,  /* bom.components[] and their components[] */
	CDX_R_DEPENDENCY, /* bom.dependencies[] */
};

struct cdx_enum {
	const char *value;
	unsigned char since;
};

struct cdx_walk;
struct cdx_spec;

/* A rule across members or items that a table cannot say. */
typedef int (*cdx_check_fn)(struct cdx_walk *w, const struct tplx_json *v,
                            const struct tplx_jpath *path);

struct cdx_member {
	const char *name;
	unsigned char since, until; /* spec versions it exists in */
	bool required;
	unsigned char role; /* enum cdx_role, for the value's objects */
	const struct cdx_spec *spec;
};

struct cdx_object {
	const char *name; /* for messages: "component" */
	const struct cdx_member *members;
	size_t count;
	unsigned char closed_since; /* unknown members refused from */
};

/* What one JSON value must be. */
struct cdx_spec {
	unsigned char type;              /* enum cdx_type */
	unsigned char format;            /* strings: enum cdx_format */
	const struct cdx_enum *values;   /* strings: allowed, NULL-ended */
	const struct cdx_object *object; /* objects */
	const struct cdx_spec *items;    /* arrays */
	const struct cdx_spec *alt;      /* accepted instead when the JSON
	                                    type is the alternative's */
	cdx_check_fn check;              /* after the value's own rules */
};

struct cdx_hooks {
	int (*enter)(struct cdx_walk *w, int role, const struct tplx_json *v,
	             const struct tplx_jpath *path);
	int (*leave)(struct cdx_walk *w, int role, const struct tplx_json *v,
	             const struct tplx_jpath *path);
};

struct cdx_ref {
	const char *ref;
	const struct tplx_json *node;
};

struct cdx_walk {
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	int minor;                     /* spec version 1.<minor> */
	const struct cdx_hooks *hooks; /* NULL: validate only */
	void *ctx;                     /* the hooks' state */
	struct cdx_ref *refs;          /* bom-refs seen (heap) */
	size_t ref_count, ref_cap;
};

/* Enumerations the XML schema tables share (cyclonedx-xml-schema.c). */
extern const struct cdx_enum tplc_cdx_component_types[];
extern const struct cdx_enum tplc_cdx_scopes[];
extern const struct cdx_enum tplc_cdx_hash_algs[];
extern const struct cdx_enum tplc_cdx_encodings[];
extern const struct cdx_enum tplc_cdx_patch_types[];
extern const struct cdx_enum tplc_cdx_issue_types[];
extern const struct cdx_enum tplc_cdx_data_flows[];

/* The document's root. */
extern const struct cdx_spec tplc_cdx_bom;

/*
 * Walk root along spec for spec version w->minor, calling w->hooks, then
 * check that bom-refs are unique.  Returns 0 or the first error (located
 * in w->err).  tplc_cdx_walk_release frees the walk's own memory.
 */
int tplc_cdx_walk(struct cdx_walk *w, const struct cdx_spec *spec,
                  const struct tplx_json *root);
void tplc_cdx_walk_release(struct cdx_walk *w);

/* Does a table entry exist in spec version minor (0: no bound)? */
static inline bool tplc_cdx_in_version(unsigned char since, unsigned char until,
                                       int minor)
{
	return (since == 0 || minor >= since) && (until == 0 || minor <= until);
}

/*
 * The role a child plays for extraction, from its table entry's role and
 * the role of its nearest ancestor that has one: components nest in the
 * document's components, the rest hangs off the document.  Both walks
 * (JSON and XML) use it.
 */
int tplc_cdx_child_role(int parent, int role);

/*
 * Is s one of values in spec version minor?  If not, allowed gets the
 * list of the values that are, for the message.
 */
bool tplc_cdx_enum_has(const struct cdx_enum *values, int minor, const char *s,
                       char *allowed, size_t size);

/* TPLC_EPARSE located at v, for checks. */
int tplc_cdx_fail(struct cdx_walk *w, const struct tplx_json *v,
                  const struct tplx_jpath *path, const char *fmt, ...)
        TPLC_PRINTF(4, 5);

#endif

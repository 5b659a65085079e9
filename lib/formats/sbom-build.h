/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_SBOM_BUILD_H
#define TPLC_FORMATS_SBOM_BUILD_H

/*
 * What the SBOM parsers share: building a struct tplc_sbom in its arena.
 * Components and dependencies grow in heap scratch vectors while a
 * document is walked and are copied into the arena, exactly sized, by
 * _finish; every string is copied into the arena, so the parsed JSON can
 * be freed.  A parser that fails calls _abort and nothing is left over.
 *
 * Functions returning int give 0 or TPLC_ENOMEM (recorded in b->err).
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

struct tplx_json_doc;

struct tplc_sbom_build {
	struct tplc_sbom *sbom; /* in its own arena */
	struct tplc_component *components;
	size_t component_count, component_cap;
	struct tplc_dependency *dependencies;
	size_t dependency_count, dependency_cap;
	struct tplc_error *err;
};

int tplc_sbom_build_init(struct tplc_sbom_build *b, const char *format,
                         struct tplc_error *err);
void tplc_sbom_build_abort(struct tplc_sbom_build *b);
/* Hand the finished SBOM to *out; b is released either way. */
int tplc_sbom_build_finish(struct tplc_sbom_build *b, struct tplc_sbom **out);

/* Record TPLC_ENOMEM in b->err and return it. */
int tplc_sbom_build_nomem(struct tplc_sbom_build *b);
/* Copy s into the arena; NULL, "" and blank strings give NULL. */
int tplc_sbom_build_str(struct tplc_sbom_build *b, const char **dst,
                        const char *s);
int tplc_sbom_build_strn(struct tplc_sbom_build *b, const char **dst,
                         const char *s, size_t len);
/* A zeroed array in the arena (count may be 0: gives NULL, no error). */
int tplc_sbom_build_array(struct tplc_sbom_build *b, void *dst, size_t count,
                          size_t size);
/* Append a zeroed record; *index is its slot (pointers move, indexes
 * do not). */
int tplc_sbom_build_component(struct tplc_sbom_build *b, size_t *index);
int tplc_sbom_build_dependency(struct tplc_sbom_build *b, size_t *index);

/*
 * Report "unsupported" (TPLC_EUNSUPPORTED) located at node, like
 * tplx_json_fail does for TPLC_EPARSE.
 */
struct tplx_json;
struct tplx_jpath;
int tplc_sbom_unsupported(const struct tplx_json_doc *doc,
                          const struct tplx_json *node,
                          const struct tplx_jpath *path, struct tplc_error *err,
                          const char *fmt, ...) TPLC_PRINTF(5, 6);

/* Format parsers on an already parsed document (sbom.c dispatches). */
int tplc_cyclonedx_parse_doc(struct tplc_sbom **out,
                             const struct tplx_json_doc *doc,
                             struct tplc_error *err);
int tplc_spdx_parse_doc(struct tplc_sbom **out, const struct tplx_json_doc *doc,
                        struct tplc_error *err);

#endif

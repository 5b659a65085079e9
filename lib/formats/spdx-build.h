/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_SPDX_BUILD_H
#define TPLC_FORMATS_SPDX_BUILD_H

/*
 * The SPDX 2.2 / 2.3 model building every serialisation shares (JSON,
 * tag-value, YAML, XML): a serialisation reads its syntax and hands the
 * values here; this file decides what they mean in struct tplc_sbom
 * (packages -> components with purl/CPE from external refs,
 * relationships -> dependencies, creation info -> created/author,
 * documentDescribes / DESCRIBES -> subject).
 *
 * Every string passed in is copied (into the SBOM's arena when kept), so
 * the caller's buffers may go once a call returns.  NOASSERTION, NONE and
 * blank values count as absent.
 *
 * Returns: 0, or TPLC_ENOMEM (recorded in err).  The functions that can
 * also find the input wrong (_version, _check_ids) return TPLC_EPARSE or
 * TPLC_EUNSUPPORTED WITHOUT filling err: only the caller knows where in
 * its syntax the value was, and reports it there.
 *
 * Use: _init; _version, _document, _created, _creator, _describes,
 * _package, _relationship in any order; _check_ids; then _finish (or
 * _abort on any error).  Both release everything but the result.
 */

#include <stdbool.h>
#include <stddef.h>

#include "formats/sbom-build.h"
#include "tplc/error.h"
#include "tplc/model.h"
#include "util/buf.h"

/* The author line joins the creators up to this many bytes. */
#define TPLC_SPDX_AUTHOR_MAX 1024

struct tplc_spdx_checksum {
	const char *algorithm; /* "SHA1", "SHA256", "MD5", ... */
	const char *value;     /* hex */
};

struct tplc_spdx_ref {
	const char *category; /* "PACKAGE-MANAGER", "SECURITY", ... */
	const char *type;     /* "purl", "cpe23Type", "cpe22Type", ... */
	const char *locator;
};

/* One package as a serialisation found it; all members are borrowed. */
struct tplc_spdx_package {
	const char *id;   /* SPDXID, required */
	const char *name; /* required */
	const char *version;
	const char *supplier;   /* "Organization: Acme (a@b)" as given */
	const char *originator; /* used when there is no supplier */
	const char *license_concluded;
	const char *license_declared; /* used when none is concluded */
	const char *purpose;          /* primaryPackagePurpose */
	const struct tplc_spdx_checksum *checksums;
	size_t checksum_count;
	const struct tplc_spdx_ref *refs;
	size_t ref_count;
};

struct tplc_spdx_edge; /* private to spdx-build.c */

struct tplc_spdx_build {
	struct tplc_sbom_build b;
	struct tplc_error *err;
	const char *document_id; /* in the arena */
	const char **describes;  /* documentDescribes, heap, arena strings */
	size_t describes_count, describes_cap;
	struct tplc_spdx_edge *edges; /* heap */
	size_t edge_count, edge_cap;
	const struct tplc_component **by_id; /* heap, sorted by ref */
	struct tplx_buf author;              /* joined creators */
};

int tplc_spdx_build_init(struct tplc_spdx_build *s, struct tplc_error *err);
void tplc_spdx_build_abort(struct tplc_spdx_build *s);
/* Hand the SBOM to *out; s is released either way. */
int tplc_spdx_build_finish(struct tplc_spdx_build *s, struct tplc_sbom **out);

/*
 * "SPDX-2.3" / "SPDX-2.2": kept as spec_version "2.3" / "2.2".  Another
 * "SPDX-..." gives TPLC_EUNSUPPORTED, anything else TPLC_EPARSE (err not
 * filled: see above).
 */
int tplc_spdx_build_version(struct tplc_spdx_build *s, const char *version);
/* The document's own SPDXID and its namespace (the serial). */
int tplc_spdx_build_document(struct tplc_spdx_build *s, const char *id,
                             const char *ns);
int tplc_spdx_build_created(struct tplc_spdx_build *s, const char *created);
/* One creator ("Tool: x-1.0", "Organization: Acme (a@b)"), in order. */
int tplc_spdx_build_creator(struct tplc_spdx_build *s, const char *creator);
/* One documentDescribes entry, in order. */
int tplc_spdx_build_describes(struct tplc_spdx_build *s, const char *id);
/* Add a package as a component (the caller checked id and name are
 * present); *index (may be NULL) is its slot in s->b.components. */
int tplc_spdx_build_package(struct tplc_spdx_build *s,
                            const struct tplc_spdx_package *pkg, size_t *index);
/* One relationship "from type to"; types the model does not use are
 * ignored. */
int tplc_spdx_build_relationship(struct tplc_spdx_build *s, const char *from,
                                 const char *type, const char *to);
/*
 * SPDXIDs name one element each: TPLC_EPARSE (err not filled) when two
 * packages share one, *duplicate being the later one's index.
 */
int tplc_spdx_build_check_ids(struct tplc_spdx_build *s, size_t *duplicate);

/* NOASSERTION, NONE, NULL and blank say "no value". */
bool tplc_spdx_no_value(const char *s);

/* Which text serialisation data (after a BOM and blanks) looks like. */
enum tplc_spdx_text { TPLC_SPDX_OTHER, TPLC_SPDX_TAG_VALUE, TPLC_SPDX_YAML };
enum tplc_spdx_text tplc_spdx_sniff(const char *data, size_t len);

/* Parsers of the other serialisations (sbom.c dispatches). */
int tplc_spdx_tv_parse(struct tplc_sbom **out, const char *data, size_t len,
                       const char *source, struct tplc_error *err);
int tplc_spdx_yaml_parse(struct tplc_sbom **out, const char *data, size_t len,
                         const char *source, struct tplc_error *err);
int tplc_spdx_xml_parse(struct tplc_sbom **out, const char *data, size_t len,
                        const char *source, struct tplc_error *err);

#endif

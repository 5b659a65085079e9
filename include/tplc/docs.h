/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_DOCS_H
#define TPLC_DOCS_H

/*
 * Signed documentation transfer.  A manufacturer packs a product
 * version's security documentation (SBOM, VEX, MDS2, MUD, notices, test
 * reports, ...) into one tar file: manifest.dsse.json first, a DSSE
 * envelope (tplc/sign.h) of type TPLC_DOCS_MANIFEST_TYPE whose payload is
 *
 *   {"type":"tplc-docs-manifest","version":1,"id":<32 hex>,
 *    "manufacturer","product","product_version","created",
 *    "files":[{"name","kind","sha256","size"}]}
 *
 * then files/<name> for each file.  The hospital verifies it against a key
 * it trusts for the manufacturer, imports what tplc reads, and answers
 * with a signed receipt (TPLC_DOCS_RECEIPT_TYPE):
 *
 *   {"type":"tplc-docs-receipt","version":1,"id":<32 hex>,"bundle":<64 hex>,
 *    "manifest":<the manifest's id>,"manufacturer","product",
 *    "product_version","received","acknowledged","by",
 *    "files":[{"name","sha256","imported":true|false}]}
 *
 * A bundle's id is the SHA-256 (hex) of its manifest envelope's bytes.
 * Members not listed are rejected: what is signed is what is read.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplc_store;
struct tplc_seckey;

#define TPLC_DOCS_MANIFEST_TYPE "application/vnd.tplc.docs-manifest+json"
#define TPLC_DOCS_RECEIPT_TYPE  "application/vnd.tplc.docs-receipt+json"
/* The tar member holding the signed manifest, and the files' folder. */
#define TPLC_DOCS_MANIFEST_NAME "manifest.dsse.json"
#define TPLC_DOCS_FILES_DIR     "files/"

/* Limits on what a bundle may hold. */
#define TPLC_DOCS_FILES_MAX  256
#define TPLC_DOCS_FILE_MAX   ((size_t)64 * 1024 * 1024)
#define TPLC_DOCS_BUNDLE_MAX ((size_t)512 * 1024 * 1024)
#define TPLC_DOCS_NAME_MAX   255
/* manufacturer, product, version, by, dates */
#define TPLC_DOCS_TEXT_MAX 512
/* A manifest's or receipt's JSON payload. */
#define TPLC_DOCS_PAYLOAD_MAX ((size_t)1024 * 1024)
/* A receipt file (its DSSE envelope). */
#define TPLC_DOCS_RECEIPT_MAX ((size_t)2 * 1024 * 1024)
/* Hex digits of a random id, of a SHA-256; of the shortest id prefix. */
#define TPLC_DOCS_ID_HEX     32
#define TPLC_DOCS_SHA256_HEX 64
#define TPLC_DOCS_PREFIX_MIN 8

enum tplc_docs_kind {
	TPLC_DOCS_SBOM,
	TPLC_DOCS_VEX,
	TPLC_DOCS_MDS2,
	TPLC_DOCS_MUD,
	TPLC_DOCS_NOTICE,
	TPLC_DOCS_TEST_REPORT,
	TPLC_DOCS_LIFECYCLE,
	TPLC_DOCS_OTHER,
};

#define TPLC_DOCS_KINDS 8

/* "sbom", "vex", ... "other"; NULL out of range. */
const char *tplc_docs_kind_name(int kind);
/* -1 when not one of the kinds. */
int tplc_docs_kind_parse(const char *name);
/*
 * A file's kind from its content (name helps only for .xlsx):
 * CycloneDX/SPDX is sbom unless it carries vulnerabilities and no
 * components (vex); OpenVEX and CSAF csaf_vex are vex; JSON with
 * "ietf-mud:mud" is mud; a DSSE envelope of a notice is notice; .xlsx, or
 * CSV whose rows start with MDS2 ids (DOC-1, CSUP-2.1) is mds2; else other.
 */
int tplc_docs_kind_detect(const char *name, const char *data, size_t len);
/*
 * NULL when name is a safe file name (1 to TPLC_DOCS_NAME_MAX bytes of
 * A-Z a-z 0-9 and . _ - + ~ @ = space, no leading '.' or space, no "..");
 * else why not.
 */
const char *tplc_docs_name_problem(const char *name);

/* A fresh random id, 32 lower-case hex digits. */
void tplc_docs_random_id(char out[TPLC_DOCS_ID_HEX + 1]);

struct tplc_docs_file {
	const char *name;
	const char *kind;   /* a kind's name */
	const char *sha256; /* 64 lower-case hex digits */
	long long size;     /* manifest only */
	bool imported;      /* receipt only */
};

struct tplc_docs_manifest {
	const char *id;
	const char *manufacturer, *product, *product_version;
	const char *created;
	const struct tplc_docs_file *files;
	size_t file_count;
	void *arena_; /* parsed ones: owns everything */
};

struct tplc_docs_receipt {
	const char *id;
	const char *bundle;   /* the bundle id (64 hex) */
	const char *manifest; /* the manifest's id (32 hex) */
	const char *manufacturer, *product, *product_version;
	const char *received, *acknowledged, *by;
	/* the hospital that received it: the receipt must be signed by a key
	 * trusted for this name */
	const char *recipient;
	const struct tplc_docs_file *files;
	size_t file_count;
	void *arena_;
};

/*
 * The payload JSON into *out (caller frees with tplc_free_string); the
 * fields are checked as the parser checks them (TPLC_EINVAL).
 */
int tplc_docs_manifest_write(const struct tplc_docs_manifest *m, char **out,
                             size_t *len, struct tplc_error *err);
int tplc_docs_receipt_write(const struct tplc_docs_receipt *r, char **out,
                            size_t *len, struct tplc_error *err);
/* Parse a payload; malformed members are TPLC_EPARSE with their path. */
int tplc_docs_manifest_parse(struct tplc_docs_manifest **out, const char *text,
                             size_t len, const char *source,
                             struct tplc_error *err);
int tplc_docs_receipt_parse(struct tplc_docs_receipt **out, const char *text,
                            size_t len, const char *source,
                            struct tplc_error *err);
void tplc_docs_manifest_free(struct tplc_docs_manifest *m);
void tplc_docs_receipt_free(struct tplc_docs_receipt *r);

/* ---- the store (lib/store/docs*.c) -------------------------------------- */

/* A file to pack: kind NULL is detected from its content. */
struct tplc_docs_input {
	const char *path;
	const char *kind;
};

/* manufacturer NULL: product is "Manufacturer Model" (a product the
 * store knows, else split at the first space). */
struct tplc_docs_pack {
	const char *manufacturer, *product, *version;
	const struct tplc_docs_input *files;
	size_t file_count;
	const struct tplc_seckey *key;
	const char *out; /* the tar file written */
	const char *by;
};

/* What pack, verify and receive tell about a bundle. */
struct tplc_docs_bundle {
	char id[TPLC_DOCS_SHA256_HEX + 1];
	char key_id[32];
	struct tplc_docs_manifest *manifest; /* free with _manifest_free */
	bool imported[TPLC_DOCS_FILES_MAX];  /* receive: by manifest file */
	size_t import_count;
	bool already; /* receive: this bundle was received before */
};

/* Write the bundle and record it as issued (audit docs.pack). */
int tplc_store_docs_pack(struct tplc_store *store,
                         const struct tplc_docs_pack *pack,
                         struct tplc_docs_bundle *out, struct tplc_error *err);
/*
 * Check a bundle (len bytes of a tar; source names it): the manifest's
 * signature against a key trusted for its manufacturer, every file's
 * size and SHA-256, no file the manifest does not list.  TPLC_EPARSE
 * naming the file or the key.
 */
int tplc_store_docs_verify(struct tplc_store *store, const char *data,
                           size_t len, const char *source,
                           struct tplc_docs_bundle *out,
                           struct tplc_error *err);
/*
 * Verify, then in one transaction record it as received and import its
 * SBOM, VEX, notices (and MDS2); any failure leaves the store as it was.
 */
int tplc_store_docs_receive(struct tplc_store *store, const char *data,
                            size_t len, const char *source, const char *by,
                            struct tplc_docs_bundle *out,
                            struct tplc_error *err);
/*
 * Sign a receipt for a received bundle (named by a unique prefix of at
 * least TPLC_DOCS_PREFIX_MIN hex digits of its id) and record it.  The
 * envelope into *out (tplc_free_string), its id into receipt_id.
 */
int tplc_store_docs_ack(struct tplc_store *store, const char *bundle,
                        const struct tplc_seckey *key, const char *recipient,
                        const char *by, char **out, size_t *out_len,
                        char receipt_id[TPLC_DOCS_ID_HEX + 1],
                        struct tplc_error *err);
/*
 * At the manufacturer: check a receipt against a key trusted for the
 * hospital (its "by" side: trusted_keys' owner is the receipt's
 * signer), for a bundle this store issued with the same files, never
 * recorded before (a replay is TPLC_EPARSE); record it.
 */
int tplc_store_docs_receipt(struct tplc_store *store, const char *text,
                            size_t len, const char *source, const char *by,
                            struct tplc_docs_receipt **out,
                            struct tplc_error *err);

/* True when data is a DSSE envelope of a receipt (not a tar). */
bool tplc_docs_is_receipt(const char *data, size_t len);

struct tplc_docs_row {
	const char *id, *direction;
	const char *manufacturer, *model, *version;
	const char *created, *recorded_by, *recorded_at, *key_id;
	long long files, imported;
	const char *acknowledged; /* the receipt's date, or NULL */
};

typedef int (*tplc_docs_cb)(const struct tplc_docs_row *row, void *data);
int tplc_store_docs_list(struct tplc_store *store, tplc_docs_cb cb, void *data,
                         struct tplc_error *err);

/* What `docs missing` reports: one kind never received for a product
 * version in use, or one bundle never acknowledged (or, issued, never
 * answered by a verified receipt). */
struct tplc_docs_gap {
	const char *manufacturer, *model, *version;
	const char *kinds;  /* the kinds missing, "sbom,mds2"; or NULL */
	const char *bundle; /* unacknowledged bundle id, or NULL */
	long long devices;
};

typedef int (*tplc_docs_gap_cb)(const struct tplc_docs_gap *gap, void *data);
/* expect: kinds (bit 1u << enum tplc_docs_kind); issued: the
 * manufacturer's view. */
int tplc_store_docs_missing(struct tplc_store *store, unsigned expect,
                            bool issued, tplc_docs_gap_cb cb, void *data,
                            struct tplc_error *err);

#endif

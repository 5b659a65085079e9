/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_NOTICE_H
#define TPLC_NOTICE_H

/*
 * An end-of-life / end-of-support notice as IMDRF N70 (2023) lists its
 * content: who and what (manufacturer, product, the deployed versions
 * affected, operating system), the components going out of support, the
 * dates of change, the maintenance that continues and until when, the
 * compensating controls recommended, the replacement or upgrade path and
 * a contact.  It travels as JSON signed in a DSSE envelope (tplc/sign.h)
 * of type TPLC_NOTICE_TYPE:
 *
 *   { "id", "issued", "delivery": "pushed"|"published",
 *     "manufacturer", "product", "versions": [..],
 *     "operatingSystem", "components": [{"name","version","endOfSupport"}],
 *     "eol", "eos",
 *     "remainingMaintenance": {"description", "until"},
 *     "compensatingControls": {"recommended": [..], "notes"},
 *     "replacement", "contact" }
 *
 * Members not in this list are rejected: a signed statement about a
 * device's support must not carry parts the reader silently drops.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

#define TPLC_NOTICE_TYPE "application/vnd.tplc.lifecycle-notice+json"

/* Limits on what a notice may hold. */
#define TPLC_NOTICE_MAX            ((size_t)1024 * 1024)
#define TPLC_NOTICE_ID_MAX         128
#define TPLC_NOTICE_TEXT_MAX       4096
#define TPLC_NOTICE_VERSIONS_MAX   256
#define TPLC_NOTICE_COMPONENTS_MAX 1024

/* N70's compensating controls for devices past their support. */
enum tplc_notice_control {
	TPLC_NOTICE_CONTROL_PHYSICAL_ACCESS,
	TPLC_NOTICE_CONTROL_REMOVABLE_MEDIA,
	TPLC_NOTICE_CONTROL_ISOLATION,
	TPLC_NOTICE_CONTROL_SEGMENTATION,
	TPLC_NOTICE_CONTROL_MONITORING,
	TPLC_NOTICE_CONTROL_NO_REMOTE_ACCESS,
	TPLC_NOTICE_CONTROL_FIREWALL,
	TPLC_NOTICE_CONTROL_ANTI_MALWARE,
	TPLC_NOTICE_CONTROL_BACKUP,
};

#define TPLC_NOTICE_CONTROLS 9

/* "physical-access", ...; NULL out of range. */
const char *tplc_notice_control_name(unsigned control);
/* -1 when not one of the nine. */
int tplc_notice_control_parse(const char *name);

struct tplc_notice_component {
	const char *name;
	const char *version;        /* NULL: any */
	const char *end_of_support; /* YYYY-MM-DD, or NULL */
};

/* Strings are NULL when absent, never "". */
struct tplc_notice {
	const char *id;
	const char *issued;   /* YYYY-MM-DD */
	const char *delivery; /* "pushed" or "published" */
	const char *manufacturer, *product;
	const char *const *versions;
	size_t version_count;
	const char *os;
	const struct tplc_notice_component *components;
	size_t component_count;
	const char *eol, *eos; /* at least one */
	const char *maintenance, *maintenance_until;
	unsigned controls; /* bit (1u << enum tplc_notice_control) */
	const char *controls_notes;
	const char *replacement;
	const char *contact;
	void *arena_; /* set by the parser; NULL for one built by hand */
};

/*
 * Parse and validate a notice.  Each error names the member's JSON path
 * ("versions[2]: expected a string").  Free with tplc_notice_free.
 */
int tplc_notice_parse(struct tplc_notice **out, const char *text, size_t len,
                      const char *source, struct tplc_error *err);
void tplc_notice_free(struct tplc_notice *notice);

/*
 * The notice as JSON (members in the order above, one line), checked by
 * parsing it back: what cannot be read is never written.  *out is freed
 * with tplc_free_string (tplc/sign.h).
 */
int tplc_notice_write(const struct tplc_notice *notice, char **out,
                      size_t *out_len, struct tplc_error *err);

/* An id for a notice that has none: "EOL-" and 12 hex digits of a hash
 * of everything it says, so the same notice gets the same id and a
 * corrected one another. */
void tplc_notice_make_id(const struct tplc_notice *notice, char *out,
                         size_t size);

/* ---- the store's record (lib/store/notices.c) ------------------------------ */

struct tplc_store;
struct tplc_pubkey;

/*
 * Record a notice this manufacturer issued (direction "issued"): the
 * notice, the signed envelope (document) and the key that signed it, and
 * each version's EOL/EOS milestones, announced on the issue day as the
 * delivery says.  Product versions are created as needed.  One
 * transaction; recording the same notice again changes nothing, another
 * document under the same id is TPLC_EEXISTS.
 */
int tplc_store_notice_record(struct tplc_store *store,
                             const struct tplc_notice *notice,
                             const char *document, const char *key_id,
                             const char *by, struct tplc_error *err);

struct tplc_notice_import {
	char id[TPLC_NOTICE_ID_MAX + 1];
	char key_id[32];
	size_t versions; /* product versions it sets milestones for */
	bool already;    /* the same notice was recorded before */
};

/*
 * Import a signed notice (a DSSE envelope) as the hospital: it must carry
 * a signature that verifies with a key trusted for the notice's
 * manufacturer (tplc_store_key_trust).  Untrusted, tampered or malformed
 * notices are TPLC_EPARSE and change nothing.  source names the file.
 */
int tplc_store_notice_import(struct tplc_store *store, const char *text,
                             size_t len, const char *source, const char *by,
                             struct tplc_notice_import *out,
                             struct tplc_error *err);

/* One recorded notice; strings borrowed for the callback. */
struct tplc_notice_row {
	const char *id, *manufacturer, *model;
	const char *versions; /* comma-separated */
	const char *issued, *eol, *eos, *delivery;
	const char *direction; /* "issued" or "imported" */
	const char *key_id, *source, *recorded_at;
	long eol_days, eos_days;   /* notice given, in days; -1: no date */
	long lead_days;            /* to the earlier milestone */
	bool short_eol, short_eos; /* under TPLC_NOTICE_LEAD_YEARS */
	bool passive;              /* only published, not pushed */
	bool flagged;              /* any of the three */
};

typedef int (*tplc_notice_cb)(const struct tplc_notice_row *row, void *data);

/* Every notice by issue day; flagged_only: short or passive ones. */
int tplc_store_notices(struct tplc_store *store, bool flagged_only,
                       tplc_notice_cb cb, void *data, struct tplc_error *err);

/* ---- trusted keys ----------------------------------------------------------- */

/* Trust key for notices from manufacturer.  TPLC_EEXISTS when the key is
 * already trusted (for any manufacturer). */
int tplc_store_key_trust(struct tplc_store *store,
                         const struct tplc_pubkey *key,
                         const char *manufacturer, const char *comment,
                         const char *by, struct tplc_error *err);
/* TPLC_ENOTFOUND when no such key id. */
int tplc_store_key_forget(struct tplc_store *store, const char *key_id,
                          struct tplc_error *err);

struct tplc_key_row {
	const char *key_id, *public_key, *manufacturer, *comment;
	const char *added_by, *added_at;
};

typedef int (*tplc_key_cb)(const struct tplc_key_row *row, void *data);
int tplc_store_keys(struct tplc_store *store, tplc_key_cb cb, void *data,
                    struct tplc_error *err);

#endif

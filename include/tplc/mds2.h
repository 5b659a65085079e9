/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MDS2_H
#define TPLC_MDS2_H

/*
 * The Manufacturer Disclosure Statement for Medical Device Security
 * (ANSI/NEMA HN 1-2019, "MDS2"): a form of some 220 questions, each with
 * an ID (SAHD-15, TXCF-2.1, ...), answered Yes / No / N/A / See Note plus
 * a note.  Read from the manufacturer's workbook (.xlsx) or from CSV
 * (ID,answer,note), stored per product version, checked against a
 * hospital's requirements profile ("TXCF-2 must be Yes") and compared
 * between versions.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/store.h"

/* Answers read from one form (the standard has about 220 questions). */
#define TPLC_MDS2_ANSWERS_MAX 4096
/* Bytes of one answer, note or question text kept. */
#define TPLC_MDS2_TEXT_MAX ((size_t)32 * 1024)
/* Bytes of a form file (CSV or workbook). */
#define TPLC_MDS2_FILE_MAX ((size_t)64 * 1024 * 1024)
/* Requirements in one profile, and bytes of a profile file. */
#define TPLC_MDS2_RULES_MAX   4096
#define TPLC_MDS2_PROFILE_MAX ((size_t)1024 * 1024)
/* Bytes of a question ID ("AUDT-2.8.1"). */
#define TPLC_MDS2_ID_MAX 32

enum tplc_mds2_answer {
	TPLC_MDS2_YES,
	TPLC_MDS2_NO,
	TPLC_MDS2_NA,
	TPLC_MDS2_SEE_NOTE,
	TPLC_MDS2_TEXT,       /* free text: the DOC section */
	TPLC_MDS2_UNANSWERED, /* empty or "____" */
};

/* "yes", "no", "n/a", "see-note", "text", "unanswered". */
const char *tplc_mds2_answer_name(enum tplc_mds2_answer answer);
/* The inverse; -1 for another word. */
int tplc_mds2_answer_parse(const char *name);

/* ---- the catalogue (lib/formats/mds2-catalog.c) -------------------------- */

struct tplc_mds2_question {
	const char *id;      /* "AUDT-2.8.1" */
	const char *parent;  /* "AUDT-2.8"; NULL for a top-level question */
	const char *section; /* "AUDT" */
};

size_t tplc_mds2_catalog_count(void);
const struct tplc_mds2_question *tplc_mds2_catalog_at(size_t i);
/* The question with exactly this (canonical) ID, or NULL. */
const struct tplc_mds2_question *tplc_mds2_catalog_find(const char *id);
/* The section's name in words ("Audit logging"), or NULL. */
const char *tplc_mds2_section_name(const char *section);

/*
 * Canonical spelling of a written ID: spaces dropped, upper case
 * ("csup - 2.1" -> "CSUP-2.1").  Fails (-1) when it does not look like an
 * ID: 2-5 letters, '-', a number, optionally ".n" parts.
 */
int tplc_mds2_id_canonical(const char *text, char *out, size_t size);
/*
 * A catalogue ID for an unknown canonical ID whose section is one edit
 * (or a transposition) from a known section ("SHAD-15" -> "SAHD-15"),
 * or NULL.
 */
const char *tplc_mds2_id_correct(const char *id);

/* The question takes free text, not Yes/No: DOC-1 to DOC-7 (name,
 * description, model, document id, contact, intended use, release date);
 * DOC-8 on are Yes/No questions like the rest. */
bool tplc_mds2_free_text(const char *id);

/*
 * Normalise a written answer: its first word gives *answer; what follows
 * (after ',', ':' or spaces) is returned in *rest (a pointer into text,
 * "" when none).  free_text: the question takes free text (DOC-1..7), so
 * anything not empty is TPLC_MDS2_TEXT.
 */
void tplc_mds2_answer_normalise(const char *text, bool free_text,
                                enum tplc_mds2_answer *answer,
                                const char **rest);

/* ---- a form read from a file (lib/formats/mds2.c) ------------------------ */

struct tplc_mds2_item {
	const char *id; /* canonical (corrected when a typo) */
	enum tplc_mds2_answer answer;
	const char *text;     /* the answer as written; NULL when empty */
	const char *note;     /* NULL when none */
	const char *question; /* the form's wording, NULL when absent */
	unsigned long line;   /* CSV line, or workbook row */
};

struct tplc_mds2_form {
	struct tplc_mds2_item *items; /* in form order, one per ID */
	size_t count;
	const char *document_id; /* DOC-4, or NULL */
	const char *released;    /* DOC-7, or NULL */
	size_t unanswered;
	size_t warnings;
	struct tplx_arena *arena;
};

/* A warning ("form.csv: line 12: SHAD-15 is not an MDS2 question; read as
 * SAHD-15"), borrowed for the call. */
typedef void (*tplc_mds2_warn_cb)(const char *message, void *data);

/*
 * Read a form: a workbook when data is a zip, else CSV.  source names the
 * input in errors and warnings.  warn may be NULL.  A file without any
 * MDS2 ID fails with TPLC_EPARSE.
 */
int tplc_mds2_parse(struct tplc_mds2_form **out, const char *data, size_t len,
                    const char *source, tplc_mds2_warn_cb warn, void *warn_data,
                    struct tplc_error *err);
void tplc_mds2_form_free(struct tplc_mds2_form *form);

/* ---- a hospital's requirements profile (lib/formats/mds2-profile.c) ----- */

enum tplc_mds2_op {
	TPLC_MDS2_MUST_BE,
	TPLC_MDS2_MUST_NOT_BE,
	TPLC_MDS2_MUST_BE_ANSWERED,
};

struct tplc_mds2_rule {
	const char *id;
	enum tplc_mds2_op op;
	unsigned answers; /* bit (1u << enum tplc_mds2_answer) per word */
	const char *text; /* the line as written, trimmed */
	unsigned long line;
};

struct tplc_mds2_profile {
	struct tplc_mds2_rule *rules;
	size_t count;
	struct tplx_arena *arena;
};

int tplc_mds2_profile_parse(struct tplc_mds2_profile **out, const char *data,
                            size_t len, const char *source,
                            struct tplc_error *err);
void tplc_mds2_profile_free(struct tplc_mds2_profile *profile);

/* "pass", "fail" or "unanswered" for an answer (TPLC_MDS2_UNANSWERED when
 * the form lacks the question). */
const char *tplc_mds2_rule_verdict(const struct tplc_mds2_rule *rule,
                                   enum tplc_mds2_answer answer);

/* ---- the store (lib/store/mds2.c) ---------------------------------------- */

/*
 * Read a form (tplc_mds2_parse) and store it as the newest form of the
 * product version, in one transaction with its audit entry (mds2.import).
 * manufacturer may be NULL, as for tplc_store_import_sbom.  by: who
 * (required).  warn may be NULL.  stats: added = answers read, updated =
 * of those unanswered, warnings.
 */
int tplc_store_mds2_import(struct tplc_store *store, const char *data,
                           size_t len, const char *source,
                           const char *manufacturer, const char *product,
                           const char *version, const char *by,
                           tplc_mds2_warn_cb warn, void *warn_data,
                           struct tplc_import_stats *stats,
                           struct tplc_error *err);

struct tplc_mds2_form_row {
	long long id;
	const char *manufacturer, *model, *version;
	const char *document_id, *released;
	const char *source, *sha256, *imported_by, *imported_at;
	long long answers, unanswered;
	bool current; /* the newest form of its product version */
};

struct tplc_mds2_answer_row {
	const char *question_id;
	const char *answer; /* tplc_mds2_answer_name */
	const char *text, *note, *question;
};

typedef int (*tplc_mds2_form_cb)(const struct tplc_mds2_form_row *row,
                                 void *data);
typedef int (*tplc_mds2_answer_cb)(const struct tplc_mds2_answer_row *row,
                                   void *data);

/*
 * Forms, by product ("manufacturer model" contains product, case-
 * insensitive; NULL: all) and version (exact; NULL: all); only the
 * current form of each version unless all_forms.  Ordered by product,
 * version, form id.
 */
int tplc_store_mds2_forms(struct tplc_store *store, const char *product,
                          const char *version, bool all_forms,
                          tplc_mds2_form_cb cb, void *data,
                          struct tplc_error *err);
/* The answers of one form in catalogue-ish order (question id). */
int tplc_store_mds2_answers(struct tplc_store *store, long long form_id,
                            tplc_mds2_answer_cb cb, void *data,
                            struct tplc_error *err);

/* Product versions that devices run and that have no MDS2 form. */
typedef int (*tplc_mds2_missing_cb)(const char *manufacturer, const char *model,
                                    const char *version, void *data);
int tplc_store_mds2_missing(struct tplc_store *store, const char *product,
                            tplc_mds2_missing_cb cb, void *data,
                            struct tplc_error *err);

#endif

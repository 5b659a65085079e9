/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_REVIEW_H
#define TPLC_REVIEW_H

/*
 * The hospital's lifecycle reviews (IMDRF N70 and the Health-ISAC paper
 * on legacy devices).  A device needs a yearly review from three years
 * before its EOL or EOS, and an annual risk assessment while it is in
 * Limited Support or End of Support.  Near End of Support the hospital
 * works through N70's checklist (the questions here); after it, N70's
 * compensating controls; each review ends in a decision: keep the device
 * (with controls), upgrade, replace or decommission it.
 *
 * The pure part (lib/lifecycle/review.c): the checklist, the controls,
 * the answer file, and the rule saying when a review is due.  The store
 * part (lib/store/reviews.c): recording reviews and listing what is due.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/lifecycle.h"
#include "tplc/rubric.h"

/* Questions in the checklist: tplc_review_question_at(0..COUNT). */
#define TPLC_REVIEW_QUESTIONS 12
/* Compensating controls in the catalogue. */
#define TPLC_REVIEW_CONTROLS 9
/* Largest answer file read, in bytes. */
#define TPLC_REVIEW_ANSWERS_MAX (64 * 1024)
/* "due" is said this many days ahead unless the caller says otherwise. */
#define TPLC_REVIEW_HORIZON_DAYS 90
/* Longest notes kept with a review, and longest reviewer name. */
#define TPLC_REVIEW_NOTES_MAX 4096
#define TPLC_REVIEW_NAME_MAX  256

struct tplc_review_question {
	const char *id;   /* "EOS-01" */
	const char *text; /* one line */
};

/* Answers (yes/no/unknown, as the rubric spells them), indexed as
 * tplc_review_question_at; TPLC_RUBRIC_UNANSWERED where none. */
struct tplc_review_answers {
	enum tplc_rubric_answer answer[TPLC_REVIEW_QUESTIONS];
};

const struct tplc_review_question *tplc_review_question_at(size_t i);
/* The index of the question with this ID (any case); -1 when none. */
int tplc_review_question_find(const char *id);

/*
 * Read an answer file: one "EOS-01 yes" per line (also "EOS-01=yes"),
 * blank lines and '#' comments skipped.  Errors (TPLC_EPARSE) carry file
 * and line: unknown question, bad answer, a question answered twice, a
 * line with more words.  TPLC_ELIMIT over TPLC_REVIEW_ANSWERS_MAX.
 */
int tplc_review_answers_parse(struct tplc_review_answers *out, const char *text,
                              size_t len, const char *file,
                              struct tplc_error *err);
/* How many questions are answered. */
size_t tplc_review_answered(const struct tplc_review_answers *a);

/* N70's compensating controls; bit i of a set is control i. */
struct tplc_review_control {
	const char *name;     /* "physical-access" */
	const char *title;    /* N70's wording */
	unsigned device_bit;  /* its enum tplc_control bit; 0 for ... */
	const char *exposure; /* ... the two that are an exposure:
			       * "isolated", "segmented"; else NULL */
};

const struct tplc_review_control *tplc_review_control_at(size_t i);
/* "firewall, isolation" (comma, ';' or blank separated, any case) into
 * bits; TPLC_EPARSE naming the word that is not a control. */
int tplc_review_controls_parse(unsigned *out, const char *s,
                               struct tplc_error *err);
/* bits as "a,b,c" into buf ("" for none). */
const char *tplc_review_controls_format(unsigned bits, char *buf, size_t size);

enum tplc_review_decision {
	TPLC_REVIEW_KEEP = 0, /* keep, with compensating controls */
	TPLC_REVIEW_UPGRADE,
	TPLC_REVIEW_REPLACE,
	TPLC_REVIEW_DECOMMISSION,
};

const char *tplc_review_decision_name(enum tplc_review_decision d);
int tplc_review_decision_parse(const char *s); /* -1: not one */
/* TPLC_EINVAL when decide_by is not a date, or decommission has none. */
int tplc_review_decision_check(enum tplc_review_decision d,
                               const char *decide_by, struct tplc_error *err);

/* ---- when a review is due ------------------------------------------------ */

enum tplc_review_requirement {
	TPLC_REVIEW_NOT_REQUIRED = 0,
	TPLC_REVIEW_EOL_WINDOW, /* EOL within TPLC_TRANSFER_WINDOW_YEARS */
	TPLC_REVIEW_EOS_WINDOW, /* EOS within it */
	TPLC_REVIEW_LIMITED,    /* in Limited Support: annual assessment */
	TPLC_REVIEW_EOS,        /* in End of Support: annual assessment */
};

/* "not required", "EOL within 3 years", ... */
const char *tplc_review_requirement_name(enum tplc_review_requirement r);
/* "none", "eol-window", "eos-window", "limited", "eos" */
const char *tplc_review_requirement_key(enum tplc_review_requirement r);

enum tplc_review_state {
	TPLC_REVIEW_NONE = 0, /* not required */
	TPLC_REVIEW_OK,       /* required, due beyond the horizon */
	TPLC_REVIEW_DUE,      /* due within the horizon (or today) */
	TPLC_REVIEW_OVERDUE,  /* its due day has passed */
};

const char *tplc_review_state_name(enum tplc_review_state s); /* "ok"... */

/* The device's latest review; date NULL when never reviewed. */
struct tplc_review_last {
	const char *date; /* YYYY-MM-DD */
	enum tplc_review_decision decision;
	const char *decide_by; /* NULL: none */
	unsigned controls;     /* tplc_review_control bits */
};

struct tplc_review_due {
	enum tplc_review_requirement requirement; /* the strongest holding */
	char since[11];                           /* when it began */
	char due[11];                             /* "" when not required */
	enum tplc_review_state state;
	long days;            /* due - as_of (negative: overdue) */
	bool transfer_needed; /* within 3 years of EOS, or past it */
	bool transfer_plan;   /* and the latest review gives one */
};

/*
 * The due rule on day as_of.  A review is required in Limited Support or
 * End of Support (since status->since) or when the EOL or EOS in force is
 * within TPLC_TRANSFER_WINDOW_YEARS (from that date minus the window); it
 * began on the earliest of those days.  It is due a year after the last
 * review, but never before it began; overdue after that day, due within
 * horizon days of it.  A transfer plan is a dated upgrade, replacement
 * or decommissioning, or keeping the device with at least one control.
 * TPLC_EINVAL for a date that is not YYYY-MM-DD or a negative horizon.
 */
int tplc_review_due(struct tplc_review_due *out,
                    const struct tplc_lifecycle_status *status,
                    const struct tplc_review_last *last, const char *as_of,
                    long horizon_days, struct tplc_error *err);

/* ---- the store's record (lib/store/reviews.c) ----------------------------- */

struct tplc_store;

/* One review, for one device (asset_tag, site optional) or for every
 * device of product (at version, or any version). */
struct tplc_review_record {
	const char *asset_tag, *site;
	const char *product, *version;
	const struct tplc_review_answers *answers;
	unsigned controls; /* tplc_review_control bits */
	enum tplc_review_decision decision;
	const char *decide_by; /* YYYY-MM-DD or NULL */
	const char *notes;     /* NULL: none */
	const char *by;        /* required */
	const char *at;        /* YYYY-MM-DD; NULL: today */
};

/*
 * Record the review for each device it names, with the stage each is in
 * on at, and make its controls the device's: devices.controls becomes the
 * controls in place, isolation and segmentation tighten devices.exposure
 * (never loosen it).  One transaction; *devices says how many.
 */
int tplc_store_review_record(struct tplc_store *store,
                             const struct tplc_review_record *r,
                             size_t *devices, struct tplc_error *err);

/* A device whose review is required, borrowed for the callback. */
struct tplc_review_due_row {
	const struct tplc_lifecycle_device_row *device;
	const struct tplc_review_due *due;
	const char *last_review; /* YYYY-MM-DD, or NULL: never */
	const char *last_decision;
};

typedef int (*tplc_review_due_cb)(const struct tplc_review_due_row *row,
                                  void *data);

/*
 * Devices (filter as for tplc_store_lifecycle_devices) whose review is
 * due within horizon days or overdue (only overdue with overdue_only),
 * in the order the devices come.
 */
int tplc_store_reviews_due(struct tplc_store *store,
                           const struct tplc_lifecycle_filter *filter,
                           long horizon_days, bool overdue_only,
                           tplc_review_due_cb cb, void *data,
                           struct tplc_error *err);

struct tplc_review_row {
	long long id;
	const char *site, *asset_tag, *manufacturer, *model, *version;
	const char *reviewed_at, *reviewed_by, *stage, *controls;
	const char *decision, *decision_by, *notes;
	const char *answers; /* "EOS-01=yes,EOS-02=no,..." or NULL */
};

typedef int (*tplc_review_cb)(const struct tplc_review_row *row, void *data);

/* The reviews recorded (of one device when asset_tag is not NULL), by
 * device, oldest first. */
int tplc_store_reviews_list(struct tplc_store *store, const char *asset_tag,
                            tplc_review_cb cb, void *data,
                            struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_POSTMARKET_H
#define TPLC_POSTMARKET_H

/*
 * The manufacturer's postmarket record (FDA postmarket cybersecurity
 * guidance).  Per product version and vulnerability the manufacturer
 * decides whether the risk is controlled (residual risk acceptable) or
 * uncontrolled.  Uncontrolled risk starts two clocks at the day the
 * manufacturer became aware of it: customers told within 30 days, a fix
 * (or compensating control) validated and distributed within 60.
 * Controlled risk has no clock.  Decisions are appended, never rewritten:
 * the newest is the current one and the older ones stay as history.
 *
 * Times are UTC ISO 8601: YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM:SSZ;
 * "now" is the store's context clock (TPLC_NOW in tests).
 */

#include <stdbool.h>

#include "tplc/error.h"
#include "tplc/store.h"

/* The longest rationale or note kept, and the longest name of a person. */
#define TPLC_POSTMARKET_TEXT_MAX 4096
#define TPLC_POSTMARKET_NAME_MAX 256

enum tplc_postmarket_risk {
	TPLC_RISK_CONTROLLED,
	TPLC_RISK_UNCONTROLLED,
};

enum tplc_postmarket_event {
	TPLC_PM_CUSTOMERS_NOTIFIED,
	TPLC_PM_FIX_DISTRIBUTED,
};

/*
 * Which product version and vulnerability.  product must name exactly one
 * product: its "manufacturer model" equals product (case-insensitive), or
 * is the only one that contains it; an ambiguous name is refused with the
 * candidates in the message.  vuln_id is an id or an alias of one.
 */
struct tplc_postmarket_key {
	const char *product;
	const char *version;
	const char *vuln_id;
};

struct tplc_postmarket_decision {
	struct tplc_postmarket_key key;
	enum tplc_postmarket_risk risk;
	const char *rationale;  /* why; NULL for none */
	const char *decided_by; /* who; required */
	/* when the manufacturer learned of it; NULL: the earliest first_seen
	 * of the version's findings of the vulnerability, else now */
	const char *aware_at;
	bool force; /* decide on a vulnerability the version has no finding of */
};

struct tplc_postmarket_record {
	struct tplc_postmarket_key key;
	enum tplc_postmarket_event event;
	const char *at;          /* NULL: now */
	const char *recorded_by; /* required */
	const char *note;        /* NULL for none */
};

/*
 * One product version and vulnerability with open findings or a
 * decision.  Strings are borrowed for the callback; NULL when unknown.
 * A clock's state is "met", "late" (met after its due day), "due"
 * (pending, due day not passed), "overdue" (pending past its due day) or
 * "-" (no clock: controlled or undecided).
 */
struct tplc_postmarket_row {
	const char *manufacturer;
	const char *model;
	const char *version;
	const char *vuln_id;
	bool kev;
	double cvss_score; /* highest base score of its findings, -1 if none */
	long long findings;
	const char *risk; /* "controlled", "uncontrolled"; NULL: undecided */
	const char *rationale;
	const char *decided_by;
	const char *decided_at;
	const char *aware_at;
	const char *notify_due; /* YYYY-MM-DD; NULL without a clock */
	const char *notified_at;
	const char *notify_state;
	const char *fix_due;
	const char *fixed_at;
	const char *fix_state;
	/* days past the due day when met or now (negative: days left) */
	long long notify_days, fix_days;
};

struct tplc_postmarket_filter {
	const char *product; /* substring of "manufacturer model", or NULL */
	const char *version; /* exact, or NULL */
	const char *vuln_id; /* exact, or NULL */
	bool overdue_only;   /* only rows with an overdue clock */
	bool undecided_only; /* only rows without a decision */
};

typedef int (*tplc_postmarket_cb)(const struct tplc_postmarket_row *row,
                                  void *data);

/*
 * Record a decision, in one transaction.  Refused: an unknown product,
 * version or vulnerability, an empty decided_by, an aware_at that is not
 * a UTC time or lies after now, and a vulnerability without a finding on
 * that version unless force.  cb (may be NULL) is called with the row as
 * it now stands.
 */
int tplc_postmarket_decide(struct tplc_store *store,
                           const struct tplc_postmarket_decision *d,
                           tplc_postmarket_cb cb, void *data,
                           struct tplc_error *err);

/* Record that customers were told or a fix went out; refused without a
 * decision on that version and vulnerability.  cb as above. */
int tplc_postmarket_event(struct tplc_store *store,
                          const struct tplc_postmarket_record *r,
                          tplc_postmarket_cb cb, void *data,
                          struct tplc_error *err);

/* Overdue first (oldest due day first), then undecided (KEV, then CVSS),
 * then the rest. */
int tplc_postmarket_list(struct tplc_store *store,
                         const struct tplc_postmarket_filter *filter,
                         tplc_postmarket_cb cb, void *data,
                         struct tplc_error *err);

/* One decision or event of the history, oldest first per version and
 * vulnerability. */
struct tplc_postmarket_history_row {
	const char *manufacturer;
	const char *model;
	const char *version;
	const char *vuln_id;
	const char
	        *kind; /* "decision", "customers_notified", "fix_distributed" */
	const char *risk; /* decisions only */
	const char *by;
	const char *at;       /* decided_at, or when the event happened */
	const char *aware_at; /* decisions only */
	const char *text;     /* rationale or note */
	bool current;         /* the decision in force */
};

typedef int (*tplc_postmarket_history_cb)(
        const struct tplc_postmarket_history_row *row, void *data);

/* overdue_only and undecided_only are ignored. */
int tplc_postmarket_history(struct tplc_store *store,
                            const struct tplc_postmarket_filter *filter,
                            tplc_postmarket_history_cb cb, void *data,
                            struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_AUDIT_H
#define TPLC_AUDIT_H

/*
 * The audit trail: every change of a finding's state, every acceptance,
 * vote, review, import and notice is appended to one log, inside the
 * transaction that makes the change, so the log and the store never
 * disagree.  Entries are hash-chained: each holds the SHA-256 of the one
 * before, and its own hash covers its fields and that link, so editing,
 * removing or reordering any entry breaks the chain at that entry.
 *
 * Someone who rewrites the database can recompute the whole chain; what
 * catches that is an anchor kept elsewhere: the head (sequence number and
 * hash) as printed by `tplc audit head` at some earlier time, which verify
 * checks the chain still passes through.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplc_store;

/* The hash is SHA-256, in lower-case hex. */
#define TPLC_AUDIT_HASH_HEX 65
/* Bytes of an entry's detail (a flat JSON object) and of each text field. */
#define TPLC_AUDIT_DETAIL_MAX ((size_t)64 * 1024)
#define TPLC_AUDIT_FIELD_MAX  4096

struct tplc_audit_entry {
	long long seq;       /* 1, 2, 3, ... */
	const char *at;      /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	const char *actor;   /* who */
	const char *action;  /* "finding.state", "accept.approve", ... */
	const char *subject; /* what: "finding 12", "acceptance 3", a file */
	const char *detail;  /* a JSON object, or NULL */
	const char *prev;    /* hash of the entry before */
	const char *hash;
};

typedef int (*tplc_audit_cb)(const struct tplc_audit_entry *entry, void *data);

/* Entries in order, from seq from (1: all). */
int tplc_store_audit_each(struct tplc_store *store, long long from,
                          tplc_audit_cb cb, void *data, struct tplc_error *err);

/* The last entry's sequence number and hash (0 and 64 zeros: empty). */
int tplc_store_audit_head(struct tplc_store *store, long long *seq,
                          char hash[TPLC_AUDIT_HASH_HEX],
                          struct tplc_error *err);

struct tplc_audit_verdict {
	long long entries; /* entries read */
	long long bad_seq; /* the first entry that fails; 0: none */
	char reason[256];  /* why, when bad_seq or !anchor_ok */
	bool ok;           /* the whole chain holds (and the anchor) */
};

/*
 * Walk the chain and recompute every hash.  anchor, when not NULL, is
 * "SEQ:HASH" from an earlier `audit head`: the entry SEQ must still have
 * that hash.  A broken chain is not an error: it is reported in *out
 * (ok false, the first bad entry and why).  Errors are for an unreadable
 * store or a malformed anchor (TPLC_EINVAL).
 */
int tplc_store_audit_verify(struct tplc_store *store, const char *anchor,
                            struct tplc_audit_verdict *out,
                            struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MATCH_INTERNAL_H
#define TPLC_MATCH_INTERNAL_H

/* Private to lib/match: what a scan prepares once per rule at load time,
 * so that matching itself neither parses ranges nor splits names. */

#include <stdbool.h>
#include <stddef.h>

#include "store/scan.h"
#include "tplc/error.h"
#include "tplc/match.h"
#include "util/alloc.h"
#include "util/intern.h"

struct tplc_cpe;
struct tplc_vers;
struct tplx_arena;

/*
 * Parse a vers range once.  A range in a scheme the version engine cannot
 * compare yet is compiled as vers:generic with the same constraints.
 */
int tplc_match__compile_range(struct tplc_vers **out, const char *range,
                              struct tplc_error *err);

/*
 * A name reduced to what matching compares: lowercase alphanumeric words
 * separated by one space (corporate suffixes dropped for vendors).  out
 * needs strlen(name) + 1 bytes: the key is never longer than the name.
 */
void tplc_match__name_key(char *out, const char *name, bool vendor);

/* Keys of tplc_match__name_key: the vendor rule and the product rule. */
bool tplc_match__vendor_keys(const char *manufacturer, const char *vendor);
bool tplc_match__product_keys(const char *model, const char *product);

/* ---- the compiled index (index.c) ------------------------------------ */

/* One affected row, compiled: strings in the index's arena, range parsed,
 * names reduced to keys. */
struct tplc_match__rule {
	long long id; /* affected row: ties broken by it, always the same */
	long long advisory_id;
	const char *advisory_source, *advisory_ref;
	const char *newest[3]; /* advisory modified, published, imported */
	const char *vuln_id;
	const char *package_key; /* package rules */
	const char *cpe_key;     /* CPE rules, with the criteria */
	size_t key_id;           /* package_key's or cpe_key's number */
	const char *cpe;
	struct tplc_cpe *criteria;    /* cpe, parsed */
	const char *vendor, *product; /* product rules, and their keys */
	const char *vendor_key, *product_key;
	const char *range;      /* NULL: all versions */
	size_t range_id;        /* range's number, when there is one */
	struct tplc_vers *vers; /* range, parsed; NULL: all versions */
	const char *status, *justification, *detail;
	const char *fixed_in, *remediation;
	double cvss_score;
	long long config, node; /* as stored */
	size_t group; /* AND configuration, 1-based; 0: stands alone */
	/* platform rules: the distinct condition (identity and range),
	 * 1-based; only its first rule is matched, for all cond_rules */
	size_t cond, cond_rules;
	bool cond_first;
	bool platform;  /* a condition only */
	bool finding;   /* makes findings (alone or in its configuration) */
	bool statement; /* a VEX statement on what it names */
	/* vers not set yet (index_build does); when the range cannot be
	 * read the rule is dropped */
	bool pending;
};

/* A distinct range text, parsed once however many rules share it. */
struct tplc_match__compiled {
	struct tplc_vers *vers; /* NULL: not parsed yet, or unread */
	bool unread;            /* the text is not a range we read */
	/* "affected" rows with this range, kept as rules or not; those
	 * already in the index's unknown_ranges, if unread */
	size_t rows, counted;
};

/* Where the rules of one exact key start and end. */
struct tplc_match__slot {
	const char *key; /* NULL: an empty slot */
	size_t lo, hi;
};

/* What matching reads of each rule it tries, next to each other: one
 * cache line holds four rules, where the rules themselves lie apart. */
struct tplc_match__hot {
	const struct tplc_vers *vers; /* the rule's */
	bool skip; /* a repeated platform condition: its first rule
		    * stands for all of them */
};

/* Rules sorted by one key: package_key, cpe_key or vendor_key; exact
 * keys (package, CPE) also hashed, one probe instead of a bsearch. */
struct tplc_match__sorted {
	struct tplc_match__rule **rules;
	size_t count;
	struct tplc_match__slot *slots; /* NULL: bsearch only */
	size_t mask;
	struct tplc_match__hot *hot; /* [count], for the findings' sets */
};

struct tplc_match__set {
	struct tplc_match__sorted package, cpe, vendor;
};

struct tplc_match__alias {
	const char *alias, *vuln_id;
};

/* A platform node of a configuration: holds where its condition does. */
struct tplc_match__platform {
	long long node;
	size_t cond;
};

struct tplc_match__index {
	struct tplx_arena *arena;
	struct tplx_vec rules;     /* struct tplc_match__rule * */
	struct tplx_intern keys;   /* package and CPE keys */
	struct tplx_intern ranges; /* range texts */
	struct tplx_vec compiled;  /* struct tplc_match__compiled, by range */
	size_t parsed;             /* compiled [0, parsed) are */
	/* a full scan's: keys [0, fleet_keys) are its components'; a rule
	 * that stands alone (no configuration) on another key is left out,
	 * as no component can meet it.  0: every rule kept */
	size_t fleet_keys;
	struct tplc_match__set findings;   /* rules that make findings */
	struct tplc_match__set statements; /* VEX statements */
	size_t *group_nodes; /* [group - 1]: distinct nodes it has */
	size_t groups;
	/* [group_platform[g - 1], group_platform[g]): group g's platform
	 * nodes, in platform */
	struct tplc_match__platform *platform;
	size_t *group_platform;
	struct tplx_vec aliases; /* struct tplc_match__alias */
	size_t statement_rows, unknown_ranges;
};

int tplc_match__index_init(struct tplc_match__index *ix);
void tplc_match__index_free(struct tplc_match__index *ix);
/* Take one affected row: a finding rule, a VEX statement, both or
 * neither.  stats counts the statements and the ranges not read. */
int tplc_match__index_add(struct tplc_match__index *ix,
                          const struct tplc_store__affected *row,
                          bool rules_too, struct tplc_error *err);
/* Before the first add: a key the fleet's components have.  Only the
 * rules on such keys are kept from then on (and configurations, whole). */
int tplc_match__index_fleet_key(struct tplc_match__index *ix, const char *key,
                                struct tplc_error *err);
/* Is key one of the fleet's (always, if none were given)? */
bool tplc_match__fleet_has(const struct tplc_match__index *ix, const char *key);
int tplc_match__index_alias(struct tplc_match__index *ix, const char *alias,
                            const char *vuln_id, struct tplc_error *err);
/* Drop the sorted indexes, to build them again after more adds. */
void tplc_match__index_free_sorted(struct tplc_match__index *ix);
/* Sort the indexes and number the configurations: after the last add. */
int tplc_match__index_build(struct tplc_match__index *ix,
                            struct tplc_error *err);

/* [*lo, *hi) of the rules whose key equals key. */
void tplc_match__range(const struct tplc_match__sorted *s, int which,
                       const char *key, size_t *lo, size_t *hi);
enum { TPLC_MATCH__BY_PACKAGE, TPLC_MATCH__BY_CPE, TPLC_MATCH__BY_VENDOR };

/* Do two ids name the same vulnerability (equal, or one an alias)? */
bool tplc_match__same_vuln(const struct tplc_match__index *ix, const char *a,
                           const char *b);

/* ---- matching (engine.c) ---------------------------------------------- */

/* A component as matching sees it. */
struct tplc_match__component {
	struct tplc_store__component row;
	const char *cpe_version; /* the CPE's version when row.version is
				  * NULL, else NULL */
	struct tplc_cpe *cpe;    /* row.cpe parsed, its version ANY
				  * replaced by row.version; NULL if none */
};

/*
 * One component of the fleet: its ids, and the identity (package, CPE,
 * version, name) it shares with every component of its kind, whose
 * row.id and row.product_version_id are not read.  Matching depends on
 * the identity only, so a kind is matched once (engine.c's memo).
 */
struct tplc_match__instance {
	long long id, product_version_id;
	const struct tplc_match__component *kind;
};

/* Fill c->cpe and c->cpe_version from c->row (strings kept by the
 * caller); a CPE that cannot be read leaves them NULL. */
int tplc_match__component_cpe(struct tplc_match__component *c,
                              struct tplx_arena *arena, struct tplc_error *err);

/* A product version with its names reduced to keys and the product
 * statements (VEX) that name it. */
struct tplc_match__product {
	struct tplc_store__product_version row;
	const char *manufacturer_key, *model_key;
	struct tplc_match__rule **statements;
	size_t statement_count;
};

/* A hit of a rule in an AND configuration: kept until every node of the
 * configuration is known to be hit on the same product version. */
struct tplc_match__candidate {
	const struct tplc_match__rule *rule;
	const struct tplc_match__instance *component;
	long long product_version_id;
	size_t order; /* position, to keep the merge deterministic */
};

/* A platform condition holds on a product version. */
struct tplc_match__held {
	size_t cond;
	long long product_version_id;
};

/* One matcher's output: a thread's, or the only one. */
struct tplc_match__out {
	struct tplx_arena *arena;   /* reasons */
	struct tplx_vec matches;    /* struct tplc_store__match */
	struct tplx_vec candidates; /* struct tplc_match__candidate */
	struct tplx_vec held;       /* struct tplc_match__held */
	struct tplx_vec arenas;     /* merged threads' arenas */
	/* the package rules the last component hit: the next one with the
	 * same package and version (components come sorted) reuses them */
	const struct tplc_match__component *memo;
	struct tplx_vec memo_hits;    /* const struct tplc_match__rule * */
	struct tplx_vec memo_reasons; /* const char *, each hit's
					      * reason once made */
	const struct tplc_match__component *memo_reasons_of;
	size_t memo_undecided;
	size_t undecided;
	struct tplc_error err;
};

int tplc_match__out_init(struct tplc_match__out *out);
void tplc_match__out_free(struct tplc_match__out *out);

struct tplc_match__fleet {
	const struct tplc_match__index *ix;
	const struct tplc_match__instance *components; /* a kind's together */
	size_t component_count;
	struct tplc_match__product *products; /* sorted by row.id */
	size_t product_count;
	bool statements; /* any VEX statement on it: fleet_prepare says */
};

/* Give each product version its VEX statements: before matching. */
int tplc_match__fleet_prepare(struct tplc_match__fleet *fleet,
                              struct tplx_arena *arena, struct tplc_error *err);
int tplc_match__component(const struct tplc_match__fleet *fleet,
                          const struct tplc_match__instance *in,
                          struct tplc_match__out *out);
int tplc_match__product(const struct tplc_match__fleet *fleet,
                        const struct tplc_match__product *p,
                        struct tplc_match__out *out);
/* Does the rule name the component, and is its version in range
 * (*verdict as a scan counts it: 1, 0, -1 undecided)? */
int tplc_match__check(const struct tplc_match__rule *r,
                      const struct tplc_match__component *c, int *verdict);
/* The newest VEX statement on vuln_id (or an alias) that names c or the
 * product version; *out NULL when none does. */
int tplc_match__newest_statement(const struct tplc_match__fleet *fleet,
                                 const char *vuln_id,
                                 const struct tplc_match__component *c,
                                 long long product_version_id,
                                 const struct tplc_match__rule **out);
/* Does any rule or statement name this manufacturer (its key)? */
bool tplc_match__names_vendor(const struct tplc_match__index *ix,
                              const char *manufacturer_key);
/* Resolve the AND configurations of out's candidates into matches. */
int tplc_match__resolve(const struct tplc_match__fleet *fleet,
                        struct tplc_match__out *out);
/* Match the whole fleet, its components and then its product versions,
 * with up to threads threads into out; configurations are left to
 * tplc_match__resolve. */
int tplc_match__run(const struct tplc_match__fleet *fleet, size_t threads,
                    struct tplc_match__out *out, struct tplc_error *err);
/* Rescan one advisory's findings (scan.c); tplc_scan_advisory also
 * rescans those its VEX statements speak about (cascade.c). */
int tplc_match__scan_one(struct tplc_store *store, long long advisory_id,
                         struct tplc_scan_stats *stats, struct tplc_error *err);
/* The thread count: TPLC_THREADS, else the online cores. */
size_t tplc_match__threads(void);
/* Tests only: called by a full scan once it has read the fleet's keys,
 * where another process's write would make them stale. */
extern void (*tplc_match__keys_read_hook)(void *data);
extern void *tplc_match__keys_read_data;

#endif

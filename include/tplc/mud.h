/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MUD_H
#define TPLC_MUD_H

/*
 * Manufacturer Usage Descriptions (RFC 8520) with their access lists
 * (RFC 8519): what a device says it talks to.  A profile is parsed once,
 * stored per product, and compiled with the site's bindings (what
 * "my-controller", "local-networks", a controller URI or a DNS name mean
 * here) and the device's own address into concrete per-device rules.  The
 * monitor checks each flow against them; nftables output enforces them.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tplc/error.h"
#include "tplc/store.h"

struct tplx_arena;

/* Bytes of a MUD file (RFC 8520 files are a few KiB). */
#define TPLC_MUD_FILE_MAX ((size_t)1024 * 1024)
/* Access lists in one file, entries in one list, names per policy. */
#define TPLC_MUD_ACLS_MAX   64
#define TPLC_MUD_ACES_MAX   256
#define TPLC_MUD_POLICY_MAX 16
/* Values in one ietf-mud:mud match member (manufacturer, controller...). */
#define TPLC_MUD_MATCH_VALUES 16
/* Bytes of any one string member (a DNS name is at most 253). */
#define TPLC_MUD_STRING_MAX 1024
/* Bindings used in one compilation, and compiled rules per device. */
#define TPLC_MUD_BINDINGS_MAX 1024
#define TPLC_MUD_RULES_MAX    4096

/* Which way: traffic from the device, or to it; who opened a flow. */
enum tplc_mud_dir {
	TPLC_MUD_DIR_ANY = 0,
	TPLC_MUD_FROM_DEVICE = 1,
	TPLC_MUD_TO_DEVICE = 2,
};

/* What an ACE names as the other side. */
enum tplc_mud_peer {
	TPLC_MUD_PEER_ANY = 0,
	TPLC_MUD_PEER_NETWORK,           /* source/destination-ipvN-network */
	TPLC_MUD_PEER_DNSNAME,           /* ietf-acldns src-/dst-dnsname */
	TPLC_MUD_PEER_MANUFACTURER,      /* value: the authority (domain) */
	TPLC_MUD_PEER_SAME_MANUFACTURER, /* value: NULL */
	TPLC_MUD_PEER_MODEL,             /* value: a MUD URL */
	TPLC_MUD_PEER_LOCAL_NETWORKS,    /* value: NULL */
	TPLC_MUD_PEER_CONTROLLER,        /* value: a URI */
	TPLC_MUD_PEER_MY_CONTROLLER,     /* value: NULL */
};

/* An address or prefix; family 0 means any. */
struct tplc_mud_addr {
	uint8_t family; /* 0, 4 or 6 */
	uint8_t prefix; /* bits */
	uint8_t addr[16];
};

/* A port match: lo..hi inclusive; neq excludes lo.  set false: any. */
struct tplc_mud_ports {
	bool set, neq;
	uint16_t lo, hi;
};

struct tplc_mud_ace {
	const char *name;
	int proto; /* -1: any */
	enum tplc_mud_peer peer;
	const char *peer_value;   /* see enum tplc_mud_peer */
	struct tplc_mud_addr net; /* PEER_NETWORK */
	struct tplc_mud_ports src_port, dst_port;
	enum tplc_mud_dir initiated; /* ietf-mud:direction-initiated */
	bool accept;                 /* forwarding accept; else drop/reject */
};

struct tplc_mud_acl {
	const char *name;
	uint8_t family;        /* 4, 6, or 0 for mixed/eth types */
	enum tplc_mud_dir dir; /* which policy names it; ANY: none */
	struct tplc_mud_ace *aces;
	size_t ace_count;
};

struct tplc_mud {
	struct tplx_arena *arena; /* owns everything below */
	long version;
	const char *url, *last_update, *systeminfo, *mfg_name, *model_name;
	const char *documentation;
	long cache_validity; /* hours; 0 when absent */
	bool is_supported;
	struct tplc_mud_acl *acls;
	size_t acl_count;
};

/* Parse len bytes of a MUD file; errors name the JSON path. */
int tplc_mud_parse(struct tplc_mud **out, const char *text, size_t len,
                   const char *source, struct tplc_error *err);
void tplc_mud_free(struct tplc_mud *mud);

/*
 * A binding: what a name means at this site.  name is "my-controller",
 * "local-networks", "same-manufacturer", "manufacturer:DOMAIN",
 * "model:URL", a controller URI ("http://..."), "resolver", or a DNS
 * name; value an address or prefix ("10.1.1.0/24").
 */
struct tplc_mud_binding {
	const char *name, *value;
};

/* Parse "10.1.1.4", "10.1.1.0/24", "2001:db8::/32" (and Cisco's
 * "10.1.1.0 0.0.0.255" wildcard form). */
int tplc_mud_addr_parse(const char *text, struct tplc_mud_addr *out);
/* "10.1.1.0/24" or "10.1.1.4" (host prefix); size >= 48. */
char *tplc_mud_addr_format(const struct tplc_mud_addr *a, char *buf,
                           size_t size);

struct tplc_mud_rule {
	enum tplc_mud_dir dir;       /* traffic from or to the device */
	enum tplc_mud_dir initiated; /* who must open it; ANY: either */
	int proto;                   /* -1: any */
	struct tplc_mud_addr peer;   /* family 0: any */
	struct tplc_mud_ports device_port, peer_port;
	bool accept;
	const char *acl, *ace; /* where it came from; ace "default" */
	const char *peer_name; /* the DNS name / URI / keyword, or NULL */
};

struct tplc_mud_compile_opts {
	/* Allow DNS (udp+tcp 53) from the device to resolver (family 0:
	 * any), before the default deny, as MUD managers do. */
	bool dns;
	struct tplc_mud_addr resolver;
};

struct tplc_mud_rules {
	struct tplx_arena *arena;
	struct tplc_mud_addr device;
	struct tplc_mud_rule *items; /* in order; the last is the deny */
	size_t count;
	/* ACEs left out because no binding says what their peer is */
	const char **unbound;
	size_t unbound_count;
};

int tplc_mud_compile(const struct tplc_mud *mud,
                     const struct tplc_mud_binding *bindings, size_t count,
                     const struct tplc_mud_addr *device,
                     const struct tplc_mud_compile_opts *opts,
                     struct tplc_mud_rules **out, struct tplc_error *err);
void tplc_mud_rules_free(struct tplc_mud_rules *rules);

/* One line per rule, human ("permit from-device tcp 172.12.212.10 dport
 * 443 initiated from-device  [mud-21966-v4fr/cl0-frdev]"), or JSON. */
void tplc_mud_rules_print(FILE *out, const struct tplc_mud_rules *rules);
void tplc_mud_rules_json(FILE *out, const struct tplc_mud_rules *rules);
/* The from-device rules as a Cisco ingress dACL ("ip:inacl#10=permit tcp
 * any host 172.12.212.10 range 443 443 established"), one per line. */
void tplc_mud_rules_dacl(FILE *out, const struct tplc_mud_rules *rules);

/* A flow's facts as the device sees them. */
struct tplc_mud_flow {
	enum tplc_mud_dir initiated; /* who sent the first packet */
	struct tplc_mud_addr peer;   /* a host address */
	const char *peer_name;       /* DNS name it resolved from, or NULL */
	int proto;
	uint16_t device_port, peer_port;
};

enum tplc_mud_result {
	TPLC_MUD_ALLOWED = 0,
	TPLC_MUD_UNEXPECTED_PEER,
	TPLC_MUD_UNEXPECTED_PORT,
	TPLC_MUD_UNEXPECTED_PROTOCOL,
	TPLC_MUD_UNEXPECTED_DIRECTION,
	TPLC_MUD_DENIED, /* an explicit drop ACE matched */
};

struct tplc_mud_verdict {
	enum tplc_mud_result result;
	const struct tplc_mud_rule *rule; /* matched, or nearest; may be NULL */
};

/* Always succeeds for valid arguments; returns 0. */
int tplc_mud_check(const struct tplc_mud_rules *rules,
                   const struct tplc_mud_flow *flow,
                   struct tplc_mud_verdict *verdict);
/* "allowed", "unexpected-peer", ... (the alerts.kind names) */
const char *tplc_mud_result_name(enum tplc_mud_result result);

/* nftables: one table inet tplc_mud, a chain per device. */
struct tplc_mud_nft_device {
	const char *name; /* asset tag */
	const struct tplc_mud_rules *rules;
};
int tplc_mud_nft(FILE *out, const struct tplc_mud_nft_device *devices,
                 size_t count, struct tplc_error *err);

/* ---- store (schema v6: mud_profiles, mud_bindings) ---- */

/* Import a MUD file for product ("manufacturer model"), replacing the
 * previous one; audit mud.import.  One transaction. */
int tplc_store_mud_import(struct tplc_store *store, const char *path,
                          const char *product, const char *by,
                          struct tplc_error *err);
/* The profile of a product (*out NULL when none; url/by/at borrowed
 * until the next call are not kept: parsed again from the document). */
int tplc_store_mud_profile(struct tplc_store *store, const char *product,
                           struct tplc_mud **out, struct tplc_error *err);
/* Add a binding (product NULL: every product); audit mud.bind. */
int tplc_store_mud_bind(struct tplc_store *store, const char *name,
                        const char *value, const char *product, const char *by,
                        struct tplc_error *err);
typedef int (*tplc_mud_binding_cb)(const char *product, const char *name,
                                   const char *value, const char *by,
                                   const char *at, void *data);
int tplc_store_mud_bindings(struct tplc_store *store, const char *product,
                            tplc_mud_binding_cb cb, void *data,
                            struct tplc_error *err);
/* The compiled rules for one device (by asset tag), from its product's
 * profile, the bindings for it and every product, and its address
 * (devices.ip, else wire_hosts).  *out NULL (return 0) when the product
 * has no profile. */
int tplc_store_mud_rules(struct tplc_store *store, const char *asset_tag,
                         const struct tplc_mud_compile_opts *opts,
                         struct tplc_mud_rules **out, struct tplc_error *err);
/* Asset tags of devices whose product has a profile; stage "eos": only
 * those past end of support. */
typedef int (*tplc_mud_device_cb)(const char *asset_tag, void *data);
int tplc_store_mud_devices(struct tplc_store *store, const char *stage,
                           tplc_mud_device_cb cb, void *data,
                           struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FLOW_H
#define TPLC_FLOW_H

/*
 * Bidirectional flows as nDPI's ndpiReader keeps them: one flow per
 * (VLAN, IP version, protocol, the two endpoints in either order).  The
 * side that sent the first packet is "src".  Bytes are counted as nDPI
 * counts them: the frame's length on the wire (tplc_packet.wirelen).
 * VLAN: the innermost id is part of the key, as in ndpiReader.
 *
 * The table is bounded: at most max_flows flows live at once; when it is
 * full the least recently seen flow is evicted (ended with
 * TPLC_FLOW_END_EVICTED and counted).  A flow ends on idle or active
 * timeout, on eviction or on flush; every ending goes through a callback,
 * after which the struct tplc_flow pointer is no longer valid.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tplc/error.h"
#include "tplc/wire.h"

/* Largest max_flows a table accepts. */
#define TPLC_FLOW_MAX ((uint32_t)1 << 24)

/* Defaults for the monitor: a flow idle 10 min ends; one live for an hour
 * is reported and starts over. */
#define TPLC_FLOW_IDLE_USEC   ((uint64_t)600 * 1000000)
#define TPLC_FLOW_ACTIVE_USEC ((uint64_t)3600 * 1000000)

/* TCP state, as the table saw it from both sides. */
enum tplc_flow_tcp_state {
	TPLC_FLOW_TCP_NONE = 0,    /* not TCP, or no flags decided yet */
	TPLC_FLOW_TCP_SYN,         /* SYN seen, no SYN-ACK */
	TPLC_FLOW_TCP_SYN_ACK,     /* SYN-ACK seen, handshake not finished */
	TPLC_FLOW_TCP_ESTABLISHED, /* handshake done, or mid-stream start */
	TPLC_FLOW_TCP_FIN_SRC,     /* FIN from src only */
	TPLC_FLOW_TCP_FIN_DST,     /* FIN from dst only */
	TPLC_FLOW_TCP_CLOSED,      /* FIN from both sides */
	TPLC_FLOW_TCP_RESET,       /* RST from either side */
};

/* Bits in tplc_flow.tcp_seen: what each side sent at least once. */
#define TPLC_FLOW_SEEN_SYN     0x01u
#define TPLC_FLOW_SEEN_SYN_ACK 0x02u
#define TPLC_FLOW_SEEN_FIN_SRC 0x04u
#define TPLC_FLOW_SEEN_FIN_DST 0x08u
#define TPLC_FLOW_SEEN_RST     0x10u
#define TPLC_FLOW_SEEN_ACK     0x20u /* an ACK without SYN: established */

/* Why a flow ended. */
enum tplc_flow_end {
	TPLC_FLOW_END_NONE = 0, /* still live */
	TPLC_FLOW_END_IDLE,     /* nothing seen for idle_usec */
	TPLC_FLOW_END_ACTIVE, /* live for active_usec: ended, a new one starts */
	TPLC_FLOW_END_EVICTED, /* table full, least recently seen */
	TPLC_FLOW_END_FLUSH,   /* tplc_flow_flush (end of capture) */
};

/* Direction index into packets[] and bytes[]. */
#define TPLC_FLOW_SRC 0 /* src -> dst */
#define TPLC_FLOW_DST 1 /* dst -> src */

struct tplc_flow {
	uint8_t src_ip[16], dst_ip[16]; /* IPv4 in the first 4 bytes */
	uint16_t src_port, dst_port;    /* TCP/UDP; 0 for others, as nDPI */
	uint16_t vlan;                  /* innermost VLAN id, 0 none */
	uint8_t ip_version;             /* 4 or 6 */
	uint8_t proto;
	uint8_t src_mac[6], dst_mac[6]; /* of the first packet; 0 none */
	uint8_t tcp_state;              /* enum tplc_flow_tcp_state */
	uint8_t tcp_seen;               /* TPLC_FLOW_SEEN_* bits */
	uint8_t end;                    /* enum tplc_flow_end */
	uint8_t reserved;
	uint32_t packets[2];            /* [TPLC_FLOW_SRC], [TPLC_FLOW_DST] */
	uint64_t bytes[2];              /* wire bytes, as nDPI counts */
	uint64_t first_usec, last_usec; /* UTC microseconds */
	void *user;                     /* the monitor's, never touched */
	uint32_t user_flags;            /* the monitor's, never touched */
};

struct tplc_flow_table;

/* Called once for every flow that ends; flow->end says why. */
typedef void (*tplc_flow_end_fn)(struct tplc_flow *flow, void *data);

struct tplc_flow_stats {
	uint64_t packets;      /* packets given to tplc_flow_update */
	uint64_t not_ip;       /* of those, ignored: ip_version 0 */
	uint64_t created;      /* flows ever created */
	uint64_t ended_idle;   /* by idle timeout */
	uint64_t ended_active; /* by active timeout */
	uint64_t evicted;      /* least recently seen, table full */
	uint64_t flushed;      /* by tplc_flow_flush */
	uint32_t active;       /* live now */
	uint32_t peak;         /* most live at once */
	uint32_t max_flows;
	size_t bytes_allocated; /* the table's own memory, all of it */
};

/*
 * A table of at most max_flows (1 ... TPLC_FLOW_MAX) flows.  idle_usec
 * and active_usec 0 mean no such timeout.  Memory grows with the flows
 * actually live, in chunks, up to max_flows.
 */
int tplc_flow_table_new(struct tplc_flow_table **out, uint32_t max_flows,
                        uint64_t idle_usec, uint64_t active_usec,
                        struct tplc_error *err);
/* Frees without calling any callback (flush first to see the flows). */
void tplc_flow_table_free(struct tplc_flow_table *t);

/*
 * The callback for flows ended inside tplc_flow_update: evictions, and a
 * flow found timed out when its next packet arrives.  NULL: none.
 */
void tplc_flow_table_on_end(struct tplc_flow_table *t, tplc_flow_end_fn cb,
                            void *data);

/*
 * Account one decoded packet.  1: a new flow was created; 0: an existing
 * flow was updated, or the packet is not IP (*flow NULL, counted);
 * negative TPLC_ENOMEM.  *from_src is true when the packet went
 * src -> dst.  flow and from_src may be NULL.
 */
int tplc_flow_update(struct tplc_flow_table *t, const struct tplc_packet *pkt,
                     struct tplc_flow **flow, bool *from_src);

/*
 * End every flow idle for idle_usec or live for active_usec at now_usec,
 * calling cb (may be NULL) for each.  Returns how many ended.
 */
size_t tplc_flow_expire(struct tplc_flow_table *t, uint64_t now_usec,
                        tplc_flow_end_fn cb, void *data);

/* End every live flow (TPLC_FLOW_END_FLUSH), oldest seen first. */
size_t tplc_flow_flush(struct tplc_flow_table *t, tplc_flow_end_fn cb,
                       void *data);

void tplc_flow_table_stats(const struct tplc_flow_table *t,
                           struct tplc_flow_stats *out);

/* "established", ...; "end" names: "idle", "active", "evicted", "flush". */
const char *tplc_flow_tcp_state_name(unsigned state);
const char *tplc_flow_end_name(unsigned end);

/*
 * One JSON object and a newline: src/dst ip and port, proto, vlan,
 * packets and bytes each way, first/last seen as UTC ISO 8601 with
 * microseconds, TCP state, why it ended.  Returns 0 or TPLC_EIO.
 */
int tplc_flow_json(FILE *fp, const struct tplc_flow *flow);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_WIRE_DEFRAG_H
#define TPLX_WIRE_DEFRAG_H

/*
 * IPv4 and IPv6 fragment reassembly, bounded: at most
 * TPLX_DEFRAG_DGRAMS_MAX datagrams in progress (the oldest is dropped to
 * make room), TPLX_DEFRAG_BYTES_MAX bytes of payload each, and a datagram
 * not complete TPLX_DEFRAG_TIMEOUT_USEC after its first fragment (by
 * capture time) is dropped.  Overlapping bytes: the first copy wins.
 */

#include <stdbool.h>
#include <stdint.h>

#define TPLX_DEFRAG_DGRAMS_MAX   1024
#define TPLX_DEFRAG_BYTES_MAX    65535
#define TPLX_DEFRAG_TIMEOUT_USEC ((uint64_t)30 * 1000000)

struct tplx_defrag;

/* One fragment: the IP header's facts and the fragmentable bytes. */
struct tplx_defrag_frag {
	uint8_t version;          /* 4 or 6 */
	const uint8_t *src, *dst; /* 4 or 16 bytes */
	uint32_t id;              /* IPv4: 16 bits; IPv6: 32 */
	uint8_t proto;            /* the upper-layer protocol */
	uint8_t ttl;              /* TTL / hop limit */
	uint32_t hdr_len;         /* bytes of IP header before the data */
	uint32_t offset;          /* in bytes */
	bool more;                /* more fragments follow */
	const uint8_t *data;
	uint32_t len;
	uint64_t ts_usec;
};

/* The reassembled datagram: data valid until the next add. */
struct tplx_defrag_out {
	const uint8_t *data;
	uint32_t len;
	uint8_t proto, ttl;
	uint32_t hdr_len; /* of the first fragment */
};

struct tplx_defrag_stats {
	uint64_t held, expired, evicted, overlaps, dropped_too_large;
};

int tplx_defrag_new(struct tplx_defrag **out);
void tplx_defrag_free(struct tplx_defrag *d);

/*
 * Add a fragment.  1: a datagram is complete in *out; 0: held; -1: the
 * fragment is malformed (zero length, a non-last fragment not a multiple
 * of 8 bytes, or past TPLX_DEFRAG_BYTES_MAX: its datagram is dropped);
 * TPLC_ENOMEM.
 */
int tplx_defrag_add(struct tplx_defrag *d, const struct tplx_defrag_frag *f,
                    struct tplx_defrag_out *out);

void tplx_defrag_get_stats(const struct tplx_defrag *d,
                           struct tplx_defrag_stats *out);

#endif

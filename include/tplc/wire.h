/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_WIRE_H
#define TPLC_WIRE_H

/*
 * Packets: capture files read over mmap (pcap in both byte orders with
 * microsecond or nanosecond timestamps, and pcapng) and frames decoded
 * down to TCP/UDP/ICMP with IPv4/IPv6 fragments reassembled.  Malformed
 * or truncated packets are counted, never fatal.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tplc/error.h"

/* Largest frame accepted from a capture file, in bytes. */
#define TPLC_WIRE_SNAP_MAX 262144

enum tplc_linktype {
	TPLC_LINK_ETHERNET = 1,
	TPLC_LINK_RAW = 101,
	TPLC_LINK_SLL = 113,
	TPLC_LINK_SLL2 = 276,
	TPLC_LINK_NULL = 0,
	TPLC_LINK_LOOP = 108
};

struct tplc_frame {
	uint64_t ts_usec;
	uint32_t caplen, wirelen;
	int linktype;
	const uint8_t *data;
};

struct tplc_packet {
	uint64_t ts_usec;
	uint32_t wirelen, caplen;
	bool has_eth;
	uint8_t src_mac[6], dst_mac[6];
	uint8_t vlan_count;
	uint16_t vlan[2];
	uint16_t ethertype;             /* innermost */
	uint8_t ip_version;             /* 0: not IP, 4 or 6 */
	uint8_t src_ip[16], dst_ip[16]; /* IPv4 in the first 4 bytes, rest 0 */
	uint8_t proto; /* 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, other */
	uint8_t ttl;
	uint32_t ip_len;             /* bytes of the (reassembled) IP packet */
	uint16_t src_port, dst_port; /* TCP/UDP; ICMP: type, code */
	uint8_t tcp_flags;
	uint32_t tcp_seq, tcp_ack;
	uint16_t tcp_window;
	const uint8_t *payload;
	uint32_t payload_len; /* L4 payload, valid until the next packet */
};

struct tplc_wire_stats {
	uint64_t frames, bytes, ip4, ip6, tcp, udp, icmp, other, fragments,
	        reassembled, malformed, truncated, unsupported_link;
};

struct tplc_wire; /* decoder state: fragment reassembly, bounded */

int tplc_wire_new(struct tplc_wire **out, struct tplc_error *err);
void tplc_wire_free(struct tplc_wire *w);

/*
 * 1: *out is a packet to use; 0: consumed (fragment held, or not
 * IP-decodable but counted); malformed packets are counted in stats,
 * never an error.  Negative only for ENOMEM.
 * A non-IP frame (ARP, LLDP 0x88cc, 802.3/LLC) returns 0 with its link
 * facts filled in (has_eth, MACs, vlan, ethertype; ip_version 0) and
 * payload/payload_len = the bytes after the EtherType, so a caller can
 * still dissect LLDP.  stats->other counts non-IP frames and IP packets
 * that are not TCP, UDP or ICMP.
 */
int tplc_wire_decode(struct tplc_wire *w, const struct tplc_frame *f,
                     struct tplc_packet *out, struct tplc_wire_stats *stats);

/* A capture file read over mmap: pcap (both byte orders, usec/nsec) and
 * pcapng. */
struct tplc_pcap;

int tplc_pcap_open(struct tplc_pcap **out, const char *path,
                   struct tplc_error *err);
int tplc_pcap_open_memory(struct tplc_pcap **out, const uint8_t *data,
                          size_t len, const char *source,
                          struct tplc_error *err);

/* 1 a frame, 0 end, negative TPLC_EPARSE naming the file and byte offset */
int tplc_pcap_next(struct tplc_pcap *p, struct tplc_frame *out,
                   struct tplc_error *err);
void tplc_pcap_close(struct tplc_pcap *p);

#endif

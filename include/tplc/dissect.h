/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_DISSECT_H
#define TPLC_DISSECT_H

/*
 * Protocol identification: pure parsers over the bytes one direction of a
 * flow carried (DICOM upper layer, HL7 over MLLP, TLS ClientHello) or one
 * datagram (DHCP, LLDP, DNS).  They allocate nothing, never read outside
 * [data, data + len) and fill a caller-owned fixed-size record; every
 * string is NUL-terminated, "" when absent, with bytes outside printable
 * ASCII replaced by '?', and cut at the named maximum (the record's
 * *_truncated counter says so).  The record is zeroed first.
 *
 * Stream parsers (DICOM, HL7, TLS) return the bytes consumed (> 0), 0 when
 * data ends before the unit does (need more; the monitor keeps only the
 * first TPLC_DISSECT_STREAM_MAX bytes, so "more" may never come), or
 * TPLC_EPARSE (not this protocol or malformed) / TPLC_ELIMIT (a length
 * over a named maximum).  Datagram parsers return 0 or those codes.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tplc/error.h"

/* Bytes of each flow direction the monitor hands to the stream parsers. */
#define TPLC_DISSECT_STREAM_MAX 16384

/* ---- DICOM upper layer (PS3.8 section 9) ---- */

enum tplc_dicom_pdu_type {
	TPLC_DICOM_ASSOCIATE_RQ = 1,
	TPLC_DICOM_ASSOCIATE_AC = 2,
	TPLC_DICOM_ASSOCIATE_RJ = 3,
	TPLC_DICOM_P_DATA = 4,
	TPLC_DICOM_RELEASE_RQ = 5,
	TPLC_DICOM_RELEASE_RP = 6,
	TPLC_DICOM_ABORT = 7,
};

/* An A-ASSOCIATE-RQ/AC larger than this is rejected (TPLC_ELIMIT). */
#define TPLC_DICOM_ASSOCIATE_MAX 65536
#define TPLC_DICOM_AE_MAX        17 /* 16 characters + NUL */
#define TPLC_DICOM_UID_MAX       65 /* 64 characters + NUL */
#define TPLC_DICOM_VERSION_MAX   17 /* 16 characters + NUL */
/* Presentation context IDs are odd numbers 1..255: at most 128. */
#define TPLC_DICOM_CONTEXTS_MAX 128

struct tplc_dicom_context {
	uint8_t id;
	uint8_t result; /* AC: 0 acceptance, 1..4 rejection reasons */
	char abstract_syntax[TPLC_DICOM_UID_MAX]; /* RQ; "" in an AC */
	/* RQ: the first proposed; AC: the accepted one */
	char transfer_syntax[TPLC_DICOM_UID_MAX];
	uint8_t transfer_syntax_count; /* proposed (RQ) or 1 (AC) */
};

struct tplc_dicom_pdu {
	uint8_t type;    /* enum tplc_dicom_pdu_type */
	uint32_t length; /* the PDU length field (bytes after the header) */
	/* A-ASSOCIATE-RQ/AC */
	uint16_t protocol_version;
	char called_ae[TPLC_DICOM_AE_MAX];  /* trailing/leading spaces cut */
	char calling_ae[TPLC_DICOM_AE_MAX]; /* trailing/leading spaces cut */
	char application_context[TPLC_DICOM_UID_MAX];
	struct tplc_dicom_context contexts[TPLC_DICOM_CONTEXTS_MAX];
	size_t context_count;
	size_t contexts_dropped; /* past TPLC_DICOM_CONTEXTS_MAX */
	uint32_t max_length;     /* user info 0x51; 0 absent or unlimited */
	char implementation_class_uid[TPLC_DICOM_UID_MAX];   /* 0x52 */
	char implementation_version[TPLC_DICOM_VERSION_MAX]; /* 0x55 */
	/* A-ASSOCIATE-RJ: result, source, reason; A-ABORT: source, reason */
	uint8_t result, source, reason;
	size_t truncated; /* strings cut at their maximum */
};

/*
 * One PDU at the start of data.  Every type 1..7 is recognised so a caller
 * can step over P-DATA and release PDUs; only A-ASSOCIATE-RQ/AC have their
 * items parsed.  When 0 is returned (need more) and the 6-byte header was
 * there, out->type and out->length are filled.
 */
int tplc_dicom_parse(const uint8_t *data, size_t len,
                     struct tplc_dicom_pdu *out);

/* ---- HL7 v2 over MLLP ---- */

/* A message (between the MLLP start and end bytes) longer is TPLC_ELIMIT. */
#define TPLC_HL7_MESSAGE_MAX 1048576
/* A field kept from MSH, including NUL. */
#define TPLC_HL7_FIELD_MAX 128
/* Message type / trigger event / version / field separators, with NUL. */
#define TPLC_HL7_CODE_MAX 16

struct tplc_hl7_message {
	bool mllp;        /* came in an MLLP frame 0x0b ... 0x1c 0x0d */
	char field_sep;   /* MSH-1, usually '|' */
	char encoding[6]; /* MSH-2, "^~\\&" (up to 5 chars + NUL) */
	/* MSH-3..6 are HD types: only their first component is kept */
	char sending_application[TPLC_HL7_FIELD_MAX];   /* MSH-3 */
	char sending_facility[TPLC_HL7_FIELD_MAX];      /* MSH-4 */
	char receiving_application[TPLC_HL7_FIELD_MAX]; /* MSH-5 */
	char receiving_facility[TPLC_HL7_FIELD_MAX];    /* MSH-6 */
	char message_type[TPLC_HL7_CODE_MAX];           /* MSH-9.1, "ORU" */
	char trigger_event[TPLC_HL7_CODE_MAX];          /* MSH-9.2, "R01" */
	char control_id[TPLC_HL7_FIELD_MAX];            /* MSH-10 */
	char version[TPLC_HL7_CODE_MAX]; /* MSH-12 (first component) */
	size_t segment_count; /* CR-separated segments, empty ones not counted */
	size_t truncated;
};

/*
 * One MLLP frame at the start of data (0x0b, message, 0x1c 0x0d), whose
 * message must start with an MSH segment.
 */
int tplc_hl7_parse(const uint8_t *data, size_t len,
                   struct tplc_hl7_message *out);
/* A bare message (no MLLP bytes): 0 or TPLC_EPARSE / TPLC_ELIMIT. */
int tplc_hl7_parse_message(const uint8_t *data, size_t len,
                           struct tplc_hl7_message *out);

/* ---- DHCPv4 (RFC 2131, options RFC 2132, MUD URL RFC 8520) ---- */

#define TPLC_DHCP_STRING_MAX  256 /* an option's text: 255 bytes + NUL */
#define TPLC_DHCP_OPTIONS_MAX 255 /* option TLVs read before giving up */

struct tplc_dhcp {
	uint8_t op; /* 1 request, 2 reply */
	uint8_t htype, hlen;
	uint32_t xid;
	uint8_t ciaddr[4], yiaddr[4], siaddr[4], giaddr[4];
	uint8_t chaddr[16];
	uint8_t client_mac[6]; /* chaddr when htype 1 and hlen 6, else 0 */
	bool has_magic;        /* the options cookie 99.130.83.99 was there */
	uint8_t message_type;  /* option 53; 0 absent (plain BOOTP) */
	bool has_requested_ip;
	uint8_t requested_ip[4];              /* option 50 */
	char host_name[TPLC_DHCP_STRING_MAX]; /* option 12 */
	uint8_t param_list[255];              /* option 55 */
	size_t param_count;
	char vendor_class[TPLC_DHCP_STRING_MAX]; /* option 60 */
	uint8_t client_id[255];                  /* option 61, raw */
	size_t client_id_len;
	char mud_url[TPLC_DHCP_STRING_MAX]; /* option 161 */
	size_t option_count;                /* TLVs seen (not pad/end) */
	size_t truncated;
};

/* One UDP payload from port 67 or 68. */
int tplc_dhcp_parse(const uint8_t *data, size_t len, struct tplc_dhcp *out);

/* ---- LLDP (IEEE 802.1AB; MUD URL TLV of RFC 8520 section 10) ---- */

#define TPLC_LLDP_STRING_MAX 256 /* a TLV's text: 255 bytes + NUL */
#define TPLC_LLDP_ID_MAX     255 /* chassis / port id bytes */
#define TPLC_LLDP_TLVS_MAX   256 /* TLVs read before giving up */

struct tplc_lldp {
	uint8_t chassis_subtype; /* 4: MAC address, 5: network address, ... */
	uint8_t chassis_id[TPLC_LLDP_ID_MAX];
	size_t chassis_id_len;
	uint8_t port_subtype; /* 3: MAC address, 5: interface name, ... */
	uint8_t port_id[TPLC_LLDP_ID_MAX];
	size_t port_id_len;
	uint16_t ttl;
	char port_description[TPLC_LLDP_STRING_MAX];   /* TLV 4 */
	char system_name[TPLC_LLDP_STRING_MAX];        /* TLV 5 */
	char system_description[TPLC_LLDP_STRING_MAX]; /* TLV 6 */
	uint16_t capabilities, enabled_capabilities;   /* TLV 7 */
	char mud_url
	        [TPLC_LLDP_STRING_MAX]; /* TLV 127, OUI 00-00-5E, subtype 1 */
	size_t tlv_count;
	size_t truncated;
};

/*
 * One LLDPDU: the bytes after the Ethernet header (ethertype 0x88cc).  The
 * first three TLVs must be chassis id, port id and TTL.
 */
int tplc_lldp_parse(const uint8_t *data, size_t len, struct tplc_lldp *out);

/*
 * A chassis or port id as text: a MAC subtype as "aa:bb:cc:dd:ee:ff", a
 * network address (IANA family 1 or 2) in its usual form, others as text.
 * Returns buf.
 */
const char *tplc_lldp_id_text(uint8_t subtype, const uint8_t *id, size_t len,
                              bool port, char *buf, size_t size);

/* ---- DNS (RFC 1035) ---- */

#define TPLC_DNS_NAME_MAX      256 /* a name in text: 255 bytes + NUL */
#define TPLC_DNS_POINTERS_MAX  16  /* compression hops in one name */
#define TPLC_DNS_QUESTIONS_MAX 4
#define TPLC_DNS_ANSWERS_MAX   32
#define TPLC_DNS_MESSAGE_MAX   65535

struct tplc_dns_question {
	char name[TPLC_DNS_NAME_MAX]; /* "" is the root */
	uint16_t type, class;
};

struct tplc_dns_answer {
	char name[TPLC_DNS_NAME_MAX];
	uint16_t type, class; /* only 1 A, 28 AAAA, 5 CNAME are kept */
	uint32_t ttl;
	uint8_t addr[16]; /* A: first 4 bytes */
	char cname[TPLC_DNS_NAME_MAX];
};

struct tplc_dns {
	uint16_t id, flags;
	bool response;  /* QR bit */
	uint8_t opcode; /* flags bits 11..14 */
	uint8_t rcode;  /* flags bits 0..3 */
	uint16_t qdcount, ancount, nscount, arcount;
	struct tplc_dns_question questions[TPLC_DNS_QUESTIONS_MAX];
	size_t question_count;
	struct tplc_dns_answer answers[TPLC_DNS_ANSWERS_MAX];
	size_t answer_count;
	size_t records_skipped; /* answers of other types, or past the max */
};

/*
 * One DNS message (UDP payload; over TCP strip the 2-byte length first).
 * Names with labels over 63 bytes, text over 255 bytes, forward or looping
 * pointers or more than TPLC_DNS_POINTERS_MAX hops are TPLC_EPARSE.  Only
 * the question and answer sections are read.
 */
int tplc_dns_parse(const uint8_t *data, size_t len, struct tplc_dns *out);

/* ---- TLS ClientHello (RFC 8446 / 5246; SNI RFC 6066, ALPN RFC 7301) ---- */

#define TPLC_TLS_HELLO_MAX     16384 /* the ClientHello handshake message */
#define TPLC_TLS_SNI_MAX       256   /* host name: 255 bytes + NUL */
#define TPLC_TLS_ALPN_MAX      8     /* protocols kept */
#define TPLC_TLS_ALPN_NAME_MAX 64    /* each, with NUL */

struct tplc_tls_hello {
	uint16_t record_version; /* of the first record */
	uint16_t client_version; /* legacy_version in the ClientHello */
	uint16_t cipher_suite_count;
	uint16_t extension_count;
	bool has_sni;
	char sni[TPLC_TLS_SNI_MAX]; /* the first host_name entry */
	char alpn[TPLC_TLS_ALPN_MAX][TPLC_TLS_ALPN_NAME_MAX];
	size_t alpn_count;
	bool tls13; /* supported_versions offers 0x0304 */
	size_t truncated;
};

/*
 * The ClientHello at the start of a client's stream, reassembled from up
 * to TPLC_TLS_HELLO_MAX bytes of handshake records.  Returns the bytes of
 * the records that carried it, 0 need more, TPLC_EPARSE when the stream
 * is not TLS or the first handshake message is not a ClientHello.
 */
int tplc_tls_sni(const uint8_t *data, size_t len, struct tplc_tls_hello *out);

#endif

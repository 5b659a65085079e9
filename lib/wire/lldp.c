/* SPDX-License-Identifier: Apache-2.0 */
/*
 * LLDP (IEEE 802.1AB-2016 section 8): who a neighbour says it is, and the
 * MUD URL TLV of RFC 8520 section 10 (organisationally specific, IANA OUI
 * 00-00-5E, subtype 1).
 */

#include "tplc/dissect.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "wire/bytes.h"
#include "wire/dissect_text.h"

enum {
	TLV_END = 0,
	TLV_CHASSIS_ID = 1,
	TLV_PORT_ID = 2,
	TLV_TTL = 3,
	TLV_PORT_DESC = 4,
	TLV_SYSTEM_NAME = 5,
	TLV_SYSTEM_DESC = 6,
	TLV_CAPABILITIES = 7,
	TLV_ORG = 127,
};

#define CHASSIS_MAC  4
#define CHASSIS_ADDR 5
#define PORT_MAC     3
#define PORT_ADDR    4
#define IANA_IPV4    1
#define IANA_IPV6    2
#define MUD_SUBTYPE  1
#define TTL_LEN      2
#define CAPS_LEN     4
#define ORG_HEAD_LEN 4 /* OUI and subtype */

static const uint8_t iana_oui[3] = { 0x00, 0x00, 0x5e };

static void text(struct tplc_lldp *out, char *dst, const uint8_t *v, size_t n)
{
	dst[0] = '\0';
	if (!tplx_text_append(dst, TPLC_LLDP_STRING_MAX, v, n))
		out->truncated++;
}

/* Chassis and port id: a subtype byte and 1..255 bytes (8.5.2, 8.5.3). */
static int read_id(struct tplx_bytes *v, uint8_t *subtype, uint8_t *id,
                   size_t *id_len)
{
	size_t n = v->len;
	if (n < 2 || n > TPLC_LLDP_ID_MAX + 1)
		return TPLC_EPARSE;
	*subtype = tplx_bytes_u8(v);
	*id_len = n - 1;
	tplx_bytes_copy(v, id, n - 1);
	return 0;
}

static int parse_tlv(struct tplc_lldp *out, unsigned type, struct tplx_bytes *v)
{
	switch (type) {
	case TLV_PORT_DESC:
		text(out, out->port_description, v->p, v->len);
		break;
	case TLV_SYSTEM_NAME:
		text(out, out->system_name, v->p, v->len);
		break;
	case TLV_SYSTEM_DESC:
		text(out, out->system_description, v->p, v->len);
		break;
	case TLV_CAPABILITIES:
		if (v->len != CAPS_LEN)
			return TPLC_EPARSE;
		out->capabilities = tplx_bytes_be16(v);
		out->enabled_capabilities = tplx_bytes_be16(v);
		break;
	case TLV_ORG:
		if (v->len < ORG_HEAD_LEN)
			return TPLC_EPARSE;
		if (memcmp(v->p, iana_oui, 3) == 0 && v->p[3] == MUD_SUBTYPE)
			text(out, out->mud_url, v->p + ORG_HEAD_LEN,
			     v->len - ORG_HEAD_LEN);
		break;
	case TLV_CHASSIS_ID:
	case TLV_PORT_ID:
	case TLV_TTL:
		return TPLC_EPARSE; /* only once, at the start */
	default:
		break; /* management address and others */
	}
	return 0;
}

static int parse(const uint8_t *data, size_t len, struct tplc_lldp *out)
{
	struct tplx_bytes b = tplx_bytes_make(data, len);
	while (tplx_bytes_left(&b) > 0) {
		uint16_t head = tplx_bytes_be16(&b);
		unsigned type = head >> 9;
		size_t n = head & 0x1ffu;
		struct tplx_bytes v = tplx_bytes_sub(&b, n);
		if (b.bad)
			return TPLC_EPARSE;
		if (type == TLV_END)
			break;
		if (out->tlv_count >= TPLC_LLDP_TLVS_MAX)
			return TPLC_ELIMIT;
		int rc = 0;
		/* 8.2: chassis id, port id and TTL come first, in order. */
		if (out->tlv_count == 0) {
			rc = type == TLV_CHASSIS_ID
			             ? read_id(&v, &out->chassis_subtype,
			                       out->chassis_id,
			                       &out->chassis_id_len)
			             : TPLC_EPARSE;
		} else if (out->tlv_count == 1) {
			rc = type == TLV_PORT_ID
			             ? read_id(&v, &out->port_subtype,
			                       out->port_id, &out->port_id_len)
			             : TPLC_EPARSE;
		} else if (out->tlv_count == 2) {
			if (type != TLV_TTL || n < TTL_LEN)
				return TPLC_EPARSE;
			out->ttl = tplx_bytes_be16(&v);
		} else {
			rc = parse_tlv(out, type, &v);
		}
		if (rc < 0)
			return rc;
		out->tlv_count++;
	}
	return out->tlv_count >= 3 ? 0 : TPLC_EPARSE;
}

int tplc_lldp_parse(const uint8_t *data, size_t len, struct tplc_lldp *out)
{
	memset(out, 0, sizeof(*out));
	int rc = parse(data, len, out);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

const char *tplc_lldp_id_text(uint8_t subtype, const uint8_t *id, size_t len,
                              bool port, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	buf[0] = '\0';
	uint8_t mac = port ? PORT_MAC : CHASSIS_MAC;
	uint8_t addr = port ? PORT_ADDR : CHASSIS_ADDR;
	if (subtype == mac && len == 6) {
		snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", id[0],
		         id[1], id[2], id[3], id[4], id[5]);
	} else if (subtype == addr && len == 5 && id[0] == IANA_IPV4) {
		char a[INET_ADDRSTRLEN];
		if (inet_ntop(AF_INET, id + 1, a, sizeof(a)))
			snprintf(buf, size, "%s", a);
	} else if (subtype == addr && len == 17 && id[0] == IANA_IPV6) {
		char a[INET6_ADDRSTRLEN];
		if (inet_ntop(AF_INET6, id + 1, a, sizeof(a)))
			snprintf(buf, size, "%s", a);
	} else {
		tplx_text_append(buf, size, id, len);
	}
	return buf;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DHCPv4 (RFC 2131) and the options that fingerprint a client (RFC 2132):
 * message type, host name, parameter request list, vendor class, client
 * identifier, and the MUD URL of RFC 8520 (option 161).
 */

#include "tplc/dissect.h"

#include <string.h>

#include "wire/bytes.h"
#include "wire/dissect_text.h"

/* op .. file: the fixed BOOTP header (RFC 951). */
#define BOOTP_LEN   236
#define CHADDR_LEN  16
#define SNAME_LEN   64
#define FILE_LEN    128
#define DHCP_MAGIC  0x63825363u
#define HTYPE_ETHER 1

enum {
	OPT_PAD = 0,
	OPT_HOST_NAME = 12,
	OPT_REQUESTED_IP = 50,
	OPT_MESSAGE_TYPE = 53,
	OPT_PARAM_LIST = 55,
	OPT_VENDOR_CLASS = 60,
	OPT_CLIENT_ID = 61,
	OPT_MUD_URL = 161,
	OPT_END = 255,
};

/* RFC 3396: a repeated option continues the previous one. */
static void append_raw(uint8_t *dst, size_t cap, size_t *used, const uint8_t *v,
                       size_t n, size_t *truncated)
{
	size_t room = cap - *used;
	if (n > room) {
		n = room;
		(*truncated)++;
	}
	memcpy(dst + *used, v, n);
	*used += n;
}

static void append_text(char *dst, const uint8_t *v, size_t n,
                        size_t *truncated)
{
	if (!tplx_text_append(dst, TPLC_DHCP_STRING_MAX, v, n))
		(*truncated)++;
}

static int parse_option(struct tplc_dhcp *out, uint8_t code, const uint8_t *v,
                        uint8_t n)
{
	switch (code) {
	case OPT_MESSAGE_TYPE:
		if (n != 1)
			return TPLC_EPARSE;
		out->message_type = v[0];
		break;
	case OPT_REQUESTED_IP:
		if (n != 4)
			return TPLC_EPARSE;
		out->has_requested_ip = true;
		memcpy(out->requested_ip, v, 4);
		break;
	case OPT_HOST_NAME:
		append_text(out->host_name, v, n, &out->truncated);
		break;
	case OPT_VENDOR_CLASS:
		append_text(out->vendor_class, v, n, &out->truncated);
		break;
	case OPT_MUD_URL:
		append_text(out->mud_url, v, n, &out->truncated);
		break;
	case OPT_PARAM_LIST:
		append_raw(out->param_list, sizeof(out->param_list),
		           &out->param_count, v, n, &out->truncated);
		break;
	case OPT_CLIENT_ID:
		append_raw(out->client_id, sizeof(out->client_id),
		           &out->client_id_len, v, n, &out->truncated);
		break;
	default:
		break;
	}
	return 0;
}

static int parse_options(struct tplx_bytes *b, struct tplc_dhcp *out)
{
	while (tplx_bytes_left(b) > 0) {
		uint8_t code = tplx_bytes_u8(b);
		if (code == OPT_END)
			return 0;
		if (code == OPT_PAD)
			continue;
		if (out->option_count >= TPLC_DHCP_OPTIONS_MAX)
			return TPLC_ELIMIT;
		uint8_t n = tplx_bytes_u8(b);
		const uint8_t *v = tplx_bytes_take(b, n);
		if (b->bad)
			return TPLC_EPARSE;
		out->option_count++;
		int rc = parse_option(out, code, v, n);
		if (rc < 0)
			return rc;
	}
	/* No end option: accepted, many small stacks leave it out. */
	return 0;
}

static int parse(const uint8_t *data, size_t len, struct tplc_dhcp *out)
{
	struct tplx_bytes b = tplx_bytes_make(data, len);
	if (len < BOOTP_LEN)
		return TPLC_EPARSE;
	out->op = tplx_bytes_u8(&b);
	out->htype = tplx_bytes_u8(&b);
	out->hlen = tplx_bytes_u8(&b);
	tplx_bytes_skip(&b, 1); /* hops */
	out->xid = tplx_bytes_be32(&b);
	tplx_bytes_skip(&b, 4); /* secs, flags */
	tplx_bytes_copy(&b, out->ciaddr, 4);
	tplx_bytes_copy(&b, out->yiaddr, 4);
	tplx_bytes_copy(&b, out->siaddr, 4);
	tplx_bytes_copy(&b, out->giaddr, 4);
	tplx_bytes_copy(&b, out->chaddr, CHADDR_LEN);
	tplx_bytes_skip(&b, SNAME_LEN + FILE_LEN);
	if (b.bad || (out->op != 1 && out->op != 2) || out->hlen > CHADDR_LEN)
		return TPLC_EPARSE;
	if (out->htype == HTYPE_ETHER && out->hlen == 6)
		memcpy(out->client_mac, out->chaddr, 6);
	if (tplx_bytes_left(&b) < 4)
		return 0; /* plain BOOTP */
	if (tplx_bytes_be32(&b) != DHCP_MAGIC)
		return 0; /* BOOTP with vendor data, not DHCP */
	out->has_magic = true;
	/* Options overloaded into sname/file (option 52) are not read. */
	return parse_options(&b, out);
}

int tplc_dhcp_parse(const uint8_t *data, size_t len, struct tplc_dhcp *out)
{
	memset(out, 0, sizeof(*out));
	int rc = parse(data, len, out);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The TLS ClientHello (RFC 8446 section 4.1.2, RFC 5246 section 7.4.1.2):
 * the server name a client asks for (RFC 6066 section 3) and the
 * application protocols it offers (RFC 7301).  Every length is checked
 * against the one that encloses it.
 */

#include "tplc/dissect.h"

#include <string.h>

#include "wire/bytes.h"
#include "wire/dissect_text.h"

#define RECORD_HEADER_LEN 5
#define RECORD_MAX        16384 /* 2^14, plaintext records */
#define CONTENT_HANDSHAKE 22
#define HANDSHAKE_HEADER  4
#define CLIENT_HELLO      1
#define RANDOM_LEN        32
#define SESSION_ID_MAX    32
#define EXT_SERVER_NAME   0
#define EXT_ALPN          16
#define EXT_VERSIONS      43
#define NAME_HOST         0
#define TLS13             0x0304

static int parse_sni(struct tplx_bytes *e, struct tplc_tls_hello *out)
{
	uint16_t list = tplx_bytes_be16(e);
	struct tplx_bytes l = tplx_bytes_sub(e, list);
	if (e->bad || tplx_bytes_left(e) != 0)
		return TPLC_EPARSE;
	while (tplx_bytes_left(&l) > 0) {
		uint8_t type = tplx_bytes_u8(&l);
		uint16_t n = tplx_bytes_be16(&l);
		const uint8_t *v = tplx_bytes_take(&l, n);
		if (l.bad)
			return TPLC_EPARSE;
		if (type == NAME_HOST && !out->has_sni) {
			out->has_sni = true;
			if (!tplx_text_append(out->sni, sizeof(out->sni), v, n))
				out->truncated++;
		}
	}
	return 0;
}

static int parse_alpn(struct tplx_bytes *e, struct tplc_tls_hello *out)
{
	uint16_t list = tplx_bytes_be16(e);
	struct tplx_bytes l = tplx_bytes_sub(e, list);
	if (e->bad || tplx_bytes_left(e) != 0)
		return TPLC_EPARSE;
	while (tplx_bytes_left(&l) > 0) {
		uint8_t n = tplx_bytes_u8(&l);
		const uint8_t *v = tplx_bytes_take(&l, n);
		if (l.bad || n == 0)
			return TPLC_EPARSE;
		if (out->alpn_count >= TPLC_TLS_ALPN_MAX) {
			out->truncated++;
			continue;
		}
		char *dst = out->alpn[out->alpn_count++];
		if (!tplx_text_append(dst, TPLC_TLS_ALPN_NAME_MAX, v, n))
			out->truncated++;
	}
	return 0;
}

static int parse_versions(struct tplx_bytes *e, struct tplc_tls_hello *out)
{
	uint8_t n = tplx_bytes_u8(e);
	if (n % 2 != 0 || n != tplx_bytes_left(e))
		return TPLC_EPARSE;
	for (unsigned i = 0; i < n / 2u; i++)
		if (tplx_bytes_be16(e) == TLS13)
			out->tls13 = true;
	return 0;
}

static int parse_hello(struct tplx_bytes *h, struct tplc_tls_hello *out)
{
	out->client_version = tplx_bytes_be16(h);
	tplx_bytes_skip(h, RANDOM_LEN);
	uint8_t sid = tplx_bytes_u8(h);
	if (sid > SESSION_ID_MAX)
		return TPLC_EPARSE;
	tplx_bytes_skip(h, sid);
	uint16_t suites = tplx_bytes_be16(h);
	if (suites < 2 || suites % 2 != 0)
		return TPLC_EPARSE;
	out->cipher_suite_count = suites / 2;
	tplx_bytes_skip(h, suites);
	uint8_t comp = tplx_bytes_u8(h);
	if (comp < 1)
		return TPLC_EPARSE;
	tplx_bytes_skip(h, comp);
	if (h->bad)
		return TPLC_EPARSE;
	if (tplx_bytes_left(h) == 0)
		return 0; /* no extensions (SSL 3.0 style) */
	uint16_t total = tplx_bytes_be16(h);
	struct tplx_bytes exts = tplx_bytes_sub(h, total);
	if (h->bad || tplx_bytes_left(h) != 0)
		return TPLC_EPARSE;
	while (tplx_bytes_left(&exts) > 0) {
		uint16_t type = tplx_bytes_be16(&exts);
		uint16_t n = tplx_bytes_be16(&exts);
		struct tplx_bytes e = tplx_bytes_sub(&exts, n);
		if (exts.bad)
			return TPLC_EPARSE;
		out->extension_count++;
		int rc = 0;
		if (type == EXT_SERVER_NAME && n > 0)
			rc = parse_sni(&e, out); /* empty in a ServerHello */
		else if (type == EXT_ALPN)
			rc = parse_alpn(&e, out);
		else if (type == EXT_VERSIONS)
			rc = parse_versions(&e, out);
		if (rc < 0 || e.bad)
			return TPLC_EPARSE;
	}
	return 0;
}

static int parse(const uint8_t *data, size_t len, struct tplc_tls_hello *out)
{
	/* The handshake message may span records: gather it here. */
	uint8_t msg[TPLC_TLS_HELLO_MAX];
	size_t have = 0, need = 0;
	struct tplx_bytes b = tplx_bytes_make(data, len);
	for (;;) {
		if (tplx_bytes_left(&b) < RECORD_HEADER_LEN)
			return 0;
		uint8_t type = tplx_bytes_u8(&b);
		uint16_t version = tplx_bytes_be16(&b);
		uint16_t n = tplx_bytes_be16(&b);
		if (type != CONTENT_HANDSHAKE || (version >> 8) != 3 ||
		    n == 0 || n > RECORD_MAX)
			return TPLC_EPARSE;
		if (have == 0)
			out->record_version = version;
		if (tplx_bytes_left(&b) < n)
			return 0;
		const uint8_t *frag = tplx_bytes_take(&b, n);
		size_t room = sizeof(msg) - have;
		size_t copy = n < room ? n : room;
		memcpy(msg + have, frag, copy);
		have += copy;
		if (need == 0 && have >= HANDSHAKE_HEADER) {
			if (msg[0] != CLIENT_HELLO)
				return TPLC_EPARSE;
			need = HANDSHAKE_HEADER + ((size_t)msg[1] << 16 |
			                           (size_t)msg[2] << 8 |
			                           msg[3]);
			if (need > sizeof(msg))
				return TPLC_ELIMIT;
		}
		if (need != 0 && have >= need)
			break;
		if (copy < n)
			return TPLC_ELIMIT;
	}
	struct tplx_bytes h = tplx_bytes_make(msg + HANDSHAKE_HEADER,
	                                      need - HANDSHAKE_HEADER);
	int rc = parse_hello(&h, out);
	return rc < 0 ? rc : (int)b.pos;
}

int tplc_tls_sni(const uint8_t *data, size_t len, struct tplc_tls_hello *out)
{
	memset(out, 0, sizeof(*out));
	int rc = parse(data, len, out);
	if (rc <= 0) {
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

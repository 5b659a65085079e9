/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DNS messages (RFC 1035 section 4): the questions, and the A, AAAA and
 * CNAME answers that tie a flow's peer address to a name.  Compression
 * pointers must point backwards and are bounded in number, so a crafted
 * name can neither loop nor run long.
 */

#include "tplc/dissect.h"

#include <string.h>

#include "wire/bytes.h"
#include "wire/dissect_text.h"

#define HEADER_LEN   12
#define LABEL_MAX    63
#define POINTER_BITS 0xc0
#define TYPE_A       1
#define TYPE_CNAME   5
#define TYPE_AAAA    28

/*
 * The name at b->pos in msg; b moves past it (past the first pointer when
 * compressed).  Text is the labels joined by '.', "" for the root.
 */
static int read_name(const uint8_t *msg, size_t len, struct tplx_bytes *b,
                     char *out, size_t size)
{
	size_t pos = b->pos, text = 0, hops = 0;
	bool jumped = false;
	out[0] = '\0';
	for (;;) {
		if (pos >= len)
			return TPLC_EPARSE;
		uint8_t n = msg[pos];
		if ((n & POINTER_BITS) == POINTER_BITS) {
			if (pos + 1 >= len)
				return TPLC_EPARSE;
			size_t to = (size_t)(n & 0x3f) << 8 | msg[pos + 1];
			/* Backwards only: each hop lands strictly earlier. */
			if (to >= pos || ++hops > TPLC_DNS_POINTERS_MAX)
				return TPLC_EPARSE;
			if (!jumped)
				b->pos = pos + 2;
			jumped = true;
			pos = to;
			continue;
		}
		if (n & POINTER_BITS)
			return TPLC_EPARSE; /* extended label types (RFC 6891) */
		if (n == 0) {
			if (!jumped)
				b->pos = pos + 1;
			return 0;
		}
		if (pos + 1 + n > len)
			return TPLC_EPARSE;
		/* "a.b": a dot before every label but the first. */
		size_t need = text + (text ? 1u : 0u) + n;
		if (need >= size)
			return TPLC_EPARSE;
		if (text)
			out[text++] = '.';
		out[text] = '\0';
		tplx_text_append(out, size, msg + pos + 1, n);
		text = need;
		pos += 1 + (size_t)n;
	}
}

static int read_answer(const uint8_t *msg, size_t len, struct tplx_bytes *b,
                       struct tplc_dns *out)
{
	struct tplc_dns_answer scratch, *a = &scratch;
	memset(a, 0, sizeof(*a));
	int rc = read_name(msg, len, b, a->name, sizeof(a->name));
	if (rc < 0)
		return rc;
	a->type = tplx_bytes_be16(b);
	a->class = tplx_bytes_be16(b);
	a->ttl = tplx_bytes_be32(b);
	uint16_t n = tplx_bytes_be16(b);
	size_t at = b->pos;
	tplx_bytes_skip(b, n);
	if (b->bad)
		return TPLC_EPARSE;
	if (a->type == TYPE_A || a->type == TYPE_AAAA) {
		if (n != (a->type == TYPE_A ? 4 : 16))
			return TPLC_EPARSE;
		memcpy(a->addr, msg + at, n);
	} else if (a->type == TYPE_CNAME) {
		struct tplx_bytes r = tplx_bytes_make(msg, len);
		r.pos = at;
		rc = read_name(msg, len, &r, a->cname, sizeof(a->cname));
		if (rc < 0 || r.pos > at + n)
			return TPLC_EPARSE;
	} else {
		out->records_skipped++;
		return 0;
	}
	if (out->answer_count < TPLC_DNS_ANSWERS_MAX)
		out->answers[out->answer_count++] = *a;
	else
		out->records_skipped++;
	return 0;
}

static int parse(const uint8_t *data, size_t len, struct tplc_dns *out)
{
	if (len > TPLC_DNS_MESSAGE_MAX)
		return TPLC_ELIMIT;
	struct tplx_bytes b = tplx_bytes_make(data, len);
	out->id = tplx_bytes_be16(&b);
	out->flags = tplx_bytes_be16(&b);
	out->qdcount = tplx_bytes_be16(&b);
	out->ancount = tplx_bytes_be16(&b);
	out->nscount = tplx_bytes_be16(&b);
	out->arcount = tplx_bytes_be16(&b);
	if (b.bad)
		return TPLC_EPARSE;
	out->response = (out->flags & 0x8000u) != 0;
	out->opcode = (uint8_t)((out->flags >> 11) & 0xfu);
	out->rcode = (uint8_t)(out->flags & 0xfu);
	/* Each question or record takes at least 5 or 11 bytes, so these
	 * loops end when the message does. */
	for (unsigned i = 0; i < out->qdcount; i++) {
		struct tplc_dns_question q;
		memset(&q, 0, sizeof(q));
		int rc = read_name(data, len, &b, q.name, sizeof(q.name));
		if (rc < 0)
			return rc;
		q.type = tplx_bytes_be16(&b);
		q.class = tplx_bytes_be16(&b);
		if (b.bad)
			return TPLC_EPARSE;
		if (out->question_count < TPLC_DNS_QUESTIONS_MAX)
			out->questions[out->question_count++] = q;
	}
	for (unsigned i = 0; i < out->ancount; i++) {
		int rc = read_answer(data, len, &b, out);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int tplc_dns_parse(const uint8_t *data, size_t len, struct tplc_dns *out)
{
	memset(out, 0, sizeof(*out));
	int rc = parse(data, len, out);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

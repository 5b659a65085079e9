/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DICOM upper layer PDUs (PS3.8 section 9.3): enough of A-ASSOCIATE-RQ/AC
 * to name who talks to whom (AE titles, implementation class and version)
 * and what for (abstract syntaxes); the other PDU types are recognised so
 * a stream can be stepped through.
 */

#include "tplc/dissect.h"

#include <string.h>

#include "wire/bytes.h"
#include "wire/dissect_text.h"

#define HEADER_LEN 6
/* Protocol version, reserved, two AE titles, 32 reserved bytes. */
#define ASSOC_FIXED_LEN 68
#define AE_LEN          16

enum {
	ITEM_APP_CONTEXT = 0x10,
	ITEM_PRES_CONTEXT_RQ = 0x20,
	ITEM_PRES_CONTEXT_AC = 0x21,
	ITEM_ABSTRACT_SYNTAX = 0x30,
	ITEM_TRANSFER_SYNTAX = 0x40,
	ITEM_USER_INFO = 0x50,
	ITEM_MAX_LENGTH = 0x51,
	ITEM_IMPL_CLASS_UID = 0x52,
	ITEM_IMPL_VERSION = 0x55,
};

static void uid_copy(struct tplc_dicom_pdu *out, char *dst, size_t size,
                     const uint8_t *src, size_t n)
{
	if (!tplx_text_trim_copy(dst, size, src, n))
		out->truncated++;
}

/* Sub-items of one presentation context item (0x20 or 0x21). */
static int parse_context(struct tplx_bytes *item, bool rq,
                         struct tplc_dicom_pdu *out)
{
	struct tplc_dicom_context scratch, *ctx = &scratch;
	if (out->context_count < TPLC_DICOM_CONTEXTS_MAX)
		ctx = &out->contexts[out->context_count];
	memset(ctx, 0, sizeof(*ctx));
	ctx->id = tplx_bytes_u8(item);
	tplx_bytes_skip(item, 1);
	ctx->result = tplx_bytes_u8(item); /* reserved in an RQ */
	tplx_bytes_skip(item, 1);
	if (rq)
		ctx->result = 0;
	while (!item->bad && tplx_bytes_left(item) > 0) {
		uint8_t type = tplx_bytes_u8(item);
		tplx_bytes_skip(item, 1);
		uint16_t n = tplx_bytes_be16(item);
		const uint8_t *v = tplx_bytes_take(item, n);
		if (item->bad)
			break;
		if (type == ITEM_ABSTRACT_SYNTAX && rq) {
			uid_copy(out, ctx->abstract_syntax,
			         sizeof(ctx->abstract_syntax), v, n);
		} else if (type == ITEM_TRANSFER_SYNTAX) {
			if (ctx->transfer_syntax_count == 0)
				uid_copy(out, ctx->transfer_syntax,
				         sizeof(ctx->transfer_syntax), v, n);
			if (ctx->transfer_syntax_count < UINT8_MAX)
				ctx->transfer_syntax_count++;
		} else {
			return TPLC_EPARSE;
		}
	}
	if (item->bad)
		return TPLC_EPARSE;
	if (ctx == &scratch)
		out->contexts_dropped++;
	else
		out->context_count++;
	return 0;
}

static int parse_user_info(struct tplx_bytes *item, struct tplc_dicom_pdu *out)
{
	while (!item->bad && tplx_bytes_left(item) > 0) {
		uint8_t type = tplx_bytes_u8(item);
		tplx_bytes_skip(item, 1);
		uint16_t n = tplx_bytes_be16(item);
		struct tplx_bytes v = tplx_bytes_sub(item, n);
		if (item->bad)
			break;
		if (type == ITEM_MAX_LENGTH) {
			if (n != 4)
				return TPLC_EPARSE;
			out->max_length = tplx_bytes_be32(&v);
		} else if (type == ITEM_IMPL_CLASS_UID) {
			uid_copy(out, out->implementation_class_uid,
			         sizeof(out->implementation_class_uid), v.p, n);
		} else if (type == ITEM_IMPL_VERSION) {
			uid_copy(out, out->implementation_version,
			         sizeof(out->implementation_version), v.p, n);
		}
		/* Other sub-items (role selection, extended negotiation,
		 * user identity...) are skipped. */
	}
	return item->bad ? TPLC_EPARSE : 0;
}

static int parse_associate(struct tplx_bytes *b, struct tplc_dicom_pdu *out)
{
	bool rq = out->type == TPLC_DICOM_ASSOCIATE_RQ;
	out->protocol_version = tplx_bytes_be16(b);
	tplx_bytes_skip(b, 2);
	const uint8_t *called = tplx_bytes_take(b, AE_LEN);
	const uint8_t *calling = tplx_bytes_take(b, AE_LEN);
	tplx_bytes_skip(b, 32);
	if (b->bad)
		return TPLC_EPARSE;
	uid_copy(out, out->called_ae, sizeof(out->called_ae), called, AE_LEN);
	uid_copy(out, out->calling_ae, sizeof(out->calling_ae), calling,
	         AE_LEN);
	while (tplx_bytes_left(b) > 0) {
		uint8_t type = tplx_bytes_u8(b);
		tplx_bytes_skip(b, 1);
		uint16_t n = tplx_bytes_be16(b);
		struct tplx_bytes item = tplx_bytes_sub(b, n);
		if (b->bad)
			return TPLC_EPARSE;
		int rc = 0;
		if (type == ITEM_APP_CONTEXT)
			uid_copy(out, out->application_context,
			         sizeof(out->application_context), item.p, n);
		else if (type == ITEM_PRES_CONTEXT_RQ && rq)
			rc = parse_context(&item, true, out);
		else if (type == ITEM_PRES_CONTEXT_AC && !rq)
			rc = parse_context(&item, false, out);
		else if (type == ITEM_USER_INFO)
			rc = parse_user_info(&item, out);
		else
			rc = TPLC_EPARSE;
		if (rc < 0)
			return rc;
	}
	/* PS3.8 9.3.2: an application context item is mandatory. */
	return out->application_context[0] ? 0 : TPLC_EPARSE;
}

int tplc_dicom_parse(const uint8_t *data, size_t len,
                     struct tplc_dicom_pdu *out)
{
	memset(out, 0, sizeof(*out));
	if (len < HEADER_LEN)
		return 0;
	struct tplx_bytes b = tplx_bytes_make(data, len);
	uint8_t type = tplx_bytes_u8(&b);
	tplx_bytes_skip(&b, 1);
	uint32_t n = tplx_bytes_be32(&b);
	if (type < TPLC_DICOM_ASSOCIATE_RQ || type > TPLC_DICOM_ABORT)
		return TPLC_EPARSE;
	bool assoc = type == TPLC_DICOM_ASSOCIATE_RQ ||
	             type == TPLC_DICOM_ASSOCIATE_AC;
	/* Fixed sizes: RJ, release and abort PDUs carry 4 bytes; P-DATA at
	 * least one PDV header (length, context id, control byte). */
	if (assoc && n < ASSOC_FIXED_LEN)
		return TPLC_EPARSE;
	if (assoc && n > TPLC_DICOM_ASSOCIATE_MAX)
		return TPLC_ELIMIT;
	if (type == TPLC_DICOM_P_DATA && n < 6)
		return TPLC_EPARSE;
	if (n > (uint32_t)INT32_MAX - HEADER_LEN)
		return TPLC_ELIMIT; /* the count must fit the return value */
	if (!assoc && type != TPLC_DICOM_P_DATA && n != 4)
		return TPLC_EPARSE;
	out->type = type;
	out->length = n;
	if (len - HEADER_LEN < n)
		return 0;
	struct tplx_bytes body = tplx_bytes_sub(&b, n);
	int rc = 0;
	if (assoc) {
		rc = parse_associate(&body, out);
	} else if (type == TPLC_DICOM_ASSOCIATE_RJ) {
		tplx_bytes_skip(&body, 1);
		out->result = tplx_bytes_u8(&body);
		out->source = tplx_bytes_u8(&body);
		out->reason = tplx_bytes_u8(&body);
	} else if (type == TPLC_DICOM_ABORT) {
		tplx_bytes_skip(&body, 2);
		out->source = tplx_bytes_u8(&body);
		out->reason = tplx_bytes_u8(&body);
	}
	if (rc < 0) {
		memset(out, 0, sizeof(*out));
		return rc;
	}
	return (int)(HEADER_LEN + n);
}

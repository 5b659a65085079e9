/* SPDX-License-Identifier: Apache-2.0 */
/*
 * HL7 v2 messages over MLLP (HL7 v2.5.1 appendix C.4): the MSH segment
 * says who sends what to whom.  MSH-1 and MSH-2 come from the message
 * itself; nothing assumes '|' and '^'.
 */

#include "tplc/dissect.h"

#include <string.h>

#include "wire/dissect_text.h"

#define MLLP_START 0x0b
#define MLLP_END   0x1c
#define MLLP_CR    0x0d
/* MSH-2 holds 4 characters, 5 from v2.7 (the truncation character). */
#define ENCODING_CHARS_MAX 5
/* MSH fields read: up to MSH-12. */
#define MSH_FIELDS 12

static bool is_eol(uint8_t c)
{
	return c == '\r' || c == '\n';
}

/* Copy the first component of field f (up to sep) into dst. */
static void copy_component(struct tplc_hl7_message *out, char *dst, size_t size,
                           const uint8_t *f, size_t n, uint8_t sep,
                           size_t index)
{
	size_t start = 0, i = 0;
	for (size_t k = 0; k < index; k++) {
		while (i < n && f[i] != sep)
			i++;
		if (i == n)
			return; /* no such component */
		start = ++i;
	}
	while (i < n && f[i] != sep)
		i++;
	if (!tplx_text_append(dst, size, f + start, i - start))
		out->truncated++;
}

static int parse_msh(const uint8_t *s, size_t n, struct tplc_hl7_message *out)
{
	if (n < 4 || memcmp(s, "MSH", 3) != 0)
		return TPLC_EPARSE;
	uint8_t fs = s[3];
	if (fs < 0x21 || fs > 0x7e || (fs >= '0' && fs <= '9') ||
	    (fs >= 'A' && fs <= 'Z') || (fs >= 'a' && fs <= 'z'))
		return TPLC_EPARSE;
	out->field_sep = (char)fs;
	/* Split at the field separator: part k is MSH-(k+1) for k >= 1. */
	const uint8_t *part[MSH_FIELDS] = { 0 };
	size_t plen[MSH_FIELDS] = { 0 };
	size_t count = 0, i = 4, start = 4;
	for (; count + 1 < MSH_FIELDS; i++) {
		if (i == n || s[i] == fs) {
			part[count + 1] = s + start;
			plen[count + 1] = i - start;
			count++;
			start = i + 1;
			if (i == n)
				break;
		}
	}
	/* MSH-2: the encoding characters, distinct printable bytes. */
	if (count < 1 || plen[1] < 1 || plen[1] > ENCODING_CHARS_MAX)
		return TPLC_EPARSE;
	for (size_t k = 0; k < plen[1]; k++) {
		uint8_t c = part[1][k];
		if (c < 0x21 || c > 0x7e || c == fs)
			return TPLC_EPARSE;
		out->encoding[k] = (char)c;
	}
	uint8_t cs = part[1][0]; /* component separator */
	char *hd[] = { out->sending_application, out->sending_facility,
		       out->receiving_application, out->receiving_facility };
	for (size_t k = 0; k < 4; k++)
		if (part[k + 2])
			copy_component(out, hd[k], TPLC_HL7_FIELD_MAX,
			               part[k + 2], plen[k + 2], cs, 0);
	if (part[8]) {
		copy_component(out, out->message_type,
		               sizeof(out->message_type), part[8], plen[8], cs,
		               0);
		copy_component(out, out->trigger_event,
		               sizeof(out->trigger_event), part[8], plen[8], cs,
		               1);
	}
	if (part[9])
		copy_component(out, out->control_id, sizeof(out->control_id),
		               part[9], plen[9], cs, 0);
	if (part[11])
		copy_component(out, out->version, sizeof(out->version),
		               part[11], plen[11], cs, 0);
	/* MSH-9 (message type) is required by every version. */
	return out->message_type[0] ? 0 : TPLC_EPARSE;
}

static int parse_message(const uint8_t *data, size_t len,
                         struct tplc_hl7_message *out)
{
	if (len > TPLC_HL7_MESSAGE_MAX)
		return TPLC_ELIMIT;
	size_t msh_end = 0;
	while (msh_end < len && !is_eol(data[msh_end]))
		msh_end++;
	int rc = parse_msh(data, msh_end, out);
	if (rc < 0)
		return rc;
	/* Segments end at CR; LF and CR LF are tolerated. */
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && !is_eol(data[j]))
			j++;
		if (j > i)
			out->segment_count++;
		i = j + 1;
	}
	return 0;
}

int tplc_hl7_parse_message(const uint8_t *data, size_t len,
                           struct tplc_hl7_message *out)
{
	memset(out, 0, sizeof(*out));
	int rc = parse_message(data, len, out);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

int tplc_hl7_parse(const uint8_t *data, size_t len,
                   struct tplc_hl7_message *out)
{
	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (data[0] != MLLP_START)
		return TPLC_EPARSE;
	/* Before the end byte turns up, the start of an MSH must. */
	size_t head = len - 1 < 3 ? len - 1 : 3;
	if (memcmp(data + 1, "MSH", head) != 0)
		return TPLC_EPARSE;
	size_t limit = len;
	if (limit > TPLC_HL7_MESSAGE_MAX + 3)
		limit = TPLC_HL7_MESSAGE_MAX + 3;
	const uint8_t *end = memchr(data + 1, MLLP_END, limit - 1);
	if (!end)
		return limit < len ? TPLC_ELIMIT : 0;
	size_t body = (size_t)(end - data) - 1;
	if (body + 2 >= len)
		return 0; /* the trailing CR is still to come */
	if (end[1] != MLLP_CR)
		return TPLC_EPARSE;
	int rc = parse_message(data + 1, body, out);
	if (rc < 0) {
		memset(out, 0, sizeof(*out));
		return rc;
	}
	out->mllp = true;
	return (int)(body + 3);
}

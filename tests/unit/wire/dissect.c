/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The dissectors of include/tplc/dissect.h on hand-built inputs: each good
 * input with its fields checked, bad ones rejected, and every good input
 * cut at every length into an exact-size heap copy (ASan sees any read
 * past the end): a stream parser must answer "need more" (0), a datagram
 * parser 0 or TPLC_EPARSE, never anything else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/dissect.h"

struct tb {
	uint8_t d[20000];
	size_t n;
};

static void put8(struct tb *b, unsigned v)
{
	assert_true(b->n < sizeof(b->d));
	b->d[b->n++] = (uint8_t)v;
}

static void put16(struct tb *b, unsigned v)
{
	put8(b, v >> 8);
	put8(b, v & 0xff);
}

static void put32(struct tb *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xffff);
}

static void putmem(struct tb *b, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put8(b, ((const uint8_t *)p)[i]);
}

static void putstr(struct tb *b, const char *s)
{
	putmem(b, s, strlen(s));
}

/* s padded with spaces to width bytes */
static void putpad(struct tb *b, const char *s, size_t width)
{
	size_t n = strlen(s);
	putmem(b, s, n);
	for (; n < width; n++)
		put8(b, ' ');
}

static void patch16(struct tb *b, size_t at, size_t v)
{
	b->d[at] = (uint8_t)(v >> 8);
	b->d[at + 1] = (uint8_t)v;
}

static void patch24(struct tb *b, size_t at, size_t v)
{
	b->d[at] = (uint8_t)(v >> 16);
	patch16(b, at + 1, v & 0xffff);
}

static void patch32(struct tb *b, size_t at, size_t v)
{
	patch16(b, at, v >> 16);
	patch16(b, at + 2, v & 0xffff);
}

/* A DICOM item: type, reserved, 16-bit length, value. */
static void item(struct tb *b, unsigned type, const char *value)
{
	put8(b, type);
	put8(b, 0);
	put16(b, (unsigned)strlen(value));
	putstr(b, value);
}

#define CT_STORAGE  "1.2.840.10008.5.1.4.1.1.2"
#define EXPLICIT_LE "1.2.840.10008.1.2.1"
#define IMPLICIT_LE "1.2.840.10008.1.2"
#define DCMTK_UID   "1.2.276.0.7230010.3.0.3.6.7"

static void build_associate(struct tb *b, unsigned type)
{
	b->n = 0;
	put8(b, type);
	put8(b, 0);
	put32(b, 0); /* patched */
	put16(b, 1);
	put16(b, 0);
	putpad(b, "PACS_ARCHIVE", 16);
	putpad(b, " CT_SCANNER_01", 16);
	for (int i = 0; i < 32; i++)
		put8(b, 0);
	item(b, 0x10, "1.2.840.10008.3.1.1.1");
	size_t at = b->n;
	put8(b, type == 1 ? 0x20 : 0x21);
	put8(b, 0);
	put16(b, 0);
	put8(b, 1); /* context id */
	put8(b, 0);
	put8(b, 0); /* result (AC) */
	put8(b, 0);
	if (type == 1) {
		item(b, 0x30, CT_STORAGE);
		item(b, 0x40, EXPLICIT_LE);
		item(b, 0x40, IMPLICIT_LE);
	} else {
		item(b, 0x40, EXPLICIT_LE);
	}
	patch16(b, at + 2, b->n - at - 4);
	at = b->n;
	put8(b, 0x50);
	put8(b, 0);
	put16(b, 0);
	put8(b, 0x51);
	put8(b, 0);
	put16(b, 4);
	put32(b, 16384);
	/* A UID padded with a NUL to even length, as PS3.5 pads. */
	put8(b, 0x52);
	put8(b, 0);
	put16(b, sizeof(DCMTK_UID));
	putmem(b, DCMTK_UID, sizeof(DCMTK_UID));
	item(b, 0x55, "OFFIS_DCMTK_367");
	item(b, 0x58, "x"); /* user identity: skipped */
	patch16(b, at + 2, b->n - at - 4);
	patch32(b, 2, b->n - 6);
}

static uint8_t *copy(const struct tb *b, size_t n)
{
	uint8_t *p = malloc(n ? n : 1);
	assert_non_null(p);
	memcpy(p, b->d, n);
	return p;
}

static int dicom(const struct tb *b, size_t n, struct tplc_dicom_pdu *pdu)
{
	uint8_t *p = copy(b, n);
	int rc = tplc_dicom_parse(p, n, pdu);
	free(p);
	return rc;
}

static void test_dissect__dicom_good(void **state)
{
	(void)state;
	static struct tb b;
	static struct tplc_dicom_pdu pdu;

	build_associate(&b, 1);
	assert_int_equal(dicom(&b, b.n, &pdu), (int)b.n);
	assert_int_equal(pdu.type, TPLC_DICOM_ASSOCIATE_RQ);
	assert_int_equal(pdu.length, b.n - 6);
	assert_int_equal(pdu.protocol_version, 1);
	assert_string_equal(pdu.called_ae, "PACS_ARCHIVE");
	assert_string_equal(pdu.calling_ae, "CT_SCANNER_01");
	assert_string_equal(pdu.application_context, "1.2.840.10008.3.1.1.1");
	assert_int_equal(pdu.context_count, 1);
	assert_int_equal(pdu.contexts[0].id, 1);
	assert_string_equal(pdu.contexts[0].abstract_syntax, CT_STORAGE);
	assert_string_equal(pdu.contexts[0].transfer_syntax, EXPLICIT_LE);
	assert_int_equal(pdu.contexts[0].transfer_syntax_count, 2);
	assert_int_equal(pdu.max_length, 16384);
	assert_string_equal(pdu.implementation_class_uid, DCMTK_UID);
	assert_string_equal(pdu.implementation_version, "OFFIS_DCMTK_367");
	assert_int_equal(pdu.truncated, 0);

	build_associate(&b, 2);
	assert_int_equal(dicom(&b, b.n, &pdu), (int)b.n);
	assert_int_equal(pdu.type, TPLC_DICOM_ASSOCIATE_AC);
	assert_string_equal(pdu.contexts[0].abstract_syntax, "");
	assert_string_equal(pdu.contexts[0].transfer_syntax, EXPLICIT_LE);

	/* Two PDUs back to back: the first is consumed alone. */
	static const uint8_t two[] = { 5, 0, 0, 0, 0, 4, 0, 0, 0, 0,
		                       7, 0, 0, 0, 0, 4, 0, 0, 2, 1 };
	assert_int_equal(tplc_dicom_parse(two, sizeof(two), &pdu), 10);
	assert_int_equal(pdu.type, TPLC_DICOM_RELEASE_RQ);
	assert_int_equal(tplc_dicom_parse(two + 10, 10, &pdu), 10);
	assert_int_equal(pdu.type, TPLC_DICOM_ABORT);
	assert_int_equal(pdu.source, 2);
	assert_int_equal(pdu.reason, 1);
	static const uint8_t rj[] = { 3, 0, 0, 0, 0, 4, 0, 1, 1, 7 };
	assert_int_equal(tplc_dicom_parse(rj, sizeof(rj), &pdu), 10);
	assert_int_equal(pdu.result, 1);
	assert_int_equal(pdu.source, 1);
	assert_int_equal(pdu.reason, 7);
	/* P-DATA is stepped over; its header is known before its body. */
	static const uint8_t pdata[] = { 4, 0, 0, 0, 0, 6, 0, 0, 0, 2, 1, 3 };
	assert_int_equal(tplc_dicom_parse(pdata, sizeof(pdata), &pdu), 12);
	assert_int_equal(tplc_dicom_parse(pdata, 8, &pdu), 0);
	assert_int_equal(pdu.type, TPLC_DICOM_P_DATA);
	assert_int_equal(pdu.length, 6);
}

static void test_dissect__dicom_bad(void **state)
{
	(void)state;
	static struct tb b;
	static struct tplc_dicom_pdu pdu;

	static const uint8_t type9[] = { 9, 0, 0, 0, 0, 4, 0, 0, 0, 0 };
	assert_int_equal(tplc_dicom_parse(type9, 10, &pdu), TPLC_EPARSE);
	static const uint8_t abort5[] = { 7, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0 };
	assert_int_equal(tplc_dicom_parse(abort5, 11, &pdu), TPLC_EPARSE);
	static const uint8_t huge[] = { 1, 0, 0, 2, 0, 0 };
	assert_int_equal(tplc_dicom_parse(huge, 6, &pdu), TPLC_ELIMIT);
	static const uint8_t small[] = { 2, 0, 0, 0, 0, 10 };
	assert_int_equal(tplc_dicom_parse(small, 6, &pdu), TPLC_EPARSE);
	/* HTTP is not DICOM */
	assert_int_equal(
	        tplc_dicom_parse((const uint8_t *)"GET / HTTP/1.1", 14, &pdu),
	        TPLC_EPARSE);

	/* An item longer than its PDU. */
	build_associate(&b, 1);
	b.d[74 + 3] = 0xff;
	assert_int_equal(dicom(&b, b.n, &pdu), TPLC_EPARSE);
	assert_string_equal(pdu.calling_ae, "");
	/* An unknown item type. */
	build_associate(&b, 1);
	b.d[74] = 0x60;
	assert_int_equal(dicom(&b, b.n, &pdu), TPLC_EPARSE);
	/* No application context. */
	build_associate(&b, 1);
	b.d[74] = 0x50;
	assert_int_equal(dicom(&b, b.n, &pdu), TPLC_EPARSE);
	/* A max length sub-item of 3 bytes. */
	build_associate(&b, 2);
	size_t i;
	for (i = 74; i + 1 < b.n; i++)
		if (b.d[i] == 0x51 && b.d[i + 3] == 4)
			break;
	b.d[i + 3] = 3;
	assert_int_equal(dicom(&b, b.n, &pdu), TPLC_EPARSE);
}

static void test_dissect__dicom_truncated(void **state)
{
	(void)state;
	static struct tb b;
	static struct tplc_dicom_pdu pdu;

	for (unsigned type = 1; type <= 2; type++) {
		build_associate(&b, type);
		for (size_t n = 0; n < b.n; n++)
			assert_int_equal(dicom(&b, n, &pdu), 0);
	}
}

/* --- HL7 --- */

static const char oru[] =
        "\x0bMSH|^~\\&|CHEM_ANALYZER^1.2.3^ISO|LAB|HIS|HOSPITAL|"
        "20240102030405||ORU^R01^ORU_R01|MSG00001|P|2.5.1\r"
        "PID|1||123456||DOE^JANE\r\r"
        "OBX|1|NM|GLU^Glucose||5.4|mmol/L\r\x1c\r";

static int hl7(const char *s, size_t n, struct tplc_hl7_message *m)
{
	uint8_t *p = malloc(n ? n : 1);
	assert_non_null(p);
	memcpy(p, s, n);
	int rc = tplc_hl7_parse(p, n, m);
	free(p);
	return rc;
}

static void test_dissect__hl7_good(void **state)
{
	(void)state;
	struct tplc_hl7_message m;
	size_t n = sizeof(oru) - 1;

	assert_int_equal(hl7(oru, n, &m), (int)n);
	assert_true(m.mllp);
	assert_int_equal(m.field_sep, '|');
	assert_string_equal(m.encoding, "^~\\&");
	assert_string_equal(m.sending_application, "CHEM_ANALYZER");
	assert_string_equal(m.sending_facility, "LAB");
	assert_string_equal(m.receiving_application, "HIS");
	assert_string_equal(m.receiving_facility, "HOSPITAL");
	assert_string_equal(m.message_type, "ORU");
	assert_string_equal(m.trigger_event, "R01");
	assert_string_equal(m.control_id, "MSG00001");
	assert_string_equal(m.version, "2.5.1");
	assert_int_equal(m.segment_count, 3);

	/* Separators come from the message, not assumed. */
	static const char other[] = "\x0bMSH#$~\\&#APP$X#FAC#RCV#RF#2024##"
	                            "ADT$A01#42#P#2.3$INTL\r\x1c\r";
	assert_int_equal(hl7(other, sizeof(other) - 1, &m),
	                 (int)sizeof(other) - 1);
	assert_int_equal(m.field_sep, '#');
	assert_string_equal(m.sending_application, "APP");
	assert_string_equal(m.message_type, "ADT");
	assert_string_equal(m.trigger_event, "A01");
	assert_string_equal(m.control_id, "42");
	assert_string_equal(m.version, "2.3");

	/* A short MSH (no MSH-10..12) and a field cut at its maximum. */
	char buf[400];
	int len = snprintf(buf, sizeof(buf), "MSH|^~\\&|%0200d||||||ACK", 7);
	assert_int_equal(
	        tplc_hl7_parse_message((const uint8_t *)buf, (size_t)len, &m),
	        0);
	assert_false(m.mllp);
	assert_int_equal(strlen(m.sending_application), TPLC_HL7_FIELD_MAX - 1);
	assert_int_equal(m.truncated, 1);
	assert_string_equal(m.message_type, "ACK");
	assert_string_equal(m.trigger_event, "");
	assert_string_equal(m.control_id, "");
}

static void test_dissect__hl7_bad(void **state)
{
	(void)state;
	struct tplc_hl7_message m;
	static const struct {
		const char *s;
		int rc;
	} cases[] = {
		{ "MSH|^~\\&|A|B|C|D|1||ORU^R01|1|P|2.5\r\x1c\r", TPLC_EPARSE },
		{ "\x0bPID|1\r\x1c\r", TPLC_EPARSE },
		{ "\x0bMSH|^~\\&|A|B|C|D|1||ORU^R01|1|P|2.5\r\x1c\n",
		  TPLC_EPARSE },
		{ "\x0bMSH||A|B|C|D|1||ORU^R01|1|P|2.5\r\x1c\r", TPLC_EPARSE },
		{ "\x0bMSHA^~\\&|A\r\x1c\r", TPLC_EPARSE },
		{ "\x0bMSH|^~\\&|A|B|C|D|1\r\x1c\r", TPLC_EPARSE },
		{ "\x0bMSH|^~\\&|A|B|C|D|1|||1\r\x1c\r", TPLC_EPARSE },
		{ "\x0bMSH|^~\\&#$%|A|B|C|D|1||X\r\x1c\r", TPLC_EPARSE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = hl7(cases[i].s, strlen(cases[i].s), &m);
		if (rc != cases[i].rc)
			fail_msg("case %zu: %d", i, rc);
		assert_string_equal(m.message_type, "");
	}
}

static void test_dissect__hl7_truncated(void **state)
{
	(void)state;
	struct tplc_hl7_message m;
	for (size_t n = 0; n + 1 < sizeof(oru); n++)
		assert_int_equal(hl7(oru, n, &m), 0);
}

/* --- DHCP --- */

static void build_dhcp(struct tb *b)
{
	static const uint8_t mac[6] = { 0x00, 0x1b, 0x21, 0xaa, 0xbb, 0xcc };
	b->n = 0;
	put8(b, 1);
	put8(b, 1);
	put8(b, 6);
	put8(b, 0);
	put32(b, 0xdeadbeef);
	put32(b, 0);
	for (int i = 0; i < 16; i++)
		put8(b, 0);
	putmem(b, mac, 6);
	for (int i = 0; i < 10 + 64 + 128; i++)
		put8(b, 0);
	put32(b, 0x63825363);
	put8(b, 53);
	put8(b, 1);
	put8(b, 3);
	put8(b, 61);
	put8(b, 7);
	put8(b, 1);
	putmem(b, mac, 6);
	put8(b, 50);
	put8(b, 4);
	putmem(b, "\x0a\x4d\x00\x0b", 4);
	put8(b, 0); /* pad */
	put8(b, 12);
	put8(b, 8);
	putstr(b, "infusion");
	put8(b, 12); /* RFC 3396: continues */
	put8(b, 3);
	putstr(b, "-07");
	put8(b, 60);
	put8(b, 8);
	putstr(b, "MSFT 5.0");
	put8(b, 55);
	put8(b, 4);
	putmem(b, "\x01\x03\x06\x0f", 4);
	put8(b, 161);
	put8(b, 32);
	putstr(b, "https://mud.example.com/pump.json");
	b->n--; /* 33 bytes: keep 32 */
	put8(b, 255);
}

static int dhcp(const struct tb *b, size_t n, struct tplc_dhcp *d)
{
	uint8_t *p = copy(b, n);
	int rc = tplc_dhcp_parse(p, n, d);
	free(p);
	return rc;
}

static void test_dissect__dhcp(void **state)
{
	(void)state;
	static struct tb b;
	struct tplc_dhcp d;

	build_dhcp(&b);
	assert_int_equal(dhcp(&b, b.n, &d), 0);
	assert_int_equal(d.op, 1);
	assert_int_equal(d.xid, 0xdeadbeef);
	assert_true(d.has_magic);
	assert_int_equal(d.message_type, 3);
	assert_memory_equal(d.client_mac, "\x00\x1b\x21\xaa\xbb\xcc", 6);
	assert_true(d.has_requested_ip);
	assert_memory_equal(d.requested_ip, "\x0a\x4d\x00\x0b", 4);
	assert_string_equal(d.host_name, "infusion-07");
	assert_string_equal(d.vendor_class, "MSFT 5.0");
	assert_int_equal(d.param_count, 4);
	assert_int_equal(d.param_list[3], 15);
	assert_int_equal(d.client_id_len, 7);
	assert_string_equal(d.mud_url, "https://mud.example.com/pump.jso");
	assert_int_equal(d.option_count, 8);

	/* Plain BOOTP: no cookie, still a record. */
	assert_int_equal(dhcp(&b, 236, &d), 0);
	assert_false(d.has_magic);
	assert_int_equal(d.message_type, 0);

	/* Bad: short, op 3, hlen 17, message type of 2 bytes, cut option. */
	assert_int_equal(dhcp(&b, 235, &d), TPLC_EPARSE);
	build_dhcp(&b);
	b.d[0] = 3;
	assert_int_equal(dhcp(&b, b.n, &d), TPLC_EPARSE);
	build_dhcp(&b);
	b.d[2] = 17;
	assert_int_equal(dhcp(&b, b.n, &d), TPLC_EPARSE);
	build_dhcp(&b);
	b.d[241] = 2;
	assert_int_equal(dhcp(&b, b.n, &d), TPLC_EPARSE);
	assert_int_equal(d.message_type, 0);
	build_dhcp(&b);
	b.n -= 2; /* the MUD URL cut by one byte, no end */
	assert_int_equal(dhcp(&b, b.n, &d), TPLC_EPARSE);

	/* Too many options. */
	b.n = 240;
	for (int i = 0; i < TPLC_DHCP_OPTIONS_MAX + 1; i++) {
		put8(&b, 200);
		put8(&b, 0);
	}
	assert_int_equal(dhcp(&b, b.n, &d), TPLC_ELIMIT);

	/* Every prefix: 0 at the header (BOOTP) and at each option's end
	 * (10 before the end option), EPARSE inside one. */
	build_dhcp(&b);
	size_t ok = 0;
	for (size_t n = 0; n < b.n; n++) {
		int rc = dhcp(&b, n, &d);
		assert_true(rc == 0 || rc == TPLC_EPARSE);
		ok += rc == 0;
	}
	assert_int_equal(ok, 4 + 10);
}

/* --- LLDP --- */

static void tlv(struct tb *b, unsigned type, const void *v, size_t n)
{
	put16(b, type << 9 | (unsigned)n);
	putmem(b, v, n);
}

static void build_lldp(struct tb *b)
{
	b->n = 0;
	tlv(b, 1, "\x04\x00\x1b\x21\xaa\xbb\xcc", 7);
	tlv(b, 2,
	    "\x05"
	    "eth0",
	    5);
	tlv(b, 3, "\x00\x78", 2);
	tlv(b, 4, "uplink", 6);
	tlv(b, 5, "ct-scanner-01", 13);
	tlv(b, 6, "CT gantry\x01", 10);
	tlv(b, 7, "\x00\x80\x00\x80", 4);
	tlv(b, 8, "\x05\x01\x0a\x4d\x00\x0b\x02\x00\x00\x00\x01\x00", 12);
	tlv(b, 127, "\x00\x12\x0f\x01\x03\x6c\x00\x00\x10", 9); /* 802.3 */
	tlv(b, 127, "\x00\x00\x5e\x01https://mud.example.com/ct", 30);
	tlv(b, 0, "", 0);
	for (int i = 0; i < 10; i++)
		put8(b, 0); /* Ethernet padding */
}

static int lldp(const struct tb *b, size_t n, struct tplc_lldp *l)
{
	uint8_t *p = copy(b, n);
	int rc = tplc_lldp_parse(p, n, l);
	free(p);
	return rc;
}

static void test_dissect__lldp(void **state)
{
	(void)state;
	static struct tb b;
	struct tplc_lldp l;
	char text[64];

	build_lldp(&b);
	assert_int_equal(lldp(&b, b.n, &l), 0);
	assert_int_equal(l.chassis_subtype, 4);
	assert_string_equal(tplc_lldp_id_text(l.chassis_subtype, l.chassis_id,
	                                      l.chassis_id_len, false, text,
	                                      sizeof(text)),
	                    "00:1b:21:aa:bb:cc");
	assert_string_equal(tplc_lldp_id_text(l.port_subtype, l.port_id,
	                                      l.port_id_len, true, text,
	                                      sizeof(text)),
	                    "eth0");
	assert_string_equal(tplc_lldp_id_text(5,
	                                      (const uint8_t *)"\x01\x0a"
	                                                       "\x4d\x00\x0b",
	                                      5, false, text, sizeof(text)),
	                    "10.77.0.11");
	assert_int_equal(l.ttl, 120);
	assert_string_equal(l.port_description, "uplink");
	assert_string_equal(l.system_name, "ct-scanner-01");
	assert_string_equal(l.system_description, "CT gantry?");
	assert_int_equal(l.capabilities, 0x80);
	assert_string_equal(l.mud_url, "https://mud.example.com/ct");
	assert_int_equal(l.tlv_count, 10);

	/* Bad: port id first, caps of 3 bytes, a TLV past the end, a second
	 * TTL, a chassis id with no id bytes. */
	b.n = 0;
	tlv(&b, 2,
	    "\x05"
	    "eth0",
	    5);
	assert_int_equal(lldp(&b, b.n, &l), TPLC_EPARSE);
	build_lldp(&b);
	b.d[b.n - 10 - 2 - 32 - 11 - 14 - 5] = 3;
	assert_int_equal(lldp(&b, b.n, &l), TPLC_EPARSE);
	build_lldp(&b);
	b.d[1] = 0xff;
	assert_int_equal(lldp(&b, b.n, &l), TPLC_EPARSE);
	b.n = 0;
	tlv(&b, 1, "\x04\x00\x1b\x21\xaa\xbb\xcc", 7);
	tlv(&b, 2,
	    "\x05"
	    "eth0",
	    5);
	tlv(&b, 3, "\x00\x78", 2);
	tlv(&b, 3, "\x00\x78", 2);
	assert_int_equal(lldp(&b, b.n, &l), TPLC_EPARSE);
	b.n = 0;
	tlv(&b, 1, "\x04", 1);
	assert_int_equal(lldp(&b, b.n, &l), TPLC_EPARSE);
	b.n = 0;
	tlv(&b, 1, "\x04\x00\x1b\x21\xaa\xbb\xcc", 7);
	tlv(&b, 2,
	    "\x05"
	    "eth0",
	    5);
	tlv(&b, 3, "\x00\x78", 2);
	for (int i = 0; i < TPLC_LLDP_TLVS_MAX; i++)
		tlv(&b, 9, "", 0);
	assert_int_equal(lldp(&b, b.n, &l), TPLC_ELIMIT);

	/* Every prefix: a cut TLV is EPARSE, a cut between TLVs after the
	 * TTL is a shorter LLDPDU. */
	build_lldp(&b);
	size_t ok = 0;
	for (size_t n = 0; n < b.n; n++) {
		int rc = lldp(&b, n, &l);
		assert_true(rc == 0 || rc == TPLC_EPARSE);
		ok += rc == 0;
	}
	assert_int_equal(ok, 7 + 1 + 10); /* TLV ends, End, padding */
}

/* --- DNS --- */

static void name(struct tb *b, const char *dotted)
{
	while (*dotted) {
		const char *dot = strchr(dotted, '.');
		size_t n = dot ? (size_t)(dot - dotted) : strlen(dotted);
		put8(b, (unsigned)n);
		putmem(b, dotted, n);
		dotted += n + (dot ? 1 : 0);
	}
	put8(b, 0);
}

static void rr(struct tb *b, unsigned type, uint32_t ttl)
{
	put16(b, type);
	put16(b, 1);
	put32(b, ttl);
}

static void build_dns(struct tb *b)
{
	b->n = 0;
	put16(b, 0x1234);
	put16(b, 0x8180);
	put16(b, 1);
	put16(b, 4);
	put16(b, 0);
	put16(b, 0);
	name(b, "pacs.example.com"); /* at 12; example.com at 17 */
	put16(b, 1);
	put16(b, 1);
	put16(b, 0xc00c); /* CNAME -> cdn.example.com */
	rr(b, 5, 300);
	put16(b, 6);
	put8(b, 3);
	putstr(b, "cdn");
	put16(b, 0xc011);
	size_t cdn = b->n - 6;
	put16(b, 0xc000 | (unsigned)cdn); /* A */
	rr(b, 1, 60);
	put16(b, 4);
	putmem(b, "\x0a\x4d\x00\x32", 4);
	put16(b, 0xc000 | (unsigned)cdn); /* AAAA */
	rr(b, 28, 60);
	put16(b, 16);
	putmem(b, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
	put16(b, 0xc00c); /* MX: skipped */
	rr(b, 15, 60);
	put16(b, 4);
	put16(b, 10);
	put16(b, 0xc00c);
}

static int dns(const struct tb *b, size_t n, struct tplc_dns *d)
{
	uint8_t *p = copy(b, n);
	int rc = tplc_dns_parse(p, n, d);
	free(p);
	return rc;
}

static void test_dissect__dns(void **state)
{
	(void)state;
	static struct tb b;
	static struct tplc_dns d;

	build_dns(&b);
	assert_int_equal(dns(&b, b.n, &d), 0);
	assert_int_equal(d.id, 0x1234);
	assert_true(d.response);
	assert_int_equal(d.rcode, 0);
	assert_int_equal(d.question_count, 1);
	assert_string_equal(d.questions[0].name, "pacs.example.com");
	assert_int_equal(d.questions[0].type, 1);
	assert_int_equal(d.answer_count, 3);
	assert_int_equal(d.records_skipped, 1);
	assert_string_equal(d.answers[0].name, "pacs.example.com");
	assert_int_equal(d.answers[0].type, 5);
	assert_int_equal(d.answers[0].ttl, 300);
	assert_string_equal(d.answers[0].cname, "cdn.example.com");
	assert_string_equal(d.answers[1].name, "cdn.example.com");
	assert_memory_equal(d.answers[1].addr, "\x0a\x4d\x00\x32", 4);
	assert_int_equal(d.answers[2].type, 28);
	assert_int_equal(d.answers[2].addr[15], 1);

	/* Every prefix is malformed. */
	for (size_t n = 0; n < b.n; n++)
		assert_int_equal(dns(&b, n, &d), TPLC_EPARSE);

	/* A pointer to itself, a forward pointer, an extended label type,
	 * a 5-byte A record, one answer more than there is. */
	build_dns(&b);
	b.d[12 + 18 + 4] = 0xc0;
	b.d[12 + 18 + 5] = 12 + 18 + 4;
	assert_int_equal(dns(&b, b.n, &d), TPLC_EPARSE);
	build_dns(&b);
	b.d[12 + 18 + 5] = 0xff;
	assert_int_equal(dns(&b, b.n, &d), TPLC_EPARSE);
	build_dns(&b);
	b.d[12] = 0x41;
	assert_int_equal(dns(&b, b.n, &d), TPLC_EPARSE);
	build_dns(&b);
	b.d[7] = 5;
	assert_int_equal(dns(&b, b.n, &d), TPLC_EPARSE);

	/* 128 one-byte labels are 255 characters: the most accepted. */
	for (int labels = 128; labels <= 129; labels++) {
		b.n = 0;
		put16(&b, 1);
		put16(&b, 0);
		put16(&b, 1);
		put16(&b, 0);
		put16(&b, 0);
		put16(&b, 0);
		for (int i = 0; i < labels; i++)
			putstr(&b, "\x01x");
		put8(&b, 0);
		put16(&b, 1);
		put16(&b, 1);
		int rc = dns(&b, b.n, &d);
		if (labels == 128) {
			assert_int_equal(rc, 0);
			assert_int_equal(strlen(d.questions[0].name), 255);
		} else {
			assert_int_equal(rc, TPLC_EPARSE);
		}
	}
}

static void test_dissect__dns_pointer_chain(void **state)
{
	(void)state;
	static struct tb b;
	static struct tplc_dns d;

	/* Question 1 is "a"; question k is a pointer to question k-1's
	 * name, so question k takes k-1 hops.  TPLC_DNS_POINTERS_MAX hops
	 * are allowed, one more is not. */
	for (unsigned count = TPLC_DNS_POINTERS_MAX + 1;
	     count <= TPLC_DNS_POINTERS_MAX + 2; count++) {
		b.n = 0;
		put16(&b, 1);
		put16(&b, 0);
		put16(&b, count);
		put16(&b, 0);
		put16(&b, 0);
		put16(&b, 0);
		size_t prev = b.n;
		name(&b, "a");
		put16(&b, 1);
		put16(&b, 1);
		for (unsigned k = 2; k <= count; k++) {
			size_t at = b.n;
			put16(&b, 0xc000 | (unsigned)prev);
			put16(&b, 1);
			put16(&b, 1);
			prev = at;
		}
		int want = count == TPLC_DNS_POINTERS_MAX + 1 ? 0 : TPLC_EPARSE;
		assert_int_equal(dns(&b, b.n, &d), want);
		if (want == 0)
			assert_string_equal(d.questions[3].name, "a");
	}
}

/* --- TLS --- */

static void build_hello(struct tb *b, const char *sni, size_t pad)
{
	b->n = 0;
	put8(b, 22);
	put16(b, 0x0301);
	put16(b, 0);
	put8(b, 1);
	put8(b, 0);
	put16(b, 0);
	put16(b, 0x0303);
	for (int i = 0; i < 32; i++)
		put8(b, (unsigned)i);
	put8(b, 32);
	for (int i = 0; i < 32; i++)
		put8(b, 0xaa);
	put16(b, 4);
	put16(b, 0x1301);
	put16(b, 0xc02f);
	put8(b, 1);
	put8(b, 0);
	size_t ext = b->n;
	put16(b, 0);
	put16(b, 0);
	put16(b, (unsigned)strlen(sni) + 5);
	put16(b, (unsigned)strlen(sni) + 3);
	put8(b, 0);
	put16(b, (unsigned)strlen(sni));
	putstr(b, sni);
	put16(b, 16);
	put16(b, 14);
	put16(b, 12);
	putstr(b, "\x02h2\x08http/1.1");
	put16(b, 43);
	put16(b, 5);
	put8(b, 4);
	put16(b, 0x0304);
	put16(b, 0x0303);
	put16(b, 21); /* padding */
	put16(b, (unsigned)pad);
	for (size_t i = 0; i < pad; i++)
		put8(b, 0);
	patch16(b, ext, b->n - ext - 2);
	patch24(b, 6, b->n - 9);
}

/* Cut b's one record into records of at most frag bytes. */
static void fragment(struct tb *b, size_t frag)
{
	static struct tb out;
	size_t body = b->n - 5;
	out.n = 0;
	for (size_t at = 0; at < body; at += frag) {
		size_t n = body - at < frag ? body - at : frag;
		put8(&out, 22);
		put16(&out, 0x0303);
		put16(&out, (unsigned)n);
		putmem(&out, b->d + 5 + at, n);
	}
	*b = out;
}

static int tls(const struct tb *b, size_t n, struct tplc_tls_hello *h)
{
	uint8_t *p = copy(b, n);
	int rc = tplc_tls_sni(p, n, h);
	free(p);
	return rc;
}

static void test_dissect__tls_good(void **state)
{
	(void)state;
	static struct tb b;
	struct tplc_tls_hello h;

	build_hello(&b, "pacs.hospital.example", 0);
	patch16(&b, 3, b.n - 5);
	size_t one = b.n;
	put8(&b, 23); /* application data after: not consumed */
	assert_int_equal(tls(&b, b.n, &h), (int)one);
	assert_int_equal(h.record_version, 0x0301);
	assert_int_equal(h.client_version, 0x0303);
	assert_true(h.has_sni);
	assert_string_equal(h.sni, "pacs.hospital.example");
	assert_int_equal(h.alpn_count, 2);
	assert_string_equal(h.alpn[0], "h2");
	assert_string_equal(h.alpn[1], "http/1.1");
	assert_true(h.tls13);
	assert_int_equal(h.cipher_suite_count, 2);
	assert_int_equal(h.extension_count, 4);

	/* Over three records (the handshake header split too). */
	build_hello(&b, "a.example", 0);
	fragment(&b, 50);
	assert_int_equal(tls(&b, b.n, &h), (int)b.n);
	assert_string_equal(h.sni, "a.example");
	assert_int_equal(h.record_version, 0x0303);
	build_hello(&b, "b.example", 0);
	fragment(&b, 2);
	assert_int_equal(tls(&b, b.n, &h), (int)b.n);
	assert_string_equal(h.sni, "b.example");
	for (size_t n = 0; n < b.n; n++)
		assert_int_equal(tls(&b, n, &h), 0);
}

static void test_dissect__tls_bad(void **state)
{
	(void)state;
	static struct tb b;
	struct tplc_tls_hello h;

	build_hello(&b, "x.example", 0);
	patch16(&b, 3, b.n - 5);
	size_t n = b.n;
	b.d[0] = 23; /* application data */
	assert_int_equal(tls(&b, n, &h), TPLC_EPARSE);
	b.d[0] = 22;
	b.d[5] = 2; /* ServerHello */
	assert_int_equal(tls(&b, n, &h), TPLC_EPARSE);
	b.d[5] = 1;
	b.d[43] = 33; /* session id too long */
	assert_int_equal(tls(&b, n, &h), TPLC_EPARSE);
	b.d[43] = 32;
	b.d[n - 4 - 9 - 12 - 1] += 1; /* ALPN list length */
	assert_int_equal(tls(&b, n, &h), TPLC_EPARSE);
	assert_false(h.has_sni);
	/* A record over 2^14 bytes and a hello over the maximum. */
	build_hello(&b, "x.example", 0);
	patch16(&b, 3, 16385);
	assert_int_equal(tls(&b, b.n, &h), TPLC_EPARSE);
	build_hello(&b, "x.example", TPLC_TLS_HELLO_MAX);
	fragment(&b, 16384);
	assert_int_equal(tls(&b, b.n, &h), TPLC_ELIMIT);
	/* HTTP */
	assert_int_equal(
	        tplc_tls_sni((const uint8_t *)"GET / HTTP/1.1\r\n", 16, &h),
	        TPLC_EPARSE);
}

/* Any bytes: no crash, and only the documented answers. */
static void test_dissect__random(void **state)
{
	(void)state;
	static struct tplc_dicom_pdu pdu;
	static struct tplc_dns d;
	struct tplc_hl7_message m;
	struct tplc_dhcp dh;
	struct tplc_lldp l;
	struct tplc_tls_hello h;
	uint32_t x = 12345;
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(x % 600);
		uint8_t *p = malloc(n ? n : 1);
		assert_non_null(p);
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			p[i] = (uint8_t)(x >> 16);
		}
		if (n > 0 && round % 3 == 0)
			p[0] = (uint8_t)(1 + round % 7);
		assert_true(tplc_dicom_parse(p, n, &pdu) <= (int)n);
		assert_true(tplc_hl7_parse(p, n, &m) <= (int)n);
		assert_true(tplc_dhcp_parse(p, n, &dh) <= 0);
		assert_true(tplc_lldp_parse(p, n, &l) <= 0);
		assert_true(tplc_dns_parse(p, n, &d) <= 0);
		assert_true(tplc_tls_sni(p, n, &h) <= (int)n);
		free(p);
		x = x * 1103515245u + 12345u;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dissect__dicom_good),
		cmocka_unit_test(test_dissect__dicom_bad),
		cmocka_unit_test(test_dissect__dicom_truncated),
		cmocka_unit_test(test_dissect__hl7_good),
		cmocka_unit_test(test_dissect__hl7_bad),
		cmocka_unit_test(test_dissect__hl7_truncated),
		cmocka_unit_test(test_dissect__dhcp),
		cmocka_unit_test(test_dissect__lldp),
		cmocka_unit_test(test_dissect__dns),
		cmocka_unit_test(test_dissect__dns_pointer_chain),
		cmocka_unit_test(test_dissect__tls_good),
		cmocka_unit_test(test_dissect__tls_bad),
		cmocka_unit_test(test_dissect__random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lib/siem/alert.c: RFC 5424 and CEF escaping case by case, the PRI
 * arithmetic, and messages parsed back by the small parsers below (which
 * follow the RFC 5424 ABNF and the CEF rules, not the formatter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/siem.h"
#include "util/json.h"

#define PARAMS_MAX 32

struct parsed {
	int pri, version;
	char ts[64], host[300], app[64], procid[160], msgid[64], sd_id[64];
	char names[PARAMS_MAX][40], values[PARAMS_MAX][512];
	int count;
	char msg[4096];
};

static void copy_token(const char **p, char *out, size_t size)
{
	size_t n = 0;

	while (**p != ' ' && **p != '\0') {
		assert_true(n + 1 < size);
		out[n++] = *(*p)++;
	}
	out[n] = '\0';
	assert_int_equal(**p, ' ');
	(*p)++;
}

/* RFC 5424 section 6, one SD-ELEMENT at most. */
static void parse_5424(const char *s, struct parsed *out)
{
	const char *p = s;
	size_t n;

	memset(out, 0, sizeof(*out));
	assert_int_equal(*p++, '<');
	while (*p >= '0' && *p <= '9')
		out->pri = out->pri * 10 + (*p++ - '0');
	assert_int_equal(*p++, '>');
	out->version = *p++ - '0';
	assert_int_equal(*p++, ' ');
	copy_token(&p, out->ts, sizeof(out->ts));
	copy_token(&p, out->host, sizeof(out->host));
	copy_token(&p, out->app, sizeof(out->app));
	copy_token(&p, out->procid, sizeof(out->procid));
	copy_token(&p, out->msgid, sizeof(out->msgid));
	if (*p == '-') {
		p++;
	} else {
		assert_int_equal(*p++, '[');
		for (n = 0; *p != ' ' && *p != ']'; n++)
			out->sd_id[n] = *p++;
		while (*p == ' ') {
			char *name = out->names[out->count];
			char *value = out->values[out->count];

			p++;
			for (n = 0; *p != '='; n++) {
				assert_true(*p > 32 && *p != ']' && *p != '"');
				name[n] = *p++;
			}
			p++;
			assert_int_equal(*p++, '"');
			for (n = 0; *p != '"'; n++) {
				assert_true(*p != '\0' && *p != ']');
				if (*p == '\\' && (p[1] == '"' ||
				                   p[1] == '\\' || p[1] == ']'))
					p++;
				value[n] = *p++;
			}
			p++;
			out->count++;
		}
		assert_int_equal(*p++, ']');
	}
	if (*p == ' ')
		p++;
	snprintf(out->msg, sizeof(out->msg), "%s", p);
}

static const char *param(const struct parsed *m, const char *name)
{
	int i;

	for (i = 0; i < m->count; i++)
		if (strcmp(m->names[i], name) == 0)
			return m->values[i];
	return NULL;
}

static void format(const struct tplc_alert *a,
                   const struct tplc_siem_options *o, struct parsed *out)
{
	struct tplc_error err = { 0 };
	char buf[TPLC_SIEM_STREAM_MAX + 1];
	size_t len = 0;

	assert_int_equal(
	        tplc_alert_format_syslog(a, o, buf, sizeof(buf), &len, &err),
	        0);
	assert_int_equal(len, strlen(buf));
	assert_null(strchr(buf, '\n'));
	parse_5424(buf, out);
}

static struct tplc_alert base(void)
{
	struct tplc_alert a = { 0 };

	a.at = "2024-05-01T12:00:00.250Z";
	a.severity = TPLC_ALERT_WARNING;
	a.kind = "unexpected-peer";
	a.message = "CT-01 talked to 203.0.113.9";
	return a;
}

static void test_format__pri(void **state)
{
	static const int syslog_sev[] = { 6, 5, 4, 3, 2 };
	struct tplc_siem_options o;
	struct tplc_alert a = base();
	struct parsed m;
	int f, s;

	(void)state;
	tplc_siem_options_init(&o);
	o.hostname = "mon1";
	format(&a, NULL, &m);
	assert_int_equal(m.pri, 20 * 8 + 4); /* local4.warning */
	for (f = 0; f < 24; f++)
		for (s = 0; s < 5; s++) {
			o.facility = f;
			a.severity = (enum tplc_alert_severity)s;
			format(&a, &o, &m);
			assert_int_equal(m.pri, f * 8 + syslog_sev[s]);
			assert_int_equal(m.version, 1);
		}
	o.facility = 24;
	{
		char buf[512];
		struct tplc_error err = { 0 };

		assert_int_equal(tplc_alert_format_syslog(
		                         &a, &o, buf, sizeof(buf), NULL, &err),
		                 TPLC_EINVAL);
	}
}

static void test_format__header(void **state)
{
	struct tplc_siem_options o;
	struct tplc_alert a = base();
	struct parsed m;

	(void)state;
	tplc_siem_options_init(&o);
	o.hostname = "mon 1";
	a.kind = "a kind that is longer than thirty-two bytes";
	format(&a, &o, &m);
	assert_string_equal(m.ts, "2024-05-01T12:00:00.250Z");
	assert_string_equal(m.host, "mon_1");
	assert_string_equal(m.app, "tplc");
	assert_true(atol(m.procid) > 0);
	assert_string_equal(m.msgid, "a_kind_that_is_longer_than_thirt");
	assert_string_equal(m.sd_id, "tplc@32473");
	assert_string_equal(param(&m, "kind"), a.kind);
	assert_string_equal(param(&m, "severity"), "warning");
	assert_string_equal(m.msg, a.message);
}

static void test_format__sd_escaping(void **state)
{
	struct tplc_alert a = base();
	struct parsed m;
	char buf[1024];
	struct tplc_error err = { 0 };

	(void)state;
	a.rule = "acl \"from\" [x] \\ y";
	a.device = "CT]01";
	format(&a, NULL, &m);
	assert_string_equal(param(&m, "rule"), a.rule);
	assert_string_equal(param(&m, "device"), a.device);
	assert_int_equal(tplc_alert_format_syslog(&a, NULL, buf, sizeof(buf),
	                                          NULL, &err),
	                 0);
	assert_non_null(strstr(buf, "rule=\"acl \\\"from\\\" [x\\] \\\\ y\""));
	assert_non_null(strstr(buf, "device=\"CT\\]01\""));
}

static void test_format__evidence(void **state)
{
	struct tplc_alert a = base();
	struct parsed m;

	(void)state;
	a.evidence = "{\"peer\": \"203.0.113.9\", \"port\": 443, \"tls\": true,"
	             " \"a=b\": \"x\", \"with space\": \"x\","
	             " \"nested\": {\"k\": 1}, \"list\": [1], \"none\": null,"
	             " \"abcdefghijklmnopqrstuvwxyz0123456\": \"long\"}";
	format(&a, NULL, &m);
	assert_string_equal(param(&m, "peer"), "203.0.113.9");
	assert_string_equal(param(&m, "port"), "443");
	assert_string_equal(param(&m, "tls"), "true");
	assert_null(param(&m, "nested"));
	assert_null(param(&m, "list"));
	assert_null(param(&m, "none"));
	assert_null(param(&m, "abcdefghijklmnopqrstuvwxyz0123456"));
	assert_int_equal(m.count, 5); /* kind, severity, peer, port, tls */
}

static void test_format__msg_text(void **state)
{
	struct tplc_alert a = base();
	struct parsed m;

	(void)state;
	a.message = "line one\nline two \xc3\xa9 \xff end";
	format(&a, NULL, &m);
	assert_string_equal(m.msg, "line one line two \xc3\xa9 ? end");
	assert_false((unsigned char)m.msg[0] == 0xef); /* no BOM */
}

static void test_format__errors(void **state)
{
	struct tplc_alert a = base();
	struct tplc_error err = { 0 };
	char buf[64];

	(void)state;
	assert_int_equal(tplc_alert_format_syslog(&a, NULL, buf, sizeof(buf),
	                                          NULL, &err),
	                 TPLC_ELIMIT);
	a.kind = NULL;
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), NULL, &err),
	        TPLC_EINVAL);
	a = base();
	a.evidence = "[1]";
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), NULL, &err),
	        TPLC_EINVAL);
	a = base();
	a.at = "2024-05-01 12:00:00Z";
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), NULL, &err),
	        TPLC_EINVAL);
	a.at = "2024-05-01T12:00:00.1234567Z"; /* RFC 5424: six digits */
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), NULL, &err),
	        TPLC_EINVAL);
	a.at = "2024-05-01t12:00:00z";
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), NULL, &err),
	        TPLC_EINVAL);
}

/* CEF: split the header on unescaped '|' and unescape; the extension
 * into key=value pairs the way a CEF reader does. */
struct cef {
	char fields[7][512];
	char keys[PARAMS_MAX][32], values[PARAMS_MAX][512];
	int count;
};

static void parse_cef(const char *s, struct cef *out)
{
	const char *p = s;
	int f;
	size_t n;

	memset(out, 0, sizeof(*out));
	assert_true(strncmp(p, "CEF:", 4) == 0);
	p += 4;
	for (f = 0; f < 7; f++) {
		for (n = 0; *p != '|'; n++) {
			assert_true(*p != '\0');
			if (*p == '\\')
				p++;
			out->fields[f][n] = *p++;
		}
		p++;
	}
	while (*p != '\0') {
		char *key = out->keys[out->count];
		char *value = out->values[out->count];

		for (n = 0; *p != '='; n++)
			key[n] = *p++;
		p++;
		for (n = 0; *p != '\0'; n++) {
			if (*p == '\\') {
				p++;
				value[n] = *p == 'n'   ? '\n'
				           : *p == 'r' ? '\r'
				                       : *p;
				p++;
				continue;
			}
			/* a value ends where " key=" starts */
			if (*p == ' ') {
				const char *q = p + 1;

				while ((*q >= 'a' && *q <= 'z') ||
				       (*q >= 'A' && *q <= 'Z') ||
				       (*q >= '0' && *q <= '9'))
					q++;
				if (*q == '=' && q > p + 1)
					break;
			}
			assert_true(*p != '=');
			value[n] = *p++;
		}
		if (*p == ' ')
			p++;
		out->count++;
	}
}

static const char *ext(const struct cef *c, const char *key)
{
	int i;

	for (i = 0; i < c->count; i++)
		if (strcmp(c->keys[i], key) == 0)
			return c->values[i];
	return NULL;
}

static void test_format__cef(void **state)
{
	struct tplc_siem_options o;
	struct tplc_alert a = base();
	struct tplc_error err = { 0 };
	char buf[4096];
	struct cef c;
	struct parsed m;

	(void)state;
	tplc_siem_options_init(&o);
	o.hostname = "mon1";
	o.version = "1.2|3";
	a.severity = TPLC_ALERT_CRITICAL;
	a.kind = "eos|outside";
	a.message = "a\\b|c=d\ne";
	a.rule = "x=1\\y|z\nw\rv";
	a.device = "CT-01";
	a.src_ip = "10.0.0.5";
	a.dst_ip = "203.0.113.9";
	a.src_port = 40000;
	a.dst_port = 443;
	a.proto = 6;
	assert_int_equal(
	        tplc_alert_format_cef(&a, &o, buf, sizeof(buf), NULL, &err), 0);
	assert_non_null(strstr(buf, "|eos\\|outside|a\\\\b\\|c=d e|10|"));
	assert_non_null(strstr(buf, "cs1=x\\=1\\\\y|z\\nw\\rv"));
	parse_cef(buf, &c);
	assert_string_equal(c.fields[0], "0");
	assert_string_equal(c.fields[1], "tplc");
	assert_string_equal(c.fields[2], "tplc");
	assert_string_equal(c.fields[3], "1.2|3");
	assert_string_equal(c.fields[4], "eos|outside");
	assert_string_equal(c.fields[5], "a\\b|c=d e");
	assert_string_equal(c.fields[6], "10");
	assert_string_equal(ext(&c, "rt"), "1714564800250");
	assert_string_equal(ext(&c, "dvchost"), "mon1");
	assert_string_equal(ext(&c, "src"), "10.0.0.5");
	assert_string_equal(ext(&c, "dst"), "203.0.113.9");
	assert_string_equal(ext(&c, "spt"), "40000");
	assert_string_equal(ext(&c, "dpt"), "443");
	assert_string_equal(ext(&c, "proto"), "TCP");
	assert_string_equal(ext(&c, "cs1"), a.rule);
	assert_string_equal(ext(&c, "cs1Label"), "rule");
	assert_string_equal(ext(&c, "cs2"), "CT-01");
	/* inside syslog the CEF record is the MSG */
	o.cef = true;
	format(&a, &o, &m);
	assert_string_equal(m.msg, buf);
	/* offsets: rt is UTC */
	a.at = "2024-05-01T14:00:00.25+02:00";
	a.src_ip = a.dst_ip = NULL;
	a.src_port = a.dst_port = 0;
	a.proto = 0;
	assert_int_equal(
	        tplc_alert_format_cef(&a, &o, buf, sizeof(buf), NULL, &err), 0);
	parse_cef(buf, &c);
	assert_string_equal(ext(&c, "rt"), "1714564800250");
	assert_null(ext(&c, "src"));
}

static void test_format__severity(void **state)
{
	static const int cef[] = { 2, 3, 5, 8, 10 };
	int s;

	(void)state;
	for (s = 0; s < 5; s++) {
		const char *name =
		        tplc_alert_severity_name((enum tplc_alert_severity)s);

		assert_int_equal(tplc_alert_severity_parse(name), s);
		assert_int_equal(
		        tplc_alert_severity_cef((enum tplc_alert_severity)s),
		        cef[s]);
	}
	assert_int_equal(tplc_alert_severity_parse("urgent"), -1);
}

static void test_format__json(void **state)
{
	struct tplc_alert a = base();
	struct tplc_error err = { 0 };
	struct tplx_json_doc *doc = NULL;
	const struct tplx_json *ev;
	char buf[2048];
	size_t len;

	(void)state;
	a.device = "CT-01";
	a.message = "bad \xff byte";
	a.dst_port = 104;
	a.evidence = "{\n  \"flow\": {\"dport\": 104},\n  \"ae\": \"X\"\n}";
	assert_int_equal(
	        tplc_alert_format_json(&a, buf, sizeof(buf), &len, &err), 0);
	assert_null(strchr(buf, '\n'));
	assert_int_equal(tplx_json_parse(&doc, buf, len, "line", &err), 0);
	assert_string_equal(tplx_json_string(tplx_json_get(doc->root, "at")),
	                    a.at);
	assert_string_equal(
	        tplx_json_string(tplx_json_get(doc->root, "severity")),
	        "warning");
	assert_string_equal(
	        tplx_json_string(tplx_json_get(doc->root, "message")),
	        "bad ? byte");
	assert_int_equal(
	        (int)tplx_json_get(doc->root, "dst_port")->u.number.value, 104);
	assert_null(tplx_json_get(doc->root, "src_port"));
	ev = tplx_json_get(doc->root, "evidence");
	assert_non_null(ev);
	assert_int_equal(ev->type, TPLX_JSON_OBJECT);
	assert_string_equal(tplx_json_string(tplx_json_get(ev, "ae")), "X");
	tplx_json_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format__pri),
		cmocka_unit_test(test_format__header),
		cmocka_unit_test(test_format__sd_escaping),
		cmocka_unit_test(test_format__evidence),
		cmocka_unit_test(test_format__msg_text),
		cmocka_unit_test(test_format__errors),
		cmocka_unit_test(test_format__cef),
		cmocka_unit_test(test_format__severity),
		cmocka_unit_test(test_format__json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

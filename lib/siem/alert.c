/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An alert as text: a JSON line, an RFC 5424 syslog message and a CEF
 * record.  Everything here is pure formatting into a bounded buffer; the
 * sinks (sink.c, tls.c) move the bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "siem/internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"
#include "util/jsonb.h"
#include "util/str.h"

static const char *const severity_names[] = { "info", "notice", "warning",
	                                      "error", "critical" };
/* RFC 5424 table 2, and CEF's 0-10 (7-8 high, 9-10 very high) */
static const int severity_syslog[] = { 6, 5, 4, 3, 2 };
static const int severity_cef[] = { 2, 3, 5, 8, 10 };

#define SEVERITY_COUNT 5

static size_t severity_index(enum tplc_alert_severity s)
{
	return (unsigned)s < SEVERITY_COUNT ? (size_t)s : 0;
}

const char *tplc_alert_severity_name(enum tplc_alert_severity s)
{
	return severity_names[severity_index(s)];
}

int tplc_alert_severity_parse(const char *text)
{
	size_t i;

	for (i = 0; text != NULL && i < SEVERITY_COUNT; i++)
		if (tplx_strcaseeq(text, severity_names[i]))
			return (int)i;
	return -1;
}

int tplc_alert_severity_syslog(enum tplc_alert_severity s)
{
	return severity_syslog[severity_index(s)];
}

int tplc_alert_severity_cef(enum tplc_alert_severity s)
{
	return severity_cef[severity_index(s)];
}

void tplc_siem_options_init(struct tplc_siem_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->facility = TPLC_SIEM_FACILITY_DEFAULT;
}

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF), 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f))
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80 || (c == 0xf0 && s[1] < 0x90) ||
		    (c == 0xf4 && s[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

int tplc_siem__add_text(struct tplx_buf *b, const char *text,
                        enum tplc_siem_escape esc)
{
	const unsigned char *s = (const unsigned char *)text;
	int error = 0;

	while (error == 0 && *s != '\0') {
		unsigned char c = *s;
		size_t n = utf8_len(s);

		if (n == 0) { /* not UTF-8: a receiver would reject the line */
			error = tplx_buf_addc(b, '?');
			s++;
			continue;
		}
		if (n > 1) {
			error = tplx_buf_add(b, s, n);
			s += n;
			continue;
		}
		s++;
		if (esc == SIEM_ESC_CEF_EXT && (c == '\n' || c == '\r'))
			error = tplx_buf_adds(b, c == '\n' ? "\\n" : "\\r");
		else if (c < 0x20 || c == 0x7f) /* keep every record one line */
			error = tplx_buf_addc(b, esc == SIEM_ESC_NONE ? (char)c
			                                              : ' ');
		else if ((esc == SIEM_ESC_SD &&
		          (c == '"' || c == '\\' || c == ']')) ||
		         (esc == SIEM_ESC_CEF_HEADER &&
		          (c == '|' || c == '\\')) ||
		         (esc == SIEM_ESC_CEF_EXT && (c == '=' || c == '\\')))
			error = tplx_buf_addf(b, "\\%c", c);
		else
			error = tplx_buf_addc(b, (char)c);
	}
	return error;
}

/* A header field of RFC 5424: PRINTUSASCII (33-126), at most max bytes,
 * NILVALUE "-" when empty; other bytes become '_'. */
static int add_token(struct tplx_buf *b, const char *s, size_t max)
{
	size_t i;
	int error = 0;

	if (s == NULL || s[0] == '\0')
		return tplx_buf_addc(b, '-');
	for (i = 0; error == 0 && s[i] != '\0' && i < max; i++) {
		unsigned char c = (unsigned char)s[i];

		error = tplx_buf_addc(b, c > 32 && c < 127 ? (char)c : '_');
	}
	return error;
}

/* An SD-NAME: 1 to 32 PRINTUSASCII except '=', SP, ']' and '"'. */
bool tplc_siem__sd_name_ok(const char *name)
{
	size_t i;

	for (i = 0; name[i] != '\0'; i++) {
		unsigned char c = (unsigned char)name[i];

		if (i == 32 || c <= 32 || c >= 127 || c == '=' || c == ']' ||
		    c == '"')
			return false;
	}
	return i > 0;
}

/* RFC 5424 allows at most six digits of fraction and only 'T' and 'Z'
 * upper case; tplx_is_iso_datetime is wider. */
static bool timestamp_ok(const char *at)
{
	const char *dot;
	size_t digits = 0;

	if (!tplx_is_iso_datetime(at) || at[10] != 'T' ||
	    strchr(at, 'z') != NULL)
		return false;
	dot = strchr(at, '.');
	if (dot != NULL)
		while (dot[1 + digits] >= '0' && dot[1 + digits] <= '9')
			digits++;
	return digits <= 6;
}

int tplc_siem__check(const struct tplc_alert *alert, char *at, size_t size,
                     struct tplc_error *err)
{
	time_t now;
	struct tm tm;

	if (alert == NULL || alert->kind == NULL || alert->kind[0] == '\0' ||
	    alert->message == NULL || alert->message[0] == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "an alert needs a kind and a message");
	if ((unsigned)alert->severity >= SEVERITY_COUNT)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "alert severity %d out of range",
		                      (int)alert->severity);
	if (alert->at != NULL) {
		if (!timestamp_ok(alert->at))
			return tplc_error_set(err, TPLC_EINVAL,
			                      "alert time '%s' is not an RFC "
			                      "3339 time",
			                      alert->at);
		snprintf(at, size, "%s", alert->at);
		return 0;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(at, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return tplc_error_set(err, TPLC_ERROR, "cannot read the clock");
	return 0;
}

static int write_node(struct tplx_buf *b, const struct tplx_json *node)
{
	size_t i;
	int error = 0;

	switch (node->type) {
	case TPLX_JSON_NULL:
		return tplx_buf_adds(b, "null");
	case TPLX_JSON_BOOL:
		return tplx_buf_adds(b, node->u.boolean ? "true" : "false");
	case TPLX_JSON_NUMBER:
		return tplx_buf_adds(b, node->u.number.text);
	case TPLX_JSON_STRING:
		return tplx_jsonb_string(b, node->u.string.ptr);
	case TPLX_JSON_ARRAY:
		error = tplx_buf_addc(b, '[');
		for (i = 0; error == 0 && i < node->u.array.count; i++) {
			if (i > 0)
				error = tplx_buf_addc(b, ',');
			if (error == 0)
				error = write_node(b, node->u.array.items[i]);
		}
		return error == 0 ? tplx_buf_addc(b, ']') : error;
	case TPLX_JSON_OBJECT:
		error = tplx_buf_addc(b, '{');
		for (i = 0; error == 0 && i < node->u.object.count; i++) {
			const struct tplx_json_member *m =
			        &node->u.object.members[i];

			if (i > 0)
				error = tplx_buf_addc(b, ',');
			if (error == 0)
				error = tplx_jsonb_string(b, m->key);
			if (error == 0)
				error = tplx_buf_addc(b, ':');
			if (error == 0)
				error = write_node(b, m->value);
		}
		return error == 0 ? tplx_buf_addc(b, '}') : error;
	}
	return 0;
}

int tplc_siem__evidence(const struct tplc_alert *alert,
                        struct tplx_json_doc **out, struct tplc_error *err)
{
	size_t len;
	int error;

	*out = NULL;
	if (alert->evidence == NULL)
		return 0;
	len = strlen(alert->evidence);
	if (len > TPLC_SIEM_EVIDENCE_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "alert evidence over %d bytes",
		                      TPLC_SIEM_EVIDENCE_MAX);
	error = tplx_json_parse(out, alert->evidence, len, "evidence", err);
	if (error < 0)
		return error == TPLC_ENOMEM ? error : TPLC_EINVAL;
	if ((*out)->root->type != TPLX_JSON_OBJECT) {
		tplx_json_doc_free(*out);
		*out = NULL;
		return tplc_error_set(err, TPLC_EINVAL,
		                      "alert evidence is not a JSON object");
	}
	return 0;
}

/* A string member, made valid UTF-8 first. */
static int json_member(struct tplx_buf *b, struct tplx_buf *tmp,
                       const char *key, const char *value)
{
	int error;

	if (value == NULL)
		return 0;
	tplx_buf_reset(tmp);
	error = tplc_siem__add_text(tmp, value, SIEM_ESC_NONE);
	return error == 0 ? tplx_jsonb_member(b, key, tplx_buf_str(tmp))
	                  : error;
}

/* Copy the built text into the caller's buffer. */
static int finish(struct tplx_buf *b, int error, char *buf, size_t size,
                  size_t *len, struct tplc_error *err, const char *what)
{
	if (error == TPLC_ELIMIT)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s longer than %zu bytes", what,
		                      size > 0 ? size - 1 : 0);
	if (error < 0)
		return tplc_error_set(err, error, "formatting %s failed", what);
	memcpy(buf, tplx_buf_str(b), b->len + 1);
	if (len != NULL)
		*len = b->len;
	return 0;
}

int tplc_alert_format_json(const struct tplc_alert *alert, char *buf,
                           size_t size, size_t *len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(size > 0 ? size - 1 : 0);
	struct tplx_buf tmp = TPLX_BUF_INIT(TPLC_SIEM_STREAM_MAX);
	struct tplx_json_doc *doc = NULL;
	char at[40];
	int error;

	if (size == 0)
		return tplc_error_set(err, TPLC_EINVAL, "no output buffer");
	error = tplc_siem__check(alert, at, sizeof(at), err);
	if (error < 0)
		return error;
	error = tplc_siem__evidence(alert, &doc, err);
	if (error < 0)
		return error;
	error = tplx_buf_addc(&b, '{');
	if (error == 0)
		error = tplx_jsonb_member(&b, "at", at);
	if (error == 0)
		error = tplx_jsonb_member(
		        &b, "severity",
		        tplc_alert_severity_name(alert->severity));
	if (error == 0)
		error = json_member(&b, &tmp, "kind", alert->kind);
	if (error == 0)
		error = json_member(&b, &tmp, "message", alert->message);
	if (error == 0)
		error = json_member(&b, &tmp, "device", alert->device);
	if (error == 0)
		error = json_member(&b, &tmp, "host_ip", alert->host_ip);
	if (error == 0)
		error = json_member(&b, &tmp, "host_mac", alert->host_mac);
	if (error == 0)
		error = json_member(&b, &tmp, "rule", alert->rule);
	if (error == 0)
		error = json_member(&b, &tmp, "src_ip", alert->src_ip);
	if (error == 0)
		error = json_member(&b, &tmp, "dst_ip", alert->dst_ip);
	if (error == 0 && alert->src_port != 0)
		error = tplx_jsonb_member_int(&b, "src_port", alert->src_port);
	if (error == 0 && alert->dst_port != 0)
		error = tplx_jsonb_member_int(&b, "dst_port", alert->dst_port);
	if (error == 0 && alert->proto != 0)
		error = tplx_jsonb_member_int(&b, "proto", alert->proto);
	if (error == 0 && doc != NULL) {
		error = tplx_buf_adds(&b, ",\"evidence\":");
		if (error == 0)
			error = write_node(&b, doc->root);
	}
	if (error == 0)
		error = tplx_buf_addc(&b, '}');
	error = finish(&b, error, buf, size, len, err, "alert JSON");
	tplx_json_doc_free(doc);
	tplx_buf_release(&tmp);
	tplx_buf_release(&b);
	return error;
}

int tplc_alert_json(FILE *f, const struct tplc_alert *alert,
                    struct tplc_error *err)
{
	char *line;
	size_t len;
	int error;

	line = tplx_malloc(TPLC_SIEM_STREAM_MAX + 1);
	if (line == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplc_alert_format_json(alert, line, TPLC_SIEM_STREAM_MAX + 1,
	                               &len, err);
	if (error == 0 && (fwrite(line, 1, len, f) != len ||
	                   putc('\n', f) == EOF || fflush(f) != 0))
		error = tplc_error_set(err, TPLC_EIO,
		                       "writing an alert failed");
	tplx_free(line);
	return error;
}

static const char *proto_name(uint8_t proto)
{
	switch (proto) {
	case 1:
		return "ICMP";
	case 6:
		return "TCP";
	case 17:
		return "UDP";
	case 58:
		return "ICMPv6";
	default:
		return NULL;
	}
}

static int sd_param(struct tplx_buf *b, const char *name, const char *value)
{
	int error;

	if (value == NULL)
		return 0;
	error = tplx_buf_addf(b, " %s=\"", name);
	if (error == 0)
		error = tplc_siem__add_text(b, value, SIEM_ESC_SD);
	return error == 0 ? tplx_buf_addc(b, '"') : error;
}

static int sd_port(struct tplx_buf *b, const char *name, unsigned value)
{
	return value == 0 ? 0 : tplx_buf_addf(b, " %s=\"%u\"", name, value);
}

/* The evidence's flat members (strings, numbers, booleans) whose names
 * are valid SD-NAMEs; nested values stay in the JSON form only. */
static int sd_evidence(struct tplx_buf *b, const struct tplx_json *root)
{
	size_t i;
	int error = 0;

	for (i = 0; error == 0 && i < root->u.object.count; i++) {
		const struct tplx_json_member *m = &root->u.object.members[i];
		const struct tplx_json *v = m->value;

		if (!tplc_siem__sd_name_ok(m->key))
			continue;
		if (v->type == TPLX_JSON_STRING)
			error = sd_param(b, m->key, v->u.string.ptr);
		else if (v->type == TPLX_JSON_NUMBER)
			error = sd_param(b, m->key, v->u.number.text);
		else if (v->type == TPLX_JSON_BOOL)
			error = sd_param(b, m->key,
			                 v->u.boolean ? "true" : "false");
	}
	return error;
}

static int add_structured_data(struct tplx_buf *b,
                               const struct tplc_alert *alert,
                               const struct tplx_json_doc *doc)
{
	int error = tplx_buf_adds(b, "[" TPLC_SIEM_SD_ID);

	if (error == 0)
		error = sd_param(b, "kind", alert->kind);
	if (error == 0)
		error = sd_param(b, "severity",
		                 tplc_alert_severity_name(alert->severity));
	if (error == 0)
		error = sd_param(b, "device", alert->device);
	if (error == 0)
		error = sd_param(b, "host-ip", alert->host_ip);
	if (error == 0)
		error = sd_param(b, "host-mac", alert->host_mac);
	if (error == 0)
		error = sd_param(b, "rule", alert->rule);
	if (error == 0)
		error = sd_param(b, "src", alert->src_ip);
	if (error == 0)
		error = sd_param(b, "dst", alert->dst_ip);
	if (error == 0)
		error = sd_port(b, "spt", alert->src_port);
	if (error == 0)
		error = sd_port(b, "dpt", alert->dst_port);
	if (error == 0)
		error = sd_port(b, "proto", alert->proto);
	if (error == 0 && doc != NULL)
		error = sd_evidence(b, doc->root);
	return error == 0 ? tplx_buf_addc(b, ']') : error;
}

/* Milliseconds since 1970 of an RFC 3339 time checked by timestamp_ok,
 * for CEF's rt. */
static long long epoch_ms(const char *at)
{
	long long t = tplx_date_days(at) * 86400LL;
	const char *p = at + 11;
	long long ms = 0, scale = 100;

	t += ((p[0] - '0') * 10 + (p[1] - '0')) * 3600LL;
	t += ((p[3] - '0') * 10 + (p[4] - '0')) * 60LL;
	t += (p[6] - '0') * 10 + (p[7] - '0');
	p += 8;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			ms += (*p - '0') * scale;
	if (*p == '+' || *p == '-') {
		long long off = ((p[1] - '0') * 10 + (p[2] - '0')) * 3600LL +
		                ((p[4] - '0') * 10 + (p[5] - '0')) * 60LL;

		t += *p == '+' ? -off : off;
	}
	return t * 1000 + ms;
}

static int cef_ext(struct tplx_buf *b, const char *key, const char *value)
{
	int error;

	if (value == NULL)
		return 0;
	error = tplx_buf_addf(b, " %s=", key);
	return error == 0 ? tplc_siem__add_text(b, value, SIEM_ESC_CEF_EXT)
	                  : error;
}

static int cef_label(struct tplx_buf *b, int n, const char *label,
                     const char *value)
{
	char key[16];
	int error;

	if (value == NULL)
		return 0;
	snprintf(key, sizeof(key), "cs%d", n);
	error = cef_ext(b, key, value);
	if (error == 0)
		error = tplx_buf_addf(b, " cs%dLabel=%s", n, label);
	return error;
}

static int add_cef(struct tplx_buf *b, const struct tplc_alert *alert,
                   const struct tplc_siem_options *opts, const char *at,
                   const char *host)
{
	const char *version =
	        opts->version != NULL ? opts->version : TPLC_VERSION;
	const char *proto = proto_name(alert->proto);
	char number[16];
	int error;

	error = tplx_buf_adds(b, "CEF:0|tplc|tplc|");
	if (error == 0)
		error = tplc_siem__add_text(b, version, SIEM_ESC_CEF_HEADER);
	if (error == 0)
		error = tplx_buf_addc(b, '|');
	if (error == 0)
		error = tplc_siem__add_text(b, alert->kind,
		                            SIEM_ESC_CEF_HEADER);
	if (error == 0)
		error = tplx_buf_addc(b, '|');
	if (error == 0)
		error = tplc_siem__add_text(b, alert->message,
		                            SIEM_ESC_CEF_HEADER);
	if (error == 0)
		error = tplx_buf_addf(b, "|%d|rt=%lld",
		                      tplc_alert_severity_cef(alert->severity),
		                      epoch_ms(at));
	if (error == 0)
		error = cef_ext(b, "dvchost", host);
	if (error == 0)
		error = cef_ext(b, "src", alert->src_ip);
	if (error == 0)
		error = cef_ext(b, "dst", alert->dst_ip);
	if (error == 0 && alert->src_port != 0)
		error = tplx_buf_addf(b, " spt=%u", alert->src_port);
	if (error == 0 && alert->dst_port != 0)
		error = tplx_buf_addf(b, " dpt=%u", alert->dst_port);
	if (error == 0 && alert->proto != 0) {
		snprintf(number, sizeof(number), "%u", alert->proto);
		error = cef_ext(b, "proto", proto != NULL ? proto : number);
	}
	if (error == 0)
		error = cef_label(b, 1, "rule", alert->rule);
	if (error == 0)
		error = cef_label(b, 2, "device", alert->device);
	if (error == 0)
		error = cef_label(b, 3, "hostIp", alert->host_ip);
	if (error == 0)
		error = cef_label(b, 4, "hostMac", alert->host_mac);
	return error;
}

void tplc_siem__hostname(const struct tplc_siem_options *opts, char *out,
                         size_t size)
{
	if (opts->hostname != NULL) {
		snprintf(out, size, "%s", opts->hostname);
		return;
	}
	if (gethostname(out, size) != 0)
		out[0] = '\0';
	out[size - 1] = '\0';
}

int tplc_alert_format_cef(const struct tplc_alert *alert,
                          const struct tplc_siem_options *opts, char *buf,
                          size_t size, size_t *len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(size > 0 ? size - 1 : 0);
	struct tplc_siem_options defaults;
	char at[40], host[256];
	int error;

	if (size == 0)
		return tplc_error_set(err, TPLC_EINVAL, "no output buffer");
	if (opts == NULL) {
		tplc_siem_options_init(&defaults);
		opts = &defaults;
	}
	error = tplc_siem__check(alert, at, sizeof(at), err);
	if (error < 0)
		return error;
	tplc_siem__hostname(opts, host, sizeof(host));
	error = add_cef(&b, alert, opts, at, host[0] != '\0' ? host : NULL);
	error = finish(&b, error, buf, size, len, err, "CEF record");
	tplx_buf_release(&b);
	return error;
}

int tplc_alert_format_syslog(const struct tplc_alert *alert,
                             const struct tplc_siem_options *opts, char *buf,
                             size_t size, size_t *len, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(size > 0 ? size - 1 : 0);
	struct tplc_siem_options defaults;
	struct tplx_json_doc *doc = NULL;
	char at[40], host[256];
	int error;

	if (size == 0)
		return tplc_error_set(err, TPLC_EINVAL, "no output buffer");
	if (opts == NULL) {
		tplc_siem_options_init(&defaults);
		opts = &defaults;
	}
	if (opts->facility < 0 || opts->facility > 23)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "syslog facility %d is not 0-23",
		                      opts->facility);
	error = tplc_siem__check(alert, at, sizeof(at), err);
	if (error < 0)
		return error;
	error = tplc_siem__evidence(alert, &doc, err);
	if (error < 0)
		return error;
	tplc_siem__hostname(opts, host, sizeof(host));
	error = tplx_buf_addf(&b, "<%d>1 %s ",
	                      opts->facility * 8 + tplc_alert_severity_syslog(
	                                                   alert->severity),
	                      at);
	if (error == 0)
		error = add_token(&b, host, 255);
	if (error == 0)
		error = tplx_buf_addc(&b, ' ');
	if (error == 0)
		error = add_token(
		        &b, opts->app_name != NULL ? opts->app_name : "tplc",
		        48);
	if (error == 0)
		error = tplx_buf_addf(&b, " %ld ", (long)getpid());
	if (error == 0)
		error = add_token(&b, alert->kind, 32);
	if (error == 0)
		error = tplx_buf_addc(&b, ' ');
	if (error == 0)
		error = add_structured_data(&b, alert, doc);
	if (error == 0)
		error = tplx_buf_addc(&b, ' ');
	if (error == 0 && opts->cef)
		error = add_cef(&b, alert, opts, at,
		                host[0] != '\0' ? host : NULL);
	else if (error == 0)
		error = tplc_siem__add_text(&b, alert->message, SIEM_ESC_MSG);
	error = finish(&b, error, buf, size, len, err, "syslog message");
	tplx_json_doc_free(doc);
	tplx_buf_release(&b);
	return error;
}

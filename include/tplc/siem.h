/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SIEM_H
#define TPLC_SIEM_H

/*
 * Alerts, and the sinks that carry them to a SIEM: JSON lines to a file
 * or stdout, and syslog (RFC 5424) over UDP (RFC 5426), TCP with octet
 * counting (RFC 6587) and TLS (RFC 5425, OpenSSL, TLS 1.2 or later, the
 * server certificate checked against a CA file and the host name).  The
 * syslog MSG is the alert's message, or a CEF record when asked.
 *
 * RFC 5424 form:
 *   <PRI>1 TIMESTAMP HOSTNAME tplc PROCID MSGID
 *       [tplc@32473 kind="..." severity="..." device="..." ...] MSG
 * PRI = facility * 8 + syslog severity; MSGID is the alert kind.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tplc/error.h"

struct tplc_store;

/* Largest syslog message sent over UDP, and over TCP/TLS, in bytes. */
#define TPLC_SIEM_UDP_MAX    8192
#define TPLC_SIEM_STREAM_MAX 65536
/* Connect, send and TLS handshake timeout when options say 0. */
#define TPLC_SIEM_TIMEOUT_MS 5000
/* Longest sink URL accepted. */
#define TPLC_SIEM_URL_MAX 2048
/* Private enterprise number in the structured data id "tplc@32473"
 * (32473 is the one RFC 5612 reserves for documentation). */
#define TPLC_SIEM_SD_ID "tplc@32473"
/* syslog facility local4 (RFC 5424 table 1). */
#define TPLC_SIEM_FACILITY_DEFAULT 20

/* The store's severities; the syslog and CEF ones are derived. */
enum tplc_alert_severity {
	TPLC_ALERT_INFO = 0, /* syslog 6 informational, CEF 2 */
	TPLC_ALERT_NOTICE,   /* syslog 5 notice,        CEF 3 */
	TPLC_ALERT_WARNING,  /* syslog 4 warning,       CEF 5 */
	TPLC_ALERT_ERROR,    /* syslog 3 error,         CEF 8 */
	TPLC_ALERT_CRITICAL, /* syslog 2 critical,      CEF 10 */
};

/* "info", "notice", "warning", "error", "critical" (the store's). */
const char *tplc_alert_severity_name(enum tplc_alert_severity s);
int tplc_alert_severity_parse(const char *text); /* -1: not one */
int tplc_alert_severity_syslog(enum tplc_alert_severity s);
int tplc_alert_severity_cef(enum tplc_alert_severity s);

/*
 * One alert.  Strings are borrowed, UTF-8; NULL when unknown (never "").
 * The flow fields are optional; they feed CEF's src/dst/spt/dpt/proto.
 */
struct tplc_alert {
	const char *at; /* RFC 3339 UTC, "2024-05-01T12:00:00.123456Z";
	                 * NULL: now */
	enum tplc_alert_severity severity;
	const char *kind;            /* "unexpected-peer", ...: required */
	const char *message;         /* one line for a person: required */
	const char *device;          /* the inventory device's asset tag */
	const char *host_ip;         /* the device's address on the wire */
	const char *host_mac;        /* aa:bb:cc:dd:ee:ff */
	const char *rule;            /* the MUD ACE or policy rule broken */
	const char *evidence;        /* a JSON object as text; its flat string,
	                       * number and boolean members go into the
	                       * structured data, the whole into JSON */
	const char *src_ip, *dst_ip; /* the flow, as first seen */
	uint16_t src_port, dst_port; /* 0: none */
	uint8_t proto;               /* IP protocol number, 0: unknown */
};

struct tplc_siem_options {
	int facility;         /* 0-23; tplc_siem_options_init sets local4 */
	bool cef;             /* MSG is a CEF record */
	const char *hostname; /* NULL: gethostname() */
	const char *app_name; /* NULL: "tplc" */
	const char *version;  /* CEF device version; NULL: tplc's */
	int timeout_ms;       /* 0: TPLC_SIEM_TIMEOUT_MS */
};

/* Defaults: local4, no CEF, this host, "tplc", tplc's version. */
void tplc_siem_options_init(struct tplc_siem_options *opts);

/*
 * Formatting into a caller's buffer (always NUL-terminated); *len gets
 * the length without the NUL.  TPLC_ELIMIT when it does not fit,
 * TPLC_EINVAL when kind or message is missing or the evidence is not a
 * JSON object.  opts NULL: defaults.
 */
int tplc_alert_format_json(const struct tplc_alert *alert, char *buf,
                           size_t size, size_t *len, struct tplc_error *err);
int tplc_alert_format_syslog(const struct tplc_alert *alert,
                             const struct tplc_siem_options *opts, char *buf,
                             size_t size, size_t *len, struct tplc_error *err);
int tplc_alert_format_cef(const struct tplc_alert *alert,
                          const struct tplc_siem_options *opts, char *buf,
                          size_t size, size_t *len, struct tplc_error *err);

/* One JSON line (with "\n") to f. */
int tplc_alert_json(FILE *f, const struct tplc_alert *alert,
                    struct tplc_error *err);

/*
 * A sink by URL:
 *   udp://HOST:PORT        one RFC 5424 message per datagram
 *   tcp://HOST:PORT        RFC 6587 octet counting, "LEN SP MSG"
 *   tls://HOST:PORT?ca=FILE[&cert=FILE&key=FILE]   RFC 5425
 *   file:PATH              JSON lines appended to PATH
 *   -                      JSON lines to stdout
 * HOST may be a name, an IPv4 address or [IPv6].  Connecting happens in
 * open (a TLS sink with a certificate that does not verify fails here).
 * opts NULL: defaults.
 */
struct tplc_siem;
int tplc_siem_open(struct tplc_siem **out, const char *url,
                   const struct tplc_siem_options *opts,
                   struct tplc_error *err);
/* A broken TCP/TLS connection is reopened once, then the error is
 * returned (TPLC_EIO); no call blocks longer than the timeout. */
int tplc_siem_send(struct tplc_siem *sink, const struct tplc_alert *alert,
                   struct tplc_error *err);
void tplc_siem_close(struct tplc_siem *sink);

/*
 * The store's alerts table.  add resolves the device by asset tag and
 * the host by MAC, else IP (NULL when unknown); source names who raised
 * it ("watch", "cli", ...).  at NULL: now.
 */
int tplc_store_alert_add(struct tplc_store *store,
                         const struct tplc_alert *alert, const char *source,
                         long long *id, struct tplc_error *err);

struct tplc_alert_row {
	long long id;
	struct tplc_alert alert; /* strings valid during the callback */
	const char *source;
};

struct tplc_alert_filter {
	const char *since;  /* at >= since (string compare, RFC 3339) */
	const char *device; /* asset tag */
	const char *kind;
};

typedef int (*tplc_alert_cb)(const struct tplc_alert_row *row, void *data);

/* Newest last; cb returning non-zero stops and is returned. */
int tplc_store_alerts(struct tplc_store *store,
                      const struct tplc_alert_filter *filter, tplc_alert_cb cb,
                      void *data, struct tplc_error *err);

#endif

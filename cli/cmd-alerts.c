/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc alerts send|list: one alert to a SIEM sink (tplc/siem.h), or the
 * alerts the store holds.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/siem.h"
#include "util/jsonw.h"
#include "util/str.h"

static int parse_port(const char *text, const char *name, uint16_t *out)
{
	long v;

	if (text == NULL)
		return 0;
	if (tplx_parse_long(text, 1, 65535, &v) != 0)
		return cli_die(EXIT_USAGE, "--%s: expected a port 1-65535",
		               name);
	*out = (uint16_t)v;
	return 0;
}

static int alerts_send(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "to", "URL",
		  "udp://H:P, tcp://H:P, tls://H:P?ca=F, file:PATH, - or "
		  "store" },
		{ "cef", NULL, "a CEF record as the syslog message" },
		{ "kind", "KIND", "unexpected-peer, ... (required)" },
		{ "message", "TEXT", "the alert's text (required)" },
		{ "severity", "S",
		  "info, notice, warning (default), error, critical" },
		{ "device", "TAG", "the device's asset tag" },
		{ "host-ip", "IP", "the device's address" },
		{ "host-mac", "MAC", "the device's MAC address" },
		{ "rule", "RULE", "the rule broken" },
		{ "evidence", "JSON", "a JSON object" },
		{ "src", "IP", "flow source address" },
		{ "dst", "IP", "flow destination address" },
		{ "sport", "PORT", "flow source port" },
		{ "dport", "PORT", "flow destination port" },
		{ "proto", "N", "IP protocol number (6 TCP, 17 UDP)" },
		{ "facility", "N",
		  "syslog facility 0-23 (default 20, local4)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_siem_options o;
	struct tplc_alert a = { 0 };
	struct tplc_siem *sink = NULL;
	struct cli_args args;
	const char *to, *text;
	long v;
	int status, error, severity;

	status =
	        cli_parse(cli,
	                  "alerts send --to URL [--cef] --kind KIND --message "
	                  "TEXT [options]",
	                  "Send one alert to a SIEM: syslog RFC 5424 over UDP, "
	                  "TCP (RFC 6587) or TLS\n(RFC 5425), JSON lines to a "
	                  "file or stdout, or into the store.",
	                  opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplc_siem_options_init(&o);
	to = cli_opt(&args, opts, "to");
	a.kind = cli_opt(&args, opts, "kind");
	a.message = cli_opt(&args, opts, "message");
	if (to == NULL || a.kind == NULL || a.message == NULL)
		return cli_die(EXIT_USAGE, "alerts send needs --to, --kind and "
		                           "--message");
	a.severity = TPLC_ALERT_WARNING;
	text = cli_opt(&args, opts, "severity");
	if (text != NULL) {
		severity = tplc_alert_severity_parse(text);
		if (severity < 0)
			return cli_die(EXIT_USAGE, "--severity: unknown '%s'",
			               text);
		a.severity = (enum tplc_alert_severity)severity;
	}
	a.at = tplc_ctx_now(cli->ctx);
	a.device = cli_opt(&args, opts, "device");
	a.host_ip = cli_opt(&args, opts, "host-ip");
	a.host_mac = cli_opt(&args, opts, "host-mac");
	a.rule = cli_opt(&args, opts, "rule");
	a.evidence = cli_opt(&args, opts, "evidence");
	a.src_ip = cli_opt(&args, opts, "src");
	a.dst_ip = cli_opt(&args, opts, "dst");
	if (parse_port(cli_opt(&args, opts, "sport"), "sport", &a.src_port) ||
	    parse_port(cli_opt(&args, opts, "dport"), "dport", &a.dst_port))
		return EXIT_USAGE;
	text = cli_opt(&args, opts, "proto");
	if (text != NULL) {
		if (tplx_parse_long(text, 0, 255, &v) != 0)
			return cli_die(EXIT_USAGE, "--proto: expected 0-255");
		a.proto = (uint8_t)v;
	}
	text = cli_opt(&args, opts, "facility");
	if (text != NULL) {
		if (tplx_parse_long(text, 0, 23, &v) != 0)
			return cli_die(EXIT_USAGE, "--facility: expected 0-23");
		o.facility = (int)v;
	}
	o.cef = cli_flag(&args, opts, "cef");
	if (strcmp(to, "store") == 0) {
		struct tplc_store *store;
		long long id;

		status = cli_store(cli, &store);
		if (status != 0)
			return status;
		error = tplc_store_alert_add(store, &a, "cli", &id, &cli->err);
		if (error < 0)
			return cli_fail(cli, error);
		cli_note(cli, "alert %lld recorded", id);
		return EXIT_OK;
	}
	error = tplc_siem_open(&sink, to, &o, &cli->err);
	if (error == 0)
		error = tplc_siem_send(sink, &a, &cli->err);
	tplc_siem_close(sink);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

struct list_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int alert_out(const struct tplc_alert_row *row, void *data)
{
	struct list_out *out = data;
	const struct tplc_alert *a = &row->alert;
	char id[24];

	if (out->cli->json) {
		struct tplc_error err = { 0 };

		fprintf(stdout, "{\"id\":%lld,\"source\":", row->id);
		tplx_jsonw_init(&out->w, stdout, false);
		tplx_jsonw_string(&out->w, row->source);
		fputc(',', stdout);
		/* the rest as the sinks write it, without its '{' */
		{
			char line[TPLC_SIEM_STREAM_MAX + 1];

			if (tplc_alert_format_json(a, line, sizeof(line), NULL,
			                           &err) < 0)
				return cli_fail(out->cli, err.code);
			fputs(line + 1, stdout);
			fputc('\n', stdout);
		}
		return 0;
	}
	snprintf(id, sizeof(id), "%lld", row->id);
	{
		const char *cells[] = { id,
			                a->at,
			                tplc_alert_severity_name(a->severity),
			                a->kind,
			                a->device != NULL ? a->device : "-",
			                a->message };
		table_row(&out->t, cells);
	}
	return 0;
}

static int alerts_list(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "since", "TIME",
		  "alerts at or after TIME (RFC 3339 or date)" },
		{ "device", "TAG", "only this device's" },
		{ "kind", "KIND", "only this kind" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "ID",   "AT",     "SEVERITY",
		                              "KIND", "DEVICE", "MESSAGE" };
	struct tplc_alert_filter filter = { 0 };
	struct list_out out = { 0 };
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli,
	                   "alerts list [--since TIME] [--device TAG] "
	                   "[--kind KIND]",
	                   "The alerts in the store, oldest first.", opts, 0, 0,
	                   argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	filter.since = cli_opt(&args, opts, "since");
	filter.device = cli_opt(&args, opts, "device");
	filter.kind = cli_opt(&args, opts, "kind");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	out.cli = cli;
	table_init(&out.t, 6, header);
	table_limit(&out.t, 5, 110);
	error = tplc_store_alerts(store, &filter, alert_out, &out, &cli->err);
	if (error >= 0 && !cli->json)
		table_print(&out.t, stdout);
	table_release(&out.t);
	if (error > 0) /* a callback's exit status */
		return error;
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_alerts(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "send", alerts_send, "send one alert to a SIEM sink" },
		{ "list", alerts_list, "the alerts in the store" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "alerts", cmds, argc, argv);
}

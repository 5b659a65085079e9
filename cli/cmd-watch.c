/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc watch --pcap FILE | --iface IF: the passive monitor (tplc/monitor.h)
 * over a capture file or a live interface.  Hosts, DICOM associations, HL7
 * messages and alerts go to the store in batches; flows to --flows as JSON
 * lines; alerts also to --alerts (JSON lines) and --syslog (RFC 5424).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "tplc/mud.h"
#include "util/alloc.h"
#include "watch.h"

static int load_rules(struct watch *w)
{
	struct tplc_mud_compile_opts opts = { .dns = true };
	int error;

	w->rules = tplx_calloc(w->device_count ? w->device_count : 1,
	                       sizeof(*w->rules));
	if (w->rules == NULL)
		return cli_die(EXIT_SOFTWARE, "out of memory");
	for (size_t i = 0; i < w->device_count; i++) {
		if (w->devices[i].asset_tag == NULL)
			continue;
		error = tplc_store_mud_rules(w->store, w->devices[i].asset_tag,
		                             &opts, &w->rules[i], &w->cli->err);
		if (error < 0)
			return cli_fail(w->cli, error);
		w->devices[i].rules = w->rules[i];
	}
	return 0;
}

static FILE *open_out(const char *path)
{
	if (strcmp(path, "-") == 0)
		return stdout;
	return fopen(path, "w");
}

int watch_open(struct watch *w)
{
	struct tplc_monitor_options mo = { 0 };
	struct tplc_siem_options so;
	int status, error;

	status = cli_store(w->cli, &w->store);
	if (status != 0)
		return status;
	error = tplc_store_wire_devices(w->store, &w->devices, &w->device_count,
	                                &w->arena, &w->cli->err);
	if (error < 0)
		return cli_fail(w->cli, error);
	status = load_rules(w);
	if (status != 0)
		return status;
	if (w->flows_path && (w->flows = open_out(w->flows_path)) == NULL)
		return cli_die(EXIT_IOERR, "%s: cannot write: %m",
		               w->flows_path);
	if (w->alerts_path && (w->alerts = open_out(w->alerts_path)) == NULL)
		return cli_die(EXIT_IOERR, "%s: cannot write: %m",
		               w->alerts_path);
	if (w->syslog_url) {
		tplc_siem_options_init(&so);
		so.cef = w->cef;
		error = tplc_siem_open(&w->syslog, w->syslog_url, &so,
		                       &w->cli->err);
		if (error < 0)
			return cli_fail(w->cli, error);
	}
	mo.flows = w->flows;
	mo.devices = w->devices;
	mo.device_count = w->device_count;
	error = tplc_monitor_new(&w->mon, &mo, &w->cli->err);
	return error < 0 ? cli_fail(w->cli, error) : 0;
}

/* Results wait in memory until the end, so a capture file is one
 * transaction, unless they near the monitor's caps (then they are written
 * rather than dropped). */
static bool results_full(struct watch *w)
{
	struct tplc_monitor_results r;

	tplc_monitor_results(w->mon, &r);
	return r.assoc_count > WATCH_EVENTS_HIGH ||
	       r.hl7_count > WATCH_EVENTS_HIGH ||
	       r.alert_count > WATCH_EVENTS_HIGH;
}

int watch_frame(struct watch *w, const struct tplc_frame *frame)
{
	int error = tplc_monitor_frame(w->mon, frame, &w->cli->err);

	if (error < 0)
		return cli_fail(w->cli, error);
	if (++w->since_flush >= WATCH_BATCH_FRAMES) {
		w->since_flush = 0;
		if (results_full(w))
			return watch_flush(w, false);
	}
	return 0;
}

/* The monitor's alert as the SIEM sinks take it. */
static int send_alert(struct watch *w, const struct tplc_monitor_results *r,
                      const struct tplc_monitor_alert *a)
{
	const struct tplc_monitor_host *h =
	        a->host < r->host_count ? &r->hosts[a->host] : NULL;
	char at[40], ip[64] = "", mac[18] = "";
	struct tplc_alert alert = { 0 };
	int sev = tplc_alert_severity_parse(a->severity), error = 0;

	tplc_monitor_time(at, sizeof(at), a->at_usec);
	if (h && h->ip_version)
		tplc_monitor_ip_text(ip, sizeof(ip), h->ip_version, h->ip);
	if (h && h->has_mac)
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		         h->mac[0], h->mac[1], h->mac[2], h->mac[3], h->mac[4],
		         h->mac[5]);
	alert.at = at;
	alert.severity =
	        sev < 0 ? TPLC_ALERT_WARNING : (enum tplc_alert_severity)sev;
	alert.kind = a->kind;
	alert.message = a->message;
	if (a->device >= 0 && (size_t)a->device < r->device_count)
		alert.device = r->devices[a->device].asset_tag;
	alert.host_ip = ip[0] ? ip : NULL;
	alert.host_mac = mac[0] ? mac : NULL;
	alert.rule = a->rule[0] ? a->rule : NULL;
	alert.evidence = a->evidence[0] ? a->evidence : NULL;
	if (w->alerts)
		error = tplc_alert_json(w->alerts, &alert, &w->cli->err);
	if (error == 0 && w->syslog)
		error = tplc_siem_send(w->syslog, &alert, &w->cli->err);
	return error;
}

int watch_flush(struct watch *w, bool final)
{
	struct tplc_monitor_results r;
	int error;

	w->since_flush = 0;
	tplc_monitor_results(w->mon, &r);
	error = tplc_store_wire_save(w->store, &r, w->source, final,
	                             &w->cli->err);
	for (size_t i = 0; error == 0 && i < r.alert_count; i++)
		error = send_alert(w, &r, &r.alerts[i]);
	tplc_monitor_take(w->mon);
	return error < 0 ? cli_fail(w->cli, error) : 0;
}

void watch_counters(struct watch *w, const char *prefix)
{
	struct tplc_monitor_stats s;

	tplc_monitor_stats(w->mon, &s);
	fprintf(stderr,
	        "%sframes %" PRIu64 ", bytes %" PRIu64 ", flows %" PRIu64
	        ", malformed %" PRIu64 ", hosts %" PRIu64
	        ", associations %" PRIu64 ", hl7 %" PRIu64 ", alerts %" PRIu64
	        ", dropped %" PRIu64 "\n",
	        prefix, s.frames, s.bytes, s.flows, s.malformed, s.hosts,
	        s.associations, s.hl7_messages, s.alerts, s.dropped);
}

int watch_finish(struct watch *w)
{
	int error = tplc_monitor_finish(w->mon, &w->cli->err), status;

	if (error < 0)
		return cli_fail(w->cli, error);
	status = watch_flush(w, true);
	if (status != 0)
		return status;
	if (w->flows && fflush(w->flows) != 0)
		return cli_die(EXIT_IOERR, "%s: write failed", w->flows_path);
	if (w->alerts && fflush(w->alerts) != 0)
		return cli_die(EXIT_IOERR, "%s: write failed", w->alerts_path);
	if (!w->cli->quiet)
		watch_counters(w, "watch: ");
	return 0;
}

void watch_close(struct watch *w)
{
	tplc_monitor_free(w->mon);
	for (size_t i = 0; w->rules && i < w->device_count; i++)
		tplc_mud_rules_free(w->rules[i]);
	tplx_free(w->rules);
	tplc_store_wire_devices_free(w->devices, w->arena);
	if (w->flows && w->flows != stdout)
		fclose(w->flows);
	if (w->alerts && w->alerts != stdout)
		fclose(w->alerts);
	tplc_siem_close(w->syslog);
}

static int watch_pcap(struct watch *w, const char *path)
{
	struct tplc_pcap *p = NULL;
	struct tplc_frame frame;
	int error, status = 0;

	error = tplc_pcap_open(&p, path, &w->cli->err);
	if (error < 0)
		return cli_fail(w->cli, error);
	status = watch_open(w);
	while (status == 0 &&
	       (error = tplc_pcap_next(p, &frame, &w->cli->err)) > 0)
		status = watch_frame(w, &frame);
	if (status == 0 && error < 0)
		status = cli_fail(w->cli, error);
	if (status == 0)
		status = watch_finish(w);
	tplc_pcap_close(p);
	return status;
}

int cmd_watch(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "pcap", "FILE", "read a capture file (pcap or pcapng)" },
		{ "iface", "IF", "listen on a network interface (root)" },
		{ "user", "NAME", "--iface: run as this user (nobody)" },
		{ "stats", "SECONDS", "--iface: a stats line every N seconds" },
		{ "flows", "FILE", "write each flow as a JSON line" },
		{ "alerts", "FILE", "write each alert as a JSON line" },
		{ "syslog", "URL", "send alerts: udp://, tcp://, tls://" },
		{ "cef", NULL, "--syslog: the message as a CEF record" },
		{ NULL, NULL, NULL },
	};
	struct watch w = { 0 };
	struct cli_args args;
	const char *pcap, *iface;
	size_t stats = 0;
	int status;

	status = cli_parse(cli,
	                   "watch --pcap FILE | --iface IF [--user NAME] "
	                   "[--stats N] [--flows F] [--alerts F] "
	                   "[--syslog URL] [--cef]",
	                   "Watch the network: devices, DICOM, HL7, alerts.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	pcap = cli_opt(&args, opts, "pcap");
	iface = cli_opt(&args, opts, "iface");
	if ((pcap == NULL) == (iface == NULL))
		return cli_die(EXIT_USAGE, "watch: give --pcap or --iface");
	if (cli_opt_count(&args, opts, "stats", &stats) != 0)
		return EXIT_USAGE;
	w.cli = cli;
	w.flows_path = cli_opt(&args, opts, "flows");
	w.alerts_path = cli_opt(&args, opts, "alerts");
	w.syslog_url = cli_opt(&args, opts, "syslog");
	w.cef = cli_flag(&args, opts, "cef");
	w.source = pcap ? pcap : iface;
	if (pcap)
		status = watch_pcap(&w, pcap);
	else
		status = watch_live(&w, iface, cli_opt(&args, opts, "user"),
		                    stats);
	watch_close(&w);
	return status;
}

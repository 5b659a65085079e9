/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CLI_WATCH_H
#define TPLC_CLI_WATCH_H

/* What tplc watch shares between a capture file (cmd-watch.c) and a live
 * interface (watch-live.c). */

#include <stdio.h>

#include "cli.h"
#include "tplc/monitor.h"
#include "tplc/siem.h"

/* Results are written to the store in one transaction per this many
 * frames (and at the end). */
#define WATCH_BATCH_FRAMES 65536
/* Results written early when any kind passes this (the monitor keeps at
 * most TPLC_MONITOR_EVENTS_MAX of each). */
#define WATCH_EVENTS_HIGH (TPLC_MONITOR_EVENTS_MAX - 8192)

struct tplc_mud_rules;

struct watch {
	struct cli *cli;
	struct tplc_store *store;
	struct tplc_monitor *mon;
	struct tplc_monitor_device *devices;
	size_t device_count;
	void *arena;
	struct tplc_mud_rules **rules;
	FILE *flows, *alerts;
	struct tplc_siem *syslog;
	const char *source; /* the capture file or interface */
	const char *flows_path, *alerts_path, *syslog_url;
	bool cef;
	uint64_t since_flush; /* frames since the last batch */
};

/* Open the store, read the devices and their MUD rules, open the flows
 * and alerts files and the syslog sink, make the monitor.  Returns an
 * exit status (0 to go on). */
int watch_open(struct watch *w);
/* One frame; an exit status (0 to go on). */
int watch_frame(struct watch *w, const struct tplc_frame *frame);
/* Write the results so far (one transaction) and send the new alerts. */
int watch_flush(struct watch *w, bool final);
/* End the flows, flush, print the counters; an exit status. */
int watch_finish(struct watch *w);
void watch_close(struct watch *w);
/* "frames N, bytes N, ..." on stderr with a prefix. */
void watch_counters(struct watch *w, const char *prefix);

/* tplc watch --iface (watch-live.c). */
int watch_live(struct watch *w, const char *iface, const char *user,
               size_t stats_seconds);

#endif

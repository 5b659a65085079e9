/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc watch --iface: open the interface with libpcap as root, drop to an
 * unprivileged user at once (setgroups, setresgid, setresuid; refuse to
 * go on as root), and only then open the store and parse.  Why one
 * process and not tcpdump's privileged parent: docs/internals/wire.md.
 */
#define _GNU_SOURCE /* setresuid, setresgid */
#include <errno.h>
#include <grp.h>
#include <pcap/pcap.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "watch.h"

#define LIVE_SNAPLEN       65535
#define LIVE_TIMEOUT_MS    200 /* a dispatch returns this often at least */
#define LIVE_FLUSH_SECONDS 5

static volatile sig_atomic_t stop_requested;
static pcap_t *live_handle;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
	if (live_handle)
		pcap_breakloop(live_handle);
}

static int drop_privileges(const char *user)
{
	struct passwd *pw;
	uid_t r, e, s;

	if (geteuid() != 0)
		return 0; /* nothing to drop: already unprivileged */
	pw = getpwnam(user);
	if (pw == NULL)
		return cli_die(EXIT_USAGE,
		               "watch: no user %s to drop root to: refusing "
		               "to run on as root",
		               user);
	if (setgroups(0, NULL) != 0 ||
	    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) != 0 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) != 0)
		return cli_die(EXIT_SOFTWARE,
		               "watch: cannot drop root to %s (%s): refusing "
		               "to run on as root",
		               user, strerror(errno));
	if (getresuid(&r, &e, &s) != 0 || r == 0 || e == 0 || s == 0 ||
	    (pw->pw_uid != 0 && setuid(0) == 0))
		return cli_die(EXIT_SOFTWARE,
		               "watch: still root after dropping to %s: "
		               "refusing to run on",
		               user);
	return 0;
}

static int link_type(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB:
		return TPLC_LINK_ETHERNET;
	case DLT_RAW:
#ifdef DLT_IPV4
	case DLT_IPV4:
	case DLT_IPV6:
#endif
		return TPLC_LINK_RAW;
	case DLT_LINUX_SLL:
		return TPLC_LINK_SLL;
#ifdef DLT_LINUX_SLL2
	case DLT_LINUX_SLL2:
		return TPLC_LINK_SLL2;
#endif
	case DLT_NULL:
		return TPLC_LINK_NULL;
	default:
		return dlt;
	}
}

struct live {
	struct watch *w;
	int linktype;
	int status;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *h,
                      const u_char *bytes)
{
	struct live *l = (struct live *)(void *)user;
	struct tplc_frame frame = {
		.ts_usec = (uint64_t)h->ts.tv_sec * 1000000u +
		           (uint64_t)h->ts.tv_usec,
		.caplen = h->caplen,
		.wirelen = h->len,
		.linktype = l->linktype,
		.data = bytes,
	};

	if (l->status == 0)
		l->status = watch_frame(l->w, &frame);
	if (l->status != 0)
		pcap_breakloop(live_handle);
}

static pcap_t *open_live(const char *iface, char *errbuf)
{
	pcap_t *p = pcap_create(iface, errbuf);

	if (p == NULL)
		return NULL;
	if (pcap_set_snaplen(p, LIVE_SNAPLEN) != 0 ||
	    pcap_set_promisc(p, 1) != 0 || pcap_set_immediate_mode(p, 1) != 0 ||
	    pcap_set_timeout(p, LIVE_TIMEOUT_MS) != 0 || pcap_activate(p) < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	return p;
}

static int loop(struct live *l, pcap_t *p, size_t stats_seconds)
{
	time_t last_stats = time(NULL), last_flush = last_stats, now;
	int n;

	while (!stop_requested && l->status == 0) {
		n = pcap_dispatch(p, -1, on_packet, (u_char *)(void *)l);
		if (n == PCAP_ERROR)
			return cli_die(EXIT_IOERR, "watch: %s", pcap_geterr(p));
		now = time(NULL);
		if (stats_seconds &&
		    now - last_stats >= (time_t)stats_seconds) {
			last_stats = now;
			watch_counters(l->w, "watch: stats: ");
		}
		if (l->status == 0 && now - last_flush >= LIVE_FLUSH_SECONDS) {
			last_flush = now;
			l->status = watch_flush(l->w, false);
		}
	}
	return l->status;
}

int watch_live(struct watch *w, const char *iface, const char *user,
               size_t stats_seconds)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	struct sigaction sa;
	struct live l = { w, 0, 0 };
	pcap_t *p;
	int status;

	p = open_live(iface, errbuf);
	if (p == NULL)
		return cli_die(EXIT_NOINPUT, "watch: %s: %s", iface, errbuf);
	status = drop_privileges(user ? user : "nobody");
	if (status == 0)
		status = watch_open(w);
	if (status != 0) {
		pcap_close(p);
		return status;
	}
	l.linktype = link_type(pcap_datalink(p));
	live_handle = p;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: stop the dispatch */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	cli_note(w->cli, "watch: listening on %s as uid %u", iface,
	         (unsigned)getuid());
	status = loop(&l, p, stats_seconds);
	if (status == 0)
		status = watch_finish(w);
	live_handle = NULL;
	pcap_close(p);
	return status;
}

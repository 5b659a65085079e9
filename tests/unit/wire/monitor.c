/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The monitor (tplc/monitor.h) on the hospital capture: the six
 * associations and six HL7 messages tshark decodes
 * (hospital-dicom-hl7.expected.csv), the same with every TCP frame sent
 * twice (retransmissions must not duplicate anything), binding by MAC
 * before IP before AE title, and out-of-memory at every allocation.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/monitor.h"
#include "util/alloc.h"

#define CAPTURE "pcap/hospital/hospital-dicom-hl7.pcap"

struct run {
	struct tplc_monitor_stats stats;
	struct tplc_monitor_results r;
	struct tplc_monitor *m;
};

/* Feed the capture (each TCP frame twice with twice set); the monitor
 * stays open in run->m for the caller to inspect.  Returns the first
 * error. */
static int feed(struct run *run, const struct tplc_monitor_device *devices,
                size_t count, bool twice)
{
	struct tplc_monitor_options opts = { .devices = devices,
		                             .device_count = count };
	struct tplc_pcap *pc = NULL;
	struct tplc_frame f;
	struct tplc_error err;
	int rc;

	run->m = NULL;
	rc = tplc_pcap_open(&pc, tplt_shared(CAPTURE), &err);
	if (rc < 0)
		return rc;
	rc = tplc_monitor_new(&run->m, &opts, &err);
	while (rc == 0 && (rc = tplc_pcap_next(pc, &f, &err)) > 0) {
		rc = tplc_monitor_frame(run->m, &f, &err);
		/* byte 23 of an Ethernet IPv4 frame: the protocol */
		if (rc == 0 && twice && f.caplen > 34 && f.data[23] == 6)
			rc = tplc_monitor_frame(run->m, &f, &err);
	}
	if (rc == 0)
		rc = tplc_monitor_finish(run->m, &err);
	if (run->m) {
		tplc_monitor_stats(run->m, &run->stats);
		tplc_monitor_results(run->m, &run->r);
	}
	tplc_pcap_close(pc);
	return rc;
}

static const struct tplc_monitor_device fleet[] = {
	{ 1, "CT-01", "9e:a1:47:d0:93:ac", "10.77.0.11", "CT_SCANNER_01", false,
	  NULL },
	{ 2, "US-03", NULL, "10.77.0.12", "US_ROOM3", false, NULL },
	{ 3, "WS-07", NULL, NULL, "RAD_WS_07", false, NULL },
	{ 4, "PACS-01", "f6:79:81:6d:f9:f9", NULL, "PACS_ARCHIVE", false,
	  NULL },
};

static const struct tplc_monitor_host *by_ip(const struct run *run,
                                             const char *ip)
{
	char text[64];

	for (size_t i = 0; i < run->r.host_count; i++) {
		const struct tplc_monitor_host *h = &run->r.hosts[i];

		tplc_monitor_ip_text(text, sizeof(text), h->ip_version, h->ip);
		if (h->ip_version && strcmp(text, ip) == 0)
			return h;
	}
	fail_msg("no host %s", ip);
	return NULL;
}

static void check_hospital(const struct run *run)
{
	static const char *const calling[] = { "CT_SCANNER_01", "CT_SCANNER_01",
		                               "US_ROOM3",      "RAD_WS_07",
		                               "SCANNER",       "SCANNER" };

	assert_int_equal(run->r.assoc_count, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(run->r.assocs[i].calling_ae, calling[i]);
		assert_string_equal(run->r.assocs[i].result, "accepted");
		assert_string_equal(run->r.assocs[i].implementation_version,
		                    "OFFIS_DCMTK_367");
	}
	assert_int_equal(run->r.hl7_count, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(run->r.hl7[i].message_type,
		                    i % 2 ? "ACK^R01" : "ORU^R01");
	assert_int_equal(run->r.alert_count, 2);
	assert_string_equal(run->r.alerts[0].kind, "unknown-ae-title");
	assert_int_equal(run->stats.hosts, 8);
	assert_int_equal(run->stats.flows, 12);
}

static void test_monitor__hospital(void **state)
{
	struct run run;

	(void)state;
	assert_int_equal(feed(&run, fleet, 4, false), 0);
	check_hospital(&run);
	assert_int_equal(run.stats.frames, 171);
	assert_int_equal(by_ip(&run, "10.77.0.11")->bound_by, TPLC_BIND_MAC);
	assert_int_equal(by_ip(&run, "10.77.0.12")->bound_by, TPLC_BIND_IP);
	assert_int_equal(by_ip(&run, "10.77.0.60")->bound_by, TPLC_BIND_AE);
	assert_int_equal(by_ip(&run, "10.77.0.60")->device, 2);
	assert_int_equal(by_ip(&run, "10.77.0.99")->device, -1);
	assert_string_equal(by_ip(&run, "10.77.0.99")->ae_titles, "SCANNER");
	assert_int_equal(by_ip(&run, "10.77.0.50")->device, 3);
	tplt_conformance("monitor: hospital capture 6/6 associations, 6/6 "
	                 "HL7 messages as tshark, 2 unknown-AE alerts");
	tplc_monitor_free(run.m);
}

static void test_monitor__retransmissions(void **state)
{
	struct run run;

	(void)state;
	assert_int_equal(feed(&run, fleet, 4, true), 0);
	check_hospital(&run);
	tplc_monitor_free(run.m);
}

/* MAC wins over IP, IP over the AE title, whatever their order. */
static void test_monitor__binding_precedence(void **state)
{
	static const struct tplc_monitor_device devs[] = {
		{ 1, "BY-AE", NULL, NULL, "CT_SCANNER_01", false, NULL },
		{ 2, "BY-IP", NULL, "10.77.0.11", NULL, false, NULL },
		{ 3, "BY-MAC", "9e:a1:47:d0:93:ac", "10.9.9.9", NULL, false,
		  NULL },
		{ 4, "US-AE", NULL, NULL, "US_ROOM3", false, NULL },
		{ 5, "US-IP", NULL, "10.77.0.12", NULL, false, NULL },
	};
	struct run run;

	(void)state;
	assert_int_equal(feed(&run, devs, 5, false), 0);
	assert_int_equal(by_ip(&run, "10.77.0.11")->device, 2);
	assert_int_equal(by_ip(&run, "10.77.0.11")->bound_by, TPLC_BIND_MAC);
	assert_int_equal(by_ip(&run, "10.77.0.12")->device, 4);
	assert_int_equal(by_ip(&run, "10.77.0.12")->bound_by, TPLC_BIND_IP);
	tplc_monitor_free(run.m);
}

static void test_monitor__out_of_memory(void **state)
{
	struct run run;
	size_t failed = 0, n;
	int rc;

	(void)state;
	for (n = 0; n < 4000; n++) {
		tplx_alloc_fail_after((long)n);
		rc = feed(&run, fleet, 4, false);
		tplx_alloc_fail_after(-1);
		tplc_monitor_free(run.m);
		if (rc == 0)
			break;
		assert_int_equal(rc, TPLC_ENOMEM);
		failed++;
	}
	assert_true(failed > 0);
	assert_int_equal(rc, 0);
	tplt_note("monitor: %zu allocation failures, each ENOMEM, no leak",
	          failed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_monitor__hospital),
		cmocka_unit_test(test_monitor__retransmissions),
		cmocka_unit_test(test_monitor__binding_precedence),
		cmocka_unit_test(test_monitor__out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

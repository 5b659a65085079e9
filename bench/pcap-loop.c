/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The floor for reading a capture file: libpcap's own read loop, touching
 * each frame's first byte and nothing else.  Prints "frames bytes seconds
 * MB/s" (wall clock, the file read through the page cache).
 *
 *   bench-pcap-loop FILE
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <time.h>

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const unsigned char *data;
	unsigned long long frames = 0, bytes = 0, sum = 0;
	double t0, t;
	pcap_t *p;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-pcap-loop FILE\n");
		return 64;
	}
	p = pcap_open_offline(argv[1], errbuf);
	if (p == NULL) {
		fprintf(stderr, "bench-pcap-loop: %s\n", errbuf);
		return 66;
	}
	t0 = seconds();
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		frames++;
		bytes += h->caplen + 16;
		sum += h->caplen ? data[0] : 0;
	}
	t = seconds() - t0;
	pcap_close(p);
	if (rc == PCAP_ERROR) {
		fprintf(stderr, "bench-pcap-loop: read error\n");
		return 74;
	}
	printf("%llu %llu %.3f %.1f\n", frames, bytes, t,
	       (double)bytes / t / 1e6);
	return sum == 1 ? 1 : 0; /* keeps the reads from being optimised out */
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lib/wire/pcap: every shared capture read and decoded, its frame count
 * checked against tcpdump's; pcap byte orders and nanosecond files and
 * pcapng sections built here byte by byte; errors name file and offset.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/wire.h"

#define CAP_MAX 4096

struct cap {
	uint8_t b[CAP_MAX];
	size_t n;
	bool big;
};

static void put8(struct cap *c, unsigned v)
{
	assert_true(c->n < CAP_MAX);
	c->b[c->n++] = (uint8_t)v;
}

static void put16(struct cap *c, unsigned v)
{
	if (c->big) {
		put8(c, v >> 8 & 0xff);
		put8(c, v & 0xff);
	} else {
		put8(c, v & 0xff);
		put8(c, v >> 8 & 0xff);
	}
}

static void put32(struct cap *c, uint32_t v)
{
	if (c->big) {
		put16(c, v >> 16);
		put16(c, v & 0xffff);
	} else {
		put16(c, v & 0xffff);
		put16(c, v >> 16);
	}
}

static void putn(struct cap *c, const void *p, size_t n)
{
	assert_true(c->n + n <= CAP_MAX);
	memcpy(c->b + c->n, p, n);
	c->n += n;
}

static void set32(struct cap *c, size_t at, uint32_t v)
{
	size_t keep = c->n;

	c->n = at;
	put32(c, v);
	c->n = keep;
}

static const uint8_t frame_a[] = { 1, 2,  3,  4,  5,    6,    7,   8,
	                           9, 10, 11, 12, 0x88, 0xcc, 0xaa };
static const uint8_t frame_b[] = { 0xde, 0xad, 0xbe, 0xef };

static void classic_header(struct cap *c, uint32_t magic, uint32_t link)
{
	put32(c, magic);
	put16(c, 2);
	put16(c, 4);
	put32(c, 0);
	put32(c, 0);
	put32(c, 65535);
	put32(c, link);
}

static void classic_record(struct cap *c, uint32_t sec, uint32_t frac,
                           const uint8_t *d, uint32_t len, uint32_t wire)
{
	put32(c, sec);
	put32(c, frac);
	put32(c, len);
	put32(c, wire);
	putn(c, d, len);
}

static int read_all(const uint8_t *d, size_t n, struct tplc_frame *frames,
                    size_t max, size_t *count, struct tplc_error *err)
{
	struct tplc_pcap *p = NULL;
	struct tplc_frame f;
	int rc = tplc_pcap_open_memory(&p, d, n, "mem.pcap", err);

	*count = 0;
	if (rc < 0)
		return rc;
	while ((rc = tplc_pcap_next(p, &f, err)) == 1) {
		if (*count < max)
			frames[*count] = f;
		(*count)++;
	}
	tplc_pcap_close(p);
	return rc;
}

static void test_pcap__classic_variants(void **state)
{
	static const struct {
		bool big, nsec;
	} cases[] = { { false, false },
		      { true, false },
		      { false, true },
		      { true, true } };
	struct tplc_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cap c = { .big = cases[i].big };
		struct tplc_frame fr[4];
		size_t n;

		classic_header(&c, cases[i].nsec ? 0xa1b23c4d : 0xa1b2c3d4,
		               1 | 0x10000000u /* FCS flag bits */);
		classic_record(&c, 1700000000,
		               cases[i].nsec ? 123456789 : 123456, frame_a,
		               sizeof(frame_a), 60);
		classic_record(&c, 1700000001, 0, frame_b, sizeof(frame_b), 4);
		assert_int_equal(read_all(c.b, c.n, fr, 4, &n, &err), 0);
		assert_int_equal(n, 2);
		assert_int_equal(fr[0].ts_usec, 1700000000123456ull);
		assert_int_equal(fr[0].caplen, sizeof(frame_a));
		assert_int_equal(fr[0].wirelen, 60);
		assert_int_equal(fr[0].linktype, TPLC_LINK_ETHERNET);
		assert_memory_equal(fr[0].data, frame_a, sizeof(frame_a));
		assert_int_equal(fr[1].ts_usec, 1700000001000000ull);
		assert_memory_equal(fr[1].data, frame_b, sizeof(frame_b));
	}
}

static void block_start(struct cap *c, uint32_t type, size_t *at)
{
	*at = c->n;
	put32(c, type);
	put32(c, 0);
}

static void block_end(struct cap *c, size_t at)
{
	while ((c->n - at) % 4 != 0)
		put8(c, 0);
	put32(c, (uint32_t)(c->n - at + 4));
	set32(c, at + 4, (uint32_t)(c->n - at));
}

static void section(struct cap *c, int link, int tsresol)
{
	size_t at;

	block_start(c, 0x0a0d0d0a, &at);
	put32(c, 0x1a2b3c4d);
	put16(c, 1);
	put16(c, 0);
	put32(c, 0xffffffff);
	put32(c, 0xffffffff);
	block_end(c, at);
	block_start(c, 1, &at);
	put16(c, (unsigned)link);
	put16(c, 0);
	put32(c, 0);
	if (tsresol >= 0) {
		put16(c, 9);
		put16(c, 1);
		put8(c, (unsigned)tsresol);
		put8(c, 0);
		put8(c, 0);
		put8(c, 0);
	}
	put16(c, 0);
	put16(c, 0);
	block_end(c, at);
}

static void epb(struct cap *c, uint32_t ifid, uint64_t ts, const uint8_t *d,
                uint32_t len)
{
	size_t at;

	block_start(c, 6, &at);
	put32(c, ifid);
	put32(c, (uint32_t)(ts >> 32));
	put32(c, (uint32_t)ts);
	put32(c, len);
	put32(c, len + 10);
	putn(c, d, len);
	block_end(c, at);
}

static void test_pcap__pcapng_sections(void **state)
{
	struct cap c = { .big = false };
	struct tplc_frame fr[8];
	struct tplc_error err;
	size_t n, at;

	(void)state;
	/* Section 1, little-endian, nanoseconds: EPB, an unknown block, SPB. */
	section(&c, TPLC_LINK_ETHERNET, 9);
	epb(&c, 0, 1700000000123456789ull, frame_a, sizeof(frame_a));
	block_start(&c, 0x40000bad, &at);
	put32(&c, 7);
	block_end(&c, at);
	block_start(&c, 3, &at);
	put32(&c, sizeof(frame_b));
	putn(&c, frame_b, sizeof(frame_b));
	block_end(&c, at);
	/* Section 2, big-endian, 2^-10 s, raw IP; then an OPB. */
	c.big = true;
	section(&c, TPLC_LINK_RAW, 0x80 | 10);
	epb(&c, 0, (uint64_t)5 * 1024 + 512, frame_b, sizeof(frame_b));
	block_start(&c, 2, &at);
	put16(&c, 0);
	put16(&c, 0);
	put32(&c, 0);
	put32(&c, 1024);
	put32(&c, sizeof(frame_a));
	put32(&c, sizeof(frame_a));
	putn(&c, frame_a, sizeof(frame_a));
	block_end(&c, at);

	assert_int_equal(read_all(c.b, c.n, fr, 8, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(fr[0].ts_usec, 1700000000123456ull);
	assert_int_equal(fr[0].linktype, TPLC_LINK_ETHERNET);
	assert_int_equal(fr[0].wirelen, sizeof(frame_a) + 10);
	assert_memory_equal(fr[0].data, frame_a, sizeof(frame_a));
	assert_int_equal(fr[1].caplen, sizeof(frame_b));
	assert_memory_equal(fr[1].data, frame_b, sizeof(frame_b));
	assert_int_equal(fr[2].linktype, TPLC_LINK_RAW);
	assert_int_equal(fr[2].ts_usec, 5500000);
	assert_memory_equal(fr[2].data, frame_b, sizeof(frame_b));
	assert_int_equal(fr[3].ts_usec, 1000000);
	assert_memory_equal(fr[3].data, frame_a, sizeof(frame_a));
}

static void expect_error(const struct cap *c, size_t frames_before,
                         const char *what)
{
	struct tplc_frame fr[4];
	struct tplc_error err;
	size_t n;

	assert_int_equal(read_all(c->b, c->n, fr, 4, &n, &err), TPLC_EPARSE);
	assert_int_equal(n, frames_before);
	assert_string_equal(err.file, "mem.pcap");
	if (strstr(err.message, what) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", what, err.message);
}

static void test_pcap__errors(void **state)
{
	struct cap c = { .big = false };
	size_t at;

	(void)state;
	put32(&c, 0x12345678);
	expect_error(&c, 0, "byte offset 0: not a pcap");
	c.n = 0;
	classic_header(&c, 0xa1b2c3d4, 1);
	classic_record(&c, 1, 0, frame_a, sizeof(frame_a), 60);
	classic_record(&c, 1, 0, frame_b, sizeof(frame_b), 60);
	c.n -= 2;
	expect_error(&c, 1, "byte offset 55: truncated record");
	c.n = 24;
	put32(&c, 1);
	put32(&c, 0);
	put32(&c, TPLC_WIRE_SNAP_MAX + 1);
	put32(&c, 1);
	expect_error(&c, 0, "byte offset 24: record longer than");
	c.n = 0;
	section(&c, 1, -1);
	block_start(&c, 6, &at);
	put32(&c, 0);
	put32(&c, 0);
	put32(&c, 0);
	put32(&c, 100); /* caplen past the block */
	put32(&c, 100);
	block_end(&c, at);
	expect_error(&c, 0, "packet data past the end");
	c.n = at;
	epb(&c, 3, 0, frame_b, sizeof(frame_b));
	expect_error(&c, 0, "undeclared interface");
	c.n = at;
	put32(&c, 6);
	put32(&c, 17 << 20);
	expect_error(&c, 0, "longer than 16 MiB");
	c.n = at;
	put32(&c, 6);
	put32(&c, 14);
	expect_error(&c, 0, "bad block length");
	c.n = at;
	epb(&c, 0, 0, frame_b, sizeof(frame_b));
	c.b[c.n - 4] ^= 4;
	expect_error(&c, 0, "lengths disagree");
	c.n = 0;
	put32(&c, 1);
	put32(&c, 12);
	put32(&c, 12);
	expect_error(&c, 0, "byte offset 0: not a pcap");
}

/* tcpdump's frame count for path, or -1 when tcpdump is not there. */
static long tcpdump_count(const char *path)
{
	char cmd[8400];
	long count = -1;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "tcpdump -r '%s' -nn -q 2>/dev/null | wc -l",
	         path);
	fp = popen(cmd, "r");
	if (fp == NULL)
		return -1;
	if (fscanf(fp, "%ld", &count) != 1)
		count = -1;
	pclose(fp);
	return count;
}

static bool is_capture(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".pcap") == 0) ||
	       (n > 7 && strcmp(name + n - 7, ".pcapng") == 0);
}

static void test_pcap__shared_captures(void **state)
{
	static const char *const dirs[] = { "pcap/ndpi", "pcap/hospital" };
	struct tplc_wire_stats st = { 0 };
	size_t files = 0, equal = 0;

	(void)state;
	if (system("command -v tcpdump >/dev/null 2>&1") != 0)
		skip();
	for (size_t d = 0; d < 2; d++) {
		char dir[4096];
		struct dirent *e;
		DIR *dp;

		snprintf(dir, sizeof(dir), "%s", tplt_shared(dirs[d]));
		dp = opendir(dir);
		assert_non_null(dp);
		while ((e = readdir(dp)) != NULL) {
			struct tplc_pcap *p = NULL;
			struct tplc_wire *w = NULL;
			struct tplc_error err;
			struct tplc_frame f;
			struct tplc_packet pk;
			char path[8300];
			long want, got = 0;
			int rc;

			if (!is_capture(e->d_name))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			want = tcpdump_count(path);
			assert_true(want >= 0);
			files++;
			assert_int_equal(tplc_pcap_open(&p, path, &err), 0);
			assert_int_equal(tplc_wire_new(&w, &err), 0);
			while ((rc = tplc_pcap_next(p, &f, &err)) == 1) {
				got++;
				assert_true(tplc_wire_decode(w, &f, &pk, &st) >=
				            0);
			}
			if (rc < 0)
				tplt_note("%s: %s (tcpdump stops there too)",
				          e->d_name, err.message);
			if (got == want)
				equal++;
			else
				tplt_note("%s: %ld frames, tcpdump %ld",
				          e->d_name, got, want);
			tplc_wire_free(w);
			tplc_pcap_close(p);
		}
		closedir(dp);
	}
	tplt_conformance("pcap reader: %zu/%zu captures, frames equal to "
	                 "tcpdump's, %llu malformed counted",
	                 equal, files, (unsigned long long)st.malformed);
	tplt_note("frames %llu ip4 %llu ip6 %llu tcp %llu udp %llu icmp %llu "
	          "other %llu fragments %llu reassembled %llu truncated %llu "
	          "unsupported link %llu",
	          (unsigned long long)st.frames, (unsigned long long)st.ip4,
	          (unsigned long long)st.ip6, (unsigned long long)st.tcp,
	          (unsigned long long)st.udp, (unsigned long long)st.icmp,
	          (unsigned long long)st.other,
	          (unsigned long long)st.fragments,
	          (unsigned long long)st.reassembled,
	          (unsigned long long)st.truncated,
	          (unsigned long long)st.unsupported_link);
	assert_true(files >= 39);
	assert_int_equal(equal, files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap__classic_variants),
		cmocka_unit_test(test_pcap__pcapng_sections),
		cmocka_unit_test(test_pcap__errors),
		cmocka_unit_test(test_pcap__shared_captures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

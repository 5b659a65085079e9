/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Capture files read in place over mmap: classic pcap (either byte order,
 * microsecond or nanosecond timestamps) and pcapng (sections in either
 * byte order, an interface table per section, EPB/SPB/OPB packets; other
 * blocks skipped).  Frames point into the mapping: nothing is copied.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tplc/wire.h"
#include "util/alloc.h"
#include "wire/bytes.h"

#define PCAP_BLOCK_MAX  ((size_t)16 << 20) /* one pcapng block */
#define PCAP_IF_MAX     256                /* interfaces per section */
#define PCAP_SOURCE_MAX 256

#define PCAP_MAGIC_USEC 0xa1b2c3d4u
#define PCAP_MAGIC_NSEC 0xa1b23c4du
#define PCAPNG_SHB      0x0a0d0d0au
#define PCAPNG_BOM      0x1a2b3c4du
#define PCAPNG_IDB      1u
#define PCAPNG_OPB      2u
#define PCAPNG_SPB      3u
#define PCAPNG_EPB      6u

struct pcap_if {
	int linktype;
	uint32_t snaplen;
	uint64_t units; /* timestamp units per second */
	int64_t offset; /* if_tsoffset, seconds */
};

struct tplc_pcap {
	const uint8_t *data;
	size_t len, pos;
	void *map; /* mmap'd file, or NULL for memory */
	size_t map_len;
	bool ng;      /* pcapng, else classic pcap */
	bool swap;    /* classic: file is big-endian; pcapng: section is */
	uint64_t div; /* classic: 1 (usec) or 1000 (nsec) */
	int linktype; /* classic */
	bool in_section;
	struct pcap_if ifs[PCAP_IF_MAX];
	size_t n_ifs;
	char source[PCAP_SOURCE_MAX];
};

static int pcap_fail(struct tplc_pcap *p, struct tplc_error *err, size_t off,
                     const char *what)
{
	return tplc_error_set_at(err, TPLC_EPARSE, p->source, 0, 0, NULL,
	                         "byte offset %zu: %s", off, what);
}

static uint16_t rd16(struct tplx_bytes *b, bool big)
{
	return big ? tplx_bytes_be16(b) : tplx_bytes_le16(b);
}

static uint32_t rd32(struct tplx_bytes *b, bool big)
{
	return big ? tplx_bytes_be32(b) : tplx_bytes_le32(b);
}

static uint64_t ts_to_usec(uint64_t ts, uint64_t units, int64_t offset)
{
	uint64_t sec, frac, usec;

	if (units == 1000000) /* the default: no 128-bit division */
		return ts + (uint64_t)offset * 1000000u;
	sec = ts / units;
	frac = ts % units;
	usec = (uint64_t)((unsigned __int128)frac * 1000000u / units);

	return (sec + (uint64_t)offset) * 1000000u + usec;
}

static int open_classic(struct tplc_pcap *p, uint32_t magic_le,
                        struct tplc_error *err)
{
	struct tplx_bytes b = tplx_bytes_make(p->data, p->len);
	uint32_t network;

	if (magic_le == PCAP_MAGIC_USEC || magic_le == PCAP_MAGIC_NSEC) {
		p->swap = false;
	} else {
		p->swap = true;
		magic_le = __builtin_bswap32(magic_le);
	}
	p->div = magic_le == PCAP_MAGIC_NSEC ? 1000 : 1;
	if (p->len < 24)
		return pcap_fail(p, err, p->len, "truncated pcap file header");
	tplx_bytes_skip(&b, 4 + 2 + 2 + 4 + 4 + 4);
	network = rd32(&b, p->swap);
	/* The upper bits carry FCS length flags (pcap-linktype(7)). */
	p->linktype = (int)(network & 0x0fffffffu) & 0xffff;
	p->pos = 24;
	return 0;
}

static int setup(struct tplc_pcap *p, struct tplc_error *err)
{
	struct tplx_bytes b = tplx_bytes_make(p->data, p->len);
	uint32_t magic = tplx_bytes_le32(&b);

	if (b.bad)
		return pcap_fail(p, err, 0, "too short for a capture file");
	if (magic == PCAP_MAGIC_USEC || magic == PCAP_MAGIC_NSEC ||
	    magic == __builtin_bswap32(PCAP_MAGIC_USEC) ||
	    magic == __builtin_bswap32(PCAP_MAGIC_NSEC))
		return open_classic(p, magic, err);
	if (magic == PCAPNG_SHB) {
		p->ng = true;
		p->pos = 0;
		return 0;
	}
	return pcap_fail(p, err, 0, "not a pcap or pcapng file (bad magic)");
}

int tplc_pcap_open_memory(struct tplc_pcap **out, const uint8_t *data,
                          size_t len, const char *source,
                          struct tplc_error *err)
{
	struct tplc_pcap *p;
	int error;

	*out = NULL;
	p = tplx_calloc(1, sizeof(*p));
	if (p == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	p->data = data;
	p->len = len;
	snprintf(p->source, sizeof(p->source), "%s",
	         source != NULL ? source : "<memory>");
	error = setup(p, err);
	if (error < 0) {
		tplx_free(p);
		return error;
	}
	*out = p;
	return 0;
}

int tplc_pcap_open(struct tplc_pcap **out, const char *path,
                   struct tplc_error *err)
{
	struct tplc_pcap *p = NULL;
	struct stat st;
	void *map = NULL;
	size_t len = 0;
	int fd, error = 0;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return tplc_error_set_at(err, TPLC_ENOINPUT, path, 0, 0, NULL,
		                         "%s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		error = tplc_error_set_at(err, TPLC_EIO, path, 0, 0, NULL,
		                          "not a regular file");
		goto out;
	}
	len = (size_t)st.st_size;
	if (len > 0) {
		/* populated at once: one pass in the kernel, not a fault per
		 * few pages on the packet path */
		map = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd,
		           0);
		if (map == MAP_FAILED) {
			map = NULL;
			error = tplc_error_set_at(err, TPLC_EIO, path, 0, 0,
			                          NULL, "mmap: %s",
			                          strerror(errno));
			goto out;
		}
		(void)madvise(map, len, MADV_SEQUENTIAL);
	}
	error = tplc_pcap_open_memory(&p, map, len, path, err);
	if (error < 0)
		goto out;
	p->map = map;
	p->map_len = len;
	map = NULL;
	*out = p;
out:
	if (map != NULL)
		munmap(map, len);
	close(fd);
	return error;
}

void tplc_pcap_close(struct tplc_pcap *p)
{
	if (p == NULL)
		return;
	if (p->map != NULL)
		munmap(p->map, p->map_len);
	tplx_free(p);
}

static int next_classic(struct tplc_pcap *p, struct tplc_frame *out,
                        struct tplc_error *err)
{
	struct tplx_bytes b;
	uint32_t sec, frac, caplen, wirelen;

	if (p->pos >= p->len)
		return 0;
	tplx_bytes_init(&b, p->data + p->pos, p->len - p->pos);
	sec = rd32(&b, p->swap);
	frac = rd32(&b, p->swap);
	caplen = rd32(&b, p->swap);
	wirelen = rd32(&b, p->swap);
	if (b.bad)
		return pcap_fail(p, err, p->pos, "truncated record header");
	if (caplen > TPLC_WIRE_SNAP_MAX)
		return pcap_fail(p, err, p->pos,
		                 "record longer than TPLC_WIRE_SNAP_MAX");
	out->data = tplx_bytes_take(&b, caplen);
	if (out->data == NULL)
		return pcap_fail(p, err, p->pos, "truncated record");
	out->ts_usec = (uint64_t)sec * 1000000u + frac / p->div;
	out->caplen = caplen;
	out->wirelen = wirelen;
	out->linktype = p->linktype;
	p->pos += b.pos;
	return 1;
}

/* The section header: its byte order decides how the rest is read. */
static int read_shb(struct tplc_pcap *p, const uint8_t *blk, size_t avail,
                    struct tplc_error *err)
{
	struct tplx_bytes b = tplx_bytes_make(blk, avail);
	uint32_t bom;

	tplx_bytes_skip(&b, 8);
	bom = tplx_bytes_le32(&b);
	if (b.bad)
		return pcap_fail(p, err, p->pos, "truncated section header");
	if (bom == PCAPNG_BOM)
		p->swap = false;
	else if (bom == __builtin_bswap32(PCAPNG_BOM))
		p->swap = true;
	else
		return pcap_fail(p, err, p->pos + 8,
		                 "bad pcapng byte-order magic");
	p->in_section = true;
	p->n_ifs = 0;
	return 0;
}

static int read_idb(struct tplc_pcap *p, struct tplx_bytes *b, size_t body,
                    struct tplc_error *err)
{
	struct pcap_if *ifc;
	size_t end = b->pos + body;

	if (p->n_ifs >= PCAP_IF_MAX)
		return pcap_fail(p, err, p->pos, "too many interfaces");
	ifc = &p->ifs[p->n_ifs];
	ifc->linktype = rd16(b, p->swap);
	tplx_bytes_skip(b, 2);
	ifc->snaplen = rd32(b, p->swap);
	ifc->units = 1000000;
	ifc->offset = 0;
	while (!b->bad && b->pos + 4 <= end) {
		uint16_t code = rd16(b, p->swap), olen = rd16(b, p->swap);
		size_t at = b->pos;

		if (code == 0)
			break;
		if (code == 9 && olen >= 1) { /* if_tsresol */
			uint8_t v = tplx_bytes_peek(b, 0);
			unsigned e = v & 0x7fu;

			if ((v & 0x80) ? e > 63 : e > 19)
				return pcap_fail(p, err, p->pos,
				                 "bad if_tsresol");
			ifc->units = 1;
			for (unsigned i = 0; i < e; i++)
				ifc->units *= (v & 0x80) ? 2u : 10u;
		} else if (code == 14 && olen >= 8) { /* if_tsoffset */
			struct tplx_bytes o = *b;
			uint64_t hi = rd32(&o, p->swap), lo = rd32(&o, p->swap);

			ifc->offset = p->swap ? (int64_t)(hi << 32 | lo)
			                      : (int64_t)(lo << 32 | hi);
		}
		tplx_bytes_skip(b, ((size_t)olen + 3) & ~(size_t)3);
		if (b->pos > end || b->pos < at)
			break;
	}
	if (b->bad)
		return pcap_fail(p, err, p->pos, "truncated interface block");
	p->n_ifs++;
	return 0;
}

/* One packet block: EPB, OPB or SPB.  1 a frame, else an error. */
static int read_packet(struct tplc_pcap *p, uint32_t type, struct tplx_bytes *b,
                       size_t body, struct tplc_frame *out,
                       struct tplc_error *err)
{
	uint32_t ifid = 0, caplen, wirelen;
	uint64_t ts = 0;
	const struct pcap_if *ifc;

	if (type == PCAPNG_SPB) {
		wirelen = rd32(b, p->swap);
		caplen = body >= 4 ? (uint32_t)(body - 4) : 0;
		if (caplen > wirelen)
			caplen = wirelen;
	} else {
		if (type == PCAPNG_EPB) {
			ifid = rd32(b, p->swap);
		} else {
			ifid = rd16(b, p->swap);
			tplx_bytes_skip(b, 2);
		}
		ts = (uint64_t)rd32(b, p->swap) << 32;
		ts |= rd32(b, p->swap);
		caplen = rd32(b, p->swap);
		wirelen = rd32(b, p->swap);
	}
	if (b->bad)
		return pcap_fail(p, err, p->pos, "truncated packet block");
	if (ifid >= p->n_ifs)
		return pcap_fail(p, err, p->pos,
		                 "packet on an undeclared interface");
	ifc = &p->ifs[ifid];
	if (type == PCAPNG_SPB && ifc->snaplen != 0 && caplen > ifc->snaplen)
		caplen = ifc->snaplen;
	if (caplen > TPLC_WIRE_SNAP_MAX)
		return pcap_fail(p, err, p->pos,
		                 "packet longer than TPLC_WIRE_SNAP_MAX");
	out->data = tplx_bytes_take(b, caplen);
	if (out->data == NULL)
		return pcap_fail(p, err, p->pos,
		                 "packet data past the end of its block");
	out->caplen = caplen;
	out->wirelen = wirelen;
	out->linktype = ifc->linktype;
	out->ts_usec = ts_to_usec(ts, ifc->units, ifc->offset);
	return 1;
}

static int next_ng(struct tplc_pcap *p, struct tplc_frame *out,
                   struct tplc_error *err)
{
	for (;;) {
		struct tplx_bytes b;
		uint32_t type, blen, blen2;
		size_t avail = p->len - p->pos;
		int rc = 0;

		if (p->pos >= p->len)
			return 0;
		tplx_bytes_init(&b, p->data + p->pos, avail);
		type = rd32(&b, p->swap);
		if (type == PCAPNG_SHB) {
			rc = read_shb(p, b.p, avail, err);
			if (rc < 0)
				return rc;
		} else if (!p->in_section) {
			return pcap_fail(p, err, p->pos,
			                 "block before a section header");
		}
		blen = rd32(&b, p->swap);
		if (b.bad)
			return pcap_fail(p, err, p->pos,
			                 "truncated block header");
		if (blen < 12 || blen % 4 != 0)
			return pcap_fail(p, err, p->pos, "bad block length");
		if (blen > PCAP_BLOCK_MAX)
			return pcap_fail(p, err, p->pos,
			                 "block longer than 16 MiB");
		if (blen > avail)
			return pcap_fail(p, err, p->pos, "truncated block");
		tplx_bytes_init(&b, p->data + p->pos + blen - 4, 4);
		blen2 = rd32(&b, p->swap);
		if (blen2 != blen)
			return pcap_fail(p, err, p->pos,
			                 "block lengths disagree");
		tplx_bytes_init(&b, p->data + p->pos + 8, blen - 12);
		if (type == PCAPNG_IDB)
			rc = read_idb(p, &b, blen - 12, err);
		else if (type == PCAPNG_EPB || type == PCAPNG_OPB ||
		         type == PCAPNG_SPB)
			rc = read_packet(p, type, &b, blen - 12, out, err);
		if (rc < 0)
			return rc;
		p->pos += blen;
		if (rc == 1)
			return 1;
	}
}

int tplc_pcap_next(struct tplc_pcap *p, struct tplc_frame *out,
                   struct tplc_error *err)
{
	memset(out, 0, sizeof(*out));
	return p->ng ? next_ng(p, out, err) : next_classic(p, out, err);
}

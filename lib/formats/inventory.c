/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hospital inventory, as a CMMS exports it to CSV.  Columns are found
 * by name (many spellings, see columns[]); values are checked and
 * normalised, and the first bad one fails the import with its location:
 * "inventory.csv:12:27: MAC Address: malformed MAC address ...".
 */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tplc/inventory.h"
#include "tplc/priority.h"
#include "tplc/raci.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/csv.h"

enum kind {
	TEXT,
	MAC,
	IP,
	DATE,
	FUNCTION,
	EXPOSURE,
	CONTROLS,
	REQUIREMENT,
	DEPLOYMENT
};

/*
 * Canonical name first, then aliases, all written the way headers are
 * compared: lowercase without ' ', '_', '-', '/' and '.'.
 */
static const struct column {
	const char *names[7];
	const char *display; /* for "missing required column" */
	size_t offset;       /* of the string in struct tplc_device */
	enum kind kind;
	bool required;
} columns[] = {
	{ { "assettag", "assetid", "equipmentid", "tag", "assetnumber" },
	  "Asset Tag",
	  offsetof(struct tplc_device, asset_tag),
	  TEXT,
	  true },
	{ { "serial", "serialnumber", "sn" },
	  "Serial Number",
	  offsetof(struct tplc_device, serial),
	  TEXT,
	  false },
	{ { "manufacturer", "vendor", "make", "mfr" },
	  "Manufacturer",
	  offsetof(struct tplc_device, manufacturer),
	  TEXT,
	  true },
	{ { "model", "modelname", "modelnumber" },
	  "Model",
	  offsetof(struct tplc_device, model),
	  TEXT,
	  true },
	{ { "version", "softwareversion", "swversion", "firmware",
	    "firmwareversion" },
	  "Software Version",
	  offsetof(struct tplc_device, version),
	  TEXT,
	  false },
	{ { "mac", "macaddress" },
	  "MAC Address",
	  offsetof(struct tplc_device, mac),
	  MAC,
	  false },
	{ { "ip", "ipaddress" },
	  "IP Address",
	  offsetof(struct tplc_device, ip),
	  IP,
	  false },
	{ { "hostname", "devicename", "networkname" },
	  "Hostname",
	  offsetof(struct tplc_device, hostname),
	  TEXT,
	  false },
	{ { "aetitle", "ae", "dicomaetitle", "dicomae" },
	  "AE Title",
	  offsetof(struct tplc_device, ae_title),
	  TEXT,
	  false },
	{ { "site", "facility", "campus" },
	  "Site",
	  offsetof(struct tplc_device, site),
	  TEXT,
	  false },
	{ { "location", "room", "buildingroom" },
	  "Location",
	  offsetof(struct tplc_device, location),
	  TEXT,
	  false },
	{ { "department", "dept", "costcenter" },
	  "Department",
	  offsetof(struct tplc_device, department),
	  TEXT,
	  false },
	{ { "clinicalfunction", "function", "category", "deviceclass" },
	  "Clinical Function",
	  offsetof(struct tplc_device, clinical_function),
	  FUNCTION,
	  false },
	{ { "installdate", "installed", "acceptancedate", "inservicedate" },
	  "Install Date",
	  offsetof(struct tplc_device, install_date),
	  DATE,
	  false },
	{ { "eoldate", "endoflife", "eol" },
	  "End of Life",
	  offsetof(struct tplc_device, eol_date),
	  DATE,
	  false },
	{ { "eosdate", "endofsupport", "eos" },
	  "End of Support",
	  offsetof(struct tplc_device, eos_date),
	  DATE,
	  false },
	{ { "exposure", "networkexposure", "reachability" },
	  "Exposure",
	  offsetof(struct tplc_device, exposure),
	  EXPOSURE,
	  false },
	{ { "segment", "networksegment", "networkzone", "zone", "vlan" },
	  "Network Segment",
	  offsetof(struct tplc_device, segment),
	  TEXT,
	  false },
	{ { "controls", "compensatingcontrols", "mitigations" },
	  "Compensating Controls",
	  offsetof(struct tplc_device, controls),
	  CONTROLS,
	  false },
	{ { "cr", "confidentialityrequirement" },
	  "Confidentiality Requirement",
	  offsetof(struct tplc_device, cr),
	  REQUIREMENT,
	  false },
	{ { "ir", "integrityrequirement" },
	  "Integrity Requirement",
	  offsetof(struct tplc_device, ir),
	  REQUIREMENT,
	  false },
	{ { "ar", "availabilityrequirement" },
	  "Availability Requirement",
	  offsetof(struct tplc_device, ar),
	  REQUIREMENT,
	  false },
	{ { "deployment", "managedby", "deploymenttype" },
	  "Deployment",
	  offsetof(struct tplc_device, deployment),
	  DEPLOYMENT,
	  false },
};

#define NCOLUMNS  (sizeof(columns) / sizeof(columns[0]))
#define NO_COLUMN ((size_t)-1)
/* Longest header name (normalised) that can match a column. */
#define HEADER_NAME_MAX 32

/* Clinical functions and the words we take for them (normalised too). */
static const struct {
	const char *value;
	const char *words[6];
} functions[] = {
	{ "therapy",
	  { "therapy", "therapeutic", "treatment", "lifesupport",
	    "infusion" } },
	{ "diagnosis",
	  { "diagnosis", "diagnostic", "diagnostics", "imaging",
	    "laboratory" } },
	{ "monitoring", { "monitoring", "monitor", "patientmonitoring" } },
	{ "workflow", { "workflow", "clinicalworkflow" } },
	{ "data", { "data", "patientdata" } },
};

struct parser {
	struct tplx_csv csv;
	struct tplx_arena *arena;
	struct tplc_inventory *inv;  /* in arena */
	size_t column[NCOLUMNS];     /* CSV column of each, or NO_COLUMN */
	const char **header_names;   /* arena: names as written */
	struct tplc_device *devices; /* heap while reading */
	size_t count, cap;
	size_t *seen; /* open addressing: device index + 1, 0 = empty */
	size_t seen_cap;
	struct tplc_error *err;
};

static int nomem(struct parser *p)
{
	return tplc_error_set(p->err, TPLC_ENOMEM, "out of memory");
}

/* Lowercase without ' ', '_', '-', '/', '.'; "" when too long to match. */
static void normalise(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		char c = *s;
		if (c == ' ' || c == '_' || c == '-' || c == '/' || c == '.' ||
		    c == '\t')
			continue;
		if (n + 1 == size) {
			n = 0;
			break;
		}
		out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
}

/* Trimmed [*start, *start + *len) of s. */
static void trim_span(const char *s, size_t len, const char **start,
                      size_t *out_len)
{
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	                   s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	*start = s;
	*out_len = len;
}

static int read_header(struct parser *p)
{
	const struct tplx_csv_field *f;
	char name[HEADER_NAME_MAX];
	const char **unknown;
	size_t n, i, k, j, nunknown = 0;
	int error;

	error = tplx_csv_next(&p->csv, &f, &n, p->err);
	if (error < 0)
		return error;
	if (error == 0)
		return tplc_error_set_at(p->err, TPLC_EPARSE, p->csv.source, 1,
		                         1, NULL,
		                         "empty file: expected a header row "
		                         "(Asset Tag,Manufacturer,Model,...)");
	p->header_names = tplx_arena_array(p->arena, n, sizeof(char *));
	unknown = tplx_arena_array(p->arena, n, sizeof(char *));
	if (p->header_names == NULL || unknown == NULL)
		return nomem(p);
	for (k = 0; k < NCOLUMNS; k++)
		p->column[k] = NO_COLUMN;
	for (i = 0; i < n; i++) {
		const char *s;
		size_t len;
		bool known = false;

		trim_span(f[i].text, f[i].len, &s, &len);
		p->header_names[i] = tplx_arena_strndup(p->arena, s, len);
		if (p->header_names[i] == NULL)
			return nomem(p);
		normalise(p->header_names[i], name, sizeof(name));
		for (k = 0; k < NCOLUMNS && !known && name[0] != '\0'; k++) {
			for (j = 0; j < 7 && columns[k].names[j] != NULL; j++) {
				if (strcmp(name, columns[k].names[j]) != 0)
					continue;
				if (p->column[k] != NO_COLUMN)
					return tplx_csv_fail(
					        &p->csv, &f[i],
					        p->header_names[i], p->err,
					        "duplicate column: \"%s\" "
					        "already gives the %s",
					        p->header_names[p->column[k]],
					        columns[k].display);
				p->column[k] = i;
				known = true;
				break;
			}
		}
		if (!known && len > 0)
			unknown[nunknown++] = p->header_names[i];
	}
	for (k = 0; k < NCOLUMNS; k++) {
		if (columns[k].required && p->column[k] == NO_COLUMN)
			return tplx_csv_fail(&p->csv, NULL, columns[k].display,
			                     p->err, "missing required column");
	}
	p->inv->unknown_columns = nunknown > 0 ? unknown : NULL;
	p->inv->unknown_column_count = nunknown;
	tplx_csv_set_columns(&p->csv, n);
	return 0;
}

/* ---- values ----------------------------------------------------------- */

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff into
 * out (18 bytes), lowercase with colons.  False when malformed.
 */
static bool parse_mac(const char *s, size_t len, char out[18])
{
	static const char hex[] = "0123456789abcdef";
	char digits[12];
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		char c = s[i];
		bool sep;

		if (len == 17)
			sep = i % 3 == 2 && (c == s[2]) &&
			      (c == ':' || c == '-');
		else if (len == 14)
			sep = (i == 4 || i == 9) && c == '.';
		else
			sep = false;
		if (sep)
			continue;
		if (hex_value(c) < 0 || n == 12 || (len == 17 && i % 3 == 2) ||
		    (len == 14 && (i == 4 || i == 9)))
			return false;
		digits[n++] = c;
	}
	if (n != 12 || (len != 12 && len != 14 && len != 17))
		return false;
	for (i = 0; i < 6; i++) {
		out[i * 3] = hex[hex_value(digits[2 * i])];
		out[i * 3 + 1] = hex[hex_value(digits[2 * i + 1])];
		out[i * 3 + 2] = i == 5 ? '\0' : ':';
	}
	return true;
}

static bool parse_ip(const char *s, size_t len, char out[INET6_ADDRSTRLEN])
{
	unsigned char addr[16];
	char text[INET6_ADDRSTRLEN];

	if (len >= sizeof(text))
		return false;
	memcpy(text, s, len);
	text[len] = '\0';
	if (inet_pton(AF_INET, text, addr) == 1)
		return inet_ntop(AF_INET, addr, out, INET6_ADDRSTRLEN) != NULL;
	if (inet_pton(AF_INET6, text, addr) == 1)
		return inet_ntop(AF_INET6, addr, out, INET6_ADDRSTRLEN) != NULL;
	return false;
}

/* min to max digits at *s as a number, *s moved past them; else -1. */
static long digits(const char **s, const char *end, size_t min, size_t max)
{
	const char *p = *s;
	long v = 0;
	size_t n = 0;

	while (p < end && n < max && *p >= '0' && *p <= '9') {
		v = v * 10 + (*p - '0');
		p++;
		n++;
	}
	if (n < min)
		return -1;
	*s = p;
	return v;
}

static bool real_date(long y, long m, long d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return m != 2 || d <= 28 || leap;
}

/*
 * YYYY-MM-DD, YYYY/MM/DD or (US order) MM/DD/YYYY, months and days with
 * one or two digits, into YYYY-MM-DD.  0, or -1 malformed, -2 no such day.
 */
static int parse_date(const char *s, size_t len, char out[11])
{
	const char *p = s, *end = s + len;
	long y, m, d;
	char sep;

	y = digits(&p, end, 4, 4);
	if (y >= 0) {
		if (p == end || (*p != '-' && *p != '/'))
			return -1;
		sep = *p++;
		m = digits(&p, end, 1, 2);
		if (m < 0 || p == end || *p++ != sep)
			return -1;
		d = digits(&p, end, 1, 2);
	} else {
		m = digits(&p, end, 1, 2);
		if (m < 0 || p == end || *p++ != '/')
			return -1;
		d = digits(&p, end, 1, 2);
		if (d < 0 || p == end || *p++ != '/')
			return -1;
		y = digits(&p, end, 4, 4);
	}
	if (y < 0 || m < 0 || d < 0 || p != end)
		return -1;
	if (!real_date(y, m, d))
		return -2;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}

static const char *parse_function(const char *s, size_t len)
{
	char text[HEADER_NAME_MAX], name[HEADER_NAME_MAX];
	size_t i, j;

	if (len >= sizeof(text))
		return NULL;
	memcpy(text, s, len);
	text[len] = '\0';
	normalise(text, name, sizeof(name));
	for (i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
		for (j = 0; j < 6 && functions[i].words[j] != NULL; j++)
			if (strcmp(name, functions[i].words[j]) == 0)
				return functions[i].value;
	return NULL;
}

/* An environment field's value in its canonical spelling into buf; NULL
 * (p->err says why) when it is not one. */
static const char *parse_environment(struct parser *p, enum kind kind,
                                     const char *s, size_t len, char *buf,
                                     size_t size)
{
	static const enum tplc_env_field fields[] = {
		[EXPOSURE] = TPLC_ENV_EXPOSURE,
		[CONTROLS] = TPLC_ENV_CONTROLS,
		[REQUIREMENT] = TPLC_ENV_REQUIREMENT,
	};
	char text[128];

	if (len >= sizeof(text)) {
		tplc_error_set(p->err, TPLC_ELIMIT,
		               "value longer than %zu bytes", sizeof(text) - 1);
		return NULL;
	}
	memcpy(text, s, len);
	text[len] = '\0';
	return tplc_env_canonical(fields[kind], text, buf, size, p->err) < 0
	               ? NULL
	               : buf;
}

/* One value into the device field of column k. */
static int set_value(struct parser *p, struct tplc_device *dev, size_t k,
                     const struct tplx_csv_field *f)
{
	const char *path = p->header_names[p->column[k]];
	const char **dst =
	        (const char **)(void *)((char *)dev + columns[k].offset);
	char buf[128]; /* an IPv6 address, a date, a list of controls */
	char why[TPLC_ERROR_MESSAGE_MAX];
	const char *s, *value = NULL;
	size_t len;
	int r;

	trim_span(f->text, f->len, &s, &len);
	if (len == 0) {
		if (k == 0)
			return tplx_csv_fail(&p->csv, f, path, p->err,
			                     "empty asset tag");
		return 0;
	}
	switch (columns[k].kind) {
	case TEXT:
		break;
	case MAC:
		if (!parse_mac(s, len, buf))
			return tplx_csv_fail(
			        &p->csv, f, path, p->err,
			        "malformed MAC address (expected "
			        "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff,"
			        " aabb.ccdd.eeff or 12 hex digits)");
		value = buf;
		break;
	case IP:
		if (!parse_ip(s, len, buf))
			return tplx_csv_fail(&p->csv, f, path, p->err,
			                     "malformed IP address");
		value = buf;
		break;
	case DATE:
		r = parse_date(s, len, buf);
		if (r != 0)
			return tplx_csv_fail(&p->csv, f, path, p->err, "%s",
			                     r == -2 ? "no such date"
			                             : "expected a date "
			                               "(YYYY-MM-DD, YYYY/MM/DD"
			                               " or MM/DD/YYYY)");
		value = buf;
		break;
	case FUNCTION:
		value = parse_function(s, len);
		if (value == NULL)
			return tplx_csv_fail(
			        &p->csv, f, path, p->err,
			        "unknown clinical function \"%.*s\""
			        " (allowed: therapy, diagnosis, "
			        "monitoring, workflow, data)",
			        len > 64 ? 64 : (int)len, s);
		break;
	case EXPOSURE:
	case CONTROLS:
	case REQUIREMENT:
		value = parse_environment(p, columns[k].kind, s, len, buf,
		                          sizeof(buf));
		if (value == NULL) {
			snprintf(why, sizeof(why), "%s", p->err->message);
			return tplx_csv_fail(&p->csv, f, path, p->err, "%s",
			                     why);
		}
		break;
	case DEPLOYMENT:
		if (len < sizeof(buf)) {
			memcpy(buf, s, len);
			buf[len] = '\0';
			r = tplc_deployment_parse(buf);
		} else {
			r = -1;
		}
		if (r < 0)
			return tplx_csv_fail(
			        &p->csv, f, path, p->err,
			        "unknown deployment \"%.*s\" (allowed: "
			        "hospital-managed, manufacturer-managed, "
			        "software-only)",
			        len > 64 ? 64 : (int)len, s);
		value = tplc_deployment_name((enum tplc_deployment)r);
		break;
	}
	*dst = value ? tplx_arena_strdup(p->arena, value)
	             : tplx_arena_strndup(p->arena, s, len);
	return *dst == NULL ? nomem(p) : 0;
}

/* ---- duplicate asset tags (per site) ---------------------------------- */

static size_t tag_hash(const struct tplc_device *d)
{
	uint64_t h = 14695981039346656037u;
	const char *s;

	for (s = d->site ? d->site : ""; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u; /* between site and tag */
	for (s = d->asset_tag; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static bool same_tag(const struct tplc_device *a, const struct tplc_device *b)
{
	return strcmp(a->asset_tag, b->asset_tag) == 0 &&
	       strcmp(a->site ? a->site : "", b->site ? b->site : "") == 0;
}

static int seen_grow(struct parser *p)
{
	size_t cap = p->seen_cap ? p->seen_cap * 2 : 64, i, j;
	size_t *table = tplx_calloc(cap, sizeof(*table));

	if (table == NULL)
		return nomem(p);
	for (i = 0; i < p->seen_cap; i++) {
		if (p->seen[i] == 0)
			continue;
		j = tag_hash(&p->devices[p->seen[i] - 1]) & (cap - 1);
		while (table[j] != 0)
			j = (j + 1) & (cap - 1);
		table[j] = p->seen[i];
	}
	tplx_free(p->seen);
	p->seen = table;
	p->seen_cap = cap;
	return 0;
}

/* Remember device i; fail if its tag is already used at its site. */
static int check_unique(struct parser *p, size_t i,
                        const struct tplx_csv_field *tag)
{
	const struct tplc_device *d = &p->devices[i];
	size_t j;

	if ((p->count) * 2 > p->seen_cap && seen_grow(p) != 0)
		return TPLC_ENOMEM;
	for (j = tag_hash(d) & (p->seen_cap - 1); p->seen[j] != 0;
	     j = (j + 1) & (p->seen_cap - 1)) {
		const struct tplc_device *o = &p->devices[p->seen[j] - 1];

		if (same_tag(o, d))
			return tplx_csv_fail(
			        &p->csv, tag, p->header_names[p->column[0]],
			        p->err,
			        "duplicate asset tag \"%.64s\" (first on line "
			        "%lu)%s%.64s",
			        d->asset_tag, o->source_line,
			        d->site ? " at site " : "",
			        d->site ? d->site : "");
	}
	p->seen[j] = i + 1;
	return 0;
}

/* ---- rows ------------------------------------------------------------- */

static bool blank_row(const struct tplx_csv_field *f, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < f[i].len; j++)
			if (f[i].text[j] != ' ' && f[i].text[j] != '\t')
				return false;
	return true;
}

static int read_row(struct parser *p, const struct tplx_csv_field *f)
{
	struct tplc_device *dev;
	size_t k;
	int error;

	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		void *v = tplx_reallocarray(p->devices, cap, sizeof(*dev));

		if (v == NULL)
			return nomem(p);
		p->devices = v;
		p->cap = cap;
	}
	dev = &p->devices[p->count];
	memset(dev, 0, sizeof(*dev));
	dev->source_line = tplx_csv_row_line(&p->csv);
	for (k = 0; k < NCOLUMNS; k++) {
		if (p->column[k] == NO_COLUMN)
			continue;
		error = set_value(p, dev, k, &f[p->column[k]]);
		if (error != 0)
			return error;
	}
	p->count++;
	return check_unique(p, p->count - 1, &f[p->column[0]]);
}

int tplc_inventory_parse_csv(struct tplc_inventory **out, const char *data,
                             size_t len, const char *source,
                             struct tplc_error *err)
{
	struct parser p;
	const struct tplx_csv_field *f;
	size_t n;
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.err = err;
	tplx_csv_init(&p.csv, data, len, source);
	p.arena = tplx_arena_new();
	if (p.arena == NULL ||
	    (p.inv = tplx_arena_alloc(p.arena, sizeof(*p.inv))) == NULL) {
		error = nomem(&p);
		goto out;
	}
	p.inv->arena = p.arena;
	error = read_header(&p);
	while (error == 0 && (error = tplx_csv_next(&p.csv, &f, &n, err)) > 0)
		error = blank_row(f, n) ? 0 : read_row(&p, f);
	if (error != 0)
		goto out;
	if (p.count > 0) {
		p.inv->devices =
		        tplx_arena_array(p.arena, p.count, sizeof(*p.devices));
		if (p.inv->devices == NULL) {
			error = nomem(&p);
			goto out;
		}
		memcpy(p.inv->devices, p.devices, p.count * sizeof(*p.devices));
	}
	p.inv->device_count = p.count;
	*out = p.inv;
	p.arena = NULL; /* now the caller's */
out:
	tplx_csv_release(&p.csv);
	tplx_free(p.devices);
	tplx_free(p.seen);
	tplx_arena_free(p.arena);
	return error;
}

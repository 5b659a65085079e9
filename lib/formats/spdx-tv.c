/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.2 / 2.3 tag-value into struct tplc_sbom (through spdx-build.h,
 * like the JSON reader): "Tag: value" lines, <text>...</text> values that
 * may span lines, '#' comments.  A PackageName, FileName, SnippetSPDXID
 * or LicenseID line opens a section; SPDXID names the document before
 * the first section and the package inside a package section.  Tags the
 * model does not use are skipped; errors say "file:line:col: Tag: why".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "formats/spdx-build.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"

/* One value, <text> included: a long licence text fits. */
#define SPDX_TV_VALUE_MAX ((size_t)4 * 1024 * 1024)
/* Checksums, and external references, of one package. */
#define SPDX_TV_PACKAGE_ITEMS_MAX 4096
/* Longer tags are not SPDX tags: skipped. */
#define SPDX_TV_TAG_MAX 64

enum section { SEC_DOCUMENT, SEC_PACKAGE, SEC_FILE, SEC_SNIPPET, SEC_LICENSE };

struct entry {
	char tag[SPDX_TV_TAG_MAX];
	char *value;                /* in the scratch arena, trimmed */
	unsigned long line, column; /* of the value */
};

struct tv {
	const char *data, *source;
	size_t len, pos;
	unsigned long line; /* lines consumed so far */
	struct tplc_error *err;
	struct tplc_spdx_build s;
	struct tplx_arena *scratch; /* values, freed with the parse */
	enum section section;
	const char *version, *doc_name;
	unsigned long version_line, version_column;
	bool doc_id;
	/* the package being read */
	bool in_package;
	struct tplc_spdx_package pkg;
	unsigned long pkg_line;
	struct tplc_spdx_checksum *sums;
	struct tplc_spdx_ref *refs;
	size_t sum_cap, ref_cap;
	unsigned long *pkg_lines; /* PackageName line of each component */
	size_t pkg_lines_cap;
};

static int fail(struct tv *t, unsigned long line, unsigned long column,
                const char *tag, const char *fmt, ...) TPLC_PRINTF(5, 6);

static int fail(struct tv *t, unsigned long line, unsigned long column,
                const char *tag, const char *fmt, ...)
{
	char message[TPLC_ERROR_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return tplc_error_set_at(t->err, TPLC_EPARSE, t->source, line, column,
	                         tag, "%s", message);
}

static int nomem(struct tv *t)
{
	return tplc_sbom_build_nomem(&t->s.b);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool is_tag_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static void count_lines(struct tv *t, size_t from, size_t to)
{
	const char *p = t->data + from, *end = t->data + to;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		t->line++;
		p++;
	}
}

/* 1-based column of the byte at offset. */
static unsigned long column_of(const struct tv *t, size_t offset)
{
	size_t start = offset;

	while (start > 0 && t->data[start - 1] != '\n')
		start--;
	return (unsigned long)(offset - start) + 1;
}

/* Where "</text>" starts at or after from, or NULL. */
static const char *find_close(const struct tv *t, size_t from)
{
	static const char close[] = "</text>";
	const char *p = t->data + from, *end = t->data + t->len;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= sizeof(close) - 1 &&
		    memcmp(p, close, sizeof(close) - 1) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* The value [start, end): trimmed, copied to the scratch arena. */
static int keep(struct tv *t, struct entry *e, size_t start, size_t end)
{
	while (start < end &&
	       (is_space(t->data[start]) || t->data[start] == '\n'))
		start++;
	while (end > start &&
	       (is_space(t->data[end - 1]) || t->data[end - 1] == '\n'))
		end--;
	if (end - start > SPDX_TV_VALUE_MAX)
		return tplc_error_set_at(t->err, TPLC_ELIMIT, t->source,
		                         e->line, e->column, e->tag,
		                         "value longer than %zu bytes",
		                         SPDX_TV_VALUE_MAX);
	e->value = tplx_arena_strndup(t->scratch, t->data + start, end - start);
	return e->value == NULL ? nomem(t) : 0;
}

/* A <text> value: up to </text>, which may be lines further on. */
static int text_value(struct tv *t, struct entry *e, size_t start, size_t eol)
{
	static const char close[] = "</text>";
	const char *end = find_close(t, start);
	size_t after, stop;
	int error;

	if (end == NULL)
		return fail(t, e->line, e->column, e->tag,
		            "<text> without </text>");
	stop = (size_t)(end - t->data);
	after = stop + sizeof(close) - 1;
	error = keep(t, e, start, stop);
	if (error != 0)
		return error;
	if (stop > eol)
		count_lines(t, eol, stop);
	for (; after < t->len && t->data[after] != '\n'; after++)
		if (!is_space(t->data[after]))
			return fail(t, t->line, column_of(t, after), e->tag,
			            "text after </text>");
	t->pos = after < t->len ? after + 1 : t->len;
	return 0;
}

/* The next "Tag: value"; *done at the end of the input. */
static int next_entry(struct tv *t, struct entry *e, bool *done)
{
	*done = false;
	while (t->pos < t->len) {
		size_t start = t->pos, eol, p, tag;
		const char *nl = memchr(t->data + start, '\n', t->len - start);

		eol = nl ? (size_t)(nl - t->data) : t->len;
		t->line++;
		for (p = start; p < eol && is_space(t->data[p]); p++)
			;
		if (p == eol || t->data[p] == '#') {
			t->pos = eol < t->len ? eol + 1 : t->len;
			continue;
		}
		for (tag = p; p < eol && is_tag_char(t->data[p]); p++)
			;
		if (p == tag || p == eol || t->data[p] != ':')
			return fail(t, t->line, p + 1 - start, NULL,
			            "expected \"Tag: value\"");
		e->tag[0] = '\0';
		if (p - tag < sizeof(e->tag)) {
			memcpy(e->tag, t->data + tag, p - tag);
			e->tag[p - tag] = '\0';
		}
		for (p++; p < eol && is_space(t->data[p]); p++)
			;
		e->line = t->line;
		e->column = p + 1 - start;
		if (eol - p >= 6 && memcmp(t->data + p, "<text>", 6) == 0)
			return text_value(t, e, p + 6, eol);
		t->pos = eol < t->len ? eol + 1 : t->len;
		return keep(t, e, p, eol);
	}
	*done = true;
	return 0;
}

/* ---- packages ------------------------------------------------------------ */

static int grow(struct tv *t, void *vec, size_t count, size_t *cap, size_t size)
{
	void *v;
	size_t n;

	memcpy(&v, vec, sizeof(v));
	if (count < *cap)
		return 0;
	n = *cap ? *cap * 2 : 8;
	v = tplx_reallocarray(v, n, size);
	if (v == NULL)
		return nomem(t);
	memcpy(vec, &v, sizeof(v));
	*cap = n;
	return 0;
}

/* The package read so far becomes a component. */
static int flush(struct tv *t)
{
	size_t index;
	int error;

	if (!t->in_package)
		return 0;
	t->in_package = false;
	if (t->pkg.id == NULL)
		return fail(t, t->pkg_line, 1, "PackageName",
		            "package \"%.64s\" has no SPDXID", t->pkg.name);
	t->pkg.checksums = t->sums;
	t->pkg.refs = t->refs;
	error = tplc_spdx_build_package(&t->s, &t->pkg, &index);
	if (error == 0)
		error = grow(t, &t->pkg_lines, index, &t->pkg_lines_cap,
		             sizeof(*t->pkg_lines));
	if (error == 0)
		t->pkg_lines[index] = t->pkg_line;
	return error;
}

/* "SHA1: d6a7...": algorithm and value. */
static int checksum(struct tv *t, const struct entry *e)
{
	char *colon = strchr(e->value, ':');
	struct tplc_spdx_checksum *c;
	int error;

	if (colon == NULL || colon == e->value || tplx_is_blank(colon + 1))
		return fail(t, e->line, e->column, e->tag,
		            "expected \"ALGORITHM: value\"");
	if (t->pkg.checksum_count == SPDX_TV_PACKAGE_ITEMS_MAX)
		return tplc_error_set_at(t->err, TPLC_ELIMIT, t->source,
		                         e->line, e->column, e->tag,
		                         "more than %d checksums",
		                         SPDX_TV_PACKAGE_ITEMS_MAX);
	error = grow(t, &t->sums, t->pkg.checksum_count, &t->sum_cap,
	             sizeof(*t->sums));
	if (error != 0)
		return error;
	*colon = '\0';
	c = &t->sums[t->pkg.checksum_count++];
	c->algorithm = tplx_trim(e->value);
	c->value = tplx_trim(colon + 1);
	return 0;
}

/* Split value into exactly n words separated by blanks (in place). */
static bool words(char *value, char **out, size_t n)
{
	size_t i;
	char *p = value;

	for (i = 0; i < n; i++) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return false;
		out[i] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0' && i + 1 < n)
			*p++ = '\0';
	}
	while (*p == ' ' || *p == '\t')
		*p++ = '\0';
	return *p == '\0';
}

/* "PACKAGE-MANAGER purl pkg:maven/...": category, type, locator. */
static int external_ref(struct tv *t, struct entry *e)
{
	char *w[3];
	struct tplc_spdx_ref *r;
	int error;

	if (!words(e->value, w, 3))
		return fail(t, e->line, e->column, e->tag,
		            "expected \"CATEGORY TYPE LOCATOR\"");
	if (t->pkg.ref_count == SPDX_TV_PACKAGE_ITEMS_MAX)
		return tplc_error_set_at(t->err, TPLC_ELIMIT, t->source,
		                         e->line, e->column, e->tag,
		                         "more than %d external references",
		                         SPDX_TV_PACKAGE_ITEMS_MAX);
	error = grow(t, &t->refs, t->pkg.ref_count, &t->ref_cap,
	             sizeof(*t->refs));
	if (error != 0)
		return error;
	r = &t->refs[t->pkg.ref_count++];
	r->category = w[0];
	r->type = w[1];
	r->locator = w[2];
	return 0;
}

static int package_tag(struct tv *t, struct entry *e)
{
	static const struct {
		const char *tag;
		size_t offset;
	} scalars[] = {
		{ "PackageVersion",
		  offsetof(struct tplc_spdx_package, version) },
		{ "PackageSupplier",
		  offsetof(struct tplc_spdx_package, supplier) },
		{ "PackageOriginator",
		  offsetof(struct tplc_spdx_package, originator) },
		{ "PackageLicenseConcluded",
		  offsetof(struct tplc_spdx_package, license_concluded) },
		{ "PackageLicenseDeclared",
		  offsetof(struct tplc_spdx_package, license_declared) },
		{ "PrimaryPackagePurpose",
		  offsetof(struct tplc_spdx_package, purpose) },
	};
	size_t i;

	if (strcmp(e->tag, "PackageChecksum") == 0)
		return checksum(t, e);
	if (strcmp(e->tag, "ExternalRef") == 0)
		return external_ref(t, e);
	for (i = 0; i < sizeof(scalars) / sizeof(*scalars); i++)
		if (strcmp(e->tag, scalars[i].tag) == 0) {
			const char *v = e->value;

			memcpy((char *)&t->pkg + scalars[i].offset, &v,
			       sizeof(v));
			return 0;
		}
	return 0;
}

/* ---- document ------------------------------------------------------------ */

static int open_section(struct tv *t, const struct entry *e, enum section s)
{
	int error = flush(t);

	t->section = s;
	if (error != 0 || s != SEC_PACKAGE)
		return error;
	if (tplx_is_blank(e->value))
		return fail(t, e->line, e->column, e->tag, "must not be empty");
	memset(&t->pkg, 0, sizeof(t->pkg));
	t->pkg.name = e->value;
	t->pkg_line = e->line;
	t->in_package = true;
	return 0;
}

static int spdx_id(struct tv *t, const struct entry *e)
{
	if (tplx_is_blank(e->value))
		return fail(t, e->line, e->column, e->tag, "must not be empty");
	if (t->section == SEC_PACKAGE) {
		if (t->pkg.id != NULL)
			return fail(t, e->line, e->column, e->tag,
			            "second SPDXID in one package");
		t->pkg.id = e->value;
		return 0;
	}
	if (t->section != SEC_DOCUMENT)
		return 0; /* a file's: files are not components */
	if (t->doc_id)
		return fail(t, e->line, e->column, e->tag,
		            "second SPDXID of the document");
	t->doc_id = true;
	/* not _document: that would also set the namespace */
	return tplc_sbom_build_str(&t->s.b, &t->s.document_id, e->value);
}

static int version(struct tv *t, const struct entry *e)
{
	int error;

	if (t->version != NULL)
		return fail(t, e->line, e->column, e->tag,
		            "SPDXVersion given twice");
	t->version = e->value;
	t->version_line = e->line;
	t->version_column = e->column;
	error = tplc_spdx_build_version(&t->s, e->value);
	if (error == TPLC_EUNSUPPORTED)
		return tplc_error_set_at(t->err, TPLC_EUNSUPPORTED, t->source,
		                         e->line, e->column, e->tag,
		                         "%.32s is not supported (SPDX 2.2 "
		                         "and 2.3 are)",
		                         e->value);
	if (error == TPLC_EPARSE)
		return fail(t, e->line, e->column, e->tag,
		            "expected \"SPDX-2.3\", found \"%.64s\"", e->value);
	return error;
}

static int relationship(struct tv *t, struct entry *e)
{
	char *w[3];

	if (!words(e->value, w, 3))
		return fail(t, e->line, e->column, e->tag,
		            "expected \"ELEMENT TYPE ELEMENT\"");
	return tplc_spdx_build_relationship(&t->s, w[0], w[1], w[2]);
}

static int entry(struct tv *t, struct entry *e)
{
	static const struct {
		const char *tag;
		enum section section;
	} sections[] = {
		{ "PackageName", SEC_PACKAGE },
		{ "FileName", SEC_FILE },
		{ "SnippetSPDXID", SEC_SNIPPET },
		{ "LicenseID", SEC_LICENSE },
	};
	size_t i;

	for (i = 0; i < sizeof(sections) / sizeof(*sections); i++)
		if (strcmp(e->tag, sections[i].tag) == 0)
			return open_section(t, e, sections[i].section);
	if (strcmp(e->tag, "SPDXVersion") == 0)
		return version(t, e);
	if (strcmp(e->tag, "SPDXID") == 0)
		return spdx_id(t, e);
	if (strcmp(e->tag, "DocumentName") == 0) {
		t->doc_name = e->value;
		return 0;
	}
	if (strcmp(e->tag, "DocumentNamespace") == 0)
		return tplc_sbom_build_str(&t->s.b, &t->s.b.sbom->serial,
		                           e->value);
	if (strcmp(e->tag, "Created") == 0)
		return tplc_spdx_build_created(&t->s, e->value);
	if (strcmp(e->tag, "Creator") == 0)
		return tplc_spdx_build_creator(&t->s, e->value);
	if (strcmp(e->tag, "Relationship") == 0)
		return relationship(t, e);
	if (strncmp(e->tag, "Package", 7) == 0 ||
	    strcmp(e->tag, "PrimaryPackagePurpose") == 0 ||
	    strcmp(e->tag, "ExternalRef") == 0) {
		if (t->section != SEC_PACKAGE)
			return fail(t, e->line, e->column, e->tag,
			            "outside a package");
		return package_tag(t, e);
	}
	return 0; /* a tag the model does not use */
}

/* What the document as a whole must have. */
static int finish_checks(struct tv *t)
{
	size_t later;
	int error;

	if (t->version == NULL)
		return fail(t, 1, 1, "SPDXVersion", "required tag is missing");
	if (!t->doc_id)
		return fail(t, 1, 1, "SPDXID",
		            "required tag is missing (the document's)");
	if (t->doc_name == NULL || tplx_is_blank(t->doc_name))
		return fail(t, 1, 1, "DocumentName", "required tag is missing");
	error = tplc_spdx_build_check_ids(&t->s, &later);
	if (error == TPLC_EPARSE)
		return fail(t, t->pkg_lines[later], 1, "SPDXID",
		            "SPDXID \"%.64s\" is not unique",
		            t->s.b.components[later].ref);
	return error;
}

static bool line_starts(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/*
 * Tag-value starts with "SPDXVersion:"; YAML with "---" or has a
 * top-level "spdxVersion:" key (the example starts with "SPDXID:").
 */
enum tplc_spdx_text tplc_spdx_sniff(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *first = NULL;
	bool tag_value = false;

	if (len == 0 || *p == '{' || *p == '[' || *p == '<')
		return TPLC_SPDX_OTHER;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (first == NULL && *p != '#' && *p != '\n' && *p != '\r') {
			first = p;
			if (line_starts(p, end, "SPDXVersion:"))
				return TPLC_SPDX_TAG_VALUE;
		}
		if (line_starts(p, end, "spdxVersion:"))
			return TPLC_SPDX_YAML;
		if (line_starts(p, end, "SPDXVersion:"))
			tag_value = true;
		p = nl ? nl + 1 : end;
	}
	if (first != NULL && line_starts(first, end, "---"))
		return TPLC_SPDX_YAML;
	return tag_value ? TPLC_SPDX_TAG_VALUE : TPLC_SPDX_OTHER;
}

int tplc_spdx_tv_parse(struct tplc_sbom **out, const char *data, size_t len,
                       const char *source, struct tplc_error *err)
{
	struct tv t;
	struct entry e;
	bool done = false;
	int error;

	*out = NULL;
	memset(&t, 0, sizeof(t));
	t.data = data;
	t.len = len;
	t.source = source ? source : "(input)";
	t.err = err;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		t.pos = 3;
	error = tplc_spdx_build_init(&t.s, err);
	if (error != 0)
		return error;
	t.scratch = tplx_arena_new();
	if (t.scratch == NULL)
		error = nomem(&t);
	while (error == 0 && !done) {
		error = next_entry(&t, &e, &done);
		if (error == 0 && !done)
			error = entry(&t, &e);
	}
	if (error == 0)
		error = flush(&t);
	if (error == 0)
		error = finish_checks(&t);
	if (error == 0)
		error = tplc_spdx_build_finish(&t.s, out);
	else
		tplc_spdx_build_abort(&t.s);
	tplx_free(t.sums);
	tplx_free(t.refs);
	tplx_free(t.pkg_lines);
	tplx_arena_free(t.scratch);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Documentation transfer (tplc/docs.h): the kinds of document, telling a
 * file's kind from its content, the file names a bundle may carry, and
 * the hashes and ids it is built from.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/docs.h"
#include "tplc/notice.h"
#include "util/json.h"
#include "util/str.h"

static const char *const kind_names[TPLC_DOCS_KINDS] = {
	"sbom",   "vex",         "mds2",      "mud",
	"notice", "test-report", "lifecycle", "other",
};

const char *tplc_docs_kind_name(int kind)
{
	return kind >= 0 && kind < TPLC_DOCS_KINDS ? kind_names[kind] : NULL;
}

int tplc_docs_kind_parse(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < TPLC_DOCS_KINDS; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *tplc_docs_name_problem(const char *name)
{
	size_t len = strlen(name), i;

	if (len == 0)
		return "empty file name";
	if (len > TPLC_DOCS_NAME_MAX)
		return "file name longer than 255 bytes";
	if (name[0] == '.' || name[0] == ' ')
		return "file name starts with '.' or a space";
	if (strstr(name, "..") != NULL)
		return "file name holds \"..\"";
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '/' || c == '\\')
			return "file name holds a path separator";
		if (c < 0x20 || c == 0x7f)
			return "file name holds a control character";
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || strchr("._-+~@= ", c)))
			return "file name holds a character other than "
			       "A-Z a-z 0-9 . _ - + ~ @ = and space";
	}
	return NULL;
}

void tplc_docs_random_id(char out[TPLC_DOCS_ID_HEX + 1])
{
	unsigned char id[TPLC_DOCS_ID_HEX / 2];

	if (sodium_init() < 0)
		abort();
	randombytes_buf(id, sizeof(id));
	sodium_bin2hex(out, TPLC_DOCS_ID_HEX + 1, id, sizeof(id));
}

/* ---- kind detection ----------------------------------------------------- */

/* The MDS2 (2019) form's question id prefixes. */
static const char *const mds2_sections[] = {
	"DOC",  "MPII", "ALOF", "AUDT", "AUTH", "CSUP", "DIDT", "DTBK", "EMRG",
	"IGAU", "MLDP", "NAUT", "CONN", "PAUT", "PLOK", "RDMP", "SBOM", "SAHD",
	"SGUD", "STCF", "TXCF", "TXIG", "RMOT", "OTHR", NULL,
};
/* Lines of a CSV looked at. */
#define MDS2_LINES_MAX 64

/* A line starting with an MDS2 id: SECTION-N[.N...] then ',' or end. */
static bool mds2_row(const char *s, const char *end)
{
	size_t i, n;

	if (s < end && *s == '"')
		s++;
	for (i = 0; mds2_sections[i] != NULL; i++) {
		n = strlen(mds2_sections[i]);
		if ((size_t)(end - s) > n &&
		    memcmp(s, mds2_sections[i], n) == 0 && s[n] == '-')
			break;
	}
	if (mds2_sections[i] == NULL)
		return false;
	s += strlen(mds2_sections[i]) + 1;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	while (s < end && ((*s >= '0' && *s <= '9') || *s == '.'))
		s++;
	return s == end || *s == ',' || *s == '"' || *s == '\r' || *s == ';';
}

/* Most non-blank lines of the first few start with MDS2 ids. */
static bool mds2_csv(const char *data, size_t len)
{
	const char *s = data, *end = data + len, *nl;
	size_t lines = 0, rows = 0;

	while (s < end && lines < MDS2_LINES_MAX) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		if (nl > s && !(nl == s + 1 && *s == '\r')) {
			lines++;
			if (mds2_row(s, nl))
				rows++;
		}
		s = nl + 1;
	}
	return rows > 0 && rows * 2 >= lines;
}

static bool nonempty_array(const struct tplx_json *node)
{
	return node != NULL && node->type == TPLX_JSON_ARRAY &&
	       node->u.array.count > 0;
}

static int json_kind(const struct tplx_json *root)
{
	const struct tplx_json *doc;
	const char *s;

	if (root->type != TPLX_JSON_OBJECT)
		return TPLC_DOCS_OTHER;
	if (tplx_streq(tplx_json_string(tplx_json_get(root, "payloadType")),
	               TPLC_NOTICE_TYPE) &&
	    tplx_json_get(root, "payload") != NULL)
		return TPLC_DOCS_NOTICE;
	if (tplx_streq(tplx_json_string(tplx_json_get(root, "bomFormat")),
	               "CycloneDX"))
		return nonempty_array(tplx_json_get(root, "vulnerabilities")) &&
		                       !nonempty_array(tplx_json_get(
		                               root, "components"))
		               ? TPLC_DOCS_VEX
		               : TPLC_DOCS_SBOM;
	if (tplx_json_get(root, "spdxVersion") != NULL)
		return TPLC_DOCS_SBOM;
	s = tplx_json_string(tplx_json_get(root, "@context"));
	if (s != NULL && tplx_starts_with(s, "https://openvex.dev/ns"))
		return TPLC_DOCS_VEX;
	doc = tplx_json_get(root, "document");
	if (tplx_streq(tplx_json_string(tplx_json_get(doc, "category")),
	               "csaf_vex"))
		return TPLC_DOCS_VEX;
	if (tplx_json_get(root, "ietf-mud:mud") != NULL)
		return TPLC_DOCS_MUD;
	return TPLC_DOCS_OTHER;
}

/* How far into an XML document its root element is looked for. */
#define XML_HEAD_MAX 4096

static int xml_kind(const char *data, size_t len)
{
	char head[XML_HEAD_MAX + 1];

	if (len > XML_HEAD_MAX)
		len = XML_HEAD_MAX;
	memcpy(head, data, len);
	head[len] = '\0';
	if (strstr(head, "http://cyclonedx.org/schema/bom/") != NULL ||
	    strstr(head, "<Document") != NULL ||
	    strstr(head, "http://spdx.org/rdf/terms") != NULL)
		return TPLC_DOCS_SBOM;
	return TPLC_DOCS_OTHER;
}

/* SPDX tag-value ("SPDXVersion: ...") or YAML ("spdxVersion: ...") near
 * the top. */
static bool spdx_text(const char *data, size_t len)
{
	const char *s = data,
	           *end = data + (len < XML_HEAD_MAX ? len : XML_HEAD_MAX);

	while (s < end) {
		if ((size_t)(end - s) >= 12 &&
		    (memcmp(s, "SPDXVersion:", 12) == 0 ||
		     memcmp(s, "spdxVersion:", 12) == 0))
			return true;
		s = memchr(s, '\n', (size_t)(end - s));
		if (s == NULL)
			break;
		s++;
	}
	return false;
}

int tplc_docs_kind_detect(const char *name, const char *data, size_t len)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	size_t skip = 0;
	int kind;

	if (name != NULL && tplx_ends_with(name, ".xlsx") && len >= 4 &&
	    memcmp(data, "PK\3\4", 4) == 0)
		return TPLC_DOCS_MDS2;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	while (skip < len && strchr(" \t\r\n", data[skip]) != NULL)
		skip++;
	if (skip == len)
		return TPLC_DOCS_OTHER;
	if (data[skip] == '{') {
		if (tplx_json_parse(&doc, data, len, name ? name : "file",
		                    &err) < 0)
			return TPLC_DOCS_OTHER;
		kind = json_kind(doc->root);
		tplx_json_doc_free(doc);
		return kind;
	}
	if (data[skip] == '<')
		return xml_kind(data + skip, len - skip);
	if (spdx_text(data + skip, len - skip))
		return TPLC_DOCS_SBOM;
	return mds2_csv(data + skip, len - skip) ? TPLC_DOCS_MDS2
	                                         : TPLC_DOCS_OTHER;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The shared XML walk: any bytes in, a tree or a located error out; then
 * every element's path, text and one attribute are read. */
#include <stddef.h>
#include <stdint.h>

#include "util/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void visit(const struct tplx_xml_doc *doc, const xmlNode *node,
                  unsigned depth)
{
	const xmlNode *child;
	struct tplc_error err;
	const char *s;
	char path[256];

	if (depth > 64)
		return;
	tplx_xml_path(node, "a", path, sizeof(path));
	(void)tplx_xml_attr(doc, node, "a", &s, &err);
	if (tplx_xml_child(node, NULL, NULL) == NULL)
		(void)tplx_xml_text(doc, node, &s, &err);
	for (child = tplx_xml_child(node, tplx_xml_ns(node), NULL);
	     child != NULL; child = tplx_xml_next(child, NULL, NULL))
		visit(doc, child, depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplx_xml_doc *doc = NULL;
	struct tplc_error err;

	if (tplx_xml_parse(&doc, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	visit(doc, tplx_xml_root(doc), 0);
	(void)tplx_xml_fail(doc, tplx_xml_root(doc), "x", &err, "fuzz");
	tplx_xml_doc_free(doc);
	return 0;
}

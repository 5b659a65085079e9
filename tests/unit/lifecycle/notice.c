/* SPDX-License-Identifier: Apache-2.0 */
/*
 * EOL/EOS notices (tplc/notice.h): a full notice survives write and
 * parse, the writer never emits what the parser refuses, and every
 * malformed member is refused with its JSON path.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/notice.h"
#include "tplc/sign.h"

static void test_notice__round_trip(void **state)
{
	static const char *const versions[] = { "1.2.0", "1.3.0" };
	static const struct tplc_notice_component comps[] = {
		{ "openssl", "1.1.1", "2023-09-11" },
		{ "Windows 10 IoT", NULL, NULL },
	};
	struct tplc_notice in = { 0 }, *out = NULL;
	struct tplc_error err;
	char *json = NULL;
	size_t len;

	(void)state;
	in.id = "EOL-2026-001";
	in.issued = "2026-11-25";
	in.delivery = "pushed";
	in.manufacturer = "Acme Medical";
	in.product = "InfuPump \"3000\"";
	in.versions = versions;
	in.version_count = 2;
	in.os = "Windows 10 IoT Enterprise";
	in.components = comps;
	in.component_count = 2;
	in.eol = "2028-01-31";
	in.eos = "2029-01-31";
	in.maintenance = "critical security patches\nonly";
	in.maintenance_until = "2029-01-31";
	in.controls = (1u << TPLC_NOTICE_CONTROL_FIREWALL) |
	              (1u << TPLC_NOTICE_CONTROL_BACKUP) |
	              (1u << TPLC_NOTICE_CONTROL_PHYSICAL_ACCESS);
	in.controls_notes = "disable SMBv1";
	in.replacement = "InfuPump 4000, trade-in";
	in.contact = "psirt@acme.example";
	assert_int_equal(tplc_notice_write(&in, &json, &len, &err), 0);
	assert_int_equal(strlen(json), len);
	assert_non_null(strstr(json, "\"product\":\"InfuPump \\\"3000\\\"\""));
	assert_non_null(strstr(json, "\"recommended\":[\"physical-access\","
	                             "\"firewall\",\"backup\"]"));
	assert_int_equal(tplc_notice_parse(&out, json, len, "n.json", &err), 0);
	assert_string_equal(out->id, in.id);
	assert_string_equal(out->issued, in.issued);
	assert_string_equal(out->delivery, "pushed");
	assert_string_equal(out->manufacturer, in.manufacturer);
	assert_string_equal(out->product, in.product);
	assert_int_equal(out->version_count, 2);
	assert_string_equal(out->versions[1], "1.3.0");
	assert_string_equal(out->os, in.os);
	assert_int_equal(out->component_count, 2);
	assert_string_equal(out->components[0].end_of_support, "2023-09-11");
	assert_null(out->components[1].version);
	assert_string_equal(out->components[1].name, "Windows 10 IoT");
	assert_string_equal(out->eol, in.eol);
	assert_string_equal(out->eos, in.eos);
	assert_string_equal(out->maintenance, in.maintenance);
	assert_string_equal(out->maintenance_until, in.maintenance_until);
	assert_int_equal(out->controls, in.controls);
	assert_string_equal(out->controls_notes, in.controls_notes);
	assert_string_equal(out->replacement, in.replacement);
	assert_string_equal(out->contact, in.contact);
	tplc_notice_free(out);
	tplc_free_string(json);
}

static void test_notice__writer_refuses_invalid(void **state)
{
	static const char *const versions[] = { "1.0" };
	struct tplc_notice n = { 0 };
	struct tplc_error err;
	char *json = (char *)"x";
	size_t len;

	(void)state;
	n.id = "EOL-1";
	n.issued = "2026-11-25";
	n.delivery = "pushed";
	n.manufacturer = "Acme";
	n.product = "Pump";
	n.versions = versions;
	n.version_count = 1;
	n.eol = "2029-01-01";
	n.eos = "2028-01-01";
	assert_int_equal(tplc_notice_write(&n, &json, &len, &err), TPLC_EPARSE);
	assert_null(json);
	assert_string_equal(err.path, "eos");
	n.eos = NULL;
	n.delivery = "email";
	assert_int_equal(tplc_notice_write(&n, &json, &len, &err), TPLC_EPARSE);
	assert_string_equal(err.path, "delivery");
}

static void test_notice__make_id(void **state)
{
	static const char *const v1[] = { "1.0" }, *const v2[] = { "1.1" };
	struct tplc_notice n = { 0 };
	char a[32], b[32], c[32];

	(void)state;
	n.manufacturer = "Acme";
	n.product = "Pump";
	n.versions = v1;
	n.version_count = 1;
	n.eol = "2029-01-01";
	n.issued = "2026-11-25";
	tplc_notice_make_id(&n, a, sizeof(a));
	tplc_notice_make_id(&n, b, sizeof(b));
	n.versions = v2;
	tplc_notice_make_id(&n, c, sizeof(c));
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 16);
	assert_memory_equal(a, "EOL-", 4);
}

#define HEAD                                                                   \
	"{\"id\":\"EOL-1\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\"," \
	"\"manufacturer\":\"Acme\",\"product\":\"Pump\","                      \
	"\"versions\":[\"1.0\"]"

struct bad_case {
	const char *json;
	const char *path;
	const char *reason;
};

static const struct bad_case bad_cases[] = {
	{ "{\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "id", "missing" },
	{ "{\"id\":\"EOL 1\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "id", "A-Z" },
	{ "{\"id\":\"E\",\"issued\":\"2026-13-01\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "issued", "date" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"email\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "delivery", "pushed" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":42,\"product\":\"P\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "manufacturer", "expected a string" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"\",\"versions\":[\"1\"],"
	  "\"eol\":\"2028-01-01\"}",
	  "product", "empty" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[],"
	  "\"eol\":\"2028-01-01\"}",
	  "versions", "1 to" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":[\"1\",2],"
	  "\"eol\":\"2028-01-01\"}",
	  "versions[1]", "expected a string" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\","
	  "\"versions\":[\"1\",\"2\",\"1\"],\"eol\":\"2028-01-01\"}",
	  "versions[2]", "twice" },
	{ "{\"id\":\"E\",\"issued\":\"2026-11-25\",\"delivery\":\"pushed\","
	  "\"manufacturer\":\"A\",\"product\":\"P\",\"versions\":\"1\","
	  "\"eol\":\"2028-01-01\"}",
	  "versions", "expected an array" },
	{ HEAD ",\"eol\":\"2028-01-01\",\"components\":[{\"version\":\"1\"}]}",
	  "components[0].name", "missing" },
	{ HEAD ",\"eol\":\"2028-01-01\",\"components\":[{\"name\":\"a\"},"
	       "{\"name\":\"b\",\"endOfSupport\":\"2023-02-29\"}]}",
	  "components[1].endOfSupport", "date" },
	{ HEAD ",\"eol\":\"2028-01-01\",\"components\":[{\"name\":\"a\","
	       "\"cpe\":\"x\"}]}",
	  "components[0].cpe", "unknown member" },
	{ HEAD ",\"eol\":\"2028-01-01\",\"components\":[\"openssl\"]}",
	  "components[0]", "expected an object" },
	{ HEAD ",\"eol\":\"2028-02-30\"}", "eol", "date" },
	{ HEAD ",\"eol\":\"2028-01-01T00:00:00Z\"}", "eol", "date" },
	{ HEAD ",\"eol\":\"2028-01-01\",\"eos\":\"2027-12-31\"}", "eos",
	  "before eol" },
	{ HEAD "}", "(root)", "neither" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"remainingMaintenance\":"
	       "{\"description\":\"patches\",\"until\":\"soon\"}}",
	  "remainingMaintenance.until", "date" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"remainingMaintenance\":"
	       "{\"until\":\"2028-01-01\"}}",
	  "remainingMaintenance.description", "missing" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"remainingMaintenance\":\"yes\"}",
	  "remainingMaintenance", "expected an object" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"compensatingControls\":"
	       "{\"recommended\":[\"firewall\",\"prayer\"]}}",
	  "compensatingControls.recommended[1]", "N70" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"compensatingControls\":"
	       "{\"recommended\":[\"backup\",\"backup\"]}}",
	  "compensatingControls.recommended[1]", "twice" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"compensatingControls\":{}}",
	  "compensatingControls", "no control" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"price\":1}", "price",
	  "unknown member" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"contact\":\"\"}", "contact",
	  "empty" },
	{ HEAD ",\"eos\":\"2028-01-01\",\"replacement\":[]}", "replacement",
	  "expected a string" },
	{ "[]", "(root)", "expected an object" },
};

static void test_notice__malformed_paths(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct tplc_notice *n = (struct tplc_notice *)1;
		struct tplc_error err;
		int rc;

		memset(&err, 0, sizeof(err));
		rc = tplc_notice_parse(&n, c->json, strlen(c->json), "n.json",
		                       &err);
		if (rc != TPLC_EPARSE || strcmp(err.path, c->path) != 0 ||
		    strstr(err.message, c->reason) == NULL)
			fail_msg("case %zu: rc %d path '%s' message '%s'; "
			         "want path '%s' with '%s'",
			         i, rc, err.path, err.message, c->path,
			         c->reason);
		assert_null(n);
		assert_string_equal(err.file, "n.json");
	}
	tplt_conformance("notice: %zu/%zu malformed members refused with "
	                 "their JSON path",
	                 i, sizeof(bad_cases) / sizeof(bad_cases[0]));
}

static void test_notice__minimal_and_limits(void **state)
{
	const char *ok = HEAD ",\"eos\":\"2028-01-01\"}";
	struct tplc_notice *n = NULL;
	struct tplc_error err;
	char *big;

	(void)state;
	assert_int_equal(tplc_notice_parse(&n, ok, strlen(ok), "n", &err), 0);
	assert_null(n->eol);
	assert_null(n->contact);
	assert_int_equal(n->component_count, 0);
	tplc_notice_free(n);
	big = test_calloc(1, TPLC_NOTICE_MAX + 2);
	memset(big, ' ', TPLC_NOTICE_MAX + 1);
	assert_int_equal(
	        tplc_notice_parse(&n, big, TPLC_NOTICE_MAX + 1, "n", &err),
	        TPLC_ELIMIT);
	test_free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notice__round_trip),
		cmocka_unit_test(test_notice__writer_refuses_invalid),
		cmocka_unit_test(test_notice__make_id),
		cmocka_unit_test(test_notice__malformed_paths),
		cmocka_unit_test(test_notice__minimal_and_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/mud.h"
#include "util/alloc.h"

#define LUMINAIRE "mud/luminaire/fs/Luminaire_150.json"

/* text with the first occurrence of old replaced (test-owned). */
static char *replace(const char *text, const char *old, const char *new)
{
	const char *at = strstr(text, old);
	size_t n = strlen(text) + strlen(new) + 1;
	char *out;

	if (at == NULL)
		fail_msg("fixture lacks '%s'", old);
	out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, "%.*s%s%s", (int)(at - text), text, new,
	         at + strlen(old));
	return out;
}

static void test_parse__luminaire(void **state)
{
	struct tplc_mud *mud = NULL;
	struct tplc_error err;
	size_t len;
	char *text = tplt_read_file(tplt_shared(LUMINAIRE), &len);
	const struct tplc_mud_acl *to, *fr;

	(void)state;
	assert_int_equal(tplc_mud_parse(&mud, text, len, LUMINAIRE, &err), 0);
	free(text);
	assert_string_equal(mud->url,
	                    "https://luminaire.example.com/Luminaire_150");
	assert_int_equal(mud->version, 1);
	assert_int_equal(mud->cache_validity, 48);
	assert_true(mud->is_supported);
	assert_string_equal(mud->systeminfo, "MUD-enabled Luminaire");
	assert_int_equal(mud->acl_count, 2);
	to = &mud->acls[0];
	fr = &mud->acls[1];
	assert_string_equal(to->name, "mud-21966-v4to");
	assert_int_equal(to->dir, TPLC_MUD_TO_DEVICE);
	assert_int_equal(fr->dir, TPLC_MUD_FROM_DEVICE);
	assert_int_equal(to->family, 4);
	assert_int_equal(fr->ace_count, 3);
	assert_string_equal(fr->aces[0].name, "cl0-frdev");
	assert_int_equal(fr->aces[0].peer, TPLC_MUD_PEER_DNSNAME);
	assert_string_equal(fr->aces[0].peer_value,
	                    "fw-update.luminaire.example.com");
	assert_int_equal(fr->aces[0].proto, 6);
	assert_int_equal(fr->aces[0].initiated, TPLC_MUD_FROM_DEVICE);
	assert_true(fr->aces[0].dst_port.set);
	assert_int_equal(fr->aces[0].dst_port.lo, 443);
	assert_int_equal(fr->aces[0].dst_port.hi, 443);
	assert_false(fr->aces[0].src_port.set);
	assert_int_equal(fr->aces[1].peer, TPLC_MUD_PEER_MY_CONTROLLER);
	assert_int_equal(fr->aces[1].proto, 17);
	assert_int_equal(fr->aces[2].peer, TPLC_MUD_PEER_LOCAL_NETWORKS);
	/* to-device: the peer is the source */
	assert_int_equal(to->aces[0].peer, TPLC_MUD_PEER_DNSNAME);
	assert_true(to->aces[0].src_port.set);
	assert_true(to->aces[0].accept);
	tplc_mud_free(mud);
}

/* The same file in the pre-RFC draft spelling gives the same profile. */
static void test_parse__draft_forms(void **state)
{
	struct tplc_mud *mud = NULL;
	struct tplc_error err;
	char msg[512];
	size_t len;
	char *text = tplt_read_file(tplt_shared(LUMINAIRE), &len);
	char *a = replace(text, "ietf-access-control-list:acls",
	                  "ietf-access-control-list:access-lists");
	char *b = replace(a, "\"aces\"", "\"access-list-entries\"");
	char *c = replace(b, "\"ipv4-acl-type\"", "\"ipv4-acl\"");
	char *d = replace(c,
	                  "\"destination-port\": {\n"
	                  "                    \"operator\": \"eq\",\n"
	                  "                    \"port\": 443\n",
	                  "\"destination-port-range\": {\n"
	                  "\"lower-port\": 443, \"upper-port\": 443\n");
	char *e =
	        replace(d, "\"ietf-mud:direction-initiated\": \"from-device\"",
	                "\"tcp-metadata\": {\"direction-initiated\": "
	                "\"from-device\"}");
	int error;

	(void)state;
	error = tplc_mud_parse(&mud, e, strlen(e), "draft", &err);
	if (error != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_int_equal(mud->acl_count, 2);
	assert_int_equal(mud->acls[0].family, 4);
	assert_int_equal(mud->acls[0].ace_count, 3);
	assert_int_equal(mud->acls[0].aces[0].initiated, TPLC_MUD_FROM_DEVICE);
	assert_int_equal(mud->acls[1].aces[0].dst_port.lo, 443);
	assert_int_equal(mud->acls[1].aces[0].dst_port.hi, 443);
	tplc_mud_free(mud);
	free(text), free(a), free(b), free(c), free(d), free(e);
}

#define MUD  "[\"ietf-mud:mud\"]"
#define ACL0 "[\"ietf-access-control-list:acls\"].acl[0].aces.ace"
#define ACL1 "[\"ietf-access-control-list:acls\"].acl[1].aces.ace"

static const struct {
	const char *old, *new, *path;
} bad[] = {
	{ "\"mud-version\": 1", "\"mud-version\": 2", MUD "[\"mud-version\"]" },
	{ "\"mud-url\": \"https://luminaire.example.com/Luminaire_150\"",
	  "\"mud-url\": 5", MUD "[\"mud-url\"]" },
	{ "\"cache-validity\": 48", "\"cache-validity\": 500",
	  MUD "[\"cache-validity\"]" },
	{ "\"is-supported\": true", "\"is-supported\": \"yes\"",
	  MUD "[\"is-supported\"]" },
	{ "\"name\": \"mud-21966-v4fr\"", "\"name\": \"nope\"", MUD },
	{ "\"protocol\": 6", "\"protocol\": 300",
	  ACL0 "[0].matches.ipv4.protocol" },
	{ "\"operator\": \"eq\"", "\"operator\": \"gt\"",
	  ACL0 "[0].matches.tcp[\"source-port\"].operator" },
	{ "\"port\": 5684", "\"port\": 70000",
	  ACL0 "[1].matches.udp[\"source-port\"].port" },
	{ "\"forwarding\": \"accept\"", "\"forwarding\": \"allow\"",
	  ACL0 "[0].actions.forwarding" },
	{ "\"ietf-mud:direction-initiated\": \"from-device\"",
	  "\"ietf-mud:direction-initiated\": \"sideways\"",
	  ACL0 "[0].matches.tcp[\"ietf-mud:direction-initiated\"]" },
	{ "\"my-controller\": [", "\"my-kontroller\": [",
	  ACL0 "[1].matches[\"ietf-mud:mud\"][\"my-kontroller\"]" },
	{ "\"ietf-acldns:src-dnsname\": \"fw-update.luminaire.example.com\"",
	  "\"ietf-acldns:src-dnsname\": \"\"",
	  ACL0 "[0].matches.ipv4[\"ietf-acldns:src-dnsname\"]" },
	{ "\"name\": \"cl0-todev\"", "\"name\": 7", ACL0 "[0].name" },
	{ "\"type\": \"ipv4-acl-type\"", "\"type\": 4",
	  "[\"ietf-access-control-list:acls\"].acl[0].type" },
	{ "\"ietf-access-control-list:acls\"", "\"x:acls\"", "(root)" },
	{ "\"ietf-acldns:dst-dnsname\"",
	  "\"destination-ipv4-network\": \"10.0.0.300/8\", "
	  "\"ietf-acldns:dst-dnsname\"",
	  ACL1 "[0].matches.ipv4[\"destination-ipv4-network\"]" },
	{ "\"ietf-acldns:dst-dnsname\"",
	  "\"destination-ipv4-network\": \"10.0.0.0/8\", "
	  "\"ietf-acldns:dst-dnsname\"",
	  ACL1 "[0].matches.ipv4[\"ietf-acldns:dst-dnsname\"]" },
	{ "\"local-networks\": [", "\"manufacturer\": [3], \"x\": [",
	  ACL0 "[2].matches[\"ietf-mud:mud\"].manufacturer" },
	{ "\"operator\": \"eq\",\n                    \"port\": 443",
	  "\"lower-port\": 9, \"upper-port\": 3",
	  ACL0 "[0].matches.tcp[\"source-port\"]" },
	{ "\"systeminfo\": \"MUD-enabled Luminaire\"", "\"systeminfo\": []",
	  MUD ".systeminfo" },
};

/* Every malformed member is refused, at its JSON path. */
static void test_parse__malformed(void **state)
{
	size_t len, refused = 0, count = sizeof(bad) / sizeof(bad[0]);
	char *text = tplt_read_file(tplt_shared(LUMINAIRE), &len);

	(void)state;
	for (size_t i = 0; i < count; i++) {
		struct tplc_mud *mud = NULL;
		struct tplc_error err;
		char *t = replace(text, bad[i].old, bad[i].new);
		int error = tplc_mud_parse(&mud, t, strlen(t), "bad", &err);

		if (error == TPLC_EPARSE && strcmp(err.path, bad[i].path) == 0)
			refused++;
		else
			tplt_note("case %zu: error %d at '%s': %s", i, error,
			          error ? err.path : "",
			          error ? err.message : "");
		tplc_mud_free(mud);
		free(t);
	}
	free(text);
	tplt_conformance("MUD parse: %zu/%zu malformed members refused with "
	                 "their JSON path",
	                 refused, count);
	assert_int_equal(refused, count);
}

static void test_parse__out_of_memory(void **state)
{
	size_t len;
	char *text = tplt_read_file(tplt_shared(LUMINAIRE), &len);
	int error = TPLC_ENOMEM;

	(void)state;
	for (long n = 0; n < 10000 && error == TPLC_ENOMEM; n++) {
		struct tplc_mud *mud = NULL;
		struct tplc_error err;

		tplx_alloc_fail_after(n);
		error = tplc_mud_parse(&mud, text, len, "oom", &err);
		tplx_alloc_fail_after(-1);
		tplc_mud_free(mud);
	}
	assert_int_equal(error, 0);
	free(text);
}

static void test_parse__addresses(void **state)
{
	struct tplc_mud_addr a;
	char buf[64];

	(void)state;
	assert_int_equal(tplc_mud_addr_parse("10.1.1.0 0.0.0.255", &a), 0);
	assert_string_equal(tplc_mud_addr_format(&a, buf, sizeof(buf)),
	                    "10.1.1.0/24");
	assert_int_equal(tplc_mud_addr_parse("2001:db8::/32", &a), 0);
	assert_int_equal(a.family, 6);
	assert_int_equal(a.prefix, 32);
	assert_int_equal(tplc_mud_addr_parse("10.1.1.4", &a), 0);
	assert_int_equal(a.prefix, 32);
	assert_int_not_equal(tplc_mud_addr_parse("10.1.1.0 0.0.255.0", &a), 0);
	assert_int_not_equal(tplc_mud_addr_parse("10.1.1.0/33", &a), 0);
	assert_int_not_equal(tplc_mud_addr_parse("host", &a), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse__luminaire),
		cmocka_unit_test(test_parse__draft_forms),
		cmocka_unit_test(test_parse__malformed),
		cmocka_unit_test(test_parse__out_of_memory),
		cmocka_unit_test(test_parse__addresses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

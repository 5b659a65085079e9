/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The luminaire oracle: the CiscoDevNet MUD manager's dACL for
 * Luminaire_150.json with luminaire_conf.json (test_client_output.txt),
 * against ours written from the compiled rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/mud.h"
#include "util/json.h"

#define DIR "mud/luminaire/"

struct site {
	struct tplc_mud_binding b[16];
	size_t n;
	struct tplx_json_doc *doc;
	char *text;
};

static void bind(struct site *s, const char *name, const char *value)
{
	assert_true(s->n < 16);
	s->b[s->n].name = name;
	s->b[s->n++].value = value;
}

/* The controller config's mappings as bindings, for the authority that
 * serves the MUD URL (luminaire.example.com). */
static void read_site(struct site *s, const char *url)
{
	const struct tplx_json *root, *m, *mfrs;
	struct tplc_error err;
	size_t len;

	memset(s, 0, sizeof(*s));
	s->text = tplt_read_file(tplt_shared(DIR "luminaire_conf.json"), &len);
	assert_int_equal(tplx_json_parse(&s->doc, s->text, len, "conf", &err),
	                 0);
	root = s->doc->root;
	m = tplx_json_get(root, "DNSMapping");
	for (size_t i = 0; m && i < m->u.object.count; i++)
		bind(s, m->u.object.members[i].key,
		     tplx_json_string(m->u.object.members[i].value));
	m = tplx_json_get(root, "ControllerMapping");
	for (size_t i = 0; m && i < m->u.object.count; i++)
		bind(s, m->u.object.members[i].key,
		     tplx_json_string(m->u.object.members[i].value));
	mfrs = tplx_json_get(root, "Manufacturers");
	for (size_t i = 0; mfrs && i < mfrs->u.array.count; i++) {
		const struct tplx_json *e = mfrs->u.array.items[i];
		const char *auth =
		        tplx_json_string(tplx_json_get(e, "authority"));

		if (auth == NULL || strstr(url, auth) == NULL)
			continue;
		bind(s, "my-controller",
		     tplx_json_string(tplx_json_get(e, "my_controller_v4")));
		bind(s, "local-networks",
		     tplx_json_string(tplx_json_get(e, "local_networks_v4")));
	}
}

static void free_site(struct site *s)
{
	tplx_json_doc_free(s->doc);
	free(s->text);
}

static struct tplc_mud *luminaire(void)
{
	struct tplc_mud *mud = NULL;
	struct tplc_error err;
	size_t len;
	char *text =
	        tplt_read_file(tplt_shared(DIR "fs/Luminaire_150.json"), &len);

	assert_int_equal(tplc_mud_parse(&mud, text, len, "lum", &err), 0);
	free(text);
	return mud;
}

static struct tplc_mud_rules *compile(void)
{
	struct tplc_mud_compile_opts o = { .dns = true };
	struct tplc_mud *mud = luminaire();
	struct tplc_mud_rules *rules = NULL;
	struct tplc_mud_addr dev;
	struct tplc_error err;
	struct site s;

	read_site(&s, mud->url);
	assert_int_equal(tplc_mud_addr_parse("10.1.2.7", &dev), 0);
	assert_int_equal(
	        tplc_mud_compile(mud, s.b, s.n, &dev, &o, &rules, &err), 0);
	free_site(&s);
	tplc_mud_free(mud);
	return rules;
}

/* The ACE lines of the MUD manager's output, wrapped lines joined. */
static size_t oracle(char lines[][128], size_t max)
{
	size_t len, n = 0;
	char *text =
	        tplt_read_file(tplt_shared(DIR "test_client_output.txt"), &len);

	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *ace = strstr(line, "ACE: ");

		if (ace != NULL && n < max) {
			snprintf(lines[n++], 128, "%s", ace + 5);
		} else if (n > 0 && line[0] != ' ' && line[0] != '\t' &&
		           strchr(line, ':') == NULL) {
			size_t used = strlen(lines[n - 1]);
			snprintf(lines[n - 1] + used, 128 - used, " %s", line);
		}
	}
	free(text);
	return n;
}

/*
 * Known difference: for local-networks the reference manager wrote the
 * limited broadcast address ("host 255.255.255.255"), where the config
 * says local_networks_v4 "10.1.1.0 0.0.0.255"; we write the configured
 * prefix, which is what RFC 8520 section 8 asks for.
 */
static bool known_difference(const char *line)
{
	return strstr(line, "255.255.255.255") != NULL;
}

static void test_compile__luminaire_oracle(void **state)
{
	char want[16][128], got[16][128];
	struct tplc_mud_rules *rules = compile();
	size_t nwant = oracle(want, 16), ngot = 0, same = 0, skipped = 0;
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	(void)state;
	assert_non_null(f);
	tplc_mud_rules_dacl(f, rules);
	fclose(f);
	for (char *line = strtok(buf, "\n"); line && ngot < 16;
	     line = strtok(NULL, "\n"))
		snprintf(got[ngot++], 128, "%s", line);
	assert_int_equal(nwant, 5);
	assert_int_equal(ngot, nwant);
	for (size_t i = 0; i < nwant; i++) {
		if (strcmp(want[i], got[i]) == 0)
			same++;
		else if (known_difference(want[i]))
			skipped++, tplt_note("known difference: '%s' vs '%s'",
			                     want[i], got[i]);
		else
			tplt_note("differs: want '%s' got '%s'", want[i],
			          got[i]);
	}
	tplt_conformance("MUD luminaire: %zu/%zu access entries as the MUD "
	                 "manager made them (%zu known difference: "
	                 "local-networks)",
	                 same, nwant, skipped);
	assert_int_equal(same + skipped, nwant);
	assert_int_equal(skipped, 1);
	free(buf);
	tplc_mud_rules_free(rules);
}

static struct tplc_mud_verdict check(const struct tplc_mud_rules *r,
                                     enum tplc_mud_dir init, const char *ip,
                                     int proto, uint16_t dport, uint16_t sport)
{
	struct tplc_mud_verdict v;
	struct tplc_mud_flow f;

	memset(&f, 0, sizeof(f));
	f.initiated = init;
	assert_int_equal(tplc_mud_addr_parse(ip, &f.peer), 0);
	f.proto = proto;
	f.peer_port = init == TPLC_MUD_FROM_DEVICE ? dport : sport;
	f.device_port = init == TPLC_MUD_FROM_DEVICE ? sport : dport;
	assert_int_equal(tplc_mud_check(r, &f, &v), 0);
	return v;
}

static void test_compile__check(void **state)
{
	struct tplc_mud_rules *r = compile();
	struct tplc_mud_verdict v;
	const enum tplc_mud_dir from = TPLC_MUD_FROM_DEVICE,
	                        to = TPLC_MUD_TO_DEVICE;

	(void)state;
	v = check(r, from, "172.12.212.10", 6, 443, 40000);
	assert_int_equal(v.result, TPLC_MUD_ALLOWED);
	assert_string_equal(v.rule->ace, "cl0-frdev");
	v = check(r, from, "172.12.212.10", 6, 80, 40000);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_PORT);
	assert_string_equal(v.rule->ace, "cl0-frdev");
	v = check(r, from, "172.12.212.10", 17, 443, 40000);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_PROTOCOL);
	v = check(r, from, "8.8.4.4", 6, 443, 40000);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_PEER);
	/* the update server may answer, never open */
	v = check(r, to, "172.12.212.10", 6, 40000, 443);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_DIRECTION);
	assert_string_equal(v.rule->ace, "cl0-todev");
	v = check(r, from, "10.1.1.4", 17, 5684, 5000);
	assert_int_equal(v.result, TPLC_MUD_ALLOWED);
	v = check(r, to, "10.1.1.4", 17, 6000, 5684);
	assert_int_equal(v.result, TPLC_MUD_ALLOWED);
	assert_string_equal(v.rule->ace, "myctl0-todev");
	v = check(r, from, "10.1.1.77", 17, 5683, 5000);
	assert_int_equal(v.result, TPLC_MUD_ALLOWED);
	assert_string_equal(v.rule->ace, "loc0-frdev");
	v = check(r, from, "10.1.3.77", 17, 5683, 5000);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_PEER);
	v = check(r, from, "9.9.9.9", 17, 53, 5000);
	assert_int_equal(v.result, TPLC_MUD_ALLOWED);
	assert_string_equal(v.rule->ace, "dns");
	/* the controller URI has a binding but no ACE names it; its
	 * address is in the local networks, which allow 5683 only */
	v = check(r, from, "10.1.1.5", 17, 5684, 5000);
	assert_int_equal(v.result, TPLC_MUD_UNEXPECTED_PORT);
	assert_string_equal(v.rule->ace, "loc0-frdev");
	assert_int_equal(r->unbound_count, 0);
	assert_true(r->items[r->count - 1].accept == false);
	tplc_mud_rules_free(r);
}

/* Without bindings the named peers allow nothing, and say so. */
static void test_compile__unbound(void **state)
{
	struct tplc_mud *mud = luminaire();
	struct tplc_mud_rules *r = NULL;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_mud_compile(mud, NULL, 0, NULL, NULL, &r, &err),
	                 0);
	assert_int_equal(r->count, 1); /* the default deny */
	assert_int_equal(r->unbound_count, 6);
	tplc_mud_rules_free(r);
	tplc_mud_free(mud);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile__luminaire_oracle),
		cmocka_unit_test(test_compile__check),
		cmocka_unit_test(test_compile__unbound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

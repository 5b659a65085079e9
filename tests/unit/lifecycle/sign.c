/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Keys and signatures (tplc/sign.h).  Oracles: OpenBSD signify (Debian's
 * signify-openbsd) for the key and signature files, both ways, and the
 * DSSE specification's PAE example for what a DSSE signature covers.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "test.h"
#include "tplc/sign.h"

#define SIGNIFY "signify-openbsd"

static char dir[] = "/tmp/tplc-sign.XXXXXX";

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL || chdir(dir) != 0)
		return -1;
	return sodium_init() < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	if (chdir("/") != 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static bool have_signify(void)
{
	return system("command -v " SIGNIFY " >/dev/null 2>&1") == 0;
}

static int run(const char *cmd)
{
	char full[512];

	snprintf(full, sizeof(full), "%s >/dev/null 2>&1", cmd);
	return system(full);
}

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* signify's keys load in tplc; its signatures verify with tplc's reader. */
static void test_sign__signify_keys_load(void **state)
{
	struct tplc_pubkey pub, half, other;
	struct tplc_seckey sec;
	struct tplc_error err;
	char comment[TPLC_KEY_COMMENT_MAX], *sig, *msg;
	size_t sig_len, msg_len;

	(void)state;
	if (!have_signify()) {
		tplt_note("skip: " SIGNIFY " not installed (scripts/bootstrap "
		          "check)");
		skip();
	}
	assert_int_equal(run(SIGNIFY " -G -n -c 'test key' -p s.pub -s s.sec"),
	                 0);
	assert_int_equal(
	        tplc_pubkey_load(&pub, "s.pub", comment, sizeof(comment), &err),
	        0);
	assert_string_equal(comment, "test key public key");
	assert_int_equal(tplc_seckey_load(&sec, "s.sec", &err), 0);
	assert_string_equal(pub.id, sec.id);
	tplc_key_public(&sec, &half);
	assert_memory_equal(half.key, pub.key, TPLC_PUBKEY_SIZE);
	/* a message signed by signify verifies; altered, it does not */
	write_text("msg", "EOS 2028-06-30 for InfuPump 3000\n");
	assert_int_equal(run(SIGNIFY " -S -s s.sec -m msg"), 0);
	sig = tplt_read_file("msg.sig", &sig_len);
	msg = tplt_read_file("msg", &msg_len);
	assert_int_equal(tplc_signify_verify(&pub, sig, sig_len, msg, msg_len,
	                                     "msg.sig", &err),
	                 0);
	msg[5] = '9';
	assert_int_equal(tplc_signify_verify(&pub, sig, sig_len, msg, msg_len,
	                                     "msg.sig", &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "does not verify"));
	/* another key: named as such */
	assert_int_equal(run(SIGNIFY " -G -n -p o.pub -s o.sec"), 0);
	assert_int_equal(tplc_pubkey_load(&other, "o.pub", NULL, 0, &err), 0);
	assert_int_equal(tplc_signify_verify(&other, sig, sig_len, msg, msg_len,
	                                     "msg.sig", &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "another key"));
	free(sig);
	free(msg);
	tplc_seckey_wipe(&sec);
}

/* tplc's keys work with signify: it signs with the secret key, verifies
 * with the public one, and tplc verifies signify's signature. */
static void test_sign__tplc_keys_in_signify(void **state)
{
	struct tplc_pubkey pub, loaded;
	struct tplc_seckey sec;
	struct tplc_error err;
	struct stat st;
	char *sig, *msg;
	size_t sig_len, msg_len;

	(void)state;
	assert_int_equal(tplc_key_files_write("t", "tplc t", &pub, &err), 0);
	assert_int_equal(stat("t.sec", &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(tplc_key_files_write("t", "again", NULL, &err),
	                 TPLC_EEXISTS);
	assert_int_equal(tplc_pubkey_load(&loaded, "t.pub", NULL, 0, &err), 0);
	assert_string_equal(loaded.id, pub.id);
	assert_int_equal(tplc_seckey_load(&sec, "t.sec", &err), 0);
	assert_string_equal(sec.id, pub.id);
	tplc_seckey_wipe(&sec);
	if (!have_signify()) {
		tplt_note("skip: " SIGNIFY " not installed");
		skip();
	}
	write_text("m2", "hello\n");
	assert_int_equal(run(SIGNIFY " -S -s t.sec -m m2"), 0);
	assert_int_equal(run(SIGNIFY " -V -p t.pub -m m2"), 0);
	sig = tplt_read_file("m2.sig", &sig_len);
	msg = tplt_read_file("m2", &msg_len);
	assert_int_equal(tplc_signify_verify(&pub, sig, sig_len, msg, msg_len,
	                                     "m2.sig", &err),
	                 0);
	free(sig);
	free(msg);
	tplt_conformance("signify: keys and signatures interoperate both "
	                 "ways");
}

struct key_case {
	const char *text;
	int code;
	const char *reason;
};

static void test_sign__bad_key_files(void **state)
{
	/* a real signify public key, then broken copies of it */
	static const struct key_case cases[] = {
		{ "untrusted comment: k\n"
		  "RWSshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUeQzg0\n",
		  0, NULL },
		{ "RWSshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUeQzg0\n",
		  TPLC_EPARSE, "untrusted comment" },
		{ "untrusted comment: k\n"
		  "RWSshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUeQz\n",
		  TPLC_EPARSE, "base64" },
		{ "untrusted comment: k\n"
		  "RWSshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUe!zg0\n",
		  TPLC_EPARSE, "base64" },
		{ "untrusted comment: k\n"
		  "AAAshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUeQzg0\n",
		  TPLC_EUNSUPPORTED, "Ed25519" },
		{ "untrusted comment: k\n"
		  "RWSshUegVG38PuEI1mL17SS7+f/lGi1ROKt0aK5KAaahtYKOFEUeQzg0\n"
		  "more\n",
		  TPLC_EPARSE, "after" },
		{ "untrusted comment: k", TPLC_EPARSE, "unterminated" },
	};
	struct tplc_pubkey pub;
	struct tplc_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = tplc_pubkey_parse(&pub, cases[i].text,
		                           strlen(cases[i].text), "k.pub", NULL,
		                           0, &err);

		if (rc != cases[i].code ||
		    (rc != 0 && strstr(err.message, cases[i].reason) == NULL))
			fail_msg("case %zu: rc %d '%s'", i, rc, err.message);
		if (i == 0)
			assert_string_equal(pub.id, "ac8547a0546dfc3e");
	}
}

/* Encrypted keys (signify -G without -n) and bad checksums. */
static void test_sign__secret_key_checks(void **state)
{
	struct tplc_seckey sec;
	struct tplc_error err;
	char *text, *b64;
	uint8_t blob[104];
	size_t len, bin;

	(void)state;
	assert_int_equal(tplc_key_files_write("c", NULL, NULL, &err), 0);
	text = tplt_read_file("c.sec", &len);
	b64 = strchr(text, '\n') + 1;
	assert_int_equal(sodium_base642bin(blob, sizeof(blob), b64,
	                                   strcspn(b64, "\n"), NULL, &bin, NULL,
	                                   sodium_base64_VARIANT_ORIGINAL),
	                 0);
	assert_int_equal(bin, 104);
	blob[7] = 42; /* kdfrounds */
	sodium_bin2base64(b64, 141, blob, sizeof(blob),
	                  sodium_base64_VARIANT_ORIGINAL);
	b64[140] = '\n';
	assert_int_equal(tplc_seckey_parse(&sec, text, len, "c.sec", &err),
	                 TPLC_EUNSUPPORTED);
	assert_non_null(strstr(err.message, "passphrase"));
	blob[7] = 0;
	blob[40] ^= 1; /* the key, not matching its checksum */
	sodium_bin2base64(b64, 141, blob, sizeof(blob),
	                  sodium_base64_VARIANT_ORIGINAL);
	b64[140] = '\n';
	assert_int_equal(tplc_seckey_parse(&sec, text, len, "c.sec", &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "checksum"));
	free(text);
}

#define TYPE "application/vnd.tplc.lifecycle-notice+json"

/* What the DSSE specification says PAE is, on its own example. */
static void test_sign__dsse_pae_spec(void **state)
{
	static const char pae[] =
	        "DSSEv1 29 http://example.com/HelloWorld 11 hello world";
	struct tplc_seckey sec;
	struct tplc_pubkey pub;
	struct tplc_dsse *env;
	struct tplc_error err;
	char *json;
	size_t len;

	(void)state;
	assert_int_equal(tplc_key_generate(&sec, &pub, &err), 0);
	assert_int_equal(tplc_dsse_sign(&sec, "http://example.com/HelloWorld",
	                                "hello world", 11, &json, &len, &err),
	                 0);
	assert_int_equal(tplc_dsse_parse(&env, json, len, "e", &err), 0);
	assert_int_equal(env->signature_count, 1);
	assert_string_equal(env->signatures[0].keyid, pub.id);
	assert_int_equal(crypto_sign_ed25519_verify_detached(
	                         env->signatures[0].sig, (const uint8_t *)pae,
	                         strlen(pae), pub.key),
	                 0);
	assert_non_null(strstr(json, "\"payload\":\"aGVsbG8gd29ybGQ=\""));
	tplc_dsse_free(env);
	tplc_free_string(json);
	tplc_seckey_wipe(&sec);
}

static char *sign_body(const struct tplc_seckey *sec, const char *body,
                       size_t *len)
{
	struct tplc_error err;
	char *json;

	assert_int_equal(
	        tplc_dsse_sign(sec, TYPE, body, strlen(body), &json, len, &err),
	        0);
	return json;
}

static int verify_text(const char *json, size_t len,
                       const struct tplc_pubkey *key, struct tplc_error *err)
{
	struct tplc_dsse *env = NULL;
	int rc = tplc_dsse_parse(&env, json, len, "e.json", err);

	if (rc == 0)
		rc = tplc_dsse_verify(env, key, err);
	tplc_dsse_free(env);
	return rc;
}

static void test_sign__dsse_round_trip_and_tamper(void **state)
{
	struct tplc_seckey sec, sec2;
	struct tplc_pubkey pub, pub2, forged;
	struct tplc_error err;
	struct tplc_dsse *env;
	char *json, *p, c;
	size_t len;

	(void)state;
	assert_int_equal(tplc_key_generate(&sec, &pub, &err), 0);
	assert_int_equal(tplc_key_generate(&sec2, &pub2, &err), 0);
	json = sign_body(&sec, "{\"eol\":\"2028-01-31\"}", &len);
	assert_int_equal(tplc_dsse_parse(&env, json, len, "e.json", &err), 0);
	assert_string_equal(env->payload_type, TYPE);
	assert_string_equal((const char *)env->payload,
	                    "{\"eol\":\"2028-01-31\"}");
	tplc_dsse_free(env);
	assert_int_equal(verify_text(json, len, &pub, &err), 0);
	/* another key: no signature names it */
	assert_int_equal(verify_text(json, len, &pub2, &err), TPLC_ENOTFOUND);
	/* another key claiming the signer's id: the signature fails */
	forged = pub2;
	memcpy(forged.id, pub.id, sizeof(forged.id));
	assert_int_equal(verify_text(json, len, &forged, &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, "does not verify"));
	/* one byte of the payload altered */
	p = strstr(json, "\"payload\":\"") + 11 + 8;
	c = *p;
	*p = c == 'A' ? 'B' : 'A';
	assert_int_equal(verify_text(json, len, &pub, &err), TPLC_EPARSE);
	*p = c;
	assert_int_equal(verify_text(json, len, &pub, &err), 0);
	/* the keyid changed: the signature no longer names the key */
	p = strstr(json, pub.id);
	p[0] = p[0] == 'a' ? 'b' : 'a';
	assert_int_equal(verify_text(json, len, &pub, &err), TPLC_ENOTFOUND);
	tplc_free_string(json);
	tplc_seckey_wipe(&sec);
	tplc_seckey_wipe(&sec2);
}

struct env_case {
	const char *json;
	const char *path;
	const char *reason;
};

static const struct env_case env_cases[] = {
	{ "{\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"AA==\"}]}",
	  "payloadType", "missing" },
	{ "{\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}]}",
	  "payload", "missing" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\"}", "signatures",
	  "missing" },
	{ "{\"payloadType\":\"\",\"payload\":\"e30=\","
	  "\"signatures\":[{\"sig\":\"AA==\"}]}",
	  "payloadType", "empty" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30*\","
	  "\"signatures\":[{\"sig\":\"AA==\"}]}",
	  "payload", "base64" },
	{ "{\"payloadType\":\"t\",\"payload\":7,"
	  "\"signatures\":[{\"sig\":\"AA==\"}]}",
	  "payload", "expected a string" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[]}",
	  "signatures", "1 to" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":{}}",
	  "signatures", "expected an array" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\","
	  "\"signatures\":[{\"sig\":\"AA==\"},\"x\"]}",
	  "signatures[1]", "expected an object" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\","
	  "\"signatures\":[{\"keyid\":\"k\"}]}",
	  "signatures[0].sig", "missing" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\","
	  "\"signatures\":[{\"sig\":\"A=A=\"}]}",
	  "signatures[0].sig", "base64" },
	{ "{\"payloadType\":\"t\",\"payload\":\"e30=\","
	  "\"signatures\":[{\"sig\":\"AA==\",\"keyid\":5}]}",
	  "signatures[0].keyid", "expected a string" },
	{ "[1]", "(root)", "expected an object" },
};

static void test_sign__dsse_malformed_paths(void **state)
{
	size_t i, n = sizeof(env_cases) / sizeof(env_cases[0]);

	(void)state;
	for (i = 0; i < n; i++) {
		struct tplc_dsse *env = NULL;
		struct tplc_error err;
		int rc;

		memset(&err, 0, sizeof(err));
		rc = tplc_dsse_parse(&env, env_cases[i].json,
		                     strlen(env_cases[i].json), "e.json", &err);
		if (rc != TPLC_EPARSE ||
		    strcmp(err.path, env_cases[i].path) != 0 ||
		    strstr(err.message, env_cases[i].reason) == NULL)
			fail_msg("case %zu: rc %d path '%s' message '%s'", i,
			         rc, err.path, err.message);
		assert_null(env);
	}
	tplt_conformance("DSSE: %zu/%zu malformed envelopes refused with "
	                 "their JSON path",
	                 i, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sign__signify_keys_load),
		cmocka_unit_test(test_sign__tplc_keys_in_signify),
		cmocka_unit_test(test_sign__bad_key_files),
		cmocka_unit_test(test_sign__secret_key_checks),
		cmocka_unit_test(test_sign__dsse_pae_spec),
		cmocka_unit_test(test_sign__dsse_round_trip_and_tamper),
		cmocka_unit_test(test_sign__dsse_malformed_paths),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

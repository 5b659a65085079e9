/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Notices in the store (tplc/notice.h): an import verifies against the
 * keys trusted for the notice's own manufacturer, is one transaction
 * (a refusal leaves no row), is idempotent, and refuses another document
 * under a known id.  The listing's flags at the two-year boundary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "tplc/notice.h"
#include "tplc/sign.h"
#include "tplc/store.h"

struct fixture {
	char path[64];
	struct tplc_ctx *ctx;
	struct tplc_store *store;
	struct tplc_seckey sec, other_sec;
	struct tplc_pubkey pub, other_pub;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tplc_error err;

	if (f == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "/tmp/tplc-notice-%ld.db",
	         (long)getpid());
	tplt_remove_db(f->path);
	if (tplc_ctx_new(&f->ctx) < 0 ||
	    tplc_ctx_set_now(f->ctx, "2026-11-25T12:00:00Z", &err) < 0 ||
	    tplc_store_open(&f->store, f->ctx, f->path, &err) < 0 ||
	    tplc_key_generate(&f->sec, &f->pub, &err) < 0 ||
	    tplc_key_generate(&f->other_sec, &f->other_pub, &err) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tplc_store_close(f->store);
	tplc_ctx_free(f->ctx);
	tplt_remove_db(f->path);
	free(f);
	return 0;
}

/* A signed notice for one version of Acme's pump. */
static char *signed_notice(const struct tplc_seckey *key, const char *id,
                           const char *version, const char *eol,
                           const char *delivery, const char *contact,
                           size_t *len)
{
	const char *versions[] = { version };
	struct tplc_notice n = { 0 };
	struct tplc_error err;
	char *body, *env;
	size_t body_len;

	n.id = id;
	n.issued = "2026-11-25";
	n.delivery = delivery;
	n.manufacturer = "Acme Medical";
	n.product = "InfuPump";
	n.versions = versions;
	n.version_count = 1;
	n.eol = eol;
	n.contact = contact;
	assert_int_equal(tplc_notice_write(&n, &body, &body_len, &err), 0);
	assert_int_equal(tplc_dsse_sign(key, TPLC_NOTICE_TYPE, body, body_len,
	                                &env, len, &err),
	                 0);
	tplc_free_string(body);
	return env;
}

static int import(struct fixture *f, const char *text, size_t len,
                  struct tplc_notice_import *im, struct tplc_error *err)
{
	return tplc_store_notice_import(f->store, text, len, "n.json", "test",
	                                im, err);
}

static void test_notice_store__trust_and_import(void **state)
{
	struct fixture *f = *state;
	struct tplc_notice_import im;
	struct tplc_error err;
	char *a, *b, *c;
	size_t la, lb, lc;

	a = signed_notice(&f->sec, "N-1", "1.0", "2028-11-25", "pushed", NULL,
	                  &la);
	/* nobody trusted yet */
	assert_int_equal(import(f, a, la, &im, &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, "not by a key trusted"));
	/* the key trusted for another manufacturer does not count */
	assert_int_equal(tplc_store_key_trust(f->store, &f->pub, "Other Co",
	                                      NULL, "Bob", &err),
	                 0);
	assert_int_equal(import(f, a, la, &im, &err), TPLC_EPARSE);
	assert_int_equal(
	        tplc_store_key_trust(f->store, &f->pub, "x", NULL, "Bob", &err),
	        TPLC_EEXISTS);
	assert_int_equal(tplc_store_key_forget(f->store, f->pub.id, &err), 0);
	assert_int_equal(tplc_store_key_forget(f->store, f->pub.id, &err),
	                 TPLC_ENOTFOUND);
	assert_int_equal(tplt_count_rows(f->path, "lifecycle_notices"), 0);
	assert_int_equal(tplt_count_rows(f->path, "products"), 0);
	/* trusted for Acme (any case): imported, once */
	assert_int_equal(tplc_store_key_trust(f->store, &f->pub, "ACME MEDICAL",
	                                      "k", "Bob", &err),
	                 0);
	assert_int_equal(import(f, a, la, &im, &err), 0);
	assert_false(im.already);
	assert_string_equal(im.id, "N-1");
	assert_string_equal(im.key_id, f->pub.id);
	assert_int_equal(im.versions, 1);
	assert_int_equal(import(f, a, la, &im, &err), 0);
	assert_true(im.already);
	assert_int_equal(tplt_count_rows(f->path, "lifecycle_notices"), 1);
	assert_int_equal(tplt_count_rows(f->path, "lifecycle_milestones"), 1);
	/* another document under the same id */
	b = signed_notice(&f->sec, "N-1", "1.0", "2028-11-25", "pushed",
	                  "psirt@acme.example", &lb);
	assert_int_equal(import(f, b, lb, &im, &err), TPLC_EEXISTS);
	/* signed by a key nobody trusts */
	c = signed_notice(&f->other_sec, "N-2", "2.0", "2029-01-01", "pushed",
	                  NULL, &lc);
	assert_int_equal(import(f, c, lc, &im, &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, f->other_pub.id));
	assert_int_equal(tplt_count_rows(f->path, "lifecycle_notices"), 1);
	assert_int_equal(tplt_count_rows(f->path, "product_versions"), 1);
	tplc_free_string(a);
	tplc_free_string(b);
	tplc_free_string(c);
}

struct seen {
	char text[512];
};

static int collect(const struct tplc_notice_row *r, void *data)
{
	struct seen *s = data;
	size_t used = strlen(s->text);

	snprintf(s->text + used, sizeof(s->text) - used, "%s%s:%ld:%s%s%s",
	         used ? " " : "", r->versions, r->lead_days,
	         r->short_eol ? "S" : "", r->passive ? "P" : "",
	         r->flagged ? "!" : "");
	return 0;
}

static void test_notice_store__flags(void **state)
{
	struct fixture *f = *state;
	struct tplc_notice_import im;
	struct tplc_error err;
	struct seen seen;
	char *n[3];
	size_t len[3];

	assert_int_equal(tplc_store_key_trust(f->store, &f->pub, "Acme Medical",
	                                      NULL, "Bob", &err),
	                 0);
	n[0] = signed_notice(&f->sec, "B-1", "3.0", "2028-11-25", "pushed",
	                     NULL, &len[0]);
	n[1] = signed_notice(&f->sec, "B-2", "3.1", "2028-11-24", "pushed",
	                     NULL, &len[1]);
	n[2] = signed_notice(&f->sec, "B-3", "3.2", "2030-01-01", "published",
	                     NULL, &len[2]);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(import(f, n[i], len[i], &im, &err), 0);
		tplc_free_string(n[i]);
	}
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(
	        tplc_store_notices(f->store, false, collect, &seen, &err), 0);
	/* 2026-11-25 + 2 years = 2028-11-25: 731 days, enough; a day less
	 * is short */
	assert_string_equal(seen.text, "3.1:730:S! 3.0:731: 3.2:1133:P!");
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(
	        tplc_store_notices(f->store, true, collect, &seen, &err), 0);
	assert_string_equal(seen.text, "3.1:730:S! 3.2:1133:P!");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        test_notice_store__trust_and_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_notice_store__flags, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* feed_state: what tplc feed sync remembers per URL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "tplc/store.h"

static void test_feeds__state_round_trip(void **state)
{
	struct tplc_feed_state st;
	struct tplc_store *store = NULL;
	struct tplc_ctx *ctx = NULL;
	struct tplc_error err;
	char path[64], etag[TPLC_FEED_VALIDATOR_MAX + 8];
	const char *url = "https://example.org/kev.json";
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/tplc-feeds-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(tplc_ctx_new(&ctx), 0);
	assert_int_equal(tplc_ctx_set_now(ctx, "2026-11-25T12:00:00Z", &err),
	                 0);
	assert_int_equal(tplc_store_open(&store, ctx, path, &err), 0);

	assert_int_equal(tplc_store_feed_state(store, url, &st, &err),
	                 TPLC_ENOTFOUND);
	assert_int_equal(st.bytes, -1);

	assert_int_equal(tplc_store_feed_fetched(
	                         store, url, "kev", "\"abc\"",
	                         "Tue, 24 Nov 2026 10:00:00 GMT", 1234, &err),
	                 0);
	assert_int_equal(tplc_store_feed_state(store, url, &st, &err), 0);
	assert_string_equal(st.kind, "kev");
	assert_string_equal(st.etag, "\"abc\"");
	assert_string_equal(st.last_modified, "Tue, 24 Nov 2026 10:00:00 GMT");
	assert_int_equal(st.bytes, 1234);
	assert_string_equal(st.fetched_at, "2026-11-25T12:00:00Z");
	assert_string_equal(st.checked_at, "2026-11-25T12:00:00Z");

	/* a check moves checked_at only */
	assert_int_equal(tplc_ctx_set_now(ctx, "2026-11-26T08:00:00Z", &err),
	                 0);
	assert_int_equal(tplc_store_feed_checked(store, url, "kev", &err), 0);
	assert_int_equal(tplc_store_feed_state(store, url, &st, &err), 0);
	assert_string_equal(st.etag, "\"abc\"");
	assert_string_equal(st.fetched_at, "2026-11-25T12:00:00Z");
	assert_string_equal(st.checked_at, "2026-11-26T08:00:00Z");

	/* a validator too long to keep whole is not handed back cut */
	memset(etag, 'x', sizeof(etag) - 1);
	etag[sizeof(etag) - 1] = '\0';
	assert_int_equal(tplc_store_feed_fetched(store, url, "kev", etag, NULL,
	                                         -1, &err),
	                 0);
	assert_int_equal(tplc_store_feed_state(store, url, &st, &err), 0);
	assert_string_equal(st.etag, "");
	assert_string_equal(st.last_modified, "");
	assert_int_equal(st.bytes, -1);

	tplc_store_close(store);
	tplc_ctx_free(ctx);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feeds__state_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

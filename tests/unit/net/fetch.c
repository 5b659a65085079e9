/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lib/net/fetch: the pure helpers (URL redaction and rebasing, the
 * Content-Range parser), then real transfers against tests/lib/httpd.py
 * on 127.0.0.1: a download, a 304, the size limit and a 404.
 */
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/fetch.h"
#include "test.h"
#include "util/alloc.h"

extern char **environ;

static void test_fetch__redact_url(void **state)
{
	char buf[128];

	(void)state;
	tplc_fetch_redact_url("https://user:pw@example.org/a?b=1", buf,
	                      sizeof(buf));
	assert_string_equal(buf, "https://example.org/a?b=1");
	tplc_fetch_redact_url("https://example.org/a@b", buf, sizeof(buf));
	assert_string_equal(buf, "https://example.org/a@b");
	tplc_fetch_redact_url("http://k@h:81", buf, sizeof(buf));
	assert_string_equal(buf, "http://h:81");
	tplc_fetch_redact_url("https://example.org/long", buf, 10);
	assert_string_equal(buf, "https://e");
}

static void test_fetch__rebase_url(void **state)
{
	struct tplc_error err;
	char *out = NULL;

	(void)state;
	assert_int_equal(tplc_fetch_rebase_url(
	                         &out,
	                         "https://www.cisa.gov/sites/default/kev.json",
	                         "http://127.0.0.1:8080/", &err),
	                 0);
	assert_string_equal(out,
	                    "http://127.0.0.1:8080/sites/default/kev.json");
	tplx_free(out);
	assert_int_equal(
	        tplc_fetch_rebase_url(&out, "https://h.example/rest?x=1",
	                              "http://127.0.0.1:1/mirror", &err),
	        0);
	assert_string_equal(out, "http://127.0.0.1:1/mirror/rest?x=1");
	tplx_free(out);
	assert_int_equal(tplc_fetch_rebase_url(&out, "https://h.example",
	                                       "http://m", &err),
	                 0);
	assert_string_equal(out, "http://m");
	tplx_free(out);
	assert_int_equal(
	        tplc_fetch_rebase_url(&out, "https://h/x", "ftp://m", &err),
	        TPLC_EINVAL);
	assert_null(out);
}

static void test_fetch__content_range(void **state)
{
	unsigned long long start = 7;

	(void)state;
	assert_int_equal(tplc_fetch_parse_content_range("bytes 5-9/10", &start),
	                 0);
	assert_int_equal(start, 5);
	assert_int_equal(tplc_fetch_parse_content_range("Bytes 0-0/*", &start),
	                 0);
	assert_int_equal(start, 0);
	/* end before start, end past the total, no range, junk, overflow */
	assert_int_equal(tplc_fetch_parse_content_range("bytes 9-5/10", &start),
	                 -1);
	assert_int_equal(
	        tplc_fetch_parse_content_range("bytes 5-10/10", &start), -1);
	assert_int_equal(tplc_fetch_parse_content_range("bytes */10", &start),
	                 -1);
	assert_int_equal(tplc_fetch_parse_content_range("bytes 1-2/3x", &start),
	                 -1);
	assert_int_equal(tplc_fetch_parse_content_range(
	                         "bytes 99999999999999999999-1/2", &start),
	                 -1);
}

static void test_fetch__refuses_other_schemes(void **state)
{
	struct tplc_fetch_request req = { 0 };
	struct tplc_fetch_result res;
	struct tplc_error err;

	(void)state;
	req.url = "file:///etc/passwd";
	req.path = "/tmp/tplc-never-written";
	assert_int_equal(tplc_fetch(&req, &res, &err), TPLC_EINVAL);
	assert_int_not_equal(access(req.path, F_OK), 0);
}

/* ---- against the test server ----------------------------------------- */

struct server {
	char dir[64];
	char url[128];
	pid_t pid;
};

static int server_start(void **state)
{
	struct server *s = calloc(1, sizeof(*s));
	const char *root = getenv("TPLC_SOURCE_ROOT");
	char script[512], docroot[128], portfile[128], feed[160], *argv[12];
	posix_spawn_file_actions_t fa;
	FILE *fp;
	int i, port = 0;

	if (s == NULL || root == NULL)
		return -1;
	snprintf(s->dir, sizeof(s->dir), "/tmp/tplc-fetch-XXXXXX");
	if (mkdtemp(s->dir) == NULL)
		return -1;
	snprintf(docroot, sizeof(docroot), "%s/www", s->dir);
	snprintf(portfile, sizeof(portfile), "%s/port", s->dir);
	snprintf(script, sizeof(script), "%s/tests/lib/httpd.py", root);
	mkdir(docroot, 0755);
	snprintf(feed, sizeof(feed), "%s/www/feed.txt", s->dir);
	fp = fopen(feed, "w");
	if (fp == NULL)
		return -1;
	for (i = 0; i < 1000; i++)
		fprintf(fp, "line %04d of the feed\n", i);
	fclose(fp);
	argv[0] = "python3";
	argv[1] = script;
	argv[2] = "--root";
	argv[3] = docroot;
	argv[4] = "--port-file";
	argv[5] = portfile;
	argv[6] = "--redirect";
	argv[7] = "/moved=/feed.txt";
	argv[8] = "--redirect";
	argv[9] = "/loop=/loop";
	argv[10] = NULL;
	/* it prints its port, which is not TAP */
	if (posix_spawn_file_actions_init(&fa) != 0 ||
	    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY,
	                                     0) != 0 ||
	    posix_spawnp(&s->pid, "python3", &fa, NULL, argv, environ) != 0)
		return -1;
	posix_spawn_file_actions_destroy(&fa);
	for (i = 0; i < 100 && port == 0; i++) {
		fp = fopen(portfile, "r");
		if (fp != NULL) {
			if (fscanf(fp, "%d", &port) != 1)
				port = 0;
			fclose(fp);
		}
		if (port == 0)
			usleep(100000);
	}
	if (port == 0)
		return -1;
	snprintf(s->url, sizeof(s->url), "http://127.0.0.1:%d", port);
	*state = s;
	return 0;
}

static int server_stop(void **state)
{
	struct server *s = *state;
	char cmd[128];

	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		return -1;
	free(s);
	return 0;
}

static void test_fetch__download_then_not_modified(void **state)
{
	struct server *s = *state;
	struct tplc_fetch_request req = { 0 };
	struct tplc_fetch_result res;
	struct tplc_error err;
	char url[192], path[128], src[160], etag[TPLC_FETCH_VALIDATOR_MAX];
	char *want, *got;
	size_t want_len, got_len;

	snprintf(url, sizeof(url), "%s/feed.txt", s->url);
	snprintf(path, sizeof(path), "%s/feed.txt", s->dir);
	req.url = url;
	req.path = path;
	assert_int_equal(tplc_fetch(&req, &res, &err), 0);
	assert_int_equal(res.outcome, TPLC_FETCH_DOWNLOADED);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.size, 22000);
	assert_int_equal(res.received, 22000);
	assert_true(res.etag[0] == '"');
	assert_true(strstr(res.last_modified, " GMT") != NULL);
	snprintf(etag, sizeof(etag), "%s", res.etag);
	snprintf(src, sizeof(src), "%s/www/feed.txt", s->dir);
	want = tplt_read_file(src, &want_len);
	got = tplt_read_file(path, &got_len);
	assert_int_equal(got_len, want_len);
	assert_memory_equal(got, want, want_len);
	free(got);
	free(want);

	req.etag = etag;
	assert_int_equal(tplc_fetch(&req, &res, &err), 0);
	assert_int_equal(res.outcome, TPLC_FETCH_NOT_MODIFIED);
	assert_int_equal(res.status, 304);
	assert_int_equal(res.received, 0);
}

static void test_fetch__size_limit(void **state)
{
	struct server *s = *state;
	struct tplc_fetch_request req = { 0 };
	struct tplc_fetch_result res;
	struct tplc_error err;
	char url[192], path[128], part[160];

	snprintf(url, sizeof(url), "%s/feed.txt", s->url);
	snprintf(path, sizeof(path), "%s/small.txt", s->dir);
	snprintf(part, sizeof(part), "%s.part", path);
	req.url = url;
	req.path = path;
	req.max_bytes = 1000;
	assert_int_equal(tplc_fetch(&req, &res, &err), TPLC_ELIMIT);
	assert_non_null(strstr(err.message, "larger than the maximum of 1000"));
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_not_equal(access(part, F_OK), 0);
}

static void test_fetch__not_found(void **state)
{
	struct server *s = *state;
	struct tplc_fetch_request req = { 0 };
	struct tplc_fetch_result res;
	struct tplc_error err;
	char url[192], path[128], want[256];
	const char *secret[] = { "apiKey: hush-hush", NULL };

	snprintf(url, sizeof(url), "%s/none.json", s->url);
	snprintf(path, sizeof(path), "%s/none.json", s->dir);
	req.url = url;
	req.path = path;
	req.secret_headers = secret;
	assert_int_equal(tplc_fetch(&req, &res, &err), TPLC_ENOINPUT);
	snprintf(want, sizeof(want), "%s: HTTP 404", url);
	assert_string_equal(err.message, want);
	assert_int_not_equal(access(path, F_OK), 0);
}

static void test_fetch__redirects(void **state)
{
	struct server *s = *state;
	struct tplc_fetch_request req = { 0 };
	struct tplc_fetch_result res;
	struct tplc_error err;
	char url[192], path[128], want[256];
	const char *secret[] = { "apiKey: hush-hush", NULL };

	snprintf(url, sizeof(url), "%s/moved", s->url);
	snprintf(path, sizeof(path), "%s/moved.txt", s->dir);
	req.url = url;
	req.path = path;
	assert_int_equal(tplc_fetch(&req, &res, &err), 0);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.size, 22000);

	/* a key is never carried to wherever a redirect points */
	unlink(path);
	req.secret_headers = secret;
	assert_int_equal(tplc_fetch(&req, &res, &err), TPLC_EIO);
	snprintf(want, sizeof(want), "%s: HTTP 302", url);
	assert_string_equal(err.message, want);
	assert_int_not_equal(access(path, F_OK), 0);

	req.secret_headers = NULL;
	snprintf(url, sizeof(url), "%s/loop", s->url);
	assert_int_equal(tplc_fetch(&req, &res, &err), TPLC_EIO);
	snprintf(want, sizeof(want), "%s: more than %d redirects", url,
	         TPLC_FETCH_REDIRECTS_MAX);
	assert_string_equal(err.message, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fetch__redact_url),
		cmocka_unit_test(test_fetch__rebase_url),
		cmocka_unit_test(test_fetch__content_range),
		cmocka_unit_test(test_fetch__refuses_other_schemes),
		cmocka_unit_test(test_fetch__download_then_not_modified),
		cmocka_unit_test(test_fetch__size_limit),
		cmocka_unit_test(test_fetch__not_found),
		cmocka_unit_test(test_fetch__redirects),
	};

	/* the group setup starts tests/lib/httpd.py on 127.0.0.1 */
	return cmocka_run_group_tests(tests, server_start, server_stop);
}

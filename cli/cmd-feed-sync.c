/* SPDX-License-Identifier: Apache-2.0 */
/* tplc feed sync KIND [URL...]: download feeds, then import them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "net/fetch.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/json.h"
#include "util/jsonw.h"
#include "util/str.h"

/* NVD CVE API 2.0: pages of at most 2000, a pause between pages (NVD
 * asks for it: 5 requests in 30 s without a key, 50 with one), and a
 * lastMod window of at most 120 days. */
#define NVD_PAGE_SIZE    2000
#define NVD_PAGES_MAX    1000
#define NVD_DELAY_MS     6000
#define NVD_DELAY_KEY_MS 600
#define NVD_WINDOW_DAYS  120
#define SYNC_URLS_MAX    256
#define API_KEY_MAX      256

struct sync_kind {
	const char *name;
	const char *url; /* the default feed; NULL: URLs must be given */
};

static const struct sync_kind sync_kinds[] = {
	{ "kev", "https://www.cisa.gov/sites/default/files/feeds/"
	         "known_exploited_vulnerabilities.json" },
	{ "epss", "https://epss.empiricalsecurity.com/"
	          "epss_scores-current.csv.gz" },
	{ "osv", "https://osv-vulnerabilities.storage.googleapis.com/all.zip" },
	{ "nvd", "https://services.nvd.nist.gov/rest/json/cves/2.0" },
	{ "csaf", NULL },
};

/* One file fetched (or found unchanged) by this sync. */
struct sync_item {
	char *url;
	char *path;
	bool record_state; /* feed_state is kept per item (not NVD pages) */
	struct tplc_fetch_result res;
};

struct sync {
	struct cli *cli;
	const struct sync_kind *kind;
	struct tplc_store *store;
	const char *dir; /* DIR/KIND */
	const char *secret[2];
	FILE *progress;
	struct sync_item *items;
	size_t count;
	/* NVD: the feed_state row of the API URL */
	char *nvd_url;
	unsigned long long nvd_bytes;
	size_t advisories, vulns;
};

static const struct sync_kind *find_sync_kind(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sync_kinds) / sizeof(sync_kinds[0]); i++)
		if (strcmp(sync_kinds[i].name, name) == 0)
			return &sync_kinds[i];
	return NULL;
}

static int mkdir_p(struct cli *cli, const char *dir)
{
	char *path = tplx_strdup(dir), *p, c;
	int error = 0;

	if (path == NULL)
		return tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
	for (p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			error = tplc_error_set(&cli->err, TPLC_EIO, "%s: %s",
			                       path, strerror(errno));
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	tplx_free(path);
	return error;
}

/* A local file name from the URL's last path segment: safe characters
 * only; "ECOSYSTEM-all.zip" for OSV's per-ecosystem archives. */
static char *file_name(const char *url, size_t index)
{
	struct tplx_buf buf = TPLX_BUF_INIT(256);
	const char *host = strstr(url, "://"), *end, *seg, *prev = NULL;
	const char *p;

	host = host ? host + 3 : url;
	end = host + strcspn(host, "?#");
	seg = host;
	for (p = host; p < end; p++)
		if (*p == '/') {
			prev = seg;
			seg = p + 1;
		}
	if (index > 0)
		tplx_buf_addf(&buf, "%zu-", index + 1);
	if (end - seg == 7 && strncmp(seg, "all.zip", 7) == 0 && prev != NULL &&
	    prev != host && prev + 1 < seg) {
		for (p = prev; p < seg - 1; p++)
			tplx_buf_addc(&buf, *p);
		tplx_buf_addc(&buf, '-');
	}
	for (p = seg; p < end; p++)
		tplx_buf_addc(&buf, (*p >= 'a' && *p <= 'z') ||
		                                    (*p >= 'A' && *p <= 'Z') ||
		                                    (*p >= '0' && *p <= '9') ||
		                                    *p == '-' || *p == '_' ||
		                                    (*p == '.' && p != seg)
		                            ? *p
		                            : '_');
	if (buf.len == 0)
		tplx_buf_adds(&buf, "index");
	return tplx_buf_detach(&buf);
}

static int join(struct cli *cli, char **out, const char *a, const char *b)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_FETCH_URL_MAX);
	int error = tplx_buf_addf(&buf, "%s/%s", a, b);

	*out = tplx_buf_detach(&buf);
	if (error < 0 || *out == NULL) {
		tplx_free(*out);
		*out = NULL;
		return tplc_error_set(&cli->err, TPLC_ENOMEM, "path too long");
	}
	return 0;
}

static int add_item(struct sync *s, char *url, char *path)
{
	struct sync_item *items;

	items = tplx_reallocarray(s->items, s->count + 1, sizeof(*items));
	if (items == NULL) {
		tplx_free(url);
		tplx_free(path);
		return tplc_error_set(&s->cli->err, TPLC_ENOMEM,
		                      "out of memory");
	}
	s->items = items;
	memset(&items[s->count], 0, sizeof(items[0]));
	items[s->count].url = url;
	items[s->count].path = path;
	s->count++;
	return 0;
}

/* ---- plain feeds: one file per URL, conditional and resumable -------- */

static int fetch_file(struct sync *s, const char *url, size_t index)
{
	struct tplc_fetch_request req;
	struct tplc_feed_state state;
	struct sync_item *item;
	char *name, *path = NULL, *copy;
	struct stat st;
	int error;

	name = file_name(url, index);
	if (name == NULL)
		return tplc_error_set(&s->cli->err, TPLC_ENOMEM,
		                      "out of memory");
	error = join(s->cli, &path, s->dir, name);
	tplx_free(name);
	copy = error == 0 ? tplx_strdup(url) : NULL;
	if (error == 0 && copy == NULL)
		error = tplc_error_set(&s->cli->err, TPLC_ENOMEM,
		                       "out of memory");
	if (error < 0) {
		tplx_free(path);
		return error;
	}
	error = add_item(s, copy, path);
	if (error < 0)
		return error;
	item = &s->items[s->count - 1];
	item->record_state = true;

	memset(&req, 0, sizeof(req));
	req.url = url;
	req.path = item->path;
	req.resume = true;
	req.progress = s->progress;
	/* only ask "changed since?" when the last copy is still here */
	error = tplc_store_feed_state(s->store, url, &state, NULL);
	if (error == 0 && stat(item->path, &st) == 0 && S_ISREG(st.st_mode) &&
	    state.fetched_at[0] != '\0') {
		req.etag = state.etag;
		req.last_modified = state.last_modified;
	}
	return tplc_fetch(&req, &item->res, &s->cli->err);
}

/* ---- NVD: the CVE API, page by page ----------------------------------- */

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* "YYYY-MM-DDTHH:MM:SSZ" (the context's clock) to seconds, or -1. */
static long long iso_seconds(const char *iso)
{
	static const int at[6] = { 0, 5, 8, 11, 14, 17 };
	static const int width[6] = { 4, 2, 2, 2, 2, 2 };
	int v[6], i, j;
	struct tm tm;

	if (strlen(iso) != 20 || iso[19] != 'Z')
		return -1;
	for (i = 0; i < 6; i++) {
		v[i] = 0;
		for (j = at[i]; j < at[i] + width[i]; j++) {
			if (iso[j] < '0' || iso[j] > '9')
				return -1;
			v[i] = v[i] * 10 + (iso[j] - '0');
		}
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = v[0] - 1900;
	tm.tm_mon = v[1] - 1;
	tm.tm_mday = v[2];
	tm.tm_hour = v[3];
	tm.tm_min = v[4];
	tm.tm_sec = v[5];
	return (long long)timegm(&tm);
}

/* NVD's date form, "+00:00" escaped for the query string. */
static void nvd_date(char *buf, size_t size, const char *iso)
{
	snprintf(buf, size, "%.19s.000%%2B00:00", iso);
}

static int page_numbers(struct cli *cli, const char *path, long *total,
                        long *start, long *per_page)
{
	struct tplx_json_doc *doc = NULL;
	struct tplx_jpath root = TPLX_JPATH_ROOT;
	const struct tplx_json *n[3] = { NULL, NULL, NULL };
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("totalResults", TPLX_JSON_NUMBER, &n[0], true),
		TPLX_FIELD_NODE("startIndex", TPLX_JSON_NUMBER, &n[1], true),
		TPLX_FIELD_NODE("resultsPerPage", TPLX_JSON_NUMBER, &n[2],
		                true),
	};
	char *data = NULL;
	size_t len, i;
	long *out[3] = { total, start, per_page };
	int error;

	error = tplx_file_read(&data, &len, path, TPLX_FILE_MAX, &cli->err);
	if (error == 0)
		error = tplx_json_parse(&doc, data, len, path, &cli->err);
	if (error == 0)
		error = tplx_json_expect(doc, doc->root, &root,
		                         TPLX_JSON_OBJECT, &cli->err);
	if (error == 0)
		error = tplx_json_fields(doc, doc->root, &root, fields,
		                         TPLX_FIELDS_COUNT(fields), &cli->err);
	for (i = 0; error == 0 && i < 3; i++) {
		if (!n[i]->u.number.is_integer || n[i]->u.number.value < 0 ||
		    n[i]->u.number.value > 1e9)
			error = tplx_json_fail(doc, n[i], &root, &cli->err,
			                       "%s: expected a count",
			                       fields[i].key);
		else
			*out[i] = (long)n[i]->u.number.value;
	}
	tplx_json_doc_free(doc);
	tplx_free(data);
	return error;
}

static int sync_nvd(struct sync *s, const char *base, bool with_key)
{
	struct tplc_feed_state state;
	struct tplc_fetch_request req;
	struct sync_item *item;
	const char *now = tplc_ctx_now(s->cli->ctx);
	char from[48], to[48], *url, *path;
	long total = 0, start = 0, per_page = 0, next = 0;
	long long last;
	size_t page;
	int error;

	s->nvd_url = tplx_strdup(base);
	if (s->nvd_url == NULL)
		return tplc_error_set(&s->cli->err, TPLC_ENOMEM,
		                      "out of memory");
	/* after a first full sync, only what changed since the last one */
	from[0] = '\0';
	if (tplc_store_feed_state(s->store, base, &state, NULL) == 0 &&
	    state.fetched_at[0] != '\0') {
		last = iso_seconds(state.fetched_at);
		if (last >= 0 && iso_seconds(now) - last <=
		                         (long long)NVD_WINDOW_DAYS * 86400) {
			nvd_date(from, sizeof(from), state.fetched_at);
			nvd_date(to, sizeof(to), now);
		} else {
			cli_note(s->cli,
			         "nvd: last sync more than %d days ago: "
			         "fetching everything",
			         NVD_WINDOW_DAYS);
		}
	}
	for (page = 0; page < NVD_PAGES_MAX; page++) {
		struct tplx_buf u = TPLX_BUF_INIT(TPLC_FETCH_URL_MAX);
		char name[32];

		if (page > 0)
			pause_ms(with_key ? NVD_DELAY_KEY_MS : NVD_DELAY_MS);
		error = tplx_buf_addf(
		        &u, "%s%cresultsPerPage=%d&startIndex=%ld", base,
		        strchr(base, '?') ? '&' : '?', NVD_PAGE_SIZE, next);
		if (error == 0 && from[0] != '\0')
			error = tplx_buf_addf(&u,
			                      "&lastModStartDate=%s"
			                      "&lastModEndDate=%s",
			                      from, to);
		url = tplx_buf_detach(&u);
		snprintf(name, sizeof(name), "page-%06zu.json", page);
		path = NULL;
		if (error == 0 && url != NULL)
			error = join(s->cli, &path, s->dir, name);
		else
			error = tplc_error_set(&s->cli->err, TPLC_ENOMEM,
			                       "URL too long");
		if (error < 0) {
			tplx_free(url);
			return error;
		}
		error = add_item(s, url, path);
		if (error < 0)
			return error;
		item = &s->items[s->count - 1];
		memset(&req, 0, sizeof(req));
		req.url = item->url;
		req.path = item->path;
		req.secret_headers = s->secret;
		req.progress = s->progress;
		error = tplc_fetch(&req, &item->res, &s->cli->err);
		if (error == 0 && item->res.outcome != TPLC_FETCH_DOWNLOADED)
			error = tplc_error_set(&s->cli->err, TPLC_EIO,
			                       "%s: HTTP %ld", base,
			                       item->res.status);
		if (error == 0)
			error = page_numbers(s->cli, item->path, &total, &start,
			                     &per_page);
		if (error < 0)
			return error;
		s->nvd_bytes += item->res.size;
		next = start + per_page;
		if (per_page == 0 || next >= total)
			return 0;
	}
	return tplc_error_set(&s->cli->err, TPLC_ELIMIT,
	                      "%s: more than %d pages", base, NVD_PAGES_MAX);
}

/* ---- import and report ------------------------------------------------ */

static int import_all(struct sync *s)
{
	struct sync_item *item;
	size_t i, advisories, vulns;
	int error;

	error = tplc_store_begin(s->store, &s->cli->err);
	for (i = 0; error == 0 && i < s->count; i++) {
		item = &s->items[i];
		if (item->res.outcome == TPLC_FETCH_DOWNLOADED) {
			advisories = vulns = 0;
			error = cli_feed_import_file(s->cli, s->store,
			                             s->kind->name, item->path,
			                             &advisories, &vulns);
			s->advisories += advisories;
			s->vulns += vulns;
		}
		if (error < 0 || !item->record_state)
			continue;
		if (item->res.outcome == TPLC_FETCH_DOWNLOADED)
			error = tplc_store_feed_fetched(
			        s->store, item->url, s->kind->name,
			        item->res.etag, item->res.last_modified,
			        (long long)item->res.size, &s->cli->err);
		else
			error = tplc_store_feed_checked(s->store, item->url,
			                                s->kind->name,
			                                &s->cli->err);
	}
	if (error == 0 && s->nvd_url != NULL)
		error = tplc_store_feed_fetched(
		        s->store, s->nvd_url, "nvd", NULL, NULL,
		        (long long)s->nvd_bytes, &s->cli->err);
	if (error == 0)
		error = tplc_store_commit(s->store, &s->cli->err);
	if (error < 0)
		tplc_store_rollback(s->store);
	return error;
}

static void report(const struct sync *s, bool imported)
{
	struct tplx_jsonw w;
	unsigned long long bytes = 0;
	size_t fetched = 0, unchanged = 0, i;
	char url[TPLC_FETCH_URL_MAX];

	for (i = 0; i < s->count; i++) {
		if (s->items[i].res.outcome == TPLC_FETCH_DOWNLOADED)
			fetched++;
		else
			unchanged++;
		bytes += s->items[i].res.received;
	}
	if (s->cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "feed", s->kind->name);
		tplx_jsonw_key(&w, "urls");
		tplx_jsonw_array_begin(&w);
		for (i = 0; i < s->count; i++) {
			const struct sync_item *it = &s->items[i];

			tplc_fetch_redact_url(it->url, url, sizeof(url));
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "url", url);
			tplx_jsonw_kstring(&w, "file", it->path);
			tplx_jsonw_kstring(&w, "status",
			                   it->res.outcome ==
			                                   TPLC_FETCH_DOWNLOADED
			                           ? "fetched"
			                           : "not modified");
			tplx_jsonw_kint(&w, "bytes",
			                (long long)it->res.received);
			tplx_jsonw_kbool(&w, "resumed", it->res.resumed);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_kint(&w, "fetched", (long long)fetched);
		tplx_jsonw_kint(&w, "not_modified", (long long)unchanged);
		tplx_jsonw_kint(&w, "bytes", (long long)bytes);
		tplx_jsonw_kbool(&w, "imported", imported);
		tplx_jsonw_kint(&w, "advisories", (long long)s->advisories);
		tplx_jsonw_kint(&w, "vulnerabilities", (long long)s->vulns);
		tplx_jsonw_object_end(&w);
		return;
	}
	for (i = 0; i < s->count; i++) {
		const struct sync_item *it = &s->items[i];

		tplc_fetch_redact_url(it->url, url, sizeof(url));
		if (it->res.outcome == TPLC_FETCH_DOWNLOADED)
			printf("%s: %s: %llu bytes%s\n", s->kind->name, url,
			       it->res.received,
			       it->res.resumed ? " (resumed)" : "");
		else
			printf("%s: %s: not modified\n", s->kind->name, url);
	}
	printf("%s: %zu fetched, %zu not modified, %llu bytes", s->kind->name,
	       fetched, unchanged, bytes);
	if (imported)
		printf(", %zu advisories, %zu vulnerabilities imported\n",
		       s->advisories, s->vulns);
	else
		printf(", not imported\n");
}

static void sync_free(struct sync *s)
{
	size_t i;

	for (i = 0; i < s->count; i++) {
		tplx_free(s->items[i].url);
		tplx_free(s->items[i].path);
	}
	tplx_free(s->items);
	tplx_free(s->nvd_url);
}

/* The default URL, on TPLC_FEED_BASE_URL's host when that is set. */
static int default_url(struct cli *cli, char **out, const char *url,
                       const char *ecosystem)
{
	const char *base = getenv("TPLC_FEED_BASE_URL");
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_FETCH_URL_MAX);
	char *rebased = NULL;
	int error = 0;

	if (base != NULL && base[0] != '\0') {
		error = tplc_fetch_rebase_url(&rebased, url, base, &cli->err);
		url = rebased;
	}
	if (error == 0 && ecosystem != NULL) {
		/* .../all.zip becomes .../ECOSYSTEM/all.zip */
		error = tplx_buf_add(&buf, url,
		                     strlen(url) - strlen("all.zip"));
		if (error == 0)
			error = tplx_buf_addf(&buf, "%s/all.zip", ecosystem);
	} else if (error == 0) {
		error = tplx_buf_adds(&buf, url);
	}
	tplx_free(rebased);
	*out = tplx_buf_detach(&buf);
	if (error < 0 || *out == NULL) {
		tplx_free(*out);
		*out = NULL;
		if (cli->err.code == 0)
			tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
		return error < 0 ? error : TPLC_ENOMEM;
	}
	return 0;
}

static int run_sync(struct sync *s, const struct cli_args *args,
                    const char *url, bool import)
{
	int error = 0, i;

	if (strcmp(s->kind->name, "nvd") == 0) {
		error = sync_nvd(s, args->count > 1 ? args->items[1] : url,
		                 s->secret[0] != NULL);
	} else if (args->count > 1) {
		for (i = 1; error == 0 && i < args->count; i++)
			error = fetch_file(s, args->items[i], (size_t)(i - 1));
	} else {
		error = fetch_file(s, url, 0);
	}
	/* every download first, then one transaction: a failed fetch
	 * leaves the store exactly as it was */
	if (error == 0 && import)
		error = import_all(s);
	return error;
}

int cmd_feed_sync(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "dir", "DIR",
		  "where downloads go (default: feeds/ next to "
		  "the database)" },
		{ "api-key-env", "VAR",
		  "nvd: send the API key held in environment variable VAR" },
		{ "ecosystem", "NAME", "osv: only this ecosystem's all.zip" },
		{ "no-import", NULL,
		  "download only; the feed state is not recorded" },
		{ NULL, NULL, NULL },
	};
	struct sync s;
	struct cli_args args;
	const char *dir, *key_env, *ecosystem, *slash;
	char *url = NULL, *feeds = NULL, *kind_dir = NULL;
	char header[API_KEY_MAX + 16];
	bool import;
	int status, error;

	status = cli_parse(
	        cli,
	        "feed sync kev|epss|osv|nvd|csaf [URL...] [--dir DIR] "
	        "[--api-key-env VAR]",
	        "Download advisory feeds and import them.  Unchanged feeds "
	        "are not\ndownloaded again (ETag, Last-Modified); an "
	        "interrupted download resumes.\nnvd pages through the CVE "
	        "API, after the first sync only what changed.\n"
	        "TPLC_FEED_BASE_URL=http://host:port replaces the host of "
	        "the default URLs\n(a mirror; the tests' local server).",
	        opts, 1, SYNC_URLS_MAX, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&s, 0, sizeof(s));
	s.cli = cli;
	s.kind = find_sync_kind(args.items[0]);
	if (s.kind == NULL)
		return cli_die(EXIT_USAGE,
		               "unknown feed '%s': kev, epss, osv, nvd or csaf",
		               args.items[0]);
	if (s.kind->url == NULL && args.count < 2)
		return cli_die(EXIT_USAGE,
		               "%s: give the URLs to fetch (provider "
		               "directories are not read yet)",
		               s.kind->name);
	if (strcmp(s.kind->name, "nvd") == 0 && args.count > 2)
		return cli_die(EXIT_USAGE, "nvd: one API URL at most");
	key_env = cli_opt(&args, opts, "api-key-env");
	ecosystem = cli_opt(&args, opts, "ecosystem");
	import = !cli_flag(&args, opts, "no-import");
	if (key_env != NULL) {
		const char *key = getenv(key_env);

		if (strcmp(s.kind->name, "nvd") != 0)
			return cli_die(EXIT_USAGE,
			               "--api-key-env is for nvd only");
		if (key == NULL || key[0] == '\0')
			return cli_die(EXIT_USAGE, "%s is not set", key_env);
		if (strlen(key) > API_KEY_MAX || strpbrk(key, "\r\n") != NULL)
			return cli_die(EXIT_USAGE, "%s: not an API key",
			               key_env);
		snprintf(header, sizeof(header), "apiKey: %s", key);
		s.secret[0] = header;
	}
	if (ecosystem != NULL &&
	    (strcmp(s.kind->name, "osv") != 0 || args.count > 1 ||
	     ecosystem[0] == '\0' || strpbrk(ecosystem, "/?#%") != NULL))
		return cli_die(EXIT_USAGE,
		               "--ecosystem: osv only, a name such as PyPI, "
		               "without URLs");

	status = cli_store(cli, &s.store);
	if (status != 0)
		return status;
	dir = cli_opt(&args, opts, "dir");
	error = 0;
	if (dir == NULL) {
		slash = strrchr(cli->db_path, '/');
		feeds = slash == NULL
		                ? tplx_strdup("feeds")
		                : tplx_strndup(cli->db_path,
		                               (size_t)(slash - cli->db_path));
		if (feeds != NULL && slash != NULL) {
			char *f = NULL;

			error = join(cli, &f, feeds, "feeds");
			tplx_free(feeds);
			feeds = f;
		}
		if (error == 0 && feeds == NULL)
			error = tplc_error_set(&cli->err, TPLC_ENOMEM,
			                       "out of memory");
		dir = feeds;
	}
	if (error == 0)
		error = join(cli, &kind_dir, dir, s.kind->name);
	if (error == 0)
		error = mkdir_p(cli, kind_dir);
	s.dir = kind_dir;
	if (error == 0 && s.kind->url != NULL)
		error = default_url(cli, &url, s.kind->url, ecosystem);
	s.progress = !cli->quiet && isatty(STDERR_FILENO) ? stderr : NULL;
	if (error == 0)
		error = run_sync(&s, &args, url, import);
	if (error == 0)
		report(&s, import);
	explicit_bzero(header, sizeof(header));
	sync_free(&s);
	tplx_free(url);
	tplx_free(feeds);
	tplx_free(kind_dir);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

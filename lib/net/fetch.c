/* SPDX-License-Identifier: Apache-2.0 */
/* One URL to one file with libcurl: conditional, resumable, bounded. */
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "net/fetch.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/str.h"

/* The validators of a .part live beside it, one per line. */
#define META_MAX (2 * TPLC_FETCH_VALIDATOR_MAX + 8)
/* Progress is redrawn at most this often while the size is unknown. */
#define PROGRESS_STEP ((unsigned long long)1 << 20)

struct transfer {
	const struct tplc_fetch_request *req;
	const char *part;
	char url[TPLC_FETCH_URL_MAX]; /* redacted, for messages */
	FILE *fp;                     /* the .part, once a body arrives */
	unsigned long long offset;    /* bytes of .part asked to skip */
	unsigned long long written;   /* bytes written after offset */
	unsigned long long received;
	unsigned long long max;
	long status; /* of the response being read */
	bool range_ok, restart, wrong_range, too_large, write_failed;
	int write_errno;
	char etag[TPLC_FETCH_VALIDATOR_MAX];
	char last_modified[TPLC_FETCH_VALIDATOR_MAX];
	unsigned long long range_start;
	int shown_percent;
	unsigned long long shown_bytes;
	bool shown;
};

void tplc_fetch_redact_url(const char *url, char *buf, size_t size)
{
	const char *host = strstr(url, "://");
	const char *at, *end;

	if (size == 0)
		return;
	if (host == NULL) {
		snprintf(buf, size, "%s", url);
		return;
	}
	host += 3;
	end = host + strcspn(host, "/?#");
	at = memchr(host, '@', (size_t)(end - host));
	if (at == NULL)
		snprintf(buf, size, "%s", url);
	else
		snprintf(buf, size, "%.*s%s", (int)(host - url), url, at + 1);
}

static bool is_http(const char *url)
{
	return tplx_starts_with(url, "http://") ||
	       tplx_starts_with(url, "https://");
}

int tplc_fetch_rebase_url(char **out, const char *url, const char *base,
                          struct tplc_error *err)
{
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_FETCH_URL_MAX);
	const char *rest;
	size_t base_len = strlen(base);
	int error;

	*out = NULL;
	if (!is_http(url) || !is_http(base))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "not an http(s) URL: %s",
		                      is_http(base) ? "default URL" : base);
	rest = strstr(url, "://") + 3;
	rest += strcspn(rest, "/?#");
	while (base_len > 0 && base[base_len - 1] == '/')
		base_len--;
	error = tplx_buf_add(&buf, base, base_len);
	if (error == 0)
		error = tplx_buf_adds(&buf, rest);
	if (error < 0) {
		tplx_buf_release(&buf);
		return tplc_error_set(err, error, "URL too long");
	}
	*out = tplx_buf_detach(&buf);
	return 0;
}

static int parse_u64(const char **p, unsigned long long *out)
{
	unsigned long long v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (~0ULL - 9) / 10)
			return -1;
		v = v * 10 + (unsigned long long)(*s - '0');
	}
	*p = s;
	*out = v;
	return 0;
}

int tplc_fetch_parse_content_range(const char *value, unsigned long long *start)
{
	unsigned long long first, last, total;
	const char *p = value;

	if (strncasecmp(p, "bytes ", 6) != 0)
		return -1;
	p += 6;
	if (parse_u64(&p, &first) < 0 || *p++ != '-' ||
	    parse_u64(&p, &last) < 0 || *p++ != '/' || last < first)
		return -1;
	if (*p == '*')
		p++;
	else if (parse_u64(&p, &total) < 0 || last >= total)
		return -1;
	if (*p != '\0')
		return -1;
	*start = first;
	return 0;
}

/* Copy a header value unless it is too long to be kept whole. */
static void keep_value(char *dst, size_t size, const char *v, size_t len)
{
	if (len >= size)
		len = 0;
	memcpy(dst, v, len);
	dst[len] = '\0';
}

static size_t on_header(char *line, size_t size, size_t count, void *data)
{
	struct transfer *t = data;
	size_t len = size * count, name_len;
	const char *colon, *v;
	char value[TPLC_FETCH_VALIDATOR_MAX];

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (len > 5 && memcmp(line, "HTTP/", 5) == 0) {
		/* a new response (after a redirect or 100): forget the last */
		const char *sp = memchr(line, ' ', len);
		int digits;

		t->status = 0;
		t->range_ok = false;
		t->etag[0] = t->last_modified[0] = '\0';
		if (sp != NULL && line + len - sp >= 4)
			for (sp++, digits = 0;
			     digits < 3 && *sp >= '0' && *sp <= '9';
			     sp++, digits++)
				t->status = t->status * 10 + (*sp - '0');
		return size * count;
	}
	colon = memchr(line, ':', len);
	if (colon == NULL)
		return size * count;
	name_len = (size_t)(colon - line);
	v = colon + 1;
	while (v < line + len && (*v == ' ' || *v == '\t'))
		v++;
	if (name_len == 4 && strncasecmp(line, "etag", 4) == 0) {
		keep_value(t->etag, sizeof(t->etag), v,
		           (size_t)(line + len - v));
	} else if (name_len == 13 &&
	           strncasecmp(line, "last-modified", 13) == 0) {
		keep_value(t->last_modified, sizeof(t->last_modified), v,
		           (size_t)(line + len - v));
	} else if (name_len == 13 &&
	           strncasecmp(line, "content-range", 13) == 0) {
		keep_value(value, sizeof(value), v, (size_t)(line + len - v));
		t->range_ok = tplc_fetch_parse_content_range(
		                      value, &t->range_start) == 0;
	}
	return size * count;
}

/* The first body byte of a 2xx decides: append to the .part when the
 * server continued where it stopped, else start it over. */
static int open_part(struct transfer *t)
{
	bool append = t->status == 206 && t->range_ok && t->offset > 0 &&
	              t->range_start == t->offset;

	if (t->status == 206 && !append) {
		t->wrong_range = true;
		return -1;
	}
	if (!append)
		t->offset = 0;
	t->fp = fopen(t->part, append ? "r+b" : "wb");
	if (t->fp != NULL && append &&
	    (ftruncate(fileno(t->fp), (off_t)t->offset) != 0 ||
	     fseeko(t->fp, (off_t)t->offset, SEEK_SET) != 0)) {
		fclose(t->fp);
		t->fp = NULL;
	}
	if (t->fp == NULL) {
		t->write_failed = true;
		t->write_errno = errno;
		return -1;
	}
	t->restart = !append;
	return 0;
}

static size_t on_body(char *data, size_t size, size_t count, void *userdata)
{
	struct transfer *t = userdata;
	size_t len = size * count;

	if (t->status < 200 || t->status > 299)
		return len; /* an error page: read and dropped */
	if (t->fp == NULL && open_part(t) < 0)
		return 0;
	if (t->offset + t->written + len > t->max) {
		t->too_large = true;
		return 0;
	}
	if (fwrite(data, 1, len, t->fp) != len) {
		t->write_failed = true;
		t->write_errno = errno;
		return 0;
	}
	t->written += len;
	t->received += len;
	return len;
}

static int on_progress(void *data, curl_off_t total, curl_off_t now,
                       curl_off_t ut, curl_off_t un)
{
	struct transfer *t = data;
	unsigned long long have, all;
	int percent;

	(void)ut;
	(void)un;
	if (t->status < 200 || t->status > 299 || now <= 0)
		return 0;
	have = (t->restart ? 0 : t->offset) + (unsigned long long)now;
	if (total > 0) {
		all = (t->restart ? 0 : t->offset) + (unsigned long long)total;
		percent = (int)(have * 100 / (all ? all : 1));
		if (t->shown && percent == t->shown_percent)
			return 0;
		fprintf(t->req->progress, "\r%s: %llu of %llu bytes (%d%%)",
		        t->url, have, all, percent);
		t->shown_percent = percent;
	} else {
		if (t->shown && have < t->shown_bytes + PROGRESS_STEP)
			return 0;
		fprintf(t->req->progress, "\r%s: %llu bytes", t->url, have);
		t->shown_bytes = have;
	}
	t->shown = true;
	fflush(t->req->progress);
	return 0;
}

/* ---- the .part and its validators ------------------------------------ */

static void meta_path(char *buf, size_t size, const char *part)
{
	snprintf(buf, size, "%s.meta", part);
}

/* What to send as If-Range for a .part, or false when it cannot resume. */
static bool read_meta(const char *part, char *if_range, size_t size)
{
	char path[TPLC_FETCH_URL_MAX], *data = NULL, *nl;
	size_t len;
	bool ok = false;

	meta_path(path, sizeof(path), part);
	if (tplx_file_read(&data, &len, path, META_MAX, NULL) < 0)
		return false;
	nl = strchr(data, '\n');
	if (nl != NULL) {
		*nl = '\0';
		/* a weak ETag cannot vouch for bytes: fall back on the date */
		if (data[0] == '"' && strlen(data) < size) {
			snprintf(if_range, size, "%s", data);
			ok = true;
		} else if (tplx_trim(nl + 1)[0] != '\0' &&
		           strlen(nl + 1) < size) {
			snprintf(if_range, size, "%s", nl + 1);
			ok = true;
		}
	}
	tplx_free(data);
	return ok;
}

static void write_meta(const struct transfer *t)
{
	char path[TPLC_FETCH_URL_MAX];
	FILE *fp;

	meta_path(path, sizeof(path), t->part);
	if (t->etag[0] == '\0' && t->last_modified[0] == '\0') {
		/* a 206 without validators keeps those of the start */
		if (t->restart)
			unlink(path);
		return;
	}
	fp = fopen(path, "w");
	if (fp == NULL)
		return; /* the next run starts over: slower, not wrong */
	fprintf(fp, "%s\n%s\n", t->etag, t->last_modified);
	if (fclose(fp) != 0)
		unlink(path);
}

static void drop_part(const char *part)
{
	char path[TPLC_FETCH_URL_MAX];

	meta_path(path, sizeof(path), part);
	unlink(part);
	unlink(path);
}

/* ---- the transfer ----------------------------------------------------- */

static int curl_fail(const struct transfer *t, CURLcode rc,
                     struct tplc_error *err)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
		return tplc_error_set(err, TPLC_EIO, "%s: couldn't connect",
		                      t->url);
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return tplc_error_set(err, TPLC_EIO,
		                      "%s: couldn't resolve host", t->url);
	case CURLE_OPERATION_TIMEDOUT:
		return tplc_error_set(err, TPLC_EIO, "%s: timed out%s", t->url,
		                      t->written ? "; run again to resume"
		                                 : "");
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		return tplc_error_set(err, TPLC_EIO,
		                      "%s: transfer interrupted after %llu "
		                      "bytes; run again to resume",
		                      t->url, t->offset + t->written);
	case CURLE_TOO_MANY_REDIRECTS:
		return tplc_error_set(err, TPLC_EIO,
		                      "%s: more than %d redirects", t->url,
		                      TPLC_FETCH_REDIRECTS_MAX);
	case CURLE_FILESIZE_EXCEEDED:
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s: larger than the maximum of %llu "
		                      "bytes",
		                      t->url, t->max);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return tplc_error_set(err, TPLC_EIO,
		                      "%s: redirected to a protocol that is "
		                      "not allowed",
		                      t->url);
	default:
		return tplc_error_set(err, TPLC_EIO, "%s: %s", t->url,
		                      curl_easy_strerror(rc));
	}
}

static int setup(CURL *curl, struct transfer *t, struct curl_slist **headers,
                 const char *if_range, char *ua, size_t ua_size)
{
	const struct tplc_fetch_request *req = t->req;
	const char *const *h;
	char line[TPLC_FETCH_VALIDATOR_MAX + 32];
	struct curl_slist *l;
	bool secret = req->secret_headers && req->secret_headers[0];
	CURLcode rc = CURLE_OK;

	*headers = NULL;
	for (h = req->secret_headers; h != NULL && *h != NULL; h++) {
		l = curl_slist_append(*headers, *h);
		if (l == NULL)
			return TPLC_ENOMEM;
		*headers = l;
	}
	line[0] = '\0';
	if (if_range != NULL)
		snprintf(line, sizeof(line), "If-Range: %s", if_range);
	else if (req->etag != NULL && req->etag[0])
		snprintf(line, sizeof(line), "If-None-Match: %s", req->etag);
	if (line[0] != '\0') {
		l = curl_slist_append(*headers, line);
		if (l == NULL)
			return TPLC_ENOMEM;
		*headers = l;
	}
	if (if_range == NULL && req->last_modified != NULL &&
	    req->last_modified[0]) {
		snprintf(line, sizeof(line), "If-Modified-Since: %s",
		         req->last_modified);
		l = curl_slist_append(*headers, line);
		if (l == NULL)
			return TPLC_ENOMEM;
		*headers = l;
	}
	snprintf(ua, ua_size, "tplc/%s", tplc_version());

#define SET(opt, val)                                          \
	do {                                                   \
		if (rc == CURLE_OK)                            \
			rc = curl_easy_setopt(curl, opt, val); \
	} while (0)
	SET(CURLOPT_URL, req->url);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
	/* an https feed is never followed down to plain http */
	SET(CURLOPT_REDIR_PROTOCOLS_STR,
	    tplx_starts_with(req->url, "https://") ? "https" : "http,https");
	SET(CURLOPT_FOLLOWLOCATION, secret ? 0L : 1L);
	SET(CURLOPT_MAXREDIRS, (long)TPLC_FETCH_REDIRECTS_MAX);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_CONNECTTIMEOUT, (long)TPLC_FETCH_CONNECT_TIMEOUT);
	SET(CURLOPT_LOW_SPEED_LIMIT, 1L);
	SET(CURLOPT_LOW_SPEED_TIME, (long)TPLC_FETCH_STALL_TIMEOUT);
	SET(CURLOPT_TIMEOUT, req->timeout);
	SET(CURLOPT_USERAGENT, ua);
	SET(CURLOPT_HTTPHEADER, *headers);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)(t->max - t->offset));
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, t);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, t);
	if (if_range != NULL) {
		snprintf(line, sizeof(line), "%llu-", t->offset);
		SET(CURLOPT_RANGE, line);
	}
	if (req->progress != NULL) {
		SET(CURLOPT_XFERINFOFUNCTION, on_progress);
		SET(CURLOPT_XFERINFODATA, t);
		SET(CURLOPT_NOPROGRESS, 0L);
	}
#undef SET
	return rc == CURLE_OK ? 0 : TPLC_ERROR;
}

/* After the transfer: put the file in place or say what went wrong.
 * Returns 1 when the .part should be dropped and the fetch tried anew. */
static int finish(struct transfer *t, CURLcode rc, bool ranged,
                  struct tplc_fetch_result *res, struct tplc_error *err)
{
	const char *path = t->req->path;
	int closed = 0;

	if (t->fp != NULL) {
		closed = fclose(t->fp);
		if (closed != 0 && !t->write_failed) {
			t->write_failed = true;
			t->write_errno = errno;
		}
		t->fp = NULL;
	}
	res->status = t->status;
	res->received = t->received;
	if (t->wrong_range || (ranged && t->status == 416))
		return 1;
	if (t->write_failed) {
		drop_part(t->part);
		return tplc_error_set(err, TPLC_EIO, "%s: %s", t->part,
		                      strerror(t->write_errno));
	}
	if (t->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		drop_part(t->part);
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s: larger than the maximum of %llu "
		                      "bytes",
		                      t->url, t->max);
	}
	if (rc != CURLE_OK) {
		if (t->written > 0)
			write_meta(t);
		return curl_fail(t, rc, err);
	}
	if (t->status == 304) {
		res->outcome = TPLC_FETCH_NOT_MODIFIED;
		return 0;
	}
	if (t->status < 200 || t->status > 299)
		return tplc_error_set(err,
		                      t->status == 404 || t->status == 410
		                              ? TPLC_ENOINPUT
		                              : TPLC_EIO,
		                      "%s: HTTP %ld", t->url, t->status);
	if (t->written == 0 && t->offset == 0) {
		/* an empty body never reached on_body */
		t->fp = fopen(t->part, "wb");
		if (t->fp == NULL || fclose(t->fp) != 0)
			return tplc_error_set(err, TPLC_EIO, "%s: %s", t->part,
			                      strerror(errno));
		t->fp = NULL;
	}
	if (rename(t->part, path) != 0)
		return tplc_error_set(err, TPLC_EIO, "%s: cannot rename: %s",
		                      path, strerror(errno));
	{
		char meta[TPLC_FETCH_URL_MAX];

		meta_path(meta, sizeof(meta), t->part);
		unlink(meta);
	}
	res->outcome = TPLC_FETCH_DOWNLOADED;
	res->resumed = !t->restart && t->offset > 0;
	res->size = t->offset + t->written;
	snprintf(res->etag, sizeof(res->etag), "%s", t->etag);
	snprintf(res->last_modified, sizeof(res->last_modified), "%s",
	         t->last_modified);
	return 0;
}

static int attempt(struct transfer *t, bool may_resume,
                   struct tplc_fetch_result *res, struct tplc_error *err)
{
	char if_range[TPLC_FETCH_VALIDATOR_MAX], ua[64];
	struct curl_slist *headers = NULL;
	struct stat st;
	bool ranged = false;
	CURL *curl;
	CURLcode rc;
	int error;

	t->offset = 0;
	if (may_resume && stat(t->part, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && (unsigned long long)st.st_size < t->max &&
	    read_meta(t->part, if_range, sizeof(if_range))) {
		t->offset = (unsigned long long)st.st_size;
		ranged = true;
	}
	curl = curl_easy_init();
	if (curl == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "cannot start libcurl");
	error = setup(curl, t, &headers, ranged ? if_range : NULL, ua,
	              sizeof(ua));
	if (error < 0) {
		error = tplc_error_set(err, error, "%s: cannot set up request",
		                       t->url);
	} else {
		rc = curl_easy_perform(curl);
		if (t->shown) {
			fputc('\n', t->req->progress);
			t->shown = false;
		}
		error = finish(t, rc, ranged, res, err);
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	return error;
}

int tplc_fetch(const struct tplc_fetch_request *req,
               struct tplc_fetch_result *res, struct tplc_error *err)
{
	struct transfer *t;
	char *part = NULL;
	int error;

	memset(res, 0, sizeof(*res));
	if (!is_http(req->url))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "not an http(s) URL: %s", req->url);
	t = tplx_calloc(1, sizeof(*t));
	part = tplx_malloc(strlen(req->path) + sizeof(".part"));
	if (t == NULL || part == NULL) {
		tplx_free(t);
		tplx_free(part);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	memcpy(part, req->path, strlen(req->path));
	memcpy(part + strlen(req->path), ".part", sizeof(".part"));
	t->req = req;
	t->part = part;
	t->max = req->max_bytes ? req->max_bytes : TPLC_FETCH_SIZE_MAX;
	tplc_fetch_redact_url(req->url, t->url, sizeof(t->url));

	error = attempt(t, req->resume, res, err);
	if (error == 1) {
		/* the server would not continue this .part: start over */
		drop_part(part);
		memset(t->etag, 0, sizeof(t->etag));
		t->written = t->received = 0;
		t->wrong_range = t->restart = false;
		error = attempt(t, false, res, err);
		if (error == 1)
			error = tplc_error_set(err, TPLC_EIO,
			                       "%s: server sent a range that "
			                       "was not asked for",
			                       t->url);
	}
	tplx_free(part);
	tplx_free(t);
	return error;
}

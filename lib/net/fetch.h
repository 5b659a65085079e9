/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_NET_FETCH_H
#define TPLC_NET_FETCH_H

/*
 * Download one URL to a file over HTTP(S) with libcurl: certificates are
 * always verified, sizes and redirects are bounded, requests can be
 * conditional (ETag, Last-Modified) and an interrupted download resumes
 * from PATH.part.  Only a complete download is renamed onto PATH.
 *
 * Messages name the URL (without any user:password@) and never a
 * header: secret_headers (an API key) stay out of errors and progress.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tplc/error.h"

#define TPLC_FETCH_SIZE_MAX        ((unsigned long long)8 << 30) /* 8 GiB */
#define TPLC_FETCH_REDIRECTS_MAX   5
#define TPLC_FETCH_CONNECT_TIMEOUT 30 /* seconds */
#define TPLC_FETCH_STALL_TIMEOUT   60 /* seconds without a byte */
#define TPLC_FETCH_VALIDATOR_MAX   256
#define TPLC_FETCH_URL_MAX         4096

struct tplc_fetch_request {
	const char *url;
	const char *path;          /* destination; PATH.part meanwhile */
	const char *etag;          /* previous ETag: If-None-Match, or NULL */
	const char *last_modified; /* previous date: If-Modified-Since */
	/* "Name: value" lines, NULL-terminated, or NULL.  Never shown, and
	 * redirects are not followed so they cannot leak to another host. */
	const char *const *secret_headers;
	unsigned long long max_bytes; /* 0: TPLC_FETCH_SIZE_MAX */
	long timeout;                 /* whole transfer in seconds, 0: none */
	bool resume;                  /* continue a PATH.part if possible */
	FILE *progress;               /* progress lines go here, or NULL */
};

enum tplc_fetch_outcome {
	TPLC_FETCH_DOWNLOADED,   /* PATH holds the new content */
	TPLC_FETCH_NOT_MODIFIED, /* 304: PATH was left alone */
};

struct tplc_fetch_result {
	enum tplc_fetch_outcome outcome;
	long status;                 /* the final HTTP status */
	bool resumed;                /* a .part was continued (206) */
	unsigned long long received; /* body bytes received by this call */
	unsigned long long size;     /* size of PATH when downloaded */
	char etag[TPLC_FETCH_VALIDATOR_MAX];          /* "" when none */
	char last_modified[TPLC_FETCH_VALIDATOR_MAX]; /* "" when none */
};

/*
 * Fetch req->url into req->path.  Errors: TPLC_ENOINPUT for HTTP 404 and
 * 410, TPLC_ELIMIT past max_bytes, TPLC_EIO for other HTTP statuses,
 * network failures and local write errors, TPLC_EINVAL for a URL that is
 * not http(s).  An interrupted transfer keeps PATH.part (and its
 * validators in PATH.part.meta) for the next call.
 */
int tplc_fetch(const struct tplc_fetch_request *req,
               struct tplc_fetch_result *res, struct tplc_error *err);

/* url without "user:password@", for messages; always NUL-terminated. */
void tplc_fetch_redact_url(const char *url, char *buf, size_t size);

/*
 * Replace the scheme and host (and port) of url with base, which may
 * carry a path prefix ("http://127.0.0.1:8080/mirror").  The caller
 * frees *out with tplx_free.  TPLC_EINVAL when either is not http(s).
 */
int tplc_fetch_rebase_url(char **out, const char *url, const char *base,
                          struct tplc_error *err);

/* "bytes START-END/TOTAL" (TOTAL may be "*"): 0 and *start, else -1. */
int tplc_fetch_parse_content_range(const char *value,
                                   unsigned long long *start);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Sinks by URL: JSON lines to a file or stdout, syslog over UDP, TCP
 * (RFC 6587 octet counting) and TLS (RFC 5425, tls.c).  Sockets carry
 * send and receive timeouts and connect without blocking, so a dead
 * collector costs at most the timeout, never a hung monitor.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "siem/internal.h"
#include "util/alloc.h"
#include "util/str.h"

enum sink_kind { SINK_FILE, SINK_UDP, SINK_TCP, SINK_TLS };

struct tplc_siem {
	enum sink_kind kind;
	struct tplc_siem_options opts;
	char hostname[256]; /* opts.hostname points here */
	FILE *fp;           /* SINK_FILE */
	bool own_fp;        /* not stdout */
	char *host, *port, *ca, *cert, *key;
	int fd;
	struct tplc_siem_tls *tls;
	char *msg; /* TPLC_SIEM_STREAM_MAX + 1 bytes */
	char *frame;
};

static char *dup_range(const char *s, size_t len)
{
	char *out = tplx_malloc(len + 1);

	if (out != NULL) {
		memcpy(out, s, len);
		out[len] = '\0';
	}
	return out;
}

/* One "name=value" of a tls:// query; unknown names are errors, so a
 * misspelt "ca" does not quietly turn verification into a default. */
static int query_param(struct tplc_siem *s, const char *p, size_t len,
                       const char *url, struct tplc_error *err)
{
	static const char *const names[] = { "ca=", "cert=", "key=" };
	char **slots[] = { &s->ca, &s->cert, &s->key };
	size_t i, n;

	for (i = 0; i < 3; i++) {
		n = strlen(names[i]);
		if (len > n && strncmp(p, names[i], n) == 0) {
			if (*slots[i] != NULL)
				break;
			*slots[i] = dup_range(p + n, len - n);
			return *slots[i] == NULL
			               ? tplc_error_set(err, TPLC_ENOMEM,
			                                "out of "
			                                "memory")
			               : 0;
		}
	}
	return tplc_error_set(err, TPLC_EINVAL,
	                      "%s: unknown or repeated parameter '%.*s'", url,
	                      (int)len, p);
}

/* HOST:PORT[?query] after the scheme; HOST may be [IPv6]. */
static int parse_url(struct tplc_siem *s, const char *url, const char *rest,
                     struct tplc_error *err)
{
	const char *host = rest, *host_end, *port, *query, *p, *amp;
	long number;
	int error;

	if (*host == '[') {
		host++;
		host_end = strchr(host, ']');
		if (host_end == NULL || host_end[1] != ':')
			goto bad;
		port = host_end + 2;
	} else {
		host_end = strrchr(host, ':');
		if (host_end == NULL)
			goto bad;
		port = host_end + 1;
	}
	query = strchr(port, '?');
	if (host_end == host)
		goto bad;
	s->host = dup_range(host, (size_t)(host_end - host));
	s->port = query != NULL ? dup_range(port, (size_t)(query - port))
	                        : dup_range(port, strlen(port));
	if (s->host == NULL || s->port == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (tplx_parse_long(s->port, 1, 65535, &number) != 0)
		goto bad;
	if (query != NULL && s->kind != SINK_TLS)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: only tls:// takes parameters", url);
	for (p = query != NULL ? query + 1 : NULL; p != NULL && *p != '\0';
	     p = amp != NULL ? amp + 1 : NULL) {
		amp = strchr(p, '&');
		error = query_param(s, p,
		                    amp != NULL ? (size_t)(amp - p) : strlen(p),
		                    url, err);
		if (error < 0)
			return error;
	}
	if (s->kind == SINK_TLS && s->ca == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: tls:// needs ?ca=FILE to verify "
		                      "the server",
		                      url);
	if ((s->cert == NULL) != (s->key == NULL))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: cert= and key= go together", url);
	return 0;
bad:
	return tplc_error_set(err, TPLC_EINVAL,
	                      "%s: expected HOST:PORT (PORT 1-65535)", url);
}

static void set_timeouts(int fd, int ms)
{
	struct timeval tv = { .tv_sec = ms / 1000,
		              .tv_usec = (ms % 1000) * 1000 };

	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

/* connect() bounded by ms: non-blocking, then poll. */
static int connect_timeout(int fd, const struct sockaddr *addr, socklen_t len,
                           int ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	int flags = fcntl(fd, F_GETFL), so_error = 0, n;
	socklen_t so_len = sizeof(so_error);

	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -1;
	if (connect(fd, addr, len) != 0) {
		if (errno != EINPROGRESS)
			return -1;
		do
			n = poll(&pfd, 1, ms);
		while (n < 0 && errno == EINTR);
		if (n == 0)
			errno = ETIMEDOUT;
		if (n <= 0)
			return -1;
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_len) <
		            0 ||
		    so_error != 0) {
			errno = so_error != 0 ? so_error : errno;
			return -1;
		}
	}
	return fcntl(fd, F_SETFL, flags);
}

static void disconnect(struct tplc_siem *s)
{
	tplc_siem__tls_close(s->tls);
	s->tls = NULL;
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

static int sink_connect(struct tplc_siem *s, struct tplc_error *err)
{
	struct addrinfo hints = { 0 }, *list = NULL, *ai;
	int ms = s->opts.timeout_ms, rc, saved = 0;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = s->kind == SINK_UDP ? SOCK_DGRAM : SOCK_STREAM;
	rc = getaddrinfo(s->host, s->port, &hints, &list);
	if (rc != 0)
		return tplc_error_set(err, TPLC_EIO, "%s: %s", s->host,
		                      gai_strerror(rc));
	for (ai = list; ai != NULL; ai = ai->ai_next) {
		s->fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		               ai->ai_protocol);
		if (s->fd < 0) {
			saved = errno;
			continue;
		}
		set_timeouts(s->fd, ms);
		if (connect_timeout(s->fd, ai->ai_addr, ai->ai_addrlen, ms) ==
		    0)
			break;
		saved = errno;
		close(s->fd);
		s->fd = -1;
	}
	freeaddrinfo(list);
	if (s->fd < 0)
		return tplc_error_set(err, TPLC_EIO, "%s:%s: %s", s->host,
		                      s->port, strerror(saved));
	if (s->kind != SINK_TLS)
		return 0;
	rc = tplc_siem__tls_open(&s->tls, s->fd, s->host, s->ca, s->cert,
	                         s->key, err);
	if (rc < 0)
		disconnect(s);
	return rc;
}

int tplc_siem_open(struct tplc_siem **out, const char *url,
                   const struct tplc_siem_options *opts, struct tplc_error *err)
{
	struct tplc_siem *s;
	int error = 0;

	*out = NULL;
	if (url == NULL || strlen(url) > TPLC_SIEM_URL_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a sink URL of at most %d bytes is "
		                      "needed",
		                      TPLC_SIEM_URL_MAX);
	s = tplx_calloc(1, sizeof(*s));
	if (s == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	s->fd = -1;
	if (opts != NULL)
		s->opts = *opts;
	else
		tplc_siem_options_init(&s->opts);
	if (s->opts.timeout_ms <= 0)
		s->opts.timeout_ms = TPLC_SIEM_TIMEOUT_MS;
	/* the host name is read once, not per message */
	tplc_siem__hostname(&s->opts, s->hostname, sizeof(s->hostname));
	s->opts.hostname = s->hostname;
	s->msg = tplx_malloc(TPLC_SIEM_STREAM_MAX + 1);
	s->frame = tplx_malloc(TPLC_SIEM_STREAM_MAX + 16);
	if (s->msg == NULL || s->frame == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	if (strcmp(url, "-") == 0) {
		s->kind = SINK_FILE;
		s->fp = stdout;
	} else if (tplx_starts_with(url, "file:")) {
		s->kind = SINK_FILE;
		s->fp = fopen(url + 5, "ae");
		if (s->fp == NULL) {
			error = tplc_error_set(err, TPLC_EIO, "%s: %s", url + 5,
			                       strerror(errno));
			goto out;
		}
		s->own_fp = true;
	} else {
		if (tplx_starts_with(url, "udp://"))
			s->kind = SINK_UDP;
		else if (tplx_starts_with(url, "tcp://"))
			s->kind = SINK_TCP;
		else if (tplx_starts_with(url, "tls://"))
			s->kind = SINK_TLS;
		else {
			error = tplc_error_set(err, TPLC_EINVAL,
			                       "%s: expected udp://, tcp://, "
			                       "tls://, file:PATH or -",
			                       url);
			goto out;
		}
		error = parse_url(s, url, url + 6, err);
		if (error == 0)
			error = sink_connect(s, err);
	}
out:
	if (error < 0)
		tplc_siem_close(s);
	else
		*out = s;
	return error;
}

/* A stream the collector closed shows as readable with nothing to read
 * (or an error); data waiting (a TLS session ticket) is not a break. */
static bool stream_broken(struct tplc_siem *s)
{
	int fd = s->fd;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char byte;
	ssize_t n;

	if (poll(&pfd, 1, 0) <= 0)
		return false;
	if ((pfd.revents & (POLLERR | POLLHUP)) != 0)
		return true;
	n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	if (n > 0 && s->tls != NULL)
		return !tplc_siem__tls_alive(s->tls, fd);
	return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

static int send_all(struct tplc_siem *s, const char *data, size_t len,
                    struct tplc_error *err)
{
	ssize_t n;

	if (s->tls != NULL)
		return tplc_siem__tls_write(s->tls, data, len, err);
	while (len > 0) {
		n = send(s->fd, data, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return tplc_error_set(err, TPLC_EIO,
			                      "%s:%s: send timed out", s->host,
			                      s->port);
		if (n < 0 || (s->kind == SINK_UDP && (size_t)n != len))
			return tplc_error_set(
			        err, TPLC_EIO, "%s:%s: %s", s->host, s->port,
			        n < 0 ? strerror(errno) : "short datagram");
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int tplc_siem_send(struct tplc_siem *s, const struct tplc_alert *alert,
                   struct tplc_error *err)
{
	size_t len, max, frame_len;
	const char *data;
	int error, attempt;

	if (s == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no sink");
	if (s->kind == SINK_FILE)
		return tplc_alert_json(s->fp, alert, err);
	max = s->kind == SINK_UDP ? TPLC_SIEM_UDP_MAX : TPLC_SIEM_STREAM_MAX;
	error = tplc_alert_format_syslog(alert, &s->opts, s->msg, max + 1, &len,
	                                 err);
	if (error < 0)
		return error;
	data = s->msg;
	frame_len = len;
	if (s->kind != SINK_UDP) {
		/* RFC 6587 3.4.1 / RFC 5425 4.3: MSG-LEN SP SYSLOG-MSG */
		int n = snprintf(s->frame, 16, "%zu ", len);

		memcpy(s->frame + n, s->msg, len);
		data = s->frame;
		frame_len = len + (size_t)n;
	}
	/* one reconnect: a collector restart costs nothing, a dead one
	 * an error and not a loop */
	for (attempt = 0; attempt < 2; attempt++) {
		if (s->fd >= 0 && s->kind != SINK_UDP && stream_broken(s))
			disconnect(s);
		if (s->fd < 0) {
			error = sink_connect(s, err);
			if (error < 0)
				continue;
		}
		error = send_all(s, data, frame_len, err);
		if (error == 0)
			return 0;
		disconnect(s);
	}
	return error;
}

void tplc_siem_close(struct tplc_siem *s)
{
	if (s == NULL)
		return;
	disconnect(s);
	if (s->own_fp)
		fclose(s->fp);
	else if (s->fp != NULL)
		fflush(s->fp);
	tplx_free(s->host);
	tplx_free(s->port);
	tplx_free(s->ca);
	tplx_free(s->cert);
	tplx_free(s->key);
	tplx_free(s->msg);
	tplx_free(s->frame);
	tplx_free(s);
}

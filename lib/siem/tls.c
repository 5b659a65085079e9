/* SPDX-License-Identifier: Apache-2.0 */
/*
 * RFC 5425 transport: TLS 1.2 or later with OpenSSL over a connected
 * socket.  The server must present a certificate that chains to the CA
 * file and names the host we dialled (DNS name or IP address); anything
 * else fails the handshake.  The socket's timeouts bound every call.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "siem/internal.h"
#include "util/alloc.h"

struct tplc_siem_tls {
	SSL_CTX *ctx;
	SSL *ssl;
};

/* OpenSSL's last error, or what went wrong when it has none. */
static int tls_fail(struct tplc_error *err, const char *host, const char *what)
{
	unsigned long code = ERR_get_error();
	char reason[256];

	if (code == 0)
		snprintf(reason, sizeof(reason), "%s",
		         errno != 0 ? strerror(errno) : "failed");
	else
		ERR_error_string_n(code, reason, sizeof(reason));
	ERR_clear_error();
	return tplc_error_set(err, TPLC_EIO, "%s: TLS %s: %s", host, what,
	                      reason);
}

static bool is_ip_literal(const char *host)
{
	ASN1_OCTET_STRING *ip = a2i_IPADDRESS(host);

	if (ip == NULL)
		return false;
	ASN1_OCTET_STRING_free(ip);
	return true;
}

int tplc_siem__tls_open(struct tplc_siem_tls **out, int fd, const char *host,
                        const char *ca, const char *cert, const char *key,
                        struct tplc_error *err)
{
	struct tplc_siem_tls *t;
	X509_VERIFY_PARAM *param;
	int error = 0;
	long verify;

	*out = NULL;
	t = tplx_calloc(1, sizeof(*t));
	if (t == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	ERR_clear_error();
	errno = 0;
	t->ctx = SSL_CTX_new(TLS_client_method());
	if (t->ctx == NULL) {
		error = tls_fail(err, host, "setup");
		goto out;
	}
	SSL_CTX_set_min_proto_version(t->ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(t->ctx, SSL_VERIFY_PEER, NULL);
	if (SSL_CTX_load_verify_locations(t->ctx, ca, NULL) != 1) {
		error = tls_fail(err, ca, "CA file");
		goto out;
	}
	if (cert != NULL &&
	    (SSL_CTX_use_certificate_chain_file(t->ctx, cert) != 1 ||
	     SSL_CTX_use_PrivateKey_file(t->ctx, key, SSL_FILETYPE_PEM) != 1 ||
	     SSL_CTX_check_private_key(t->ctx) != 1)) {
		error = tls_fail(err, cert, "client certificate");
		goto out;
	}
	t->ssl = SSL_new(t->ctx);
	if (t->ssl == NULL || SSL_set_fd(t->ssl, fd) != 1) {
		error = tls_fail(err, host, "setup");
		goto out;
	}
	/* RFC 5425 5.2: the name we dialled must be in the certificate */
	param = SSL_get0_param(t->ssl);
	if (is_ip_literal(host)) {
		if (X509_VERIFY_PARAM_set1_ip_asc(param, host) != 1) {
			error = tls_fail(err, host, "setup");
			goto out;
		}
	} else if (SSL_set_tlsext_host_name(t->ssl, host) != 1 ||
	           SSL_set1_host(t->ssl, host) != 1) {
		error = tls_fail(err, host, "setup");
		goto out;
	}
	if (SSL_connect(t->ssl) != 1) {
		verify = SSL_get_verify_result(t->ssl);
		if (verify != X509_V_OK) {
			ERR_clear_error();
			error = tplc_error_set(
			        err, TPLC_EIO,
			        "%s: TLS server certificate refused: %s", host,
			        X509_verify_cert_error_string(verify));
		} else {
			error = tls_fail(err, host, "handshake");
		}
		goto out;
	}
out:
	if (error < 0)
		tplc_siem__tls_close(t);
	else
		*out = t;
	return error;
}

/*
 * OpenSSL writes with write(2), which raises SIGPIPE on a closed
 * connection: block it in this thread for the write, and swallow one
 * that became pending, instead of touching the process's handlers.
 */
int tplc_siem__tls_write(struct tplc_siem_tls *t, const void *data, size_t len,
                         struct tplc_error *err)
{
	sigset_t pipe_set, old, pending;
	struct timespec zero = { 0, 0 };
	bool was_pending;
	size_t written = 0;
	int rc, error = 0;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE) == 1;
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	ERR_clear_error();
	errno = 0;
	rc = SSL_write_ex(t->ssl, data, len, &written);
	if (rc != 1 || written != len)
		error = tls_fail(err, "syslog", "write");
	sigpending(&pending);
	if (!was_pending && sigismember(&pending, SIGPIPE) == 1)
		sigtimedwait(&pipe_set, NULL, &zero);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return error;
}

/* Bytes wait on the socket: a session ticket (alive) or the server's
 * close_notify (not).  Read them without blocking to tell. */
bool tplc_siem__tls_alive(struct tplc_siem_tls *t, int fd)
{
	int flags = fcntl(fd, F_GETFL), rc, ssl_error;
	char byte;

	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return false;
	ERR_clear_error();
	rc = SSL_read(t->ssl, &byte, 1);
	ssl_error = SSL_get_error(t->ssl, rc);
	ERR_clear_error();
	fcntl(fd, F_SETFL, flags);
	return rc > 0 || ssl_error == SSL_ERROR_WANT_READ ||
	       ssl_error == SSL_ERROR_WANT_WRITE;
}

void tplc_siem__tls_close(struct tplc_siem_tls *t)
{
	if (t == NULL)
		return;
	if (t->ssl != NULL)
		SSL_free(t->ssl);
	SSL_CTX_free(t->ctx);
	tplx_free(t);
}

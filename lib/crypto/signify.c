/* SPDX-License-Identifier: Apache-2.0 */
/*
 * signify key and signature files: the two-line format OpenBSD's signify
 * reads and writes, so keys travel between the tools (tplc/sign.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/file.h"

#define COMMENT_PREFIX "untrusted comment: "
#define PKALG          "Ed"
#define KDFALG         "BK"
#define SALT_SIZE      16
#define CHECKSUM_SIZE  8

/* The decoded blobs, in signify's byte order. */
#define PUB_BLOB (2 + TPLC_KEYNUM_SIZE + TPLC_PUBKEY_SIZE)
#define SIG_BLOB (2 + TPLC_KEYNUM_SIZE + TPLC_SIG_SIZE)
#define SEC_BLOB                                                    \
	(2 + 2 + 4 + SALT_SIZE + CHECKSUM_SIZE + TPLC_KEYNUM_SIZE + \
	 TPLC_SECKEY_SIZE)
#define SEC_OFF_ROUNDS   4
#define SEC_OFF_CHECKSUM (SEC_OFF_ROUNDS + 4 + SALT_SIZE)
#define SEC_OFF_KEYNUM   (SEC_OFF_CHECKSUM + CHECKSUM_SIZE)
#define SEC_OFF_KEY      (SEC_OFF_KEYNUM + TPLC_KEYNUM_SIZE)
/* base64 of the largest blob, with room for its NUL */
#define B64_MAX 160

static void key_id(char out[TPLC_KEY_ID_SIZE],
                   const uint8_t keynum[TPLC_KEYNUM_SIZE])
{
	sodium_bin2hex(out, TPLC_KEY_ID_SIZE, keynum, TPLC_KEYNUM_SIZE);
}

/* Split "untrusted comment: C\nBASE64\n" and decode BASE64 into blob,
 * which must come out exactly size bytes. */
static int parse_file(const char *text, size_t len, const char *source,
                      const char *what, uint8_t *blob, size_t size,
                      char *comment, size_t comment_size,
                      struct tplc_error *err)
{
	const char *nl, *b64, *end;
	size_t prefix = strlen(COMMENT_PREFIX), bin_len = 0, b64_len;

	if (len > TPLC_KEY_FILE_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "%s file larger than %d bytes", what,
		                         TPLC_KEY_FILE_MAX);
	if (len < prefix || memcmp(text, COMMENT_PREFIX, prefix) != 0)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 1, 1, NULL,
		                         "not a signify %s: no \"%s\" line",
		                         what, "untrusted comment:");
	nl = memchr(text, '\n', len);
	if (nl == NULL || (size_t)(nl - text) - prefix > TPLC_KEY_COMMENT_MAX)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 1, 1, NULL,
		                         "%s: comment line too long or "
		                         "unterminated",
		                         what);
	if (comment != NULL && comment_size > 0)
		snprintf(comment, comment_size, "%.*s",
		         (int)((size_t)(nl - text) - prefix), text + prefix);
	b64 = nl + 1;
	end = memchr(b64, '\n', len - (size_t)(b64 - text));
	if (end == NULL)
		end = text + len;
	b64_len = (size_t)(end - b64);
	if (end < text + len && (size_t)(end + 1 - text) != len)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 3, 1, NULL,
		                         "%s: text after the key line", what);
	if (b64_len == 0 || b64_len >= B64_MAX ||
	    sodium_base642bin(blob, size, b64, b64_len, NULL, &bin_len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    bin_len != size)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 2, 1, NULL,
		                         "%s: bad base64 or wrong length",
		                         what);
	if (memcmp(blob, PKALG, 2) != 0)
		return tplc_error_set_at(
		        err, TPLC_EUNSUPPORTED, source, 2, 1, NULL,
		        "%s: algorithm is not Ed25519 (\"Ed\")", what);
	return 0;
}

int tplc_pubkey_parse(struct tplc_pubkey *out, const char *text, size_t len,
                      const char *source, char *comment, size_t comment_size,
                      struct tplc_error *err)
{
	uint8_t blob[PUB_BLOB];
	int error;

	memset(out, 0, sizeof(*out));
	error = parse_file(text, len, source, "public key", blob, sizeof(blob),
	                   comment, comment_size, err);
	if (error < 0)
		return error;
	memcpy(out->keynum, blob + 2, TPLC_KEYNUM_SIZE);
	memcpy(out->key, blob + 2 + TPLC_KEYNUM_SIZE, TPLC_PUBKEY_SIZE);
	key_id(out->id, out->keynum);
	return 0;
}

static void checksum(uint8_t out[CHECKSUM_SIZE],
                     const uint8_t key[TPLC_SECKEY_SIZE])
{
	uint8_t digest[crypto_hash_sha512_BYTES];

	crypto_hash_sha512(digest, key, TPLC_SECKEY_SIZE);
	memcpy(out, digest, CHECKSUM_SIZE);
}

int tplc_seckey_parse(struct tplc_seckey *out, const char *text, size_t len,
                      const char *source, struct tplc_error *err)
{
	uint8_t blob[SEC_BLOB], sum[CHECKSUM_SIZE];
	int error;

	memset(out, 0, sizeof(*out));
	error = parse_file(text, len, source, "secret key", blob, sizeof(blob),
	                   NULL, 0, err);
	if (error < 0)
		goto out;
	if (memcmp(blob + 2, KDFALG, 2) != 0) {
		error = tplc_error_set_at(err, TPLC_EUNSUPPORTED, source, 2, 1,
		                          NULL,
		                          "secret key: KDF is not bcrypt "
		                          "(\"BK\")");
		goto out;
	}
	if (blob[SEC_OFF_ROUNDS] != 0 || blob[SEC_OFF_ROUNDS + 1] != 0 ||
	    blob[SEC_OFF_ROUNDS + 2] != 0 || blob[SEC_OFF_ROUNDS + 3] != 0) {
		/* signify -G without -n: tplc does not ask for passphrases */
		error = tplc_error_set_at(err, TPLC_EUNSUPPORTED, source, 2, 1,
		                          NULL,
		                          "secret key is passphrase-protected; "
		                          "make it with signify -G -n");
		goto out;
	}
	memcpy(out->keynum, blob + SEC_OFF_KEYNUM, TPLC_KEYNUM_SIZE);
	memcpy(out->key, blob + SEC_OFF_KEY, TPLC_SECKEY_SIZE);
	checksum(sum, out->key);
	if (sodium_memcmp(sum, blob + SEC_OFF_CHECKSUM, CHECKSUM_SIZE) != 0) {
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 2, 1, NULL,
		                          "secret key: checksum mismatch");
		goto out;
	}
	key_id(out->id, out->keynum);
out:
	sodium_memzero(blob, sizeof(blob));
	if (error < 0)
		sodium_memzero(out, sizeof(*out));
	return error;
}

int tplc_key_generate(struct tplc_seckey *sec, struct tplc_pubkey *pub,
                      struct tplc_error *err)
{
	if (sodium_init() < 0)
		return tplc_error_set(err, TPLC_ERROR,
		                      "libsodium: cannot "
		                      "initialise");
	memset(sec, 0, sizeof(*sec));
	randombytes_buf(sec->keynum, TPLC_KEYNUM_SIZE);
	crypto_sign_ed25519_keypair(pub->key, sec->key);
	key_id(sec->id, sec->keynum);
	tplc_key_public(sec, pub);
	return 0;
}

void tplc_key_public(const struct tplc_seckey *sec, struct tplc_pubkey *pub)
{
	memset(pub, 0, sizeof(*pub));
	memcpy(pub->keynum, sec->keynum, TPLC_KEYNUM_SIZE);
	crypto_sign_ed25519_sk_to_pk(pub->key, sec->key);
	memcpy(pub->id, sec->id, TPLC_KEY_ID_SIZE);
}

void tplc_seckey_wipe(struct tplc_seckey *sec)
{
	sodium_memzero(sec, sizeof(*sec));
}

int tplc_pubkey_base64(const struct tplc_pubkey *key, char *out, size_t size)
{
	uint8_t blob[PUB_BLOB];

	if (size <
	    sodium_base64_ENCODED_LEN(PUB_BLOB, sodium_base64_VARIANT_ORIGINAL))
		return TPLC_EINVAL;
	memcpy(blob, PKALG, 2);
	memcpy(blob + 2, key->keynum, TPLC_KEYNUM_SIZE);
	memcpy(blob + 2 + TPLC_KEYNUM_SIZE, key->key, TPLC_PUBKEY_SIZE);
	sodium_bin2base64(out, size, blob, sizeof(blob),
	                  sodium_base64_VARIANT_ORIGINAL);
	return 0;
}

int tplc_pubkey_from_base64(struct tplc_pubkey *out, const char *b64,
                            struct tplc_error *err)
{
	char text[B64_MAX + sizeof(COMMENT_PREFIX) + 2];
	int n;

	n = snprintf(text, sizeof(text), COMMENT_PREFIX "\n%s\n", b64);
	if (n < 0 || (size_t)n >= sizeof(text))
		return tplc_error_set(err, TPLC_EPARSE, "public key: too long");
	return tplc_pubkey_parse(out, text, (size_t)n, "public key", NULL, 0,
	                         err);
}

/* Write a whole file created with mode; O_EXCL: never overwrite. */
static int write_new(const char *path, mode_t mode, const char *text,
                     size_t len, struct tplc_error *err)
{
	size_t done = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return tplc_error_set(err,
		                      errno == EEXIST ? TPLC_EEXISTS : TPLC_EIO,
		                      "%s: %s", path, strerror(errno));
	while (done < len) {
		n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			tplc_error_set(err, TPLC_EIO, "%s: %s", path,
			               strerror(errno));
			close(fd);
			unlink(path);
			return TPLC_EIO;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		unlink(path);
		return tplc_error_set(err, TPLC_EIO, "%s: %s", path,
		                      strerror(errno));
	}
	return 0;
}

#define KEY_PATH_MAX 4096

int tplc_key_files_write(const char *base, const char *comment,
                         struct tplc_pubkey *pub_out, struct tplc_error *err)
{
	char sec_path[KEY_PATH_MAX], pub_path[KEY_PATH_MAX];
	char b64[B64_MAX * 2], text[TPLC_KEY_FILE_MAX];
	uint8_t blob[SEC_BLOB];
	struct tplc_seckey sec;
	struct tplc_pubkey pub;
	struct stat st;
	int error, n;

	if (comment == NULL)
		comment = "tplc";
	if (strlen(comment) > TPLC_KEY_COMMENT_MAX - 16 ||
	    strchr(comment, '\n') != NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "key comment too long or multi-line");
	n = snprintf(sec_path, sizeof(sec_path), "%s.sec", base);
	if (n < 0 || (size_t)n >= sizeof(sec_path) ||
	    snprintf(pub_path, sizeof(pub_path), "%s.pub", base) >=
	            (int)sizeof(pub_path))
		return tplc_error_set(err, TPLC_EINVAL, "key name too long");
	if (lstat(sec_path, &st) == 0 || lstat(pub_path, &st) == 0)
		return tplc_error_set(err, TPLC_EEXISTS,
		                      "%s.sec or %s.pub exists; not "
		                      "overwriting",
		                      base, base);
	error = tplc_key_generate(&sec, &pub, err);
	if (error < 0)
		return error;
	memcpy(blob, PKALG, 2);
	memcpy(blob + 2, KDFALG, 2);
	memset(blob + SEC_OFF_ROUNDS, 0, 4);
	randombytes_buf(blob + SEC_OFF_ROUNDS + 4, SALT_SIZE);
	checksum(blob + SEC_OFF_CHECKSUM, sec.key);
	memcpy(blob + SEC_OFF_KEYNUM, sec.keynum, TPLC_KEYNUM_SIZE);
	memcpy(blob + SEC_OFF_KEY, sec.key, TPLC_SECKEY_SIZE);
	sodium_bin2base64(b64, sizeof(b64), blob, sizeof(blob),
	                  sodium_base64_VARIANT_ORIGINAL);
	n = snprintf(text, sizeof(text), COMMENT_PREFIX "%s secret key\n%s\n",
	             comment, b64);
	error = write_new(sec_path, 0600, text, (size_t)n, err);
	sodium_memzero(blob, sizeof(blob));
	sodium_memzero(b64, sizeof(b64));
	sodium_memzero(text, sizeof(text));
	tplc_seckey_wipe(&sec);
	if (error < 0)
		return error;
	tplc_pubkey_base64(&pub, b64, sizeof(b64));
	n = snprintf(text, sizeof(text), COMMENT_PREFIX "%s public key\n%s\n",
	             comment, b64);
	error = write_new(pub_path, 0644, text, (size_t)n, err);
	if (error < 0) {
		unlink(sec_path);
		return error;
	}
	if (pub_out != NULL)
		*pub_out = pub;
	return 0;
}

int tplc_pubkey_load(struct tplc_pubkey *out, const char *path, char *comment,
                     size_t comment_size, struct tplc_error *err)
{
	char *text = NULL;
	size_t len;
	int error;

	error = tplx_file_read(&text, &len, path, TPLC_KEY_FILE_MAX, err);
	if (error < 0)
		return error;
	error = tplc_pubkey_parse(out, text, len, path, comment, comment_size,
	                          err);
	tplx_free(text);
	return error;
}

int tplc_seckey_load(struct tplc_seckey *out, const char *path,
                     struct tplc_error *err)
{
	struct stat st;
	char *text = NULL;
	size_t len;
	int error;

	/* A secret key others can read is no longer secret: refuse it. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & 077) != 0)
		return tplc_error_set_at(err, TPLC_EINVAL, path, 0, 0, NULL,
		                         "secret key readable by group or "
		                         "others (mode %03o): chmod 600 %s",
		                         (unsigned)(st.st_mode & 0777), path);
	error = tplx_file_read(&text, &len, path, TPLC_KEY_FILE_MAX, err);
	if (error < 0)
		return error;
	error = tplc_seckey_parse(out, text, len, path, err);
	sodium_memzero(text, len);
	tplx_free(text);
	return error;
}

int tplc_signify_verify(const struct tplc_pubkey *key, const char *sig_text,
                        size_t sig_len, const void *msg, size_t msg_len,
                        const char *source, struct tplc_error *err)
{
	uint8_t blob[SIG_BLOB];
	int error;

	error = parse_file(sig_text, sig_len, source, "signature", blob,
	                   sizeof(blob), NULL, 0, err);
	if (error < 0)
		return error;
	if (memcmp(blob + 2, key->keynum, TPLC_KEYNUM_SIZE) != 0)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                         "signed by another key (not %s)",
		                         key->id);
	if (sodium_init() < 0 ||
	    crypto_sign_ed25519_verify_detached(blob + 2 + TPLC_KEYNUM_SIZE,
	                                        msg, msg_len, key->key) != 0)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                         "signature does not verify");
	return 0;
}

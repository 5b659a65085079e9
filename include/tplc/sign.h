/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SIGN_H
#define TPLC_SIGN_H

/*
 * Ed25519 keys and signatures (libsodium).  Key files are OpenBSD
 * signify's, so `signify -G -n` keys work with tplc and tplc's with
 * signify: two lines, "untrusted comment: ..." and the base64 of
 *
 *   public key  "Ed" keynum[8] key[32]
 *   secret key  "Ed" "BK" rounds[4]=0 salt[16] checksum[8] keynum[8]
 *               key[64]        (unencrypted; checksum = SHA-512(key)[0..8])
 *   signature   "Ed" keynum[8] sig[64]
 *
 * The key id is the keynum in hex.  Signed documents are DSSE envelopes
 * (in-toto's Dead Simple Signing Envelope): the signature covers
 * PAE(type, body) = "DSSEv1 " LEN(type) " " type " " LEN(body) " " body.
 */

#include <stddef.h>
#include <stdint.h>

#include "tplc/error.h"

#define TPLC_KEYNUM_SIZE 8
#define TPLC_KEY_ID_SIZE (2 * TPLC_KEYNUM_SIZE + 1)
#define TPLC_PUBKEY_SIZE 32
#define TPLC_SECKEY_SIZE 64
#define TPLC_SIG_SIZE    64
/* A key or signature file: two short lines. */
#define TPLC_KEY_FILE_MAX 2048
/* The comment line's text, after "untrusted comment: ". */
#define TPLC_KEY_COMMENT_MAX 1024
/* A DSSE envelope, and the payload it carries. */
#define TPLC_DSSE_MAX            ((size_t)4 * 1024 * 1024)
#define TPLC_DSSE_TYPE_MAX       256
#define TPLC_DSSE_SIGNATURES_MAX 16
#define TPLC_DSSE_KEYID_MAX      128

struct tplc_pubkey {
	uint8_t keynum[TPLC_KEYNUM_SIZE];
	uint8_t key[TPLC_PUBKEY_SIZE];
	char id[TPLC_KEY_ID_SIZE]; /* keynum in hex */
};

struct tplc_seckey {
	uint8_t keynum[TPLC_KEYNUM_SIZE];
	uint8_t key[TPLC_SECKEY_SIZE]; /* seed and public key */
	char id[TPLC_KEY_ID_SIZE];
};

/* SHA-256 of len bytes of data in lower-case hex, with its NUL. */
#define TPLC_SHA256_HEX_SIZE 65
void tplc_sha256_hex(const void *data, size_t len,
                     char out[TPLC_SHA256_HEX_SIZE]);

/* A fresh key pair with a random keynum. */
int tplc_key_generate(struct tplc_seckey *sec, struct tplc_pubkey *pub,
                      struct tplc_error *err);
/* The public half of a secret key. */
void tplc_key_public(const struct tplc_seckey *sec, struct tplc_pubkey *pub);
/* Wipe a secret key from memory. */
void tplc_seckey_wipe(struct tplc_seckey *sec);

/*
 * Parse key files (text of len bytes; source names it in errors).  The
 * comment line is required, its text into comment when not NULL.
 * Encrypted secret keys are TPLC_EUNSUPPORTED, a bad checksum TPLC_EPARSE.
 */
int tplc_pubkey_parse(struct tplc_pubkey *out, const char *text, size_t len,
                      const char *source, char *comment, size_t comment_size,
                      struct tplc_error *err);
int tplc_seckey_parse(struct tplc_seckey *out, const char *text, size_t len,
                      const char *source, struct tplc_error *err);
/* The base64 line alone of a public key (what the store keeps), and back.
 */
int tplc_pubkey_base64(const struct tplc_pubkey *key, char *out, size_t size);
int tplc_pubkey_from_base64(struct tplc_pubkey *out, const char *b64,
                            struct tplc_error *err);

/*
 * Write base.sec (mode 0600) and base.pub, refusing to overwrite either
 * (TPLC_EEXISTS); comment names the key in both files' comment lines.
 * The public key into pub when not NULL.
 */
int tplc_key_files_write(const char *base, const char *comment,
                         struct tplc_pubkey *pub, struct tplc_error *err);
/* Read a key file by path. */
int tplc_pubkey_load(struct tplc_pubkey *out, const char *path, char *comment,
                     size_t comment_size, struct tplc_error *err);
int tplc_seckey_load(struct tplc_seckey *out, const char *path,
                     struct tplc_error *err);

/*
 * A signify detached signature (the .sig file's text) over msg: 0 when
 * it verifies with key, TPLC_EPARSE naming why not (malformed, another
 * key, bad signature).
 */
int tplc_signify_verify(const struct tplc_pubkey *key, const char *sig_text,
                        size_t sig_len, const void *msg, size_t msg_len,
                        const char *source, struct tplc_error *err);

/* ---- DSSE envelopes ----------------------------------------------------- */

/*
 * Sign body as payload_type: the envelope's JSON (one line) into *out,
 * which the caller frees with tplc_free_string.
 */
int tplc_dsse_sign(const struct tplc_seckey *key, const char *payload_type,
                   const void *body, size_t body_len, char **out,
                   size_t *out_len, struct tplc_error *err);
void tplc_free_string(char *s);

struct tplc_dsse_signature {
	const char *keyid; /* "" when the envelope gives none */
	uint8_t sig[TPLC_SIG_SIZE];
	size_t sig_len; /* bytes decoded; only 64 can verify */
};

struct tplc_dsse {
	const char *payload_type;
	const uint8_t *payload; /* decoded, NUL-terminated */
	size_t payload_len;
	const struct tplc_dsse_signature *signatures;
	size_t signature_count;
	void *arena_; /* owns everything */
};

/* Parse an envelope; malformed members are TPLC_EPARSE with their JSON
 * path.  Free with tplc_dsse_free. */
int tplc_dsse_parse(struct tplc_dsse **out, const char *text, size_t len,
                    const char *source, struct tplc_error *err);
void tplc_dsse_free(struct tplc_dsse *env);

/*
 * 0 when a signature whose keyid is key's id verifies over PAE(type,
 * payload).  TPLC_ENOTFOUND when none names the key, TPLC_EPARSE when the
 * one that does fails (tampered or forged).
 */
int tplc_dsse_verify(const struct tplc_dsse *env, const struct tplc_pubkey *key,
                     struct tplc_error *err);

#endif

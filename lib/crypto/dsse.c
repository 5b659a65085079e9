/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DSSE envelopes (in-toto's Dead Simple Signing Envelope v1) signed and
 * verified with Ed25519: the signature covers PAE(type, body), never the
 * JSON around it, so re-serialising the envelope cannot break it.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

/* PAE's fixed part: "DSSEv1", two lengths, four spaces. */
#define PAE_OVERHEAD 64

static int pae(struct tplx_buf *buf, const char *type, const void *body,
               size_t body_len)
{
	int error;

	error = tplx_buf_addf(buf, "DSSEv1 %zu %s %zu ", strlen(type), type,
	                      body_len);
	if (error == 0)
		error = tplx_buf_add(buf, body, body_len);
	return error;
}

/* Types go into the envelope's JSON unescaped: printable ASCII only. */
static bool type_ok(const char *type)
{
	size_t len = strlen(type);

	if (len == 0 || len > TPLC_DSSE_TYPE_MAX)
		return false;
	for (; *type != '\0'; type++)
		if (*type < 0x20 || *type > 0x7e || *type == '"' ||
		    *type == '\\')
			return false;
	return true;
}

void tplc_free_string(char *s)
{
	tplx_free(s);
}

int tplc_dsse_sign(const struct tplc_seckey *key, const char *payload_type,
                   const void *body, size_t body_len, char **out,
                   size_t *out_len, struct tplc_error *err)
{
	struct tplx_buf msg = TPLX_BUF_INIT(TPLC_DSSE_MAX + PAE_OVERHEAD +
	                                    TPLC_DSSE_TYPE_MAX);
	struct tplx_buf env = TPLX_BUF_INIT(TPLC_DSSE_MAX);
	uint8_t sig[TPLC_SIG_SIZE];
	char sig64[sodium_base64_ENCODED_LEN(TPLC_SIG_SIZE,
	                                     sodium_base64_VARIANT_ORIGINAL)];
	char *b64 = NULL;
	size_t b64_size;
	int error;

	*out = NULL;
	if (!type_ok(payload_type))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "DSSE payload type must be printable "
		                      "ASCII without quotes");
	if (body_len > TPLC_DSSE_MAX / 2)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "payload larger than %zu bytes",
		                      TPLC_DSSE_MAX / 2);
	if (sodium_init() < 0)
		return tplc_error_set(err, TPLC_ERROR,
		                      "libsodium: cannot initialise");
	error = pae(&msg, payload_type, body, body_len);
	if (error < 0)
		goto nomem;
	crypto_sign_ed25519_detached(sig, NULL, (const uint8_t *)msg.ptr,
	                             msg.len, key->key);
	sodium_bin2base64(sig64, sizeof(sig64), sig, sizeof(sig),
	                  sodium_base64_VARIANT_ORIGINAL);
	b64_size = sodium_base64_ENCODED_LEN(body_len,
	                                     sodium_base64_VARIANT_ORIGINAL);
	b64 = tplx_malloc(b64_size);
	if (b64 == NULL)
		goto nomem;
	sodium_bin2base64(b64, b64_size, body, body_len,
	                  sodium_base64_VARIANT_ORIGINAL);
	error = tplx_buf_addf(&env, "{\"payloadType\":\"%s\",\"payload\":\"",
	                      payload_type);
	if (error == 0)
		error = tplx_buf_adds(&env, b64);
	if (error == 0)
		error = tplx_buf_addf(&env,
		                      "\",\"signatures\":[{\"keyid\":\"%s\","
		                      "\"sig\":\"%s\"}]}\n",
		                      key->id, sig64);
	if (error < 0)
		goto nomem;
	*out_len = env.len;
	*out = tplx_buf_detach(&env);
	goto out;
nomem:
	error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
out:
	tplx_free(b64);
	tplx_buf_release(&msg);
	tplx_buf_release(&env);
	return error;
}

/* base64 (standard, or URL-safe as DSSE allows) into the arena. */
static int decode(struct tplx_arena *arena, const char *text, size_t len,
                  uint8_t **out, size_t *out_len)
{
	size_t max = len / 4 * 3 + 3;
	uint8_t *bin = tplx_arena_alloc(arena, max + 1);

	if (bin == NULL)
		return TPLC_ENOMEM;
	if (sodium_base642bin(bin, max, text, len, NULL, out_len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 &&
	    sodium_base642bin(bin, max, text, len, NULL, out_len, NULL,
	                      sodium_base64_VARIANT_URLSAFE) != 0 &&
	    sodium_base642bin(bin, max, text, len, NULL, out_len, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return TPLC_EPARSE;
	bin[*out_len] = 0;
	*out = bin;
	return 0;
}

static int
parse_signature(const struct tplx_json_doc *doc, struct tplx_arena *arena,
                const struct tplx_json *node, const struct tplx_jpath *path,
                struct tplc_dsse_signature *out, struct tplc_error *err)
{
	const char *keyid = NULL, *sig = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("keyid", &keyid, false),
		TPLX_FIELD_STRING("sig", &sig, true),
	};
	struct tplx_jpath at;
	uint8_t *bin;
	size_t len;
	int error;

	error = tplx_json_expect(doc, node, path, TPLX_JSON_OBJECT, err);
	if (error == 0)
		error = tplx_json_fields(doc, node, path, fields,
		                         TPLX_FIELDS_COUNT(fields), err);
	if (error < 0)
		return error;
	if (keyid != NULL && strlen(keyid) > TPLC_DSSE_KEYID_MAX) {
		at = tplx_jpath_key(path, "keyid");
		return tplx_json_fail(doc, tplx_json_get(node, "keyid"), &at,
		                      err, "longer than %d bytes",
		                      TPLC_DSSE_KEYID_MAX);
	}
	out->keyid = keyid != NULL ? keyid : "";
	at = tplx_jpath_key(path, "sig");
	if (strlen(sig) > 4 * TPLC_SIG_SIZE)
		return tplx_json_fail(doc, tplx_json_get(node, "sig"), &at, err,
		                      "not an Ed25519 signature");
	error = decode(arena, sig, strlen(sig), &bin, &len);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(err, error, "out of memory");
	if (error < 0)
		return tplx_json_fail(doc, tplx_json_get(node, "sig"), &at, err,
		                      "bad base64");
	out->sig_len = len;
	memcpy(out->sig, bin, len < TPLC_SIG_SIZE ? len : TPLC_SIG_SIZE);
	return 0;
}

int tplc_dsse_parse(struct tplc_dsse **out, const char *text, size_t len,
                    const char *source, struct tplc_error *err)
{
	const char *type = NULL, *payload = NULL;
	const struct tplx_json *sigs = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("payloadType", &type, true),
		TPLX_FIELD_STRING("payload", &payload, true),
		TPLX_FIELD_NODE("signatures", TPLX_JSON_ARRAY, &sigs, true),
	};
	struct tplx_jpath root = TPLX_JPATH_ROOT, at;
	struct tplc_dsse_signature *list;
	struct tplx_json_doc *doc = NULL;
	struct tplc_dsse *env = NULL;
	struct tplx_arena *arena;
	uint8_t *bin;
	size_t i;
	int error;

	*out = NULL;
	if (len > TPLC_DSSE_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, source, 0, 0, NULL,
		                         "envelope larger than %zu bytes",
		                         TPLC_DSSE_MAX);
	arena = tplx_arena_new();
	if (arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplx_json_parse(&doc, text, len, source, err);
	if (error < 0)
		goto fail;
	error = tplx_json_expect(doc, doc->root, &root, TPLX_JSON_OBJECT, err);
	if (error == 0)
		error = tplx_json_fields(doc, doc->root, &root, fields,
		                         TPLX_FIELDS_COUNT(fields), err);
	if (error < 0)
		goto fail;
	env = tplx_arena_alloc(arena, sizeof(*env));
	if (env == NULL)
		goto nomem;
	env->arena_ = arena;
	at = tplx_jpath_key(&root, "payloadType");
	if (!type_ok(type)) {
		error = tplx_json_fail(
		        doc, tplx_json_get(doc->root, "payloadType"), &at, err,
		        "empty, too long or not printable");
		goto fail;
	}
	env->payload_type = tplx_arena_strdup(arena, type);
	at = tplx_jpath_key(&root, "payload");
	error = decode(arena, payload, strlen(payload), &bin,
	               &env->payload_len);
	if (error == TPLC_ENOMEM)
		goto nomem;
	if (error < 0) {
		error = tplx_json_fail(doc, tplx_json_get(doc->root, "payload"),
		                       &at, err, "bad base64");
		goto fail;
	}
	env->payload = bin;
	at = tplx_jpath_key(&root, "signatures");
	if (sigs->u.array.count == 0 ||
	    sigs->u.array.count > TPLC_DSSE_SIGNATURES_MAX) {
		error = tplx_json_fail(doc, sigs, &at, err,
		                       "expected 1 to %d signatures",
		                       TPLC_DSSE_SIGNATURES_MAX);
		goto fail;
	}
	list = tplx_arena_array(arena, sigs->u.array.count, sizeof(*list));
	if (list == NULL || env->payload_type == NULL)
		goto nomem;
	for (i = 0; i < sigs->u.array.count; i++) {
		struct tplx_jpath item = tplx_jpath_index(&at, i);

		error = parse_signature(doc, arena, sigs->u.array.items[i],
		                        &item, &list[i], err);
		if (error < 0)
			goto fail;
		/* the keyid borrows the document: copy it */
		list[i].keyid = tplx_arena_strdup(arena, list[i].keyid);
		if (list[i].keyid == NULL)
			goto nomem;
	}
	env->signatures = list;
	env->signature_count = sigs->u.array.count;
	tplx_json_doc_free(doc);
	*out = env;
	return 0;
nomem:
	error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
fail:
	tplx_json_doc_free(doc);
	tplx_arena_free(arena);
	return error;
}

void tplc_dsse_free(struct tplc_dsse *env)
{
	if (env != NULL)
		tplx_arena_free(env->arena_);
}

int tplc_dsse_verify(const struct tplc_dsse *env, const struct tplc_pubkey *key,
                     struct tplc_error *err)
{
	struct tplx_buf msg = TPLX_BUF_INIT(TPLC_DSSE_MAX + PAE_OVERHEAD +
	                                    TPLC_DSSE_TYPE_MAX);
	const struct tplc_dsse_signature *sig = NULL;
	size_t i;
	int error;

	for (i = 0; i < env->signature_count && sig == NULL; i++)
		if (strcmp(env->signatures[i].keyid, key->id) == 0)
			sig = &env->signatures[i];
	if (sig == NULL)
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "no signature by key %s", key->id);
	if (sig->sig_len != TPLC_SIG_SIZE)
		return tplc_error_set(err, TPLC_EPARSE,
		                      "signature by key %s is not %d bytes",
		                      key->id, TPLC_SIG_SIZE);
	if (sodium_init() < 0)
		return tplc_error_set(err, TPLC_ERROR,
		                      "libsodium: cannot initialise");
	error = pae(&msg, env->payload_type, env->payload, env->payload_len);
	if (error < 0) {
		tplx_buf_release(&msg);
		return tplc_error_set(err, error, "out of memory");
	}
	if (crypto_sign_ed25519_verify_detached(
	            sig->sig, (const uint8_t *)msg.ptr, msg.len, key->key) != 0)
		error = tplc_error_set(err, TPLC_EPARSE,
		                       "signature by key %s does not verify: "
		                       "the notice was altered or not signed "
		                       "by that key",
		                       key->id);
	tplx_buf_release(&msg);
	return error;
}

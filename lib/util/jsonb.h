/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_JSONB_H
#define TPLX_JSONB_H

/*
 * Small JSON documents built in memory (a notice, a manifest, an audit
 * entry's detail), where the exact bytes matter because they are signed
 * or hashed: compact, members in the order written, strings escaped the
 * one way (", \ and control characters; UTF-8 passed through).
 * tplx_jsonw is the same for streams.
 */

#include "util/buf.h"

/* s as a JSON string. */
int tplx_jsonb_string(struct tplx_buf *b, const char *s);
/*
 * "key":"value" inside the object the buffer holds from its first byte
 * ('{' already added), with a comma unless it is the first member.
 * Nothing when value is NULL.  key is written as is: a constant.
 */
int tplx_jsonb_member(struct tplx_buf *b, const char *key, const char *value);
/* The same for an integer value. */
int tplx_jsonb_member_int(struct tplx_buf *b, const char *key, long long value);

#endif

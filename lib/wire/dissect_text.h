/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_WIRE_DISSECT_TEXT_H
#define TPLX_WIRE_DISSECT_TEXT_H

/*
 * Copying untrusted protocol text into the fixed-size strings of
 * include/tplc/dissect.h: bytes outside printable ASCII become '?' so a
 * field can go to a log or a database as it is, and text longer than the
 * destination is cut (the caller counts that).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Append src[0..n) to the NUL-terminated dst of size bytes.  Returns true
 * when everything fitted.
 */
static inline bool tplx_text_append(char *dst, size_t size, const uint8_t *src,
                                    size_t n)
{
	size_t at = strnlen(dst, size);
	bool fit = true;
	if (size == 0)
		return n == 0;
	if (at >= size)
		at = size - 1;
	for (size_t i = 0; i < n; i++) {
		if (at + 1 >= size) {
			fit = false;
			break;
		}
		uint8_t c = src[i];
		dst[at++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	dst[at] = '\0';
	return fit;
}

/*
 * Copy src[0..n) into dst with leading and trailing spaces and NULs cut
 * (the padding of DICOM AE titles and UIDs).  Returns true when it fitted.
 */
static inline bool tplx_text_trim_copy(char *dst, size_t size,
                                       const uint8_t *src, size_t n)
{
	while (n > 0 && (src[0] == ' ' || src[0] == '\0')) {
		src++;
		n--;
	}
	while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\0'))
		n--;
	if (size > 0)
		dst[0] = '\0';
	return tplx_text_append(dst, size, src, n);
}

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_ERROR_H
#define TPLC_ERROR_H

/*
 * Errors.  Every library function that can fail returns 0 or a negative
 * enum tplc_code, and fills a caller-owned struct tplc_error with the
 * reason and, for parsers, where in the input it went wrong.  Passing a
 * NULL error pointer is allowed: the code is still returned.
 */

#include <stddef.h>

#if defined(__GNUC__)
#define TPLC_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define TPLC_PRINTF(fmt, args)
#endif

enum tplc_code {
	TPLC_OK = 0,
	TPLC_ERROR = -1,        /* internal error, a bug */
	TPLC_ENOMEM = -2,       /* out of memory */
	TPLC_EINVAL = -3,       /* invalid argument from the caller */
	TPLC_EPARSE = -4,       /* malformed or invalid input data */
	TPLC_ENOTFOUND = -5,    /* no such object */
	TPLC_EEXISTS = -6,      /* object already exists */
	TPLC_EIO = -7,          /* reading or writing a file failed */
	TPLC_ESTORE = -8,       /* the database refused or failed */
	TPLC_EUNSUPPORTED = -9, /* valid input we do not handle (yet) */
	TPLC_ELIMIT = -10,      /* input larger than a named maximum */
	TPLC_ENOINPUT = -11,    /* input file missing or unreadable */
};

#define TPLC_ERROR_MESSAGE_MAX 512
#define TPLC_ERROR_FILE_MAX    256
#define TPLC_ERROR_PATH_MAX    256

struct tplc_error {
	int code;                             /* enum tplc_code */
	char message[TPLC_ERROR_MESSAGE_MAX]; /* short reason, no location */
	char file[TPLC_ERROR_FILE_MAX];       /* input name, "" if none */
	unsigned long line;                   /* 1-based, 0 if unknown */
	unsigned long column;                 /* 1-based, 0 if unknown */
	char path[TPLC_ERROR_PATH_MAX];       /* JSON path or column, "" */
};

/* Reset err to "no error".  NULL is ignored. */
void tplc_error_clear(struct tplc_error *err);

/* Record code and a printf-style message; returns code. */
int tplc_error_set(struct tplc_error *err, int code, const char *fmt, ...)
        TPLC_PRINTF(3, 4);

/*
 * Record code, a location and a message; returns code.  file and path may
 * be NULL, line and column 0 when unknown.
 */
int tplc_error_set_at(struct tplc_error *err, int code, const char *file,
                      unsigned long line, unsigned long column,
                      const char *path, const char *fmt, ...) TPLC_PRINTF(7, 8);

/*
 * Write "FILE:LINE:COL: PATH: message" (parts that are unknown are left
 * out) into buf, always NUL-terminated.  Returns buf.
 */
char *tplc_error_format(const struct tplc_error *err, char *buf, size_t size);

/* A short English name for a code ("malformed input", ...). */
const char *tplc_strerror(int code);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A feed file as one import, read and written at once: the caller parses
 * records and gives each advisory here; a store thread writes them through
 * one advisory writer while the next ones are parsed.  SQLite takes one
 * writer per connection, so more threads would not write faster; two
 * overlap the parse with the writes, which is what a large feed costs.
 *
 * Advisories cross in batches (one lock per batch, not per record) through
 * a ring of a few batches, so a store slower than the parser holds a
 * bounded number in memory.  The connection is used by one thread at a
 * time: the caller's before the thread starts and after it is joined, the
 * thread's in between.
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "advisory-writer.h"
#include "internal.h"
#include "util/alloc.h"

#define BATCH   64 /* advisories handed over at once */
#define BATCHES 4  /* batches waiting at most */

/*
 * A feed file is one transaction: with SQLite's default 2 MB page cache a
 * large one spills its pages to the WAL again and again while indexes
 * grow.  A bounded cache (pages are only taken as they are touched) lets
 * each page be written once, at commit.
 */
#define IMPORT_CACHE_PRAGMA "PRAGMA cache_size=-262144" /* KiB: 256 MiB */

struct batch {
	struct tplc_advisory *items[BATCH];
	size_t count;
};

struct tplc_advisory_import {
	struct tplc_store *store;
	struct tplc_store__advisory_writer *writer;
	const char *file;
	struct tplc_error *err; /* begin's: where give and end report */
	size_t given;           /* advisories handed over */
	struct batch filling;   /* the caller's, not yet handed over */
	bool threaded;          /* else give writes on the caller's thread */
	pthread_t thread;

	/* under lock */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch ring[BATCHES];
	size_t head, queued; /* the oldest waiting batch, how many wait */
	bool closing;        /* nothing more comes: drain and stop */
	int failed;          /* the first failed write: the rest are dropped */
	struct tplc_error failure; /* its reason, for the caller to copy */
};

static void free_batch(struct batch *b)
{
	size_t i;

	for (i = 0; i < b->count; i++)
		tplc_advisory_free(b->items[i]);
	b->count = 0;
}

/* Write a batch unless something failed; either way its advisories go. */
static int write_batch(struct tplc_advisory_import *im, struct batch *b,
                       int failed, struct tplc_error *err)
{
	size_t i;

	for (i = 0; failed == 0 && i < b->count; i++)
		failed = tplc_store__advisory_writer_add(im->writer,
		                                         b->items[i], err);
	free_batch(b);
	return failed;
}

static void *store_thread(void *data)
{
	struct tplc_advisory_import *im = data;
	struct tplc_error err;
	struct batch b;
	int failed, error;

	pthread_mutex_lock(&im->lock);
	for (;;) {
		while (im->queued == 0 && !im->closing)
			pthread_cond_wait(&im->changed, &im->lock);
		if (im->queued == 0)
			break;
		b = im->ring[im->head];
		im->head = (im->head + 1) % BATCHES;
		im->queued--;
		failed = im->failed; /* a write's, or the caller's at end */
		pthread_cond_broadcast(&im->changed); /* room for the parser */
		pthread_mutex_unlock(&im->lock);
		error = write_batch(im, &b, failed, &err);
		pthread_mutex_lock(&im->lock);
		if (error < 0 && failed == 0) { /* the parser is told, stops */
			im->failed = error;
			im->failure = err;
			pthread_cond_broadcast(&im->changed);
		}
	}
	pthread_mutex_unlock(&im->lock);
	return NULL;
}

/* The store thread's failure, told where the caller reads errors. */
static int report_failure(struct tplc_advisory_import *im)
{
	if (im->err != NULL)
		*im->err = im->failure;
	return im->failed;
}

/* Hand the filling batch to the store thread, waiting for room. */
static int hand_over(struct tplc_advisory_import *im)
{
	int failed;

	pthread_mutex_lock(&im->lock);
	while (im->queued == BATCHES && im->failed == 0)
		pthread_cond_wait(&im->changed, &im->lock);
	failed = im->failed;
	if (failed == 0) {
		im->ring[(im->head + im->queued) % BATCHES] = im->filling;
		im->queued++;
		pthread_cond_broadcast(&im->changed);
	}
	pthread_mutex_unlock(&im->lock);
	if (failed != 0) {
		free_batch(&im->filling);
		return report_failure(im);
	}
	im->filling.count = 0;
	return 0;
}

int tplc_store_advisory_import_begin(struct tplc_advisory_import **out,
                                     struct tplc_store *store, const char *file,
                                     struct tplc_import_stats *stats,
                                     struct tplc_error *err)
{
	struct tplc_advisory_import *im;
	int error;

	*out = NULL;
	memset(stats, 0, sizeof(*stats));
	im = tplx_calloc(1, sizeof(*im));
	if (im == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	im->store = store;
	im->file = file;
	im->err = err;
	error = tplc_store__exec(store, IMPORT_CACHE_PRAGMA, err);
	if (error == 0)
		error = tplc_store__import_begin(store, err);
	if (error < 0) {
		tplx_free(im);
		return error;
	}
	error = tplc_store__advisory_writer_open(&im->writer, store, file,
	                                         stats, err);
	if (error < 0) {
		tplx_free(im);
		return tplc_store__import_end(store, error);
	}
	/* without a thread, give writes each advisory itself */
	if (pthread_mutex_init(&im->lock, NULL) == 0) {
		if (pthread_cond_init(&im->changed, NULL) == 0) {
			im->threaded = pthread_create(&im->thread, NULL,
			                              store_thread, im) == 0;
			if (!im->threaded)
				pthread_cond_destroy(&im->changed);
		}
		if (!im->threaded)
			pthread_mutex_destroy(&im->lock);
	}
	*out = im;
	return 0;
}

/* Without a store thread: write on the caller's, until a write fails. */
static int write_now(struct tplc_advisory_import *im,
                     struct tplc_advisory *advisory)
{
	int error = im->failed;

	if (error == 0)
		error = tplc_store__advisory_writer_add(im->writer, advisory,
		                                        im->err);
	tplc_advisory_free(advisory);
	if (error < 0)
		im->failed = error;
	return error;
}

int tplc_store_advisory_import_give(struct tplc_advisory_import *im,
                                    struct tplc_advisory *advisory)
{
	im->given++;
	if (!im->threaded)
		return write_now(im, advisory);
	im->filling.items[im->filling.count++] = advisory;
	return im->filling.count == BATCH ? hand_over(im) : 0;
}

/* Stop the store thread once it has written what it was given. */
static int join(struct tplc_advisory_import *im, int error)
{
	if (error == 0 && im->filling.count > 0)
		error = hand_over(im);
	free_batch(&im->filling);
	pthread_mutex_lock(&im->lock);
	/* after the caller's error, what still waits is rolled back: drop it */
	if (error < 0 && im->failed == 0)
		im->failed = error;
	im->closing = true;
	pthread_cond_broadcast(&im->changed);
	pthread_mutex_unlock(&im->lock);
	pthread_join(im->thread, NULL);
	pthread_cond_destroy(&im->changed);
	pthread_mutex_destroy(&im->lock);
	if (error == 0 && im->failed < 0)
		error = report_failure(im);
	return error;
}

int tplc_store_advisory_import_end(struct tplc_advisory_import *im, int error)
{
	if (im == NULL)
		return error;
	if (im->threaded)
		error = join(im, error);
	else if (error == 0)
		error = im->failed;
	if (error == 0 && im->given > 0)
		error = tplc_store__advisory_audit(im->store, im->file,
		                                   im->given, im->err);
	tplc_store__advisory_writer_close(im->writer);
	error = tplc_store__import_end(im->store, error);
	tplx_free(im);
	return error;
}

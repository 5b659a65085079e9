/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The full scan's matching, spread over threads.  Each thread matches one
 * contiguous slice of the components, then one of the product versions,
 * into its own output; the slices are joined in order.  A finding's key
 * (product version, component, vulnerability, advisory) is made by one
 * slice only, so sync's order of them is the same whatever the thread
 * count.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"

/* Most threads a scan starts, whatever TPLC_THREADS says. */
#define THREADS_MAX 256
/* Fewer components than this per thread are not worth a thread. */
#define SLICE_MIN 2048

size_t tplc_match__threads(void)
{
	const char *env = getenv("TPLC_THREADS");
	long n = 0;

	if (env == NULL || tplx_parse_long(env, 1, THREADS_MAX, &n) < 0 ||
	    n < 1)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > THREADS_MAX ? THREADS_MAX : (size_t)n;
}

struct worker {
	const struct tplc_match__fleet *fleet;
	size_t begin, end;                 /* components */
	size_t product_begin, product_end; /* product versions */
	struct tplc_match__out out;
	int error;
	pthread_t thread;
};

static void *work(void *data)
{
	struct worker *w = data;
	size_t i;

	for (i = w->begin; i < w->end && w->error == 0; i++)
		w->error = tplc_match__component(
		        w->fleet, &w->fleet->components[i], &w->out);
	for (i = w->product_begin; i < w->product_end && w->error == 0; i++)
		w->error = tplc_match__product(w->fleet, &w->fleet->products[i],
		                               &w->out);
	return NULL;
}

/* Append src's items to dst. */
static int append(struct tplx_vec *dst, const struct tplx_vec *src, size_t size)
{
	size_t need = dst->count + src->count;

	if (need > dst->cap) {
		void *items = tplx_reallocarray(dst->items, need, size);

		if (items == NULL)
			return TPLC_ENOMEM;
		dst->items = items;
		dst->cap = need;
	}
	if (src->count > 0)
		memcpy((char *)dst->items + dst->count * size, src->items,
		       src->count * size);
	dst->count = need;
	return 0;
}

/* Append a slice's output to out: matches, candidates, its arena. */
static int join(struct tplc_match__out *out, struct worker *w)
{
	struct tplx_arena **slot;

	if (append(&out->matches, &w->out.matches,
	           sizeof(struct tplc_store__match)) < 0 ||
	    append(&out->candidates, &w->out.candidates,
	           sizeof(struct tplc_match__candidate)) < 0 ||
	    append(&out->held, &w->out.held, sizeof(struct tplc_match__held)) <
	            0)
		return TPLC_ENOMEM;
	slot = tplx_vec_push(&out->arenas, sizeof(*slot));
	if (slot == NULL)
		return TPLC_ENOMEM;
	*slot = w->out.arena; /* its reasons live on in out */
	w->out.arena = NULL;
	out->undecided += w->out.undecided;
	return 0;
}

int tplc_match__run(const struct tplc_match__fleet *fleet, size_t threads,
                    struct tplc_match__out *out, struct tplc_error *err)
{
	struct worker *w;
	size_t n = fleet->component_count, i, started = 0;
	int error = 0;

	if (threads > 1 && getenv("TPLC_THREADS") == NULL &&
	    n / SLICE_MIN < threads)
		threads = n / SLICE_MIN > 1 ? n / SLICE_MIN : 1;
	if (threads > n && n > 0)
		threads = n;
	if (threads < 1)
		threads = 1;
	w = tplx_calloc(threads, sizeof(*w));
	if (w == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < threads && error == 0; i++) {
		w[i].fleet = fleet;
		w[i].begin = n * i / threads;
		w[i].end = n * (i + 1) / threads;
		w[i].product_begin = fleet->product_count * i / threads;
		w[i].product_end = fleet->product_count * (i + 1) / threads;
		if (tplc_match__out_init(&w[i].out) < 0)
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
	}
	/* slice 0 runs on this thread: one thread starts none */
	for (i = 1; i < threads && error == 0; i++, started++)
		if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0)
			break;
	if (error == 0)
		work(&w[0]);
	for (i = 1; i <= started; i++)
		pthread_join(w[i].thread, NULL);
	for (i = started + 1; i < threads && error == 0; i++)
		work(&w[i]); /* a thread that did not start: do it here */
	for (i = 0; i < threads && error == 0; i++) {
		if (w[i].error != 0) {
			error = w[i].error;
			if (err != NULL)
				*err = w[i].out.err;
		} else if (join(out, &w[i]) < 0) {
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
		}
	}
	for (i = 0; i < threads; i++)
		tplc_match__out_free(&w[i].out);
	tplx_free(w);
	return error;
}

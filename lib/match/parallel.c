/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The full scan's matching, spread over threads.  The components, then
 * the product versions, are cut into chunks; each thread takes the next
 * chunk when it is done with one, into its own output, so a thread slowed
 * by a chunk of rare kinds (each matched afresh) or by another process
 * does not hold the others up.  The chunks' outputs are joined in chunk
 * order.  A finding's key (product version, component, vulnerability,
 * advisory) is made in one chunk only, so sync's order of them is the
 * same whatever the thread count.
 */
#include <pthread.h>
#include <stdatomic.h>
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
/* Components, and product versions, a thread takes at a time. */
#define CHUNK         4096
#define PRODUCT_CHUNK 64

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

/* What the threads share: the fleet, and the next chunk to take. */
struct chunks {
	const struct tplc_match__fleet *fleet;
	size_t component_chunks, count;
	atomic_size_t next;
};

/* Where a chunk's output ends in its thread's output. */
struct chunk_end {
	size_t chunk, matches, candidates, held;
};

struct worker {
	struct chunks *chunks;
	struct tplc_match__out out;
	struct tplx_vec ends; /* struct chunk_end, in chunk order */
	int error;
	pthread_t thread;
};

static int run_chunk(struct worker *w, size_t chunk)
{
	const struct tplc_match__fleet *fleet = w->chunks->fleet;
	size_t i, end, k = w->chunks->component_chunks;
	int error = 0;

	if (chunk < k) {
		end = (chunk + 1) * CHUNK;
		if (end > fleet->component_count)
			end = fleet->component_count;
		for (i = chunk * CHUNK; i < end && error == 0; i++)
			error = tplc_match__component(
			        fleet, &fleet->components[i], &w->out);
		return error;
	}
	end = (chunk - k + 1) * PRODUCT_CHUNK;
	if (end > fleet->product_count)
		end = fleet->product_count;
	for (i = (chunk - k) * PRODUCT_CHUNK; i < end && error == 0; i++)
		error = tplc_match__product(fleet, &fleet->products[i],
		                            &w->out);
	return error;
}

static void *work(void *data)
{
	struct worker *w = data;
	struct chunk_end *e;
	size_t chunk;

	while (w->error == 0 &&
	       (chunk = atomic_fetch_add(&w->chunks->next, 1)) <
	               w->chunks->count) {
		w->error = run_chunk(w, chunk);
		e = w->error == 0 ? tplx_vec_push(&w->ends, sizeof(*e)) : NULL;
		if (w->error == 0 && e == NULL)
			w->error = tplc_error_set(&w->out.err, TPLC_ENOMEM,
			                          "out of memory");
		if (e == NULL)
			break;
		e->chunk = chunk;
		e->matches = w->out.matches.count;
		e->candidates = w->out.candidates.count;
		e->held = w->out.held.count;
	}
	return NULL;
}

/* Append src's items [from, to) to dst. */
static int append(struct tplx_vec *dst, const struct tplx_vec *src, size_t from,
                  size_t to, size_t size)
{
	size_t need = dst->count + (to - from);

	if (need > dst->cap) {
		size_t cap = dst->cap > 0 ? dst->cap : 64;
		void *items;

		while (cap < need)
			cap *= 2;
		items = tplx_reallocarray(dst->items, cap, size);
		if (items == NULL)
			return TPLC_ENOMEM;
		dst->items = items;
		dst->cap = cap;
	}
	if (to > from)
		memcpy((char *)dst->items + dst->count * size,
		       (const char *)src->items + from * size,
		       (to - from) * size);
	dst->count = need;
	return 0;
}

/* Append one chunk's output, which ends at e in w's, to out. */
static int join_chunk(struct tplc_match__out *out, const struct worker *w,
                      const struct chunk_end *e)
{
	const struct chunk_end *prev =
	        e > (const struct chunk_end *)w->ends.items ? e - 1 : NULL;

	if (append(&out->matches, &w->out.matches, prev ? prev->matches : 0,
	           e->matches, sizeof(struct tplc_store__match)) < 0 ||
	    append(&out->candidates, &w->out.candidates,
	           prev ? prev->candidates : 0, e->candidates,
	           sizeof(struct tplc_match__candidate)) < 0 ||
	    append(&out->held, &w->out.held, prev ? prev->held : 0, e->held,
	           sizeof(struct tplc_match__held)) < 0)
		return TPLC_ENOMEM;
	return 0;
}

/* Join the threads' outputs into out, chunk by chunk, and take over
 * their arenas (the reasons live there). */
static int join(struct tplc_match__out *out, struct worker *w, size_t threads,
                size_t chunks)
{
	size_t *at = tplx_calloc(threads, sizeof(*at)), c, i;
	struct tplx_arena **slot;
	int error = 0;

	if (at == NULL)
		return TPLC_ENOMEM;
	for (c = 0; c < chunks && error == 0; c++)
		for (i = 0; i < threads; i++) {
			const struct chunk_end *e = w[i].ends.items;

			if (at[i] < w[i].ends.count && e[at[i]].chunk == c) {
				error = join_chunk(out, &w[i], &e[at[i]++]);
				break;
			}
		}
	tplx_free(at);
	for (i = 0; i < threads && error == 0; i++) {
		slot = tplx_vec_push(&out->arenas, sizeof(*slot));
		if (slot == NULL)
			return TPLC_ENOMEM;
		*slot = w[i].out.arena;
		w[i].out.arena = NULL;
		out->undecided += w[i].out.undecided;
	}
	return error;
}

int tplc_match__run(const struct tplc_match__fleet *fleet, size_t threads,
                    struct tplc_match__out *out, struct tplc_error *err)
{
	struct chunks chunks;
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
	chunks.fleet = fleet;
	chunks.component_chunks = (n + CHUNK - 1) / CHUNK;
	chunks.count =
	        chunks.component_chunks +
	        (fleet->product_count + PRODUCT_CHUNK - 1) / PRODUCT_CHUNK;
	atomic_init(&chunks.next, 0);
	w = tplx_calloc(threads, sizeof(*w));
	if (w == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < threads && error == 0; i++) {
		w[i].chunks = &chunks;
		if (tplc_match__out_init(&w[i].out) < 0)
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
	}
	/* this thread is a worker too: one thread starts none */
	for (i = 1; i < threads && error == 0; i++, started++)
		if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0)
			break;
	if (error == 0)
		work(&w[0]); /* takes what threads that did not start would */
	for (i = 1; i <= started; i++)
		pthread_join(w[i].thread, NULL);
	for (i = 0; i < threads && error == 0; i++)
		if (w[i].error != 0) {
			error = w[i].error;
			if (err != NULL)
				*err = w[i].out.err;
		}
	if (error == 0 && join(out, w, threads, chunks.count) < 0)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < threads; i++) {
		tplc_match__out_free(&w[i].out);
		tplx_free(w[i].ends.items);
	}
	tplx_free(w);
	return error;
}

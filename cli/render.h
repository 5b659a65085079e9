/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CLI_RENDER_H
#define TPLC_CLI_RENDER_H

/* One JSON shape per record kind, shared by every command that shows it. */

#include "tplc/match.h"
#include "tplc/store.h"
#include "util/jsonw.h"

void render_device_json(struct tplx_jsonw *w, const struct tplc_device_row *d);
void render_finding_json(struct tplx_jsonw *w,
                         const struct tplc_finding_row *f);
void render_match_hit_json(struct tplx_jsonw *w,
                           const struct tplc_match_hit *h);
/* "not_affected (code_not_reachable)", "" when VEX says nothing. */
const char *render_vex(char *buf, size_t size, const char *status,
                       const char *justification);
/* "9.8", or "-" when there is no score; buf of at least 8 bytes. */
const char *render_score(double score, char *buf, size_t size);

#endif

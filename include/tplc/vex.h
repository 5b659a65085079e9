/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_VEX_H
#define TPLC_VEX_H

/*
 * VEX out: the statements of an advisory (include/tplc/model.h), each
 * affected entry one statement of one vulnerability for one product or
 * package, written as a CycloneDX 1.6 VEX BOM, an OpenVEX 0.2.0 document
 * or a CSAF 2.0 csaf_vex document.  VEX in is tplc_vex_parse
 * (include/tplc/advisory.h) and tplc_csaf_parse.
 *
 * adv->id names the document, adv->publisher is its author (NULL:
 * "tplc"), adv->modified its time (required, ISO 8601), adv->title its
 * title.  docs/internals/vex.md says what each format can carry: OpenVEX
 * names one version per product, so a range keeps only its package.
 */

#include <stdio.h>

#include "tplc/error.h"
#include "tplc/model.h"

/* format: "cyclonedx", "openvex" or "csaf"; else TPLC_EINVAL. */
int tplc_vex_write(FILE *fp, const char *format,
                   const struct tplc_advisory *adv, struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_LICENSE_H
#define TPLC_FORMATS_LICENSE_H

/*
 * SPDX license and exception identifiers, from tables generated at build
 * time (license-ids-gen.py) out of Debian's node-spdx-license-ids and
 * node-spdx-exceptions.  Lookups ignore ASCII case, as SPDX matching does.
 */

#include <stdbool.h>
#include <stddef.h>

/* Sorted case-insensitively; defined in the generated spdx-license-ids.c. */
extern const char *const tplc_spdx_license_ids[];
extern const size_t tplc_spdx_license_ids_count;
extern const char *const tplc_spdx_exception_ids[];
extern const size_t tplc_spdx_exception_ids_count;

/* A current or deprecated SPDX license identifier ("Apache-2.0"). */
bool tplc_license_id_known(const char *id);
/* An SPDX license exception identifier ("Classpath-exception-2.0"). */
bool tplc_license_exception_known(const char *id);

#endif

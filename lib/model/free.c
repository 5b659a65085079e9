/* SPDX-License-Identifier: Apache-2.0 */
/* Model records live in their document's arena: freeing is one call. */
#include "tplc/model.h"
#include "util/arena.h"

void tplc_sbom_free(struct tplc_sbom *sbom)
{
	if (sbom != NULL)
		tplx_arena_free(sbom->arena); /* sbom itself is in it */
}

void tplc_advisory_free(struct tplc_advisory *advisory)
{
	if (advisory != NULL)
		tplx_arena_free(advisory->arena);
}

void tplc_inventory_free(struct tplc_inventory *inventory)
{
	if (inventory != NULL)
		tplx_arena_free(inventory->arena);
}

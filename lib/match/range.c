/* SPDX-License-Identifier: Apache-2.0 */
/* Is a version inside a vers range, with the generic scheme as fallback
 * for schemes the version engine does not know yet. */
#include <string.h>

#include "tplc/match.h"
#include "tplc/vers.h"
#include "util/buf.h"

#define RANGE_MAX 8192

static int contains(bool *out, const char *range, const char *version,
                    struct tplc_error *err)
{
	struct tplc_vers *vers = NULL;
	int error = tplc_vers_parse(&vers, range, err);

	if (error == 0)
		error = tplc_vers_contains(out, vers, version, err);
	tplc_vers_free(vers);
	return error;
}

int tplc_match_version_in(bool *out, const char *range, const char *version,
                          struct tplc_error *err)
{
	struct tplx_buf generic = TPLX_BUF_INIT(RANGE_MAX);
	const char *slash;
	int error;

	*out = false;
	error = contains(out, range, version, err);
	if (error != TPLC_EUNSUPPORTED)
		return error;
	/* vers:<scheme>/<constraints> -> vers:generic/<constraints> */
	slash = strchr(range, '/');
	if (slash == NULL)
		return error;
	error = tplx_buf_addf(&generic, "vers:generic%s", slash);
	if (error == 0)
		error = contains(out, tplx_buf_str(&generic), version, err);
	else
		tplc_error_set(err, error, "range too long");
	tplx_buf_release(&generic);
	return error;
}

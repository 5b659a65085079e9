/* SPDX-License-Identifier: Apache-2.0 */
/* Is a version inside a vers range, with the generic scheme as fallback
 * for schemes the version engine does not know yet. */
#include <string.h>

#include "internal.h"
#include "tplc/match.h"
#include "tplc/vers.h"
#include "tplc/version.h"
#include "util/buf.h"

int tplc_match__compile_range(struct tplc_vers **out, const char *range,
                              struct tplc_error *err)
{
	struct tplx_buf generic = TPLX_BUF_INIT(TPLC_VERS_MAX);
	struct tplc_vers *vers = NULL;
	const char *slash;
	int error;

	*out = NULL;
	error = tplc_vers_parse(&vers, range, err);
	if (error < 0 || tplc_version_scheme_supported(tplc_vers_scheme(vers)))
		goto done;
	/* vers:<scheme>/<constraints> -> vers:generic/<constraints> */
	slash = strchr(range, '/');
	if (slash == NULL || tplx_buf_addf(&generic, "vers:generic%s", slash))
		goto done; /* keep the range as it is */
	tplc_vers_free(vers);
	vers = NULL;
	error = tplc_vers_parse(&vers, tplx_buf_str(&generic), err);
done:
	tplx_buf_release(&generic);
	if (error < 0) {
		tplc_vers_free(vers);
		return error;
	}
	*out = vers;
	return 0;
}

int tplc_match_version_in(bool *out, const char *range, const char *version,
                          struct tplc_error *err)
{
	struct tplc_vers *vers = NULL;
	int error;

	*out = false;
	error = tplc_match__compile_range(&vers, range, err);
	if (error == 0)
		error = tplc_vers_contains(out, vers, version, err);
	tplc_vers_free(vers);
	return error;
}

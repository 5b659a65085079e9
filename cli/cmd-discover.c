/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc discover list: hosts tplc watch saw that no inventory device
 * matches (by MAC, IP or AE title), with their fingerprint; --all adds
 * the bound ones.
 */
#include <stdio.h>
#include <string.h>

#include "table.h"
#include "util/jsonw.h"
#include "watch.h"

struct discover_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static const char *dash(const char *s)
{
	return s && *s ? s : "-";
}

static int host_row(const struct tplc_wire_host_row *row, void *data)
{
	struct discover_out *out = data;
	char packets[24], bytes[24];

	if (out->cli->json) {
		struct tplx_jsonw *w = &out->w;

		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "mac", row->mac);
		tplx_jsonw_kstring(w, "ip", row->ip);
		tplx_jsonw_kstring(w, "device", row->asset_tag);
		tplx_jsonw_kstring(w, "bound_by", row->bound_by);
		tplx_jsonw_kstring(w, "dhcp_hostname", row->hostname);
		tplx_jsonw_kstring(w, "dhcp_vendor_class", row->vendor_class);
		tplx_jsonw_kstring(w, "dhcp_client_id", row->client_id);
		tplx_jsonw_kstring(w, "dhcp_params", row->dhcp_params);
		tplx_jsonw_kstring(w, "mud_url", row->mud_url);
		tplx_jsonw_kstring(w, "lldp_name", row->lldp_name);
		tplx_jsonw_kstring(w, "lldp_description",
		                   row->lldp_description);
		tplx_jsonw_kstring(w, "ae_titles", row->ae_titles);
		tplx_jsonw_kstring(w, "first_seen", row->first_seen);
		tplx_jsonw_kstring(w, "last_seen", row->last_seen);
		tplx_jsonw_kint(w, "packets", row->packets);
		tplx_jsonw_kint(w, "bytes", row->bytes);
		tplx_jsonw_object_end(w);
		return 0;
	}
	snprintf(packets, sizeof(packets), "%lld", row->packets);
	snprintf(bytes, sizeof(bytes), "%lld", row->bytes);
	const char *cells[] = {
		dash(row->mac),
		dash(row->ip),
		dash(row->asset_tag),
		dash(row->ae_titles),
		dash(row->hostname),
		dash(row->vendor_class),
		dash(row->lldp_name),
		dash(row->first_seen),
		dash(row->last_seen),
		packets,
		bytes,
	};
	table_row(&out->t, cells);
	return 0;
}

static int discover_list(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "all", NULL, "also the hosts bound to inventory devices" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = {
		"MAC",       "IP",      "DEVICE", "AE TITLES",
		"DHCP NAME", "VENDOR",  "LLDP",   "FIRST SEEN",
		"LAST SEEN", "PACKETS", "BYTES",
	};
	struct discover_out out;
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "discover list [--all]",
	                   "Hosts on the wire no inventory device matches.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 11, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_wire_hosts(store, !cli_flag(&args, opts, "all"),
	                              host_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && out.t.rows == 0)
		printf("no discovered hosts\n");
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_discover(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", discover_list, "hosts seen that no device matches" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "discover", cmds, argc, argv);
}

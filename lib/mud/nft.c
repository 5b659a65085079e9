/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Compiled rules as one nftables table "inet tplc_mud": a forward chain
 * that sends each chosen device's traffic to its own chain, which accepts
 * what the profile allows and drops the rest.  Other traffic is accepted,
 * so only the chosen devices are confined.  Load with nft -f FILE.
 */
#include <ctype.h>
#include <string.h>

#include "tplc/mud.h"

static void chain_name(char *buf, size_t size, size_t index, const char *name)
{
	size_t n = (size_t)snprintf(buf, size, "dev%zu_", index);

	for (; name != NULL && *name && n + 1 < size && n < 40; name++)
		buf[n++] = isalnum((unsigned char)*name) ? *name : '_';
	buf[n < size ? n : size - 1] = '\0';
}

static const char *fam(const struct tplc_mud_addr *a)
{
	return a->family == 6 ? "ip6" : "ip";
}

static void nft_ports(FILE *out, const char *l4, const char *which,
                      const struct tplc_mud_ports *p)
{
	if (!p->set)
		return;
	if (p->neq)
		fprintf(out, " %s %s != %u", l4, which, p->lo);
	else if (p->lo == p->hi)
		fprintf(out, " %s %s %u", l4, which, p->lo);
	else
		fprintf(out, " %s %s %u-%u", l4, which, p->lo, p->hi);
}

static void comment(FILE *out, const char *acl, const char *ace)
{
	fputs(" comment \"", out);
	for (const char *s = acl; s && *s; s++)
		fputc(*s == '"' || *s == '\\' ? '_' : *s, out);
	fputc('/', out);
	for (const char *s = ace; s && *s; s++)
		fputc(*s == '"' || *s == '\\' ? '_' : *s, out);
	fputc('"', out);
}

static void rule_line(FILE *out, const struct tplc_mud_rule *r)
{
	const bool from = r->dir == TPLC_MUD_FROM_DEVICE;
	const char *l4 = r->proto == 6 ? "tcp" : r->proto == 17 ? "udp" : NULL;
	char addr[64];

	fputs("\t\t", out);
	if (r->peer.family != 0)
		fprintf(out, "%s %s %s ", fam(&r->peer),
		        from ? "daddr" : "saddr",
		        tplc_mud_addr_format(&r->peer, addr, sizeof(addr)));
	if (r->proto >= 0)
		fprintf(out, "meta l4proto %d", r->proto);
	if (l4 != NULL) {
		nft_ports(out, l4, from ? "sport" : "dport", &r->device_port);
		nft_ports(out, l4, from ? "dport" : "sport", &r->peer_port);
	}
	/* the side that may not open a TCP connection only answers */
	if (r->proto == 6 && r->initiated != TPLC_MUD_DIR_ANY &&
	    r->initiated != r->dir)
		fputs(" ct state established", out);
	fputs(r->accept ? " accept" : " drop", out);
	comment(out, r->acl, r->ace);
	fputc('\n', out);
}

int tplc_mud_nft(FILE *out, const struct tplc_mud_nft_device *devices,
                 size_t count, struct tplc_error *err)
{
	char name[64], addr[64];

	fprintf(out, "# tplc MUD enforcement; load with nft -f\n"
	             "table inet tplc_mud\n"
	             "delete table inet tplc_mud\n"
	             "table inet tplc_mud {\n");
	for (size_t i = 0; i < count; i++) {
		const struct tplc_mud_rules *r = devices[i].rules;

		if (r->device.family == 0)
			continue;
		chain_name(name, sizeof(name), i, devices[i].name);
		fprintf(out, "\tchain %s_out {\n", name);
		for (size_t k = 0; k < r->count; k++)
			if (r->items[k].dir == TPLC_MUD_FROM_DEVICE)
				rule_line(out, &r->items[k]);
		fprintf(out, "\t\tdrop comment \"default deny\"\n\t}\n");
		fprintf(out, "\tchain %s_in {\n", name);
		for (size_t k = 0; k < r->count; k++)
			if (r->items[k].dir == TPLC_MUD_TO_DEVICE)
				rule_line(out, &r->items[k]);
		fprintf(out, "\t\tdrop comment \"default deny\"\n\t}\n");
	}
	fprintf(out,
	        "\tchain forward {\n"
	        "\t\ttype filter hook forward priority 0; policy accept;\n");
	for (size_t i = 0; i < count; i++) {
		const struct tplc_mud_rules *r = devices[i].rules;

		if (r->device.family == 0) {
			fprintf(out, "\t\t# %s: no address known\n",
			        devices[i].name);
			continue;
		}
		chain_name(name, sizeof(name), i, devices[i].name);
		tplc_mud_addr_format(&r->device, addr, sizeof(addr));
		fprintf(out, "\t\t%s saddr %s jump %s_out\n", fam(&r->device),
		        addr, name);
		fprintf(out, "\t\t%s daddr %s jump %s_in\n", fam(&r->device),
		        addr, name);
	}
	fprintf(out, "\t}\n}\n");
	if (ferror(out))
		return tplc_error_set(err, TPLC_EIO, "writing the ruleset");
	return 0;
}

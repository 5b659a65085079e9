/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A flow against compiled rules, and the rules written out: for people,
 * as JSON, and as the Cisco dACL a MUD manager installs.
 */
#include <string.h>

#include "tplc/mud.h"
#include "util/jsonw.h"
#include "util/str.h"

static bool prefix_has(const struct tplc_mud_addr *net,
                       const struct tplc_mud_addr *a)
{
	unsigned bits = net->prefix;

	if (net->family == 0)
		return true;
	if (net->family != a->family)
		return false;
	if (memcmp(net->addr, a->addr, bits / 8) != 0)
		return false;
	if (bits % 8 != 0) {
		uint8_t mask = (uint8_t)(0xff << (8 - bits % 8));
		if ((net->addr[bits / 8] & mask) != (a->addr[bits / 8] & mask))
			return false;
	}
	return true;
}

static bool port_has(const struct tplc_mud_ports *p, uint16_t port)
{
	if (!p->set)
		return true;
	if (p->neq)
		return port != p->lo;
	return port >= p->lo && port <= p->hi;
}

/* How far a rule matches: peer 8, protocol 4, ports 2, direction 1. */
static int score(const struct tplc_mud_rule *r, const struct tplc_mud_flow *f)
{
	bool l4 = f->proto == 6 || f->proto == 17;
	int s = 0;

	if (prefix_has(&r->peer, &f->peer) ||
	    (f->peer_name != NULL && r->peer_name != NULL &&
	     tplx_strcaseeq(f->peer_name, r->peer_name)))
		s += 8;
	if (r->proto < 0 || r->proto == f->proto)
		s += 4;
	if (!l4 || (port_has(&r->device_port, f->device_port) &&
	            port_has(&r->peer_port, f->peer_port)))
		s += 2;
	/* only TCP has a direction the network can see */
	if (r->initiated == TPLC_MUD_DIR_ANY || f->proto != 6 ||
	    r->initiated == f->initiated)
		s += 1;
	return s;
}

int tplc_mud_check(const struct tplc_mud_rules *rules,
                   const struct tplc_mud_flow *flow,
                   struct tplc_mud_verdict *verdict)
{
	const struct tplc_mud_rule *best = NULL;
	int best_score = -1, best_rank = -1;

	verdict->result = TPLC_MUD_UNEXPECTED_PEER;
	verdict->rule = NULL;
	if (rules == NULL || flow == NULL)
		return TPLC_EINVAL;
	for (size_t i = 0; i < rules->count; i++) {
		const struct tplc_mud_rule *r = &rules->items[i];
		int s, rank;

		if (r->dir != TPLC_MUD_DIR_ANY && r->dir != flow->initiated)
			continue;
		s = score(r, flow);
		if (s == 15) {
			verdict->rule = r;
			if (r->accept)
				verdict->result = TPLC_MUD_ALLOWED;
			else if (r->dir == TPLC_MUD_DIR_ANY)
				break; /* the default deny: say why */
			else
				verdict->result = TPLC_MUD_DENIED;
			return 0;
		}
		/* nearest: a rule naming this peer first, then the most
		 * that matches; "any" peers do not count as naming it */
		rank = (s & 7) + (r->peer.family != 0 && (s & 8) ? 16 : 0);
		if (r->accept && rank > best_rank) {
			best = r;
			best_score = s;
			best_rank = rank;
		}
	}
	verdict->rule = best;
	if (best == NULL || (best_score & 8) == 0)
		verdict->result = TPLC_MUD_UNEXPECTED_PEER;
	else if ((best_score & 4) == 0)
		verdict->result = TPLC_MUD_UNEXPECTED_PROTOCOL;
	else if ((best_score & 2) == 0)
		verdict->result = TPLC_MUD_UNEXPECTED_PORT;
	else
		verdict->result = TPLC_MUD_UNEXPECTED_DIRECTION;
	return 0;
}

const char *tplc_mud_result_name(enum tplc_mud_result result)
{
	switch (result) {
	case TPLC_MUD_ALLOWED:
		return "allowed";
	case TPLC_MUD_UNEXPECTED_PEER:
		return "unexpected-peer";
	case TPLC_MUD_UNEXPECTED_PORT:
		return "unexpected-port";
	case TPLC_MUD_UNEXPECTED_PROTOCOL:
		return "unexpected-protocol";
	case TPLC_MUD_UNEXPECTED_DIRECTION:
		return "unexpected-direction";
	case TPLC_MUD_DENIED:
		return "denied";
	}
	return "unknown";
}

static const char *dir_name(enum tplc_mud_dir d)
{
	return d == TPLC_MUD_FROM_DEVICE ? "from-device"
	       : d == TPLC_MUD_TO_DEVICE ? "to-device"
	                                 : "any";
}

static void proto_name(char *buf, size_t size, int proto)
{
	if (proto < 0)
		snprintf(buf, size, "ip");
	else if (proto == 6)
		snprintf(buf, size, "tcp");
	else if (proto == 17)
		snprintf(buf, size, "udp");
	else if (proto == 1)
		snprintf(buf, size, "icmp");
	else
		snprintf(buf, size, "%d", proto);
}

static void ports(FILE *out, const char *what, const struct tplc_mud_ports *p)
{
	if (!p->set)
		return;
	if (p->neq)
		fprintf(out, " %s!=%u", what, p->lo);
	else if (p->lo == p->hi)
		fprintf(out, " %s %u", what, p->lo);
	else
		fprintf(out, " %s %u-%u", what, p->lo, p->hi);
}

void tplc_mud_rules_print(FILE *out, const struct tplc_mud_rules *rules)
{
	char addr[64], proto[16];

	for (size_t i = 0; i < rules->count; i++) {
		const struct tplc_mud_rule *r = &rules->items[i];

		proto_name(proto, sizeof(proto), r->proto);
		fprintf(out, "%s %s %s %s", r->accept ? "permit" : "deny",
		        dir_name(r->dir), proto,
		        tplc_mud_addr_format(&r->peer, addr, sizeof(addr)));
		if (r->peer_name != NULL)
			fprintf(out, " (%s)", r->peer_name);
		ports(out, "device-port", &r->device_port);
		ports(out, "peer-port", &r->peer_port);
		if (r->initiated != TPLC_MUD_DIR_ANY)
			fprintf(out, " initiated %s", dir_name(r->initiated));
		fprintf(out, "  [%s/%s]\n", r->acl, r->ace);
	}
	for (size_t i = 0; i < rules->unbound_count; i++)
		fprintf(out, "unbound %s\n", rules->unbound[i]);
}

static void json_ports(struct tplx_jsonw *w, const char *key,
                       const struct tplc_mud_ports *p)
{
	tplx_jsonw_key(w, key);
	if (!p->set) {
		tplx_jsonw_null(w);
		return;
	}
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kint(w, "lo", p->lo);
	tplx_jsonw_kint(w, "hi", p->hi);
	tplx_jsonw_kbool(w, "neq", p->neq);
	tplx_jsonw_object_end(w);
}

void tplc_mud_rules_json(FILE *out, const struct tplc_mud_rules *rules)
{
	struct tplx_jsonw w;
	char addr[64];

	tplx_jsonw_init(&w, out, false);
	tplx_jsonw_object_begin(&w);
	tplx_jsonw_kstring(&w, "device",
	                   rules->device.family
	                           ? tplc_mud_addr_format(&rules->device, addr,
	                                                  sizeof(addr))
	                           : NULL);
	tplx_jsonw_key(&w, "rules");
	tplx_jsonw_array_begin(&w);
	for (size_t i = 0; i < rules->count; i++) {
		const struct tplc_mud_rule *r = &rules->items[i];

		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "action", r->accept ? "permit" : "deny");
		tplx_jsonw_kstring(&w, "dir", dir_name(r->dir));
		tplx_jsonw_kint(&w, "proto", r->proto);
		tplx_jsonw_kstring(
		        &w, "peer",
		        tplc_mud_addr_format(&r->peer, addr, sizeof(addr)));
		tplx_jsonw_kstring(&w, "peer_name", r->peer_name);
		json_ports(&w, "device_port", &r->device_port);
		json_ports(&w, "peer_port", &r->peer_port);
		tplx_jsonw_kstring(&w, "initiated", dir_name(r->initiated));
		tplx_jsonw_kstring(&w, "acl", r->acl);
		tplx_jsonw_kstring(&w, "ace", r->ace);
		tplx_jsonw_object_end(&w);
	}
	tplx_jsonw_array_end(&w);
	tplx_jsonw_key(&w, "unbound");
	tplx_jsonw_array_begin(&w);
	for (size_t i = 0; i < rules->unbound_count; i++)
		tplx_jsonw_string(&w, rules->unbound[i]);
	tplx_jsonw_array_end(&w);
	tplx_jsonw_object_end(&w); /* ends the line */
}

/* Cisco wildcard form: "host A", "A W" or "any". */
static void cisco_addr(FILE *out, const struct tplc_mud_addr *a)
{
	char host[64];
	struct tplc_mud_addr h = *a;

	if (a->family == 0) {
		fputs("any", out);
		return;
	}
	h.prefix = a->family == 4 ? 32 : 128;
	tplc_mud_addr_format(&h, host, sizeof(host));
	if (a->prefix == h.prefix) {
		fprintf(out, "host %s", host);
	} else if (a->family == 4) {
		uint32_t w = a->prefix == 0 ? 0xffffffffu
		                            : (1u << (32 - a->prefix)) - 1;
		fprintf(out, "%s %u.%u.%u.%u", host, w >> 24, (w >> 16) & 0xff,
		        (w >> 8) & 0xff, w & 0xff);
	} else {
		fprintf(out, "%s/%u", host, a->prefix);
	}
}

/*
 * The reference MUD manager writes an ACE's ports as "range LO HI", its
 * configured defaults verbatim ("eq 53"), numbers ACEs by tens and the
 * defaults after them by ones, and marks every TCP entry that has a
 * direction-initiated as "established".
 */
void tplc_mud_rules_dacl(FILE *out, const struct tplc_mud_rules *rules)
{
	unsigned seq = 0, def = 0;
	char proto[16];

	for (size_t i = 0; i < rules->count; i++) {
		const struct tplc_mud_rule *r = &rules->items[i];
		bool is_default = strcmp(r->acl, "default") == 0;

		if (r->dir == TPLC_MUD_TO_DEVICE)
			continue;
		if (is_default)
			seq = def++ == 0 ? (seq / 10 + 1) * 10 : seq + 1;
		else
			seq += 10;
		proto_name(proto, sizeof(proto), r->proto);
		fprintf(out, "ip:inacl#%u=%s %s any ", seq,
		        r->accept ? "permit" : "deny", proto);
		cisco_addr(out, &r->peer);
		if (r->peer_port.set && !r->peer_port.neq) {
			if (is_default && r->peer_port.lo == r->peer_port.hi)
				fprintf(out, " eq %u", r->peer_port.lo);
			else
				fprintf(out, " range %u %u", r->peer_port.lo,
				        r->peer_port.hi);
		} else if (r->peer_port.set) {
			fprintf(out, " neq %u", r->peer_port.lo);
		}
		if (r->proto == 6 && r->initiated != TPLC_MUD_DIR_ANY)
			fputs(" established", out);
		fputc('\n', out);
	}
}

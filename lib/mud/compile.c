/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A MUD profile plus the site's bindings and the device's address become
 * concrete rules, in the profile's order, then the optional DNS rule and
 * the default deny (RFC 8520 section 1.6: what is not named is denied).
 * An ACE whose peer no binding resolves is left out and listed as
 * unbound: it allows nothing, as a MUD manager that cannot resolve a name
 * installs nothing for it.
 */
#include <arpa/inet.h>
#include <string.h>

#include "tplc/mud.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"

static bool parse_wildcard(const char *text, struct tplc_mud_addr *out)
{
	const char *sp = strchr(text, ' ');
	char host[64];
	uint8_t mask[4];
	uint32_t m;

	if (sp == NULL || (size_t)(sp - text) >= sizeof(host))
		return false;
	memcpy(host, text, (size_t)(sp - text));
	host[sp - text] = '\0';
	if (inet_pton(AF_INET, host, out->addr) != 1 ||
	    inet_pton(AF_INET, sp + 1, mask) != 1)
		return false;
	m = ~(((uint32_t)mask[0] << 24) | ((uint32_t)mask[1] << 16) |
	      ((uint32_t)mask[2] << 8) | mask[3]);
	out->prefix = 0;
	while (out->prefix < 32 && (m & (0x80000000u >> out->prefix)) != 0)
		out->prefix++;
	/* a wildcard with holes is no prefix */
	if (out->prefix < 32 && (m << out->prefix) != 0)
		return false;
	out->family = 4;
	return true;
}

int tplc_mud_addr_parse(const char *text, struct tplc_mud_addr *out)
{
	const char *slash;
	char host[64];
	size_t hlen;
	long bits = -1;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return TPLC_EINVAL;
	if (strchr(text, ' ') != NULL)
		return parse_wildcard(text, out) ? 0 : TPLC_EPARSE;
	slash = strchr(text, '/');
	hlen = slash != NULL ? (size_t)(slash - text) : strlen(text);
	if (hlen == 0 || hlen >= sizeof(host))
		return TPLC_EPARSE;
	memcpy(host, text, hlen);
	host[hlen] = '\0';
	if (inet_pton(AF_INET, host, out->addr) == 1)
		out->family = 4;
	else if (inet_pton(AF_INET6, host, out->addr) == 1)
		out->family = 6;
	else
		return TPLC_EPARSE;
	if (slash != NULL &&
	    tplx_parse_long(slash + 1, 0, out->family == 4 ? 32 : 128, &bits) !=
	            0)
		return TPLC_EPARSE;
	out->prefix = (uint8_t)(bits >= 0 ? bits : out->family == 4 ? 32 : 128);
	return 0;
}

char *tplc_mud_addr_format(const struct tplc_mud_addr *a, char *buf,
                           size_t size)
{
	char host[INET6_ADDRSTRLEN];
	int full = a->family == 4 ? 32 : 128;

	if (a->family == 0) {
		snprintf(buf, size, "any");
		return buf;
	}
	inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->addr, host,
	          sizeof(host));
	if (a->prefix == full)
		snprintf(buf, size, "%s", host);
	else
		snprintf(buf, size, "%s/%u", host, a->prefix);
	return buf;
}

struct build {
	struct tplc_mud_rules *r;
	size_t cap;
	const char *unbound[TPLC_MUD_ACLS_MAX];
	struct tplc_error *err;
};

static bool dup(struct build *b, const char **s)
{
	if (*s == NULL)
		return true;
	*s = tplx_arena_strdup(b->r->arena, *s);
	return *s != NULL;
}

static int add(struct build *b, const struct tplc_mud_rule *rule)
{
	if (b->r->count == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		struct tplc_mud_rule *n;

		if (cap > TPLC_MUD_RULES_MAX + 2)
			return tplc_error_set(b->err, TPLC_ELIMIT,
			                      "more than %d rules",
			                      TPLC_MUD_RULES_MAX);
		n = tplx_arena_array(b->r->arena, cap, sizeof(*n));
		if (n == NULL)
			return tplc_error_set(b->err, TPLC_ENOMEM,
			                      "out of memory");
		if (b->r->count > 0)
			memcpy(n, b->r->items, b->r->count * sizeof(*n));
		b->r->items = n;
		b->cap = cap;
	}
	/* the rules outlive the profile: keep their own names */
	struct tplc_mud_rule *r = &b->r->items[b->r->count];

	*r = *rule;
	if (!dup(b, &r->acl) || !dup(b, &r->ace) || !dup(b, &r->peer_name))
		return tplc_error_set(b->err, TPLC_ENOMEM, "out of memory");
	b->r->count++;
	return 0;
}

/* The binding name an ACE's peer is looked up by; NULL: needs none. */
static const char *binding_name(struct tplx_arena *arena,
                                const struct tplc_mud_ace *ace)
{
	switch (ace->peer) {
	case TPLC_MUD_PEER_DNSNAME:
	case TPLC_MUD_PEER_CONTROLLER:
		return ace->peer_value;
	case TPLC_MUD_PEER_MANUFACTURER:
		return tplx_arena_printf(arena, "manufacturer:%s",
		                         ace->peer_value);
	case TPLC_MUD_PEER_MODEL:
		return tplx_arena_printf(arena, "model:%s", ace->peer_value);
	case TPLC_MUD_PEER_SAME_MANUFACTURER:
		return "same-manufacturer";
	case TPLC_MUD_PEER_LOCAL_NETWORKS:
		return "local-networks";
	case TPLC_MUD_PEER_MY_CONTROLLER:
		return "my-controller";
	case TPLC_MUD_PEER_ANY:
	case TPLC_MUD_PEER_NETWORK:
		break;
	}
	return NULL;
}

static int compile_ace(struct build *b, const struct tplc_mud_acl *acl,
                       const struct tplc_mud_ace *ace,
                       const struct tplc_mud_binding *bindings, size_t count)
{
	const char *name = binding_name(b->r->arena, ace);
	struct tplc_mud_rule rule;
	size_t found = 0;
	int error = 0;

	memset(&rule, 0, sizeof(rule));
	rule.dir = acl->dir;
	rule.initiated = ace->initiated;
	rule.proto = ace->proto;
	rule.accept = ace->accept;
	rule.acl = acl->name;
	rule.ace = ace->name;
	if (acl->dir == TPLC_MUD_FROM_DEVICE) {
		rule.device_port = ace->src_port;
		rule.peer_port = ace->dst_port;
	} else {
		rule.device_port = ace->dst_port;
		rule.peer_port = ace->src_port;
	}
	if (ace->peer == TPLC_MUD_PEER_NETWORK)
		rule.peer = ace->net;
	if (ace->peer == TPLC_MUD_PEER_ANY ||
	    ace->peer == TPLC_MUD_PEER_NETWORK)
		return add(b, &rule);
	if (name == NULL)
		return tplc_error_set(b->err, TPLC_ENOMEM, "out of memory");
	rule.peer_name = name;
	for (size_t i = 0; error == 0 && i < count; i++) {
		if (!tplx_strcaseeq(bindings[i].name, name))
			continue;
		if (tplc_mud_addr_parse(bindings[i].value, &rule.peer) != 0)
			return tplc_error_set(b->err, TPLC_EPARSE,
			                      "binding %s: '%s' is no address "
			                      "or prefix",
			                      bindings[i].name,
			                      bindings[i].value);
		/* an ipv4 list only takes ipv4 peers */
		if (acl->family != 0 && rule.peer.family != acl->family)
			continue;
		found++;
		error = add(b, &rule);
	}
	if (error == 0 && found == 0 &&
	    b->r->unbound_count < TPLC_MUD_ACLS_MAX) {
		const char *s = tplx_arena_printf(b->r->arena, "%s/%s (%s)",
		                                  acl->name, ace->name, name);
		if (s == NULL)
			return tplc_error_set(b->err, TPLC_ENOMEM,
			                      "out of memory");
		b->unbound[b->r->unbound_count++] = s;
	}
	return error;
}

static int defaults(struct build *b, const struct tplc_mud_compile_opts *o)
{
	struct tplc_mud_rule rule;
	int error = 0;

	memset(&rule, 0, sizeof(rule));
	rule.acl = "default";
	if (o != NULL && o->dns) {
		rule.dir = TPLC_MUD_FROM_DEVICE;
		rule.proto = 17;
		rule.peer = o->resolver;
		rule.peer_port.set = true;
		rule.peer_port.lo = rule.peer_port.hi = 53;
		rule.accept = true;
		rule.ace = "dns";
		rule.peer_name = "resolver";
		error = add(b, &rule);
	}
	memset(&rule, 0, sizeof(rule));
	rule.acl = rule.ace = "default";
	rule.proto = -1;
	if (error == 0)
		error = add(b, &rule);
	return error;
}

int tplc_mud_compile(const struct tplc_mud *mud,
                     const struct tplc_mud_binding *bindings, size_t count,
                     const struct tplc_mud_addr *device,
                     const struct tplc_mud_compile_opts *opts,
                     struct tplc_mud_rules **out, struct tplc_error *err)
{
	struct build b;
	int error = 0;

	*out = NULL;
	if (count > TPLC_MUD_BINDINGS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT, "more than %d bindings",
		                      TPLC_MUD_BINDINGS_MAX);
	memset(&b, 0, sizeof(b));
	b.err = err;
	b.r = tplx_calloc(1, sizeof(*b.r));
	if (b.r == NULL || (b.r->arena = tplx_arena_new()) == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto fail;
	}
	if (device != NULL)
		b.r->device = *device;
	/* from-device lists first, as a MUD manager's ingress ACL */
	for (int pass = 0; error == 0 && pass < 2; pass++) {
		enum tplc_mud_dir dir =
		        pass == 0 ? TPLC_MUD_FROM_DEVICE : TPLC_MUD_TO_DEVICE;

		for (size_t i = 0; error == 0 && i < mud->acl_count; i++) {
			const struct tplc_mud_acl *acl = &mud->acls[i];

			if (acl->dir != dir)
				continue;
			for (size_t k = 0; error == 0 && k < acl->ace_count;
			     k++)
				error = compile_ace(&b, acl, &acl->aces[k],
				                    bindings, count);
		}
	}
	if (error == 0)
		error = defaults(&b, opts);
	if (error == 0 && b.r->unbound_count > 0) {
		b.r->unbound = tplx_arena_array(b.r->arena, b.r->unbound_count,
		                                sizeof(*b.r->unbound));
		if (b.r->unbound == NULL)
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
		else
			memcpy(b.r->unbound, b.unbound,
			       b.r->unbound_count * sizeof(*b.unbound));
	}
	if (error != 0)
		goto fail;
	*out = b.r;
	return 0;
fail:
	tplc_mud_rules_free(b.r);
	return error;
}

void tplc_mud_rules_free(struct tplc_mud_rules *rules)
{
	if (rules == NULL)
		return;
	tplx_arena_free(rules->arena);
	tplx_free(rules);
}

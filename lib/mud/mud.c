/* SPDX-License-Identifier: Apache-2.0 */
/*
 * RFC 8520 MUD files and their RFC 8519 access lists.  The pre-RFC forms
 * still found in deployed files are read too: draft-ietf-opsawg-mud (up
 * to -20) with draft-ietf-netmod-acl-model (up to -19) wrote
 * "ietf-access-control-list:access-lists" for the acls container,
 * "access-list-entries" for aces, "ipv4-acl"/"ipv6-acl" for the type,
 * "source-port-range"/"destination-port-range" with lower-port and
 * upper-port, a "tcp-metadata" container for direction-initiated, and
 * the acl type with its module prefix.
 *
 * The peer of an ACE is the side that is not the device: the destination
 * in a from-device list, the source in a to-device list.
 */
#include <string.h>

#include "tplc/mud.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/str.h"

struct walk {
	const struct tplx_json_doc *doc;
	struct tplc_mud *mud;
	struct tplc_error *err;
	const char *from[TPLC_MUD_POLICY_MAX], *to[TPLC_MUD_POLICY_MAX];
	size_t from_count, to_count;
};

static int nomem(struct walk *w)
{
	return tplc_error_set(w->err, TPLC_ENOMEM, "out of memory");
}

/* Copy a string into the profile's arena, bounded. */
static int keep(struct walk *w, const struct tplx_json *obj,
                const struct tplx_jpath *path, const char *key, const char *s,
                const char **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);

	*out = NULL;
	if (s == NULL)
		return 0;
	if (strlen(s) > TPLC_MUD_STRING_MAX)
		return tplx_json_fail(w->doc, tplx_json_get(obj, key), &at,
		                      w->err, "longer than %d bytes",
		                      TPLC_MUD_STRING_MAX);
	*out = tplx_arena_strdup(w->mud->arena, s);
	return *out == NULL ? nomem(w) : 0;
}

/* An integer member in [min, max]; *out unchanged when absent. */
static int integer(struct walk *w, const struct tplx_json *obj,
                   const struct tplx_jpath *path, const char *key, long min,
                   long max, bool required, long *out)
{
	const struct tplx_json *n = tplx_json_get(obj, key);
	struct tplx_jpath at = tplx_jpath_key(path, key);
	long v;

	if (n == NULL || n->type == TPLX_JSON_NULL) {
		if (!required)
			return 0;
		return tplx_json_fail(w->doc, obj, path, w->err,
		                      "missing member '%s'", key);
	}
	/* some generators write numbers as strings */
	if (n->type == TPLX_JSON_STRING &&
	    tplx_parse_long(n->u.string.ptr, min, max, &v) == 0) {
		*out = v;
		return 0;
	}
	if (n->type != TPLX_JSON_NUMBER || !n->u.number.is_integer ||
	    n->u.number.value < (double)min || n->u.number.value > (double)max)
		return tplx_json_fail(w->doc, n, &at, w->err,
		                      "expected an integer from %ld to %ld",
		                      min, max);
	*out = (long)n->u.number.value;
	return 0;
}

/* The names in a policy: {"access-lists": {"access-list": [{name}]}}. */
static int read_policy(struct walk *w, const struct tplx_json *mudobj,
                       const struct tplx_jpath *path, const char *key,
                       const char **names, size_t *count)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);
	struct tplx_jpath lists_at = tplx_jpath_key(&at, "access-lists");
	struct tplx_jpath list_at = tplx_jpath_key(&lists_at, "access-list");
	const struct tplx_json *pol, *lists = NULL, *list = NULL;
	int error;

	error = tplx_json_opt_object(w->doc, mudobj, path, key, &pol, w->err);
	if (error == 0 && pol != NULL)
		error = tplx_json_opt_object(w->doc, pol, &at, "access-lists",
		                             &lists, w->err);
	if (error == 0 && lists != NULL)
		error = tplx_json_opt_array(w->doc, lists, &lists_at,
		                            "access-list", &list, w->err);
	if (error != 0 || list == NULL)
		return error;
	if (list->u.array.count > TPLC_MUD_POLICY_MAX)
		return tplx_json_fail(w->doc, list, &list_at, w->err,
		                      "more than %d access lists",
		                      TPLC_MUD_POLICY_MAX);
	for (size_t i = 0; i < list->u.array.count; i++) {
		struct tplx_jpath item = tplx_jpath_index(&list_at, i);
		const struct tplx_json *e = list->u.array.items[i];
		const char *name;

		error = tplx_json_expect(w->doc, e, &item, TPLX_JSON_OBJECT,
		                         w->err);
		if (error == 0)
			error = tplx_json_req_string(w->doc, e, &item, "name",
			                             &name, w->err);
		if (error != 0)
			return error;
		names[(*count)++] = name;
	}
	return 0;
}

static enum tplc_mud_dir policy_of(const struct walk *w, const char *name)
{
	for (size_t i = 0; i < w->from_count; i++)
		if (strcmp(w->from[i], name) == 0)
			return TPLC_MUD_FROM_DEVICE;
	for (size_t i = 0; i < w->to_count; i++)
		if (strcmp(w->to[i], name) == 0)
			return TPLC_MUD_TO_DEVICE;
	return TPLC_MUD_DIR_ANY;
}

/* RFC 8519 port-range-or-operator: {operator, port} or {lower-port,
 * upper-port}. */
static int read_port(struct walk *w, const struct tplx_json *obj,
                     const struct tplx_jpath *path, const char *key,
                     struct tplc_mud_ports *out)
{
	const struct tplx_json *p = NULL;
	struct tplx_jpath at = tplx_jpath_key(path, key);
	const char *op = NULL;
	long port = -1, lo = -1, hi = -1;
	int error;

	error = tplx_json_opt_object(w->doc, obj, path, key, &p, w->err);
	if (error != 0 || p == NULL)
		return error;
	error = tplx_json_opt_string(w->doc, p, &at, "operator", &op, w->err);
	if (error == 0)
		error = integer(w, p, &at, "port", 0, 65535, false, &port);
	if (error == 0)
		error = integer(w, p, &at, "lower-port", 0, 65535, false, &lo);
	if (error == 0)
		error = integer(w, p, &at, "upper-port", 0, 65535, false, &hi);
	if (error != 0)
		return error;
	out->set = true;
	if (lo >= 0 || hi >= 0) {
		if (lo < 0 || hi < 0 || lo > hi)
			return tplx_json_fail(w->doc, p, &at, w->err,
			                      "a range needs lower-port <= "
			                      "upper-port");
		out->lo = (uint16_t)lo;
		out->hi = (uint16_t)hi;
		return 0;
	}
	if (port < 0)
		return tplx_json_fail(
		        w->doc, p, &at, w->err,
		        "needs port or lower-port and upper-port");
	if (op == NULL || strcmp(op, "eq") == 0) {
		out->lo = out->hi = (uint16_t)port;
	} else if (strcmp(op, "lte") == 0) {
		out->lo = 0;
		out->hi = (uint16_t)port;
	} else if (strcmp(op, "gte") == 0) {
		out->lo = (uint16_t)port;
		out->hi = 65535;
	} else if (strcmp(op, "neq") == 0) {
		out->neq = true;
		out->lo = out->hi = (uint16_t)port;
	} else {
		struct tplx_jpath op_at = tplx_jpath_key(&at, "operator");
		return tplx_json_fail(
		        w->doc, tplx_json_get(p, "operator"), &op_at, w->err,
		        "unknown operator '%s' (eq, lte, gte, neq)", op);
	}
	return 0;
}

static int read_direction(struct walk *w, const struct tplx_json *obj,
                          const struct tplx_jpath *path, const char *key,
                          enum tplc_mud_dir *out)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);
	const char *v;
	int error = tplx_json_opt_string(w->doc, obj, path, key, &v, w->err);

	if (error != 0 || v == NULL)
		return error;
	/* early drafts spoke of things, not devices */
	if (strcmp(v, "from-device") == 0 || strcmp(v, "from-thing") == 0)
		*out = TPLC_MUD_FROM_DEVICE;
	else if (strcmp(v, "to-device") == 0 || strcmp(v, "to-thing") == 0)
		*out = TPLC_MUD_TO_DEVICE;
	else
		return tplx_json_fail(w->doc, tplx_json_get(obj, key), &at,
		                      w->err,
		                      "expected from-device or to-device");
	return 0;
}

/* tcp / udp: ports and direction-initiated. */
static int read_l4(struct walk *w, const struct tplx_json *l4,
                   const struct tplx_jpath *path, struct tplc_mud_ace *ace)
{
	const struct tplx_json *meta = NULL;
	struct tplx_jpath meta_at = tplx_jpath_key(path, "tcp-metadata");
	int error;

	error = tplx_json_expect(w->doc, l4, path, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = read_port(w, l4, path, "source-port", &ace->src_port);
	if (error == 0 && !ace->src_port.set)
		error = read_port(w, l4, path, "source-port-range",
		                  &ace->src_port);
	if (error == 0)
		error = read_port(w, l4, path, "destination-port",
		                  &ace->dst_port);
	if (error == 0 && !ace->dst_port.set)
		error = read_port(w, l4, path, "destination-port-range",
		                  &ace->dst_port);
	if (error == 0)
		error = read_direction(w, l4, path,
		                       "ietf-mud:direction-initiated",
		                       &ace->initiated);
	if (error == 0)
		error = tplx_json_opt_object(w->doc, l4, path, "tcp-metadata",
		                             &meta, w->err);
	if (error == 0 && meta != NULL)
		error = read_direction(w, meta, &meta_at, "direction-initiated",
		                       &ace->initiated);
	return error;
}

static int set_peer(struct walk *w, const struct tplx_json *node,
                    const struct tplx_jpath *path, struct tplc_mud_ace *ace,
                    enum tplc_mud_peer peer, const char *value)
{
	if (ace->peer != TPLC_MUD_PEER_ANY)
		return tplx_json_fail(w->doc, node, path, w->err,
		                      "a second peer in one entry");
	ace->peer = peer;
	if (value == NULL)
		return 0;
	if (strlen(value) > TPLC_MUD_STRING_MAX)
		return tplx_json_fail(w->doc, node, path, w->err,
		                      "longer than %d bytes",
		                      TPLC_MUD_STRING_MAX);
	ace->peer_value = tplx_arena_strdup(w->mud->arena, value);
	return ace->peer_value == NULL ? nomem(w) : 0;
}

/* ipv4 / ipv6: protocol, the peer's network or DNS name. */
static int read_ip(struct walk *w, const struct tplx_json *ip,
                   const struct tplx_jpath *path, enum tplc_mud_dir dir,
                   struct tplc_mud_ace *ace)
{
	const bool from = dir != TPLC_MUD_TO_DEVICE;
	const char *net_key =
	        from ? "destination-ipv4-network" : "source-ipv4-network";
	const char *net6_key =
	        from ? "destination-ipv6-network" : "source-ipv6-network";
	const char *dns_key =
	        from ? "ietf-acldns:dst-dnsname" : "ietf-acldns:src-dnsname";
	const char *net = NULL, *net6 = NULL, *dns = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING(net_key, &net, false),
		TPLX_FIELD_STRING(net6_key, &net6, false),
		TPLX_FIELD_STRING(dns_key, &dns, false),
	};
	long proto = -1;
	int error;

	error = tplx_json_expect(w->doc, ip, path, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = integer(w, ip, path, "protocol", 0, 255, false, &proto);
	if (error == 0 && proto < 0) /* draft ipv6 form */
		error = integer(w, ip, path, "next-header", 0, 255, false,
		                &proto);
	if (error == 0)
		error = tplx_json_fields(w->doc, ip, path, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error != 0)
		return error;
	if (proto >= 0)
		ace->proto = (int)proto;
	if (net != NULL || net6 != NULL) {
		const char *key = net != NULL ? net_key : net6_key;
		struct tplx_jpath at = tplx_jpath_key(path, key);
		const struct tplx_json *n = tplx_json_get(ip, key);

		if (tplc_mud_addr_parse(net != NULL ? net : net6, &ace->net) !=
		    0)
			return tplx_json_fail(w->doc, n, &at, w->err,
			                      "expected an address/prefix");
		error = set_peer(w, n, &at, ace, TPLC_MUD_PEER_NETWORK,
		                 net != NULL ? net : net6);
	}
	if (error == 0 && dns != NULL) {
		struct tplx_jpath at = tplx_jpath_key(path, dns_key);
		const struct tplx_json *n = tplx_json_get(ip, dns_key);

		if (strlen(dns) == 0 || strlen(dns) > 253)
			return tplx_json_fail(w->doc, n, &at, w->err,
			                      "expected a DNS name");
		error = set_peer(w, n, &at, ace, TPLC_MUD_PEER_DNSNAME, dns);
	}
	return error;
}

/* The ietf-mud:mud match: one of manufacturer, same-manufacturer, model,
 * local-networks, controller, my-controller. */
static int read_mud_match(struct walk *w, const struct tplx_json *m,
                          const struct tplx_jpath *path,
                          struct tplc_mud_ace *ace)
{
	static const struct {
		const char *key;
		enum tplc_mud_peer peer;
		bool has_value;
	} kinds[] = {
		{ "manufacturer", TPLC_MUD_PEER_MANUFACTURER, true },
		{ "same-manufacturer", TPLC_MUD_PEER_SAME_MANUFACTURER, false },
		{ "model", TPLC_MUD_PEER_MODEL, true },
		{ "local-networks", TPLC_MUD_PEER_LOCAL_NETWORKS, false },
		{ "controller", TPLC_MUD_PEER_CONTROLLER, true },
		{ "my-controller", TPLC_MUD_PEER_MY_CONTROLLER, false },
	};
	int error;

	error = tplx_json_expect(w->doc, m, path, TPLX_JSON_OBJECT, w->err);
	for (size_t i = 0; error == 0 && i < m->u.object.count; i++) {
		const struct tplx_json_member *mem = &m->u.object.members[i];
		struct tplx_jpath at = tplx_jpath_key(path, mem->key);
		size_t k = 0;

		while (k < sizeof(kinds) / sizeof(kinds[0]) &&
		       strcmp(kinds[k].key, mem->key) != 0)
			k++;
		if (k == sizeof(kinds) / sizeof(kinds[0]))
			return tplx_json_fail(w->doc, mem->value, &at, w->err,
			                      "unknown MUD match");
		if (kinds[k].has_value && mem->value->type != TPLX_JSON_STRING)
			return tplx_json_fail(w->doc, mem->value, &at, w->err,
			                      "expected a string");
		/* YANG empty leaves are [null] in JSON; tolerate true/{} */
		if (!kinds[k].has_value && mem->value->type == TPLX_JSON_STRING)
			return tplx_json_fail(w->doc, mem->value, &at, w->err,
			                      "expected [null]");
		error = set_peer(w, mem->value, &at, ace, kinds[k].peer,
		                 kinds[k].has_value ? mem->value->u.string.ptr
		                                    : NULL);
	}
	return error;
}

static int read_ace(struct walk *w, const struct tplx_json *e,
                    const struct tplx_jpath *path, enum tplc_mud_dir dir,
                    struct tplc_mud_ace *ace)
{
	struct tplx_jpath m_at = tplx_jpath_key(path, "matches");
	struct tplx_jpath a_at = tplx_jpath_key(path, "actions");
	const struct tplx_json *matches, *actions, *n;
	const char *name, *fwd = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_NODE("matches", TPLX_JSON_OBJECT, &matches, false),
		TPLX_FIELD_NODE("actions", TPLX_JSON_OBJECT, &actions, true),
	};
	static const char *const ips[] = { "ipv4", "ipv6", "ipv4-acl",
		                           "ipv6-acl" };
	int error;

	memset(ace, 0, sizeof(*ace));
	ace->proto = -1;
	error = tplx_json_expect(w->doc, e, path, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = tplx_json_fields(w->doc, e, path, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error == 0)
		error = keep(w, e, path, "name", name, &ace->name);
	for (size_t i = 0; error == 0 && matches != NULL && i < 4; i++) {
		struct tplx_jpath at = tplx_jpath_key(&m_at, ips[i]);

		if ((n = tplx_json_get(matches, ips[i])) != NULL)
			error = read_ip(w, n, &at, dir, ace);
	}
	if (error == 0 && matches != NULL &&
	    (n = tplx_json_get(matches, "tcp")) != NULL) {
		struct tplx_jpath at = tplx_jpath_key(&m_at, "tcp");
		if (ace->proto < 0)
			ace->proto = 6;
		error = read_l4(w, n, &at, ace);
	}
	if (error == 0 && matches != NULL &&
	    (n = tplx_json_get(matches, "udp")) != NULL) {
		struct tplx_jpath at = tplx_jpath_key(&m_at, "udp");
		if (ace->proto < 0)
			ace->proto = 17;
		error = read_l4(w, n, &at, ace);
	}
	if (error == 0 && matches != NULL &&
	    (n = tplx_json_get(matches, "ietf-mud:mud")) != NULL) {
		struct tplx_jpath at = tplx_jpath_key(&m_at, "ietf-mud:mud");
		error = read_mud_match(w, n, &at, ace);
	}
	if (error == 0)
		error = tplx_json_req_string(w->doc, actions, &a_at,
		                             "forwarding", &fwd, w->err);
	if (error != 0)
		return error;
	/* the identity may carry its module prefix */
	if (strchr(fwd, ':') != NULL)
		fwd = strchr(fwd, ':') + 1;
	if (strcmp(fwd, "accept") == 0)
		ace->accept = true;
	else if (strcmp(fwd, "drop") != 0 && strcmp(fwd, "reject") != 0) {
		struct tplx_jpath at = tplx_jpath_key(&a_at, "forwarding");
		return tplx_json_fail(
		        w->doc, tplx_json_get(actions, "forwarding"), &at,
		        w->err, "expected accept, drop or reject");
	}
	return 0;
}

static int read_acl(struct walk *w, const struct tplx_json *a,
                    const struct tplx_jpath *path, struct tplc_mud_acl *acl)
{
	const struct tplx_json *aces, *list = NULL;
	const char *name, *type;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("type", &type, false),
		TPLX_FIELD_NODE("aces", TPLX_JSON_OBJECT, &aces, false),
	};
	const char *aces_key = "aces";
	struct tplx_jpath aces_at, list_at;
	int error;

	error = tplx_json_expect(w->doc, a, path, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = tplx_json_fields(w->doc, a, path, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error != 0)
		return error;
	if (aces == NULL) {
		aces_key = "access-list-entries";
		error = tplx_json_opt_object(w->doc, a, path, aces_key, &aces,
		                             w->err);
	}
	if (error != 0)
		return error;
	aces_at = tplx_jpath_key(path, aces_key);
	list_at = tplx_jpath_key(&aces_at, "ace");
	if (aces != NULL)
		error = tplx_json_opt_array(w->doc, aces, &aces_at, "ace",
		                            &list, w->err);
	if (error == 0)
		error = keep(w, a, path, "name", name, &acl->name);
	if (error != 0)
		return error;
	if (type != NULL && strchr(type, ':') != NULL)
		type = strchr(type, ':') + 1;
	if (type != NULL && tplx_starts_with(type, "ipv4-acl"))
		acl->family = 4;
	else if (type != NULL && tplx_starts_with(type, "ipv6-acl"))
		acl->family = 6;
	acl->dir = policy_of(w, name);
	if (list == NULL)
		return 0;
	if (list->u.array.count > TPLC_MUD_ACES_MAX)
		return tplx_json_fail(w->doc, list, &list_at, w->err,
		                      "more than %d entries",
		                      TPLC_MUD_ACES_MAX);
	acl->aces = tplx_arena_array(w->mud->arena, list->u.array.count + 1,
	                             sizeof(*acl->aces));
	if (acl->aces == NULL)
		return nomem(w);
	for (size_t i = 0; i < list->u.array.count; i++) {
		struct tplx_jpath item = tplx_jpath_index(&list_at, i);

		error = read_ace(w, list->u.array.items[i], &item, acl->dir,
		                 &acl->aces[i]);
		if (error != 0)
			return error;
		acl->ace_count++;
	}
	return 0;
}

static int read_acls(struct walk *w, const struct tplx_json *root,
                     const struct tplx_jpath *root_at)
{
	const char *key = "ietf-access-control-list:acls";
	const struct tplx_json *acls = tplx_json_get(root, key), *list = NULL;
	struct tplx_jpath at, list_at;
	int error;

	if (acls == NULL) {
		key = "ietf-access-control-list:access-lists";
		acls = tplx_json_get(root, key);
	}
	at = tplx_jpath_key(root_at, key);
	list_at = tplx_jpath_key(&at, "acl");
	if (acls == NULL)
		return tplx_json_fail(w->doc, root, root_at, w->err,
		                      "missing member "
		                      "'ietf-access-control-list:acls'");
	error = tplx_json_expect(w->doc, acls, &at, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = tplx_json_opt_array(w->doc, acls, &at, "acl", &list,
		                            w->err);
	if (error != 0 || list == NULL)
		return error;
	if (list->u.array.count > TPLC_MUD_ACLS_MAX)
		return tplx_json_fail(w->doc, list, &list_at, w->err,
		                      "more than %d access lists",
		                      TPLC_MUD_ACLS_MAX);
	w->mud->acls = tplx_arena_array(w->mud->arena, list->u.array.count + 1,
	                                sizeof(*w->mud->acls));
	if (w->mud->acls == NULL)
		return nomem(w);
	for (size_t i = 0; i < list->u.array.count; i++) {
		struct tplx_jpath item = tplx_jpath_index(&list_at, i);

		error = read_acl(w, list->u.array.items[i], &item,
		                 &w->mud->acls[i]);
		if (error != 0)
			return error;
		w->mud->acl_count++;
	}
	return 0;
}

/* Every list a policy names must exist: an unknown name would silently
 * allow nothing or everything depending on the manager. */
static int check_policies(struct walk *w, const struct tplx_json *mudobj,
                          const struct tplx_jpath *path)
{
	for (size_t p = 0; p < 2; p++) {
		const char **names = p == 0 ? w->from : w->to;
		size_t count = p == 0 ? w->from_count : w->to_count;

		for (size_t i = 0; i < count; i++) {
			size_t k = 0;

			while (k < w->mud->acl_count &&
			       strcmp(w->mud->acls[k].name, names[i]) != 0)
				k++;
			if (k == w->mud->acl_count)
				return tplx_json_fail(
				        w->doc, mudobj, path, w->err,
				        "%s-device-policy names access list "
				        "'%s' that is not defined",
				        p == 0 ? "from" : "to", names[i]);
		}
	}
	return 0;
}

static int read_mud(struct walk *w, const struct tplx_json *root)
{
	struct tplx_jpath root_at = TPLX_JPATH_ROOT;
	struct tplx_jpath at = tplx_jpath_key(&root_at, "ietf-mud:mud");
	const struct tplx_json *mudobj = tplx_json_get(root, "ietf-mud:mud");
	const char *url, *update, *info, *mfg, *model, *docs;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("mud-url", &url, true),
		TPLX_FIELD_STRING("last-update", &update, false),
		TPLX_FIELD_STRING("systeminfo", &info, false),
		TPLX_FIELD_STRING("mfg-name", &mfg, false),
		TPLX_FIELD_STRING("model-name", &model, false),
		TPLX_FIELD_STRING("documentation", &docs, false),
	};
	struct tplc_mud *m = w->mud;
	bool present = false, supported = true;
	int error;

	error = tplx_json_expect(w->doc, root, &root_at, TPLX_JSON_OBJECT,
	                         w->err);
	if (error == 0 && mudobj == NULL)
		error = tplx_json_fail(w->doc, root, &root_at, w->err,
		                       "missing member 'ietf-mud:mud'");
	if (error == 0)
		error = tplx_json_expect(w->doc, mudobj, &at, TPLX_JSON_OBJECT,
		                         w->err);
	if (error == 0)
		error = tplx_json_fields(w->doc, mudobj, &at, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error == 0)
		error = integer(w, mudobj, &at, "mud-version", 1, 1, true,
		                &m->version);
	if (error == 0)
		error = integer(w, mudobj, &at, "cache-validity", 1, 168, false,
		                &m->cache_validity);
	if (error == 0)
		error = tplx_json_opt_bool(w->doc, mudobj, &at, "is-supported",
		                           &present, &supported, w->err);
	m->is_supported = supported;
	if (error == 0)
		error = keep(w, mudobj, &at, "mud-url", url, &m->url);
	if (error == 0)
		error = keep(w, mudobj, &at, "last-update", update,
		             &m->last_update);
	if (error == 0)
		error = keep(w, mudobj, &at, "systeminfo", info,
		             &m->systeminfo);
	if (error == 0)
		error = keep(w, mudobj, &at, "mfg-name", mfg, &m->mfg_name);
	if (error == 0)
		error = keep(w, mudobj, &at, "model-name", model,
		             &m->model_name);
	if (error == 0)
		error = keep(w, mudobj, &at, "documentation", docs,
		             &m->documentation);
	if (error == 0)
		error = read_policy(w, mudobj, &at, "from-device-policy",
		                    w->from, &w->from_count);
	if (error == 0)
		error = read_policy(w, mudobj, &at, "to-device-policy", w->to,
		                    &w->to_count);
	if (error == 0)
		error = read_acls(w, root, &root_at);
	if (error == 0)
		error = check_policies(w, mudobj, &at);
	return error;
}

int tplc_mud_parse(struct tplc_mud **out, const char *text, size_t len,
                   const char *source, struct tplc_error *err)
{
	struct tplx_json_doc *doc = NULL;
	struct walk w;
	int error;

	*out = NULL;
	if (len > TPLC_MUD_FILE_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s: larger than %zu bytes", source,
		                      TPLC_MUD_FILE_MAX);
	memset(&w, 0, sizeof(w));
	w.err = err;
	w.mud = tplx_calloc(1, sizeof(*w.mud));
	if (w.mud == NULL || (w.mud->arena = tplx_arena_new()) == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto fail;
	}
	error = tplx_json_parse(&doc, text, len, source, err);
	if (error != 0)
		goto fail;
	w.doc = doc;
	error = read_mud(&w, doc->root);
	if (error != 0)
		goto fail;
	tplx_json_doc_free(doc);
	*out = w.mud;
	return 0;
fail:
	tplx_json_doc_free(doc);
	tplc_mud_free(w.mud);
	return error;
}

void tplc_mud_free(struct tplc_mud *mud)
{
	if (mud == NULL)
		return;
	tplx_arena_free(mud->arena);
	tplx_free(mud);
}

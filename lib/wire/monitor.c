/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The monitor's pipeline: frame -> decode -> flow -> (the first
 * TPLC_MONITOR_STREAM_MAX bytes of each direction, in TCP order) ->
 * dissectors -> hosts, associations, messages, alerts.  Nothing here
 * touches the store: results wait in bounded arrays for the caller.
 */
#include <stdio.h>
#include <string.h>

#include "monitor-internal.h"
#include "tplc/dissect.h"
#include "tplc/mud.h"
#include "util/alloc.h"
#include "wire/bytes.h"

#define STREAMS_MAX 1024                /* flows with stream buffers at once */
#define SWEEP_USEC  ((uint64_t)1000000) /* idle flows swept this often */

#define PORT_DICOM     104
#define PORT_DICOM_ALT 11112
#define PORT_HL7       2575
#define PORT_DNS       53
#define PORT_TLS       443

enum stream_kind { KIND_NONE, KIND_DICOM, KIND_HL7, KIND_TLS, KIND_DNS };

/* flow->user_flags */
#define FLOW_DECIDED 0x1u /* the stream kind was chosen */

struct direction {
	bool started, stopped; /* stopped: gap, full or not parseable */
	uint32_t next_seq;
	uint32_t len, parsed;
	uint8_t data[TPLC_MONITOR_STREAM_MAX];
};

struct stream {
	enum stream_kind kind;
	struct direction dir[2]; /* TPLC_FLOW_SRC, TPLC_FLOW_DST */
	bool pending;            /* an A-ASSOCIATE-RQ awaits its answer */
	struct tplc_monitor_assoc assoc;
	size_t host[2]; /* hosts of src and dst */
	char sni[TPLC_TLS_SNI_MAX];
};

static int events_push(struct tplc_monitor *m, void **items, size_t *count,
                       size_t *cap, size_t size, void **slot)
{
	void *grown;

	*slot = NULL;
	if (*count >= TPLC_MONITOR_EVENTS_MAX) {
		m->stats.dropped++;
		return 0;
	}
	if (*count == *cap) {
		grown = tplx_reallocarray(*items, *cap ? *cap * 2 : 64, size);
		if (grown == NULL)
			return TPLC_ENOMEM;
		*items = grown;
		*cap = *cap ? *cap * 2 : 64;
	}
	*slot = (char *)*items + size * (*count)++;
	memset(*slot, 0, size);
	return 0;
}

#define PUSH(m, name, slot)                                     \
	events_push(m, (void **)&(m)->name, &(m)->name##_count, \
	            &(m)->name##_cap, sizeof(*(m)->name), (void **)(slot))

/* {"src":"10.0.0.1","sport":1,"dst":...,"dport":2,"proto":6} */
static size_t flow_evidence(char *out, size_t size, const struct tplc_flow *f)
{
	char src[64], dst[64];

	tplc_monitor_ip_text(src, sizeof(src), f->ip_version, f->src_ip);
	tplc_monitor_ip_text(dst, sizeof(dst), f->ip_version, f->dst_ip);
	int n = snprintf(out, size,
	                 "{\"src\":\"%s\",\"sport\":%u,\"dst\":\"%s\","
	                 "\"dport\":%u,\"proto\":%u",
	                 src, f->src_port, dst, f->dst_port, f->proto);
	return n < 0 ? 0 : (size_t)n >= size ? size - 1 : (size_t)n;
}

static void unknown_ae_alert(struct tplc_monitor *m, const struct stream *s,
                             const struct tplc_flow *f)
{
	struct tplc_monitor_alert *a;
	char ip[64] = "";
	size_t n;

	if (PUSH(m, alert, &a) < 0) {
		m->error = TPLC_ENOMEM;
		return;
	}
	if (a == NULL)
		return;
	a->at_usec = s->assoc.at_usec;
	a->severity = "warning";
	a->kind = "unknown-ae-title";
	a->host = s->assoc.calling_host;
	a->device = a->host < m->host_count ? m->hosts[a->host].device : -1;
	tplc_monitor_ip_text(ip, sizeof(ip), f->ip_version, f->src_ip);
	snprintf(a->rule, sizeof(a->rule), "inventory AE titles");
	snprintf(a->message, sizeof(a->message),
	         "DICOM association from AE title %s (%s) to %s: no "
	         "inventory device has this AE title",
	         s->assoc.calling_ae, ip, s->assoc.called_ae);
	n = flow_evidence(a->evidence, sizeof(a->evidence), f);
	n += (size_t)snprintf(a->evidence + n, sizeof(a->evidence) - n,
	                      ",\"calling_ae\":");
	tplx_monitor_json_str(a->evidence, sizeof(a->evidence), &n,
	                      s->assoc.calling_ae);
	n += (size_t)snprintf(a->evidence + n, sizeof(a->evidence) - n,
	                      ",\"called_ae\":");
	tplx_monitor_json_str(a->evidence, sizeof(a->evidence), &n,
	                      s->assoc.called_ae);
	if (n + 2 < sizeof(a->evidence))
		snprintf(a->evidence + n, sizeof(a->evidence) - n, "}");
	m->stats.alerts++;
}

static void assoc_emit(struct tplc_monitor *m, struct stream *s,
                       const char *result)
{
	struct tplc_monitor_assoc *a;

	if (!s->pending)
		return;
	s->pending = false;
	s->assoc.result = result;
	if (PUSH(m, assoc, &a) < 0) {
		m->error = TPLC_ENOMEM;
		return;
	}
	if (a == NULL)
		return;
	*a = s->assoc;
	m->stats.associations++;
}

static void dicom_request(struct tplc_monitor *m, struct stream *s,
                          const struct tplc_flow *f,
                          const struct tplc_dicom_pdu *pdu, uint64_t usec,
                          int from)
{
	struct tplc_monitor_assoc *a = &s->assoc;

	assoc_emit(m, s, "unanswered");
	memset(a, 0, sizeof(*a));
	s->pending = true;
	a->at_usec = usec;
	a->calling_host = s->host[from];
	a->called_host = s->host[!from];
	a->called_port = from == TPLC_FLOW_SRC ? f->dst_port : f->src_port;
	tplx_monitor_copy(a->calling_ae, sizeof(a->calling_ae),
	                  pdu->calling_ae);
	tplx_monitor_copy(a->called_ae, sizeof(a->called_ae), pdu->called_ae);
	tplx_monitor_copy(a->implementation_uid, sizeof(a->implementation_uid),
	                  pdu->implementation_class_uid);
	tplx_monitor_copy(a->implementation_version,
	                  sizeof(a->implementation_version),
	                  pdu->implementation_version);
	for (size_t i = 0; i < pdu->context_count; i++)
		tplx_monitor_list_add(a->abstract_syntaxes,
		                      sizeof(a->abstract_syntaxes),
		                      pdu->contexts[i].abstract_syntax);
	if (a->calling_host == SIZE_MAX ||
	    !tplx_monitor_bind_ae(m, a->calling_host, a->calling_ae))
		unknown_ae_alert(m, s, f);
}

static void dissect_dicom(struct tplc_monitor *m, struct stream *s,
                          const struct tplc_flow *f, int from, uint64_t usec)
{
	struct direction *d = &s->dir[from];
	struct tplc_dicom_pdu pdu;
	int n;

	while (d->parsed < d->len) {
		n = tplc_dicom_parse(d->data + d->parsed, d->len - d->parsed,
		                     &pdu);
		if (n <= 0) {
			if (n < 0)
				d->stopped = true;
			return;
		}
		d->parsed += (uint32_t)n;
		if (pdu.type == TPLC_DICOM_ASSOCIATE_RQ)
			dicom_request(m, s, f, &pdu, usec, from);
		else if (pdu.type == TPLC_DICOM_ASSOCIATE_AC)
			assoc_emit(m, s, "accepted");
		else if (pdu.type == TPLC_DICOM_ASSOCIATE_RJ)
			assoc_emit(m, s, "rejected");
		else if (pdu.type == TPLC_DICOM_ABORT)
			assoc_emit(m, s, "aborted");
	}
}

static void dissect_hl7(struct tplc_monitor *m, struct stream *s,
                        const struct tplc_flow *f, int from, uint64_t usec)
{
	struct direction *d = &s->dir[from];
	struct tplc_hl7_message msg;
	struct tplc_monitor_hl7 *h;
	int n;

	while (d->parsed < d->len) {
		n = tplc_hl7_parse(d->data + d->parsed, d->len - d->parsed,
		                   &msg);
		if (n <= 0) {
			if (n < 0)
				d->stopped = true;
			return;
		}
		d->parsed += (uint32_t)n;
		if (PUSH(m, hl7, &h) < 0) {
			m->error = TPLC_ENOMEM;
			return;
		}
		if (h == NULL)
			continue;
		h->at_usec = usec;
		h->sender_host = s->host[from];
		h->receiver_host = s->host[!from];
		h->port = from == TPLC_FLOW_SRC ? f->dst_port : f->src_port;
		tplx_monitor_copy(h->sending_application,
		                  sizeof(h->sending_application),
		                  msg.sending_application);
		tplx_monitor_copy(h->sending_facility,
		                  sizeof(h->sending_facility),
		                  msg.sending_facility);
		tplx_monitor_copy(h->receiving_application,
		                  sizeof(h->receiving_application),
		                  msg.receiving_application);
		tplx_monitor_copy(h->receiving_facility,
		                  sizeof(h->receiving_facility),
		                  msg.receiving_facility);
		snprintf(h->message_type, sizeof(h->message_type), "%s%s%s",
		         msg.message_type, msg.trigger_event[0] ? "^" : "",
		         msg.trigger_event);
		tplx_monitor_copy(h->control_id, sizeof(h->control_id),
		                  msg.control_id);
		tplx_monitor_copy(h->version, sizeof(h->version), msg.version);
		m->stats.hl7_messages++;
	}
}

static void dissect_tls(struct stream *s, int from)
{
	struct direction *d = &s->dir[from];
	struct tplc_tls_hello hello;
	int n = tplc_tls_sni(d->data, d->len, &hello);

	if (n != 0)
		d->stopped = true; /* one ClientHello is all we want */
	if (n > 0 && hello.has_sni)
		tplx_monitor_copy(s->sni, sizeof(s->sni), hello.sni);
}

/* The kind of a TCP flow from its ports, else its first payload. */
static enum stream_kind stream_kind(const struct tplc_flow *f, const uint8_t *p,
                                    size_t len)
{
	uint16_t a = f->src_port, b = f->dst_port;

	if (a == PORT_DICOM || b == PORT_DICOM || a == PORT_DICOM_ALT ||
	    b == PORT_DICOM_ALT)
		return KIND_DICOM;
	if (a == PORT_HL7 || b == PORT_HL7)
		return KIND_HL7;
	if (a == PORT_TLS || b == PORT_TLS)
		return KIND_TLS;
	/* heuristics: A-ASSOCIATE-RQ with protocol version 1, MLLP start
	 * byte then "MSH", a TLS handshake record */
	if (len >= 10 && p[0] == 0x01 && p[1] == 0 && p[6] == 0 && p[7] == 1)
		return KIND_DICOM;
	if (len >= 4 && p[0] == 0x0b && memcmp(p + 1, "MSH", 3) == 0)
		return KIND_HL7;
	if (len >= 3 && p[0] == 0x16 && p[1] == 0x03)
		return KIND_TLS;
	return KIND_NONE;
}

/* Append a TCP segment in sequence order; false when nothing new. */
static bool stream_append(struct direction *d, const struct tplc_packet *pkt)
{
	uint32_t skip = 0, room, take;

	if (d->stopped)
		return false;
	if (!d->started) {
		d->started = true;
		d->next_seq = pkt->tcp_seq;
	}
	if (pkt->tcp_seq != d->next_seq) {
		uint32_t behind = d->next_seq - pkt->tcp_seq;

		if (behind >= pkt->payload_len) {
			if (behind > (1u << 30)) /* ahead: a gap */
				d->stopped = true;
			return false; /* an old retransmission */
		}
		skip = behind;
	}
	room = TPLC_MONITOR_STREAM_MAX - d->len;
	take = pkt->payload_len - skip;
	if (take > room) {
		take = room;
		d->stopped = true;
	}
	memcpy(d->data + d->len, pkt->payload + skip, take);
	d->len += take;
	d->next_seq += pkt->payload_len - skip;
	return take > 0;
}

static void stream_tcp(struct tplc_monitor *m, struct tplc_flow *f,
                       const struct tplc_packet *pkt, bool from_src, size_t hs,
                       size_t hd)
{
	struct stream *s = f->user;
	int from = from_src ? TPLC_FLOW_SRC : TPLC_FLOW_DST;
	enum stream_kind kind;

	if (pkt->payload_len == 0)
		return;
	if (!(f->user_flags & FLOW_DECIDED)) {
		f->user_flags |= FLOW_DECIDED;
		kind = stream_kind(f, pkt->payload, pkt->payload_len);
		if (kind == KIND_NONE)
			return;
		if (m->streams >= STREAMS_MAX) {
			m->stats.dropped++;
			return;
		}
		s = tplx_calloc(1, sizeof(*s));
		if (s == NULL) {
			m->error = TPLC_ENOMEM;
			return;
		}
		s->kind = kind;
		s->host[TPLC_FLOW_SRC] = s->host[TPLC_FLOW_DST] = SIZE_MAX;
		f->user = s;
		m->streams++;
	}
	if (s == NULL)
		return;
	s->host[from] = hs;
	s->host[!from] = hd;
	if (!stream_append(&s->dir[from], pkt))
		return;
	if (s->kind == KIND_DICOM)
		dissect_dicom(m, s, f, from, pkt->ts_usec);
	else if (s->kind == KIND_HL7)
		dissect_hl7(m, s, f, from, pkt->ts_usec);
	else if (s->kind == KIND_TLS && from == TPLC_FLOW_SRC)
		dissect_tls(s, from);
}

static void hex_text(char *out, size_t size, const uint8_t *p, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < len && n + 3 < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%02x", p[i]);
}

static void udp_dhcp(struct tplc_monitor *m, const struct tplc_packet *pkt)
{
	struct tplc_dhcp dhcp;
	struct tplc_monitor_host *h;
	char num[8];
	size_t i;

	if (tplc_dhcp_parse(pkt->payload, pkt->payload_len, &dhcp) < 0 ||
	    dhcp.op != 1)
		return;
	i = tplx_monitor_host_mac(m, dhcp.client_mac, pkt->ts_usec);
	if (i == SIZE_MAX)
		return;
	h = &m->hosts[i];
	if (dhcp.host_name[0])
		tplx_monitor_copy(h->hostname, sizeof(h->hostname),
		                  dhcp.host_name);
	if (dhcp.vendor_class[0])
		tplx_monitor_copy(h->vendor_class, sizeof(h->vendor_class),
		                  dhcp.vendor_class);
	if (dhcp.mud_url[0])
		tplx_monitor_copy(h->mud_url, sizeof(h->mud_url), dhcp.mud_url);
	if (dhcp.client_id_len)
		hex_text(h->client_id, sizeof(h->client_id), dhcp.client_id,
		         dhcp.client_id_len);
	if (dhcp.param_count) {
		h->dhcp_params[0] = '\0';
		for (size_t p = 0; p < dhcp.param_count; p++) {
			snprintf(num, sizeof(num), "%u", dhcp.param_list[p]);
			tplx_monitor_list_add(h->dhcp_params,
			                      sizeof(h->dhcp_params), num);
		}
	}
}

static uint32_t addr_slot(uint8_t version, const uint8_t *addr)
{
	return tplx_fnv1a(TPLX_FNV1A_INIT, addr, version == 6 ? 16u : 4u) %
	       DNS_NAMES;
}

static void udp_dns(struct tplc_monitor *m, const struct tplc_packet *pkt)
{
	struct tplc_dns dns;
	struct dns_name *slot;
	uint8_t version;

	if (tplc_dns_parse(pkt->payload, pkt->payload_len, &dns) < 0 ||
	    !dns.response)
		return;
	for (size_t i = 0; i < dns.answer_count; i++) {
		const struct tplc_dns_answer *a = &dns.answers[i];

		if (a->type != 1 && a->type != 28)
			continue;
		version = a->type == 1 ? 4 : 6;
		slot = &m->dns[addr_slot(version, a->addr)];
		slot->version = version;
		memcpy(slot->addr, a->addr, 16);
		/* the question names what the device asked for, not the
		 * CNAME target: MUD rules name the former */
		tplx_monitor_copy(slot->name, sizeof(slot->name),
		                  dns.question_count ? dns.questions[0].name
		                                     : a->name);
	}
}

static const char *dns_name(const struct tplc_monitor *m, uint8_t version,
                            const uint8_t *addr)
{
	const struct dns_name *slot = &m->dns[addr_slot(version, addr)];

	if (slot->version == version &&
	    memcmp(slot->addr, addr, version == 6 ? 16 : 4) == 0)
		return slot->name;
	return NULL;
}

static void frame_lldp(struct tplc_monitor *m, const struct tplc_frame *fr)
{
	struct tplc_lldp lldp;
	struct tplc_monitor_host *h;
	size_t i;

	if (fr->caplen < 14 ||
	    tplc_lldp_parse(fr->data + 14, fr->caplen - 14, &lldp) < 0)
		return;
	i = tplx_monitor_host_mac(m, fr->data + 6, fr->ts_usec);
	if (i == SIZE_MAX)
		return;
	h = &m->hosts[i];
	tplx_monitor_copy(h->lldp_name, sizeof(h->lldp_name), lldp.system_name);
	tplx_monitor_copy(h->lldp_description, sizeof(h->lldp_description),
	                  lldp.system_description);
	if (lldp.mud_url[0])
		tplx_monitor_copy(h->mud_url, sizeof(h->mud_url), lldp.mud_url);
}

static void mud_alert(struct tplc_monitor *m, const struct tplc_flow *f,
                      size_t host, const struct tplc_mud_verdict *v,
                      const char *peer_name)
{
	const struct tplc_monitor_host *h = &m->hosts[host];
	const struct tplc_monitor_device *d = &m->opt.devices[h->device];
	struct tplc_monitor_alert *a;
	const char *why = tplc_mud_result_name(v->result);
	char src[64], dst[64];
	size_t n;

	if (PUSH(m, alert, &a) < 0) {
		m->error = TPLC_ENOMEM;
		return;
	}
	if (a == NULL)
		return;
	a->at_usec = f->first_usec;
	a->host = host;
	a->device = h->device;
	a->severity = d->end_of_support ? "critical" : "warning";
	a->kind = d->end_of_support ? "eos-outside-profile" : why;
	if (v->rule)
		snprintf(a->rule, sizeof(a->rule), "%s/%s",
		         v->rule->acl ? v->rule->acl : "",
		         v->rule->ace ? v->rule->ace : "");
	else
		snprintf(a->rule, sizeof(a->rule), "MUD profile");
	tplc_monitor_ip_text(src, sizeof(src), f->ip_version, f->src_ip);
	tplc_monitor_ip_text(dst, sizeof(dst), f->ip_version, f->dst_ip);
	/* the flow itself in the message: what a reader of the SIEM acts on */
	snprintf(a->message, sizeof(a->message),
	         "%s%s: %s %s:%u -> %s%s%s:%u outside its MUD profile (%s)",
	         d->asset_tag ? d->asset_tag : "device",
	         d->end_of_support ? " (end of support)" : "",
	         f->proto == 6    ? "tcp"
	         : f->proto == 17 ? "udp"
	                          : "ip",
	         src, f->src_port, peer_name ? peer_name : "",
	         peer_name ? " " : "", dst, f->dst_port, why);
	n = flow_evidence(a->evidence, sizeof(a->evidence), f);
	n += (size_t)snprintf(a->evidence + n, sizeof(a->evidence) - n,
	                      ",\"verdict\":\"%s\",\"peer_name\":", why);
	if (peer_name)
		tplx_monitor_json_str(a->evidence, sizeof(a->evidence), &n,
		                      peer_name);
	else if (n + 5 < sizeof(a->evidence))
		n += (size_t)snprintf(a->evidence + n, sizeof(a->evidence) - n,
		                      "null");
	if (n + 2 < sizeof(a->evidence))
		snprintf(a->evidence + n, sizeof(a->evidence) - n, "}");
	m->stats.alerts++;
}

/* A new flow (its first packet went src -> dst, from host hs to hd):
 * check it against the compiled MUD rules of each side. */
static void mud_check(struct tplc_monitor *m, const struct tplc_flow *f,
                      size_t hs, size_t hd)
{
	for (int side = 0; side < 2; side++) {
		size_t host = side == 0 ? hs : hd;
		const struct tplc_monitor_host *h;
		const struct tplc_mud_rules *rules;
		struct tplc_mud_flow mf = { 0 };
		struct tplc_mud_verdict v;
		const uint8_t *peer;

		if (host == SIZE_MAX)
			continue;
		h = &m->hosts[host];
		if (h->device < 0)
			continue;
		rules = m->opt.devices[h->device].rules;
		if (rules == NULL)
			continue;
		peer = side == 0 ? f->dst_ip : f->src_ip;
		mf.initiated =
		        side == 0 ? TPLC_MUD_FROM_DEVICE : TPLC_MUD_TO_DEVICE;
		mf.peer.family = f->ip_version;
		mf.peer.prefix = f->ip_version == 6 ? 128 : 32;
		memcpy(mf.peer.addr, peer, 16);
		mf.peer_name = dns_name(m, f->ip_version, peer);
		mf.proto = f->proto;
		mf.device_port = side == 0 ? f->src_port : f->dst_port;
		mf.peer_port = side == 0 ? f->dst_port : f->src_port;
		tplc_mud_check(rules, &mf, &v);
		if (v.result != TPLC_MUD_ALLOWED)
			mud_alert(m, f, host, &v, mf.peer_name);
	}
}

/* A flow's stream buffers, given back; an association still waiting for
 * its answer is recorded as unanswered. */
static void stream_release(struct tplc_monitor *m, struct tplc_flow *f)
{
	struct stream *s = f->user;

	assoc_emit(m, s, "unanswered");
	tplx_free(s);
	f->user = NULL;
	m->streams--;
}

static void flow_end(struct tplc_flow *f, void *data)
{
	struct tplc_monitor *m = data;

	if (f->user != NULL)
		stream_release(m, f);
	if (m->opt.flows && tplc_flow_json(m->opt.flows, f) < 0 &&
	    m->error == 0)
		m->error = TPLC_EIO;
}

int tplc_monitor_new(struct tplc_monitor **out,
                     const struct tplc_monitor_options *options,
                     struct tplc_error *err)
{
	struct tplc_monitor *m = tplx_calloc(1, sizeof(*m));
	int error;

	*out = NULL;
	if (m == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	m->opt = *options;
	if (m->opt.max_flows == 0)
		m->opt.max_flows = 65536;
	if (m->opt.idle_usec == 0)
		m->opt.idle_usec = TPLC_FLOW_IDLE_USEC;
	if (m->opt.active_usec == 0)
		m->opt.active_usec = TPLC_FLOW_ACTIVE_USEC;
	m->dns = tplx_calloc(DNS_NAMES, sizeof(*m->dns));
	if (m->dns == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto fail;
	}
	error = tplc_wire_new(&m->wire, err);
	if (error == 0)
		error = tplc_flow_table_new(
		        &m->flows, (uint32_t)m->opt.max_flows, m->opt.idle_usec,
		        m->opt.active_usec, err);
	if (error < 0)
		goto fail;
	tplc_flow_table_on_end(m->flows, flow_end, m);
	*out = m;
	return 0;
fail:
	tplc_monitor_free(m);
	return error;
}

void tplc_monitor_free(struct tplc_monitor *m)
{
	if (m == NULL)
		return;
	if (m->flows) {
		/* free the stream buffers without writing anything */
		m->opt.flows = NULL;
		tplc_flow_flush(m->flows, flow_end, m);
		tplc_flow_table_free(m->flows);
	}
	tplc_wire_free(m->wire);
	tplx_free(m->hosts);
	tplx_free(m->host_index);
	tplx_free(m->assoc);
	tplx_free(m->hl7);
	tplx_free(m->alert);
	tplx_free(m->dns);
	tplx_free(m);
}

int tplc_monitor_frame(struct tplc_monitor *m, const struct tplc_frame *frame,
                       struct tplc_error *err)
{
	struct tplc_packet pkt;
	struct tplc_flow *f = NULL;
	bool from_src = true;
	size_t hs, hd;
	int rc;

	rc = tplc_wire_decode(m->wire, frame, &pkt, &m->wire_stats);
	if (rc < 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (rc == 0) {
		if (frame->linktype == TPLC_LINK_ETHERNET &&
		    frame->caplen >= 14 && frame->data[12] == 0x88 &&
		    frame->data[13] == 0xcc)
			frame_lldp(m, frame);
		if (frame->linktype == TPLC_LINK_ETHERNET &&
		    frame->caplen >= 14) {
			/* ARP and other non-IP senders are hosts too */
			tplx_monitor_host_count(m, frame->data + 6, frame);
			tplx_monitor_host_count(m, frame->data, frame);
		}
		goto out;
	}
	hs = tplx_monitor_host(m, &pkt, true);
	hd = tplx_monitor_host(m, &pkt, false);
	rc = tplc_flow_update(m->flows, &pkt, &f, &from_src);
	if (rc < 0)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (f == NULL)
		goto out;
	if (rc == 1)
		mud_check(m, f, hs, hd);
	if (pkt.proto == 6) {
		stream_tcp(m, f, &pkt, from_src, hs, hd);
		/* a connection closed both ways (or reset) has said all it
		 * will: its stream buffers go now, not when the flow ends */
		if ((f->tcp_state == TPLC_FLOW_TCP_CLOSED ||
		     f->tcp_state == TPLC_FLOW_TCP_RESET) &&
		    f->user != NULL)
			stream_release(m, f);
	} else if (pkt.proto == 17 &&
	           (pkt.src_port == 67 || pkt.dst_port == 67))
		udp_dhcp(m, &pkt);
	else if (pkt.proto == 17 && pkt.src_port == PORT_DNS)
		udp_dns(m, &pkt);
	/* flows idle past the timeout end once a second of capture time */
	if (pkt.ts_usec >= m->expired_at + SWEEP_USEC) {
		m->expired_at = pkt.ts_usec;
		tplc_flow_expire(m->flows, pkt.ts_usec, flow_end, m);
	}
out:
	if (m->error < 0) {
		rc = m->error;
		m->error = 0;
		return tplc_error_set(err, rc,
		                      rc == TPLC_EIO ? "cannot write flows"
		                                     : "out of memory");
	}
	return 0;
}

int tplc_monitor_finish(struct tplc_monitor *m, struct tplc_error *err)
{
	int rc;

	tplc_flow_flush(m->flows, flow_end, m);
	if (m->error < 0) {
		rc = m->error;
		m->error = 0;
		return tplc_error_set(err, rc, "cannot write flows");
	}
	return 0;
}

void tplc_monitor_results(struct tplc_monitor *m,
                          struct tplc_monitor_results *out)
{
	out->hosts = m->hosts;
	out->host_count = m->host_count;
	out->assocs = m->assoc;
	out->assoc_count = m->assoc_count;
	out->hl7 = m->hl7;
	out->hl7_count = m->hl7_count;
	out->alerts = m->alert;
	out->alert_count = m->alert_count;
	out->devices = m->opt.devices;
	out->device_count = m->opt.device_count;
}

void tplc_monitor_take(struct tplc_monitor *m)
{
	m->assoc_count = 0;
	m->hl7_count = 0;
	m->alert_count = 0;
}

void tplc_monitor_stats(const struct tplc_monitor *m,
                        struct tplc_monitor_stats *out)
{
	struct tplc_flow_stats fs;

	*out = m->stats;
	tplc_flow_table_stats(m->flows, &fs);
	out->frames = m->wire_stats.frames;
	out->bytes = m->wire_stats.bytes;
	out->malformed = m->wire_stats.malformed;
	out->flows = fs.created;
}

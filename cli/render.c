/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>

#include "render.h"

const char *render_score(double score, char *buf, size_t size)
{
	if (score < 0)
		return "-";
	snprintf(buf, size, "%.1f", score);
	return buf;
}

void render_device_json(struct tplx_jsonw *w, const struct tplc_device_row *d)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "asset_tag", d->asset_tag);
	tplx_jsonw_kstring(w, "site", d->site);
	tplx_jsonw_kstring(w, "manufacturer", d->manufacturer);
	tplx_jsonw_kstring(w, "model", d->model);
	tplx_jsonw_kstring(w, "version", d->version);
	tplx_jsonw_kstring(w, "serial", d->serial);
	tplx_jsonw_kstring(w, "mac", d->mac);
	tplx_jsonw_kstring(w, "ip", d->ip);
	tplx_jsonw_kstring(w, "hostname", d->hostname);
	tplx_jsonw_kstring(w, "location", d->location);
	tplx_jsonw_kstring(w, "department", d->department);
	tplx_jsonw_kstring(w, "clinical_function", d->clinical_function);
	tplx_jsonw_kstring(w, "install_date", d->install_date);
	tplx_jsonw_kstring(w, "eol_date", d->eol_date);
	tplx_jsonw_kstring(w, "eos_date", d->eos_date);
	tplx_jsonw_kstring(w, "exposure", d->exposure);
	tplx_jsonw_kstring(w, "segment", d->segment);
	tplx_jsonw_kstring(w, "controls", d->controls);
	tplx_jsonw_kstring(w, "cr", d->cr);
	tplx_jsonw_kstring(w, "ir", d->ir);
	tplx_jsonw_kstring(w, "ar", d->ar);
	tplx_jsonw_kint(w, "findings", d->findings);
	tplx_jsonw_kint(w, "kev_findings", d->kev_findings);
	tplx_jsonw_kscore(w, "max_cvss", d->max_cvss);
	tplx_jsonw_object_end(w);
}

void render_finding_json(struct tplx_jsonw *w, const struct tplc_finding_row *f)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kint(w, "id", f->id);
	tplx_jsonw_kstring(w, "vulnerability", f->vuln_id);
	tplx_jsonw_kstring(w, "title", f->title);
	tplx_jsonw_kbool(w, "kev", f->kev);
	tplx_jsonw_kstring(w, "kev_due_date", f->kev_due_date);
	tplx_jsonw_kstring(w, "kev_ransomware", f->kev_ransomware);
	tplx_jsonw_kscore(w, "cvss_score", f->cvss_score);
	tplx_jsonw_kstring(w, "cvss_vector", f->cvss_vector);
	tplx_jsonw_kstring(w, "manufacturer", f->manufacturer);
	tplx_jsonw_kstring(w, "model", f->model);
	tplx_jsonw_kstring(w, "version", f->version);
	tplx_jsonw_kstring(w, "component", f->component);
	tplx_jsonw_kstring(w, "component_purl", f->component_purl);
	tplx_jsonw_kstring(w, "match", f->match);
	tplx_jsonw_kstring(w, "reason", f->reason);
	tplx_jsonw_kstring(w, "source", f->advisory_source);
	tplx_jsonw_kstring(w, "advisory", f->advisory_id);
	tplx_jsonw_kstring(w, "fixed_in", f->fixed_in);
	tplx_jsonw_kstring(w, "remediation", f->remediation);
	if (f->asset_tag != NULL)
		tplx_jsonw_kstring(w, "asset_tag", f->asset_tag);
	else
		tplx_jsonw_kint(w, "devices", f->devices);
	tplx_jsonw_kstring(w, "first_seen", f->first_seen);
	tplx_jsonw_kstring(w, "last_seen", f->last_seen);
	tplx_jsonw_kstring(w, "vex_status", f->vex_status);
	tplx_jsonw_kstring(w, "vex_justification", f->vex_justification);
	tplx_jsonw_kstring(w, "vex_detail", f->vex_detail);
	tplx_jsonw_kstring(w, "vex_source", f->vex_source);
	tplx_jsonw_kstring(w, "vex_advisory", f->vex_advisory);
	tplx_jsonw_kscore(w, "priority", f->priority);
	tplx_jsonw_kstring(w, "priority_band", f->priority_band);
	tplx_jsonw_kstring(w, "priority_device", f->priority_device);
	tplx_jsonw_kscore(w, "device_cvss", f->device_cvss);
	tplx_jsonw_kstring(w, "device_vector", f->device_vector);
	tplx_jsonw_kstring(w, "state", f->state);
	tplx_jsonw_kstring(w, "state_reason", f->state_reason);
	tplx_jsonw_kstring(w, "state_by", f->state_by);
	tplx_jsonw_kstring(w, "state_at", f->state_at);
	if (f->acceptance_id != 0)
		tplx_jsonw_kint(w, "acceptance", f->acceptance_id);
	tplx_jsonw_object_end(w);
}

const char *render_vex(char *buf, size_t size, const char *status,
                       const char *justification)
{
	if (status == NULL)
		snprintf(buf, size, "%s", "");
	else if (justification == NULL)
		snprintf(buf, size, "%s", status);
	else
		snprintf(buf, size, "%s (%s)", status, justification);
	return buf;
}

void render_match_hit_json(struct tplx_jsonw *w, const struct tplc_match_hit *h)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "vulnerability", h->vuln_id);
	tplx_jsonw_kstring(w, "source", h->advisory_source);
	tplx_jsonw_kstring(w, "advisory", h->advisory);
	tplx_jsonw_kstring(w, "match", h->match);
	tplx_jsonw_kstring(w, "rule", h->rule);
	tplx_jsonw_kstring(w, "range", h->range);
	tplx_jsonw_kstring(w, "fixed_in", h->fixed_in);
	tplx_jsonw_kscore(w, "cvss_score", h->cvss_score);
	tplx_jsonw_kbool(w, "undecided", h->undecided);
	tplx_jsonw_kint(w, "configuration", (long long)h->config);
	tplx_jsonw_kstring(w, "vex_status", h->vex_status);
	tplx_jsonw_kstring(w, "vex_justification", h->vex_justification);
	tplx_jsonw_kstring(w, "vex_detail", h->vex_detail);
	tplx_jsonw_kstring(w, "vex_source", h->vex_source);
	tplx_jsonw_kstring(w, "vex_advisory", h->vex_advisory);
	tplx_jsonw_object_end(w);
}

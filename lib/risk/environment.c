/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A device's environment and what it does to a CVSS vector: the
 * hospital's security requirements (CR/IR/AR) and the device's exposure
 * and compensating controls, written as the standard's environmental
 * metrics so that any CVSS calculator gives the same score.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "risk/cvss.h"
#include "tplc/priority.h"

/* Longest exposure or control name accepted, in bytes. */
#define ENV_WORD_MAX 32

static const struct {
	enum tplc_exposure exposure;
	const char *names[4]; /* canonical first */
} exposures[] = {
	{ TPLC_EXPOSURE_INTERNET, { "internet", "public", "external" } },
	{ TPLC_EXPOSURE_NETWORK, { "network", "hospital", "flat", "lan" } },
	{ TPLC_EXPOSURE_SEGMENTED, { "segmented", "segment", "vlan" } },
	{ TPLC_EXPOSURE_ISOLATED, { "isolated", "air-gapped", "airgap" } },
	{ TPLC_EXPOSURE_STANDALONE, { "standalone", "none", "offline" } },
};

static const struct {
	enum tplc_control control;
	const char *names[3]; /* canonical first */
} controls[TPLC_CONTROL_COUNT] = {
	{ TPLC_CONTROL_PHYSICAL, { "physical-access", "physical" } },
	{ TPLC_CONTROL_REMOVABLE_MEDIA, { "removable-media", "usb-blocked" } },
	{ TPLC_CONTROL_MONITORING, { "monitoring", "ids", "siem" } },
	{ TPLC_CONTROL_NO_REMOTE, { "no-remote-access", "no-remote" } },
	{ TPLC_CONTROL_FIREWALL, { "firewall", "acl" } },
	{ TPLC_CONTROL_ANTI_MALWARE, { "anti-malware", "antivirus" } },
	{ TPLC_CONTROL_BACKUP, { "backup", "backup-restore" } },
};

/* Requirements a clinical function implies when the hospital set none:
 * what a loss of each property costs that kind of device. */
static const struct {
	const char *function;
	char cr, ir, ar;
} function_requirements[] = {
	{ "therapy", 'M', 'H', 'H' },   { "monitoring", 'M', 'H', 'H' },
	{ "diagnosis", 'M', 'H', 'M' }, { "workflow", 'M', 'M', 'M' },
	{ "data", 'H', 'M', 'M' },
};

int tplc_exposure_parse(enum tplc_exposure *out, const char *s,
                        struct tplc_error *err)
{
	for (size_t i = 0; i < sizeof(exposures) / sizeof(exposures[0]); i++)
		for (size_t k = 0; k < 4 && exposures[i].names[k]; k++)
			if (strcasecmp(s, exposures[i].names[k]) == 0) {
				*out = exposures[i].exposure;
				return 0;
			}
	return tplc_error_set(err, TPLC_EPARSE,
	                      "%.*s: not an exposure (internet, network, "
	                      "segmented, isolated, standalone)",
	                      ENV_WORD_MAX, s);
}

const char *tplc_exposure_name(enum tplc_exposure exposure)
{
	for (size_t i = 0; i < sizeof(exposures) / sizeof(exposures[0]); i++)
		if (exposures[i].exposure == exposure)
			return exposures[i].names[0];
	return "unknown";
}

static int control_lookup(const char *word, size_t len)
{
	for (size_t i = 0; i < TPLC_CONTROL_COUNT; i++)
		for (size_t k = 0; k < 3 && controls[i].names[k]; k++)
			if (strlen(controls[i].names[k]) == len &&
			    strncasecmp(word, controls[i].names[k], len) == 0)
				return (int)i;
	return -1;
}

int tplc_controls_parse(unsigned *out, const char *s, struct tplc_error *err)
{
	unsigned bits = 0;

	while (*s != '\0') {
		size_t len;
		int i;

		while (*s == ' ' || *s == ',' || *s == ';' || *s == '|')
			s++;
		len = strcspn(s, ",;|");
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len == 0)
			break;
		i = control_lookup(s, len);
		if (i < 0)
			return tplc_error_set(
			        err, TPLC_EPARSE,
			        "%.*s: not a compensating control (%s)",
			        (int)(len > ENV_WORD_MAX ? ENV_WORD_MAX : len),
			        s,
			        "physical-access, removable-media, monitoring, "
			        "no-remote-access, firewall, anti-malware, "
			        "backup");
		bits |= controls[i].control;
		s += len;
	}
	*out = bits;
	return 0;
}

const char *tplc_control_name(enum tplc_control control)
{
	for (size_t i = 0; i < TPLC_CONTROL_COUNT; i++)
		if (controls[i].control == control)
			return controls[i].names[0];
	return "unknown";
}

const char *tplc_controls_format(unsigned bits, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < TPLC_CONTROL_COUNT; i++) {
		int w;

		if (!(bits & controls[i].control))
			continue;
		w = snprintf(buf + n, size - n, "%s%s", n ? "," : "",
		             controls[i].names[0]);
		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
	return buf;
}

int tplc_requirement_parse(char *out, const char *s, struct tplc_error *err)
{
	static const char *const words[][2] = {
		{ "L", "low" },
		{ "M", "medium" },
		{ "H", "high" },
	};

	for (size_t i = 0; i < 3; i++)
		if (strcasecmp(s, words[i][0]) == 0 ||
		    strcasecmp(s, words[i][1]) == 0) {
			*out = words[i][0][0];
			return 0;
		}
	return tplc_error_set(err, TPLC_EPARSE,
	                      "%.*s: not a security requirement (L, M, H)",
	                      ENV_WORD_MAX, s);
}

int tplc_env_canonical(enum tplc_env_field field, const char *s, char *out,
                       size_t size, struct tplc_error *err)
{
	enum tplc_exposure exposure;
	unsigned bits;
	int error;

	switch (field) {
	case TPLC_ENV_EXPOSURE:
		error = tplc_exposure_parse(&exposure, s, err);
		if (error == 0)
			snprintf(out, size, "%s", tplc_exposure_name(exposure));
		return error;
	case TPLC_ENV_CONTROLS:
		error = tplc_controls_parse(&bits, s, err);
		if (error == 0)
			tplc_controls_format(bits, out, size);
		return error;
	default:
		error = tplc_requirement_parse(out, s, err);
		if (error == 0)
			out[1] = '\0';
		return error;
	}
}

/* ---- the vector --------------------------------------------------------- */

static int append(struct tplc_env_result *out, size_t *len, const char *key,
                  char value, const char *why)
{
	struct tplc_env_change *c;
	int w;

	if (out->changes == sizeof(out->change) / sizeof(out->change[0]))
		return TPLC_ERROR;
	w = snprintf(out->vector + *len, sizeof(out->vector) - *len, "/%s:%c",
	             key, value);
	if (w < 0 || (size_t)w >= sizeof(out->vector) - *len)
		return TPLC_ELIMIT;
	*len += (size_t)w;
	c = &out->change[out->changes++];
	snprintf(c->metric, sizeof(c->metric), "%s", key);
	c->value[0] = value;
	c->value[1] = '\0';
	c->why = why;
	return 0;
}

/* The requirement given, else the one the clinical function implies. */
static char requirement(const struct tplc_environment *env, int which,
                        const char **why)
{
	char given = which == 0 ? env->cr : which == 1 ? env->ir : env->ar;
	size_t n = sizeof(function_requirements) /
	           sizeof(function_requirements[0]);

	*why = "set by the hospital";
	if (given)
		return given;
	for (size_t i = 0; env->clinical_function && i < n; i++)
		if (strcmp(env->clinical_function,
		           function_requirements[i].function) == 0) {
			*why = "from the clinical function";
			return which == 0   ? function_requirements[i].cr
			       : which == 1 ? function_requirements[i].ir
			                    : function_requirements[i].ar;
		}
	return 0;
}

/* MAV and MAC from the exposure and controls, on v3 and v4 vectors. */
static int modify_base(struct tplc_env_result *out, size_t *len,
                       const struct tplc_environment *env)
{
	char av = tplc_cvss__value(out->vector, "AV");
	char ac = tplc_cvss__value(out->vector, "AC");
	char mav = 0;
	int error = 0;

	if (tplc_cvss__value(out->vector, "MAV") == 0) {
		if ((env->exposure == TPLC_EXPOSURE_ISOLATED ||
		     env->exposure == TPLC_EXPOSURE_STANDALONE) &&
		    (av == 'N' || av == 'A'))
			error = append(out, len, "MAV", mav = 'L',
			               "no network path in: an attacker needs "
			               "local access");
		else if (env->exposure == TPLC_EXPOSURE_SEGMENTED && av == 'N')
			error = append(out, len, "MAV", mav = 'A',
			               "segmented: reachable only from its own "
			               "network segment");
	}
	if (mav)
		av = mav;
	if (error == 0 && ac == 'L' &&
	    tplc_cvss__value(out->vector, "MAC") == 0) {
		if ((env->controls & TPLC_CONTROL_FIREWALL) &&
		    (av == 'N' || av == 'A'))
			error = append(
			        out, len, "MAC", 'H',
			        "firewall: only the ports it needs are "
			        "open, so an attack needs an allowed path");
		else if ((env->controls & TPLC_CONTROL_PHYSICAL) && av == 'P')
			error = append(
			        out, len, "MAC", 'H',
			        "physical access restricted: an attacker "
			        "must get past it first");
	}
	return error;
}

int tplc_cvss_environment(struct tplc_env_result *out, const char *vector,
                          const struct tplc_environment *env,
                          struct tplc_error *err)
{
	static const char *const keys[] = { "CR", "IR", "AR" };
	size_t len = strlen(vector);
	bool v2;
	int error = 0;

	memset(out, 0, sizeof(*out));
	if (len > 0 && vector[0] == '(' && vector[len - 1] == ')') {
		vector++;
		len -= 2;
	}
	if (len >= sizeof(out->vector))
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "vector longer than %d bytes",
		                      TPLC_CVSS_MAX);
	memcpy(out->vector, vector, len);
	out->vector[len] = '\0';
	/* validate first: an error names the advisory's vector, not ours */
	error = tplc_cvss_score(&out->scores, out->vector, err);
	if (error < 0)
		return error;
	v2 = out->scores.version == TPLC_CVSS_V2;
	for (int i = 0; i < 3 && error == 0; i++) {
		const char *why;
		char value = requirement(env, i, &why);
		if (value && tplc_cvss__value(out->vector, keys[i]) == 0)
			error = append(out, &len, keys[i], value, why);
	}
	if (error == 0 && !v2)
		error = modify_base(out, &len, env);
	if (error < 0)
		return tplc_error_set(err, error,
		                      "%s: no room for the environmental "
		                      "metrics",
		                      out->vector);
	return tplc_cvss_score(&out->scores, out->vector, err);
}

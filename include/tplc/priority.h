/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_PRIORITY_H
#define TPLC_PRIORITY_H

/*
 * What to fix first.  A finding's priority weighs how likely it is to be
 * exploited (CISA KEV and ransomware use, EPSS), how bad it is on this
 * device (CVSS: the advisory's base vector, set by the medical device
 * rubric where answered, modified by the hospital's requirements and the
 * device's exposure and controls), what the device does for the patient
 * (therapy delivery first), how reachable it is, and whether a patch can
 * still come (lifecycle stage).  Every input leaves a reason saying how
 * far it moved the result, so tplc findings explain can show its work.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/cvss.h"
#include "tplc/error.h"
#include "tplc/lifecycle.h"

/* ---- the device's environment ------------------------------------------ */

/* How reachable a device is, most exposed first. */
enum tplc_exposure {
	TPLC_EXPOSURE_UNKNOWN = 0,
	TPLC_EXPOSURE_INTERNET,   /* reachable from outside the hospital */
	TPLC_EXPOSURE_NETWORK,    /* on the routed hospital network */
	TPLC_EXPOSURE_SEGMENTED,  /* own VLAN/zone, filtered from the rest */
	TPLC_EXPOSURE_ISOLATED,   /* no route in: air-gapped or closed net */
	TPLC_EXPOSURE_STANDALONE, /* not networked at all */
};

/*
 * Compensating controls in place, after IMDRF N70's list for devices near
 * or past End of Support (isolation and segmentation are exposures).
 */
enum tplc_control {
	TPLC_CONTROL_PHYSICAL = 1u << 0,        /* physical access restricted */
	TPLC_CONTROL_REMOVABLE_MEDIA = 1u << 1, /* removable media blocked */
	TPLC_CONTROL_MONITORING = 1u << 2,      /* watched by IDS/SIEM */
	TPLC_CONTROL_NO_REMOTE = 1u << 3,       /* remote access removed */
	TPLC_CONTROL_FIREWALL = 1u << 4,        /* only needed ports open */
	TPLC_CONTROL_ANTI_MALWARE = 1u << 5,    /* MDM-approved anti-malware */
	TPLC_CONTROL_BACKUP = 1u << 6,          /* backup and restore tested */
};
#define TPLC_CONTROL_COUNT 7

struct tplc_environment {
	enum tplc_exposure exposure;
	unsigned controls; /* enum tplc_control bits */
	/* security requirements 'L', 'M', 'H'; 0: not set */
	char cr, ir, ar;
	/* when not set, taken from the clinical function (priority.c) */
	const char *clinical_function; /* therapy, diagnosis, monitoring,
					* workflow, data; NULL unknown */
};

/* "internet", "network", "segmented", "isolated", "standalone" (any
 * case, also "vlan"/"segment", "air-gapped"/"airgap", "none"). */
int tplc_exposure_parse(enum tplc_exposure *out, const char *s,
                        struct tplc_error *err);
const char *tplc_exposure_name(enum tplc_exposure exposure);

/* "firewall,monitoring" (comma, ';' or '|' separated, any case, spaces
 * ignored) into bits; names as tplc_control_name gives them. */
int tplc_controls_parse(unsigned *out, const char *s, struct tplc_error *err);
const char *tplc_control_name(enum tplc_control control);
/* bits as "a,b,c" into buf (size at least 128); "" for none. */
const char *tplc_controls_format(unsigned controls, char *buf, size_t size);

/* "L"/"M"/"H" or "low"/"medium"/"high" into 'L'/'M'/'H'. */
int tplc_requirement_parse(char *out, const char *s, struct tplc_error *err);

/* One environment field as text. */
enum tplc_env_field {
	TPLC_ENV_EXPOSURE,
	TPLC_ENV_CONTROLS,
	TPLC_ENV_REQUIREMENT,
};

/* s checked as field and written in its canonical spelling into out
 * (size at least 128): "vlan" -> "segmented", "IDS; Firewall" ->
 * "monitoring,firewall", "high" -> "H". */
int tplc_env_canonical(enum tplc_env_field field, const char *s, char *out,
                       size_t size, struct tplc_error *err);

/* ---- environmental CVSS ------------------------------------------------- */

/* One metric the environment set, and why. */
struct tplc_env_change {
	char metric[4];  /* "CR", "MAV", ... */
	char value[4];   /* "H", "A", ... */
	const char *why; /* static text */
};

struct tplc_env_result {
	char vector[TPLC_CVSS_MAX]; /* base vector + environmental metrics */
	struct tplc_cvss_scores scores;
	struct tplc_env_change change[8];
	size_t changes;
};

/*
 * Apply env to a base vector (v2, v3.x or v4.0): the security
 * requirements (given, else from the clinical function), and the
 * exposure and controls as modified base metrics (v3/v4 only: v2 has no
 * modified base metrics).  Metrics the vector already carries are kept.
 */
int tplc_cvss_environment(struct tplc_env_result *out, const char *vector,
                          const struct tplc_environment *env,
                          struct tplc_error *err);

/* ---- priority ----------------------------------------------------------- */

/* What one finding on one device brings to its priority. */
struct tplc_priority_input {
	bool kev;
	const char *kev_ransomware; /* "Known" when used in ransomware */
	double epss;                /* probability 0..1; <0 unknown */
	double epss_percentile;     /* 0..1; <0 unknown */
	const char *cvss_vector;    /* the advisory's, may be NULL */
	double cvss_score;          /* its base score; <0 unknown */
	const char *rubric_vector;  /* rubric-derived v3.1, or NULL */
	struct tplc_environment env;
	enum tplc_lifecycle lifecycle;
	bool vex_closed; /* a VEX says not_affected or fixed */
};

/* How one input moved the priority. */
struct tplc_priority_reason {
	const char *factor; /* "exploitation", "severity", "clinical",
			     * "exposure", "lifecycle", "vex" */
	double points;      /* added to the priority */
	char text[160];     /* the input and what it did, in words */
};

#define TPLC_PRIORITY_REASONS 8

struct tplc_priority {
	double score;               /* 0..100, one decimal */
	const char *band;           /* "immediate", "out-of-cycle", "scheduled",
			   * "defer" (CISA SSVC's deployer outcomes) */
	double cvss;                /* the CVSS score used; <0 when none */
	const char *cvss_from;      /* "rubric", "advisory" (vector) or
				* "advisory score" (no vector); NULL */
	struct tplc_env_result env; /* env.vector: the vector scored, the
				     * environment applied ("" when none);
				     * env.change: what the device changed */
	struct tplc_priority_reason reason[TPLC_PRIORITY_REASONS];
	size_t reasons;
};

/* Compute; an input vector that does not parse is reported as a reason
 * (the score then goes without it), never an error. */
void tplc_priority_compute(struct tplc_priority *out,
                           const struct tplc_priority_input *in);

#endif

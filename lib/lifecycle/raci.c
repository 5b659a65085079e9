/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The responsibility matrix (tplc/raci.h): the default cells, written as
 * one table below, and the merge of a contract's overrides into them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tplc/raci.h"

static const char *const deployments[TPLC_DEPLOYMENTS] = {
	[TPLC_DEPLOYMENT_HOSPITAL] = "hospital-managed",
	[TPLC_DEPLOYMENT_MANUFACTURER] = "manufacturer-managed",
	[TPLC_DEPLOYMENT_SOFTWARE] = "software-only",
};

const char *tplc_deployment_name(enum tplc_deployment d)
{
	return (unsigned)d < TPLC_DEPLOYMENTS ? deployments[d]
	                                      : "hospital-managed";
}

/* Lowercase without ' ', '-', '_'; "" when longer than size allows. */
static void squeeze(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-' || *s == '_')
			continue;
		if (n + 1 == size) {
			n = 0;
			break;
		}
		out[n++] =
		        (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	}
	out[n] = '\0';
}

int tplc_deployment_parse(const char *text)
{
	static const struct {
		const char *word;
		enum tplc_deployment d;
	} words[] = {
		{ "hospitalmanaged", TPLC_DEPLOYMENT_HOSPITAL },
		{ "hospital", TPLC_DEPLOYMENT_HOSPITAL },
		{ "hdo", TPLC_DEPLOYMENT_HOSPITAL },
		{ "hdomanaged", TPLC_DEPLOYMENT_HOSPITAL },
		{ "customermanaged", TPLC_DEPLOYMENT_HOSPITAL },
		{ "selfmanaged", TPLC_DEPLOYMENT_HOSPITAL },
		{ "inhouse", TPLC_DEPLOYMENT_HOSPITAL },
		{ "manufacturermanaged", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "manufacturer", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "mdm", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "mdmmanaged", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "vendor", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "vendormanaged", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "managedservice", TPLC_DEPLOYMENT_MANUFACTURER },
		{ "softwareonly", TPLC_DEPLOYMENT_SOFTWARE },
		{ "software", TPLC_DEPLOYMENT_SOFTWARE },
		{ "samd", TPLC_DEPLOYMENT_SOFTWARE },
		{ "softwareasamedicaldevice", TPLC_DEPLOYMENT_SOFTWARE },
	};
	char word[32];

	if (text == NULL)
		return -1;
	squeeze(word, sizeof(word), text);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(word, words[i].word) == 0)
			return (int)words[i].d;
	return -1;
}

static const struct {
	const char *key, *title;
} tasks[TPLC_RACI_TASKS] = {
	[TPLC_RACI_PATCHING] = { "patching",
	                         "develop, validate and release security "
	                         "updates" },
	[TPLC_RACI_PATCH_INSTALL] = { "patch-install",
	                              "install security updates on the "
	                              "device" },
	[TPLC_RACI_VULN_MONITORING] = { "vulnerability-monitoring",
	                                "watch advisories and assess new "
	                                "vulnerabilities" },
	[TPLC_RACI_SBOM_UPKEEP] = { "sbom-upkeep",
	                            "keep the SBOM and component support "
	                            "current" },
	[TPLC_RACI_ACCESS_CONTROL] = { "access-control",
	                               "accounts, passwords, physical and "
	                               "remote access" },
	[TPLC_RACI_LOGGING_MONITORING] = { "logging-monitoring",
	                                   "security logs and their "
	                                   "monitoring (IDS, SIEM)" },
	[TPLC_RACI_NETWORK_SEGMENTATION] = { "network-segmentation",
	                                     "isolate and segment the "
	                                     "device's network" },
	[TPLC_RACI_BACKUP_RESTORE] = { "backup-restore",
	                               "back up configuration and data, "
	                               "test restores" },
	[TPLC_RACI_INCIDENT_RESPONSE] = { "incident-response",
	                                  "contain and recover from a "
	                                  "security incident" },
	[TPLC_RACI_RISK_ACCEPTANCE] = { "risk-acceptance",
	                                "accept residual risk of known "
	                                "vulnerabilities" },
	[TPLC_RACI_DECOMMISSIONING] = { "decommissioning",
	                                "retire the device, wipe its "
	                                "data" },
};

const char *tplc_raci_task_key(enum tplc_raci_task task)
{
	return (unsigned)task < TPLC_RACI_TASKS ? tasks[task].key : "unknown";
}

const char *tplc_raci_task_title(enum tplc_raci_task task)
{
	return (unsigned)task < TPLC_RACI_TASKS ? tasks[task].title : "";
}

int tplc_raci_task_parse(const char *text)
{
	if (text == NULL)
		return -1;
	for (int i = 0; i < TPLC_RACI_TASKS; i++)
		if (strcasecmp(text, tasks[i].key) == 0)
			return i;
	return -1;
}

const char *tplc_raci_source_name(enum tplc_raci_source source)
{
	switch (source) {
	case TPLC_RACI_FROM_PRODUCT:
		return "product";
	case TPLC_RACI_FROM_DEVICE:
		return "device";
	case TPLC_RACI_FROM_DEFAULT:
		break;
	}
	return "default";
}

const char *tplc_raci_gap_name(unsigned gap)
{
	switch (gap) {
	case TPLC_RACI_GAP_NO_ACCOUNTABLE:
		return "no-accountable";
	case TPLC_RACI_GAP_MANY_ACCOUNTABLE:
		return "several-accountable";
	case TPLC_RACI_GAP_NO_RESPONSIBLE:
		return "no-responsible";
	default:
		return "none";
	}
}

static unsigned letter_bit(char c)
{
	switch (c) {
	case 'R':
	case 'r':
		return TPLC_RACI_R;
	case 'A':
	case 'a':
		return TPLC_RACI_A;
	case 'C':
	case 'c':
		return TPLC_RACI_C;
	case 'I':
	case 'i':
		return TPLC_RACI_I;
	default:
		return 0;
	}
}

int tplc_raci_letters_parse(unsigned *out, const char *text,
                            struct tplc_error *err)
{
	unsigned roles = 0, bit;

	if (text == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no letters");
	if (strcmp(text, "-") == 0)
		text = "";
	for (const char *s = text; *s != '\0'; s++) {
		bit = letter_bit(*s);
		if (bit == 0)
			return tplc_error_set(err, TPLC_EINVAL,
			                      "'%.16s': letters must be R, A, "
			                      "C or I",
			                      text);
		if (roles & bit)
			return tplc_error_set(err, TPLC_EINVAL,
			                      "'%.16s': letter %c given twice",
			                      text, *s);
		roles |= bit;
	}
	*out = roles;
	return 0;
}

void tplc_raci_letters_format(char out[5], unsigned roles)
{
	static const char letters[] = "RACI";
	size_t n = 0;

	for (unsigned i = 0; i < 4; i++)
		if (roles & (1u << i))
			out[n++] = letters[i];
	out[n] = '\0';
}

int tplc_raci_party_canonical(char out[TPLC_RACI_PARTY_SIZE], const char *text,
                              struct tplc_error *err)
{
	size_t len;

	if (text == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no party");
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0)
		return tplc_error_set(err, TPLC_EINVAL, "empty party name");
	if (len > TPLC_RACI_PARTY_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "party name longer than %d bytes",
		                      TPLC_RACI_PARTY_MAX);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f ||
		    text[i] == '=')
			return tplc_error_set(err, TPLC_EINVAL,
			                      "party name with a control "
			                      "character or '='");
	if (len == 3 && strncasecmp(text, "MDM", 3) == 0)
		text = "MDM";
	else if (len == 3 && strncasecmp(text, "HDO", 3) == 0)
		text = "HDO";
	memcpy(out, text, len);
	out[len] = '\0';
	return 0;
}

/* ---- the default matrix ------------------------------------------------------ */

enum { DEV, SUP, LIM, EOS };

/*
 * One row per stage and task; the cells for hospital-managed,
 * manufacturer-managed and software-only devices.  The work moves from
 * the MDM to the HDO a few tasks at a time (docs/internals/lifecycle.md
 * says why each cell is so):
 *   Development: the MDM does everything (secure defaults, logging); the
 *     HDO is consulted on what it needs, informed of the rest.
 *   Support: the MDM patches, monitors vulnerabilities and keeps the
 *     SBOM; the HDO installs (the MDM does when it manages the device),
 *     controls access, segments, backs up and accepts risk.
 *   Limited Support: the HDO takes logging and monitoring; the MDM still
 *     patches what it still supports; vulnerability watch is shared.
 *   End of Support: the HDO isolates, segments and is accountable for
 *     everything; the MDM is informed or consulted at most.
 */
static const struct {
	int stage;
	enum tplc_raci_task task;
	const char *cell[TPLC_DEPLOYMENTS];
} defaults[] = {
	/* clang-format off */
	/* stage task                            hospital-managed
	 *                                       manufacturer-managed
	 *                                       software-only */
	{ DEV, TPLC_RACI_PATCHING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_PATCH_INSTALL, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_VULN_MONITORING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_SBOM_UPKEEP, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_ACCESS_CONTROL, { "MDM:RA HDO:C", "MDM:RA HDO:C", "MDM:RA HDO:C" } },
	{ DEV, TPLC_RACI_LOGGING_MONITORING, { "MDM:RA HDO:C", "MDM:RA HDO:C", "MDM:RA HDO:C" } },
	{ DEV, TPLC_RACI_NETWORK_SEGMENTATION, { "MDM:RA HDO:C", "MDM:RA HDO:C", "MDM:RA HDO:C" } },
	{ DEV, TPLC_RACI_BACKUP_RESTORE, { "MDM:RA HDO:C", "MDM:RA HDO:C", "MDM:RA HDO:C" } },
	{ DEV, TPLC_RACI_INCIDENT_RESPONSE, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_RISK_ACCEPTANCE, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ DEV, TPLC_RACI_DECOMMISSIONING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },

	{ SUP, TPLC_RACI_PATCHING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ SUP, TPLC_RACI_PATCH_INSTALL, { "HDO:RA MDM:C", "MDM:RA HDO:C", "HDO:RA MDM:C" } },
	{ SUP, TPLC_RACI_VULN_MONITORING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ SUP, TPLC_RACI_SBOM_UPKEEP, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ SUP, TPLC_RACI_ACCESS_CONTROL, { "HDO:RA MDM:C", "MDM:RA HDO:C", "HDO:RA MDM:C" } },
	{ SUP, TPLC_RACI_LOGGING_MONITORING, { "MDM:RA HDO:R", "MDM:RA HDO:I", "MDM:RA HDO:R" } },
	{ SUP, TPLC_RACI_NETWORK_SEGMENTATION, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ SUP, TPLC_RACI_BACKUP_RESTORE, { "HDO:RA MDM:C", "MDM:RA HDO:C", "HDO:RA MDM:C" } },
	{ SUP, TPLC_RACI_INCIDENT_RESPONSE, { "HDO:RA MDM:R", "MDM:RA HDO:R", "HDO:RA MDM:R" } },
	{ SUP, TPLC_RACI_RISK_ACCEPTANCE, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ SUP, TPLC_RACI_DECOMMISSIONING, { "HDO:RA MDM:C", "MDM:R HDO:A", "HDO:RA MDM:C" } },

	{ LIM, TPLC_RACI_PATCHING, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ LIM, TPLC_RACI_PATCH_INSTALL, { "HDO:RA MDM:C", "MDM:RA HDO:C", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_VULN_MONITORING, { "MDM:RA HDO:R", "MDM:RA HDO:R", "MDM:RA HDO:R" } },
	{ LIM, TPLC_RACI_SBOM_UPKEEP, { "MDM:RA HDO:I", "MDM:RA HDO:I", "MDM:RA HDO:I" } },
	{ LIM, TPLC_RACI_ACCESS_CONTROL, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_LOGGING_MONITORING, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_NETWORK_SEGMENTATION, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_BACKUP_RESTORE, { "HDO:RA MDM:C", "MDM:R HDO:A", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_INCIDENT_RESPONSE, { "HDO:RA MDM:R", "HDO:RA MDM:R", "HDO:RA MDM:R" } },
	{ LIM, TPLC_RACI_RISK_ACCEPTANCE, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ LIM, TPLC_RACI_DECOMMISSIONING, { "HDO:RA MDM:C", "MDM:R HDO:A", "HDO:RA MDM:C" } },

	{ EOS, TPLC_RACI_PATCHING, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_PATCH_INSTALL, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_VULN_MONITORING, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_SBOM_UPKEEP, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_ACCESS_CONTROL, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_LOGGING_MONITORING, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_NETWORK_SEGMENTATION, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ EOS, TPLC_RACI_BACKUP_RESTORE, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_INCIDENT_RESPONSE, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	{ EOS, TPLC_RACI_RISK_ACCEPTANCE, { "HDO:RA MDM:I", "HDO:RA MDM:I", "HDO:RA MDM:I" } },
	{ EOS, TPLC_RACI_DECOMMISSIONING, { "HDO:RA MDM:C", "HDO:RA MDM:C", "HDO:RA MDM:C" } },
	/* clang-format on */
};

#define NDEFAULTS (sizeof(defaults) / sizeof(defaults[0]))

static int table_stage(enum tplc_lifecycle stage)
{
	switch (stage) {
	case TPLC_LIFECYCLE_DEVELOPMENT:
		return DEV;
	case TPLC_LIFECYCLE_LIMITED:
		return LIM;
	case TPLC_LIFECYCLE_END_OF_SUPPORT:
		return EOS;
	default:
		return SUP;
	}
}

/* Set party's letters in cell (adding the party when new). */
static int cell_set(struct tplc_raci_cell *cell, const char *party,
                    unsigned roles, enum tplc_raci_source source,
                    const char *contract, struct tplc_error *err)
{
	size_t i, len = strlen(party);

	if (len > TPLC_RACI_PARTY_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "party name longer than %d bytes",
		                      TPLC_RACI_PARTY_MAX);
	for (i = 0; i < cell->count; i++)
		if (strcmp(cell->party[i].party, party) == 0)
			break;
	if (i == cell->count) {
		if (cell->count == TPLC_RACI_PARTIES_MAX)
			return tplc_error_set(
			        err, TPLC_ELIMIT,
			        "more than %d parties on one task",
			        TPLC_RACI_PARTIES_MAX);
		memcpy(cell->party[i].party, party, len + 1);
		cell->count++;
	}
	cell->party[i].roles = roles;
	cell->party[i].source = source;
	cell->party[i].contract = contract;
	return 0;
}

/* "MDM:RA HDO:I" into cell. */
static int cell_parse(struct tplc_raci_cell *cell, const char *text,
                      struct tplc_error *err)
{
	char party[TPLC_RACI_PARTY_SIZE], letters[8];
	const char *s = text, *colon, *end;
	unsigned roles;
	int error;

	memset(cell, 0, sizeof(*cell));
	while (*s != '\0') {
		colon = strchr(s, ':');
		end = strchr(s, ' ');
		if (end == NULL)
			end = s + strlen(s);
		if (colon == NULL || colon > end ||
		    (size_t)(colon - s) >= sizeof(party) ||
		    (size_t)(end - colon - 1) >= sizeof(letters))
			return tplc_error_set(err, TPLC_ERROR,
			                      "bad default cell '%s'", text);
		memcpy(party, s, (size_t)(colon - s));
		party[colon - s] = '\0';
		memcpy(letters, colon + 1, (size_t)(end - colon - 1));
		letters[end - colon - 1] = '\0';
		error = tplc_raci_letters_parse(&roles, letters, err);
		if (error == 0)
			error = cell_set(cell, party, roles,
			                 TPLC_RACI_FROM_DEFAULT, NULL, err);
		if (error < 0)
			return error;
		s = *end == ' ' ? end + 1 : end;
	}
	return 0;
}

unsigned tplc_raci_cell_gaps(const struct tplc_raci_cell *cell)
{
	size_t accountable = 0, responsible = 0;
	unsigned gaps = 0;

	for (size_t i = 0; i < cell->count; i++) {
		if (cell->party[i].roles & TPLC_RACI_A)
			accountable++;
		if (cell->party[i].roles & TPLC_RACI_R)
			responsible++;
	}
	if (accountable == 0)
		gaps |= TPLC_RACI_GAP_NO_ACCOUNTABLE;
	if (accountable > 1)
		gaps |= TPLC_RACI_GAP_MANY_ACCOUNTABLE;
	if (responsible == 0)
		gaps |= TPLC_RACI_GAP_NO_RESPONSIBLE;
	return gaps;
}

int tplc_raci_default(struct tplc_raci_matrix *out, enum tplc_lifecycle stage,
                      enum tplc_deployment deployment, struct tplc_error *err)
{
	int row_stage = table_stage(stage), error;
	size_t found = 0;

	if ((unsigned)deployment >= TPLC_DEPLOYMENTS)
		return tplc_error_set(err, TPLC_EINVAL, "no such deployment");
	memset(out, 0, sizeof(*out));
	out->stage = stage;
	out->deployment = deployment;
	for (size_t i = 0; i < NDEFAULTS; i++) {
		if (defaults[i].stage != row_stage)
			continue;
		error = cell_parse(&out->task[defaults[i].task],
		                   defaults[i].cell[deployment], err);
		if (error < 0)
			return error;
		found++;
	}
	if (found != TPLC_RACI_TASKS)
		return tplc_error_set(err, TPLC_ERROR,
		                      "default matrix has %zu tasks, not %d",
		                      found, TPLC_RACI_TASKS);
	for (size_t t = 0; t < TPLC_RACI_TASKS; t++)
		out->task[t].gaps = tplc_raci_cell_gaps(&out->task[t]);
	return 0;
}

/* Apply the overrides of one level and one stage scope. */
static int apply(struct tplc_raci_matrix *m, enum tplc_raci_source level,
                 int stage, const struct tplc_raci_override *ov, size_t count,
                 struct tplc_error *err)
{
	int error;

	for (size_t i = 0; i < count; i++) {
		if (ov[i].level != level || ov[i].stage != stage)
			continue;
		if ((unsigned)ov[i].task >= TPLC_RACI_TASKS ||
		    ov[i].party == NULL)
			return tplc_error_set(err, TPLC_EINVAL,
			                      "override without task or party");
		error = cell_set(&m->task[ov[i].task], ov[i].party, ov[i].roles,
		                 level, ov[i].contract, err);
		if (error < 0)
			return error;
	}
	return 0;
}

int tplc_raci_merge(struct tplc_raci_matrix *out, enum tplc_lifecycle stage,
                    enum tplc_deployment deployment,
                    const struct tplc_raci_override *overrides, size_t count,
                    struct tplc_error *err)
{
	static const enum tplc_raci_source levels[] = {
		TPLC_RACI_FROM_PRODUCT,
		TPLC_RACI_FROM_DEVICE,
	};
	int error;

	error = tplc_raci_default(out, stage, deployment, err);
	for (size_t l = 0; error == 0 && l < 2; l++) {
		error = apply(out, levels[l], -1, overrides, count, err);
		if (error == 0)
			error = apply(out, levels[l], (int)stage, overrides,
			              count, err);
	}
	if (error < 0)
		return error;
	for (size_t t = 0; t < TPLC_RACI_TASKS; t++)
		out->task[t].gaps = tplc_raci_cell_gaps(&out->task[t]);
	return 0;
}

void tplc_raci_parties(char *out, size_t size,
                       const struct tplc_raci_cell *cell, unsigned role)
{
	size_t n = 0;
	int w;

	if (size == 0)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < cell->count; i++) {
		if (!(cell->party[i].roles & role))
			continue;
		w = snprintf(out + n, size - n, "%s%s", n ? "," : "",
		             cell->party[i].party);
		if (w < 0 || (size_t)w >= size - n)
			return; /* cut: the buffer says as much as fits */
		n += (size_t)w;
	}
}

/* Whether cell gives party role. */
static bool holds(const struct tplc_raci_cell *cell, const char *party,
                  unsigned role)
{
	for (size_t i = 0; i < cell->count; i++)
		if (strcmp(cell->party[i].party, party) == 0)
			return (cell->party[i].roles & role) != 0;
	return false;
}

bool tplc_raci_moves(const struct tplc_raci_cell *a,
                     const struct tplc_raci_cell *b)
{
	static const unsigned roles[] = { TPLC_RACI_R, TPLC_RACI_A };

	/* compared as sets: the same parties in another order do not move */
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < a->count; i++)
			if (((a->party[i].roles & roles[r]) != 0) !=
			    holds(b, a->party[i].party, roles[r]))
				return true;
		for (size_t j = 0; j < b->count; j++)
			if (((b->party[j].roles & roles[r]) != 0) !=
			    holds(a, b->party[j].party, roles[r]))
				return true;
	}
	return false;
}

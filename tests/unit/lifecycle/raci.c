/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The responsibility matrix: every default cell of every stage and
 * deployment has one Accountable and a Responsible party and follows the
 * seed table; overrides merge in their order; each gap kind is found;
 * letters, parties, tasks and deployments parse or are refused.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/raci.h"

static const struct tplc_raci_assignment *
party(const struct tplc_raci_matrix *m, enum tplc_raci_task task,
      const char *name)
{
	const struct tplc_raci_cell *cell = &m->task[task];

	for (size_t i = 0; i < cell->count; i++)
		if (strcmp(cell->party[i].party, name) == 0)
			return &cell->party[i];
	return NULL;
}

static unsigned roles(const struct tplc_raci_matrix *m,
                      enum tplc_raci_task task, const char *name)
{
	const struct tplc_raci_assignment *a = party(m, task, name);

	return a ? a->roles : 0;
}

static void matrix(struct tplc_raci_matrix *m, enum tplc_lifecycle stage,
                   enum tplc_deployment d)
{
	struct tplc_error err;

	assert_int_equal(tplc_raci_default(m, stage, d, &err), 0);
}

static void test_raci__every_default_cell(void **state)
{
	struct tplc_raci_matrix m;
	size_t cells = 0;

	(void)state;
	for (int s = 0; s < TPLC_LIFECYCLE_STAGES; s++) {
		for (int d = 0; d < TPLC_DEPLOYMENTS; d++) {
			matrix(&m, (enum tplc_lifecycle)s,
			       (enum tplc_deployment)d);
			for (int t = 0; t < TPLC_RACI_TASKS; t++) {
				const struct tplc_raci_cell *c = &m.task[t];
				size_t a = 0, r = 0;

				for (size_t i = 0; i < c->count; i++) {
					a += (c->party[i].roles &
					      TPLC_RACI_A) != 0;
					r += (c->party[i].roles &
					      TPLC_RACI_R) != 0;
					assert_int_equal(
					        c->party[i].source,
					        TPLC_RACI_FROM_DEFAULT);
				}
				if (a != 1 || r < 1 || c->gaps != 0)
					fail_msg(
					        "%s %s %s: %zu A, %zu R",
					        tplc_lifecycle_key(
					                (enum tplc_lifecycle)s),
					        tplc_deployment_name((
					                enum tplc_deployment)d),
					        tplc_raci_task_key(
					                (enum tplc_raci_task)t),
					        a, r);
				/* both parties always know where they stand */
				assert_non_null(party(&m, t, "MDM"));
				assert_non_null(party(&m, t, "HDO"));
				cells++;
			}
		}
	}
	assert_int_equal(cells, TPLC_LIFECYCLE_STAGES * TPLC_DEPLOYMENTS *
	                                TPLC_RACI_TASKS);
	tplt_conformance("RACI defaults: %zu/%zu cells with one A and an R",
	                 cells, cells);
}

static void test_raci__seed_table(void **state)
{
	struct tplc_raci_matrix m;

	(void)state;
	for (int d = 0; d < TPLC_DEPLOYMENTS; d++) {
		/* Development: the MDM is accountable for everything */
		matrix(&m, TPLC_LIFECYCLE_DEVELOPMENT, (enum tplc_deployment)d);
		for (int t = 0; t < TPLC_RACI_TASKS; t++)
			assert_int_equal(roles(&m, t, "MDM"),
			                 TPLC_RACI_R | TPLC_RACI_A);
		/* End of Support: the HDO is; the MDM C or I at most */
		matrix(&m, TPLC_LIFECYCLE_END_OF_SUPPORT,
		       (enum tplc_deployment)d);
		for (int t = 0; t < TPLC_RACI_TASKS; t++) {
			assert_int_equal(roles(&m, t, "HDO"),
			                 TPLC_RACI_R | TPLC_RACI_A);
			assert_int_equal(roles(&m, t, "MDM") &
			                         ~(TPLC_RACI_C | TPLC_RACI_I),
			                 0);
		}
		/* Limited Support: the HDO takes access and monitoring, the
		 * MDM consulted, and the MDM still patches */
		matrix(&m, TPLC_LIFECYCLE_LIMITED, (enum tplc_deployment)d);
		assert_int_equal(roles(&m, TPLC_RACI_ACCESS_CONTROL, "HDO"),
		                 TPLC_RACI_R | TPLC_RACI_A);
		assert_int_equal(roles(&m, TPLC_RACI_ACCESS_CONTROL, "MDM"),
		                 TPLC_RACI_C);
		assert_int_equal(roles(&m, TPLC_RACI_LOGGING_MONITORING, "HDO"),
		                 TPLC_RACI_R | TPLC_RACI_A);
		assert_int_equal(roles(&m, TPLC_RACI_LOGGING_MONITORING, "MDM"),
		                 TPLC_RACI_C);
		assert_int_equal(roles(&m, TPLC_RACI_PATCHING, "MDM"),
		                 TPLC_RACI_R | TPLC_RACI_A);
		/* Support: the MDM patches, monitors, keeps the SBOM; the
		 * HDO segments and accepts risk */
		matrix(&m, TPLC_LIFECYCLE_SUPPORT, (enum tplc_deployment)d);
		assert_true(roles(&m, TPLC_RACI_PATCHING, "MDM") & TPLC_RACI_A);
		assert_true(roles(&m, TPLC_RACI_VULN_MONITORING, "MDM") &
		            TPLC_RACI_A);
		assert_true(roles(&m, TPLC_RACI_SBOM_UPKEEP, "MDM") &
		            TPLC_RACI_A);
		assert_true(roles(&m, TPLC_RACI_NETWORK_SEGMENTATION, "HDO") &
		            TPLC_RACI_A);
		assert_true(roles(&m, TPLC_RACI_RISK_ACCEPTANCE, "HDO") &
		            TPLC_RACI_A);
	}
	/* who installs patches in Support depends on who runs the device */
	matrix(&m, TPLC_LIFECYCLE_SUPPORT, TPLC_DEPLOYMENT_HOSPITAL);
	assert_int_equal(roles(&m, TPLC_RACI_PATCH_INSTALL, "HDO"),
	                 TPLC_RACI_R | TPLC_RACI_A);
	assert_int_equal(roles(&m, TPLC_RACI_ACCESS_CONTROL, "HDO"),
	                 TPLC_RACI_R | TPLC_RACI_A);
	assert_int_equal(roles(&m, TPLC_RACI_BACKUP_RESTORE, "HDO"),
	                 TPLC_RACI_R | TPLC_RACI_A);
	matrix(&m, TPLC_LIFECYCLE_SUPPORT, TPLC_DEPLOYMENT_MANUFACTURER);
	assert_int_equal(roles(&m, TPLC_RACI_PATCH_INSTALL, "MDM"),
	                 TPLC_RACI_R | TPLC_RACI_A);
	/* an unknown stage reads as Support */
	matrix(&m, TPLC_LIFECYCLE_UNKNOWN, TPLC_DEPLOYMENT_HOSPITAL);
	assert_int_equal(m.stage, TPLC_LIFECYCLE_UNKNOWN);
	assert_int_equal(roles(&m, TPLC_RACI_PATCH_INSTALL, "HDO"),
	                 TPLC_RACI_R | TPLC_RACI_A);
}

/* The tasks whose R or A changes from stage a to stage b, as keys. */
static void moving(char *out, size_t size, enum tplc_lifecycle a,
                   enum tplc_lifecycle b, enum tplc_deployment d)
{
	struct tplc_raci_matrix x, y;
	size_t n = 0;

	matrix(&x, a, d);
	matrix(&y, b, d);
	out[0] = '\0';
	for (int t = 0; t < TPLC_RACI_TASKS; t++)
		if (tplc_raci_moves(&x.task[t], &y.task[t]))
			n += (size_t)snprintf(
			        out + n, size - n, "%s%s", n ? " " : "",
			        tplc_raci_task_key((enum tplc_raci_task)t));
}

static void test_raci__gradual(void **state)
{
	char got[512];

	(void)state;
	moving(got, sizeof(got), TPLC_LIFECYCLE_SUPPORT, TPLC_LIFECYCLE_LIMITED,
	       TPLC_DEPLOYMENT_HOSPITAL);
	assert_string_equal(got, "vulnerability-monitoring logging-monitoring");
	moving(got, sizeof(got), TPLC_LIFECYCLE_LIMITED,
	       TPLC_LIFECYCLE_END_OF_SUPPORT, TPLC_DEPLOYMENT_HOSPITAL);
	assert_string_equal(got, "patching vulnerability-monitoring "
	                         "sbom-upkeep incident-response");
	/* never everything at once */
	for (int d = 0; d < TPLC_DEPLOYMENTS; d++)
		for (int s = TPLC_LIFECYCLE_DEVELOPMENT;
		     s < TPLC_LIFECYCLE_END_OF_SUPPORT; s++) {
			size_t words = 1;

			moving(got, sizeof(got), (enum tplc_lifecycle)s,
			       (enum tplc_lifecycle)(s + 1),
			       (enum tplc_deployment)d);
			for (const char *p = got; *p; p++)
				words += *p == ' ';
			assert_true(got[0] != '\0');
			assert_true(words < TPLC_RACI_TASKS);
		}
}

static void test_raci__merge_precedence(void **state)
{
	const struct tplc_raci_override ov[] = {
		/* device, every stage: given first, applied after products */
		{ TPLC_RACI_FROM_DEVICE, -1, TPLC_RACI_BACKUP_RESTORE,
		  "Acme Service", TPLC_RACI_R, "SLA-7" },
		/* product, Limited Support only: wins over the all-stage */
		{ TPLC_RACI_FROM_PRODUCT, TPLC_LIFECYCLE_LIMITED,
		  TPLC_RACI_BACKUP_RESTORE, "Acme Service", TPLC_RACI_C,
		  "MSA-2" },
		{ TPLC_RACI_FROM_PRODUCT, -1, TPLC_RACI_BACKUP_RESTORE,
		  "Acme Service", TPLC_RACI_I, "MSA-1" },
		{ TPLC_RACI_FROM_PRODUCT, -1, TPLC_RACI_PATCHING,
		  "Acme Service", TPLC_RACI_R, "MSA-1" },
		/* another stage: ignored */
		{ TPLC_RACI_FROM_DEVICE, TPLC_LIFECYCLE_END_OF_SUPPORT,
		  TPLC_RACI_PATCHING, "HDO", 0, NULL },
	};
	const struct tplc_raci_assignment *a;
	struct tplc_raci_matrix m;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_LIMITED,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov, 5, &err),
	                 0);
	a = party(&m, TPLC_RACI_BACKUP_RESTORE, "Acme Service");
	assert_non_null(a);
	assert_int_equal(a->roles, TPLC_RACI_R);
	assert_int_equal(a->source, TPLC_RACI_FROM_DEVICE);
	assert_string_equal(a->contract, "SLA-7");
	/* the others keep their defaults */
	a = party(&m, TPLC_RACI_BACKUP_RESTORE, "HDO");
	assert_int_equal(a->roles, TPLC_RACI_R | TPLC_RACI_A);
	assert_int_equal(a->source, TPLC_RACI_FROM_DEFAULT);
	assert_int_equal(m.task[TPLC_RACI_BACKUP_RESTORE].gaps, 0);
	a = party(&m, TPLC_RACI_PATCHING, "Acme Service");
	assert_int_equal(a->roles, TPLC_RACI_R);
	assert_int_equal(a->source, TPLC_RACI_FROM_PRODUCT);
	assert_int_equal(roles(&m, TPLC_RACI_PATCHING, "HDO"), TPLC_RACI_I);

	/* without the device's, the stage's product override holds */
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_LIMITED,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov + 1, 4,
	                                 &err),
	                 0);
	a = party(&m, TPLC_RACI_BACKUP_RESTORE, "Acme Service");
	assert_int_equal(a->roles, TPLC_RACI_C);
	assert_string_equal(a->contract, "MSA-2");
	/* in Support the all-stage product override */
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_SUPPORT,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov + 1, 4,
	                                 &err),
	                 0);
	a = party(&m, TPLC_RACI_BACKUP_RESTORE, "Acme Service");
	assert_int_equal(a->roles, TPLC_RACI_I);
	assert_string_equal(a->contract, "MSA-1");
	/* in End of Support the device's stage override applies */
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_END_OF_SUPPORT,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov, 5, &err),
	                 0);
	assert_int_equal(roles(&m, TPLC_RACI_PATCHING, "HDO"), 0);
	assert_int_equal(m.task[TPLC_RACI_PATCHING].gaps,
	                 TPLC_RACI_GAP_NO_ACCOUNTABLE);
}

static void test_raci__gaps(void **state)
{
	const struct tplc_raci_override ov[] = {
		/* a contract makes the HDO accountable, the MDM's A stays */
		{ TPLC_RACI_FROM_PRODUCT, -1, TPLC_RACI_PATCHING, "HDO",
		  TPLC_RACI_A, "MSA-1" },
		/* the MDM dropped from monitoring: nobody accountable */
		{ TPLC_RACI_FROM_DEVICE, -1, TPLC_RACI_VULN_MONITORING, "MDM",
		  0, NULL },
		/* accountable but nobody doing it */
		{ TPLC_RACI_FROM_DEVICE, -1, TPLC_RACI_SBOM_UPKEEP, "MDM",
		  TPLC_RACI_A, NULL },
	};
	struct tplc_raci_matrix m;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_SUPPORT,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov, 3, &err),
	                 0);
	assert_int_equal(m.task[TPLC_RACI_PATCHING].gaps,
	                 TPLC_RACI_GAP_MANY_ACCOUNTABLE);
	assert_int_equal(m.task[TPLC_RACI_VULN_MONITORING].gaps,
	                 TPLC_RACI_GAP_NO_ACCOUNTABLE |
	                         TPLC_RACI_GAP_NO_RESPONSIBLE);
	assert_int_equal(m.task[TPLC_RACI_SBOM_UPKEEP].gaps,
	                 TPLC_RACI_GAP_NO_RESPONSIBLE);
	assert_int_equal(m.task[TPLC_RACI_ACCESS_CONTROL].gaps, 0);
	assert_string_equal(tplc_raci_gap_name(TPLC_RACI_GAP_MANY_ACCOUNTABLE),
	                    "several-accountable");
	assert_string_equal(tplc_raci_gap_name(TPLC_RACI_GAP_NO_ACCOUNTABLE),
	                    "no-accountable");
	assert_string_equal(tplc_raci_gap_name(TPLC_RACI_GAP_NO_RESPONSIBLE),
	                    "no-responsible");
}

static void test_raci__too_many_parties(void **state)
{
	struct tplc_raci_override ov[TPLC_RACI_PARTIES_MAX];
	char names[TPLC_RACI_PARTIES_MAX][8];
	struct tplc_raci_matrix m;
	struct tplc_error err;

	(void)state;
	for (int i = 0; i < TPLC_RACI_PARTIES_MAX; i++) {
		snprintf(names[i], sizeof(names[i]), "P%d", i);
		ov[i] = (struct tplc_raci_override){ TPLC_RACI_FROM_PRODUCT,
			                             -1,
			                             TPLC_RACI_PATCHING,
			                             names[i],
			                             TPLC_RACI_I,
			                             NULL };
	}
	/* MDM and HDO plus 6 fit; plus 8 do not */
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_SUPPORT,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov,
	                                 TPLC_RACI_PARTIES_MAX - 2, &err),
	                 0);
	assert_int_equal(tplc_raci_merge(&m, TPLC_LIFECYCLE_SUPPORT,
	                                 TPLC_DEPLOYMENT_HOSPITAL, ov,
	                                 TPLC_RACI_PARTIES_MAX, &err),
	                 TPLC_ELIMIT);
}

static void test_raci__letters(void **state)
{
	struct tplc_error err;
	unsigned r = 99;
	char out[5];

	(void)state;
	assert_int_equal(tplc_raci_letters_parse(&r, "ra", &err), 0);
	assert_int_equal(r, TPLC_RACI_R | TPLC_RACI_A);
	assert_int_equal(tplc_raci_letters_parse(&r, "ICAR", &err), 0);
	tplc_raci_letters_format(out, r);
	assert_string_equal(out, "RACI");
	assert_int_equal(tplc_raci_letters_parse(&r, "", &err), 0);
	assert_int_equal(r, 0);
	r = 5;
	assert_int_equal(tplc_raci_letters_parse(&r, "-", &err), 0);
	assert_int_equal(r, 0);
	tplc_raci_letters_format(out, r);
	assert_string_equal(out, "");
	assert_int_equal(tplc_raci_letters_parse(&r, "RR", &err), TPLC_EINVAL);
	assert_non_null(strstr(err.message, "twice"));
	assert_int_equal(tplc_raci_letters_parse(&r, "RX", &err), TPLC_EINVAL);
	assert_int_equal(tplc_raci_letters_parse(&r, "R A", &err), TPLC_EINVAL);
	assert_int_equal(tplc_raci_letters_parse(&r, "--", &err), TPLC_EINVAL);
	assert_int_equal(tplc_raci_letters_parse(&r, NULL, &err), TPLC_EINVAL);
}

static void test_raci__names(void **state)
{
	char party[TPLC_RACI_PARTY_SIZE], big[TPLC_RACI_PARTY_MAX + 2];
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_raci_party_canonical(party, "mdm", &err), 0);
	assert_string_equal(party, "MDM");
	assert_int_equal(tplc_raci_party_canonical(party, " Hdo ", &err), 0);
	assert_string_equal(party, "HDO");
	assert_int_equal(
	        tplc_raci_party_canonical(party, " Acme Field Service ", &err),
	        0);
	assert_string_equal(party, "Acme Field Service");
	assert_int_equal(tplc_raci_party_canonical(party, "  ", &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_raci_party_canonical(party, "a\tb\x01", &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_raci_party_canonical(party, "a=b", &err),
	                 TPLC_EINVAL);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(tplc_raci_party_canonical(party, big, &err),
	                 TPLC_ELIMIT);
	big[TPLC_RACI_PARTY_MAX] = '\0';
	assert_int_equal(tplc_raci_party_canonical(party, big, &err), 0);

	assert_int_equal(tplc_raci_task_parse("Patch-Install"),
	                 TPLC_RACI_PATCH_INSTALL);
	assert_int_equal(tplc_raci_task_parse("decommissioning"),
	                 TPLC_RACI_DECOMMISSIONING);
	assert_int_equal(tplc_raci_task_parse("patch"), -1);
	for (int t = 0; t < TPLC_RACI_TASKS; t++) {
		assert_int_equal(tplc_raci_task_parse(tplc_raci_task_key(
		                         (enum tplc_raci_task)t)),
		                 t);
		assert_true(strlen(tplc_raci_task_title(
		                    (enum tplc_raci_task)t)) > 10);
	}

	assert_int_equal(tplc_deployment_parse("Hospital Managed"),
	                 TPLC_DEPLOYMENT_HOSPITAL);
	assert_int_equal(tplc_deployment_parse("HDO"),
	                 TPLC_DEPLOYMENT_HOSPITAL);
	assert_int_equal(tplc_deployment_parse("vendor_managed"),
	                 TPLC_DEPLOYMENT_MANUFACTURER);
	assert_int_equal(tplc_deployment_parse("manufacturer-managed"),
	                 TPLC_DEPLOYMENT_MANUFACTURER);
	assert_int_equal(tplc_deployment_parse("SaMD"),
	                 TPLC_DEPLOYMENT_SOFTWARE);
	assert_int_equal(tplc_deployment_parse("software-only"),
	                 TPLC_DEPLOYMENT_SOFTWARE);
	assert_int_equal(tplc_deployment_parse("cloud"), -1);
	assert_int_equal(tplc_deployment_parse(""), -1);
	assert_int_equal(tplc_deployment_parse(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raci__every_default_cell),
		cmocka_unit_test(test_raci__seed_table),
		cmocka_unit_test(test_raci__gradual),
		cmocka_unit_test(test_raci__merge_precedence),
		cmocka_unit_test(test_raci__gaps),
		cmocka_unit_test(test_raci__too_many_parties),
		cmocka_unit_test(test_raci__letters),
		cmocka_unit_test(test_raci__names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/inventory.h"
#include "util/alloc.h"

static struct tplc_inventory *parse_ok(const char *text)
{
	struct tplc_inventory *inv = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_inventory_parse_csv(&inv, text, strlen(text), "inv.csv",
	                             &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return inv;
}

static void test_inventory__good_file(void **state)
{
	const char *text =
	        "\xef\xbb\xbf"
	        "Asset ID,Serial Number,MFR,Model Name,SW Version,MAC Address,"
	        "IP Address,Host Name,Facility,Building/Room,Dept,"
	        "Device Class,In Service Date,EOL Date,End of Support,"
	        "Purchase Price\r\n"
	        "\r\n"
	        "INF-0001,SN1,\"Baxter, Inc.\",Sigma Spectrum,8.00.01,"
	        "00-1A-2B-3C-4D-5E,10.1.2.3,pump-1,Main,\"B2, Room 14\nbed 3\","
	        "ICU,Infusion,2021/3/7,12/31/2027,2029-06-30,\"$4,000\"\r\n"
	        "CT-7,,GE,Revolution,,001a.2b3c.4d5f,2001:DB8:0:0::1,,,,,"
	        "imaging,,,,\r\n"
	        ",,,,,,,,,,,,,,,\r\n"
	        "CT-7,,GE,Revolution,,001A2B3C4D60,,,Annex,,,  Monitor ,,,,\n";
	struct tplc_inventory *inv = parse_ok(text);
	const struct tplc_device *d;

	(void)state;
	assert_int_equal(inv->device_count, 3);
	assert_int_equal(inv->unknown_column_count, 1);
	assert_string_equal(inv->unknown_columns[0], "Purchase Price");
	d = &inv->devices[0];
	assert_string_equal(d->asset_tag, "INF-0001");
	assert_string_equal(d->serial, "SN1");
	assert_string_equal(d->manufacturer, "Baxter, Inc.");
	assert_string_equal(d->model, "Sigma Spectrum");
	assert_string_equal(d->version, "8.00.01");
	assert_string_equal(d->mac, "00:1a:2b:3c:4d:5e");
	assert_string_equal(d->ip, "10.1.2.3");
	assert_string_equal(d->hostname, "pump-1");
	assert_string_equal(d->site, "Main");
	assert_string_equal(d->location, "B2, Room 14\nbed 3");
	assert_string_equal(d->department, "ICU");
	assert_string_equal(d->clinical_function, "therapy");
	assert_string_equal(d->install_date, "2021-03-07");
	assert_string_equal(d->eol_date, "2027-12-31");
	assert_string_equal(d->eos_date, "2029-06-30");
	assert_int_equal(d->source_line, 3);
	d = &inv->devices[1];
	assert_string_equal(d->mac, "00:1a:2b:3c:4d:5f");
	assert_string_equal(d->ip, "2001:db8::1");
	assert_string_equal(d->clinical_function, "diagnosis");
	assert_null(d->serial); /* empty is NULL, never "" */
	assert_null(d->site);
	assert_null(d->install_date);
	assert_int_equal(d->source_line, 5);
	/* the same tag at another site is another device */
	d = &inv->devices[2];
	assert_string_equal(d->site, "Annex");
	assert_string_equal(d->clinical_function, "monitoring");
	assert_int_equal(d->source_line, 7);
	tplc_inventory_free(inv);

	/* canonical names, any case and punctuation; no unknown columns */
	inv = parse_ok("ASSET_TAG,manufacturer,model,clinical-function\n"
	               "A1,Philips,IntelliVue MX40,data\n");
	assert_int_equal(inv->device_count, 1);
	assert_null(inv->unknown_columns);
	assert_string_equal(inv->devices[0].clinical_function, "data");
	tplc_inventory_free(inv);

	/* a header and nothing else is an empty inventory */
	inv = parse_ok("Tag,Make,Model\n");
	assert_int_equal(inv->device_count, 0);
	assert_null(inv->devices);
	tplc_inventory_free(inv);
}

static void expect_error(const char *text, const char *message)
{
	struct tplc_inventory *inv = (struct tplc_inventory *)1;
	struct tplc_error err;
	char msg[1024];

	assert_int_equal(tplc_inventory_parse_csv(&inv, text, strlen(text),
	                                          "inv.csv", &err),
	                 TPLC_EPARSE);
	assert_null(inv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

#define HEAD "Asset Tag,Manufacturer,Model,MAC,IP,Install Date,Function,Site\n"

static void test_inventory__errors(void **state)
{
	(void)state;
	expect_error("", "inv.csv:1:1: empty file: expected a header row "
	                 "(Asset Tag,Manufacturer,Model,...)");
	expect_error("Asset Tag,Vendor,Serial\nA,B,C\n",
	             "inv.csv:1:1: Model: missing required column");
	expect_error("Asset Tag,Vendor,Make,Model\n",
	             "inv.csv:1:18: Make: duplicate column: \"Vendor\" already "
	             "gives the Manufacturer");
	expect_error(HEAD "A1,GE,CT,,,,,\n  ,GE,CT,,,,,\n",
	             "inv.csv:3:1: Asset Tag: empty asset tag");
	expect_error(HEAD "A1,GE,CT,,,,,Main\nA2,GE,CT,,,,,\n"
	                  "\"A1\",GE,CT,,,,,Main\n",
	             "inv.csv:4:1: Asset Tag: duplicate asset tag \"A1\" "
	             "(first on line 2) at site Main");
	expect_error(HEAD "A1,GE,CT,00:1a:2b:3c:4d,,,,\n",
	             "inv.csv:2:10: MAC: malformed MAC address (expected "
	             "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or "
	             "12 hex digits)");
	expect_error(HEAD "A1,GE,CT,00:1a-2b:3c:4d:5e,,,,\n",
	             "inv.csv:2:10: MAC: malformed MAC address (expected "
	             "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or "
	             "12 hex digits)");
	expect_error(HEAD "A1,GE,CT,,10.0.0.256,,,\n",
	             "inv.csv:2:11: IP: malformed IP address");
	expect_error(HEAD "A1,GE,CT,,fe80::1%eth0,,,\n",
	             "inv.csv:2:11: IP: malformed IP address");
	expect_error(HEAD "A1,GE,CT,,,2021-13-01,,\n",
	             "inv.csv:2:12: Install Date: no such date");
	expect_error(HEAD "A1,GE,CT,,,2023-02-29,,\n",
	             "inv.csv:2:12: Install Date: no such date");
	expect_error(HEAD "A1,GE,CT,,,March 2021,,\n",
	             "inv.csv:2:12: Install Date: expected a date (YYYY-MM-DD,"
	             " YYYY/MM/DD or MM/DD/YYYY)");
	expect_error(HEAD "A1,GE,CT,,,,Coffee,\n",
	             "inv.csv:2:13: Function: unknown clinical function "
	             "\"Coffee\" (allowed: therapy, diagnosis, monitoring, "
	             "workflow, data)");
	expect_error(HEAD "A1,GE,CT,,,,\n",
	             "inv.csv:2:1: expected 8 fields, found 7");
	expect_error(HEAD "A1,GE,\"CT,,,,,\n",
	             "inv.csv:2:7: unterminated quoted field");
}

static void test_inventory__leap_day_and_formats(void **state)
{
	struct tplc_inventory *inv =
	        parse_ok("Tag,Make,Model,Installed,EOL,EOS\n"
	                 "A,B,C,2024-02-29,2/29/2000,2024/1/2\n");

	(void)state;
	assert_string_equal(inv->devices[0].install_date, "2024-02-29");
	assert_string_equal(inv->devices[0].eol_date, "2000-02-29");
	assert_string_equal(inv->devices[0].eos_date, "2024-01-02");
	tplc_inventory_free(inv);
	expect_error("Tag,Make,Model,EOL\nA,B,C,2/29/1900\n",
	             "inv.csv:2:7: EOL: no such date");
}

static void test_inventory__out_of_memory(void **state)
{
	const char *text = "Asset Tag,Manufacturer,Model,MAC,Color\n"
	                   "A1,GE,CT,aabbccddeeff,red\nA2,GE,MR,,blue\n";
	struct tplc_inventory *inv;
	struct tplc_error err;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_inventory_parse_csv(&inv, text, strlen(text), "m",
		                                 &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(inv);
	}
	assert_true(n > 0);
	assert_int_equal(inv->device_count, 2);
	assert_string_equal(inv->devices[0].mac, "aa:bb:cc:dd:ee:ff");
	tplc_inventory_free(inv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inventory__good_file),
		cmocka_unit_test(test_inventory__errors),
		cmocka_unit_test(test_inventory__leap_day_and_formats),
		cmocka_unit_test(test_inventory__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

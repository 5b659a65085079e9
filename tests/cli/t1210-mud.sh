#!/bin/sh
# tplc mud: a MUD profile (the luminaire of the CiscoDevNet MUD manager's
# tests) per product, the site's bindings from its controller config, the
# rules a device gets, flows checked against them, and nftables output.
. "$TPLC_SOURCE_ROOT/tests/lib/test-lib.sh"
test_require_shared

LUM=$SHARED/mud/luminaire

test_expect_success 'write the fleet' '
	cat >inventory.csv <<-\EOT &&
	Asset Tag,Manufacturer,Model,Software Version,IP Address,End of Support
	LUM-1,Luminaire Example,Luminaire 150,1.0,10.1.2.7,2020-01-01
	LUM-2,Luminaire Example,Luminaire 150,1.0,10.1.2.8,2099-01-01
	PUMP-1,Acme Medical,InfuPump 3000,1.2.0,10.1.3.9,
	EOT
	tplc --quiet device import inventory.csv >/dev/null
'

test_expect_success 'import the profile, with an audit entry' '
	tplc --quiet mud import "$LUM/fs/Luminaire_150.json" \
		--product "Luminaire 150" --by alice &&
	tplc mud show "Luminaire 150" >show.out &&
	test_grep "url: https://luminaire.example.com/Luminaire_150" show.out &&
	test_grep "acl mud-21966-v4fr (from-device)" show.out &&
	test_grep "accept cl0-frdev proto 6 peer dnsname fw-update" show.out &&
	test "$(sqlite3 "$TPLC_DB" "SELECT count(*) FROM audit_log
		WHERE action = '\''mud.import'\''")" = 1
'

test_expect_success 're-import replaces' '
	tplc --quiet mud import "$LUM/fs/Luminaire_150.json" \
		--product "Luminaire 150" --by alice &&
	test "$(sqlite3 "$TPLC_DB" "SELECT count(*) FROM mud_profiles")" = 1
'

test_expect_success 'bind the controller config' '
	tplc mud bind fw-update.luminaire.example.com 172.12.212.10 --by bob &&
	tplc mud bind http://lightcontroller.example.com 10.1.1.5 --by bob &&
	tplc mud bind my-controller 10.1.1.4 --product "Luminaire 150" \
		--by bob &&
	tplc mud bind local-networks "10.1.1.0 0.0.0.255" \
		--product "Luminaire 150" --by bob &&
	tplc mud bindings >bindings.out &&
	test "$(wc -l <bindings.out)" = 4 &&
	test_grep "^Luminaire Example Luminaire 150	my-controller	10.1.1.4	bob" \
		bindings.out
'

test_expect_success 'rules of one device' '
	tplc mud rules LUM-1 --dns >rules.out &&
	cat >expect <<-\EOT &&
	permit from-device tcp 172.12.212.10 (fw-update.luminaire.example.com) peer-port 443 initiated from-device  [mud-21966-v4fr/cl0-frdev]
	permit from-device udp 10.1.1.4 (my-controller) peer-port 5684  [mud-21966-v4fr/myctl0-frdev]
	permit from-device udp 10.1.1.0/24 (local-networks) peer-port 5683  [mud-21966-v4fr/loc0-frdev]
	permit to-device tcp 172.12.212.10 (fw-update.luminaire.example.com) peer-port 443 initiated from-device  [mud-21966-v4to/cl0-todev]
	permit to-device udp 10.1.1.4 (my-controller) peer-port 5684  [mud-21966-v4to/myctl0-todev]
	permit to-device udp 10.1.1.0/24 (local-networks) peer-port 5683  [mud-21966-v4to/loc0-todev]
	permit from-device udp any (resolver) peer-port 53  [default/dns]
	deny any ip any  [default/default]
	EOT
	test_cmp expect rules.out &&
	tplc --json mud rules LUM-1 >rules.json &&
	python3 -c "import json,sys; d=json.load(open(\"rules.json\"));
assert d[\"device\"] == \"10.1.2.7\", d
assert len(d[\"rules\"]) == 7, d"
'

test_expect_success 'check flows' '
	tplc mud check LUM-1 --peer 172.12.212.10 --proto tcp --dport 443 \
		--initiated from-device >c1 &&
	echo "allowed (by mud-21966-v4fr/cl0-frdev)" >expect &&
	test_cmp expect c1 &&
	test_expect_code 1 tplc mud check LUM-1 --peer 172.12.212.10 \
		--proto tcp --dport 22 --initiated from-device >c2 &&
	echo "denied: unexpected-port (nearest mud-21966-v4fr/cl0-frdev)" \
		>expect && test_cmp expect c2 &&
	test_expect_code 1 tplc mud check LUM-1 --peer 8.8.8.8 \
		--proto tcp --dport 443 --initiated from-device >c3 &&
	test_grep "^denied: unexpected-peer" c3 &&
	test_expect_code 1 tplc mud check LUM-1 --peer 172.12.212.10 \
		--proto tcp --sport 443 --dport 40000 --initiated to-device >c4 &&
	test_grep "^denied: unexpected-direction (nearest mud-21966-v4to/cl0-todev)" c4
'

test_expect_success 'no profile, unknown device' '
	test_expect_code 66 tplc mud rules PUMP-1 &&
	test_expect_code 66 tplc mud rules NOPE
'

test_expect_success 'bad input leaves the store unchanged' '
	db_dump >before &&
	sed "s/\"protocol\": 6/\"protocol\": 600/" \
		"$LUM/fs/Luminaire_150.json" >bad.json &&
	test_expect_code 65 tplc mud import bad.json --product "Luminaire 150" \
		--by mallory 2>err &&
	test_grep "acl\[0\].aces.ace\[0\].matches.ipv4.protocol" err &&
	test_expect_code 64 tplc mud bind my-controller not-an-ip --by mallory &&
	test_expect_code 66 tplc mud import "$LUM/fs/Luminaire_150.json" \
		--product "No Such" --by mallory &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'nftables ruleset for end-of-support devices' '
	tplc mud nft --stage eos >eos.nft &&
	test_grep "chain dev0_LUM_1_out" eos.nft &&
	! grep LUM_2 eos.nft &&
	test_grep "ip daddr 172.12.212.10 meta l4proto 6 tcp dport 443 accept" eos.nft &&
	tplc mud nft >all.nft &&
	test_grep "dev1_LUM_2_in" all.nft
'

if nft -c -f /dev/null >/dev/null 2>&1; then
	test_expect_success 'nft -c accepts the ruleset' '
		nft -c -f all.nft && nft -c -f eos.nft
	'
else
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP nft -c needs CAP_NET_ADMIN here"
fi

test_done

#!/bin/sh
# t0800-user.sh: fazhi user add|passwd|disable|enable|list: accounts with
# roles in units, password rules, argon2id hashes (never the password),
# refusals that change nothing, and the audit trail.
. "$TOP/tests/lib/lib.sh"

setup_db
echo 'correct-horse-battery' >"$T/pw"
run 0 "$FAZHI" user add --db "$DB" --name 张三 --role sfj:supervisor \
    --role 371522102:联络员 --password-stdin zhangsan <"$T/pw"
has "$T/out" "已创建账号 zhangsan" "add says so"
eq "$(sql "SELECT count(*) FROM account_role WHERE account_id = (SELECT id FROM account WHERE login = 'zhangsan')")" \
    2 "two roles stored"
eq "$(sql "SELECT substr(password_hash, 1, 10) FROM account")" '$argon2id$' \
    "the password is kept as an argon2id hash"
lacks "$T/out" "correct-horse-battery" "the password is not printed"
if dump_all | grep -q "correct-horse-battery"; then not_ok "the password is nowhere in the store"
else ok "the password is nowhere in the store"; fi

run 0 "$FAZHI" user list --db "$DB" --json
has "$T/out" '"role": "supervisor"' "list shows the supervisor role"
has "$T/out" '"unit_name": "莘县朝城镇人民政府"' "list names the town"

# Refusals: nothing changes.
before=$(dump_tables account account_role)
echo 'short' >"$T/weak"
run 1 "$FAZHI" user add --db "$DB" --name 李四 --password-stdin lisi <"$T/weak"
has "$T/err" "10 个字符" "a short password is refused"
run 1 "$FAZHI" user add --db "$DB" --name 重名 --password-stdin zhangsan <"$T/pw"
has "$T/err" "已被使用" "a login already taken is refused"
run 1 "$FAZHI" user add --db "$DB" --name 王五 --role nope:clerk \
    --password-stdin wangwu <"$T/pw"
has "$T/err" "nope" "an unknown unit code is named"
run 1 "$FAZHI" user add --db "$DB" --name 赵六 --password-stdin "Bad Login" <"$T/pw"
has "$T/err" "登录名" "an invalid login is refused"
run 2 "$FAZHI" user add --db "$DB" --name 钱七 --role sfj:boss --password-stdin qianqi <"$T/pw"
run 2 "$FAZHI" user add --db "$DB" --password-stdin noname <"$T/pw"
run 1 "$FAZHI" user passwd --db "$DB" --password-stdin nobody <"$T/pw"
has "$T/err" "nobody" "passwd of an unknown login names it"
eq "$(dump_tables account account_role)" "$before" "the refusals changed nothing"

# Without a terminal and without --password-stdin there is no password.
run 1 "$FAZHI" user add --db "$DB" --name 孙八 sunba </dev/null
has "$T/err" "password-stdin" "no terminal: says to use --password-stdin"

# passwd and disable, each audited.
old=$(sql "SELECT password_hash FROM account WHERE login = 'zhangsan'")
echo 'another-long-secret' | run 0 "$FAZHI" user passwd --db "$DB" --password-stdin zhangsan
new=$(sql "SELECT password_hash FROM account WHERE login = 'zhangsan'")
if [ "$old" != "$new" ]; then ok "passwd changes the hash"; else not_ok "passwd changes the hash"; fi
run 0 "$FAZHI" user disable --db "$DB" zhangsan
eq "$(sql "SELECT disabled FROM account WHERE login = 'zhangsan'")" 1 "disable marks the account"
run 0 "$FAZHI" user enable --db "$DB" zhangsan
eq "$(sql "SELECT disabled FROM account WHERE login = 'zhangsan'")" 0 "enable clears it"
eq "$(sql "SELECT action FROM audit WHERE object = 'zhangsan' ORDER BY id" | tr '\n' ' ')" \
    "account.add account.passwd account.disable account.enable " "every change is in the audit log"
run 0 "$FAZHI" user --help
has "$T/out" "用法" "user --help"

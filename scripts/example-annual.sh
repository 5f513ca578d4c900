#!/bin/sh
# example-annual.sh: the committed example of the 法治政府建设年度报告,
# docs/examples/annual-2022/, made from the demonstration year: a fresh
# demo store (scripts/demo.sh without serving), `fazhi report annual --year
# 2022`, the one sentence the draft flags 待核实 (part two's 原因, which
# only a person can write) written as an editor would, then submit,
# approve and publish; the published DOCX, its pages as PNG (LibreOffice
# headless, then pdftoppm) and the hash fazhi stored when publishing.
# Needs jq, soffice and pdftoppm (scripts/deps.sh test).
# Usage: scripts/example-annual.sh BUILD_DIR [OUT_DIR]
# SPDX-License-Identifier: MIT
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-docs/examples/annual-2022}
fazhi="./$build/fazhi"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
db=$work/demo.db
name=莘县2022年度法治政府建设情况的报告

FAZHI_DEMO_NO_SERVE=1 FAZHI_DEMO_DB="$db" scripts/demo.sh "$build" >"$work/demo.out"
"$fazhi" report annual --db "$db" --year 2022 --format json -o "$work/draft.json"
# Where the flagged sentences are (part, paragraph, sentence from 1).
jq -r '.parts | to_entries[] | .key as $p | .value.paragraphs | to_entries[]
    | .key as $q | .value.sentences | to_entries[] | select(.value.flag)
    | "\($p + 1) \($q + 1) \(.key + 1) \(.value.text)"' "$work/draft.json" >"$work/flags"
if [ "$(wc -l <"$work/flags")" -ne 1 ] || ! grep -q '〔请分析原因〕' "$work/flags"; then
	echo "example-annual: the draft flags other sentences than part two's 原因:" >&2
	cat "$work/flags" >&2
	exit 1
fi
read -r part para sent _ <"$work/flags"
"$fazhi" report annual edit --db "$db" --part "$part" --paragraph "$para" \
    --sentence "$sent" --no-claim --reason "撰写原因分析" --text \
    "产生上述问题的原因主要是：一是部分部门业务系统与省电子证照库对接滞后，“无证明城市”建设和村级电子政务外网接入受技术条件制约；二是个别单位对行政规范性文件报送备案时限把握不严，政务服务差评整改跟踪不够及时；三是部分单位报送的进展情况不够具体，督促检查和考核结果运用还不够有力。" \
    1 >/dev/null
"$fazhi" report annual submit --db "$db" 1 >/dev/null
"$fazhi" report annual approve --db "$db" 1 >/dev/null
"$fazhi" report annual publish --db "$db" 1 >"$work/publish.out"
mkdir -p "$out"
rm -f "$out"/*.docx "$out"/page-*.png
"$fazhi" report annual --db "$db" --year 2022 -o "$out/$name.docx" >/dev/null
cp "$out/$name.docx" "$work/report.docx"
(cd "$work" && HOME="$work" timeout 300 soffice --headless --convert-to pdf \
    report.docx >/dev/null 2>&1)
pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p' >"$out/pages.txt"
pdftoppm -r 72 -gray -png "$work/report.pdf" "$out/page"
sed -n 's/^DOCX SHA-256 //p' "$work/publish.out" >"$out/docx.sha256"
echo "wrote $out: $(cat "$out/pages.txt") pages" >&2

#!/usr/bin/env bash
# Renders page 1 of a .docx to PNG through LibreOffice, to check the layout of generated documents (docs/adr/0012).
#   scripts/render-docx.sh IN.docx OUT_DIR
# Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>.png (page 1, 80 dpi) and prints the PNG's path on stdout.
# Needs soffice (libreoffice-writer) and pdftoppm (poppler-utils); CJK glyphs need a CJK font (fonts-noto-cjk).
set -euo pipefail

die() { echo "render-docx: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 IN.docx OUT_DIR"
in=$1 out=$2
[ -f "$in" ] || die "no such file: $in"
command -v soffice >/dev/null 2>&1 || die "soffice not found: install LibreOffice (apt-get install libreoffice-writer)"
command -v pdftoppm >/dev/null 2>&1 || die "pdftoppm not found: install poppler (apt-get install poppler-utils)"
# Without any Chinese font every character would render as a box.
[ -n "$(fc-list :lang=zh family 2>/dev/null)" ] || die "no Chinese font installed: install fonts-noto-cjk (or the official fonts)"

mkdir -p "$out"
out=$(cd "$out" && pwd)
name=$(basename "${in%.*}")

# A private LibreOffice profile: two conversions sharing one profile block each other or fail.
profile=$(mktemp -d "${TMPDIR:-/tmp}/render-docx.XXXXXX")
trap 'rm -rf "$profile"' EXIT

# Without the official fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体) fontconfig would fall back to a Latin
# sans face plus glyph fallback; this config adds the nearest installed faces after each official name, so the real
# fonts still win where they are installed.
export FONTCONFIG_FILE
FONTCONFIG_FILE="$(cd "$(dirname "$0")" && pwd)/render-fonts.conf"

log=$profile/soffice.log
pdf=$out/$name.pdf
rm -f "$pdf" "$out/$name.png" # soffice can exit 0 without writing: never report an old file
if ! timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$profile/user" \
    --convert-to pdf --outdir "$out" "$in" >"$log" 2>&1; then
  cat "$log" >&2
  die "soffice failed to convert $in"
fi
[ -s "$pdf" ] || { cat "$log" >&2; die "soffice wrote no PDF for $in"; }

pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$out/$name" || die "pdftoppm failed on $pdf"
[ -s "$out/$name.png" ] || die "pdftoppm wrote no PNG for $pdf"
echo "$out/$name.png"

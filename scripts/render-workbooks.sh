#!/usr/bin/env bash
# Renders report workbooks to PNG pages through LibreOffice, for a person to look at (not run in CI).
#   scripts/render-workbooks.sh [file.xlsx | directory]...
# Default: the workbooks the report tests keep in .data/test-results/workbooks/. Pages go to a png/
# folder beside each workbook: <name>-<page>.png. Needs soffice (libreoffice-calc-nogui) and
# pdftoppm (poppler-utils); fonts-noto-cjk for Chinese text.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }

inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=("$ROOT/.data/test-results/workbooks")
files=()
for input in "${inputs[@]}"; do
  if [ -d "$input" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$input" -maxdepth 1 -name '*.xlsx' | sort)
  else
    files+=("$input")
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "no workbooks found in ${inputs[*]}" >&2; exit 1; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for file in "${files[@]}"; do
  out="$(dirname "$file")/png"
  mkdir -p "$out"
  name="$(basename "$file" .xlsx)"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
  rm -f "$out/$name"-*.png
  pdftoppm -r 70 -png "$out/$name.pdf" "$out/$name"
  echo "$file -> $(ls "$out/$name"-*.png | wc -l) page(s) in $out"
done

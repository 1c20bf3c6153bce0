#!/usr/bin/env bash
# Lighthouse (default mobile run) on the home page, a method page and the methods index,
# served with gzip from site/. Needs Node 20 and Chromium; installs lighthouse@12.2.3 into
# a temporary folder from the npm registry. Prints the four category scores per page, and the
# timings behind the performance score (first and largest contentful paint, total blocking
# time, speed index, layout shift). RUNS=3 runs each page three times (the scores vary by a
# few points from run to run); PAGES="/ cy/ methods/" chooses other pages (/ is the home page).
#   bash tests/benchmarks/lighthouse.sh [site] [method-slug]
set -euo pipefail
site=${1:-site}
method=${2:-journey-mapping}
here=$(cd "$(dirname "$0")" && pwd)
tools=$(mktemp -d)
npm install --prefix "$tools" --silent lighthouse@12.2.3 >/dev/null
python3 "$here/serve.py" "$site" 8123 & server=$!
trap 'kill $server' EXIT
sleep 1
export CHROME_PATH=${CHROMIUM:-/usr/bin/chromium}
read -ra pages <<< "${PAGES:-/ methods/$method/ methods/}"
for path in "${pages[@]}"; do
 path=${path#/}
 for run in $(seq "${RUNS:-1}"); do
  "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:8123/$path" --quiet --output=json \
    --output-path="$tools/report.json" --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories;
    const s = k => Math.round(c[k].score * 100);
    const a = k => r.audits[k].numericValue;
    console.log(`/${process.argv[2]}: performance ${s("performance")}, accessibility ${s("accessibility")}, best practices ${s("best-practices")}, SEO ${s("seo")}` +
      ` (FCP ${Math.round(a("first-contentful-paint"))} ms, LCP ${Math.round(a("largest-contentful-paint"))} ms, TBT ${Math.round(a("total-blocking-time"))} ms, SI ${Math.round(a("speed-index"))} ms, CLS ${a("cumulative-layout-shift").toFixed(3)})`);
  ' "$tools/report.json" "$path"
 done
done

// Runs pa11y (HTML_CodeSniffer, WCAG2AA) on several pages in one Chromium, for
// tests/browser/test_htmlcs.py. Written here because pa11y's command line starts a browser for
// each page (seconds each) and pa11y-ci would be one more package for a loop of a few lines.
// Arguments: pa11y's folder, Chromium's path, then the addresses. Prints {address: issues}.
"use strict";
const [pa11yDir, chromium, ...urls] = process.argv.slice(2);
const pa11y = require(pa11yDir);
const puppeteer = require(require.resolve("puppeteer", { paths: [pa11yDir] }));
// pa11y's chromeLaunchConfig, given to the one browser that every page shares: Debian's
// Chromium (no download), without the sandbox (it runs as root here) and without Google's services.
const chromeLaunchConfig = {
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
};

(async () => {
  const browser = await puppeteer.launch(chromeLaunchConfig);
  const found = {};
  try {
    for (const url of urls) {
      const result = await pa11y(url, { browser, standard: "WCAG2AA", runners: ["htmlcs"], timeout: 60000 });
      found[url] = result.issues;
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

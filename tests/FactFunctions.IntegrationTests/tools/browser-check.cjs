// Opens the papers page in headless Chromium (Debian's chromium, driven by the pinned playwright-core) as a board
// member would from an e-mail link, and reports as JSON what the member sees:
//   the page's title and first heading, and axe-core's violations on it;
//   the meeting's published paper opened as HTML (its first heading, axe-core's violations);
//   the paper downloaded through the page (its file name and SHA-256);
//   what a tampered or expired link shows (status and first heading).
// Usage: node browser-check.cjs <papers-url | -> <refused-url>...   Every wait is bounded.
const crypto = require('node:crypto');
const fs = require('node:fs');
const { chromium } = require('playwright-core');
const axe = require('axe-core');

async function audit(page) {
  // The pages allow no script (CSP); the context bypasses CSP for the audit alone.
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
}

(async () => {
  const [papersUrl, ...refusedUrls] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 60000,
  });
  try {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, locale: 'en-GB' });
    context.setDefaultTimeout(30000);
    const page = await context.newPage();
    const report = {};

    report.refused = [];
    if (papersUrl === '-') {
      for (const url of refusedUrls) {
        const response = await page.goto(url);
        report.refused.push({ status: response.status(), heading: await page.locator('h1').first().innerText(), violations: await audit(page) });
      }

      process.stdout.write(JSON.stringify(report));
      return;
    }

    const papers = await page.goto(papersUrl);
    report.papers = {
      status: papers.status(),
      title: await page.title(),
      heading: await page.locator('h1').first().innerText(),
      publishedMeeting: await page.locator('section:has(span.status) h2').first().innerText(),
      firstInMeeting: await page.locator('section:has(span.status) > p, section:has(span.status) > table').first().innerText(),
      publishedSection: await page.locator('section:has(span.status)').first().innerText(),
      violations: await audit(page),
    };

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('section p:has(span.status) a[download]').first().click(),
    ]);
    const file = await download.path();
    report.download = {
      fileName: download.suggestedFilename(),
      sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    };

    await Promise.all([page.waitForLoadState('load'), page.locator('section p:has(span.status) a:not([download])').first().click()]);
    report.html = {
      url: page.url(),
      title: await page.title(),
      heading: await page.locator('h1').first().innerText(),
      text: await page.locator('main').innerText(),
      violations: await audit(page),
    };

    for (const url of refusedUrls) {
      const response = await page.goto(url);
      report.refused.push({ status: response.status(), heading: await page.locator('h1').first().innerText(), violations: await audit(page) });
    }

    process.stdout.write(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch(error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});

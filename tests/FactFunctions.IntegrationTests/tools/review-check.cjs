// Clearance in headless Chromium (Debian's chromium, driven by the pinned playwright-core), as clearers would from their
// e-mail links, with the pages' own Content-Security-Policy in force for every form posted:
//   the review page before answering (status, first heading, forms, axe-core's violations, audited in a second context
//     that bypasses CSP for axe alone);
//   clearer A presses "Clear this version"; clearer B writes a comment and presses "Return with this comment";
//   clearer C has the page open in two tabs and presses clear in one and return in the other at once (the answer
//     pages, the one recorded and the one refused, audited by axe-core);
//   A's review page afterwards, audited by axe-core.
// Usage: node review-check.cjs <review-url-A> <review-url-B> <review-url-C> <comment>   Every wait is bounded.
const { chromium } = require('playwright-core');
const axe = require('axe-core');

async function audit(context, url) {
  const page = await context.newPage();
  const response = await page.goto(url);
  const found = await violations(page);
  const seen = {
    status: response.status(),
    heading: await page.locator('h1').first().innerText(),
    text: await page.locator('main').innerText(),
    forms: await page.locator('form').count(),
    marked: await page.locator('section.yours').count(),
    violations: found,
  };
  await page.close();
  return seen;
}

async function violations(page) {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
}

// Presses a form's button; in the auditing context the answer page is audited too.
async function press(page, button, audited) {
  const [response] = await Promise.all([page.waitForNavigation(), page.locator(`button:has-text("${button}")`).click()]);
  return {
    status: response.status(),
    heading: await page.locator('h1').first().innerText(),
    text: await page.locator('main').innerText(),
    violations: audited ? await violations(page) : [],
  };
}

(async () => {
  const [urlA, urlB, urlC, comment] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 60000,
  });
  try {
    const strict = await browser.newContext({ locale: 'en-GB' });
    const auditing = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
    strict.setDefaultTimeout(30000);
    auditing.setDefaultTimeout(30000);
    const report = { before: await audit(auditing, urlA) };

    const a = await strict.newPage();
    await a.goto(urlA);
    report.cleared = await press(a, 'Clear this version');

    const b = await strict.newPage();
    await b.goto(urlB);
    await b.locator('textarea#comment').fill(comment);
    report.returned = await press(b, 'Return with this comment');

    // The race runs where axe can audit the answer pages (one recorded, one refused).
    const tab1 = await auditing.newPage();
    const tab2 = await auditing.newPage();
    await tab1.goto(urlC);
    await tab2.goto(urlC);
    await tab2.locator('textarea#comment').fill('Sent from the second tab.');
    report.race = await Promise.all([press(tab1, 'Clear this version', true), press(tab2, 'Return with this comment', true)]);

    report.after = await audit(auditing, urlA);
    process.stdout.write(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch(error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});

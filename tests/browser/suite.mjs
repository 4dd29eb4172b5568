// The browser suite: a reader's session in Debian's chromium (headless, driven by playwright-core),
// against a real `newshound serve` on 127.0.0.1 over an index of the bundled sample news.
//
//   node tests/browser/suite.mjs --newshound build/app/newshound --samples samples --out <dir>
//
// It searches, uses autocomplete, clicks facets and chips, sets a date range by clicking and by brushing
// the histogram, pages, opens an article, follows a related story and a "similar stories" link, drives
// the keyboard shortcuts, checks right-to-left snippets, the page without JavaScript, the back button,
// that no page logs a console error, and runs axe-core (no serious or critical violation). Screenshots
// of the results page at desktop and phone widths go to <out>. Exit status: 0 when every check passes.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.NEWSHOUND_CHROMIUM || '/usr/bin/chromium';
// Every wait is bounded so a broken page fails the check instead of hanging CI.
const STEP_TIMEOUT_MS = 15000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const name of ['newshound', 'samples', 'out'])
    if (!out[name]) throw new Error(`missing --${name}`);
  return out;
}

// ---- the server ------------------------------------------------------------------------------------

function indexSamples(binary, samples, db) {
  const run = spawnSync(binary, ['index', '--db', db, samples], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`newshound index failed (${run.status}): ${run.stderr}${run.stdout}`);
}

// Starts `newshound serve --port 0` and resolves with its base URL once it announces the port.
function startServer(binary, db) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--threads', '4'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), STEP_TIMEOUT_MS);
    const onData = (chunk) => {
      log += chunk;
      const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, base: m[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
}

// ---- checks ----------------------------------------------------------------------------------------

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split('\n').join('\n  ')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function params(page) {
  return new URL(page.url()).searchParams;
}

// Console errors and uncaught exceptions on every page of a context, with the page's URL.
function watchConsole(context, sink) {
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') sink.push(`${page.url()}: console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => sink.push(`${page.url()}: uncaught: ${e.message}`));
  });
}

// A marker on the window survives in-place updates and dies with a full page load.
async function markWindow(page) {
  await page.evaluate(() => { window.__newshoundMarker = 1; });
}
async function stillSameWindow(page) {
  return page.evaluate(() => window.__newshoundMarker === 1);
}

async function hitCount(page) {
  return page.locator('#results .hit').count();
}

async function summaryTotal(page) {
  const text = await page.locator('#results .summary').innerText();
  const m = /([\d,]+) articles?/.exec(text);
  expect(m, `no total in summary "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

async function axeViolations(page) {
  // The axe source goes in through the devtools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// ---- the session -----------------------------------------------------------------------------------

async function main() {
  const opts = args();
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'newshound-browser-'));
  const db = join(work, 'db');
  indexSamples(resolve(opts.newshound), resolve(opts.samples), db);
  const { child, base } = await startServer(resolve(opts.newshound), db);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const consoleErrors = [];
  try {
    const desktop = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/London' });
    desktop.setDefaultTimeout(STEP_TIMEOUT_MS);
    watchConsole(desktop, consoleErrors);
    const page = await desktop.newPage();

    await check('home page has a labelled search box and landmarks', async () => {
      await page.goto(`${base}/`);
      expect(await page.getByLabel('Search news').count() === 1, 'search box has no label');
      expect(await page.locator('main').count() === 1, 'no main landmark');
      expect(await page.locator('header').count() === 1, 'no header landmark');
      expect(await page.locator('form[role=search]').count() === 1, 'no search landmark');
    });

    await check('autocomplete offers completions while typing', async () => {
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('ukr', { delay: 30 });
      await page.waitForFunction(() => document.querySelectorAll('#suggestions option').length > 0);
      const values = await page.locator('#suggestions option').evaluateAll((os) => os.map((o) => o.value));
      expect(values.some((v) => v.toLowerCase().startsWith('ukrain')), `suggestions: ${values}`);
    });

    await check('a search updates the page in place and puts the query in the URL', async () => {
      await markWindow(page);
      await page.locator('#q').fill('ukraine');
      await page.locator('#q').press('Enter');
      await page.waitForURL(/[?&]q=ukraine/);
      await page.locator('#results .hit').first().waitFor();
      expect(await stillSameWindow(page), 'the search reloaded the whole page');
      expect(await hitCount(page) === 10, `expected a full first page, got ${await hitCount(page)}`);
      expect(await page.title() === 'ukraine – newshound', `title "${await page.title()}"`);
    });

    await check('hits show headline, source, byline, local and relative date, language badge, snippet', async () => {
      const hit = page.locator('#results .hit').first();
      expect(await hit.locator('h3 a mark').count() > 0 || await hit.locator('.snippet mark').count() > 0, 'no highlight');
      expect((await hit.locator('.source').innerText()).length > 0, 'no source');
      expect(/^By /.test(await hit.locator('.byline').innerText()), 'no byline');
      const time = hit.locator('time');
      const printed = await time.getAttribute('title');
      expect(printed && /UTC/.test(printed), `the source's own time is not kept as a title: ${printed}`);
      const shown = await time.innerText();
      expect(/20\d\d/.test(shown) && !/UTC/.test(shown), `date not in the reader's locale: ${shown}`);
      expect(/ago|in /.test(await hit.locator('.relative').innerText()), 'no relative time');
      expect((await hit.locator('abbr.lang').getAttribute('title')) === 'English', 'no language badge');
      expect((await hit.locator('.snippet').innerText()).length > 40, 'no snippet');
    });

    await check('screenshots of the results page at desktop and phone widths', async () => {
      await page.screenshot({ path: join(out, 'results-desktop.png'), fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-GB' });
      watchConsole(phone, consoleErrors);
      const p = await phone.newPage();
      await p.goto(`${base}/?q=ukraine`);
      // No sideways scrolling on a phone.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow <= 0, `page is ${overflow}px wider than the phone`);
      await p.screenshot({ path: join(out, 'results-phone.png'), fullPage: false });
      await p.screenshot({ path: join(out, 'results-phone-full.png'), fullPage: true });
      await phone.close();
    });

    await check('a topic facet filters, shows a chip, and the chip removes it', async () => {
      const before = await summaryTotal(page);
      await markWindow(page);
      await page.locator('aside .facet', { hasText: 'Topics' }).getByRole('link', { name: 'Europe', exact: true }).click();
      await page.waitForURL(/topic=Europe/);
      const chip = page.locator('.filters .chip', { hasText: 'topic: Europe' });
      await chip.waitFor();
      const after = await summaryTotal(page);
      expect(after < before, `topic did not narrow: ${before} -> ${after}`);
      expect(await stillSameWindow(page), 'facet click reloaded the page');
      // Multi-select: a second topic adds to the first.
      await page.locator('aside .facet', { hasText: 'Topics' }).getByRole('link', { name: 'Energy', exact: true }).click();
      await page.waitForURL(/topic=Europe&topic=Energy/);
      await page.locator('.filters .chip', { hasText: 'topic: Energy' }).waitFor();
      await page.locator('.filters .chip', { hasText: 'topic: Energy' }).click();
      await page.waitForURL((u) => !u.searchParams.getAll('topic').includes('Energy'));
      expect(params(page).getAll('topic').join() === 'Europe', `topics now ${params(page).getAll('topic')}`);
    });

    await check('the back button restores the previous search', async () => {
      await page.goBack();
      await page.waitForURL(/topic=Energy/);
      await page.locator('.filters .chip', { hasText: 'topic: Energy' }).waitFor();
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.getAll('topic').join() === 'Europe');
      await page.locator('.filters .chip', { hasText: 'topic: Energy' }).waitFor({ state: 'detached' });
      await page.locator('.filters .chip', { hasText: 'topic: Europe' }).waitFor();
    });

    await check('clicking a histogram bar sets that date range', async () => {
      await page.goto(`${base}/?q=ukraine`);
      const bar = page.locator('.histogram a[data-from]').nth(1);
      const from = await bar.getAttribute('data-from');
      const to = await bar.getAttribute('data-to');
      await bar.click();
      await page.waitForURL((u) => u.searchParams.get('from') === from && u.searchParams.get('to') === to);
      await page.locator('.filters .chip', { hasText: `from ${from}` }).waitFor();
      const dates = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime').slice(0, 10)));
      expect(dates.length > 0 && dates.every((d) => d >= from && d <= to), `hits outside ${from}..${to}: ${dates}`);
    });

    await check('brushing across histogram bars sets a range', async () => {
      await page.goto(`${base}/?q=ukraine`);
      const bars = page.locator('.histogram a[data-from]');
      const n = await bars.count();
      expect(n >= 3, `only ${n} bars`);
      await page.locator('.histogram svg').scrollIntoViewIfNeeded();  // the mouse acts on the viewport
      const first = await bars.nth(0).locator('rect').boundingBox();
      const third = await bars.nth(2).locator('rect').boundingBox();
      const from = await bars.nth(0).getAttribute('data-from');
      const to = await bars.nth(2).getAttribute('data-to');
      await markWindow(page);
      await page.mouse.move(first.x + first.width / 2, first.y + first.height - 2);
      await page.mouse.down();
      await page.mouse.move(first.x + first.width + 4, third.y + third.height - 2, { steps: 4 });
      await page.mouse.move(third.x + third.width / 2, third.y + third.height - 2, { steps: 4 });
      await page.mouse.up();
      await page.waitForURL((u) => u.searchParams.get('from') === from && u.searchParams.get('to') === to);
      expect(await stillSameWindow(page), 'brushing reloaded the page');
    });

    await check('pages: Next goes to page 2 with the following hits', async () => {
      await page.goto(`${base}/?q=ukraine`);
      const firstPage = await page.locator('#results .hit h3 a').evaluateAll((as) => as.map((a) => a.href));
      await page.locator('.pages').getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(/page=2/);
      await page.locator('#results .hit').first().waitFor();
      const secondPage = await page.locator('#results .hit h3 a').evaluateAll((as) => as.map((a) => a.href));
      expect(secondPage.length > 0 && secondPage.every((h) => !firstPage.includes(h)), 'page 2 repeats page 1');
      expect(await page.locator('.pages [aria-current=page]').innerText() === '2', 'current page not marked');
    });

    await check('sorting by newest orders hits by date', async () => {
      await page.goto(`${base}/?q=ukraine`);
      await page.locator('select[name=sort]').selectOption('date');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/sort=date/);
      await page.locator('#results .hit').first().waitFor();
      const dates = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime'))));
      expect(dates.every((d, i) => i === 0 || dates[i - 1] >= d), `not newest first: ${dates}`);
    });

    await check('keyboard: / focuses the box, j and k move, Enter opens', async () => {
      await page.goto(`${base}/?q=ukraine`);
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement.id) === 'q', '/ did not focus the search box');
      await page.keyboard.press('Escape');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      const focused = await page.evaluate(() => document.activeElement.closest('.hit') === document.querySelectorAll('#results .hit')[0]);
      expect(focused, 'j j k did not land on the first result');
      expect(await page.locator('#results .hit.current').count() === 1, 'current result not marked');
      await page.keyboard.press('j');
      const target = await page.evaluate(() => document.activeElement.getAttribute('href'));
      expect(target && target.startsWith('/article/'), `focus is not on a headline: ${target}`);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === target);
      await page.locator('main.article h1').waitFor();
    });

    await check('the article page shows text, topics and related stories; a related story opens', async () => {
      await page.goto(`${base}/?q=drone+odesa+grain`);
      await page.locator('#results .hit h3 a').first().click();
      await page.waitForURL(/\/article\//);
      const here = page.url();
      expect((await page.locator('main.article article p').count()) >= 2, 'no body paragraphs');
      expect((await page.locator('main.article .topics a').count()) >= 1, 'no topics');
      const related = page.locator('.related li a');
      expect((await related.count()) >= 1, 'no related stories');
      const title = await related.first().innerText();
      await related.first().click();
      await page.waitForURL((u) => u.href !== here && u.pathname.startsWith('/article/'));
      expect((await page.locator('main.article h1').innerText()) === title, 'related link opened another story');
    });

    await check('a collapsed duplicate shows "1 similar story", which lists both copies', async () => {
      await page.goto(`${base}/?q=grain+terminal+odesa`);
      const similar = page.locator('#results .hit .similar').first();
      expect(/1 similar story/.test(await similar.innerText()), 'no similar-stories link');
      await similar.click();
      await page.waitForURL(/cluster=/);
      await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 2);
    });

    await check('right-to-left snippets run right to left; CJK and Devanagari are marked with their language', async () => {
      for (const lang of ['ar', 'ur', 'he']) {
        await page.goto(`${base}/?lang=${lang}`);
        const snippet = page.locator('#results .hit .snippet').first();
        expect((await snippet.getAttribute('lang')) === lang, `${lang}: snippet has no lang`);
        const direction = await snippet.evaluate((el) => getComputedStyle(el).direction);
        expect(direction === 'rtl', `${lang}: snippet direction is ${direction}`);
      }
      for (const lang of ['zh', 'ja', 'ko', 'hi']) {
        await page.goto(`${base}/?lang=${lang}`);
        const title = page.locator('#results .hit h3').first();
        expect((await title.getAttribute('lang')) === lang, `${lang}: title has no lang`);
        expect((await title.evaluate((el) => getComputedStyle(el).direction)) === 'ltr', `${lang}: not left to right`);
      }
      await page.screenshot({ path: join(out, 'results-hindi-desktop.png') });
      await page.goto(`${base}/?q=&source=Gulf+Herald&source=Coastal+Review&source=Karachi+Ledger&source=East+Port+Daily&source=Kansai+Shimbun&source=Deccan+Post`);
      await page.screenshot({ path: join(out, 'results-scripts-desktop.png'), fullPage: true });
    });

    await check('the page works without JavaScript: search, facet, paging', async () => {
      const plain = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
      watchConsole(plain, consoleErrors);
      const p = await plain.newPage();
      await p.goto(`${base}/`);
      await p.locator('#q').fill('ukraine');
      await p.getByRole('button', { name: 'Search' }).click();
      await p.waitForURL(/q=ukraine/);
      expect(await hitCount(p) === 10, 'no server-rendered hits');
      await p.locator('aside .facet', { hasText: 'Topics' }).getByRole('link', { name: 'Europe', exact: true }).click();
      await p.waitForURL(/topic=Europe/);
      await p.locator('.filters .chip', { hasText: 'topic: Europe' }).waitFor();
      await p.locator('.histogram a[data-from]').first().click();
      await p.waitForURL(/from=/);
      await plain.close();
    });

    await check('axe-core finds no serious or critical violation', async () => {
      const audit = await browser.newContext({ viewport: DESKTOP });
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true });
      const pages = [
        [audit, '/'], [audit, '/?q=ukraine'], [audit, '/?q=ukraine&topic=Europe&topic=Energy'], [audit, '/?lang=ar'],
        [audit, '/article/sample-21'], [audit, '/help'], [audit, '/no/such/page'], [audit, '/?page=0'], [phone, '/?q=ukraine'],
      ];
      const problems = [];
      for (const [context, path] of pages) {
        const p = await context.newPage();
        await p.goto(`${base}${path}`);
        for (const v of await axeViolations(p)) problems.push(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
        await p.close();
      }
      await audit.close();
      await phone.close();
      expect(problems.length === 0, problems.join('\n'));
    });

    await check('no page logged a console error or threw', async () => {
      expect(consoleErrors.length === 0, consoleErrors.join('\n'));
    });
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length}/${results.length} checks passed; screenshots in ${out}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

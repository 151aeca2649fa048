// Received data is text, never markup; links are safe; the page runs under the hub's strict CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as h from './harness.mjs';

let hub;
let browser;

before(async () => {
  hub = await h.startHub({ room: 'Security', args: ['--rate-limit', '0'] });
  browser = await h.launchBrowser();
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

test('the page and its files carry the strict Content-Security-Policy', async () => {
  const { context, page, response, problems } = await h.openPage(browser, hub.url, { name: 'csp' });
  try {
    const csp = response.headers()['content-security-policy'] || '';
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'",
      "connect-src 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('unsafe-inline'), csp);
    for (const file of ['app.js', 'i18n.js', 'style.css', 'icon.svg']) {
      const r = await page.request.get(hub.url + file);
      assert.equal(r.status(), 200, file);
      assert.ok((r.headers()['content-security-policy'] || '').includes("script-src 'self'"), file);
      assert.equal(r.headers()['x-content-type-options'], 'nosniff', file);
    }
    // The stylesheet really applied (a CSP block would leave the page unstyled).
    const display = await page.locator('#composer').evaluate((e) => getComputedStyle(e).display);
    assert.equal(display, 'flex');
    await h.sendFromPage(page, 'a normal message');
    await h.waitChat(page, 'a normal message');
    assert.deepEqual(await h.cspViolations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('markup in messages and names arrives as visible text and runs nothing', async () => {
  // bypassCSP: without the CSP's help, only the page's own text rendering stands between the
  // payload and the flag it would set. This is what this test checks.
  const victim = await h.openPage(browser, hub.url, { name: 'victim', bypassCSP: true });
  const attackerPage = await h.openPage(browser, hub.url, { name: 'page-attacker', bypassCSP: true });
  const attacker = await h.startPeer(hub.wsUrl, '<img src=x onerror=pwn()>');
  const payloads = [
    '<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1">',
    '<script>window.__pwned = (window.__pwned || 0) + 10</script>',
    '<svg onload="window.__pwned = 100"></svg><a href="javascript:window.__pwned=1000">x</a>',
  ];
  try {
    await victim.page.evaluate(() => {
      window.pwn = () => {
        window.__pwned = (window.__pwned || 0) + 10000;
      };
    });
    attacker.send(payloads[0]);
    attacker.send(payloads[1]);
    await h.waitChat(victim.page, payloads[1]);
    await h.sendFromPage(attackerPage.page, payloads[2]);
    for (const p of payloads) await h.waitChat(victim.page, p);

    const texts = (await h.chatLines(victim.page)).map((l) => l.text).slice(-3);
    assert.deepEqual(texts, payloads, 'each payload shown verbatim as text');
    const injected = await victim.page.locator('#messages img, #messages script, #messages svg, #people img, #messages a[href^="javascript"]').count();
    assert.equal(injected, 0, 'no element was created from received data');
    // The hostile name is shown as text in the message header and in the people list.
    assert.ok((await h.chatLines(victim.page)).some((l) => l.from === '<img src=x onerror=pwn()>'));
    assert.ok((await victim.page.locator('#people .person-name').allTextContents())
      .includes('<img src=x onerror=pwn()>'));
    // Give any handler that might have been attached a chance to run.
    await h.delay(500);
    assert.equal(await victim.page.evaluate(() => window.__pwned), undefined);
    assert.equal(await attackerPage.page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(victim.problems, []);
  } finally {
    await attacker.stop();
    await victim.context.close();
    await attackerPage.context.close();
  }
});

test('only http and https URLs become links, opened safely', async () => {
  const reader = await h.openPage(browser, hub.url, { name: 'reader' });
  const writer = await h.startPeer(hub.wsUrl, 'writer');
  const text = 'docs at https://example.com/a_(b)?q=1&r=2#top. Also javascript:alert(1), '
    + 'data:text/html,hi and (http://192.168.1.7:8765/)!';
  try {
    writer.send(text);
    await h.waitChat(reader.page, 'docs at');
    const message = reader.page.locator('#messages li.msg .text').last();
    assert.equal(await message.textContent(), text, 'the text itself is unchanged');
    const links = await message.locator('a').evaluateAll((as) => as.map((a) => ({
      href: a.getAttribute('href'), text: a.textContent, rel: a.rel, target: a.target,
    })));
    assert.deepEqual(links, [
      { href: 'https://example.com/a_(b)?q=1&r=2#top', text: 'https://example.com/a_(b)?q=1&r=2#top',
        rel: 'noopener noreferrer', target: '_blank' },
      { href: 'http://192.168.1.7:8765/', text: 'http://192.168.1.7:8765/',
        rel: 'noopener noreferrer', target: '_blank' },
    ]);
  } finally {
    await writer.stop();
    await reader.context.close();
  }
});

test('other rooms from /rooms.json are listed as safe links that carry the name along', async () => {
  const { context, page } = await h.openPage(browser, hub.url, { name: 'mover', waitJoined: false });
  let served = 0;
  // The hub of this test hears no other rooms; give the page what a busy LAN would look like.
  await page.route('**/rooms.json', (route) => {
    served += 1;
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify([
        { room: 'Kitchen', host: 'bob-laptop', url: 'http://192.168.1.7:8765/', people: 3 },
        { room: '<img src=x onerror=window.__pwned=1>', host: 'evil', url: 'javascript:window.__pwned=2', people: 1 },
        { room: 'Attic', host: '', url: 'http://10.0.0.2:8765/', people: 1 },
        { room: 'Broken', host: 'x', url: 42 },
        'not an object',
      ]),
    });
  });
  try {
    await page.reload();
    await h.waitConnected(page);
    const links = page.locator('#rooms a');
    await h.waitFor(async () => (await links.count()) === 2, 'two room links');
    assert.equal(await page.locator('#rooms-heading').textContent(), 'Other rooms on this network');
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), [
      ['Kitchen on bob-laptop', 'http://192.168.1.7:8765/#name=mover'],
      ['Attic', 'http://10.0.0.2:8765/#name=mover'],
    ]);
    assert.deepEqual(await page.locator('#rooms .room-people').allTextContents(), ['3 people', '1 person']);
    assert.equal(await page.locator('#rooms img').count(), 0);
    assert.ok(served >= 1);
  } finally {
    await context.close();
  }
});

test('a name handed over in the link is used on a first visit', async () => {
  const { context, page } = await h.openPage(browser, hub.url + '#name=' + encodeURIComponent('Zoë M'),
    { name: '', waitJoined: false });
  try {
    await h.waitConnected(page);
    assert.equal(await page.locator('#you-name').textContent(), 'Zoë M');
    assert.equal(new URL(page.url()).hash, '', 'the name is removed from the address');
  } finally {
    await context.close();
  }
});

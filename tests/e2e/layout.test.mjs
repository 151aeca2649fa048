// Phone and desktop layouts, the keyboard, the title's unread count, accessibility basics, and
// the screenshots for docs/ (written to LANCHAT_SCREENSHOT_DIR).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import * as h from './harness.mjs';

let hub;
let browser;

before(async () => {
  hub = await h.startHub({ room: 'Kitchen', args: ['--rate-limit', '0'] });
  browser = await h.launchBrowser();
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

// Nothing sticks out sideways, and the composer is fully on screen.
async function assertFits(page, width, height) {
  const m = await page.evaluate(() => {
    const box = (id) => document.getElementById(id).getBoundingClientRect().toJSON();
    return {
      docWidth: document.documentElement.scrollWidth,
      bodyWidth: document.body.scrollWidth,
      scrollerOverflow: document.getElementById('scroller').scrollWidth
        - document.getElementById('scroller').clientWidth,
      input: box('input'),
      send: box('send'),
    };
  });
  assert.ok(m.docWidth <= width, `page ${m.docWidth}px wide at ${width}px`);
  assert.ok(m.bodyWidth <= width, `body ${m.bodyWidth}px wide at ${width}px`);
  assert.ok(m.scrollerOverflow <= 0, `messages overflow sideways by ${m.scrollerOverflow}px`);
  for (const [name, b] of Object.entries({ input: m.input, send: m.send })) {
    assert.ok(b.left >= 0 && b.right <= width && b.top >= 0 && b.bottom <= height,
      `${name} on screen: ${JSON.stringify(b)}`);
    assert.ok(b.height >= 40, `${name} is a touch-sized target`);
  }
}

test('phone (360×740) and desktop layouts hold a conversation; screenshots', async () => {
  const anna = await h.openPage(browser, hub.url, { name: 'Anna', viewport: { width: 360, height: 740 } });
  const ben = await h.startPeer(hub.wsUrl, 'Ben');
  const chloe = await h.startPeer(hub.wsUrl, 'Chloé');
  const desk = await h.openPage(browser, hub.url, { name: 'Dev', viewport: { width: 1280, height: 800 } });
  try {
    ben.send('Pizza is here! Who wants a slice?');
    await h.waitChat(anna.page, 'Pizza is here!');
    await h.sendFromPage(anna.page, 'Me! Save one with mushrooms please');
    await h.waitChat(desk.page, 'Me! Save one');
    chloe.send('Slides from today: http://192.168.1.7:8765/files/slides.pdf');
    await h.waitChat(anna.page, 'Slides from today');
    chloe.send('Thanks everyone :)');
    await h.waitChat(anna.page, 'Thanks everyone');
    await h.sendFromPage(desk.page, 'I will bring the drinks up in 5 minutes');
    await h.waitChat(anna.page, 'I will bring the drinks');
    await anna.page.locator('#input').fill('See you in a bit');

    await assertFits(anna.page, 360, 740);
    await anna.page.screenshot({ path: path.join(h.screenshotDir, 'page-phone.png') });
    await assertFits(desk.page, 1280, 800);
    assert.equal(await desk.page.locator('#sidebar').isVisible(), true, 'people column on desktop');
    assert.equal(await desk.page.locator('#people-toggle').isVisible(), false);
    assert.deepEqual(await desk.page.locator('#people .person-name').allTextContents(),
      ['Anna', 'Ben', 'Chloé', 'Dev']);
    await desk.page.screenshot({ path: path.join(h.screenshotDir, 'page-desktop.png') });

    // A long word and a long link never widen the phone page.
    ben.send('x'.repeat(300) + ' http://example.com/' + 'a'.repeat(300));
    await h.waitChat(anna.page, 'xxxxxxxxxx');
    await assertFits(anna.page, 360, 740);

    // Reading back up: a new message does not pull the list down, a button offers to.
    await anna.page.locator('#scroller').evaluate((s) => {
      s.scrollTop = 0;
    });
    ben.send('while you were reading');
    await h.waitChat(anna.page, 'while you were reading');
    const jump = anna.page.getByRole('button', { name: 'New messages' });
    await jump.waitFor();
    assert.equal(await anna.page.locator('#scroller').evaluate((s) => s.scrollTop), 0);
    await jump.click();
    assert.ok(await anna.page.locator('#scroller').evaluate(
      (s) => s.scrollHeight - s.scrollTop - s.clientHeight < 2), 'at the bottom');
    assert.equal(await jump.isVisible(), false);

    // On the phone the people list is a panel behind the count button.
    assert.equal(await anna.page.locator('#sidebar').isVisible(), false);
    const toggle = anna.page.locator('#people-toggle');
    assert.equal(await toggle.getAttribute('aria-label'), '4 people in the room. Show people and settings');
    await toggle.click();
    assert.equal(await anna.page.locator('#sidebar').isVisible(), true);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await anna.page.screenshot({ path: path.join(h.screenshotDir, 'page-phone-people.png') });
    await anna.page.keyboard.press('Escape');
    assert.equal(await anna.page.locator('#sidebar').isVisible(), false);
    await toggle.click();
    await anna.page.mouse.click(10, 300); // beside the panel
    assert.equal(await anna.page.locator('#sidebar').isVisible(), false);
    assert.deepEqual(anna.problems, []);
    assert.deepEqual(desk.problems, []);
  } finally {
    await ben.stop();
    await chloe.stop();
    await anna.context.close();
    await desk.context.close();
  }
});

test('Enter sends, Shift+Enter starts a new line, blank input sends nothing', async () => {
  const { context, page } = await h.openPage(browser, hub.url, { name: 'typist' });
  const peer = await h.startPeer(hub.wsUrl, 'listener');
  try {
    const input = page.getByRole('textbox', { name: 'Message', exact: true });
    await input.click();
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    assert.equal(await input.inputValue(), 'line one\nline two');
    await page.keyboard.press('Enter');
    await peer.waitChat('typist', 'line one\\nline two');
    assert.equal(await input.inputValue(), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'input', 'focus stays');

    await page.keyboard.type('   ');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Send' }).click();
    await input.fill('');
    await page.keyboard.type('after blanks');
    await page.getByRole('button', { name: 'Send' }).click();
    await peer.waitChat('typist', 'after blanks');
    assert.deepEqual(peer.lines.filter((l) => l.startsWith('CHAT typist:')),
      ['CHAT typist: line one\\nline two', 'CHAT typist: after blanks']);
  } finally {
    await peer.stop();
    await context.close();
  }
});

test('unread messages count in the title while the page is hidden', async () => {
  const { context, page } = await h.openPage(browser, hub.url, { name: 'sleepy' });
  const peer = await h.startPeer(hub.wsUrl, 'talker');
  // Headless pages are always visible: pretend the tab went to the background.
  const setHidden = (hidden) => page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true, get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  try {
    assert.equal(await page.title(), 'Kitchen – LAN Chat');
    await setHidden(true);
    peer.send('are you there?');
    peer.send('hello?');
    await h.waitFor(async () => (await page.title()) === '(2) Kitchen – LAN Chat', 'the unread count');
    await setHidden(false);
    assert.equal(await page.title(), 'Kitchen – LAN Chat');
  } finally {
    await peer.stop();
    await context.close();
  }
});

test('labels, live region and focus order', async () => {
  const { context, page } = await h.openPage(browser, hub.url, { name: 'a11y' });
  try {
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
    await page.getByLabel('Sound for new messages').waitFor();
    assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#status').getAttribute('role'), 'status');
    // Tab order on desktop: the search button in the header, the message list (and the links in
    // it), the sidebar's controls, then the composer (attach, the text, send).
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const order = [];
    for (let i = 0; i < 12 && order[order.length - 1] !== 'send'; ++i) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    assert.deepEqual(order.filter((id) => id !== 'A'), ['search-toggle', 'scroller', 'rename', 'sound', 'attach', 'input', 'send']);

    // The sound is off by default; the choice is remembered.
    const sound = page.getByLabel('Sound for new messages');
    assert.equal(await sound.isChecked(), false);
    await sound.check();
    await page.reload();
    await h.waitConnected(page);
    assert.equal(await page.getByLabel('Sound for new messages').isChecked(), true);

    // A message from someone else is announced in the live region.
    const peer = await h.startPeer(hub.wsUrl, 'speaker');
    try {
      peer.send('announce me');
      await page.locator('#announcer p', { hasText: 'speaker: announce me' }).waitFor();
    } finally {
      await peer.stop();
    }
  } finally {
    await context.close();
  }
});

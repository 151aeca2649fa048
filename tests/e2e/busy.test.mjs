// A busy room on the page: messages drawn in batches with no layout per message, a bounded DOM
// that gives older messages back when scrolling up (keeping the reading position), the name
// dialog naming the room, right-to-left text and bidi controls, and no stale people list.
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

const phone = { width: 360, height: 740 };

// Sends n numbered lines from the Qt peer as fast as it can write them.
function flood(peer, prefix, n) {
  for (let i = 1; i <= n; ++i) peer.send(`${prefix} ${i}`);
}

// The first message in the DOM, and where it is on the screen (relative to the top of the
// scroller) when the scroller is scrolled to its top.
function firstShown(page) {
  return page.evaluate(() => {
    const s = document.getElementById('scroller');
    const li = s.querySelector('li.msg');
    const top = li.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
    return { seq: Number(li.dataset.seq), top };
  });
}

test('a flood is drawn in batches, without a layout per message, in a bounded DOM', async () => {
  const peer = await h.startPeer(hub.wsUrl, 'flooder');
  const guest = await h.openPage(browser, hub.url, { name: 'reader', viewport: phone });
  try {
    const cdp = await guest.context.newCDPSession(guest.page);
    await cdp.send('Performance.enable');
    const layouts = async () => (await cdp.send('Performance.getMetrics')).metrics
      .find((m) => m.name === 'LayoutCount').value;
    await guest.page.evaluate(() => {
      window.__msgRecords = 0;
      window.__msgAdded = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          const added = [...r.addedNodes].filter((n) => n.classList?.contains('msg')).length;
          if (added) {
            window.__msgRecords += 1;
            window.__msgAdded += added;
          }
        }
      }).observe(document.getElementById('messages'), { childList: true });
    });
    const layoutsBefore = await layouts();
    const n = 1000;
    flood(peer, 'busy', n);
    await h.waitChat(guest.page, `busy ${n}`, 20000);
    const layoutCount = (await layouts()) - layoutsBefore;
    const { records, added } = await guest.page.evaluate(
      () => ({ records: window.__msgRecords, added: window.__msgAdded }));
    // One insertion per animation frame, many messages each; a layout per frame at most, never
    // one per message (the page used to read scrollHeight after every message: n layouts).
    assert.ok(records < n / 5, `${records} insertions for ${added} messages`);
    assert.ok(layoutCount < n / 5, `${layoutCount} layouts for ${n} messages`);

    // Bounded: at most 300 messages in the DOM, the newest at the bottom and in view.
    const shown = await h.chatLines(guest.page);
    assert.ok(shown.length <= 300, `${shown.length} messages in the DOM`);
    assert.equal(shown.at(-1).text, `busy ${n}`);
    const nodes = await guest.page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(nodes < 300 * 12, `${nodes} DOM nodes`);
    await guest.page.screenshot({ path: path.join(h.screenshotDir, 'page-busy-phone.png') });

    // Scrolling up brings back what left the DOM, one page at a time, and what was at the top
    // stays where it was on the screen.
    let previous = await firstShown(guest.page);
    for (let i = 0; i < 3; ++i) {
      await guest.page.locator('#scroller').evaluate((s) => {
        s.scrollTop = 0;
      });
      const top = await h.waitFor(async () => {
        const now = await firstShown(guest.page);
        return now.seq < previous.seq ? now : null;
      }, 'older messages to come back');
      const same = await guest.page.evaluate((seq) => {
        const s = document.getElementById('scroller');
        const li = s.querySelector(`li.msg[data-seq="${seq}"]`);
        return li.getBoundingClientRect().top - s.getBoundingClientRect().top;
      }, previous.seq);
      assert.ok(Math.abs(same - previous.top) <= 2,
        `message ${previous.seq} moved from ${previous.top} to ${same} px`);
      assert.ok((await h.chatLines(guest.page)).length <= 300, 'still bounded');
      previous = top;
    }
    // Reading up there: a new message does not pull the reader down, "New messages" does.
    peer.send('while reading');
    await guest.page.locator('#jump').waitFor();
    assert.equal(await guest.page.locator('#jump').textContent(), 'New messages');
    await guest.page.locator('#jump').click();
    await h.waitChat(guest.page, 'while reading');
    assert.equal((await h.chatLines(guest.page)).at(-1).text, 'while reading');
    assert.ok(await guest.page.locator('#scroller').evaluate(
      (s) => s.scrollHeight - s.scrollTop - s.clientHeight < 2), 'at the bottom again');
    assert.deepEqual(guest.problems, []);
  } finally {
    await peer.stop();
    await guest.context.close();
  }
});

test('the name dialog names the room and how many are in it', async () => {
  const peer = await h.startPeer(hub.wsUrl, 'host-friend');
  const guest = await h.openPage(browser, hub.url, { name: '', waitJoined: false, viewport: phone });
  try {
    const dialog = guest.page.locator('#name-dialog');
    await h.waitText(dialog.locator('#name-title'), 'Join Kitchen');
    await h.waitText(dialog.locator('#name-room'), '1 person is in the room.');
    assert.equal(await guest.page.locator('#room-name').textContent(), 'Kitchen');
    await guest.page.screenshot({ path: path.join(h.screenshotDir, 'page-name-dialog.png') });
    await dialog.locator('#name-input').fill('newcomer');
    await dialog.locator('#name-input').press('Enter');
    await h.waitConnected(guest.page);
    await h.waitText(guest.page.locator('#people-heading'), '2 people in the room');
    assert.deepEqual(guest.problems, []);
  } finally {
    await peer.stop();
    await guest.context.close();
  }
});

test('right-to-left messages read right to left; bidi controls stay inside their text', async () => {
  const own = await h.startHub({ room: 'מטבח · مطبخ' });
  const hebrew = await h.startPeer(own.wsUrl, 'דנה');
  const arabic = await h.startPeer(own.wsUrl, 'سلمى');
  const guest = await h.openPage(browser, own.url, { name: 'Anna', viewport: phone });
  // The hub refuses bidi controls in names; a right-to-left name with a number after it is what
  // could still turn a line around without isolation.
  const trick = await h.startPeer(own.wsUrl, 'עוז 7');
  try {
    hebrew.send('שלום לכולם, הפיצה הגיעה! 🍕');
    await h.waitChat(guest.page, 'הפיצה');
    arabic.send('مرحبا، سأصل بعد عشر دقائق 👋');
    await h.waitChat(guest.page, 'مرحبا');
    trick.send('\u202Eabc 123 and more');
    await h.waitChat(guest.page, 'and more');
    await h.sendFromPage(guest.page, 'Great, see you soon 😀');
    await h.waitChat(guest.page, 'see you soon');

    const lines = await guest.page.locator('#messages li.msg').evaluateAll((items) => items.map((li) => {
      const text = li.querySelector('.text');
      const from = li.querySelector('.from');
      const time = li.querySelector('.time');
      return {
        from: li.dataset.from,
        dir: getComputedStyle(text).direction,
        textBidi: getComputedStyle(text).unicodeBidi,
        fromBidi: getComputedStyle(from).unicodeBidi,
        // The name comes before its time on the line (left to right on this page).
        nameBeforeTime: from.getBoundingClientRect().left < time.getBoundingClientRect().left,
      };
    }));
    const byFrom = Object.fromEntries(lines.map((l) => [l.from, l]));
    assert.equal(byFrom['דנה'].dir, 'rtl');
    assert.equal(byFrom['سلمى'].dir, 'rtl');
    assert.equal(byFrom.Anna.dir, 'ltr');
    for (const l of lines) {
      assert.equal(l.fromBidi, 'isolate', `${l.from}: name isolated`);
      assert.equal(l.textBidi, 'isolate', `${l.from}: text isolated`);
      assert.ok(l.nameBeforeTime, `${JSON.stringify(l.from)}: the name does not reorder the line`);
    }
    // A system line with the right-to-left name: the rest of the line stays in order.
    const joinedLine = guest.page.locator('#messages li.system', { hasText: 'עוז 7' }).first();
    const order = await joinedLine.evaluate((li) => {
      const name = li.querySelector('bdi');
      const time = li.querySelector('.time');
      return name && name.getBoundingClientRect().left < time.getBoundingClientRect().left;
    });
    assert.ok(order, 'the name in a system line is isolated');
    await guest.page.screenshot({ path: path.join(h.screenshotDir, 'page-rtl-phone.png') });
    await guest.page.setViewportSize({ width: 1280, height: 800 });
    await guest.page.screenshot({ path: path.join(h.screenshotDir, 'page-rtl-desktop.png') });
    assert.deepEqual(guest.problems, []);
  } finally {
    await hebrew.stop();
    await arabic.stop();
    await trick.stop();
    await guest.context.close();
    await own.stop();
  }
});

test('when the room ends the page stops showing people as present', async () => {
  const own = await h.startHub({ room: 'Short-lived' });
  const peer = await h.startPeer(own.wsUrl, 'bob');
  const guest = await h.openPage(browser, own.url, { name: 'alice', viewport: phone });
  try {
    await h.waitText(guest.page.locator('#people-heading'), '2 people in the room');
    assert.equal(await guest.page.locator('#people-count').textContent(), '2');
    await own.stop();
    await h.waitStatus(guest.page, 'ended', /^The host ended the room\./);
    await h.waitText(guest.page.locator('#people-heading'), 'The room has ended');
    assert.equal(await guest.page.locator('#people-count').textContent(), '–');
    assert.equal(await guest.page.locator('#people li').count(), 0);
    assert.match(await guest.page.locator('#people-toggle').getAttribute('aria-label'), /^Not connected/);
  } finally {
    await peer.stop();
    await guest.context.close();
    await own.stop();
  }
});

// Scroll-back and search on the page: against the real hub where it answers `history` and
// `search`, and always against a stand-in hub (fakehub.mjs) that speaks them, so the page's side
// is tried either way; plus a hub that does not know them (an older one).
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { startFakeHub } from './fakehub.mjs';
import * as h from './harness.mjs';

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'web');
const phone = { width: 360, height: 740 };

let browser;
before(async () => {
  browser = await h.launchBrowser();
});
after(async () => {
  await browser?.close();
});

// The seq of the first and last message in the DOM, how many there are, and where the first is.
function shown(page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('#messages li.msg')];
    const s = document.getElementById('scroller');
    const first = items[0];
    return {
      first: Number(first?.dataset.seq), last: Number(items.at(-1)?.dataset.seq), count: items.length,
      top: first ? first.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop : 0,
    };
  });
}

// Scrolls to the top until the room's first message is shown; checks on the way that the reading
// position is kept and the DOM stays bounded.
async function scrollToStart(page) {
  for (let i = 0; i < 40; ++i) {
    const before = await shown(page);
    if (before.first === 1) break;
    await page.locator('#scroller').evaluate((s) => {
      s.scrollTop = 0;
    });
    const now = await h.waitFor(async () => {
      const s = await shown(page);
      return s.first < before.first ? s : null;
    }, `messages older than ${before.first}`);
    const pos = await page.evaluate((seq) => {
      const s = document.getElementById('scroller');
      const li = s.querySelector(`li.msg[data-seq="${seq}"]`);
      return li.getBoundingClientRect().top - s.getBoundingClientRect().top;
    }, before.first);
    assert.ok(Math.abs(pos - before.top) <= 2, `message ${before.first} moved from ${before.top} to ${pos}`);
    assert.ok(now.count <= 300, `${now.count} messages in the DOM`);
  }
  assert.equal((await shown(page)).first, 1);
  await h.waitText(page.locator('#messages li.start'), 'This is the start of the room.');
}

async function searchAndJump(room, page, { addLive }) {
  await page.locator('#search-toggle').click();
  await page.locator('#search-input').fill('needle');
  await page.locator('#search-input').press('Enter');
  await h.waitText(page.locator('#search-status'), '3 messages found');
  const hits = await page.locator('#hits .hit').evaluateAll((b) => b.map((x) => Number(x.dataset.seq)));
  assert.deepEqual(hits, [...hits].sort((a, b) => b - a), 'newest first');
  assert.equal(hits.length, 3);
  await page.screenshot({ path: path.join(h.screenshotDir, `page-search-${room}.png`) });
  await page.locator(`#hits .hit[data-seq="${hits[2]}"]`).click();
  const hit = page.locator(`#messages li.msg.hit[data-seq="${hits[2]}"]`);
  await hit.waitFor();
  assert.ok(await hit.evaluate((li) => {
    const r = li.getBoundingClientRect();
    const s = document.getElementById('scroller').getBoundingClientRect();
    return r.top >= s.top && r.bottom <= s.bottom;
  }), 'the hit is in view');
  const around = await shown(page);
  assert.ok(around.first < hits[2] && around.last >= hits[2] + 10, 'with its context');
  await h.waitText(page.locator('#jump'), 'Back to the newest');
  await addLive('arrived while away');
  await h.delay(300);
  assert.equal(await page.locator('#messages li.msg', { hasText: 'arrived while away' }).count(), 0,
    'live messages do not land in an older stretch');
  await page.locator('#jump').click();
  await h.waitChat(page, 'arrived while away');
  assert.equal(await page.locator('#jump').isHidden(), true);
  assert.equal((await h.chatLines(page)).at(-1).text, 'arrived while away');
}

describe('a stand-in hub that answers history and search', () => {
  test('scrolling to the top reaches the first message; search jumps to a hit and back', async () => {
    const hub = await startFakeHub({ room: 'Archive', webDir });
    const guest = await h.openPage(browser, hub.url, { name: 'reader', viewport: phone });
    try {
      hub.say('bob', 700, (i) => ([49, 349, 649].includes(i) ? `a needle ${i + 1}` : `line ${i + 1}`));
      await h.waitChat(guest.page, 'line 700');
      await guest.page.context().close();
    } catch (e) {
      await hub.stop();
      throw e;
    }
    // A fresh page: the welcome holds the last 200; the rest is the hub's.
    const page = await h.openPage(browser, hub.url, { name: 'reader2', viewport: phone });
    try {
      assert.equal((await shown(page.page)).first, 501);
      await scrollToStart(page.page);
      await page.page.locator('#scroller').evaluate((s) => {
        s.scrollTop = 0;
      });
      await page.page.screenshot({ path: path.join(h.screenshotDir, 'page-scrollback-phone.png') });
      await searchAndJump('standin', page.page, { addLive: async (text) => hub.say('carol', 1, () => text) });
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context.close();
      await hub.stop();
    }
  });

  test('a hub without history and search: the page says so and goes on', async () => {
    const hub = await startFakeHub({ room: 'Old', webDir, legacy: true });
    hub.say('bob', 400, (i) => `line ${i + 1}`);
    const guest = await h.openPage(browser, hub.url, { name: 'reader', viewport: phone });
    try {
      await h.waitChat(guest.page, 'line 400');
      await guest.page.locator('#scroller').evaluate((s) => {
        s.scrollTop = 0;
      });
      await h.waitText(guest.page.locator('#history-status'), 'Older messages are not available in this room.');
      await guest.page.locator('#search-toggle').click();
      await guest.page.locator('#search-input').fill('line');
      await guest.page.locator('#search-input').press('Enter');
      await h.waitText(guest.page.locator('#search-status'), 'This room cannot search its messages.');
      await h.sendFromPage(guest.page, 'still chatting');
      await guest.page.locator('#search-close').click();
      await h.waitChat(guest.page, 'still chatting');
      assert.equal(await guest.page.locator('#notice').isHidden(), true, 'no error shown for it');
      assert.deepEqual(guest.problems, []);
    } finally {
      await guest.context.close();
      await hub.stop();
    }
  });
});

describe('the real hub', () => {
  let hub;
  let peer;
  before(async () => {
    hub = await h.startHub({ room: 'Archive', args: ['--rate-limit', '0'] });
    peer = await h.startPeer(hub.wsUrl, 'bob');
    for (let i = 1; i <= 700; ++i) peer.send([50, 350, 650].includes(i) ? `a needle ${i}` : `line ${i}`);
    await peer.waitChat('bob', 'line 700', 20000);
  });
  after(async () => {
    await peer?.stop();
    await hub?.stop();
  });

  test('scroll-back to the first message and search', async (t) => {
    const guest = await h.openPage(browser, hub.url, { name: 'reader', viewport: phone });
    try {
      await guest.page.locator('#scroller').evaluate((s) => {
        s.scrollTop = 0;
      });
      const status = await h.waitFor(async () => {
        const s = await guest.page.locator('#history-status').textContent();
        const first = (await shown(guest.page)).first;
        return s === 'Older messages are not available in this room.' || first < 501 ? { s, first } : null;
      }, 'older messages or a word on them');
      if (status.s === 'Older messages are not available in this room.') {
        // This hub does not answer `history` yet (docs/PROTOCOL.md): the page's side is tried
        // against the stand-in hub above; this part runs once the hub has it.
        t.skip('waits for the hub to answer history and search');
        return;
      }
      await scrollToStart(guest.page);
      await searchAndJump('hub', guest.page, { addLive: async (text) => peer.send(text) });
      assert.deepEqual(guest.problems, []);
    } finally {
      await guest.context.close();
    }
  });
});

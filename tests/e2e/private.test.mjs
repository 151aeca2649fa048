// Private conversations between pages, against the real hub (docs/PROTOCOL.md, "Private
// messages"): a tap on a person opens one; the other page counts it unread and shows it in its
// own conversation; a third page never sees it, live, after a reload or after a resume; a
// message to someone who left is marked as not delivered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as h from './harness.mjs';

let browser;
before(async () => {
  browser = await h.launchBrowser();
});
after(async () => {
  await browser?.close();
});

const secret = 'psst, only for bob';
const reply = 'got it, alice';

async function openPrivate(page, name) {
  const person = page.locator('#people .person-button', { hasText: name });
  if (!(await person.isVisible())) await page.locator('#people-toggle').click();
  await person.click();
  await page.locator('#conv-bar .conv-button[aria-current="true"]', { hasText: name }).waitFor();
}

async function privateLines(page) {
  return page.locator('#private-messages li.msg').evaluateAll((items) => items.map((li) => ({
    from: li.dataset.from, text: li.querySelector('.text').textContent, own: li.classList.contains('own'),
  })));
}

// Nothing of the private messages anywhere on the page: DOM text, title, live region.
async function assertNeverSeen(page, texts) {
  const all = await page.evaluate(() => document.documentElement.textContent + document.title);
  for (const text of texts) assert.ok(!all.includes(text), `the third page shows "${text}"`);
}

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  const wide = viewport.width > 800;
  test(`a private conversation is read by exactly two pages (${viewport.width} px)`, async () => {
    const proxy = await h.startProxy();
    const hub = await h.startHub({ room: 'Office', args: ['--rate-limit', '0', '--allow-origin', proxy.origin] });
    proxy.setTarget(hub.port);
    const pages = [];
    try {
      const alice = await h.openPage(browser, hub.url, { name: 'alice', viewport });
      const bob = await h.openPage(browser, hub.url, { name: 'bob', viewport });
      const carol = await h.openPage(browser, proxy.url, { name: 'carol', viewport });
      pages.push(alice, bob, carol);
      await h.sendFromPage(alice.page, 'public hello');
      await h.waitChat(carol.page, 'public hello');

      await openPrivate(alice.page, 'bob');
      assert.match(await alice.page.locator('#input').getAttribute('placeholder'), /Private message to \u2068bob\u2069/);
      await h.sendFromPage(alice.page, secret);
      await alice.page.locator('#private-messages li.msg.own .text', { hasText: secret }).waitFor();

      // bob: unread in the conversation with alice, not in the room.
      const entry = bob.page.locator('#conv-bar .conv-button', { hasText: 'alice' });
      await entry.locator('.conv-unread', { hasText: '1' }).waitFor();
      assert.equal(await bob.page.locator('#messages').textContent().then((t) => t.includes(secret)), false);
      await entry.click();
      await bob.page.locator('#private-messages li.msg .text', { hasText: secret }).waitFor();
      assert.equal(await entry.locator('.conv-unread').count(), 0, 'read once shown');
      await h.sendFromPage(bob.page, reply);
      await alice.page.locator('#private-messages li.msg .text', { hasText: reply }).waitFor();
      assert.deepEqual(await privateLines(alice.page), [
        { from: 'alice', text: secret, own: true }, { from: 'bob', text: reply, own: false }]);
      if (!wide) await alice.page.screenshot({ path: `${h.screenshotDir}/page-private-phone.png` });
      else await alice.page.screenshot({ path: `${h.screenshotDir}/page-private-desktop.png` });

      // A public message after the private ones: once carol has it, she had every chance.
      await h.sendFromPage(carol.page, 'carol was here');
      await alice.page.locator('#conv-bar .conv-button', { hasText: 'Room' }).click();
      await h.waitChat(alice.page, 'carol was here');
      await h.sendFromPage(alice.page, 'public bye');
      await h.waitChat(carol.page, 'public bye');
      await assertNeverSeen(carol.page, [secret, reply]);
      assert.equal(await carol.page.locator('#conv-bar').isHidden(), true);

      // carol resumes after a cut (catch-up after her last seq), then reloads (full history).
      proxy.drop();
      await h.waitStatus(carol.page, 'connected', /Connected/, 15000);
      await h.sendFromPage(alice.page, 'after the cut');
      await h.waitChat(carol.page, 'after the cut');
      await assertNeverSeen(carol.page, [secret, reply]);
      await carol.page.reload();
      await h.waitConnected(carol.page);
      await h.waitChat(carol.page, 'after the cut');
      await assertNeverSeen(carol.page, [secret, reply]);

      // bob reloads: the same person (his key is kept in the tab), his conversation is back.
      await bob.page.reload();
      await h.waitConnected(bob.page);
      await h.waitChat(bob.page, 'after the cut');
      await bob.page.locator('#conv-bar .conv-button', { hasText: 'alice' }).click();
      await bob.page.locator('#private-messages li.msg .text', { hasText: reply }).waitFor();
      assert.deepEqual((await privateLines(bob.page)).map((l) => l.text), [secret, reply]);

      // Search finds bob's own private messages; a hit opens in its conversation.
      await bob.page.locator('#conv-bar .conv-button', { hasText: 'Room' }).click();
      await bob.page.locator('#search-toggle').click();
      await bob.page.locator('#search-input').fill('psst');
      await bob.page.locator('#search-input').press('Enter');
      await bob.page.locator('#hits .hit', { hasText: secret }).click();
      await bob.page.locator('#private-messages li.msg.hit .text', { hasText: secret }).waitFor();
      await bob.page.locator('#conv-bar .conv-button[aria-current="true"]', { hasText: 'alice' }).waitFor();

      // To someone who left: refused, and the message says so.
      await openPrivate(alice.page, 'carol');
      await carol.context.close();
      pages.splice(pages.indexOf(carol), 1);
      await alice.page.locator('#people .person', { hasText: 'carol' }).waitFor({ state: 'detached' });
      await h.sendFromPage(alice.page, 'are you there?');
      await alice.page.locator('#private-pending li.failed', { hasText: /not in the room/ }).waitFor();
      for (const p of pages) assert.deepEqual(p.problems, []);
    } finally {
      for (const p of pages) await p.context.close();
      await proxy.close();
      await hub.stop();
    }
  });
}

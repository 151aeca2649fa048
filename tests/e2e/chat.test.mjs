// Two browser pages and the Qt peer chat through a real hub, in every direction.
import assert from 'node:assert/strict';
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

test('two pages and a Qt client exchange messages in every direction', async () => {
  const alice = await h.openPage(browser, hub.url, { name: 'alice' });
  const bob = await h.openPage(browser, hub.url, { name: 'bob' });
  const carol = await h.startPeer(hub.wsUrl, 'carol');
  try {
    await h.waitText(alice.page.locator('#people-heading'), '3 people in the room');
    assert.equal(await alice.page.locator('#room-name').textContent(), 'Kitchen');
    assert.match(await alice.page.title(), /^Kitchen – LAN Chat$/);
    await alice.page.locator('#messages li.system', { hasText: 'carol joined' }).waitFor();

    await h.sendFromPage(alice.page, 'hello from alice');
    await h.waitChat(bob.page, 'hello from alice');
    await carol.waitChat('alice', 'hello from alice');

    await h.sendFromPage(bob.page, 'hello from bob');
    await h.waitChat(alice.page, 'hello from bob');
    await carol.waitChat('bob', 'hello from bob');

    carol.send('hello from carol');
    await h.waitChat(alice.page, 'hello from carol');
    await h.waitChat(bob.page, 'hello from carol');

    // Same order everywhere, each message once, own messages marked on the sender's page only.
    const expected = ['hello from alice', 'hello from bob', 'hello from carol'];
    const aliceLines = await h.chatLines(alice.page);
    const bobLines = await h.chatLines(bob.page);
    assert.deepEqual(aliceLines.map((l) => l.text), expected);
    assert.deepEqual(bobLines.map((l) => l.text), expected);
    assert.deepEqual(aliceLines.map((l) => l.own), [true, false, false]);
    assert.deepEqual(bobLines.map((l) => l.own), [false, true, false]);
    assert.deepEqual(bobLines.map((l) => l.from), ['alice', 'bob', 'carol']);
    assert.equal(await alice.page.locator('#pending li').count(), 0, 'nothing left pending');

    // Consecutive messages of one sender are grouped: the second hides its header.
    await h.sendFromPage(alice.page, 'second line from alice');
    await h.waitChat(bob.page, 'second line from alice');
    await h.sendFromPage(alice.page, 'third line from alice');
    await h.waitChat(bob.page, 'third line from alice');
    const classes = await bob.page.locator('#messages li.msg').evaluateAll(
      (items) => items.map((li) => li.classList.contains('continued')));
    assert.deepEqual(classes, [false, false, false, false, true]);

    // People list, and the quiet line when the Qt client leaves.
    const people = await alice.page.locator('#people .person-name').allTextContents();
    assert.deepEqual(people, ['alice', 'bob', 'carol']);
    await carol.stop();
    await alice.page.locator('#messages li.system', { hasText: 'carol left' }).waitFor();
    await h.waitText(alice.page.locator('#people-heading'), '2 people in the room');
    assert.deepEqual(alice.problems, []);
    assert.deepEqual(bob.problems, []);
  } finally {
    await carol.stop();
    await alice.context.close();
    await bob.context.close();
  }
});

test('the name is asked once, remembered, and can be changed', async () => {
  const dave = await h.openPage(browser, hub.url, { name: '', waitJoined: false });
  const watcher = await h.startPeer(hub.wsUrl, 'watcher');
  try {
    const dialog = dave.page.locator('#name-dialog');
    await dialog.waitFor();
    assert.equal(await dave.page.locator('#status').getAttribute('data-state'), 'idle');
    // An invalid name is refused on the page already.
    await dave.page.getByLabel('Your name', { exact: true }).fill('   ');
    await dave.page.getByRole('button', { name: 'Join', exact: true }).click();
    await dave.page.locator('#name-error').waitFor();
    await dave.page.getByLabel('Your name', { exact: true }).fill('dave');
    await dave.page.getByRole('button', { name: 'Join', exact: true }).click();
    await h.waitConnected(dave.page);
    await watcher.waitLine(/^JOINED dave$/, 'dave to join');
    assert.equal(await dave.page.evaluate(() => localStorage.getItem('lanchat.name')), 'dave');

    // A reload joins at once under the remembered name, and shows the history.
    await h.sendFromPage(dave.page, 'before the reload');
    await h.waitChat(dave.page, 'before the reload');
    await dave.page.reload();
    await h.waitConnected(dave.page);
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await dave.page.locator('#you-name').textContent(), 'dave');
    const lines = await h.chatLines(dave.page);
    assert.deepEqual(lines.filter((l) => l.text === 'before the reload').map((l) => l.own), [true],
      'own message recognised in the history after a reload');

    // Rename from the settings; everyone sees it.
    await dave.page.getByRole('button', { name: 'Rename yourself' }).click();
    await dave.page.getByLabel('Your name', { exact: true }).fill('david');
    await dave.page.getByRole('button', { name: 'Save' }).click();
    await watcher.waitLine(/^RENAMED dave david$/, 'the rename');
    await dave.page.locator('#messages li.system', { hasText: 'You are now david' }).waitFor();
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await dave.page.locator('#you-name').textContent(), 'david');
    assert.equal(await dave.page.evaluate(() => localStorage.getItem('lanchat.name')), 'david');
    watcher.send('hi david');
    await h.waitChat(dave.page, 'hi david');
    assert.deepEqual(dave.problems, []);
  } finally {
    await watcher.stop();
    await dave.context.close();
  }
});

test('a name that is taken gets a suffix from the hub', async () => {
  const first = await h.openPage(browser, hub.url, { name: 'erin' });
  const second = await h.openPage(browser, hub.url, { name: 'Erin' });
  try {
    assert.equal(await second.page.locator('#you-name').textContent(), 'Erin-2');
    await first.page.locator('#messages li.system', { hasText: 'Erin-2 joined' }).waitFor();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('a name the hub refuses opens the name dialog with the reason', async () => {
  const { context, page } = await h.openPage(browser, hub.url,
    { name: 'n'.repeat(40), waitJoined: false });
  try {
    await page.locator('#name-dialog').waitFor();
    assert.equal(await page.locator('#name-error').textContent(),
      'A name needs 1 to 32 characters and no control characters.');
    await page.getByLabel('Your name', { exact: true }).fill('shorter');
    await page.getByLabel('Your name', { exact: true }).press('Enter');
    await h.waitConnected(page);
    assert.equal(await page.locator('#you-name').textContent(), 'shorter');
  } finally {
    await context.close();
  }
});

// Passcode, host rights and moderation in the page, against the real hub (docs/PROTOCOL.md,
// "Access"): the host link's page kicks and bans guests and locks the room; the guests see why
// and do not come back by themselves; the passcode prompt takes a wrong then the right code; a
// #code= link joins at once and leaves the address bar clean.
//
// Guests reach the hub through a TCP proxy whose connections come from 127.0.0.2 or 127.0.0.3,
// so the hub takes them for other machines (an address a host uses is never blocked).
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

// The host token the headless hub printed in its host link.
async function hostToken(hub) {
  const line = await hub.waitLine(/#host=[0-9a-f]{32}/, 'the host link', 10000);
  return /#host=([0-9a-f]{32})/.exec(line)[1];
}

// Counts the WebSockets a page opens, so that a test can tell it did not reconnect.
function countSockets(page) {
  const counter = { n: 0 };
  page.on('websocket', () => {
    counter.n += 1;
  });
  return counter;
}

async function systemLine(page, regex) {
  await page.locator('#messages li.system', { hasText: regex }).first().waitFor();
}

async function guestProxy(hub, localAddress) {
  const proxy = await h.startProxy({ localAddress });
  proxy.setTarget(hub.port);
  return proxy;
}

test('the host link\'s page kicks, bans and locks; the removed pages stay out', async () => {
  // The proxies' origins must be allowed before the hub starts: make them first.
  const p2 = await h.startProxy({ localAddress: '127.0.0.2' });
  const p3 = await h.startProxy({ localAddress: '127.0.0.3' });
  const hub = await h.startHub({ room: 'Moderated', args: ['--rate-limit', '0',
    '--allow-origin', p2.origin, '--allow-origin', p3.origin] });
  p2.setTarget(hub.port);
  p3.setTarget(hub.port);
  const pages = [];
  try {
    const token = await hostToken(hub);
    const host = await h.openPage(browser, `${hub.url}#host=${token}`, { name: 'hostess' });
    pages.push(host);
    assert.ok(!host.page.url().includes('#host'), 'the token left the address bar');
    await host.page.locator('#host-section').waitFor();

    const mallory = await h.openPage(browser, p2.url, { name: 'mallory' });
    const malSockets = countSockets(mallory.page);
    const eve = await h.openPage(browser, p2.url, { name: 'eve' });
    const bob = await h.openPage(browser, hub.url, { name: 'bob' });
    pages.push(mallory, eve, bob);

    // Everyone sees who hosts; a guest has no room controls and no person menu.
    await bob.page.locator('#people .person', { hasText: 'hostess' }).locator('.person-host').waitFor();
    assert.equal(await bob.page.locator('#host-section').isHidden(), true);
    await bob.page.locator('#people .person-button', { hasText: 'mallory' }).click();
    assert.equal(await bob.page.locator('.person-menu').count(), 0, 'a guest gets no menu');
    await bob.page.locator('#conv-bar .conv-button', { hasText: 'Room' }).click();

    // The host's menu on mallory, by keyboard: Enter opens it, the first item has the focus.
    const malButton = host.page.locator('#people .person-button', { hasText: 'mallory' });
    await malButton.focus();
    await host.page.keyboard.press('Enter');
    const menu = host.page.locator('.person-menu');
    await menu.waitFor();
    assert.deepEqual(await menu.locator('.menu-item').allTextContents(),
      ['Private message', 'Remove from the room', 'Ban']);
    await host.page.screenshot({ path: `${h.screenshotDir}/page-host-menu.png` });
    // Escape closes it and gives the focus back.
    await host.page.keyboard.press('Escape');
    assert.equal(await menu.count(), 0);
    assert.equal(await host.page.evaluate(() => document.activeElement.dataset.name), 'mallory');
    // On a phone: the people panel, the menu inside it, nothing wider than the screen.
    await host.page.setViewportSize({ width: 360, height: 740 });
    await host.page.locator('#people-toggle').click();
    await malButton.click();
    await menu.waitFor();
    assert.equal(await host.page.evaluate(() => document.documentElement.scrollWidth), 360);
    await host.page.screenshot({ path: `${h.screenshotDir}/page-host-menu-phone.png` });
    await host.page.keyboard.press('Escape');
    await host.page.setViewportSize({ width: 1280, height: 800 });

    // Kick, confirmed.
    await malButton.click();
    await menu.locator('.menu-kick').click();
    const confirm = host.page.locator('#confirm-dialog');
    await confirm.waitFor();
    assert.match(await confirm.textContent(), /Remove mallory from the room\?/);
    await host.page.screenshot({ path: `${h.screenshotDir}/page-host-confirm.png` });
    await host.page.locator('#confirm-ok').click();

    await h.waitStatus(mallory.page, 'ended', /The host removed you from the room\./);
    assert.equal(await mallory.page.locator('#notice').textContent(), 'The host removed you from the room.');
    assert.equal(await mallory.page.locator('#retry').isHidden(), true, 'no way back offered');
    assert.equal(await mallory.page.locator('#input').isDisabled(), true, 'nothing to send any more');
    await mallory.page.screenshot({ path: `${h.screenshotDir}/page-kicked.png` });
    await systemLine(bob.page, /hostess removed mallory from the room/);
    await systemLine(host.page, /hostess removed mallory from the room/);
    await host.page.locator('#blocked li', { hasText: /mallory \(127\.0\.0\.2\): removed until/ }).waitFor();
    const socketsAfterKick = malSockets.n;
    await h.delay(3000); // longer than the first retries of a lost connection
    assert.equal(malSockets.n, socketsAfterKick, 'the kicked page did not reconnect');
    await h.waitStatus(mallory.page, 'ended', /removed you/);
    assert.equal(await bob.page.locator('#people .person', { hasText: 'mallory' }).count(), 0);

    // Ban eve (also from 127.0.0.2).
    await host.page.locator('#people .person-button', { hasText: 'eve' }).click();
    await menu.locator('.menu-ban').click();
    assert.match(await confirm.textContent(), /Ban eve\?/);
    await host.page.locator('#confirm-ok').click();
    await h.waitStatus(eve.page, 'ended', /The host banned you from this room\./);
    await systemLine(bob.page, /hostess banned eve/);
    await host.page.locator('#blocked li', { hasText: /eve \(127\.0\.0\.2\): banned/ }).waitFor();

    // Lock: a newcomer from 127.0.0.3 is refused and told why; after the unlock the same
    // dialog gets in.
    await host.page.locator('#lock-room').click();
    await host.page.locator('#lock-state', { hasText: 'The room is locked' }).waitFor();
    await systemLine(bob.page, /hostess locked the room/);
    const late = await h.openPage(browser, p3.url, { name: 'late', waitJoined: false });
    pages.push(late);
    await late.page.locator('#name-error', { hasText: /The room is locked/ }).waitFor();
    assert.equal(await late.page.locator('#name-dialog').isVisible(), true);
    await host.page.locator('#lock-room', { hasText: 'Unlock the room' }).click();
    await systemLine(bob.page, /hostess unlocked the room/);
    await late.page.locator('#name-ok').click();
    await h.waitConnected(late.page);

    // Unban: eve's address is listed no more.
    await host.page.locator('#blocked li', { hasText: 'eve' }).locator('.unban').click();
    await host.page.locator('#blocked li', { hasText: 'eve' }).waitFor({ state: 'detached' });
    await systemLine(bob.page, /hostess let a blocked address in again/);

    for (const p of pages) assert.deepEqual(p.problems.filter((x) => !/WebSocket|4001|4002/.test(x)), []);
  } finally {
    for (const p of pages) await p.context.close();
    await p2.close();
    await p3.close();
    await hub.stop();
  }
});

test('the passcode prompt: a wrong code, then the right one, on the same connection', async () => {
  const hub = await h.startHub({ room: 'Secret', args: ['--passcode', 'tulip-42'] });
  try {
    const guest = await h.openPage(browser, hub.url, { name: 'ann', waitJoined: false });
    const sockets = countSockets(guest.page);
    const dialog = guest.page.locator('#name-dialog');
    const field = guest.page.locator('#passcode-input');
    await field.waitFor();
    await guest.page.locator('#name-room', { hasText: 'This room needs a passcode.' }).waitFor();
    await guest.page.screenshot({ path: `${h.screenshotDir}/page-passcode.png` });
    await field.fill('tulip-41');
    await field.press('Enter');
    await guest.page.locator('#name-error', { hasText: 'Wrong passcode. Try again.' }).waitFor();
    assert.equal(await dialog.isVisible(), true);
    assert.equal(await field.inputValue(), '', 'the wrong code is cleared');
    await field.fill('tulip-42');
    await guest.page.locator('#name-ok').click();
    await h.waitConnected(guest.page);
    assert.equal(await dialog.isVisible(), false);
    assert.ok(sockets.n <= 1, `one connection for all the tries (${sockets.n})`);
    await systemLine(guest.page, /You joined Secret as ann/);

    // A reload asks no more: the code is kept in the tab.
    await guest.page.reload();
    await h.waitConnected(guest.page);
    await guest.context.close();

    // The room is announced locked before anyone joins; the code is nowhere in it.
    const info = await (await fetch(`${hub.url}room.json`)).json();
    assert.deepEqual(info, { room: 'Secret', passcode: true });
    assert.ok(!hub.stdout.concat(hub.stderr).some((l) => l.includes('tulip-41')), 'wrong tries are not logged');
  } finally {
    await hub.stop();
  }
});

test('a #code= link joins at once and the code leaves the address bar', async () => {
  const hub = await h.startHub({ room: 'Secret', args: ['--passcode', 'tulip 42/ß'] });
  try {
    const url = `${hub.url}#code=${encodeURIComponent('tulip 42/ß')}`;
    const guest = await h.openPage(browser, url, { name: 'ben' });
    assert.equal(new URL(guest.page.url()).hash, '');
    assert.equal(await guest.page.locator('#name-dialog').isVisible(), false);
    // Other rooms that need a passcode show a lock (the list as /rooms.json gives it).
    await guest.page.route('**/rooms.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify([{ host: 'vault', room: 'Vault', url: 'http://192.0.2.7:8765/', passcode: true },
        { host: 'den', people: 2, room: 'Den', url: 'http://192.0.2.8:8765/' }]) }));
    await guest.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const lock = guest.page.locator('#rooms .room-item', { hasText: 'Vault' }).locator('.room-lock');
    await lock.waitFor({ state: 'attached' });
    assert.equal(await lock.getAttribute('aria-label'), 'needs a passcode');
    assert.equal(await guest.page.locator('#rooms .room-item', { hasText: 'Den' }).locator('.room-lock').count(), 0);

    // A fresh tab without the link is asked again (here in German).
    const other = await h.openPage(browser, hub.url, { name: 'cleo', waitJoined: false, locale: 'de-DE' });
    await other.page.locator('#passcode-input').waitFor();
    assert.equal(await other.page.locator('#passcode-field label').textContent(), 'Zugangscode');
    await other.page.locator('#name-room', { hasText: 'Dieser Raum braucht einen Zugangscode.' }).waitFor();
    await other.context.close();
    await guest.context.close();
  } finally {
    await hub.stop();
  }
});

// Phone life: dropped and dead connections, messages typed meanwhile, the host ending the room,
// a full room, and the hub's rate limit.
//
// The page is loaded through a TCP proxy in this process (harness startProxy), which can reset
// the page's connections, refuse new ones, or silently swallow the bytes of open ones. That is
// what a Wi-Fi hiccup or a sleeping phone does to a real socket; the hub allows the proxy's origin
// with --allow-origin.
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

// Records the JSON frames a page sends and receives on its WebSockets.
function recordFrames(page) {
  const frames = { sent: [], received: [] };
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.sent.push(JSON.parse(f.payload)));
    ws.on('framereceived', (f) => frames.received.push(JSON.parse(f.payload)));
  });
  return frames;
}

function assertStrictlyIncreasing(seqs) {
  for (let i = 1; i < seqs.length; ++i) assert.ok(seqs[i] > seqs[i - 1], `seq order: ${seqs}`);
}

async function withRoom(fn, hubArgs = []) {
  const proxy = await h.startProxy();
  const rate = hubArgs.includes('--rate-limit') ? [] : ['--rate-limit', '0'];
  const hub = await h.startHub({
    room: 'Resume', args: [...rate, '--allow-origin', proxy.origin, ...hubArgs],
  });
  proxy.setTarget(hub.port);
  try {
    await fn({ proxy, hub });
  } catch (error) {
    error.message += `\nthe hub's log:\n  ${hub.stderr.slice(-30).join('\n  ')}`;
    throw error;
  } finally {
    await proxy.close();
    await hub.stop();
  }
}

test('a dropped socket reconnects, resumes after the last seq and sends what was typed', async () => {
  await withRoom(async ({ proxy, hub }) => {
    const alice = await h.openPage(browser, proxy.url, { name: 'alice', waitJoined: false });
    const frames = recordFrames(alice.page);
    await h.waitConnected(alice.page);
    const bob = await h.openPage(browser, hub.url, { name: 'bob' });
    const carol = await h.startPeer(hub.wsUrl, 'carol');
    try {
      await h.sendFromPage(bob.page, 'one');
      await h.waitChat(alice.page, 'one');

      // The link drops and stays down for a while.
      proxy.refuse(true);
      proxy.drop();
      await h.waitStatus(alice.page, 'waiting', /^Connection lost\. Reconnecting in \d+ s…$/);
      await carol.waitLine(/^LEFT alice$/, 'the hub to notice alice is gone');

      // Others keep talking; alice types two messages that wait for the connection.
      await h.sendFromPage(bob.page, 'two');
      await carol.waitChat('bob', 'two'); // numbered before 'three', whatever the machine's load
      carol.send('three');
      await carol.waitChat('carol', 'three');
      await h.sendFromPage(alice.page, 'typed offline 1');
      await h.sendFromPage(alice.page, 'typed offline 2');
      const pending = alice.page.locator('#pending li');
      assert.equal(await pending.count(), 2);
      assert.match(await pending.first().locator('.pending-state').textContent(), /Waiting for the connection/);

      // The link comes back: the page reconnects by itself (backoff) and catches up.
      proxy.refuse(false);
      await h.waitConnected(alice.page, 20000);
      await h.waitChat(alice.page, 'typed offline 2');
      await carol.waitChat('alice', 'typed offline 2');
      await h.waitChat(bob.page, 'typed offline 2');

      const want = ['one', 'two', 'three', 'typed offline 1', 'typed offline 2'];
      const aliceLines = await h.chatLines(alice.page);
      assert.deepEqual(aliceLines.map((l) => l.text), want, 'every message exactly once, in order');
      assertStrictlyIncreasing(aliceLines.map((l) => l.seq));
      assert.deepEqual((await h.chatLines(bob.page)).map((l) => l.text), want);
      assert.equal(await pending.count(), 0);
      assert.equal(carol.lines.filter((l) => l === 'CHAT alice: typed offline 1').length, 1);

      // The second join resumed after the last seq alice had seen, with the first welcome's
      // instance and token, and its welcome carried only what was missed.
      const joins = frames.sent.filter((f) => f.type === 'join');
      const welcomes = frames.received.filter((f) => f.type === 'welcome');
      assert.ok(joins.length >= 2 && welcomes.length >= 2, JSON.stringify(joins));
      const resume = joins[joins.length - 1];
      assert.equal(resume.after, aliceLines[0].seq);
      assert.equal(resume.instance, welcomes[0].instance);
      assert.equal(resume.token, welcomes[0].token);
      assert.deepEqual(welcomes[welcomes.length - 1].history.map((m) => m.text), ['two', 'three']);
      assert.deepEqual(alice.problems.filter((p) => !/WebSocket/.test(p)), []);
    } finally {
      await carol.stop();
      await alice.context.close();
      await bob.context.close();
    }
  });
});

test('a dead socket is noticed by the heartbeat; nothing is lost or sent twice', async () => {
  await withRoom(async ({ proxy, hub }) => {
    const alice = await h.openPage(browser, proxy.url, { name: 'alice', heartbeatMs: 1000, waitJoined: false });
    const frames = recordFrames(alice.page);
    await h.waitConnected(alice.page);
    const carol = await h.startPeer(hub.wsUrl, 'carol');
    const welcomes = () => frames.received.filter((f) => f.type === 'welcome').length;
    try {
      await h.waitText(alice.page.locator('#people-count'), '2');

      // 1. The link dies silently while a message is on its way: it never reaches the hub. The
      //    ping goes unanswered, so the page gives up on the socket, reconnects on a new one and
      //    sends the message again.
      // (Counted from "before": on a busy machine a slow pong may cause an extra rejoin, which is
      // harmless and must not fail the test.)
      let before = welcomes();
      proxy.blackholeOpen('both');
      await h.sendFromPage(alice.page, 'lost in the hole');
      await h.waitFor(() => welcomes() > before, 'the page to notice and rejoin', 15000);
      await carol.waitChat('alice', 'lost in the hole');
      await h.waitChat(alice.page, 'lost in the hole');

      // 2. The message reaches the hub but nothing comes back (not even its echo): after the
      //    resume, the welcome's history holds it with its id, so it is not sent again.
      before = welcomes();
      proxy.blackholeOpen('down');
      await h.sendFromPage(alice.page, 'echo lost');
      await carol.waitChat('alice', 'echo lost');
      await h.waitFor(() => welcomes() > before, 'the page to notice and rejoin again', 15000);
      await h.waitChat(alice.page, 'echo lost');
      const resumed = frames.received.filter((f) => f.type === 'welcome').slice(before);
      assert.deepEqual(resumed[0].history.map((m) => m.text), ['echo lost']);

      // Time for a duplicate to show up, if one were sent.
      carol.send('after both');
      await h.waitChat(alice.page, 'after both');
      const lines = await h.chatLines(alice.page);
      assert.deepEqual(lines.map((l) => l.text), ['lost in the hole', 'echo lost', 'after both']);
      assert.deepEqual(lines.map((l) => l.own), [true, true, false]);
      assert.equal(carol.lines.filter((l) => l === 'CHAT alice: lost in the hole').length, 1);
      assert.equal(carol.lines.filter((l) => l === 'CHAT alice: echo lost').length, 1);
      assert.equal(frames.sent.filter((f) => f.type === 'chat' && f.text === 'echo lost').length, 1);
      // The new connections took over alice's name with her token: no left/joined for others.
      assert.deepEqual(carol.lines.filter((l) => /^(LEFT|JOINED) alice/.test(l)), []);
      assert.equal(await alice.page.locator('#pending li').count(), 0);
    } finally {
      await carol.stop();
      await alice.context.close();
    }
  });
});

test('the host ending the room is shown', async () => {
  await withRoom(async ({ hub }) => {
    const guest = await h.openPage(browser, hub.url, { name: 'guest' });
    let failedSockets = 0;
    guest.page.on('websocket', (ws) => ws.on('socketerror', () => ++failedSockets));
    try {
      const result = await hub.stop();
      assert.equal(result.code, 0,
        `the hub exits 0 on SIGTERM, not ${JSON.stringify(result)}: ${hub.stderr.slice(-2).join(' | ')}`);
      await h.waitStatus(guest.page, 'ended', /^The host ended the room\. Reconnecting in \d+ s…$/);
      // Attempts that find nobody there keep saying why.
      const failedBefore = failedSockets;
      await guest.page.getByRole('button', { name: 'Retry now' }).click();
      await h.waitFor(() => failedSockets > failedBefore, 'another attempt to fail');
      await h.waitStatus(guest.page, 'ended', /^The host ended the room\. Reconnecting in \d+ s…$/);
    } finally {
      await guest.context.close();
    }
  });
});

test('a restarted host starts a fresh conversation; typed messages still go out', async () => {
  const proxy = await h.startProxy();
  const args = ['--rate-limit', '0', '--allow-origin', proxy.origin];
  let hub = await h.startHub({ room: 'Before', args });
  proxy.setTarget(hub.port);
  const guest = await h.openPage(browser, proxy.url, { name: 'guest' });
  try {
    await h.sendFromPage(guest.page, 'said to the first host');
    await h.waitChat(guest.page, 'said to the first host');
    await hub.stop();
    await guest.page.locator('#status[data-state="connected"]').waitFor({ state: 'detached' });
    await h.sendFromPage(guest.page, 'typed while the host was away');

    hub = await h.startHub({ room: 'After', args }); // a new instance: seq starts again
    proxy.setTarget(hub.port);
    await guest.page.getByRole('button', { name: 'Retry now' }).click({ timeout: 2000 })
      .catch(() => {}); // unless the backoff got there first
    await h.waitConnected(guest.page, 15000);
    await h.waitChat(guest.page, 'typed while the host was away');
    await guest.page.locator('#messages li.system', { hasText: 'The host restarted the room.' }).waitFor();
    assert.equal(await guest.page.locator('#room-name').textContent(), 'After');
    const lines = await h.chatLines(guest.page);
    assert.deepEqual(lines.map((l) => [l.text, l.seq]), [['typed while the host was away', 1]]);
    assert.equal(await guest.page.locator('#pending li').count(), 0);
  } finally {
    await guest.context.close();
    await proxy.close();
    await hub.stop();
  }
});

test('flooding past the rate limit is cut off (1008) and explained', async () => {
  await withRoom(async ({ hub }) => {
    const flood = await h.openPage(browser, hub.url, { name: 'flood' });
    try {
      // Past the limit of 1 a second, the hub closes after 100 refused messages within 10 s.
      await flood.page.evaluate(() => {
        const input = document.getElementById('input');
        for (let i = 0; i < 130; ++i) {
          input.value = `flood ${i}`;
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }
      });
      await h.waitStatus(flood.page, 'waiting',
        /^Disconnected: too many messages too fast, or the connection was too slow\. Reconnecting in \d+ s…$/);
      // It comes back by itself, and what was refused waits for the person to send it again.
      await h.waitConnected(flood.page, 15000);
      assert.ok(await flood.page.locator('#pending li.failed').count() >= 100);
    } finally {
      await flood.context.close();
    }
  }, ['--rate-limit', '1', '--rate-burst', '1']);
});

test('a full room says so', async () => {
  await withRoom(async ({ hub }) => {
    const first = await h.openPage(browser, hub.url, { name: 'first' });
    const second = await h.openPage(browser, hub.url, { name: 'second', waitJoined: false });
    try {
      await h.waitStatus(second.page, 'waiting', /^The room is full or unreachable\. Reconnecting in \d+ s…$/);
      // When the first guest leaves, the second gets in (at once with "Retry now", unless the
      // backoff got there first).
      await first.context.close();
      await second.page.getByRole('button', { name: 'Retry now' }).click({ timeout: 2000 })
        .catch(() => {});
      await h.waitConnected(second.page, 15000);
    } finally {
      await second.context.close();
    }
  }, ['--max-clients', '1']);
});

test('messages refused by the rate limit are marked and can be sent again', async () => {
  // 1 message a second, no burst: of four typed at once, the first gets through. The hub reports
  // the second with rate_limited and drops the others silently; the page finds those out by
  // the order of the hub's answers (a ping after the error).
  await withRoom(async ({ hub }) => {
    const fast = await h.openPage(browser, hub.url, { name: 'fast' });
    const carol = await h.startPeer(hub.wsUrl, 'carol');
    try {
      await h.delay(1100); // the join took the only token
      for (const n of [1, 2, 3, 4]) await h.sendFromPage(fast.page, `burst ${n}`);
      await carol.waitChat('fast', 'burst 1');
      const failed = fast.page.locator('#pending li.failed');
      await h.waitFor(async () => (await failed.count()) === 3, 'three messages marked as not sent');
      assert.deepEqual(await failed.locator('.text').allTextContents(), ['burst 2', 'burst 3', 'burst 4']);
      assert.equal(await failed.first().locator('.pending-state').textContent(),
        'Not delivered: you are sending too fast');
      assert.equal(await fast.page.locator('#notice').textContent(),
        'You are sending messages too fast; wait a moment.');

      // "Send again", one a second, delivers each exactly once.
      for (const n of [2, 3, 4]) {
        await h.delay(1100);
        await failed.first().getByRole('button', { name: 'Send again' }).click();
        await carol.waitChat('fast', `burst ${n}`);
      }
      await h.waitFor(async () => (await fast.page.locator('#pending li').count()) === 0,
        'nothing left pending');
      for (const n of [1, 2, 3, 4]) {
        assert.equal(carol.lines.filter((l) => l === `CHAT fast: burst ${n}`).length, 1);
      }
      assert.deepEqual((await h.chatLines(fast.page)).map((l) => l.text),
        ['burst 1', 'burst 2', 'burst 3', 'burst 4']);
    } finally {
      await carol.stop();
      await fast.context.close();
    }
  }, ['--rate-limit', '1', '--rate-burst', '1']);
});

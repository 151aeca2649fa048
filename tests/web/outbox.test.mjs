// The outbox of typed messages without a browser: sent once, matched to the hub's echo by id,
// refused ones marked, queued again after a lost connection.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Connection } from '../../resources/web/connection.js';
import { Outbox, Status } from '../../resources/web/outbox.js';
import { CloseCode, ErrorCode } from '../../resources/web/protocol.js';
import { FakeClock, fakeWebSocketClass } from './fakes.mjs';

// An outbox sending through a real Connection on a fake socket, as the page wires them.
function setup() {
  const clock = new FakeClock();
  const { FakeWebSocket, sockets } = fakeWebSocketClass();
  const changes = [];
  let outbox = null;
  const conn = new Connection({ url: 'ws://hub/ws', WebSocket: FakeWebSocket, name: () => 'a', clock }, {
    phase: (phase, detail) => {
      if (phase === 'joined') outbox.flush();
      if (phase === 'waiting') outbox.socketGone(detail.code);
    },
    frame: (m) => {
      if (m.type === 'chat') outbox.echoed(m.id, true);
      if (m.type === 'error') outbox.refused(m.id, m.code);
    },
    pong: (tx) => outbox.refuseSentBefore(tx),
  });
  outbox = new Outbox((f) => conn.send(f), {
    changed: (e) => changes.push(`${e.id}:${e.status}`),
    removed: (e) => changes.push(`${e.id}:gone`),
  });
  const join = (i, history = []) => {
    sockets[i].open();
    sockets[i].receive({ type: 'welcome', you: 'a', instance: 'i', token: 't', users: [], seq: 0, history });
  };
  return { clock, sockets, conn, outbox, changes, join };
}

test('queued while not joined, sent once at the welcome, settled by the echo', () => {
  const { sockets, conn, outbox, changes, join } = setup();
  outbox.add('m1', 'hello');
  conn.connect();
  join(0);
  assert.deepEqual(sockets[0].sentOfType('chat'), [{ type: 'chat', text: 'hello', id: 'm1' }]);
  outbox.flush();
  assert.equal(sockets[0].sentOfType('chat').length, 1, 'a sent message is not sent again');
  sockets[0].receive({ type: 'chat', seq: 1, from: 'a', text: 'hello', id: 'm1' });
  assert.equal(outbox.size, 0);
  assert.deepEqual(changes, ['m1:queued', 'm1:sent', 'm1:gone']);
});

test('a refused message (by id) is marked failed, the others are untouched', () => {
  const { sockets, conn, outbox, join } = setup();
  conn.connect();
  join(0);
  const a = outbox.add('m1', 'x'.repeat(10));
  const b = outbox.add('m2', 'fine');
  outbox.flush();
  sockets[0].receive({ type: 'error', code: ErrorCode.tooLong, id: 'm1' });
  assert.equal(a.status, Status.failed);
  assert.equal(a.reason, ErrorCode.tooLong);
  assert.equal(b.status, Status.sent);
  outbox.retry(a, true);
  assert.equal(a.status, Status.sent);
  assert.equal(sockets[0].sentOfType('chat').filter((f) => f.id === 'm1').length, 2);
});

test('an echo or a pong for a later frame refuses what was sent before and never answered', () => {
  const { sockets, conn, outbox, join } = setup();
  conn.connect();
  join(0);
  const a = outbox.add('m1', 'one');
  const b = outbox.add('m2', 'two');
  outbox.flush();
  sockets[0].receive({ type: 'chat', seq: 1, from: 'a', text: 'two', id: 'm2' });
  assert.equal(a.status, Status.failed);
  assert.equal(a.reason, ErrorCode.rateLimited);
  assert.equal(outbox.find('m2'), null);
  const c = outbox.add('m3', 'three');
  outbox.flush();
  conn.sendPing();
  sockets[0].receive({ type: 'pong' });
  assert.equal(c.status, Status.failed);
  assert.equal(b.status, Status.sent, 'b was settled and left alone');
});

test('a lost connection queues what was in flight and sends it again after the resume', () => {
  const { clock, sockets, conn, outbox, join } = setup();
  conn.connect();
  join(0);
  outbox.add('m1', 'one');
  outbox.add('m2', 'two');
  outbox.flush();
  sockets[0].drop(CloseCode.abnormal);
  assert.deepEqual(outbox.entries.map((e) => e.status), [Status.queued, Status.queued]);
  clock.advance(1000);
  sockets[1].open();
  sockets[1].receive({ type: 'welcome', you: 'a', instance: 'i', token: 't', users: [], seq: 1, history: [] });
  assert.deepEqual(sockets[1].sentOfType('chat').map((f) => f.id), ['m1', 'm2']);
});

test('echoes in the welcome history settle entries before they are sent again', () => {
  const { clock, sockets, conn, outbox } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive({ type: 'welcome', you: 'a', instance: 'i', token: 't', users: [], seq: 0, history: [] });
  outbox.add('m1', 'one');
  outbox.add('m2', 'two');
  outbox.flush();
  sockets[0].drop(CloseCode.abnormal);
  clock.advance(1000);
  // As the page does: the history's echoes settle first, then the joined phase flushes.
  outbox.echoed('m1', false);
  sockets[1].open();
  sockets[1].receive({ type: 'welcome', you: 'a', instance: 'i', token: 't', users: [], seq: 1, history: [] });
  assert.deepEqual(sockets[1].sentOfType('chat').map((f) => f.id), ['m2']);
});

test('cut off for flooding or a huge message: in-flight messages fail instead of going again', () => {
  for (const [code, reason] of [[CloseCode.policy, ErrorCode.rateLimited], [CloseCode.tooBig, ErrorCode.tooLong]]) {
    const { clock, sockets, conn, outbox, join } = setup();
    conn.connect();
    join(0);
    const a = outbox.add('m1', 'one');
    outbox.flush();
    sockets[0].drop(code);
    assert.equal(a.status, Status.failed);
    assert.equal(a.reason, reason);
    clock.advance(10000);
    join(1);
    assert.equal(sockets[1].sentOfType('chat').length, 0);
  }
});

test('discard removes an entry for good', () => {
  const { outbox, changes } = setup();
  const a = outbox.add('m1', 'one');
  outbox.discard(a);
  assert.equal(outbox.size, 0);
  assert.deepEqual(changes, ['m1:queued', 'm1:gone']);
});

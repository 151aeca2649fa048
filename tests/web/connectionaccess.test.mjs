// The connection's part in access: the join's passcode and host token, a refused join that
// keeps the socket, the person key from an earlier load, and removal by the host.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Connection, Phase } from '../../resources/web/connection.js';
import { FakeClock, fakeWebSocketClass } from './fakes.mjs';

function setup({ fields = {}, token = '' } = {}) {
  const clock = new FakeClock();
  const { FakeWebSocket, sockets } = fakeWebSocketClass();
  const phases = [];
  const frames = [];
  const secret = { ...fields };
  const conn = new Connection({
    url: 'ws://hub/ws', WebSocket: FakeWebSocket, name: () => 'alice', clock, random: () => 0.5,
    joinFields: () => ({ ...secret }), token,
  }, {
    phase: (phase, detail) => phases.push({ phase, ...detail }),
    frame: (m) => frames.push(m),
    pong: () => {},
  });
  return { clock, sockets, conn, phases, frames, secret };
}

const welcome = { type: 'welcome', you: 'alice', room: 'R', instance: 'i1', token: 'b3c1e0f4d2a5968c',
  users: ['alice'], seq: 0, history: [] };

test('the join carries the passcode, the host token and the kept person key', () => {
  const { sockets, conn } = setup({ fields: { passcode: 'tulip-42', hostToken: 'ab'.repeat(16) },
    token: 'b3c1e0f4d2a5968c' });
  conn.connect();
  sockets[0].open();
  assert.deepEqual(sockets[0].sent, [{ type: 'join', name: 'alice', passcode: 'tulip-42',
    hostToken: 'ab'.repeat(16), token: 'b3c1e0f4d2a5968c' }]);
});

test('a refused join holds the socket past the connect timeout; rejoin uses it again', () => {
  const { clock, sockets, conn, secret, frames } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive({ type: 'error', code: 'passcode_required' });
  assert.equal(frames[0].code, 'passcode_required');
  conn.hold();
  clock.advance(60000); // the person takes their time
  assert.equal(sockets.length, 1, 'no new socket while the person types');
  assert.equal(conn.phase, Phase.joining);
  secret.passcode = 'wrong';
  conn.rejoin();
  assert.deepEqual(sockets[0].sentOfType('join').map((j) => j.passcode), [undefined, 'wrong']);
  conn.hold();
  secret.passcode = 'right';
  conn.rejoin();
  sockets[0].receive(welcome);
  assert.equal(conn.phase, Phase.joined);
  assert.equal(sockets.length, 1);
  assert.equal(conn.holding, false);
});

test('a rejoin without a socket connects again', () => {
  const { clock, sockets, conn } = setup();
  conn.connect();
  sockets[0].open();
  conn.hold();
  sockets[0].drop(1006);
  assert.equal(conn.phase, Phase.waiting);
  conn.rejoin();
  assert.equal(sockets.length, 2);
  assert.equal(conn.phase, Phase.connecting);
  clock.advance(0);
});

test('kicked (4001) or banned (4002): stopped, no retry, ever', () => {
  for (const code of [4001, 4002]) {
    const { clock, sockets, conn, phases } = setup();
    conn.connect();
    sockets[0].open();
    sockets[0].receive(welcome);
    sockets[0].drop(code);
    assert.equal(conn.phase, Phase.stopped);
    assert.equal(phases.at(-1).code, code);
    clock.advance(10 * 60 * 1000);
    assert.equal(sockets.length, 1, `no reconnect after ${code}`);
  }
});

test('closed 4001 right after the handshake (still blocked): stopped too', () => {
  const { clock, sockets, conn } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].drop(4001);
  assert.equal(conn.phase, Phase.stopped);
  clock.advance(60000);
  assert.equal(sockets.length, 1);
});

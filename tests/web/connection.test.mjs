// The page's connection module without a browser: join, resume, heartbeat, backoff, phases.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Connection, Phase } from '../../resources/web/connection.js';
import { CloseCode, MessageType } from '../../resources/web/protocol.js';
import { FakeClock, fakeWebSocketClass } from './fakes.mjs';

function setup(timings = {}) {
  const clock = new FakeClock();
  const { FakeWebSocket, sockets } = fakeWebSocketClass();
  const phases = [];
  const frames = [];
  const pongs = [];
  const conn = new Connection({
    url: 'ws://hub/ws', WebSocket: FakeWebSocket, name: () => 'alice', clock, random: () => 0.5,
    timings: { heartbeatMs: 15000, ...timings },
  }, {
    phase: (phase, detail) => phases.push({ phase, ...detail }),
    frame: (m, info) => frames.push({ m, info }),
    pong: (tx) => pongs.push(tx),
  });
  return { clock, sockets, conn, phases, frames, pongs };
}

const welcome = (extra = {}) => ({
  type: MessageType.welcome, you: 'alice', room: 'Kitchen', instance: 'i1', token: 'tok',
  users: ['alice'], seq: 2, history: [{ type: 'chat', seq: 1 }, { type: 'chat', seq: 2 }], ...extra,
});

test('joins after the socket opens and is joined at the welcome', () => {
  const { sockets, conn, phases, frames } = setup();
  conn.connect();
  assert.equal(conn.phase, Phase.connecting);
  sockets[0].open();
  assert.equal(conn.phase, Phase.joining);
  assert.deepEqual(sockets[0].sent, [{ type: 'join', name: 'alice' }]);
  sockets[0].receive(welcome());
  assert.equal(conn.phase, Phase.joined);
  assert.deepEqual(phases.map((p) => p.phase), [Phase.connecting, Phase.joining, Phase.joined]);
  assert.equal(frames[0].m.type, MessageType.welcome);
  assert.deepEqual(frames[0].info, { restarted: false, resumed: false });
});

test('a lost connection resumes after the last seq with instance and token', () => {
  const { clock, sockets, conn, phases } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  sockets[0].receive({ type: 'chat', seq: 3, from: 'bob', text: 'x' });
  sockets[0].drop(CloseCode.abnormal);
  assert.equal(conn.phase, Phase.waiting);
  const waiting = phases.at(-1);
  assert.equal(waiting.code, CloseCode.abnormal);
  assert.equal(waiting.lostCode, CloseCode.abnormal);
  assert.equal(waiting.retryAt, clock.now() + 500, 'first retry after 500 ms');
  clock.advance(499);
  assert.equal(sockets.length, 1);
  clock.advance(1);
  assert.equal(sockets.length, 2);
  sockets[1].open();
  assert.deepEqual(sockets[1].sent[0],
    { type: 'join', name: 'alice', after: 3, instance: 'i1', token: 'tok' });
  sockets[1].receive(welcome({ history: [] }));
  assert.equal(conn.phase, Phase.joined);
});

test('a restarted hub (new instance) is told apart from a resume', () => {
  const { sockets, conn, frames } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  sockets[0].drop(CloseCode.goingAway);
  conn.retryNow();
  sockets[1].open();
  sockets[1].receive(welcome({ instance: 'i2', history: [] }));
  assert.deepEqual(frames.at(-1).info, { restarted: true, resumed: false });
  assert.equal(conn.resume.after, 0);
});

test('backoff grows while attempts fail, and is reset by a welcome', () => {
  const { clock, sockets, conn, phases } = setup();
  conn.connect();
  const delays = [];
  for (let i = 0; i < 8; ++i) {
    sockets.at(-1).drop(CloseCode.abnormal);
    const p = phases.at(-1);
    assert.equal(p.phase, Phase.waiting);
    assert.equal(p.lostCode, 0, 'never in: unreachable');
    delays.push(p.retryAt - clock.now());
    clock.advance(p.retryAt - clock.now());
  }
  assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 15000, 30000, 30000]);
  sockets.at(-1).open();
  sockets.at(-1).receive(welcome());
  sockets.at(-1).drop(CloseCode.abnormal);
  assert.equal(phases.at(-1).retryAt - clock.now(), 500);
});

test('the host ending the room waits at least 2 s and says so until back in', () => {
  const { clock, sockets, conn, phases } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  sockets[0].drop(CloseCode.goingAway);
  let p = phases.at(-1);
  assert.equal(p.hostEnded, true);
  assert.equal(p.retryAt - clock.now(), 2000);
  clock.advance(2000);
  sockets[1].drop(CloseCode.abnormal); // never opened: still "the host ended the room"
  p = phases.at(-1);
  assert.equal(p.hostEnded, true);
  assert.equal(p.lostCode, CloseCode.goingAway);
});

test('flooding (1008) waits at least 5 s; replaced (4000) stops', () => {
  const { clock, sockets, conn, phases } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  sockets[0].drop(CloseCode.policy);
  assert.equal(phases.at(-1).retryAt - clock.now(), 5000);
  clock.advance(5000);
  sockets[1].open();
  sockets[1].receive(welcome());
  sockets[1].drop(CloseCode.replaced);
  assert.equal(conn.phase, Phase.stopped);
  clock.advance(60000);
  assert.equal(sockets.length, 2, 'no retry after being replaced');
  conn.retryNow();
  assert.equal(sockets.length, 3);
});

test('the heartbeat finds a dead socket and keeps it open as a zombie until the resume', () => {
  const { clock, sockets, conn } = setup({ heartbeatMs: 1000 });
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  clock.advance(1000);
  assert.equal(sockets[0].sentOfType('ping').length, 1);
  clock.advance(999);
  assert.equal(conn.phase, Phase.joined, 'nothing arrived, but the timeout has not passed');
  clock.advance(1);
  assert.equal(conn.phase, Phase.waiting);
  assert.equal(sockets[0].closedWith, null, 'not closed: it may be half alive');
  clock.advance(500);
  sockets[1].open();
  sockets[1].receive(welcome({ history: [] }));
  assert.equal(sockets[0].closedWith, CloseCode.normal, 'closed once the resume took over');
});

test('a pong names the ping it answers; any frame keeps the socket alive', () => {
  const { clock, sockets, conn, pongs } = setup({ heartbeatMs: 1000 });
  conn.connect();
  sockets[0].open();
  sockets[0].receive(welcome());
  clock.advance(1000);
  clock.advance(500);
  sockets[0].receive({ type: 'joined', name: 'bob' });
  clock.advance(500);
  assert.equal(conn.phase, Phase.joined);
  sockets[0].receive({ type: 'pong' });
  assert.deepEqual(pongs, [2], 'the ping was frame 2 on this socket (after the join)');
});

test('no welcome within the connect timeout counts as a failure', () => {
  const { clock, sockets, conn } = setup();
  conn.connect();
  sockets[0].open();
  clock.advance(10000);
  assert.equal(conn.phase, Phase.waiting);
  assert.equal(sockets[0].closedWith, CloseCode.normal);
});

test('stop closes normally and goes idle; frames are not sent when not open', () => {
  const { sockets, conn } = setup();
  conn.connect();
  assert.equal(conn.send({ type: 'ping' }), 0);
  sockets[0].open();
  sockets[0].receive(welcome());
  conn.stop();
  assert.equal(conn.phase, Phase.idle);
  assert.equal(sockets[0].closedWith, CloseCode.normal);
});

test('frames that are not JSON objects with a type are ignored', () => {
  const { sockets, conn, frames } = setup();
  conn.connect();
  sockets[0].open();
  sockets[0].receive('not json');
  sockets[0].receive('[1,2]');
  sockets[0].receive({ nope: 1 });
  assert.equal(frames.length, 0);
});

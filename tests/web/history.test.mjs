// Scroll-back and search without a browser: the requests the page sends, how answers are
// matched to them, a hub that does not know them, and the timeline they fill.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HistoryClient, jumpContext, pageSize } from '../../resources/web/history.js';
import { MessageType } from '../../resources/web/protocol.js';
import { Timeline } from '../../resources/web/timeline.js';

const chat = (seq) => ({ type: 'chat', seq, from: 'bob', text: `m${seq}`, time: '2026-11-30T10:00:00.000Z' });
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => chat(a + i));

function setup() {
  const sent = [];
  const got = [];
  const client = new HistoryClient((f) => sent.push(f) > 0, {
    history: (request, answer) => got.push({ kind: 'history', request, answer }),
    search: (request, answer) => got.push({ kind: 'search', request, answer }),
    unsupported: (request) => got.push({ kind: 'unsupported', request }),
  });
  return { sent, got, client };
}

test('older, newer, jump, latest and search send the protocol frames', () => {
  const { sent, client } = setup();
  assert.ok(client.older(500));
  assert.ok(!client.older(400), 'one older page at a time');
  client.newer(700);
  client.jump(300);
  client.latest();
  client.search('pizza', undefined);
  client.search('pizza', 250);
  assert.deepEqual(sent, [
    { type: 'history', before: 500, limit: pageSize },
    { type: 'history', before: 701 + pageSize, limit: pageSize },
    { type: 'history', before: 300 + jumpContext + 1, limit: pageSize },
    { type: 'history', limit: pageSize },
    { type: 'search', query: 'pizza', limit: pageSize },
    { type: 'search', query: 'pizza', limit: pageSize, before: 250 },
  ]);
});

test('answers are matched to requests of their type in order', () => {
  const { got, client } = setup();
  client.older(500);
  client.search('x', undefined);
  client.jump(300);
  client.receive({ type: MessageType.search, query: 'x', results: [chat(9)], complete: true });
  client.receive({ type: MessageType.history, before: 500, messages: range(400, 499), complete: false });
  client.receive({ type: MessageType.history, before: 311, messages: range(211, 310), complete: false });
  assert.deepEqual(got.map((g) => `${g.kind}:${g.request.purpose}`),
    ['search:search', 'history:older', 'history:jump']);
  assert.equal(got[1].answer.messages.length, 100);
  assert.equal(got[0].answer.complete, true);
  assert.equal(client.receive({ type: MessageType.history, messages: [] }), false, 'not asked');
});

test('a hub that does not know history answers unknown_type: no more asking', () => {
  const { sent, got, client } = setup();
  client.older(50);
  assert.ok(client.unknownType());
  assert.deepEqual(got.map((g) => g.kind), ['unsupported']);
  assert.equal(client.supported, false);
  assert.ok(!client.older(50));
  assert.ok(!client.search('x'));
  assert.equal(sent.length, 1);
  assert.ok(!client.unknownType(), 'an unknown_type about something else is not ours');
});

test('the timeline takes older pages in front, without duplicates, and knows the start', () => {
  const t = new Timeline({ cap: 1000 });
  for (const m of range(201, 400)) t.addLive(m);
  assert.equal(t.addLive(chat(400)), null, 'a duplicate is dropped');
  const added = t.prependOlder(range(101, 205), false);
  assert.deepEqual([added[0].seq, added.at(-1).seq], [101, 200]);
  assert.equal(t.firstSeq, 101);
  assert.equal(t.complete, false);
  t.prependOlder(range(1, 100), true);
  assert.equal(t.complete, true);
  assert.deepEqual(t.items.map((i) => i.seq), Array.from({ length: 400 }, (_, i) => i + 1));
});

test('an older stretch (a jump) ignores live messages until it reaches the newest', () => {
  const t = new Timeline({ cap: 1000 });
  for (const m of range(1, 500)) t.addLive(m);
  t.replace(range(201, 310), {});
  assert.equal(t.atLiveEnd, false);
  assert.equal(t.addLive(chat(501)), null);
  assert.equal(t.newestSeq, 501);
  t.appendNewer(range(311, 410));
  assert.equal(t.atLiveEnd, false);
  t.appendNewer(range(411, 501));
  assert.equal(t.atLiveEnd, true, 'reached the newest seq heard of');
  assert.ok(t.addLive(chat(502)));
  assert.equal(t.lastSeq, 502);
});

test('system lines join only the newest stretch; dropping the front forgets the start', () => {
  const t = new Timeline({ cap: 10 });
  t.prependOlder([], true);
  t.addLive(chat(1));
  assert.ok(t.addSystem('joined', { name: 'bob' }));
  t.dropFront(1);
  assert.equal(t.complete, false);
  t.dropBack(1);
  assert.equal(t.atLiveEnd, false);
  assert.equal(t.addSystem('joined', { name: 'carol' }), null);
});

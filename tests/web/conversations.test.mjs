// Private conversations without a browser: routing by the other person, order, unread counts,
// renames, and keeping private messages out of the room's history.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Conversations, isPrivate, splitPrivate } from '../../resources/web/conversations.js';

const pm = (seq, from, to, text, id) => ({ type: 'chat', seq, from, to, text, time: '2026-11-23T14:05:09.120Z', ...(id ? { id } : {}) });

test('a private message belongs to the conversation with the other person', () => {
  const c = new Conversations({ isOwn: (id) => typeof id === 'string' && id.startsWith('me-') });
  c.add(pm(3, 'bob', 'alice', 'hi alice'), 'alice', { live: true });
  c.add(pm(4, 'alice', 'bob', 'hi bob', 'me-1'), 'alice', { live: true });
  // Own by id even when our name changed since.
  c.add(pm(5, 'alice-old', 'bob', 'again', 'me-2'), 'alice', { live: true });
  assert.deepEqual(c.list.map((x) => x.name), ['bob']);
  assert.deepEqual(c.get('BOB').items.map((i) => [i.seq, i.own]), [[3, false], [4, true], [5, true]]);
  assert.equal(c.get('bob').unread, 1, 'own messages are never unread');
  assert.equal(c.add({ type: 'chat', seq: 6, from: 'bob', text: 'public' }, 'alice'), null);
});

test('the same message twice is held once, and history lands in seq order', () => {
  const c = new Conversations();
  c.add(pm(10, 'bob', 'alice', 'ten'), 'alice', { live: true });
  assert.equal(c.add(pm(10, 'bob', 'alice', 'ten'), 'alice', { live: true }).item, null);
  c.add(pm(2, 'bob', 'alice', 'two'), 'alice');
  c.add(pm(7, 'alice', 'bob', 'seven'), 'alice');
  assert.deepEqual(c.get('bob').items.map((i) => i.seq), [2, 7, 10]);
  assert.equal(c.get('bob').unread, 1, 'history is not unread');
});

test('unread counts while another conversation is shown, and are read when it is shown', () => {
  const c = new Conversations();
  c.activate('bob');
  c.add(pm(1, 'bob', 'alice', 'seen'), 'alice', { live: true, reading: true });
  c.add(pm(2, 'carol', 'alice', 'not seen'), 'alice', { live: true, reading: true });
  c.add(pm(3, 'bob', 'alice', 'tab hidden'), 'alice', { live: true, reading: false });
  assert.equal(c.get('bob').unread, 1);
  assert.equal(c.get('carol').unread, 1);
  assert.equal(c.totalUnread, 2);
  c.activate('carol');
  assert.equal(c.get('carol').unread, 0);
  c.activate('');
  assert.equal(c.activeConversation, null);
});

test('a rename moves the conversation and keeps it shown', () => {
  const c = new Conversations();
  c.add(pm(1, 'bob', 'alice', 'x'), 'alice', { live: true });
  c.activate('bob');
  c.rename('bob', 'bobby');
  assert.equal(c.get('bob'), null);
  assert.equal(c.get('bobby').name, 'bobby');
  assert.equal(c.isActive('bobby'), true);
});

test('each conversation is bounded', () => {
  const c = new Conversations({ cap: 3 });
  for (let i = 1; i <= 5; ++i) c.add(pm(i, 'bob', 'alice', String(i)), 'alice');
  assert.deepEqual(c.get('bob').items.map((i) => i.seq), [3, 4, 5]);
});

test('history is split: privates to their conversation, the rest to the room', () => {
  const got = [];
  const { publicOnes, lowestPrivate } = splitPrivate([
    { type: 'chat', seq: 1, from: 'a', text: 'public' }, pm(2, 'a', 'b', 'p'), pm(4, 'b', 'a', 'q'),
    { type: 'chat', seq: 5, from: 'a', text: 'public too', to: '' }], (m) => got.push(m.seq));
  assert.deepEqual(publicOnes.map((m) => m.seq), [1, 5]);
  assert.deepEqual(got, [2, 4]);
  assert.equal(lowestPrivate, 2);
  assert.equal(isPrivate(pm(1, 'a', 'b', 'x')), true);
  assert.equal(isPrivate(null), false);
});

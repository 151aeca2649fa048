// A refused join without a browser: the dialog asks for the passcode or says why, the wrong
// code is forgotten, and the next try goes on the same socket.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Secrets, joinFields } from '../../resources/web/access.js';
import { Connection, Phase } from '../../resources/web/connection.js';
import { JoinGate } from '../../resources/web/joingate.js';
import { FakeClock, fakeWebSocketClass } from './fakes.mjs';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

// The name dialog as the gate sees it.
class FakeDialog {
  constructor() {
    this.isOpen = false;
    this.needsPasscode = false;
    this.typed = '';
    this.error = '';
    this.cleared = 0;
  }
  get passcode() { return this.needsPasscode ? this.typed : ''; }
  askPasscode(needed, clear) {
    this.needsPasscode = needed;
    if (clear) {
      this.typed = '';
      this.cleared += 1;
    }
  }
  showError(text) { this.error = text; }
}

function setup() {
  const clock = new FakeClock();
  const { FakeWebSocket, sockets } = fakeWebSocketClass();
  const secrets = new Secrets(new MemoryStorage());
  const conn = new Connection({
    url: 'ws://hub/ws', WebSocket: FakeWebSocket, name: () => 'ann', clock, random: () => 0.5,
    joinFields: () => joinFields({ passcode: secrets.passcode, hostToken: secrets.hostToken }),
  }, { phase: () => {}, frame: (m) => m.type === 'error' && gate.refused(m.code), pong: () => {} });
  const dialog = new FakeDialog();
  const statuses = [];
  const notices = [];
  const gate = new JoinGate({ conn, nameDialog: dialog, secrets }, {
    t: (key) => key,
    setStatus: (kind, text) => statuses.push(text),
    notice: (text) => notices.push(text),
    openDialog: (rename, error, passcode) => {
      dialog.isOpen = true;
      dialog.error = error;
      dialog.askPasscode(passcode);
    },
  });
  conn.connect();
  sockets[0].open();
  return { clock, sockets, conn, secrets, dialog, statuses, notices, gate };
}

test('passcode required: asked, then a wrong and a right try on the same socket', () => {
  const { clock, sockets, conn, secrets, dialog, gate } = setup();
  sockets[0].receive({ type: 'error', code: 'passcode_required' });
  assert.equal(dialog.isOpen, true);
  assert.equal(dialog.needsPasscode, true);
  assert.equal(dialog.error, '', 'asking is no error');
  clock.advance(30000);
  dialog.typed = 'tulip-41';
  assert.equal(gate.takePasscode(), true);
  assert.equal(gate.retry(), true);
  sockets[0].receive({ type: 'error', code: 'wrong_passcode' });
  assert.equal(dialog.error, 'err_wrong_passcode');
  assert.equal(dialog.cleared, 1, 'the wrong code is cleared');
  assert.equal(secrets.passcode, '', 'and not kept for a reconnect');
  dialog.typed = 'tulip-42';
  gate.takePasscode();
  gate.retry();
  assert.deepEqual(sockets[0].sentOfType('join').map((j) => j.passcode), [undefined, 'tulip-41', 'tulip-42']);
  assert.equal(sockets.length, 1);
  assert.equal(secrets.passcode, 'tulip-42');
  sockets[0].receive({ type: 'welcome', you: 'ann', instance: 'i', token: 'ab'.repeat(8), users: ['ann'], seq: 0 });
  assert.equal(conn.phase, Phase.joined);
});

test('an empty passcode is not sent', () => {
  const { sockets, dialog, gate } = setup();
  sockets[0].receive({ type: 'error', code: 'passcode_required' });
  dialog.typed = '';
  assert.equal(gate.takePasscode(), false);
});

test('locked and too many tries say why and wait; other errors are not the gate\'s', () => {
  for (const code of ['locked', 'too_many_tries']) {
    const { sockets, dialog, statuses, gate, conn } = setup();
    sockets[0].receive({ type: 'error', code });
    assert.equal(dialog.error, `err_${code}`);
    assert.equal(statuses.at(-1), `err_${code}`);
    assert.equal(conn.holding, true);
    assert.equal(gate.refused('bad_name'), false);
  }
  const { gate, sockets } = setup();
  sockets[0].receive({ type: 'welcome', you: 'ann', instance: 'i', token: 'ab'.repeat(8), users: ['ann'], seq: 0 });
  assert.equal(gate.refused('locked'), false, 'only while joining');
});

test('a host link the hub does not know: joined again as a guest, with a notice', () => {
  const { sockets, secrets, notices } = setup();
  secrets.hostToken = 'cd'.repeat(16);
  sockets[0].receive({ type: 'error', code: 'wrong_host_token' });
  assert.equal(secrets.hostToken, '');
  assert.deepEqual(notices, ['err_wrong_host_token']);
  const joins = sockets[0].sentOfType('join');
  assert.equal(joins.length, 2);
  assert.equal(joins[1].hostToken, undefined);
});

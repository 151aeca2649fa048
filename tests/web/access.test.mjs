// The page's access words without a browser: link fragments, kept secrets, refused joins,
// moderation lines, the host's `access` state, and the strings for all of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { AccessClose, Secrets, accessFrames, accessState, isFinalClose, joinFields, moderationLine,
  readFragment, refusalKey } from '../../resources/web/access.js';
import { accessStrings } from '../../resources/web/i18n-access.js';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

test('a fragment hands over the passcode, the host token and the name', () => {
  assert.deepEqual(readFragment('#code=tulip-42'), { name: '', code: 'tulip-42', host: '', any: true });
  assert.deepEqual(readFragment('#code=caf%C3%A9%20%26%20tea'),
    { name: '', code: 'café & tea', host: '', any: true });
  const host = '0123456789abcdef0123456789ABCDEF';
  assert.deepEqual(readFragment(`#host=${host}&name=Ann%C3%A9e`),
    { name: 'Année', code: '', host: host.toLowerCase(), any: true });
  assert.equal(readFragment('#host=not-hex').host, '');
  assert.equal(readFragment('#code=%E0%A4%A').code, '', 'broken percent-encoding is dropped');
  assert.equal(readFragment('#top').any, false, 'a fragment of someone else stays in the address');
  assert.equal(readFragment('').any, false);
});

test('secrets are kept in the tab storage and only valid person keys are', () => {
  const storage = new MemoryStorage();
  const s = new Secrets(storage);
  s.passcode = 'tulip-42';
  s.hostToken = 'ab'.repeat(16);
  s.token = 'b3c1e0f4d2a5968c';
  assert.equal(new Secrets(storage).passcode, 'tulip-42');
  assert.equal(new Secrets(storage).token, 'b3c1e0f4d2a5968c');
  s.token = 'fake';
  assert.equal(s.token, '');
  s.passcode = '';
  assert.equal(storage.getItem('lanchat.passcode'), null);
  const broken = new Secrets({ getItem() { throw new Error('off'); }, setItem() { throw new Error('off'); } });
  broken.passcode = 'x';
  assert.equal(broken.passcode, '');
});

test('a join carries only the secrets that are set', () => {
  assert.deepEqual(joinFields({}), {});
  assert.deepEqual(joinFields({ passcode: 'p', hostToken: '' }), { passcode: 'p' });
  assert.deepEqual(joinFields({ passcode: '', hostToken: 'h' }), { hostToken: 'h' });
});

test('requests of a host are the documented frames', () => {
  assert.deepEqual(accessFrames.kick('mallory'), { type: 'kick', name: 'mallory' });
  assert.deepEqual(accessFrames.ban('mallory'), { type: 'ban', name: 'mallory' });
  assert.deepEqual(accessFrames.unban('192.168.1.23'), { type: 'unban', address: '192.168.1.23' });
  assert.deepEqual(accessFrames.lock(true), { type: 'lock', locked: true });
  assert.deepEqual(accessFrames.passcode(''), { type: 'passcode', passcode: '' });
});

test('refused joins and final closes', () => {
  assert.equal(refusalKey('wrong_passcode'), 'err_wrong_passcode');
  assert.equal(refusalKey('too_many_tries'), 'err_too_many_tries');
  assert.equal(refusalKey('locked'), 'err_locked');
  assert.equal(refusalKey('passcode_required'), 'passcodeNeeded');
  assert.equal(refusalKey('bad_name'), '');
  assert.equal(isFinalClose(AccessClose.kicked), true);
  assert.equal(isFinalClose(4002), true);
  assert.equal(isFinalClose(4000), false);
  assert.equal(isFinalClose(1001), false);
});

test('moderation messages become system lines', () => {
  assert.deepEqual(moderationLine({ type: 'moderation', action: 'kick', by: 'bob', name: 'mallory' }),
    { key: 'mod_kick', params: { by: 'bob', name: 'mallory' } });
  assert.deepEqual(moderationLine({ action: 'unlock', by: 'bob' }), { key: 'mod_unlock', params: { by: 'bob' } });
  assert.deepEqual(moderationLine({ action: 'passcode_removed' }),
    { key: 'mod_passcode_removed', params: { by: 'host' } });
  assert.equal(moderationLine({ action: 'ban', by: 'bob' }), null, 'a ban names whom');
  assert.equal(moderationLine({ action: 'explode', by: 'bob' }), null);
  assert.equal(moderationLine(null), null);
});

test('the access state is checked field by field', () => {
  assert.deepEqual(accessState({ passcode: 'p', locked: true, blocked: [
    { address: '10.0.0.2', name: 'mallory', ban: false, until: '2026-11-23T14:17:00.000Z' },
    { address: '10.0.0.3', ban: true }, { name: 'no address' }, 'junk'] }), {
    passcode: 'p', locked: true, blocked: [
      { address: '10.0.0.2', name: 'mallory', ban: false, until: '2026-11-23T14:17:00.000Z' },
      { address: '10.0.0.3', name: '', ban: true, until: '' }] });
  assert.deepEqual(accessState({}), { passcode: '', locked: false, blocked: [] });
});

test('every access string is in German and French, with the same placeholders', () => {
  const placeholders = (v) => JSON.stringify(v).match(/\{\w+\}/g)?.sort() ?? [];
  for (const key of Object.keys(accessStrings.en)) {
    for (const lang of ['de', 'fr']) {
      assert.ok(key in accessStrings[lang], `${lang} lacks ${key}`);
      assert.deepEqual([...new Set(placeholders(accessStrings[lang][key]))],
        [...new Set(placeholders(accessStrings.en[key]))], `${lang} ${key}`);
    }
  }
  assert.deepEqual(Object.keys(accessStrings.de).sort(), Object.keys(accessStrings.en).sort());
  assert.deepEqual(Object.keys(accessStrings.fr).sort(), Object.keys(accessStrings.en).sort());
});

// Files without a browser: a `file` message checked into a card's model, sizes for people, the
// Content-Range of a resumed PUT, the room's limits, names of pasted pictures, and file messages
// in the timeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  contentRange, fileModel, filePath, formatSize, parseOffset, pastedName, precheck, thumbSize,
  typeAllowed, typeLabel,
} from '../../resources/web/files.js';
import { frames } from '../../resources/web/protocol.js';
import { Timeline } from '../../resources/web/timeline.js';

const id = '7c1d0000000000000000000000000abc';
const sha = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const picture = {
  type: 'file', seq: 44, from: 'alice', time: '2026-11-23T14:08:00.000Z', id: 'u-1',
  name: 'holiday.jpg', size: 2480311, mime: 'image/jpeg', sha256: sha,
  url: `/files/${id}/holiday.jpg`, thumb: `/files/${id}/thumb`, width: 4032, height: 3024,
};

test('a picture message becomes a picture card with its thumbnail', () => {
  const f = fileModel(picture);
  assert.equal(f.picture, true);
  assert.equal(f.viewable, true);
  assert.equal(f.thumb, `/files/${id}/thumb`);
  assert.equal(f.url, `/files/${id}/holiday.jpg`);
  assert.equal(f.sha256, sha);
  assert.deepEqual([f.width, f.height, f.size], [4032, 3024, 2480311]);
});

test('a file without a thumbnail is a plain card', () => {
  const f = fileModel({ ...picture, name: 'notes.pdf', mime: 'application/pdf', thumb: undefined,
    width: undefined, height: undefined });
  assert.equal(f.picture, false);
  assert.equal(f.thumb, '');
  assert.equal(typeLabel(f.name, f.mime), 'PDF');
});

test('an SVG is never a picture, even with a thumbnail', () => {
  const f = fileModel({ ...picture, name: 'x.svg', mime: 'image/svg+xml' });
  assert.equal(f.picture, false);
  assert.equal(f.thumb, '');
});

test('only this hub\'s /files/ paths are used', () => {
  assert.equal(filePath(`/files/${id}/a.png`), `/files/${id}/a.png`);
  for (const bad of ['https://evil.example/x.png', `//evil.example/files/${id}/x`, 'javascript:alert(1)',
    `data:image/png;base64,AAAA`, `/files/${id}/../../ws`, `/files/${id}/a\\b`, '/files/short/x',
    `/upload/${id}`, 42, null]) {
    assert.equal(filePath(bad), '', String(bad));
  }
  assert.equal(fileModel({ ...picture, url: 'https://evil.example/x' }), null);
  const f = fileModel({ ...picture, thumb: 'https://evil.example/t.png' });
  assert.equal(f.picture, false, 'a foreign thumbnail is dropped');
  assert.equal(fileModel({ ...picture, name: '' }), null);
  assert.equal(fileModel({ ...picture, sha256: 'NOT-HEX' }).sha256, '');
});

test('the thumbnail keeps the picture\'s shape inside 320×320 and is never enlarged', () => {
  assert.deepEqual(thumbSize(4032, 3024), { width: 320, height: 240 });
  assert.deepEqual(thumbSize(1000, 4000), { width: 80, height: 320 });
  assert.deepEqual(thumbSize(100, 50), { width: 100, height: 50 });
  assert.deepEqual(thumbSize(0, 0), { width: 320, height: 320 });
});

test('sizes read as people expect, in the page\'s language', () => {
  assert.equal(formatSize(0, 'en'), '0 bytes');
  assert.equal(formatSize(999, 'en'), '999 bytes');
  assert.equal(formatSize(2480311, 'en'), '2.5 MB');
  assert.equal(formatSize(2147483648, 'en'), '2.1 GB');
  assert.equal(formatSize(150000, 'en'), '150 kB');
  assert.equal(formatSize(2480311, 'de'), '2,5 MB');
});

test('a PUT from the start has no Content-Range; a resumed one names the rest', () => {
  assert.equal(contentRange(0, 2480311), null);
  assert.equal(contentRange(1048576, 2480311), 'bytes 1048576-2480310/2480311');
  assert.equal(contentRange(2480310, 2480311), 'bytes 2480310-2480310/2480311');
  assert.equal(parseOffset('1048576', 2480311), 1048576);
  assert.equal(parseOffset(' 5 ', 10), 5);
  for (const bad of [null, '', '-1', '12x', '11']) assert.equal(parseOffset(bad, 10), -1, String(bad));
});

test('the room\'s limits refuse before asking', () => {
  assert.equal(precheck(undefined, 'a.png', 1, 'image/png'), 'files_off');
  const limits = { maxBytes: 1000, types: ['image/*', 'application/pdf', '.zip'] };
  assert.equal(precheck(limits, 'a.png', 1000, 'image/png'), '');
  assert.equal(precheck(limits, 'a.png', 1001, 'image/png'), 'file_too_big');
  assert.equal(precheck(limits, 'a.exe', 10, 'application/x-msdownload'), 'file_type');
  assert.equal(precheck(limits, 'B.ZIP', 10, ''), '');
  assert.equal(precheck(limits, 'r.pdf', 10, 'application/pdf'), '');
  assert.equal(typeAllowed(undefined, 'anything', ''), true);
});

test('a pasted picture gets a name with the time; a named file keeps its own', () => {
  const at = new Date(2026, 10, 30, 9, 5, 7);
  assert.equal(pastedName({ name: 'image.png', type: 'image/png' }, at), 'Screenshot 2026-11-30 09.05.07.png');
  assert.equal(pastedName({ name: '', type: 'image/jpeg' }, at), 'Screenshot 2026-11-30 09.05.07.jpg');
  assert.equal(pastedName({ name: 'report.pdf', type: 'application/pdf' }, at), 'report.pdf');
  assert.doesNotMatch(pastedName({ name: 'image.png', type: 'image/png' }, at), /[:/\\]/);
});

test('the upload request carries sha256 and to only when given', () => {
  assert.deepEqual(frames.upload({ id: 'u1', name: 'a', size: 3, mime: '', sha256: '', to: '', slot: '' }),
    { type: 'upload', id: 'u1', name: 'a', size: 3 });
  assert.deepEqual(frames.upload({ id: 'u1', name: 'a', size: 3, mime: 'image/png', sha256: sha, to: 'bob', slot: 'abc' }),
    { type: 'upload', id: 'u1', name: 'a', size: 3, mime: 'image/png', sha256: sha, to: 'bob', upload: 'abc' });
});

test('file messages sit in the timeline by seq, live and from history', () => {
  const timeline = new Timeline();
  timeline.addLive({ type: 'chat', seq: 43, from: 'bob', text: 'look', time: picture.time });
  const item = timeline.addLive(picture);
  assert.equal(item.kind, 'file');
  assert.equal(item.text, 'holiday.jpg');
  assert.equal(item.file.thumb, `/files/${id}/thumb`);
  assert.equal(timeline.lastSeq, 44);
  const older = timeline.prependOlder([{ ...picture, seq: 40, name: 'old.zip', thumb: undefined },
    { ...picture, seq: 41, url: 'https://evil.example/' }], false);
  assert.deepEqual(older.map((i) => [i.seq, i.kind, i.file.picture]), [[40, 'file', false]]);
});

test('every string of files is in English, German and French', async () => {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(new URL('../../resources/web/i18n.js', import.meta.url), 'utf8');
  const keys = ['attach', 'dropFiles', 'download', 'downloadNamed', 'openPicture',
    'closePicture', 'uploadsHeading', 'uploadQueued', 'uploadPreparing', 'uploadAsking',
    'uploadProgress', 'uploadRetrying', 'uploadDone', 'uploadFailed', 'uploadOf',
    ...['files_off', 'file_too_big', 'file_type', 'quota_full', 'disk_full', 'no_such_person',
      'bad_message', 'checksum', 'network'].map((r) => `uploadReason_${r}`)];
  for (const key of keys) {
    const count = source.split(`\n    ${key}: `).length - 1;
    assert.equal(count, 3, `${key} in en, de and fr`);
  }
  // And the German table answers them (the page picks it from navigator.languages).
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['de-DE'] }, configurable: true });
  const { t } = await import('../../resources/web/i18n.js');
  assert.equal(t('uploadProgress', { sent: '1 MB', size: '2 MB' }), '1 MB von 2 MB');
  assert.equal(t('uploadFailed', { reason: t('uploadReason_file_too_big', { max: '2,1 GB' }) }),
    'Nicht gesendet: die Datei ist zu groß für diesen Raum (höchstens 2,1 GB)');
});

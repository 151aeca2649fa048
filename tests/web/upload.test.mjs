// Sending files without a browser: the upload request, the PUT with progress, resuming from the
// hub's offset with file.slice and Content-Range, refusals before any byte, cancel (abort and
// DELETE), and one file at a time. A fake XMLHttpRequest records what would go over HTTP.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import { UploadState, Uploads, retryDelaysMs, sha256Hex } from '../../resources/web/upload.js';
import { FakeClock } from './fakes.mjs';

class FakeXHR {
  static all = [];

  constructor() {
    this.headers = {};
    this.upload = {};
    this.status = 0;
    this.responseHeaders = {};
    this.aborted = false;
    FakeXHR.all.push(this);
  }

  open(method, url) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(k, v) {
    this.headers[k] = v;
  }

  getResponseHeader(k) {
    return this.responseHeaders[k] ?? null;
  }

  send(body) {
    this.body = body;
  }

  abort() {
    this.aborted = true;
  }

  progress(loaded) {
    this.upload.onprogress({ loaded, total: this.body.size });
  }

  finish(status, headers = {}) {
    this.status = status;
    this.responseHeaders = headers;
    this.onload();
  }

  fail() {
    this.onerror();
  }
}

const slot = '4be0aaaaaaaaaaaaaaaaaaaaaaaaaaaa';

function setup({ limits = { maxBytes: 1 << 30 }, connected = true } = {}) {
  FakeXHR.all = [];
  const clock = new FakeClock();
  const sent = [];
  const events = [];
  let n = 0;
  const state = { connected };
  const uploads = new Uploads({
    send: (frame) => {
      if (!state.connected) return 0;
      sent.push(frame);
      return sent.length;
    },
    newId: () => `u-${++n}`,
    XMLHttpRequest: FakeXHR,
    digest: (blob) => sha256Hex(blob),
    limits: () => limits,
    clock,
  }, {
    changed: (u) => events.push(`${u.name}:${u.state}`),
    removed: (u) => events.push(`${u.name}:removed`),
  });
  return { uploads, sent, events, clock, state, puts: () => FakeXHR.all.filter((x) => x.method === 'PUT'),
    deletes: () => FakeXHR.all.filter((x) => x.method === 'DELETE') };
}

const blob = (text, type = 'text/plain') => new Blob([text], { type });
// Lets the digest (a few promise turns and a thread-pool job) finish.
async function tick() {
  for (let i = 0; i < 20; ++i) await new Promise((resolve) => setTimeout(resolve, 1));
}
const hex = (text) => createHash('sha256').update(text).digest('hex');

test('a file is asked for with its SHA-256, then PUT whole with progress', async () => {
  const s = setup();
  const u = s.uploads.add(blob('hello world'), 'hello.txt');
  await tick();
  assert.deepEqual(s.sent, [{ type: 'upload', id: 'u-1', name: 'hello.txt', size: 11, mime: 'text/plain',
    sha256: hex('hello world') }]);
  assert.equal(u.state, UploadState.asking);
  assert.equal(s.puts().length, 0, 'no byte before the hub grants a slot');

  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  const [put] = s.puts();
  assert.equal(put.url, `/upload/${slot}`);
  assert.equal(put.headers['Content-Range'], undefined);
  assert.equal(put.body, u.file, 'the File itself goes, for the browser to stream');
  put.progress(5);
  assert.equal(u.sent, 5);
  put.finish(201);
  assert.equal(u.state, UploadState.done);
  s.uploads.delivered({ type: 'file', id: 'u-1' });
  assert.deepEqual(s.uploads.list, []);
  assert.equal(s.events.at(-1), 'hello.txt:removed');
});

test('without a digest (plain http on a LAN address) sha256 is left out', async () => {
  const insecure = {}; // window.crypto there has getRandomValues but no subtle
  assert.equal(await sha256Hex(blob('x'), insecure), '');
  const s = setup();
  s.uploads.options.digest = (b) => sha256Hex(b, insecure);
  s.uploads.add(blob('hello'), 'a.txt');
  await tick();
  assert.equal('sha256' in s.sent[0], false);
});

test('a file over 64 MiB is not read for a digest', async () => {
  const s = setup();
  let read = 0;
  s.uploads.options.digest = () => {
    read += 1;
    return Promise.resolve('');
  };
  const big = { size: 64 * 1024 * 1024 + 1, type: '', slice: () => ({}) };
  s.uploads.add(big, 'big.bin');
  await tick();
  assert.equal(read, 0);
  assert.equal(s.sent.length, 1);
  assert.equal('sha256' in s.sent[0], false);
});

test('a broken PUT resumes from the hub\'s offset with the rest of the file', async () => {
  const s = setup();
  const file = blob('0123456789');
  const u = s.uploads.add(file, 'digits.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.puts()[0].progress(4);
  s.puts()[0].fail();
  assert.equal(u.state, UploadState.retrying);
  s.clock.advance(retryDelaysMs[0]);
  // Asks again for the same slot, to learn how much the hub has.
  assert.equal(s.sent.length, 2);
  assert.equal(s.sent[1].upload, slot);
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 6 });
  const resumed = s.puts()[1];
  assert.equal(resumed.headers['Content-Range'], 'bytes 6-9/10');
  assert.equal(await resumed.body.text(), '6789', 'file.slice(offset)');
  assert.equal(u.sent, 6);
  resumed.progress(4);
  assert.equal(u.sent, 10);
  resumed.finish(201);
  assert.equal(u.state, UploadState.done);
});

test('a 409 moves the PUT to the offset the hub names', async () => {
  const s = setup();
  s.uploads.add(blob('abcdef'), 'a.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.puts()[0].finish(409, { 'Upload-Offset': '3' });
  assert.equal(s.puts()[1].headers['Content-Range'], 'bytes 3-5/6');
  assert.equal(await s.puts()[1].body.text(), 'def');
});

test('a refusal comes before any byte and is shown with its reason', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abc'), 'a.txt');
  await tick();
  assert.equal(s.uploads.refused({ type: 'error', id: 'u-1', code: 'quota_full' }), true);
  assert.equal(u.state, UploadState.failed);
  assert.equal(u.reason, 'quota_full');
  assert.equal(s.puts().length, 0);
  assert.equal(s.uploads.refused({ type: 'error', id: 'other', code: 'too_long' }), false, 'not ours');
});

test('the room\'s limits refuse at once, without asking', () => {
  const s = setup({ limits: { maxBytes: 2 } });
  const u = s.uploads.add(blob('abc'), 'a.txt');
  assert.equal(u.reason, 'file_too_big');
  const off = setup({ limits: null }); // the welcome had no `files`
  assert.equal(off.uploads.add(blob('a'), 'a.txt').reason, 'files_off');
  assert.equal(s.sent.length + off.sent.length, 0);
});

test('cancel aborts the PUT and deletes the slot', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abcdef'), 'a.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.uploads.cancel(u);
  assert.equal(s.puts()[0].aborted, true);
  assert.deepEqual(s.deletes().map((x) => x.url), [`/upload/${slot}`]);
  assert.deepEqual(s.uploads.list, []);
});

test('cancel while the hub is still answering deletes the slot it then grants', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abcdef'), 'a.txt');
  await tick();
  s.uploads.cancel(u);
  assert.equal(s.deletes().length, 0);
  assert.equal(s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 }), true);
  assert.equal(s.puts().length, 0, 'no bytes for a cancelled file');
  assert.deepEqual(s.deletes().map((x) => x.url), [`/upload/${slot}`]);
});

test('several files go one after another', async () => {
  const s = setup();
  const a = s.uploads.add(blob('a'), 'a.txt');
  const b = s.uploads.add(blob('b'), 'b.txt');
  await tick();
  assert.equal(b.state, UploadState.queued);
  assert.deepEqual(s.sent.map((f) => f.name), ['a.txt']);
  s.uploads.answer({ type: 'upload', id: a.id, upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.puts()[0].finish(201);
  await tick();
  assert.deepEqual(s.sent.map((f) => f.name), ['a.txt', 'b.txt']);
});

test('without the connection the request waits, and goes once it is back', async () => {
  const s = setup({ connected: false });
  const u = s.uploads.add(blob('abc'), 'a.txt', 'bob');
  await tick();
  assert.equal(u.state, UploadState.retrying);
  s.state.connected = true;
  s.uploads.joined();
  assert.equal(s.sent.length, 1);
  assert.equal(s.sent[0].to, 'bob', 'a private file keeps its recipient');
});

test('a file whose bytes arrived damaged (422) is not sent again by itself', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abc'), 'a.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.puts()[0].finish(422);
  assert.equal(u.reason, 'checksum');
  s.clock.advance(60000);
  assert.equal(s.puts().length, 1);
});

test('a PUT that keeps breaking gives up after the last pause', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abc'), 'a.txt');
  await tick();
  for (let i = 0; i <= retryDelaysMs.length; ++i) {
    s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
    s.puts().at(-1).fail();
    s.clock.advance(30000);
  }
  assert.equal(u.state, UploadState.failed);
  assert.equal(u.reason, 'network');
});

test('the file message may come before the PUT\'s answer: the PUT is not aborted', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abc'), 'a.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  s.puts()[0].progress(3);
  s.uploads.delivered({ type: 'file', id: 'u-1' });
  assert.equal(s.puts()[0].aborted, false);
  assert.equal(u.removed, true);
  s.puts()[0].finish(201); // late: ignored
  assert.deepEqual(s.uploads.list, []);
});

test('"Send again" after a refused resume asks for a new slot', async () => {
  const s = setup();
  const u = s.uploads.add(blob('abcdef'), 'a.txt');
  await tick();
  s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 0 });
  for (let i = 0; i <= retryDelaysMs.length; ++i) {
    s.puts().at(-1).fail();
    s.clock.advance(30000);
    if (u.state === UploadState.failed) break;
    assert.equal(s.sent.at(-1).upload, slot, 'a break resumes the slot');
    s.uploads.answer({ type: 'upload', id: 'u-1', upload: slot, url: `/upload/${slot}`, offset: 2 });
  }
  assert.equal(u.reason, 'network');
  s.uploads.retry(u);
  await tick();
  assert.equal(s.sent.at(-1).upload, slot, 'after giving up, "Send again" still resumes');
  s.uploads.refused({ type: 'error', id: 'u-1', code: 'bad_message' });
  s.uploads.retry(u);
  await tick();
  assert.equal('upload' in s.sent.at(-1), false, 'a refused resume starts afresh');
});

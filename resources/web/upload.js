// Sending files: for each, an `upload` request over the WebSocket (the hub grants a slot or refuses
// before any byte goes), then one HTTP PUT of the File itself — the browser streams it from disk,
// it is never read into memory whole (only files up to 64 MiB are read, for their SHA-256). A PUT
// that breaks resumes where the hub's bytes end (`offset`, `file.slice(offset)`, Content-Range).
// One file goes at a time, in the order given. No DOM: the owner draws what `changed` reports.

import { contentRange, digestLimit, parseOffset, precheck } from './files.js';
import { frames } from './protocol.js';

export const UploadState = Object.freeze({
  queued: 'queued', // behind another file
  hashing: 'hashing', // reading the file for its SHA-256
  asking: 'asking', // `upload` sent, the hub's answer not here yet
  sending: 'sending', // the PUT is under way
  retrying: 'retrying', // broken: asks again after a pause, or once the connection is back
  done: 'done', // all bytes arrived; the `file` message is on its way
  failed: 'failed', // refused or given up: `reason`
});

export const retryDelaysMs = Object.freeze([1000, 2000, 4000, 8000, 15000, 30000]);

const uploadPath = /^\/upload\/[0-9A-Za-z_-]{1,128}$/;

// The SHA-256 of a blob as lower-case hex, or '' when the browser has no digest here (plain
// http:// on a LAN address is not a secure context: crypto.subtle is undefined there).
export async function sha256Hex(blob, cryptoApi = globalThis.crypto) {
  const subtle = cryptoApi && cryptoApi.subtle;
  if (!subtle || blob.size > digestLimit) return '';
  try {
    const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch (e) {
    return '';
  }
}

export class Uploads {
  // options: send(frame) → nonzero when sent; newId() → an id for the request; XMLHttpRequest
  // (constructor); digest(blob) → Promise of hex or ''; limits() → `welcome.files` (undefined:
  // no files); clock {setTimeout, clearTimeout}; joined() → whether the socket is in the room.
  // handlers: changed(upload), removed(upload).
  constructor(options, handlers) {
    this.options = options;
    this.clock = options.clock || globalThis;
    this.handlers = handlers;
    this.list = []; // oldest first
    this.forgotten = new Set(); // ids cancelled while the hub's answer was on its way
  }

  // Queues a file (a File or Blob; name: what it is called in the room; to: a person for a
  // private file, or ''). Returns the upload.
  add(file, name, to = '') {
    const u = {
      id: this.options.newId(), file, name, size: file.size, mime: file.type || '', to,
      state: UploadState.queued, sent: 0, slot: '', url: '', sha256: '', reason: '',
      attempts: 0, xhr: null, timer: 0,
    };
    this.list.push(u);
    const refusal = precheck(this.options.limits(), name, u.size, u.mime);
    if (refusal) this.fail(u, refusal);
    else this.handlers.changed(u);
    this.next();
    return u;
  }

  byId(id) {
    return typeof id === 'string' ? this.list.find((u) => u.id === id) : undefined;
  }

  get active() {
    return this.list.find((u) => [UploadState.hashing, UploadState.asking, UploadState.sending,
      UploadState.retrying].includes(u.state));
  }

  next() {
    if (this.active) return;
    const u = this.list.find((x) => x.state === UploadState.queued);
    if (u) this.start(u);
  }

  set(u, state) {
    u.state = state;
    this.handlers.changed(u);
  }

  async start(u) {
    if (u.size <= digestLimit && !u.sha256) {
      this.set(u, UploadState.hashing);
      const hex = await this.options.digest(u.file);
      if (u.removed || u.state !== UploadState.hashing) return; // cancelled meanwhile
      u.sha256 = hex;
    }
    this.ask(u);
  }

  // Asks the hub for a slot (or, with one, how much of the file it has).
  ask(u) {
    const frame = frames.upload({ id: u.id, name: u.name, size: u.size, mime: u.mime,
      sha256: u.sha256, to: u.to, slot: u.slot });
    if (this.options.send(frame)) this.set(u, UploadState.asking);
    else this.set(u, UploadState.retrying); // asks again when the connection is back
  }

  // The hub's `upload` answer. Returns true when it was about one of ours.
  answer(m) {
    if (this.forgotten.delete(m.id)) {
      if (typeof m.url === 'string' && uploadPath.test(m.url)) this.deleteSlot(m.url);
      return true;
    }
    const u = this.byId(m.id);
    if (!u || u.state !== UploadState.asking) return !!u;
    if (typeof m.url !== 'string' || !uploadPath.test(m.url)) {
      this.fail(u, 'bad_message');
      return true;
    }
    u.slot = typeof m.upload === 'string' ? m.upload : '';
    u.url = m.url;
    const offset = Number.isSafeInteger(m.offset) && m.offset >= 0 && m.offset <= u.size ? m.offset : 0;
    this.put(u, offset);
    return true;
  }

  // An `error` naming one of our requests: the upload is refused. Returns true when it was ours.
  refused(m) {
    if (this.forgotten.delete(m.id)) return true;
    const u = this.byId(m.id);
    if (!u) return false;
    if (u.state === UploadState.asking) {
      // A refused resume (the slot expired, the room restarted): "Send again" starts afresh.
      u.slot = '';
      u.url = '';
      this.fail(u, typeof m.code === 'string' ? m.code : 'bad_message');
    }
    return true;
  }

  // A `file` message: when it is one of ours, its upload is over.
  delivered(m) {
    const u = this.byId(m.id);
    if (!u) return;
    u.xhr = null; // the hub has it all: the PUT's answer may still come, and is not needed
    this.remove(u);
  }

  // The connection is back in the room: what waited for it (or whose answer was lost) asks again.
  joined() {
    for (const u of this.list) {
      if (u.state === UploadState.asking || (u.state === UploadState.retrying && !u.timer && !u.xhr)) {
        this.ask(u);
      }
    }
  }

  put(u, offset) {
    const xhr = new this.options.XMLHttpRequest();
    u.xhr = xhr;
    u.sent = offset;
    this.set(u, UploadState.sending);
    xhr.open('PUT', u.url);
    const range = contentRange(offset, u.size);
    if (range) xhr.setRequestHeader('Content-Range', range);
    xhr.upload.onprogress = (e) => {
      if (u.xhr !== xhr) return;
      u.sent = offset + e.loaded;
      if (e.loaded > 0) u.attempts = 0; // it moves: a later break starts counting afresh
      this.handlers.changed(u);
    };
    xhr.onload = () => {
      if (u.xhr === xhr) this.putDone(u, xhr);
    };
    xhr.onerror = xhr.ontimeout = () => {
      if (u.xhr === xhr) this.broken(u);
    };
    xhr.send(offset > 0 ? u.file.slice(offset) : u.file);
  }

  putDone(u, xhr) {
    u.xhr = null;
    switch (xhr.status) {
    case 201:
      u.sent = u.size;
      this.set(u, UploadState.done);
      this.next();
      break;
    case 204: // the hub wants more than this PUT carried: ask where it stands
      this.ask(u);
      break;
    case 409: {
      const offset = parseOffset(xhr.getResponseHeader('Upload-Offset'), u.size);
      if (offset >= 0 && ++u.attempts <= retryDelaysMs.length) this.put(u, offset);
      else this.broken(u);
      break;
    }
    case 422:
      this.fail(u, 'checksum');
      break;
    case 404: // the slot ended (expired, or the room restarted): begin again
      u.slot = '';
      u.url = '';
      this.broken(u);
      break;
    case 413:
      this.fail(u, 'file_too_big');
      break;
    default:
      this.broken(u);
    }
  }

  // The PUT broke (network, hub gone): ask again after a pause, then resume from the hub's offset.
  broken(u) {
    u.xhr = null;
    u.attempts += 1;
    if (u.attempts > retryDelaysMs.length) {
      this.fail(u, 'network');
      return;
    }
    this.set(u, UploadState.retrying);
    u.timer = this.clock.setTimeout(() => {
      u.timer = 0;
      if (u.state === UploadState.retrying) this.ask(u);
    }, retryDelaysMs[u.attempts - 1]);
  }

  fail(u, reason) {
    this.stop(u);
    u.reason = reason;
    this.set(u, UploadState.failed);
    this.next();
  }

  // Ends what is under way for u (the PUT, a pause) without a word to the hub.
  stop(u) {
    if (u.xhr) {
      const xhr = u.xhr;
      u.xhr = null;
      xhr.abort();
    }
    if (u.timer) this.clock.clearTimeout(u.timer);
    u.timer = 0;
  }

  deleteSlot(url) {
    const xhr = new this.options.XMLHttpRequest();
    xhr.open('DELETE', url);
    xhr.send();
  }

  // Cancel: the PUT stops, the hub deletes what it has, nobody else ever sees the file.
  cancel(u) {
    if (u.state === UploadState.done) return;
    if (u.state === UploadState.asking) this.forgotten.add(u.id);
    this.stop(u);
    if (u.url) this.deleteSlot(u.url);
    this.remove(u);
  }

  // A failed upload, once more from where the hub stands.
  retry(u) {
    if (u.state !== UploadState.failed) return;
    u.attempts = 0;
    u.reason = '';
    this.set(u, UploadState.queued);
    this.next();
  }

  remove(u) {
    this.stop(u);
    const i = this.list.indexOf(u);
    if (i < 0) return;
    this.list.splice(i, 1);
    u.removed = true;
    this.handlers.removed(u);
    this.next();
  }
}

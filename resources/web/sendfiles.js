// The ways a person sends files from the page — the attach button (on a phone: the camera and
// photo picker), pasting a picture, dropping files on the page — and the list of files on their
// way, above the composer. The uploads themselves are upload.js's.

import { pastedName } from './files.js';
import { Lightbox, renderUpload } from './filecard.js';
import { Uploads, sha256Hex } from './upload.js';

export class FileSender {
  // el: {app, attach, picker, uploads, dropHint, input, lightbox: {dialog, img, name, download,
  // close}}. deps: t, lang, send(frame), newId(), recipient() → '' or the person of the current
  // private conversation, sent() — a file was handed over (the view follows).
  constructor(el, deps) {
    this.el = el;
    this.deps = deps;
    this.limits = undefined; // `welcome.files`: undefined while unknown or when files are off
    this.uploads = new Uploads({
      send: deps.send,
      newId: deps.newId,
      XMLHttpRequest,
      digest: (blob) => sha256Hex(blob),
      limits: () => this.limits,
      clock: window,
    }, {
      changed: (u) => this.draw(u),
      removed: (u) => {
        if (u.view) u.view.li.remove();
        this.el.uploads.hidden = this.uploads.list.length === 0;
      },
    });
    this.lightbox = new Lightbox(el.lightbox, deps);
    this.wire();
  }

  // The room's file settings from its welcome (absent: the room takes no files).
  setLimits(files) {
    this.limits = files && typeof files === 'object' ? files : undefined;
    this.el.attach.hidden = !this.limits;
    const types = this.limits && Array.isArray(this.limits.types) ? this.limits.types : null;
    // The picker offers what the room takes; the hub checks again.
    if (types) this.el.picker.accept = types.filter((x) => typeof x === 'string').join(',');
    else this.el.picker.removeAttribute('accept');
  }

  draw(u) {
    const li = renderUpload(u, {
      t: this.deps.t, lang: this.deps.lang,
      maxBytes: () => (this.limits && typeof this.limits.maxBytes === 'number' ? this.limits.maxBytes : 0),
    }, {
      cancel: (x) => this.uploads.cancel(x),
      retry: (x) => this.uploads.retry(x),
      discard: (x) => this.uploads.remove(x),
    });
    if (!li.isConnected) this.el.uploads.append(li);
    this.el.uploads.hidden = false;
  }

  // Several files at once, each with the name it gets in the room.
  sendFiles(files, name = (f) => f.name) {
    const to = this.deps.recipient();
    let n = 0;
    for (const file of files) {
      this.uploads.add(file, name(file) || 'file', to);
      n += 1;
    }
    if (n) this.deps.sent();
    return n;
  }

  openPicture(file) {
    this.lightbox.open(file);
  }

  wire() {
    const { attach, picker, input, app } = this.el;
    attach.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      this.sendFiles([...picker.files]);
      picker.value = ''; // the same file can be chosen again
    });
    // A picture pasted into the message field (a screenshot): sent as a file named by the time.
    input.addEventListener('paste', (e) => {
      const files = e.clipboardData ? [...e.clipboardData.files] : [];
      if (files.length === 0) return; // text: the field takes it
      e.preventDefault();
      const now = new Date();
      this.sendFiles(files, (f) => pastedName(f, now));
    });
    // Leaving while a file is on its way: the browser asks first (the upload would stop; it
    // could only resume from this page).
    window.addEventListener('beforeunload', (e) => {
      if (this.uploads.active) e.preventDefault();
    });
    // Files dragged onto the page. `depth` counts enter/leave pairs of nested elements.
    let depth = 0;
    const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const show = (on) => {
      app.classList.toggle('dropping', on);
      this.el.dropHint.hidden = !on;
    };
    document.addEventListener('dragenter', (e) => {
      if (!hasFiles(e) || !this.limits) return;
      depth += 1;
      show(true);
    });
    document.addEventListener('dragleave', (e) => {
      if (!hasFiles(e) || !this.limits) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) show(false);
    });
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e) || !this.limits) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // never let the browser navigate away to the dropped file
      depth = 0;
      show(false);
      if (this.limits) this.sendFiles([...e.dataTransfer.files]);
    });
  }
}

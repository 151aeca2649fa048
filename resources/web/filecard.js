// Files on screen: a picture as its thumbnail (the full picture opens in a lightbox), any other
// file as a card with its name, size, type and a download link; and a row per file being sent,
// with progress and Cancel. Names are text in isolated elements; images come only from this
// hub's /files/ paths (files.js), and an SVG is never shown, only downloaded.

import { formatSize, thumbSize, typeLabel } from './files.js';
import { isolated, make } from './richtext.js';
import { UploadState } from './upload.js';

function downloadLink(file, t) {
  const a = make('a', 'file-download', t('download'));
  a.href = file.url;
  a.download = file.name;
  a.setAttribute('aria-label', t('downloadNamed', { name: file.name }));
  if (file.sha256) a.title = `SHA-256 ${file.sha256}`;
  return a;
}

function details(file, lang) {
  return [typeLabel(file.name, file.mime), formatSize(file.size, lang)].filter(Boolean).join(' · ');
}

// The card of one `file` message (files.js fileModel). deps: t, lang, open(file) — show a
// picture full size.
export function fileCard(file, deps) {
  const { t, lang } = deps;
  const card = make('div', file.picture ? 'file picture' : 'file');
  if (file.sha256) card.dataset.sha256 = file.sha256;
  if (file.picture) {
    const link = make('a', 'file-thumb');
    link.href = file.url;
    link.setAttribute('aria-label', t('openPicture', { name: file.name }));
    const img = make('img');
    const size = thumbSize(file.width, file.height);
    img.width = size.width;
    img.height = size.height;
    img.alt = file.name;
    img.decoding = 'async';
    img.src = file.thumb;
    link.append(img);
    link.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // a new tab: the browser's
      e.preventDefault();
      deps.open(file);
    });
    card.append(link);
  } else {
    card.append(make('span', 'file-icon', typeLabel(file.name, file.mime).slice(0, 4) || '?'));
  }
  const info = make('div', 'file-info');
  info.append(isolated('bdi', 'file-name', file.name));
  const meta = make('span', 'file-meta', details(file, lang));
  info.append(meta, downloadLink(file, t));
  card.append(info);
  return card;
}

// The full picture over the page. el: {dialog, img, name, download, close}.
export class Lightbox {
  constructor(el, deps) {
    this.el = el;
    this.t = deps.t;
    el.close.addEventListener('click', () => el.dialog.close());
    // A click on the dimmed backdrop (the dialog itself, outside its content) closes it too.
    el.dialog.addEventListener('click', (e) => {
      if (e.target === el.dialog) el.dialog.close();
    });
    el.dialog.addEventListener('close', () => {
      el.img.removeAttribute('src');
      if (this.opener && this.opener.isConnected) this.opener.focus();
    });
  }

  open(file) {
    const { dialog, img, name, download } = this.el;
    this.opener = document.activeElement;
    img.alt = file.name;
    img.width = file.width;
    img.height = file.height;
    // A picture the hub serves inline is shown whole; any other (BMP) only as its thumbnail.
    img.src = file.viewable ? file.url : file.thumb;
    name.textContent = file.name;
    download.href = file.url;
    download.download = file.name;
    download.title = file.sha256 ? `SHA-256 ${file.sha256}` : '';
    if (!dialog.open) dialog.showModal();
    this.el.close.focus();
  }
}

function stateText(u, deps) {
  const { t, lang } = deps;
  switch (u.state) {
  case UploadState.queued: return t('uploadQueued');
  case UploadState.hashing: return t('uploadPreparing');
  case UploadState.asking: return t('uploadAsking');
  case UploadState.sending: return t('uploadProgress',
    { sent: formatSize(u.sent, lang), size: formatSize(u.size, lang) });
  case UploadState.retrying: return t('uploadRetrying');
  case UploadState.done: return t('uploadDone');
  default: {
    const max = deps.maxBytes() > 0 ? formatSize(deps.maxBytes(), lang) : '?';
    return t('uploadFailed', { reason: t('uploadReason_' + u.reason, { max }) });
  }
  }
}

// Draws the row of an upload, or brings it up to date: progress moves in place, and the buttons
// are made again only when the state changes (a focused Cancel keeps its focus while bytes go).
// deps: t, lang, maxBytes() (the room's largest file). actions: cancel(u), retry(u), discard(u).
export function renderUpload(u, deps, actions) {
  const { t, lang } = deps;
  let view = u.view;
  if (!view) {
    const li = make('li', 'upload');
    const head = make('div', 'upload-head');
    head.append(isolated('bdi', 'upload-name', u.name), make('span', 'upload-size', formatSize(u.size, lang)));
    const progress = make('progress', 'upload-progress');
    progress.max = Math.max(1, u.size);
    progress.setAttribute('aria-label', t('uploadOf', { name: u.name }));
    const row = make('div', 'upload-row');
    const status = make('span', 'upload-state');
    const buttons = make('span', 'upload-actions');
    row.append(status, buttons);
    li.append(head, progress, row);
    view = u.view = { li, progress, status, buttons, kind: '' };
  }
  view.li.dataset.state = u.state;
  view.li.classList.toggle('failed', u.state === UploadState.failed);
  view.progress.hidden = u.state === UploadState.failed;
  view.progress.value = u.state === UploadState.done ? Math.max(1, u.size) : u.sent;
  const text = stateText(u, deps);
  if (view.status.textContent !== text) view.status.textContent = text;
  let kind = 'cancel';
  if (u.state === UploadState.failed) kind = 'failed';
  else if (u.state === UploadState.done) kind = 'none';
  if (view.kind !== kind) {
    view.kind = kind;
    const button = (label, fn) => {
      const b = make('button', 'link-button', label);
      b.type = 'button';
      b.setAttribute('aria-label', `${label}: ${u.name}`);
      b.addEventListener('click', () => fn(u));
      return b;
    };
    if (kind === 'failed') {
      view.buttons.replaceChildren(button(t('sendAgain'), actions.retry), button(t('discard'), actions.discard));
    } else if (kind === 'cancel') {
      view.buttons.replaceChildren(button(t('cancel'), actions.cancel));
    } else {
      view.buttons.replaceChildren();
    }
  }
  return view.li;
}

// The search field and its results: asks the hub (through `search(query, before)`), lists the
// hits newest first, and hands a chosen hit to `open(seq)`. Draws only; the requests and their
// answers are HistoryClient's.

import { isolated, make } from './richtext.js';

export class SearchPanel {
  // el: {toggle, form, input, close, results, status, hits, more}.
  // deps: t, lang. handlers: search(query, before) → true when asked, else why not (text);
  // open(seq), shown(bool).
  constructor(el, deps, handlers) {
    this.el = el;
    this.t = deps.t;
    this.handlers = handlers;
    this.timeFormat = new Intl.DateTimeFormat(deps.lang, { dateStyle: 'medium', timeStyle: 'short' });
    this.query = '';
    this.oldest = null; // seq of the oldest hit shown
    this.count = 0;

    el.toggle.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    el.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    el.close.addEventListener('click', () => this.close());
    el.input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    el.more.addEventListener('click', () => this.ask(this.oldest));
  }

  get isOpen() {
    return !this.el.form.hidden;
  }

  open() {
    this.el.form.hidden = false;
    this.el.toggle.setAttribute('aria-expanded', 'true');
    this.el.input.focus();
    this.el.input.select();
  }

  close() {
    this.el.form.hidden = true;
    this.el.toggle.setAttribute('aria-expanded', 'false');
    this.showResults(false);
    this.el.toggle.focus();
  }

  showResults(shown) {
    this.el.results.hidden = !shown;
    this.handlers.shown(shown);
  }

  run() {
    const query = this.el.input.value.trim();
    if (!query) return;
    this.query = query;
    this.count = 0;
    this.oldest = null;
    this.el.hits.replaceChildren();
    this.ask(undefined);
  }

  ask(before) {
    this.el.more.hidden = true;
    this.showResults(true);
    this.setStatus(this.t('searching'));
    const asked = this.handlers.search(this.query, before);
    if (asked !== true) this.setStatus(asked);
  }

  setStatus(text) {
    this.el.status.textContent = text;
  }

  // The hub's answer: hits newest first; complete: there are no older ones.
  answered(query, before, hits, complete) {
    if (query !== this.query || before !== (this.oldest ?? undefined)) return;
    const items = [];
    for (const hit of hits) {
      if (typeof hit.seq !== 'number') continue;
      items.push(this.hitItem(hit));
      this.oldest = this.oldest === null ? hit.seq : Math.min(this.oldest, hit.seq);
      this.count += 1;
    }
    this.el.hits.append(...items);
    if (this.count === 0) this.setStatus(this.t('searchNone'));
    else this.setStatus(this.t(complete ? 'searchHits' : 'searchMoreHits', { n: this.count }));
    this.el.more.hidden = complete || this.count === 0;
  }

  unavailable() {
    this.setStatus(this.t('searchUnavailable'));
    this.el.more.hidden = true;
  }

  hitItem(hit) {
    const li = make('li', 'hit-item');
    const button = make('button', 'hit');
    button.type = 'button';
    button.dataset.seq = String(hit.seq);
    const meta = make('span', 'hit-meta');
    const time = Date.parse(hit.time);
    meta.append(isolated('bdi', 'from', typeof hit.from === 'string' ? hit.from : '?'), ' ',
      make('span', 'time', Number.isNaN(time) ? '' : this.timeFormat.format(new Date(time))));
    let shown = typeof hit.text === 'string' ? hit.text : '';
    if (hit.type === 'file' && typeof hit.name === 'string') shown = hit.name; // a file: its name
    const text = isolated('span', 'hit-text', shown);
    button.append(meta, text);
    button.addEventListener('click', () => {
      this.showResults(false);
      this.handlers.open(hit.seq);
    });
    li.append(button);
    return li;
  }
}

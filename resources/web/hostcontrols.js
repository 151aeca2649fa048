// What a host has on the page: a menu on each person (a private message, Remove, Ban — each
// removal confirmed first), and the room's controls in the side panel (lock, passcode, the
// blocked addresses with "Let in again"), drawn from the hub's `access` messages. A person
// without host rights gets the private conversation straight away on a tap.

import { accessFrames, accessState } from './access.js';
import { make } from './richtext.js';

export class HostControls {
  // el: {section, lockState, lock, passcodeState, passcodeForm, passcodeInput, removePasscode,
  //      blockedList, confirm, confirmText, confirmOk, confirmCancel}.
  // deps: t, tNodes, lang, send(frame) → nonzero when sent, openPrivate(name), notice(text).
  constructor(el, deps) {
    this.el = el;
    this.deps = deps;
    this.isHost = false;
    this.state = { passcode: '', locked: false, blocked: [] };
    this.menu = null; // the open person menu: {node, button}
    this.confirmAction = null;
    this.timeFormat = new Intl.DateTimeFormat(deps.lang, { timeStyle: 'short' });

    el.lock.addEventListener('click', () => this.send(accessFrames.lock(!this.state.locked)));
    el.passcodeForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const code = el.passcodeInput.value.trim();
      if (!code) {
        el.passcodeInput.focus();
        return;
      }
      if (this.send(accessFrames.passcode(code))) el.passcodeInput.value = '';
    });
    el.removePasscode.addEventListener('click', () => this.send(accessFrames.passcode('')));
    el.confirmOk.addEventListener('click', () => {
      const action = this.confirmAction;
      this.closeConfirm();
      if (action) action();
    });
    el.confirmCancel.addEventListener('click', () => this.closeConfirm());
    el.confirm.addEventListener('cancel', () => {
      this.confirmAction = null;
    });
    document.addEventListener('click', (e) => {
      if (this.menu && !this.menu.node.contains(e.target) && e.target !== this.menu.button) this.closeMenu();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.menu) {
        e.stopPropagation();
        this.closeMenu(true);
      }
    }, true);
  }

  send(frame) {
    if (this.deps.send(frame)) return true;
    this.deps.notice(this.deps.t('connectionLost'));
    return false;
  }

  // welcome.host: whether this page has host rights now.
  setHost(isHost) {
    this.isHost = isHost;
    this.el.section.hidden = !isHost;
    if (!isHost) this.closeMenu();
  }

  // An `access` message (hosts only).
  update(m) {
    this.state = accessState(m);
    this.render();
  }

  render() {
    const { el, deps: { t, tNodes } } = this;
    const { passcode, locked, blocked } = this.state;
    el.lockState.textContent = locked ? t('roomLocked') : t('roomOpen');
    el.lock.textContent = locked ? t('unlockRoom') : t('lockRoom');
    el.lock.setAttribute('aria-pressed', String(locked));
    el.passcodeState.replaceChildren(passcode ? tNodes('passcodeIs', { code: passcode }) : t('noPasscode'));
    el.removePasscode.hidden = !passcode;
    const items = blocked.map((b) => {
      const li = make('li', 'blocked-item');
      const until = Date.parse(b.until);
      const text = make('span', 'blocked-text');
      text.append(b.ban || Number.isNaN(until)
        ? tNodes('blockedBan', { name: b.name || '?', address: b.address })
        : tNodes('blockedKick', { name: b.name || '?', address: b.address,
          time: this.timeFormat.format(new Date(until)) }));
      const unban = make('button', 'link-button unban', t('unban'));
      unban.type = 'button';
      unban.addEventListener('click', () => this.send(accessFrames.unban(b.address)));
      li.append(text, ' ', unban);
      return li;
    });
    if (items.length === 0) items.push(make('li', 'blocked-none', t('noneBlocked')));
    el.blockedList.replaceChildren(...items);
  }

  // Makes a person in the people list a button: a private conversation, or for a host the menu.
  // host: whether that person has host rights (a host cannot be removed).
  decoratePerson(li, name, isHost) {
    const { t } = this.deps;
    const nameNode = li.querySelector('.person-name');
    const button = make('button', 'person-button');
    button.type = 'button';
    button.dataset.name = name;
    nameNode.replaceWith(button);
    button.append(nameNode);
    if (this.isHost) {
      button.setAttribute('aria-haspopup', 'menu');
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-label', t('personActions', { name }));
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        if (this.menu && this.menu.button === button) this.closeMenu();
        else this.openMenu(li, button, name, isHost);
      });
    } else {
      button.title = t('privateMessage');
      button.addEventListener('click', () => this.deps.openPrivate(name));
    }
  }

  openMenu(li, button, name, targetIsHost) {
    const { t } = this.deps;
    this.closeMenu();
    const node = make('div', 'person-menu');
    node.setAttribute('role', 'menu');
    node.setAttribute('aria-label', t('personActions', { name }));
    const item = (label, className, action) => {
      const b = make('button', 'menu-item ' + className, label);
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        this.closeMenu();
        action();
      });
      return b;
    };
    node.append(item(t('privateMessage'), 'menu-private', () => this.deps.openPrivate(name)));
    if (!targetIsHost) {
      node.append(item(t('kick'), 'menu-kick danger', () => this.ask(this.deps.tNodes('confirmKick', { name }),
        t('kickButton'), () => this.send(accessFrames.kick(name)))));
      node.append(item(t('ban'), 'menu-ban danger', () => this.ask(this.deps.tNodes('confirmBan', { name }),
        t('banButton'), () => this.send(accessFrames.ban(name)))));
    }
    node.addEventListener('keydown', (e) => {
      const items = [...node.querySelectorAll('.menu-item')];
      const i = items.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : items.length - 1;
        items[(i + step) % items.length].focus();
      } else if (e.key === 'Tab') {
        this.closeMenu();
      }
    });
    li.append(node);
    button.setAttribute('aria-expanded', 'true');
    this.menu = { node, button };
    node.querySelector('.menu-item').focus();
  }

  closeMenu(refocus) {
    if (!this.menu) return;
    const { node, button } = this.menu;
    this.menu = null;
    node.remove();
    button.setAttribute('aria-expanded', 'false');
    if (refocus && button.isConnected) button.focus();
  }

  // question: nodes (tNodes), the name in it isolated.
  ask(question, okLabel, action) {
    const { el } = this;
    el.confirmText.replaceChildren(question);
    el.confirmOk.textContent = okLabel;
    this.confirmAction = action;
    if (typeof el.confirm.showModal === 'function') el.confirm.showModal();
    else el.confirm.setAttribute('open', '');
    el.confirmCancel.focus();
  }

  closeConfirm() {
    const { confirm } = this.el;
    this.confirmAction = null;
    if (typeof confirm.close === 'function' && confirm.open) confirm.close();
    else confirm.removeAttribute('open');
  }
}

// The dialog that asks for a name before joining (naming the room and how many are in it), or
// for a new one; and for the room's passcode when the room needs one.

import { Limits } from './protocol.js';
import { fetchRoomInfo } from './rooms.js';

export function validName(name) {
  return name.length >= 1 && name.length <= Limits.maxName && !/[\u0000-\u001f\u007f-\u009f]/.test(name);
}

export class NameDialog {
  // el: {dialog, title, room, intro, input, error, ok, cancel, passcodeField, passcodeInput}.
  // deps: t, tNodes.
  // roomKnown(info): called with {room, people} when the hub told it before joining.
  constructor(el, deps, roomKnown) {
    this.el = el;
    this.t = deps.t;
    this.tNodes = deps.tNodes;
    this.roomKnown = roomKnown;
    this.rename = false;
    this.needsPasscode = false;
  }

  get passcode() {
    return this.needsPasscode ? this.el.passcodeInput.value : '';
  }

  // Shows (or hides) the passcode field; focused when the name is already there. clear: the
  // code typed was wrong.
  askPasscode(needed, clear = false) {
    const { el } = this;
    if (clear) el.passcodeInput.value = '';
    this.needsPasscode = needed && !this.rename;
    el.passcodeField.hidden = !this.needsPasscode;
    el.passcodeInput.required = this.needsPasscode;
    if (this.needsPasscode && el.dialog.open && el.input.value.trim()) {
      el.passcodeInput.focus();
      el.passcodeInput.select();
    }
  }

  get isOpen() {
    return this.el.dialog.open;
  }

  // passcode: ask for the room's passcode too (the hub asked for it).
  open(rename, name, error, passcode = false) {
    const { el, t } = this;
    this.rename = rename;
    el.passcodeInput.value = '';
    el.title.textContent = rename ? t('renameTitle') : t('chooseName');
    el.room.hidden = true;
    el.intro.hidden = rename;
    el.ok.textContent = rename ? t('save') : t('join');
    el.cancel.hidden = !rename;
    el.input.value = name;
    this.showError(error || '');
    if (!el.dialog.open) {
      if (typeof el.dialog.showModal === 'function') el.dialog.showModal();
      else el.dialog.setAttribute('open', '');
    }
    el.input.focus();
    el.input.select();
    this.askPasscode(passcode);
    if (!rename) fetchRoomInfo().then((info) => this.showRoom(info));
  }

  showRoom(info) {
    if (this.rename || !info || !this.isOpen) return;
    const { el, t } = this;
    el.title.replaceChildren(this.tNodes('joinRoom', { room: info.room }));
    if (typeof info.people === 'number') {
      el.room.textContent = info.people > 0 ? t('roomHas', { n: info.people }) : t('roomEmptyNow');
    } else {
      el.room.textContent = info.passcode ? t('passcodeNeeded') : '';
    }
    el.room.hidden = !el.room.textContent;
    if (info.passcode && !this.needsPasscode) this.askPasscode(true);
    this.roomKnown(info);
  }

  close() {
    const { dialog } = this.el;
    if (!dialog.open) return;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }

  showError(text) {
    this.el.error.textContent = text;
    this.el.error.hidden = !text;
  }
}

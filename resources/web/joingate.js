// A join the hub refuses (docs/PROTOCOL.md, "Passcode"): the socket stays open, the name dialog
// asks for the passcode or says why (wrong, too many tries, locked), and the next try goes on the
// same socket. A host link the hub does not know is dropped and the page joins as a guest.

import { AccessError, joinRefusals, refusalKey } from './access.js';
import { Phase } from './connection.js';

export class JoinGate {
  // parts: conn, nameDialog, secrets. deps: t, setStatus(kind, text, action), notice(text),
  // openDialog(rename, error, passcode).
  constructor(parts, deps) {
    this.parts = parts;
    this.deps = deps;
  }

  // An error from the hub; true when it was a refused join (handled here).
  refused(code) {
    const { conn, nameDialog, secrets } = this.parts;
    const { t } = this.deps;
    if (conn.phase !== Phase.joining) return false;
    if (code === AccessError.wrongHostToken) {
      secrets.hostToken = '';
      this.deps.notice(t('err_wrong_host_token'));
      conn.rejoin();
      return true;
    }
    if (!joinRefusals.includes(code)) return false;
    conn.hold();
    const aboutCode = code === AccessError.passcodeRequired || code === AccessError.wrongPasscode;
    if (aboutCode) secrets.passcode = ''; // a reconnect must not try it again
    this.deps.setStatus('idle', t(refusalKey(code)), '');
    const asks = aboutCode || nameDialog.needsPasscode;
    const error = code === AccessError.passcodeRequired ? '' : t(refusalKey(code));
    if (!nameDialog.isOpen) {
      this.deps.openDialog(false, error, asks);
    } else {
      nameDialog.askPasscode(asks, code === AccessError.wrongPasscode);
      nameDialog.showError(error);
    }
    return true;
  }

  // The name dialog was sent. Returns false when the passcode is still missing; keeps it.
  takePasscode() {
    const { nameDialog, secrets } = this.parts;
    if (!nameDialog.needsPasscode) return true;
    if (!nameDialog.passcode) return false;
    secrets.passcode = nameDialog.passcode;
    return true;
  }

  // Tries again on the socket the refusal came on; true when there was one waiting.
  retry() {
    const { conn, nameDialog } = this.parts;
    if (!conn.holding && conn.phase !== Phase.joining) return false;
    nameDialog.showError('');
    this.deps.setStatus('connecting', this.deps.t('connecting'), '');
    conn.rejoin();
    return true;
  }
}

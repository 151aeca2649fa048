// How a new message makes itself noticed: a short tone, and a line for screen readers.

import { make } from './richtext.js';

let audio = null;

export function beep() {
  try {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) audio = new Ctx();
    if (audio.state === 'suspended') audio.resume();
    const now = audio.currentTime;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, now);
    osc.frequency.setValueAtTime(1320, now + 0.07);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.12, now + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.16);
    osc.connect(gain).connect(audio.destination);
    osc.start(now);
    osc.stop(now + 0.17);
  } catch (e) {
    // no audio: silently skip
  }
}

// Screen readers hear new messages through a live region; in a busy room only the last few of
// each half second, so they are not flooded and the page is not redrawn per message.
export class Announcer {
  constructor(region, keep = 3, gapMs = 500) {
    this.region = region;
    this.keep = keep;
    this.gapMs = gapMs;
    this.lines = [];
    this.timer = 0;
  }

  say(text) {
    this.lines.push(text);
    if (this.lines.length > this.keep) this.lines.shift();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      for (const line of this.lines.splice(0)) this.region.append(make('p', '', line));
      while (this.region.childElementCount > this.keep) this.region.firstElementChild.remove();
    }, this.gapMs);
  }
}

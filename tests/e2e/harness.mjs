// Shared helpers for the browser end-to-end tests: a real headless hub, Debian's chromium driven
// by playwright-core, the Qt console peer, and a TCP proxy that can cut connections.
// Every timer here is unref()'d and every child is killed on exit, so node never hangs.
//
// Environment (set by tests/e2e/CMakeLists.txt):
//   LANCHAT_BIN            the lanchat executable (required)
//   LANCHAT_QTPEER         the qtpeer test client (needed by the tests that use it)
//   LANCHAT_CHROMIUM       chromium executable (default /usr/bin/chromium)
//   LANCHAT_NODE_MODULES   the node_modules folder holding playwright-core (default: next to this file)
//   LANCHAT_SCREENSHOT_DIR where screenshots go (default: the current directory)

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeModules = process.env.LANCHAT_NODE_MODULES || path.join(here, 'node_modules');
const require = createRequire(path.join(path.dirname(nodeModules), 'resolve-from-here.js'));
export const { chromium } = require('playwright-core');

export const chromiumPath = process.env.LANCHAT_CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = process.env.LANCHAT_SCREENSHOT_DIR || process.cwd();

// Every child process we start, so that nothing outlives the test file even on a crash.
const children = new Set();
process.on('exit', () => {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch (e) {
      // already gone
    }
  }
});

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run the e2e tests through ctest)`);
  return value;
}

// Resolves after ms; the timer never keeps node alive on its own.
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// Polls fn() until it returns a truthy value; throws with `what` after timeoutMs.
export async function waitFor(fn, what, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

// Reads a child's stdout as lines; waitLine(regex) resolves with the first matching line
// (including lines that came before the call).
function lineReader(stream) {
  const lines = [];
  const waiters = [];
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.regex.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          clearTimeout(w.timer);
          w.resolve(line);
        }
      }
    }
  });
  return {
    lines,
    waitLine(regex, what, timeoutMs = 10000, from = 0) {
      const found = lines.slice(from).find((l) => regex.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { regex, resolve };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`timed out waiting for ${what}; output so far:\n${lines.join('\n')}`));
        }, timeoutMs);
        w.timer.unref();
        waiters.push(w);
      });
    },
  };
}

function waitExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    timer.unref();
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

// A private environment: no settings, history or language of the person running the tests.
function isolatedEnv(home) {
  const env = { ...process.env };
  delete env.LANGUAGE;
  delete env.LC_MESSAGES;
  env.LC_ALL = 'C.UTF-8';
  env.LANG = 'C.UTF-8';
  env.HOME = home;
  env.XDG_CONFIG_HOME = path.join(home, 'config');
  env.XDG_DATA_HOME = path.join(home, 'data');
  env.XDG_CACHE_HOME = path.join(home, 'cache');
  env.XDG_RUNTIME_DIR = home;
  env.QT_QPA_PLATFORM = 'offscreen';
  return env;
}

// Starts `lanchat --headless` on 127.0.0.1 and a free port. Returns {port, url, wsUrl, stop()}.
export async function startHub({ room = 'Test Room', args = [] } = {}) {
  const bin = requireEnv('LANCHAT_BIN');
  const home = mkdtempSync(path.join(os.tmpdir(), 'lanchat-e2e-hub-'));
  const child = spawn(bin, ['--headless', '--bind', '127.0.0.1', '--port', '0', '--room', room,
    '--no-announce', ...args], { env: isolatedEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const out = lineReader(child.stdout);
  const err = lineReader(child.stderr);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let port;
  try {
    const line = await Promise.race([
      out.waitLine(/\bport (\d+)/i, 'the hub to listen', 15000),
      exited.then((code) => {
        throw new Error(`the hub exited (${code}) before listening:\n${err.lines.join('\n')}`);
      }),
    ]);
    port = Number(/\bport (\d+)/i.exec(line)[1]);
  } catch (e) {
    child.kill('SIGKILL');
    children.delete(child);
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
  let stopped = null;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    stdout: out.lines,
    stderr: err.lines,
    waitLine: out.waitLine,
    // SIGTERM: the hub closes every client with 1001 and exits. Resolves with {code, signal}.
    stop() {
      if (!stopped) {
        child.kill('SIGTERM');
        stopped = waitExit(child, 5000).then((result) => {
          children.delete(child);
          rmSync(home, { recursive: true, force: true });
          return result;
        });
      }
      return stopped;
    },
  };
}

// Starts the Qt console peer (tests/e2e/qtpeer.cpp) in the room as `name`.
export async function startPeer(wsUrl, name) {
  const bin = requireEnv('LANCHAT_QTPEER');
  const home = mkdtempSync(path.join(os.tmpdir(), 'lanchat-e2e-peer-'));
  const child = spawn(bin, [wsUrl, name], { env: isolatedEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  const out = lineReader(child.stdout);
  const err = lineReader(child.stderr);
  const welcome = await out.waitLine(/^WELCOME /, `qtpeer ${name} to join`, 10000);
  return {
    you: welcome.slice('WELCOME '.length),
    lines: out.lines,
    stderr: err.lines,
    send(text) {
      child.stdin.write(text + '\n');
    },
    waitLine: out.waitLine,
    // Waits for "CHAT <from>: <text>".
    waitChat(from, text, timeoutMs = 10000) {
      const line = `CHAT ${from}: ${text}`;
      return out.waitLine({ test: (l) => l === line }, `qtpeer to receive "${line}"`, timeoutMs);
    },
    async stop() {
      child.stdin.end();
      const result = await waitExit(child, 5000);
      children.delete(child);
      rmSync(home, { recursive: true, force: true });
      return result;
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens the page in a fresh browser context (its own localStorage) with `name` remembered, so the
// page joins at once. Collects console errors, page errors and CSP violations in `problems`.
export async function openPage(browser, url, {
  name = 'guest', locale = 'en-US', viewport = { width: 1280, height: 800 }, heartbeatMs = 0,
  bypassCSP = false, waitJoined = true, storage = {},
} = {}) {
  const context = await browser.newContext({ locale, viewport, bypassCSP });
  const settings = { ...storage };
  if (name) settings['lanchat.name'] = name;
  if (heartbeatMs) settings['lanchat.debug.heartbeatMs'] = String(heartbeatMs);
  await context.addInitScript((values) => {
    // Only on the first load of each context, so that a reload keeps what the page stored.
    if (!sessionStorage.getItem('e2e-init')) {
      sessionStorage.setItem('e2e-init', '1');
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    }
    window.__cspViolations = [];
    // Every status the page shows, so that a wait that times out can say what was shown instead.
    window.__statusLog = [];
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.getElementById('status');
      if (!status) return;
      let last = '';
      const record = () => {
        const entry = `${status.dataset.state}: ${status.textContent.trim().replace(/\s+/g, ' ')}`;
        if (entry !== last) window.__statusLog.push(`${Date.now() % 100000} ${entry}`);
        last = entry;
      };
      record();
      new MutationObserver(record).observe(status, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  }, settings);
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(url);
  if (waitJoined) await waitConnected(page);
  return { context, page, problems, response };
}

// Waits until the status line is in `state` with a text matching `regex` (both at once: the
// status moves on by itself while the page retries).
export async function waitStatus(page, state, regex, timeoutMs = 10000) {
  try {
    await page.locator(`#status[data-state="${state}"] #status-text`, { hasText: regex })
      .waitFor({ timeout: timeoutMs });
  } catch (error) {
    const log = await page.evaluate(() => window.__statusLog || []).catch(() => []);
    error.message += `\nstatuses shown (ms, state: text):\n  ${log.slice(-20).join('\n  ')}`;
    throw error;
  }
}

export async function waitConnected(page, timeoutMs = 10000) {
  await page.locator('#status[data-state="connected"]').waitFor({ timeout: timeoutMs });
}

// Types into the composer and presses Enter.
export async function sendFromPage(page, text) {
  const input = page.locator('#input');
  await input.fill(text);
  await input.press('Enter');
}

// The confirmed chat messages on a page as [{from, text, own}], in order.
export async function chatLines(page) {
  return page.locator('#messages li.msg').evaluateAll((items) => items.map((li) => ({
    from: li.dataset.from,
    shownFrom: li.querySelector('.from').textContent,
    text: li.querySelector('.text').textContent,
    own: li.classList.contains('own'),
    seq: Number(li.dataset.seq),
  })));
}

// Waits until the locator's text is exactly `expected` (works for hidden elements too).
export async function waitText(locator, expected, timeoutMs = 10000) {
  let last;
  try {
    await waitFor(async () => (last = await locator.textContent()) === expected,
      `text "${expected}"`, timeoutMs);
  } catch (e) {
    throw new Error(`${e.message}; last seen "${last}"`);
  }
}

export async function waitChat(page, text, timeoutMs = 10000) {
  await page.locator('#messages li.msg .text', { hasText: text }).first()
    .waitFor({ timeout: timeoutMs });
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

// A TCP proxy between the browser and the hub, so a test can cut connections the way a Wi-Fi
// hiccup does: drop() resets every open connection; refuse(true) makes new ones fail at once;
// blackholeOpen() keeps the connections open now but silently discards their bytes (a dead link
// nobody closed) — in both directions, or with 'down' only what the hub sends — while new
// connections work normally. localAddress: the loopback address (127.0.0.2 …) its connections
// to the hub come from, so that the hub takes them for another machine.
export async function startProxy({ localAddress } = {}) {
  const pairs = new Set();
  let targetPort = 0;
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing || !targetPort) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ port: targetPort, host: '127.0.0.1', localAddress });
    const pair = { client, upstream, holeUp: false, holeDown: false };
    pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('data', (d) => {
      if (!pair.holeUp) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!pair.holeDown) client.write(d);
    });
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    setTarget(p) {
      targetPort = p;
    },
    connectionCount() {
      return pairs.size;
    },
    drop() {
      for (const { client, upstream } of [...pairs]) {
        client.resetAndDestroy ? client.resetAndDestroy() : client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    refuse(on) {
      refusing = on;
    },
    blackholeOpen(direction = 'both') {
      for (const pair of pairs) {
        pair.holeDown = true;
        pair.holeUp = direction === 'both';
      }
    },
    close() {
      this.drop();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

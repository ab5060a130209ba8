// BL-2: the renderer bundle is browser code only: no Node built-in, no require('electron'), no inline
// script in its page, and it reaches the main process only through window.kura or the dev-host socket.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';

describe('renderer bundle (BL-2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kura-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync(process.execPath, ['scripts/build-renderer.mjs', dir], { stdio: 'pipe' });
  const js = readFileSync(join(dir, 'app.js'), 'utf8');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');

  it('BL-2: builds exactly index.html, app.js and app.css', () => {
    assert.deepEqual(readdirSync(dir).sort(), ['app.css', 'app.js', 'index.html']);
  });

  it('BL-2: the bundle requires neither electron nor any Node built-in', () => {
    assert.doesNotMatch(js, /require\(\s*["']electron["']\s*\)/);
    assert.doesNotMatch(js, /\bipcRenderer\b/);
    for (const m of builtinModules.filter((b) => !b.startsWith('_'))) {
      assert.equal(js.includes(`require("${m}")`) || js.includes(`require("node:${m}")`) || js.includes(`from"node:${m}"`), false, m);
    }
  });

  it('BL-2: the page loads only its own script and stylesheet, with no inline script or style', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, /src="app\.js"/);
    assert.equal(scripts[0]![2]!.trim(), '');
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=|https?:\/\//);
  });
});

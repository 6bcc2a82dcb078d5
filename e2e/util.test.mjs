// The page's helpers that must agree with the CLI, in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, sample } from './lib/helpers.mjs';
import { comparePaths } from '../www/util.js';

test('comparePaths orders a folder\'s files as `ogi extract DIR` does', () => {
  // Names where a plain string comparison and the CLI's Path order differ:
  // '-' and '.' sort before '/', astral characters after U+E000–U+FFFF.
  const rels = ['b/c.txt', 'b-c.txt', 'b.txt', 'b/a/z.txt', 'ab.txt', '中文.txt', '中文/一.txt', '\u{20000}.txt', '\uFF21.txt', '\uE000.txt', 'B.txt'];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-order-'));
  try {
    for (const rel of rels) {
      const f = path.join(root, 'd', rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, sample('e14-2017-shili-county.txt'));
    }
    const r = spawnSync(CLI, ['extract', '--jsonl', 'd'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, r.stderr);
    const cli = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source_name);
    const page = rels.map((rel) => `d/${rel}`).sort(comparePaths);
    assert.deepEqual(page, cli);
    assert.notDeepEqual([...page].sort(), cli, 'plain string order differs on these names');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// kalisocket.d.ts / .d.mts: a strict TypeScript compile of typings/use.mts, under Node's and bundlers' module rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const [module, resolution] of [['node16', 'node16'], ['esnext', 'bundler']]) {
  test(`the typings compile with module ${module}, resolution ${resolution}`, () => {
    const args = [tsc, '--noEmit', '--strict', '--target', 'es2020', '--lib', 'es2020,dom',
      '--module', module, '--moduleResolution', resolution, 'typings/use.mts'];
    let out = '';
    try {
      execFileSync(process.execPath, args, { cwd: new URL('.', import.meta.url), encoding: 'utf8' });
    } catch (e) {
      out = `${e.stdout}${e.stderr}`;
    }
    assert.equal(out, '');
  });
}

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as node from '../../../src/platform/node';
import * as web from '../../../src/platform/web';

suite('Platform seam: running a program (git check-ignore on the Node host)', () => {
  test('runs git in a folder with input on stdin and answers its exit code and output', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attio-run-'));
    try {
      const init = await node.runProcess('git', ['init', '-q'], { cwd: dir });
      if (!init) return this.skip(); // no git on this machine
      fs.writeFileSync(path.join(dir, '.gitignore'), '.env\n');
      const files = [path.join(dir, '.env'), path.join(dir, 'a.ts')];
      const answer = await node.runProcess('git', ['check-ignore', '-z', '--stdin'], { cwd: dir, input: `${files.join('\0')}\0` });
      assert.deepStrictEqual(answer && { code: answer.code, ignored: answer.stdout.split('\0').filter(Boolean) }, { code: 0, ignored: [files[0]] });
      const none = await node.runProcess('git', ['check-ignore', '-z', '--stdin'], { cwd: dir, input: `${files[1]}\0` });
      assert.strictEqual(none?.code, 1, 'none ignored');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a program that is not installed answers undefined; the web runs none', async () => {
    assert.strictEqual(await node.runProcess('attio-no-such-program', [], { cwd: os.tmpdir() }), undefined);
    assert.strictEqual(await web.runProcess('git', ['--version'], { cwd: os.tmpdir() }), undefined);
  });
});

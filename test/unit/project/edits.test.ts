import * as assert from 'assert';
import { parseDotenv } from '../../../src/project/dotenv';
import { envAddition, gitignoreAddition } from '../../../src/project/edits';

suite('project/edits', () => {
  test('.gitignore gains one line, in its own line endings, unless it already names the file', () => {
    assert.strictEqual(gitignoreAddition('', '.env'), '.env\n');
    assert.strictEqual(gitignoreAddition('node_modules', '.env'), '\n.env\n');
    assert.strictEqual(gitignoreAddition('node_modules\r\n', '.env'), '.env\r\n');
    assert.strictEqual(gitignoreAddition('dist\n.env\n', '.env'), undefined);
    assert.strictEqual(gitignoreAddition('  /.env  \n', '.env'), undefined);
    assert.strictEqual(gitignoreAddition('.env.local\n', '.env'), '.env\n', 'another file is not this one');
  });

  test('.env gains the key once; the same key again adds nothing; another key is a conflict, never overwritten', () => {
    const key = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
    assert.deepStrictEqual(envAddition('', 'ATTIO_API_KEY', key), { append: `ATTIO_API_KEY=${key}\n` });
    assert.deepStrictEqual(envAddition('PORT=3000', 'ATTIO_API_KEY', key), { append: `\nATTIO_API_KEY=${key}\n` });
    assert.strictEqual(envAddition(`ATTIO_API_KEY="${key}"\n`, 'ATTIO_API_KEY', key), undefined);
    assert.deepStrictEqual(envAddition('ATTIO_API_KEY=other-key-0000000000000000\n', 'ATTIO_API_KEY', key), { conflict: true });
  });

  test('a value with characters dotenv would cut is quoted so that dotenv reads it back unchanged', () => {
    const value = 'abc def #x "y"';
    const added = envAddition('', 'K', value);
    assert.ok(added && 'append' in added);
    assert.strictEqual(parseDotenv(added.append)[0].value, value);
  });
});

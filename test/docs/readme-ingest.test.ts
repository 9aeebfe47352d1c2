// The README's ingest commands for web pages, JSON Lines, feeds and URLs run as written and store what they say.

import { exec } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { projectPath } from '../../src/paths.js';

/** The commands of the ```sh block under "### Web pages, URLs, feeds and JSON Lines". */
function readmeCommands(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('### Web pages, URLs, feeds and JSON Lines'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

t.test(
  'every command of the README section runs as written (the demo web server replaced by this test’s)',
  async (t) => {
    const commands = readmeCommands(readFileSync(projectPath('README.md'), 'utf8'));
    t.ok(commands.filter((c) => c.startsWith('npm run ingest -- ')).length >= 5, commands.join('\n'));
    t.ok(
      commands.some((c) => /^python3 -m http\.server 8000 .*--directory test\/fixtures &$/.test(c)),
      'the README serves test/fixtures on port 8000',
    );

    // what `python3 -m http.server --directory test/fixtures` serves, on a free port
    const root = projectPath('test', 'fixtures');
    const server = createServer((req, res) => {
      const file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0])));
      let body: Buffer;
      try {
        if (!file.startsWith(root)) throw new Error('outside');
        body = readFileSync(file);
      } catch {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
        return;
      }
      res
        .writeHead(200, {
          'content-type': file.endsWith('.html')
            ? 'text/html'
            : file.endsWith('.xml')
              ? 'application/xml'
              : 'application/octet-stream',
        })
        .end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.teardown(() => server.close());
    const port = (server.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-readme-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'demo.db');

    for (const command of commands.filter((c) => c.startsWith('npm run ingest -- '))) {
      const run = command.replaceAll('/tmp/whosaid-demo.db', db).replaceAll('127.0.0.1:8000', `127.0.0.1:${port}`);
      const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        exec(run, { cwd: projectPath(), timeout: 240_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      const expected = command.includes('articles.jsonl') ? 1 : 0; // the README says this file has two bad lines
      t.equal(code, expected, `${command}\n${stdout}${stderr}`);
      t.match(stdout, /articles? ingested/, command);
    }
    const conn = new Database(db, { readonly: true });
    t.teardown(() => conn.close());
    const titles = (conn.prepare('SELECT title FROM articles ORDER BY id').all() as { title: string }[]).map(
      (r) => r.title,
    );
    t.equal(titles[0], 'Brown University archaeologists create an artifact recording module using FAIMS Mobile');
    t.ok(
      titles.includes(
        'Statement on Human Rights during the General Debate of the Third Committee of the UN General Assembly',
      ),
    );
    t.ok(titles.includes('Perachora project puts FAIMS Mobile to test'));
  },
);

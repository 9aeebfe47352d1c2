// The server's connection is read-only at the SQLite level: any write through it fails, whatever SQL reaches it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { Ingester } from '../../src/ingest/ingest.js';
import { LATEST_VERSION, openForRead, openForWrite } from '../../src/store/db.js';
import { SEED } from '../helpers.js';

t.test('a write through the read connection fails and changes nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-ro-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'w.db');
  const writer = openForWrite(file);
  new Ingester(writer).ingestPaths([SEED]);
  writer.close();

  const db = openForRead(file);
  t.teardown(() => db.close());
  t.ok(db.readonly, 'opened with readonly: true');
  const before = db.prepare('SELECT id, slug, title, content_hash FROM articles').all();
  t.equal(before.length, 1);
  for (const sql of [
    "UPDATE articles SET title = 'defaced'",
    'DELETE FROM articles',
    "INSERT INTO topics (id, iptc, label) VALUES ('x', 'medtop:x', 'x')",
    'CREATE TABLE evil (x)',
    'DROP TABLE statements',
    'PRAGMA user_version = 99',
  ]) {
    t.throws(() => db.exec(sql), { code: /^SQLITE_(READONLY|ERROR)/ }, sql);
  }
  t.same(db.prepare('SELECT id, slug, title, content_hash FROM articles').all(), before, 'nothing changed');
  t.equal(db.pragma('user_version', { simple: true }), LATEST_VERSION(), 'still at the version it had');
});

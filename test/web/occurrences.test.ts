// A statement's page says where its quote appeared: first outlet and date, then every occurrence, copies marked.

import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { seededApp } from '../helpers.js';

const copy = (name: string) => projectPath('test', 'fixtures', 'copies', `${name}.txt`);

t.test("a statement's page lists its quote's occurrences and the first outlet", async (t) => {
  const { app } = await seededApp(['ecj-facebook', 'ecj-facebook-reprint', 'ecj-facebook-spokesman'].map(copy));
  t.teardown(() => app.close());
  const peers = (await app.inject('/v1/quotes?speaker=steve-peers')).json().data[0];
  const last = peers.statements[2].id;
  const html = (await app.inject(`/statements/${last}`)).body;
  const section = /<section class="occurrences".*?<\/section>/s.exec(html)?.[0] ?? '';
  t.equal(
    section
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    'Where it appeared In 3 articles; first in Wikinews , 6 Oct 2019. Wikinews , 6 Oct 2019 Campus Wire , 7 Oct 2019 ' +
      '(wire copy) Harbour Post (this one) , 9 Oct 2019 (wire copy) (says: spokesman)',
  );
  t.match(section, `<a href="/statements/${peers.statements[0].id}">Wikinews</a>`, 'each other occurrence links');
  t.match(html, `<a href="/v1/quotes/${peers.id}">its quote in the API</a>`);
});

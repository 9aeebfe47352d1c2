// /v1/statements/{id}.jsonld and /v1/claims/{id}.jsonld give schema.org Quotation / Claim (so does Accept:
// application/ld+json on the JSON item, as a convenience).

import t from 'tap';
import { fixtureApp } from '../helpers.js';

const ld = { host: 'whosaid.test' };

t.test('a statement as a schema.org Quotation', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject({ url: '/v1/statements/1.jsonld', headers: ld });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/ld\+json/);
  t.same(res.json(), {
    '@context': 'https://schema.org',
    '@id': 'http://whosaid.test/v1/statements/1',
    text: 'will resume soon.',
    about: [
      {
        '@type': 'DefinedTerm',
        termCode: '20000638',
        name: 'diplomacy',
        inDefinedTermSet: 'http://cv.iptc.org/newscodes/mediatopic/',
      },
    ],
    mentions: [],
    '@type': 'Quotation',
    spokenByCharacter: { '@type': 'Person', '@id': 'http://whosaid.test/v1/actors/ana-lima', name: 'Ana Lima' },
    dateCreated: '2024-11-11',
    isBasedOn: {
      '@type': 'NewsArticle',
      '@id': 'https://example.test/ruritania',
      url: 'https://example.test/ruritania',
      headline: 'Ruritania ready for talks',
      datePublished: '2024-11-14',
      publisher: { '@type': 'Organization', name: 'Test Wire' },
    },
  });
  const undated = (await app.inject({ url: '/v1/statements/2.jsonld', headers: ld })).json();
  t.equal(undated.dateCreated, '2024-11-14', 'an undated statement takes the publication date');
  t.equal(undated.spokenByCharacter['@type'], 'Organization');
  t.match(
    (await app.inject('/v1/statements/1')).headers['content-type'],
    /^application\/json/,
    'JSON at the plain path',
  );
  const missing = await app.inject({ url: '/v1/statements/99.jsonld', headers: ld });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['content-type'], 'application/problem+json');
  t.match((await app.inject('/v1/statements/x.jsonld')).json(), { status: 400, parameter: 'id' });
  const negotiated = await app.inject({ url: '/v1/statements/1', headers: { ...ld, accept: 'application/ld+json' } });
  t.equal(negotiated.body, res.body, 'Accept: application/ld+json on the JSON path gives the same');
  t.match(negotiated.headers.vary, /accept/i);
});

t.test('a claim as a schema.org Claim', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const voice = (await app.inject({ url: '/v1/claims/2.jsonld', headers: ld })).json();
  t.same(
    voice,
    {
      '@context': 'https://schema.org',
      '@id': 'http://whosaid.test/v1/claims/2',
      text: 'Lima, the Ruritanian foreign minister, met envoys in Zenda.',
      about: [
        {
          '@type': 'DefinedTerm',
          termCode: '20000638',
          name: 'diplomacy',
          inDefinedTermSet: 'http://cv.iptc.org/newscodes/mediatopic/',
        },
      ],
      mentions: [
        { '@type': 'Person', '@id': 'http://whosaid.test/v1/actors/ana-lima', name: 'Ana Lima' },
        { '@type': 'Country', '@id': 'http://whosaid.test/v1/actors/ruritania', name: 'Ruritania' },
        { '@type': 'Place', '@id': 'http://whosaid.test/v1/actors/zenda', name: 'Zenda' },
      ],
      '@type': 'Claim',
      datePublished: '2024-11-14',
      appearance: {
        '@type': 'NewsArticle',
        '@id': 'https://example.test/ruritania',
        url: 'https://example.test/ruritania',
        headline: 'Ruritania ready for talks',
        datePublished: '2024-11-14',
        publisher: { '@type': 'Organization', name: 'Test Wire' },
      },
    },
    'no author when the article asserts it in its own voice',
  );
  const claim = (await app.inject({ url: '/v1/claims/1.jsonld', headers: ld })).json();
  t.same(claim.author, {
    '@type': 'Organization',
    '@id': 'http://whosaid.test/v1/actors/officials',
    name: 'officials',
  });
});

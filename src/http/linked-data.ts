// schema.org JSON-LD for one statement (Quotation) or claim (Claim), so they drop into knowledge-graph tools.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActorT } from '../contract/actor.js';
import type { ArticleT } from '../contract/article.js';
import type { ClaimT } from '../contract/claim.js';
import type { ClaimLdT, LdArticleT, LdThingT, QuotationLdT } from '../contract/linked-data.js';
import type { StatementT } from '../contract/statement.js';
import type { ReadStore } from '../contract/store.js';
import { preferredMedia, varyOnAccept } from './exports.js';
import { MEDIA } from './responses.js';

type Ref = Pick<ActorT, 'id' | 'name' | 'type'>;

// schema.org has no "group" or "country" distinction we can rely on in every tool; Country is a Place subtype.
const LD_TYPES: Record<ActorT['type'], string> = {
  person: 'Person',
  organization: 'Organization',
  country: 'Country',
  group: 'Organization',
  place: 'Place',
  other: 'Thing',
};

const IPTC_SET = 'http://cv.iptc.org/newscodes/mediatopic/';

/** True when the Accept header of a JSON item prefers JSON-LD (a convenience: the documented way is `.jsonld`). */
export function wantsLinkedData(request: FastifyRequest, reply: FastifyReply): boolean {
  varyOnAccept(reply);
  return preferredMedia(request, [MEDIA.json, MEDIA.jsonld]) === MEDIA.jsonld;
}

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host || 'localhost'}`;

function thing(base: string, ref: Ref): LdThingT {
  return { '@type': LD_TYPES[ref.type], '@id': `${base}/v1/actors/${encodeURIComponent(ref.id)}`, name: ref.name };
}

function article(base: string, a: ArticleT): LdArticleT {
  const url = a.url ?? `${base}/v1/articles/${encodeURIComponent(a.id)}`;
  return {
    '@type': 'NewsArticle',
    '@id': url,
    url,
    headline: a.title,
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
    ...(a.source ? { publisher: { '@type': 'Organization' as const, name: a.source } } : {}),
  };
}

function common(base: string, store: ReadStore, item: StatementT | ClaimT, path: string) {
  const about = item.topics.map((t) => store.topic(t.id)).filter((t) => t !== null);
  return {
    '@context': 'https://schema.org' as const,
    '@id': `${base}${path}`,
    text: item.text,
    about: about.map((t) => ({
      '@type': 'DefinedTerm' as const,
      termCode: t.iptc.replace(/^medtop:/, ''),
      name: t.label,
      inDefinedTermSet: IPTC_SET,
    })),
    mentions: item.mentions.map((m) => thing(base, m)),
  };
}

/** A statement's or claim's article always exists (a foreign key): its absence is a server fault, not a 404. */
function articleOf(store: ReadStore, slug: string): ArticleT {
  const a = store.articleSummary(slug);
  if (!a) throw new Error(`article ${slug} is missing`);
  return a;
}

export function quotation(request: FastifyRequest, store: ReadStore, s: StatementT): QuotationLdT {
  const base = origin(request);
  const source = articleOf(store, s.articleId);
  const date = s.date ?? source.publishedAt;
  return {
    ...common(base, store, s, `/v1/statements/${s.id}`),
    '@type': 'Quotation',
    ...(s.speaker ? { spokenByCharacter: thing(base, s.speaker) } : {}),
    ...(date ? { dateCreated: date } : {}),
    isBasedOn: article(base, source),
  };
}

export function claimLd(request: FastifyRequest, store: ReadStore, c: ClaimT): ClaimLdT {
  const base = origin(request);
  const source = articleOf(store, c.articleId);
  const date = c.date ?? source.publishedAt;
  return {
    ...common(base, store, c, `/v1/claims/${c.id}`),
    '@type': 'Claim',
    ...(c.claimant ? { author: thing(base, c.claimant) } : {}),
    ...(date ? { datePublished: date } : {}),
    appearance: article(base, source),
  };
}

/** Sends JSON-LD with its media type (the route's response schema for application/ld+json serializes it). */
export function sendLinkedData(reply: FastifyReply, body: QuotationLdT | ClaimLdT) {
  return reply.type(MEDIA.jsonld).send(body);
}

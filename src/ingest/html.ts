// Reads a news web page: Readability finds the story, we clean it into paragraphs and take the metadata the page declares.

import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { projectPath } from '../paths.js';
import { IngestError } from './files.js';
import { parseDay } from './dates.js';

/** The page holds no article we can read (an index page, an error page, a paywall stub); `reason` says which. */
export class NotAnArticle extends IngestError {
  override name = 'NotAnArticle';
  constructor(why: string) {
    super(`not an article: ${why}`);
  }
}

export interface PageArticle {
  title: string;
  paragraphs: string[];
  /** YYYY-MM-DD, or null when the page declares no date */
  published: string | null;
  /** the outlet's name */
  source: string | null;
  /** canonical URL (absolute), or the address the page was read from */
  url: string | null;
  /** primary language subtag, lower case ("en") */
  language: string | null;
  byline: string | null;
}

interface PatternList {
  patterns: string[];
  maxChars?: number;
}

/** data/page-cleanup.json, compiled. */
export interface PageRules {
  endHeadings: RegExp[];
  boilerplate: { maxChars: number; patterns: RegExp[] };
  bylines: { maxChars: number; patterns: RegExp[] };
  datelines: { maxChars: number; patterns: RegExp[] };
}

export function loadPageRules(file = projectPath('data', 'page-cleanup.json')): PageRules {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PatternList>;
  const compile = (list: PatternList) => list.patterns.map((p) => new RegExp(p, 'iu'));
  return {
    endHeadings: compile(raw.endHeadings),
    boilerplate: { maxChars: raw.boilerplate.maxChars ?? 200, patterns: compile(raw.boilerplate) },
    bylines: { maxChars: raw.bylines.maxChars ?? 120, patterns: compile(raw.bylines) },
    datelines: { maxChars: raw.datelines.maxChars ?? 80, patterns: compile(raw.datelines) },
  };
}

// Below this much text the page is a stub: Readability's own threshold for "found an article" is 500 characters
// of candidate text; a real news brief is rarely under 300.
export const MIN_ARTICLE_CHARS = 300;
// An index or section page lists its stories as <article> teasers; a story page has one <article> (or a few for
// embedded related items). This many or more, each with its own headline link, is a list of stories.
const INDEX_TEASERS = 5;

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|PressRelease|WebPage)$/;
type Json = Record<string, unknown>;

// The few DOM members we use, typed here: the project compiles without the DOM library, whose globals would
// otherwise seem to exist in Node code.
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
interface DomDocument {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

// Elements whose text is never story text: media and their captions, forms, embedded widgets, footnote markers.
const SKIP = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG', 'SVG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'NAV', 'ASIDE', 'FOOTER', 'TABLE', 'MATH']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'ADDRESS', 'CENTER', 'HR', 'DETAILS', 'SUMMARY']);
const HEADING = /^H[1-6]$/;

interface Block {
  text: string;
  /** the lines a <br> separates (one for most paragraphs) */
  lines: string[];
  heading: boolean;
  /** share of the text that is link text: navigation and "related" lists are mostly links */
  linkShare: number;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/**
 * Reads web pages. Holds the cleanup rules (data/page-cleanup.json), loaded once by the caller.
 */
export class PageReader {
  constructor(private readonly rules: PageRules = loadPageRules()) {}

  /**
   * The article in `html`. `url` is where the page came from (it resolves a relative canonical link); throws
   * NotAnArticle when the page has no story to read.
   */
  read(html: string, url: string | null = null): PageArticle {
    const { document: doc } = parseHTML(html);
    const document = doc as unknown as DomDocument;
    // text with no markup at all ("Moved Permanently", a JSON error) gives no document element
    if (!document.documentElement) throw new NotAnArticle('not an HTML page');
    // metadata first: Readability takes the document apart (scripts, headers) as it works
    const meta = pageMetadata(document, url);
    const teasers = countTeasers(document);
    if (teasers >= INDEX_TEASERS) throw new NotAnArticle(`an index page: it lists ${teasers} stories, each with its own headline link`);
    // the element itself, not its HTML: we walk it rather than parse Readability's output again
    const parsed = new Readability(doc, { serializer: (el) => el as unknown, charThreshold: 500 }).parse();
    if (!parsed || !parsed.content) throw new NotAnArticle('no article text found on the page');
    const { paragraphs, byline, dateline } = this.clean(blocks(parsed.content as DomElement), meta.title ?? parsed.title ?? '');
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    if (meta.paywalled && chars < 1500) throw new NotAnArticle(`behind a paywall: the page says it is not free to read and holds only ${chars} characters of the story`);
    if (chars < MIN_ARTICLE_CHARS) throw new NotAnArticle(`too little article text (${chars} characters): an index, error, login or paywall page?`);
    // a listing (a publication's page of documents, a section front) has text, but in labels and links, not sentences
    const prose = paragraphs.filter(isProse).reduce((n, p) => n + p.length, 0);
    if (prose < MIN_ARTICLE_CHARS) throw new NotAnArticle(`no story on the page: its ${chars} characters of text are headings, labels and short lines, not sentences (an index or listing page?)`);
    const title = meta.title ?? stripSiteName(squash(parsed.title ?? ''), meta.source);
    if (!title) throw new NotAnArticle('the page has no headline');
    return {
      title,
      paragraphs,
      published: meta.published ?? (dateline ? parseDay(dateline) : null),
      source: meta.source ?? (parsed.siteName ? squash(parsed.siteName) : null),
      url: meta.url,
      language: meta.language,
      byline: withoutBy(meta.byline ?? (parsed.byline ? squash(parsed.byline) : null) ?? byline),
    };
  }

  /**
   * The paragraphs of a story given as an HTML fragment (a feed item's full content): it is the story already, so
   * Readability's search for it is skipped; the cleanup is the same as for a page.
   */
  readFragment(html: string, title: string): string[] {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const body = (document as unknown as DomDocument).querySelector('body');
    const { paragraphs } = this.clean(body ? blocks(body) : [], title);
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    if (chars < MIN_ARTICLE_CHARS) throw new NotAnArticle(`too little article text (${chars} characters)`);
    return paragraphs;
  }

  /** Paragraphs without the headline, datelines, bylines, captions, sharing and "related" lines. */
  private clean(all: Block[], title: string): { paragraphs: string[]; byline: string | null; dateline: string | null } {
    const { rules } = this;
    const out: Block[] = [];
    let byline: string | null = null;
    let dateline: string | null = null;
    const normTitle = title.toLowerCase();
    for (const b of all) {
      const t = b.text;
      const short = t.length <= 60;
      if ((b.heading || short) && rules.endHeadings.some((re) => re.test(t))) {
        // a list header near the top (a "Share this" bar above the story) is not where the story ends
        if (out.length >= 2) break;
        continue;
      }
      if (t.toLowerCase() === normTitle) continue;
      if (t.length <= rules.datelines.maxChars && rules.datelines.patterns.some((re) => re.test(t))) {
        dateline ??= t;
        continue;
      }
      if (t.length <= rules.bylines.maxChars && rules.bylines.patterns.some((re) => re.test(t))) {
        byline ??= t;
        continue;
      }
      if (t.length <= rules.boilerplate.maxChars && rules.boilerplate.patterns.some((re) => re.test(t))) continue;
      // a run of links with little else: a "related stories" list, tags, or navigation that Readability kept
      if (b.linkShare > 0.6 && t.length < 400) continue;
      out.push(b);
    }
    // a headline repeated at the end, or a lone subheading left after the cut
    while (out.length && out[out.length - 1].heading) out.pop();
    // labels around the story that Readability keeps with it: a kicker above the text ("DIY approach"), a speaker's
    // name and post above a speech, a category below it ("NEWS")
    while (out.length && isLabelBlock(out[0])) out.shift();
    while (out.length && isLabelBlock(out[out.length - 1])) out.pop();
    return { paragraphs: out.map((b) => b.text), byline, dateline };
  }
}

// How a sentence ends, in Latin scripts and in Chinese and Japanese (whose text has no spaces between words)
const SENTENCE_END = /[.!?:;"”’)\]。！？」』）]$/;

/** A few words without a sentence's end: a label, not text. */
const isLabel = (p: string, words = 4) => p.split(' ').length <= words && p.length <= 60 && !SENTENCE_END.test(p);

/**
 * A label, or lines of them: a speech's header (name, post, place, date on separate lines), a signature, an
 * address block.
 */
const isLabelBlock = (b: Block) => (b.lines.length > 1 ? b.lines.every((l) => isLabel(l, 6)) : isLabel(b.text));

/** A sentence or more: enough words (or, for scripts without spaces, characters) and a sentence's end. */
const isProse = (p: string) => (p.split(' ').length >= 12 || (p.length >= 40 && !p.includes(' '))) && SENTENCE_END.test(p);

const withoutBy = (byline: string | null) => byline?.replace(/^(?:by|written by|story by|words by|reporting by|posted by|author:)\s+/i, '') || null;

/** The page's text as paragraphs: one per block element, `<br><br>` splitting, media and captions left out. */
function blocks(root: DomElement): Block[] {
  const out: Block[] = [];
  let text = '';
  let linkText = 0;
  let heading = false;
  const flush = () => {
    // two line breaks in a row separate paragraphs in pages that use <br> instead of <p>
    for (const part of text.split(/\n[ \t\u00a0]*\n/)) {
      const t = squash(part);
      const lines = part.split('\n').map(squash).filter(Boolean);
      if (t) out.push({ text: t, lines, heading, linkShare: Math.min(1, linkText / Math.max(1, t.length)) });
    }
    text = '';
    linkText = 0;
    heading = false;
  };
  const walk = (node: DomNode, inLink: boolean) => {
    if (node.nodeType === 3) {
      // line breaks in the source are spaces; only <br> breaks lines
      const value = (node.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' ');
      text += value;
      if (inLink) linkText += value.trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as DomElement;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    // footnote markers ("[1]") and elements hidden from readers
    if (tag === 'SUP' && /reference|footnote/i.test(el.getAttribute('class') ?? '')) return;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'BR') {
      text += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (HEADING.test(tag)) heading = true;
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, inLink || tag === 'A');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return out;
}

/** How many story teasers the page lists: <article> elements (or schema.org items) with a headline link. */
function countTeasers(document: DomDocument): number {
  let n = 0;
  for (const el of document.querySelectorAll('article, [itemtype$="/NewsArticle"], [itemtype$="/BlogPosting"]')) {
    const heading = el.querySelector('h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h1, a[href] h2, a[href] h3, a[href] h4');
    if (heading) n++;
  }
  return n;
}

/** " - Wikinews, the free news source", " | Global Voices": the site's name after the headline. */
function stripSiteName(title: string, site: string | null): string {
  const m = /^(.{10,}?)\s+([|\-–—:·»])\s+([^|\-–—:·»]+(?:[,:][^|\-–—:·»]+)?)$/.exec(title);
  if (!m) return title;
  const [, headline, separator, suffix] = m;
  const first = site?.toLowerCase().split(/[\s,]+/)[0];
  if (first && first.length > 2 && suffix.toLowerCase().includes(first)) return headline;
  // a short tail after a pipe is the site's name even when the page does not name its site; after a dash or a colon
  // it may be part of the headline ("Floods in the north - live updates"), so only a named site is cut there
  if ('|·»'.includes(separator) && suffix.split(/\s+/).length <= 6) return headline;
  return title;
}

interface PageMeta {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  byline: string | null;
  paywalled: boolean;
}

/** The metadata the page declares: JSON-LD first, then <meta> tags, then elements. */
export function pageMetadata(document: DomDocument, baseUrl: string | null): PageMeta {
  const metas = new Map<string, string>();
  for (const m of document.querySelectorAll('meta[content]')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').toLowerCase();
    const content = squash(m.getAttribute('content') ?? '');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const ld = jsonLdArticle(document);
  const str = (v: unknown): string | null => (typeof v === 'string' && squash(v) ? squash(v) : null);
  const nameOf = (v: unknown): string | null => {
    if (Array.isArray(v)) return nameOf(v[0]);
    if (v && typeof v === 'object') return str((v as Json).name);
    return str(v);
  };

  // the date, in the order the page is most likely to get right: structured data, the Open Graph tag, a <time>
  const timeEl =
    document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime], [itemprop="datePublished"][content]') ??
    document.querySelector('article time[datetime], main time[datetime]') ??
    document.querySelector('time[datetime]');
  const dateCandidates = [
    str(ld?.datePublished),
    metas.get('article:published_time'),
    timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content'),
    metas.get('og:published_time'),
    metas.get('datepublished'),
    metas.get('dc.date') ?? metas.get('dc.date.issued') ?? metas.get('dcterms.date') ?? metas.get('dcterms.created'),
    metas.get('citation_publication_date') ?? metas.get('citation_date'),
    metas.get('pubdate') ?? metas.get('publishdate') ?? metas.get('publish-date') ?? metas.get('date'),
    // MediaWiki (Wikinews) marks the date line of a story with this id
    document.querySelector('#publishDate')?.getAttribute('title'),
  ];
  let published: string | null = null;
  for (const c of dateCandidates) if (c && (published = parseDay(c))) break;

  const canonical = resolveUrl(document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? metas.get('og:url') ?? str(ld?.url), baseUrl);
  const url = chooseUrl(canonical, baseUrl);
  const source = metas.get('og:site_name') ?? nameOf(ld?.publisher) ?? metas.get('application-name') ?? metas.get('twitter:site')?.replace(/^@/, '') ?? hostName(url);
  const rawTitle = str(ld?.headline) ?? metas.get('og:title') ?? metas.get('twitter:title') ?? null;
  const title = rawTitle ? stripSiteName(rawTitle, source) : null;
  const lang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang') ?? metas.get('content-language') ?? metas.get('og:locale') ?? str(ld?.inLanguage);
  const language = lang ? (/^[a-z]{2,3}\b/i.exec(lang)?.[0].toLowerCase() ?? null) : null;
  const free = ld?.isAccessibleForFree;
  return {
    title: title && title.length <= 1000 ? title : null,
    published,
    source,
    url,
    language,
    byline: nameOf(ld?.author) ?? metas.get('author') ?? metas.get('article:author') ?? null,
    paywalled: free === false || (typeof free === 'string' && free.toLowerCase() === 'false'),
  };
}

/** The first schema.org article object in the page's JSON-LD (also inside @graph and arrays). */
function jsonLdArticle(document: DomDocument): Json | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block is the site's bug; the page still has its other metadata
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Json;
        const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
        if (types.some((t) => ARTICLE_TYPES.test(t)) && (o.headline || o.datePublished)) return o;
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return null;
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The canonical URL unless it is the site's home page while the page itself is not: a misconfigured site that points
 * every story's canonical link at its front page would otherwise merge all its stories into one article.
 */
function chooseUrl(canonical: string | null, fetched: string | null): string | null {
  if (!canonical) return fetched;
  if (fetched && new URL(canonical).pathname === '/' && new URL(fetched).pathname !== '/') return fetched;
  return canonical;
}

export function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}


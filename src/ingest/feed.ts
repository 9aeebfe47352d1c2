// Reads an RSS 2.0 or Atom feed (with @rowanmanning/feed-parser) into the items we ingest: link, title, date, content.

import { parseFeed } from '@rowanmanning/feed-parser';
import { IngestError } from './files.js';
import { parseDay } from './dates.js';

export interface FeedItem {
  /** the item's link (absolute), or null when it has none */
  url: string | null;
  title: string | null;
  published: string | null;
  /** the full story as HTML when the feed carries it (content:encoded, Atom content), else null */
  html: string | null;
  /** the item's summary: kept to tell a teaser from a full story */
  summary: string | null;
}

export interface ParsedFeed {
  title: string | null;
  language: string | null;
  items: FeedItem[];
}

// A feed's <content> shorter than this is a teaser like its <description>, not the story: fetch the link instead.
export const MIN_FEED_CONTENT_CHARS = 600;

/** Parses feed XML; throws IngestError when it is neither RSS nor Atom. */
export function readFeed(xml: string, feedUrl: string | null): ParsedFeed {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw new IngestError(`not an RSS or Atom feed (${(err as Error).message})`);
  }
  const language = feed.language ? (/^[a-z]{2,3}\b/i.exec(feed.language)?.[0].toLowerCase() ?? null) : null;
  return {
    title: feed.title ?? null,
    language,
    items: feed.items.map((item) => {
      const url = absolute(item.url, feedUrl);
      // RSS feeds often carry the whole story in <description> and have no <content:encoded>
      const content = item.content ?? item.description ?? null;
      const textLength = content ? content.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().length : 0;
      return {
        url,
        title: item.title ?? null,
        published: publishedDay(item),
        html: content && textLength >= MIN_FEED_CONTENT_CHARS ? content : null,
        summary: item.description && item.description !== content ? item.description : null,
      };
    }),
  };
}

type Item = ReturnType<typeof parseFeed>['items'][number];

/** The day as the feed writes it ("Thu, 14 Nov 2024 23:30:00 -0500" is the 14th), not converted to UTC. */
function publishedDay(item: Item): string | null {
  // the parser lower-cases element names (pubDate is pubdate; dc:date is date)
  for (const name of ['pubdate', 'published', 'date', 'issued', 'updated']) {
    const text = item.element.findElementWithName(name)?.textContent;
    const day = text ? parseDay(text) : null;
    if (day) return day;
  }
  return item.published ? item.published.toISOString().slice(0, 10) : null;
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}


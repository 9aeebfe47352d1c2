// The frame of every page (head, header with search, footer) and the renderer: JSX to an HTML document, text escaped.

import type { ComponentChildren, VNode } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { render } from 'preact-render-to-string';

/** Where this server serves its assets: names carry a hash of the content, so browsers may keep them for good. */
export interface AssetUrls {
  css: string;
  favicon: string;
  chartLibrary: string;
  chartScript: string;
}

const Assets = createContext<AssetUrls | null>(null);

/** A page as an HTML document. Preact escapes every text and attribute value it is given. */
export function renderDocument(assets: AssetUrls, page: VNode): string {
  return `<!doctype html>${render(<Assets.Provider value={assets}>{page}</Assets.Provider>)}`;
}

export type Section = 'home' | 'statements' | 'articles' | 'topics' | 'search' | null;

interface LayoutProps {
  title: string;
  section: Section;
  /** The page draws a chart: its library and script are loaded (no other page runs any script). */
  chart?: boolean;
  /** What the search box holds. */
  q?: string;
  children: ComponentChildren;
}

const NAV: [Exclude<Section, null | 'search'>, string, string][] = [
  ['home', '/', 'Home'],
  ['statements', '/statements', 'Statements'],
  ['articles', '/articles', 'Articles'],
  ['topics', '/topics', 'Topics'],
];

export function Layout({ title, section, chart, q, children }: LayoutProps) {
  const assets = useContext(Assets)!;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · whosaid`}</title>
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        {chart && <script src={assets.chartLibrary} defer />}
        {chart && <script src={assets.chartScript} defer />}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            who<span>said</span>
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map(([key, href, label]) => (
                <li>
                  <a href={href} aria-current={section === key ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                <a href="/docs">API</a>
              </li>
            </ul>
          </nav>
          {section !== 'home' && (
            <form class="site-search" role="search" action="/search" method="get">
              <label for="site-q" class="visually-hidden">
                Search statements, people and topics
              </label>
              <input id="site-q" name="q" type="search" value={q} placeholder="Search" />
              <button type="submit">Search</button>
            </form>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <p>
            Statements, speakers, dates and topics are extracted from the articles by rules and models, with a
            confidence for each; check them against the text. The same data: <a href="/docs">the API</a> (
            <a href="/openapi.json">OpenAPI</a>).
          </p>
        </footer>
      </body>
    </html>
  );
}

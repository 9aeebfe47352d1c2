// Reading real saved web pages and feeds: the story's paragraphs and the metadata each page declares; pages that are not articles; charsets.

import t from 'tap';
import { readFileSync } from 'node:fs';
import { decodeHtml, headerCharset } from '../../src/ingest/charset.js';
import { parseDay } from '../../src/ingest/dates.js';
import { readFeed } from '../../src/ingest/feed.js';
import { IngestError } from '../../src/ingest/files.js';
import { NotAnArticle, PageReader } from '../../src/ingest/html.js';
import { projectPath } from '../../src/paths.js';

const fixture = (...p: string[]) => readFileSync(projectPath('test', 'fixtures', ...p));
const reader = new PageReader();
const readPage = (name: string) => reader.read(decodeHtml(fixture('pages', name), null, name).text, null);

t.test('a government statement (WordPress, JSON-LD @graph): headline, date, outlet, canonical URL, language; the speech without its header and end mark', async (t) => {
  const a = readPage('usun-human-rights-statement.html');
  t.equal(a.title, 'Statement on Human Rights during the General Debate of the Third Committee of the UN General Assembly', 'og:title without the site name after it');
  t.equal(a.published, '2020-10-07');
  t.equal(a.source, 'United States Mission to the United Nations');
  t.equal(a.url, 'http://usun.usmission.gov/statement-on-human-rights-during-the-general-debate-of-the-third-committee-of-the-un-general-assembly/');
  t.equal(a.language, 'en');
  t.equal(a.paragraphs[0], 'Thank you.', 'the name, post, place and date above the speech, and "AS DELIVERED", are not story text');
  t.equal(a.paragraphs[1].slice(0, 70), 'The United States is committed to protecting and promoting the fundame');
  t.equal(
    a.paragraphs.at(-1),
    'In Russia, we are troubled by continued threats, harassment, and violence against the press, independent civil society, religious and other minority groups, and the political opposition. The United States is also alarmed by reported cases of enforced disappearances, torture, and extrajudicial killings, particularly in Chechnya. We condemn Russia’s ongoing aggression in eastern Ukraine and its invasion of Crimea. We call on Russia to implement its Minsk agreement commitments.',
    'the "###" end mark, the byline and the "Suggested for You" list are gone',
  );
  t.equal(a.paragraphs.length, 10);
  const text = a.paragraphs.join('\n');
  for (const junk of ['Suggested for You', 'Email Subscription', 'Apply Filter', '###', 'Topics:']) t.notOk(text.includes(junk), `no "${junk}"`);
});

t.test('a blog post (Jekyll, microdata): <time itemprop="datePublished">, og:site_name, og:url; the standfirst and the text, not the kicker or the category', async (t) => {
  const a = readPage('faims-diy-deployment.html');
  t.equal(a.title, 'Brown University archaeologists create an artifact recording module using FAIMS Mobile');
  t.equal(a.published, '2016-09-19');
  t.equal(a.source, 'FAIMS Project');
  t.equal(a.url, 'https://www.fedarch.org//news/DIY_deployment/', 'the page declares this URL (with its double slash) and no canonical link');
  t.equal(a.language, 'en');
  t.same(a.paragraphs.slice(0, 2), [
    'Team of undergraduate students deploy their own FAIMS module',
    'An interdisciplinary team of Brown University undergraduate students led by Assistant Professor of Anthropology Parker VanValkenburgh developed a bilingual module for pottery analysis using the FAIMS User to Developer Documentation.',
  ]);
  t.equal(a.paragraphs.at(-1), 'We are looking forward to reading more about their exciting project!');
  t.match(a.paragraphs[2], /“increased efficiency of data entry by an average of about 20 percent,” VanValkenburgh said, and was found/, 'a line break in the source is a space');
  const text = a.paragraphs.join('\n');
  for (const junk of ['DIY approach', 'NEWS', '2016-09-19', 'Blog Archive', 'Partner Organisations', 'Old Tools, by spinster cardigan']) t.notOk(text.includes(junk), `no "${junk}"`);
});

t.test('a page that is not an article is refused with the reason', async (t) => {
  t.throws(() => readPage('faims-blog-index.html'), NotAnArticle, 'the blog front page: teasers and "Read More" links');
  t.throws(() => readPage('faims-blog-index.html'), { message: /^not an article: too little article text/ });
  const listing = `<!doctype html><html lang="en"><head><title>Surveillance reports</title></head><body><main><h1>National surveillance reports</h1>
    ${Array.from({ length: 12 }, (_, i) => `<section><h2>Report ${i + 1}</h2><p>PDF, 337KB, 1 page</p><p>Published 13 October 2020</p><p><a href="/r${i}">Download the weekly report</a></p></section>`).join('')}
    </main></body></html>`;
  t.throws(() => reader.read(listing, null), { message: /not an article: .*(?:headings, labels and short lines|too little article text)/ }, 'a listing: labels and links, no sentences');
  const teasers = `<!doctype html><html><body>${Array.from({ length: 6 }, (_, i) => `<article><h2><a href="/s${i}">Story ${i}</a></h2><p>${'Officials said the border would stay closed for another week. '.repeat(3)}</p></article>`).join('')}</body></html>`;
  t.throws(() => reader.read(teasers, null), { message: /an index page: it lists 6 stories/ });
  const paywall = `<!doctype html><html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget talks collapse","isAccessibleForFree":false}</script></head>
    <body><article><h1>Budget talks collapse</h1><p>${'Talks on the budget collapsed on Monday after ministers failed to agree on spending, officials said. '.repeat(5)}</p><p>Subscribe to read the rest.</p></article></body></html>`;
  t.throws(() => reader.read(paywall, null), { message: /behind a paywall/ });
  t.throws(() => reader.read('Moved Permanently. Redirecting to https://example.test/', null), { message: /not an HTML page/ });
});

t.test('the character set: BOM, then the HTTP header, then <meta>; undeclared bytes are UTF-8 if they can be, else windows-1252', async (t) => {
  const utf8 = fixture('pages', 'faims-diy-deployment.html');
  // the blog post re-encoded, with its <meta charset> saying so: every character of it exists in windows-1252
  const cp1252Text = utf8.toString('utf8').replace('<meta charset="utf-8" />', '<meta charset="windows-1252" />');
  const cp1252 = Buffer.from([...cp1252Text].map((c) => CP1252.get(c) ?? c.charCodeAt(0)));
  t.ok(cp1252.length < utf8.length, 'fewer bytes: one per character');
  t.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1252), 'not UTF-8');
  const decoded = decodeHtml(cp1252, null, 'page');
  t.equal(decoded.charset, 'windows-1252');
  t.same(reader.read(decoded.text, null).paragraphs, readPage('faims-diy-deployment.html').paragraphs, 'the same story as the UTF-8 page: ‘’“” and ó read right');
  t.equal(decodeHtml(cp1252, 'text/html; charset=ISO-8859-1', 'page').charset, 'windows-1252', 'latin1 labels mean windows-1252, as in browsers');
  t.equal(decodeHtml(utf8, 'text/html; charset=windows-1252', 'page').charset, 'windows-1252', 'the HTTP header wins over <meta>');
  t.equal(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/html; charset=windows-1252', 'page').charset, 'utf-8', 'a BOM wins over the header');
  t.equal(decodeHtml(Buffer.from('<p>caf\xe9 cr\xe8me</p>', 'latin1'), null, 'page').text, '<p>café crème</p>', 'undeclared, not UTF-8: windows-1252');
  t.equal(decodeHtml(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), 'text/html; charset=windows-1252', 'page').text, '“Hi” – €5', 'the quotes, dashes and euro sign at 0x80–0x9f (which Node’s own decoder leaves as control characters)');
  t.equal(decodeHtml(Buffer.from('<p>café</p>'), null, 'page').text, '<p>café</p>', 'undeclared UTF-8');
  t.equal(decodeHtml(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>caf\xe9</title></rss>', 'latin1'), null, 'feed').text.includes('café'), true, 'the XML declaration of a feed');
  t.throws(() => decodeHtml(Buffer.from('<meta charset="klingon-8">'), null, 'the page'), new IngestError('the page declares the character set "klingon-8", which is not one we know'));
  t.throws(() => decodeHtml(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), null, 'page.html'), { message: /binary/ });
  t.equal(headerCharset('text/html;charset="utf-8"'), 'utf-8');
});

t.test('the site name after a headline is cut; words after a dash that are part of the headline are not', async (t) => {
  const story = (title: string, site = '') =>
    `<html><head><meta property="og:title" content="${title}">${site ? `<meta property="og:site_name" content="${site}">` : ''}</head><body><article><p>${'Officials said the river would rise by Friday and urged residents to prepare. '.repeat(6)}</p></article></body></html>`;
  t.equal(reader.read(story('Floods in the north - Example News', 'Example News'), null).title, 'Floods in the north');
  t.equal(reader.read(story('Floods in the north | Example'), null).title, 'Floods in the north', 'a pipe: a site name even when unnamed');
  t.equal(reader.read(story('Floods in the north - live updates'), null).title, 'Floods in the north - live updates');
  t.equal(reader.read(story('Minister: the river will rise'), null).title, 'Minister: the river will rise');
});

t.test('text without spaces between words (Japanese, Chinese) is prose, not a run of labels', async (t) => {
  const sentence = '欧州各地で新型コロナウイルスの感染が拡大する中、フランス政府は新たに四都市で感染症対策の制限を強化すると発表した。';
  const a = reader.read(`<html lang="ja"><head><meta property="og:title" content="四都市で営業停止へ"></head><body><article><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p></article></body></html>`, null);
  t.equal(a.paragraphs.length, 6);
  t.equal(a.language, 'ja');
});

t.test('publication dates as pages and feeds write them, reduced to the day where they were written', async (t) => {
  t.equal(parseDay('2024-11-14T23:30:00-05:00'), '2024-11-14', 'not 2024-11-15 (UTC)');
  t.equal(parseDay('Sun, 02 Feb 2020 00:00:00 +1100'), '2020-02-02', 'RFC 822, not converted to UTC');
  t.equal(parseDay('Friday, May 3, 2019'), '2019-05-03', 'the Wikinews date line');
  t.equal(parseDay('2024-02-30'), null);
  t.equal(parseDay('May 2019'), null, 'a month is not a day');
  t.equal(parseDay('yesterday'), null);
});

t.test('RSS 2.0 and Atom (the blog above): each item with its link, its date as written and its story when the feed carries it', async (t) => {
  const rss = readFeed(fixture('feeds', 'faims-rss.xml').toString('utf8'), 'https://www.fedarch.org/feed.xml');
  const atom = readFeed(fixture('feeds', 'faims-atom.xml').toString('utf8'), 'https://www.fedarch.org/atom.xml');
  for (const [kind, feed] of [['RSS', rss], ['Atom', atom]] as const) {
    t.equal(feed.title, 'FAIMS Project', kind);
    t.equal(feed.items.length, 10, kind);
    t.match(feed.items[0], { url: 'https://www.fedarch.org/news/Perachora/', title: 'Perachora project puts FAIMS Mobile to test', published: '2020-02-02' }, kind);
    t.match(feed.items[0].html, /^<p>Macquarie University team of archaeologists/, `${kind}: the whole story is in the feed`);
    const short = feed.items.find((i) => i.url === 'https://www.fedarch.org/news/Introducing-Access-Coordinator/')!;
    t.equal(short.html, null, `${kind}: a few lines are not a story worth keeping from the feed: its link is fetched instead`);
  }
  t.same(rss.items.map((i) => i.published), atom.items.map((i) => i.published), 'the same days from both (RSS dates are +1100/+1000, not converted to UTC)');
  t.same(readPageParagraphs(rss.items[0].html!, 'Perachora project puts FAIMS Mobile to test').at(-1), 'We are ready for the next season!');
  t.throws(() => readFeed('<html><body>not a feed</body></html>', null), IngestError);
});

const readPageParagraphs = (html: string, title: string) => reader.readFragment(html, title);

/** Unicode characters windows-1252 puts at 0x80–0x9f (the rest of it is Latin-1). */
const CP1252 = new Map<string, number>(
  ['€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '', '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ']
    .map((c, i) => [c, 0x80 + i] as [string, number])
    .filter(([c]) => c !== ''),
);

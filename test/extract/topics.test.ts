// Topics: the IPTC taxonomy in data/topics.json and the keyword and actor rules that assign it.

import t from 'tap';
import { loadTopicRules, loadTopics } from '../../src/extract/topics.js';

const rules = loadTopicRules();
const articleTopics = (title: string, body: string) => rules.forArticle(title, body);
const scoreArticleTopics = (title: string, body: string) => rules.scoreArticle(title, body);
const topicLineage = (id: string) => rules.lineage(id);
const topicsFor = (text: string, ctx?: Parameters<typeof rules.forText>[1]) => rules.forText(text, ctx);

t.test('the taxonomy has the 17 IPTC top-level topics with their real codes', async (t) => {
  const roots = loadTopics()
    .filter((topic) => topic.parentId === null)
    .map((topic) => [topic.iptc, topic.label]);
  t.same(roots, [
    ['medtop:01000000', 'arts, culture, entertainment and media'],
    ['medtop:02000000', 'crime, law and justice'],
    ['medtop:03000000', 'disaster, accident and emergency incident'],
    ['medtop:04000000', 'economy, business and finance'],
    ['medtop:05000000', 'education'],
    ['medtop:06000000', 'environment'],
    ['medtop:07000000', 'health'],
    ['medtop:08000000', 'human interest'],
    ['medtop:09000000', 'labour'],
    ['medtop:10000000', 'lifestyle and leisure'],
    ['medtop:11000000', 'politics and government'],
    ['medtop:12000000', 'religion'],
    ['medtop:13000000', 'science and technology'],
    ['medtop:14000000', 'society'],
    ['medtop:15000000', 'sport'],
    ['medtop:16000000', 'conflict, war and peace'],
    ['medtop:17000000', 'weather'],
  ]);
});

t.test('parents come before children, ids and codes are unique', async (t) => {
  const topics = loadTopics();
  const seen = new Set<string>();
  for (const topic of topics) {
    t.ok(topic.parentId === null || seen.has(topic.parentId), `${topic.id} after its parent`);
    seen.add(topic.id);
  }
  t.equal(seen.size, topics.length, 'ids are unique');
  t.equal(new Set(topics.map((topic) => topic.iptc)).size, topics.length, 'codes are unique');
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  t.same(byId.get('armed-conflict'), { id: 'armed-conflict', iptc: 'medtop:20000056', label: 'armed conflict', parentId: 'conflict-war-and-peace' });
  t.same(byId.get('diplomacy'), { id: 'diplomacy', iptc: 'medtop:20000639', label: 'diplomacy', parentId: 'international-relations' });
  t.same(byId.get('international-relations'), {
    id: 'international-relations',
    iptc: 'medtop:20000638',
    label: 'international relations',
    parentId: 'politics-and-government',
  });
});

t.test('topicLineage walks up to the top-level topic', async (t) => {
  t.same(topicLineage('summit-meeting'), ['summit-meeting', 'diplomacy', 'international-relations', 'politics-and-government']);
  t.same(topicLineage('weather'), ['weather']);
  t.same(topicLineage('no-such-topic'), []);
});

t.test('articleTopics: top-level topics followed by their best-supported narrower topics', async (t) => {
  t.same(
    articleTopics(
      'Army shells rebel positions as ceasefire collapses',
      'Artillery fire hit the eastern town overnight. Soldiers and rebels clashed near the front line, and the defence ministry said the offensive would continue.',
    ),
    ['conflict-war-and-peace', 'armed-conflict'],
  );
  t.same(
    articleTopics(
      'Parliament rejects budget as prime minister faces vote',
      'Lawmakers voted down the government budget on Tuesday. The opposition leader called for an early election, and the prime minister said she would seek a vote of confidence.',
    ),
    ['politics-and-government', 'government'],
  );
  t.same(
    articleTopics('Court jails former mayor for bribery', 'A judge sentenced the former mayor to six years in prison after a jury convicted him of taking bribes from builders.'),
    ['crime-law-and-justice', 'judiciary'],
  );
  t.same(
    articleTopics('Storm floods coastal towns', 'Heavy rain and strong winds from the storm flooded homes. Rescuers evacuated hundreds of residents as the river burst its banks.'),
    ['disaster-accident-and-emergency-incident', 'disaster', 'weather'],
  );
});

t.test('the headline weighs more than the body', async (t) => {
  const body = 'Doctors at the city hospital treated dozens of patients. Soldiers wounded in fighting near the border were among them, and the army sent more troops.';
  t.same(articleTopics('Troops pour into border region', body), ['conflict-war-and-peace']);
  t.same(articleTopics('Hospital doctors struggle with patients', body), ['health', 'medical-profession', 'conflict-war-and-peace']);
});

t.test('keywords match plurals, word endings marked *, and any accents or punctuation', async (t) => {
  t.same(articleTopics('Protesters on the streets', 'Thousands of protesters marched through the city.'), [
    'conflict-war-and-peace',
    'civil-unrest',
    'protests-and-demonstrations',
  ]);
  t.same(articleTopics('Murdered activist remembered', 'Her killers were never found.'), ['crime-law-and-justice', 'crime', 'homicide']);
  t.same(articleTopics("Officers foil coup d'État attempt", 'The junta had planned to seize the radio station.'), ['conflict-war-and-peace', 'coup-d-etat']);
});

t.test('an article no rule matches gets the fallback topic', async (t) => {
  t.same(articleTopics('A quiet afternoon', 'Nothing much happened here at all.'), ['society']);
});

t.test('scoreArticleTopics says which words gave each topic its score', async (t) => {
  t.same(scoreArticleTopics('Gunman kills two', 'Police said the suspect was arrested.'), [
    { id: 'crime-law-and-justice', score: 12.5, hits: ['gunman', 'arrest*', 'police', 'suspect'] },
    { id: 'crime', score: 9, hits: ['gunman', 'suspect'] },
    { id: 'law-enforcement', score: 3.5, hits: ['arrest*', 'police'] },
  ]);
});

t.test('topicsFor: a statement with its own keywords gets its own topics', async (t) => {
  t.same(topicsFor('The ceasefire must hold, and the troops must go home.', { articleTopics: ['politics-and-government'] }), [
    'conflict-war-and-peace',
    'peace-process',
  ]);
  t.same(topicsFor('The vaccine will be available to every hospital next month.', { articleTopics: ['politics-and-government'] }), [
    'health',
    'health-treatment',
  ]);
  // The article's own subject wins a close call: a court in a war story is about war crimes.
  t.same(topicsFor('The court will hear the appeal in the war crimes case.', { articleTopics: ['conflict-war-and-peace', 'armed-conflict'] }), [
    'crime-law-and-justice',
    'crime',
    'war-crime',
  ]);
});

t.test('topicsFor: actors of a telling kind point to their topic', async (t) => {
  // IPTC files a country's own armed forces under politics (national security); armed groups under conflict.
  t.same(topicsFor('We are ready.', { articleTopics: ['health'], actorKeys: ['organization:ministry of defence'] }), [
    'politics-and-government',
    'government',
    'national-security',
    'armed-forces',
  ]);
  t.same(topicsFor('We are ready.', { articleTopics: ['politics-and-government'], actorKeys: ['organization:taliban'] }), ['conflict-war-and-peace']);
  t.same(topicsFor('We are ready.', { articleTopics: ['politics-and-government'], actorKeys: ['group:police', 'person:jane doe'] }), [
    'crime-law-and-justice',
    'law-enforcement',
  ]);
});

t.test('topicsFor: otherwise the article topics, and never empty', async (t) => {
  t.same(topicsFor('We will keep working together.', { articleTopics: ['politics-and-government', 'diplomacy'] }), ['politics-and-government', 'diplomacy']);
  t.same(topicsFor('We are ready.'), ['society']);
  t.same(topicsFor('', { articleTopics: ['sport'] }), ['sport']);
});

// IPTC Media Topics: the taxonomy in data/topics.json and the transparent rules that assign them. (stub)

export interface Topic {
  /** Readable slug, e.g. "conflict-war-and-peace". */
  id: string;
  /** IPTC Media Topic code, e.g. "medtop:16000000". */
  iptc: string;
  label: string;
  parentId: string | null;
}

/** The taxonomy subset we use, parents before children. */
export function loadTopics(): Topic[] {
  return [];
}

export interface TopicContext {
  /** Topics of the article as a whole: the fallback when the text itself names none. */
  articleTopics?: string[];
  /** Keys of actors involved (speaker and mentions), e.g. "organization:nato". */
  actorKeys?: string[];
}

/** Topic ids for one statement or claim text; never empty when context.articleTopics is not empty. */
export function topicsFor(text: string, context: TopicContext = {}): string[] {
  void text;
  return context.articleTopics ?? [];
}

/** Topic ids for a whole article (headline weighs more than body). */
export function articleTopics(title: string, body: string): string[] {
  void title;
  void body;
  return [];
}

// The gold annotation of one corpus article (the shape of shared/eval/seed.gold.json) and the checks every file must pass.

import { z } from 'zod';

const precision = z.enum(['day', 'week', 'month', 'year']);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const goldStatementSchema = z.object({
  speaker: z.string().min(1).nullable(),
  kind: z.enum(['direct', 'indirect']),
  text: z.string().min(1),
  cue: z.string().nullable(),
  date: isoDay.nullable(),
  datePrecision: precision.nullable(),
  dateText: z.string().nullable(),
  required: z.boolean(),
});

export const goldClaimSchema = z.object({
  claimants: z.array(z.string().min(1).nullable()).min(1),
  text: z.string().min(1),
  required: z.boolean(),
});

export const goldSpeakerSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['person', 'organization', 'country', 'group']),
  role: z.string().nullable().default(null),
  affiliation: z.string().nullable().default(null),
  aliases: z.array(z.string()),
});

export const goldActorSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['person', 'organization', 'country', 'place', 'group', 'other']),
  aliases: z.array(z.string()).default([]),
  required: z.boolean(),
});

/** Who annotated the file and who reviewed it against the article, start to end. */
export const annotationRecordSchema = z.object({
  annotator: z.string().min(1),
  annotated: isoDay,
  reviewer: z.string().min(1).optional(),
  reviewed: isoDay.optional(),
  notes: z.string().optional(),
});

export const goldSchema = z.object({
  article: z.object({ file: z.string(), title: z.string(), source: z.string(), published: isoDay.nullable() }),
  topics: z.object({ iptcAnyOf: z.array(z.array(z.string().regex(/^\d{8}$/))), note: z.string().optional() }).optional(),
  statements: z.array(goldStatementSchema),
  claims: z.array(goldClaimSchema).default([]),
  speakers: z.array(goldSpeakerSchema).default([]),
  actors: z.array(goldActorSchema).default([]),
  annotation: annotationRecordSchema.optional(),
});

export type Gold = z.infer<typeof goldSchema>;
export type GoldStatement = z.infer<typeof goldStatementSchema>;
export type GoldClaim = z.infer<typeof goldClaimSchema>;

/** Where a corpus article's text came from and under what terms (NAME.meta.json). */
export const corpusMetaSchema = z.object({
  source: z.string().min(1),
  url: z.string().url(),
  published: isoDay,
  language: z.string().default('en'),
  license: z.string().min(1),
  /** Exactly where this copy of the text was taken from (a file of the project's shared corpus, a repository path at a commit, ...). */
  origin: z.string().min(1),
  /** Who the license says to credit. */
  attribution: z.string().optional(),
  /** The kind of writing, for the corpus's make-up: news, wire, press-release, blog, interview, analysis, round-up, ... */
  style: z.string().optional(),
  /** The extractor was tuned on this article before the corpus existed: it stays in train. */
  tunedBefore: z.boolean().optional(),
});
export type CorpusMeta = z.infer<typeof corpusMetaSchema>;

/** Headline of an article file in our format: line 1 the source, a blank line, then the headline. */
export function headlineOf(raw: string): string {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  return (lines[2] ?? '').trim();
}

/**
 * Everything wrong with one gold file, as readable sentences (empty when it is sound).
 * `requireReview` is off only while a file is still being annotated.
 */
export function checkGold(json: unknown, raw: string, meta: unknown, name: string, requireReview = true): string[] {
  const problems: string[] = [];
  const parsedMeta = corpusMetaSchema.safeParse(meta);
  if (!parsedMeta.success) problems.push(`meta.json: ${z.prettifyError(parsedMeta.error).replace(/\n/g, '; ')}`);
  const parsed = goldSchema.safeParse(json);
  if (!parsed.success) return [...problems, `gold.json: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`];
  const gold = parsed.data;
  const m = parsedMeta.success ? parsedMeta.data : null;

  if (gold.article.file !== `${name}.txt`) problems.push(`article.file is "${gold.article.file}", expected "${name}.txt"`);
  if (gold.article.title !== headlineOf(raw)) problems.push(`article.title "${gold.article.title}" is not the headline "${headlineOf(raw)}"`);
  if (m && gold.article.published !== m.published) problems.push(`article.published ${gold.article.published} differs from meta.json's ${m.published}`);
  if (m && gold.article.source !== m.source) problems.push(`article.source "${gold.article.source}" differs from meta.json's "${m.source}"`);
  if (requireReview) {
    if (!gold.annotation) problems.push('no annotation record (annotator, annotated, reviewer, reviewed)');
    else if (!gold.annotation.reviewer || !gold.annotation.reviewed) problems.push('not reviewed yet (annotation.reviewer, annotation.reviewed)');
    else if (gold.annotation.annotator === gold.annotation.reviewer) problems.push('the reviewer must be someone other than the annotator');
  }

  const speakerNames = new Set(gold.speakers.map((s) => s.name));
  gold.statements.forEach((s, i) => {
    const at = `statements[${i}] ("${s.text.slice(0, 40)}")`;
    if (!raw.includes(s.text)) problems.push(`${at}: text is not an exact substring of the article`);
    if (s.text !== s.text.trim()) problems.push(`${at}: text starts or ends with white space`);
    if (s.required && !s.speaker) problems.push(`${at}: a required statement needs a speaker`);
    if (s.required && s.speaker && !speakerNames.has(s.speaker)) problems.push(`${at}: speaker "${s.speaker}" is not in speakers`);
    problems.push(...checkDate(at, s, gold.article.published));
  });
  gold.claims.forEach((c, i) => {
    const at = `claims[${i}] ("${c.text.slice(0, 40)}")`;
    if (!raw.includes(c.text)) problems.push(`${at}: text is not an exact substring of the article`);
  });
  const seen = new Set<string>();
  for (const a of gold.actors) {
    if (seen.has(a.name)) problems.push(`actor "${a.name}" is listed twice`);
    seen.add(a.name);
  }
  for (const s of gold.speakers) for (const alias of s.aliases) if (!raw.includes(alias)) problems.push(`speaker "${s.name}": alias "${alias}" does not occur in the article`);
  return problems;
}

function checkDate(at: string, s: GoldStatement, published: string | null): string[] {
  if (s.date === null) return s.datePrecision !== null || s.dateText !== null ? [`${at}: datePrecision and dateText must be null when date is`] : [];
  const out: string[] = [];
  if (!s.datePrecision) out.push(`${at}: date ${s.date} has no datePrecision`);
  if (!s.dateText) out.push(`${at}: date ${s.date} has no dateText`);
  const d = new Date(`${s.date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s.date) return [...out, `${at}: ${s.date} is not a real day`];
  if (s.datePrecision === 'week' && d.getUTCDay() !== 1) out.push(`${at}: a week is given by its Monday, ${s.date} is not one`);
  if (s.datePrecision === 'month' && d.getUTCDate() !== 1) out.push(`${at}: a month is given by its first day, not ${s.date}`);
  if (s.datePrecision === 'year' && !s.date.endsWith('-01-01')) out.push(`${at}: a year is given by 1 January, not ${s.date}`);
  if (published && s.date > published) out.push(`${at}: date ${s.date} is after publication (${published})`);
  return out;
}

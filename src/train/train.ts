// Trains the entity, statement and speaker models on the corpus's train split, deterministically.

import { createHash } from 'node:crypto';
import { ENTITY_CLASSES } from '../extract/actors/features.js';
import type { LinearModel } from '../extract/model/linear.js';
import { classify } from '../extract/model/linear.js';
import { extractArticle } from '../extract/pipeline.js';
import type { Models, Resources } from '../extract/resources.js';
import type { CorpusArticle } from '../eval/corpus.js';
import { summarise, type SplitSummary } from '../eval/report.js';
import { scoreExtraction } from '../eval/score.js';
import { claimExamples, dateExamples, entityExamples, statementExamples } from './examples.js';
import { trainLogistic, trainRanker, type Example, type Group } from './logistic.js';

export interface TrainResult {
  models: Required<Models>;
  /** cross-validated figures on the train split (each article scored by models that never saw it) */
  crossValidated: SplitSummary;
  entityCvAccuracy: number;
  threshold: number;
  corpusHash: string;
}

/** sha256 over the names, texts and gold files of the articles trained on. */
export function corpusHash(articles: CorpusArticle[]): string {
  const h = createHash('sha256');
  for (const a of [...articles].sort((x, y) => (x.name < y.name ? -1 : 1))) h.update(a.name).update('\0').update(a.raw).update('\0').update(JSON.stringify(a.gold)).update('\0');
  return h.digest('hex');
}

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
/** the claim model's threshold before cross-validation picks one of CLAIM_THRESHOLDS */
const CLAIM_THRESHOLD = 0.4;
const CLAIM_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
/** the least share of the date model's belief that dates a statement; cross-validation picks one */
const DATE_SHARES = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
/** at most this share of the statements the text does not date may get a guessed date: a wrong date misleads a reader more than none */
const MAX_GUESSED_DATES = 0.1;

/** Folds by a hash of the article name, so they never depend on file order. */
function foldOf(name: string, folds: number): number {
  return createHash('sha256').update(name).digest().readUInt32BE(0) % folds;
}

export function trainModels(articles: CorpusArticle[], base: Resources, opts: { folds?: number; log?: (s: string) => void } = {}): TrainResult {
  const folds = opts.folds ?? 5;
  const log = opts.log ?? (() => {});
  const hash = corpusHash(articles);
  const trainedOn = (examples: number) => ({ corpusHash: hash, examples, articles: articles.length });
  const noModels: Resources = { ...base, models: {} };

  log(`entity examples from ${articles.length} articles`);
  const entityByArticle = articles.map((a) => entityExamples(a, noModels));
  const trainEntity = (rows: Example[][]) => trainLogistic('entity', [...ENTITY_CLASSES], rows.flat(), { epochs: 10, l2: 1e-5 });
  // cross-validated type accuracy of the entity model
  let right = 0;
  let total = 0;
  for (let k = 0; k < folds; k++) {
    const model = { ...trainEntity(entityByArticle.filter((_, i) => foldOf(articles[i].name, folds) !== k)), trainedOn: trainedOn(0) };
    entityByArticle.forEach((rows, i) => {
      if (foldOf(articles[i].name, folds) !== k) return;
      for (const ex of rows) {
        total++;
        if (classify(model, ex.features).label === ENTITY_CLASSES[ex.label]) right++;
      }
    });
  }
  const entity: LinearModel = { ...trainEntity(entityByArticle), trainedOn: trainedOn(entityByArticle.flat().length) };
  log(`entity model: ${Object.keys(entity.weights).length} features, cross-validated accuracy ${(right / total).toFixed(3)} over ${total} candidates`);

  const withEntity: Resources = { ...base, models: { entity } };
  log('statement and speaker examples');
  const stmtByArticle = articles.map((a) => statementExamples(a, withEntity));
  const matched = stmtByArticle.reduce((s, x) => s + x.matched, 0);
  const reachable = stmtByArticle.reduce((s, x) => s + x.reachable, 0);
  log(`proposals matching a required statement: ${matched}; with the right speaker among the candidates: ${reachable}`);
  const trainStatement = (rows: Example[][]) => trainLogistic('statement', ['no', 'yes'], rows.flat(), { epochs: 12, l2: 1e-5 });
  const trainSpeaker = (rows: Example[][]) => trainLogistic('speaker', ['no', 'yes'], rows.flat(), { epochs: 12, l2: 1e-5 });

  // the date model learns from the statements the statement and speaker models keep
  const trainDate = (rows: Group[][]) => trainRanker('date', rows.flat(), { epochs: 12, l2: 1e-3 });
  const provisional: Resources = {
    ...base,
    models: { entity, statement: { ...trainStatement(stmtByArticle.map((x) => x.statements)), trainedOn: trainedOn(0) }, speaker: { ...trainSpeaker(stmtByArticle.map((x) => x.speakers)), trainedOn: trainedOn(0) } },
  };
  const dateByArticle = articles.map((a) => dateExamples(a, provisional));
  log(`date examples: ${dateByArticle.flat().length} statements`);
  const trainClaim = (rows: Example[][]) => trainLogistic('claim', ['no', 'yes'], rows.flat(), { epochs: 12, l2: 1e-3 });
  const claimByArticle = articles.map((a) => claimExamples(a, provisional));
  log(`claim examples: ${claimByArticle.flat().length} candidates`);

  // cross-validation: each fold's articles extracted by models trained on the other folds, at every threshold
  const perThreshold = new Map<number, ReturnType<typeof scoreExtraction>[]>(THRESHOLDS.map((t) => [t, []]));
  const foldModels: Resources['models'][] = [];
  for (let k = 0; k < folds; k++) {
    const rest = (i: number) => foldOf(articles[i].name, folds) !== k;
    const statement = { ...trainStatement(stmtByArticle.filter((_, i) => rest(i)).map((x) => x.statements)), trainedOn: trainedOn(0) };
    const speaker = { ...trainSpeaker(stmtByArticle.filter((_, i) => rest(i)).map((x) => x.speakers)), trainedOn: trainedOn(0) };
    const date = { ...trainDate(dateByArticle.filter((_, i) => rest(i))), trainedOn: trainedOn(0) };
    const claim = { ...trainClaim(claimByArticle.filter((_, i) => rest(i))), trainedOn: trainedOn(0), figures: { threshold: CLAIM_THRESHOLD } };
    foldModels.push({ entity, statement, speaker, date, claim });
    articles.forEach((a, i) => {
      if (rest(i)) return;
      for (const t of THRESHOLDS) {
        const res: Resources = { ...base, models: { entity, statement: { ...statement, figures: { threshold: t } }, speaker, date, claim } };
        perThreshold.get(t)!.push(scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, res), a.gold!));
      }
    });
  }
  let threshold = THRESHOLDS[0];
  let bestF1 = -1;
  for (const t of THRESHOLDS) {
    const s = summarise('train (cross-validated)', perThreshold.get(t)!, false);
    log(`  threshold ${t.toFixed(2)}: attributed F1 ${s.mean.attributed.f1.toFixed(3)} (P ${s.mean.attributed.precision.toFixed(3)} R ${s.mean.attributed.recall.toFixed(3)})`);
    if (s.mean.attributed.f1 > bestF1) ((bestF1 = s.mean.attributed.f1), (threshold = t));
  }
  // each article extracted by its fold's models at the chosen statement threshold and the given claim threshold and date share
  const crossValidate = (at: { claimThreshold: number; dateShare?: number }) =>
    articles.map((a) => {
      const m = foldModels[foldOf(a.name, folds)];
      const date = at.dateShare === undefined ? m.date! : { ...m.date!, figures: { dateShare: at.dateShare } };
      const models = { ...m, statement: { ...m.statement!, figures: { threshold } }, claim: { ...m.claim!, figures: { threshold: at.claimThreshold } }, date };
      return scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, { ...base, models }), a.gold!);
    });
  // the claim threshold, on the kept statements: claims are scored on their own, so it is chosen after
  let crossValidated = summarise('train-cv', perThreshold.get(threshold)!, true);
  let claimThreshold = CLAIM_THRESHOLD;
  for (const ct of CLAIM_THRESHOLDS) {
    const scores =
      ct === CLAIM_THRESHOLD
        ? perThreshold.get(threshold)!
        : crossValidate({ claimThreshold: ct });
    const s = summarise('train-cv', scores, true);
    log(`  claim threshold ${ct.toFixed(2)}: claims F1 ${s.mean.claims.f1.toFixed(3)} (P ${s.mean.claims.precision.toFixed(3)} R ${s.mean.claims.recall.toFixed(3)})`);
    if (s.mean.claims.f1 > crossValidated.mean.claims.f1 + 1e-9) ((crossValidated = s), (claimThreshold = ct));
  }

  // the date share, on the kept statements and claims: the most statements dated right while at most
  // MAX_GUESSED_DATES of those the text does not date get a date (the lowest share, a guess everywhere, is the fallback)
  let dateShare = DATE_SHARES[DATE_SHARES.length - 1];
  let bestDated = -1;
  for (const share of DATE_SHARES) {
    const scores = crossValidate({ claimThreshold, dateShare: share });
    const s = summarise('train-cv', scores, true);
    const dated = s.dateAccuracy ?? 0;
    const kept = s.undatedKept ?? 1;
    log(`  date share ${share.toFixed(2)}: dated right ${dated.toFixed(3)}, undated left undated ${kept.toFixed(3)}`);
    if (kept >= 1 - MAX_GUESSED_DATES && dated > bestDated + 1e-9) ((bestDated = dated), (dateShare = share), (crossValidated = s));
    else if (bestDated < 0 && share === dateShare) crossValidated = s;
  }

  const statementRows = stmtByArticle.map((x) => x.statements);
  const speakerRows = stmtByArticle.map((x) => x.speakers);
  const statement: LinearModel = { ...trainStatement(statementRows), trainedOn: trainedOn(statementRows.flat().length), figures: { threshold, crossValidatedF1: crossValidated.mean.attributed.f1 } };
  const speaker: LinearModel = { ...trainSpeaker(speakerRows), trainedOn: trainedOn(speakerRows.flat().length) };
  const date: LinearModel = { ...trainDate(dateByArticle), trainedOn: trainedOn(dateByArticle.flat().length), figures: { dateShare } };
  const claim: LinearModel = { ...trainClaim(claimByArticle), trainedOn: trainedOn(claimByArticle.flat().length), figures: { threshold: claimThreshold } };
  entity.figures = { crossValidatedAccuracy: +(right / total).toFixed(3) };
  return { models: { entity, statement, speaker, date, claim }, crossValidated, entityCvAccuracy: right / total, threshold, corpusHash: hash };
}

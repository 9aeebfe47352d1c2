// The actors of an article and their mentions as findActors gives them: the shapes its stages (roles.ts) share.

import type { ActorDraft, MentionDraft } from '../types.js';
import type { NameCandidate } from './candidates.js';
import type { EntityClass } from './features.js';

export interface ActorMention extends MentionDraft {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  /** how this surface form names its actor */
  form: 'name' | 'short' | 'acronym' | 'demonym' | 'capital';
  /** the entity model's probability for the actor's type */
  p: number;
}

export interface ActorIndex {
  actors: Map<string, ActorDraft>;
  mentions: ActorMention[];
  /** mentions of each sentence, in token order */
  bySentence: ActorMention[][];
  /** candidates as proposed, with the class the model gave them (for training and evaluation) */
  typed: { cand: NameCandidate; label: EntityClass; p: number }[];
}

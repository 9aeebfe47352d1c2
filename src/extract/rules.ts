// The attribution patterns statements and claims come from: one typed list, used by extraction and by the API schema.

export const STATEMENT_RULES = [
  /** "“...,” X said" / "“...,” said X" */
  'quote-then-cue',
  /** "“A,” X said, “B.”": the quotation resumes after its attribution */
  'quote-cue-quote',
  /** "X said: “...”" / "X said that the plan “will work”" */
  'cue-then-quote',
  /** "X said (that) CLAUSE" */
  'cue-then-clause',
  /** "CLAUSE, X said." / "CLAUSE, said X." */
  'clause-then-cue',
  /** "According to X, CLAUSE" / "CLAUSE, according to X" */
  'according-to',
  /** a quotation with no cue of its own, attributed to the speaker the text is following */
  'loose-quote',
  /** an answer in an interview transcript ("((Name)) ...", "Name: ...") */
  'interview-turn',
  /** a paragraph quoted without marks after "X said:" */
  'block-quote',
  /** a paragraph of a release headed "Statement from X" */
  'headline-statement',
] as const;

export const CLAIM_RULES = [
  /** the factual content of a statement */
  'claim-of-statement',
  /** a factual assertion in the article's own voice */
  'claim-article-voice',
] as const;

export type StatementRule = (typeof STATEMENT_RULES)[number];
export type ClaimRule = (typeof CLAIM_RULES)[number];
export const ALL_RULES = [...STATEMENT_RULES, ...CLAIM_RULES] as const;
export type Rule = StatementRule | ClaimRule;

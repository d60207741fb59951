// The shapes re-anchoring takes in and gives back.
import type { StructureHint } from '../extract';
import type { Claim, ClaimChange, SetAsideSegment } from '../model';
import type { FactChange } from './word-diff';

export type Outcome = 'unchanged' | 'moved' | 'changed' | 'orphaned';
export type MatchMethod = 'position' | 'quote' | 'approximate';

/** How unsure a revision was that a claim landed on its own words ("moved: please confirm"); absent when sure. */
export type MatchConfidence = NonNullable<ClaimChange['confidence']>;

export interface ClaimOutcome {
  /** The old claim's id (kept by the claim it became, or by the orphan). */
  claimId: string;
  outcome: Outcome;
  method?: MatchMethod;
  /** 0..1 word similarity of old and new wording (approximate matches). */
  similarity?: number;
  /** Numbers, dates and names that changed inside the claim. */
  facts?: FactChange[];
  /** Orphans only: the new claim that now holds most of its words (a merge). */
  absorbedBy?: string;
  /** Present when the match may be a lookalike (whether or not the claim carried a verdict to flag). */
  confidence?: MatchConfidence;
}

export interface ReanchorReport {
  unchanged: number;
  moved: number;
  changed: number;
  orphaned: number;
  added: number;
  /** Claims carried over with low confidence (each also counted as unchanged, moved or changed). */
  unsure: number;
  /** One per old claim, in the order given. */
  outcomes: ClaimOutcome[];
}

/** A claim, or a set-aside segment: both are carried over to the new text. */
export type Anchorable = Claim | SetAsideSegment;

export interface ReanchorResult {
  /** The new revision's claims in text order: carried-over and new ones. */
  claims: Claim[];
  /** The new revision's set-aside segments in text order; with `claims` they partition the new text. */
  setAside: SetAsideSegment[];
  /** Old claims not found in the new text, with a history entry saying so. */
  orphans: Claim[];
  report: ReanchorReport;
}

export interface ReanchorOptions {
  /** Ids for new claims (the core has no randomness of its own). */
  newId: () => string;
  /** The revision's number (2 for the first re-import), for readable history. */
  revisionNumber?: number;
  /** What the importer knows of the new text's structure (see StructureHint). */
  structure?: readonly StructureHint[];
}

/** Who re-anchors, when, into which revision: what the history entries and flags say. */
export interface RevisionContext {
  newRevisionId: string;
  at: string;
  by: string;
  options: ReanchorOptions;
}

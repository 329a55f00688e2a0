import { PURPOSES, type PurposeId } from './purposes.js';
import type { StoredChoice } from './cookie-codec.js';
import type { Vendor } from './vendor.js';

/** What the manager knows of the page's configuration. */
export interface ConsentConfig {
  revision: number;
  maxAgeDays: number;
  vendors: readonly Vendor[];
}

/** The read-only snapshot exposed as `manager.consent` and in event details. */
export interface ConsentSnapshot {
  decided: boolean;
  revision: number;
  timestamp: number | null;
  vendors: Record<string, boolean>;
  purposes: Record<PurposeId, boolean>;
}

/**
 * Why the reader must be asked (or `valid`): no choice, an expired one, a lower revision, or
 * vendors added since the choice (then only those are asked about).
 */
export type Validity =
  | { kind: 'none' | 'expired' | 'revision' }
  | { kind: 'new-vendors'; vendors: string[] }
  | { kind: 'valid' };

const DAY = 86_400_000;
/**
 * A choice dated more than this ahead of the clock reading it is no choice: it was not saved by
 * this reader's browser (a cookie written from a sibling subdomain, docs/security.md), or the
 * clock has since been put back.
 */
export const FUTURE_SKEW = 5 * 60_000;

/** True when the choice is dated too far ahead of `now` to have been saved before it. */
export const fromTheFuture = (choice: StoredChoice, now: number): boolean => choice.timestamp > now + FUTURE_SKEW;

export const DEFAULT_MAX_AGE_DAYS = 180;
export const MAX_AGE_DAYS_CAP = 395;

/** Vendors the reader answers for: all but the strictly necessary ones. */
export const askable = (vendors: readonly Vendor[]) => vendors.filter((v) => v.purpose !== 'necessary');

/**
 * The choice in force when the page sees several cookies of its name (on another path, or on a
 * parent domain, which a sibling subdomain can write): of those that parse and are not dated in the
 * future, the newest gives revision, time and consent id; a vendor is denied where any of them
 * denies it, granted only where all of them grant it, and otherwise unanswered. So a cookie
 * written elsewhere can take a grant away, never add one.
 */
export function choiceInForce(choices: ReadonlyArray<StoredChoice | null>, now: number): StoredChoice | null {
  const valid = choices.filter((choice): choice is StoredChoice => !!choice && !fromTheFuture(choice, now));
  if (!valid.length) return null;
  const vendors: Record<string, boolean> = Object.create(null);
  for (const choice of valid) {
    for (const id in choice.vendors) {
      const answers = valid.map((each): boolean | undefined => each.vendors[id]);
      // Unanswered somewhere and refused nowhere: not answered.
      if (answers.includes(false) || !answers.includes(undefined)) vendors[id] = !answers.includes(false);
    }
  }
  return { ...valid.reduce((a, b) => (b.timestamp > a.timestamp ? b : a)), vendors };
}

export function checkValidity(stored: StoredChoice | null, config: ConsentConfig, now: number): Validity {
  if (!stored || fromTheFuture(stored, now)) return { kind: 'none' };
  if (stored.revision < config.revision) return { kind: 'revision' };
  if (now - stored.timestamp > config.maxAgeDays * DAY) return { kind: 'expired' };
  const added = askable(config.vendors)
    .map((v) => v.id)
    .filter((id) => !(id in stored.vendors));
  return added.length ? { kind: 'new-vendors', vendors: added } : { kind: 'valid' };
}

/**
 * The grants in force: a stored answer where it still counts (valid choice, or the earlier
 * answers when only new vendors are asked about), otherwise denied. Necessary vendors are granted.
 */
export function effectiveGrants(
  stored: StoredChoice | null,
  validity: Validity,
  vendors: readonly Vendor[],
): Record<string, boolean> {
  const counts = validity.kind === 'valid' || validity.kind === 'new-vendors';
  const grants: Record<string, boolean> = {};
  for (const vendor of vendors) {
    grants[vendor.id] = vendor.purpose === 'necessary' || (counts && stored?.vendors[vendor.id] === true);
  }
  return grants;
}

/** A purpose is granted when it has vendors and all of them are granted; necessary always is. */
export function purposeGrants(grants: Record<string, boolean>, vendors: readonly Vendor[]) {
  const purposes = {} as Record<PurposeId, boolean>;
  for (const purpose of PURPOSES) {
    const members = vendors.filter((v) => v.purpose === purpose);
    purposes[purpose] = purpose === 'necessary' || (members.length > 0 && members.every((v) => grants[v.id] === true));
  }
  return purposes;
}

/** Every askable vendor set to `granted`. */
export const allVendors = (vendors: readonly Vendor[], granted: boolean): Record<string, boolean> =>
  Object.fromEntries(askable(vendors).map((v) => [v.id, granted]));

/**
 * The answers to store after the reader answers `answers`: earlier answers that still count are
 * kept, also for vendors that only other pages of the site configure; a vendor the reader has not
 * answered for stays unanswered (not refused), so the banner goes on asking about it. Answers for
 * vendors neither asked about nor answered before are dropped. The newest answers come last: they
 * are the ones kept when the cookie is full.
 */
export function recordAnswers(
  stored: StoredChoice | null,
  validity: Validity,
  vendors: readonly Vendor[],
  answers: Record<string, boolean>,
): Record<string, boolean> {
  const kept: Record<string, boolean> = stored && (validity.kind === 'valid' || validity.kind === 'new-vendors') ? { ...stored.vendors } : {};
  const asked = new Set(askable(vendors).map((vendor) => vendor.id));
  for (const [id, answer] of Object.entries(answers)) {
    if (!asked.has(id) && !(id in kept)) continue;
    delete kept[id];
    kept[id] = answer === true;
  }
  return kept;
}

/** Ids whose grant went from false to true (`granted`) and from true to false (`withdrawn`). */
export function diffGrants(before: Record<string, boolean>, after: Record<string, boolean>) {
  const ids = Object.keys(after);
  return {
    granted: ids.filter((id) => after[id] && !before[id]),
    withdrawn: ids.filter((id) => !after[id] && before[id]),
  };
}

/** `max-age-days` as a number of days: invalid values fall back to the default, large ones are capped. */
export function parseMaxAgeDays(value: string | null | undefined): { days: number; error?: string } {
  if (value == null || value === '') return { days: DEFAULT_MAX_AGE_DAYS };
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) {
    return { days: DEFAULT_MAX_AGE_DAYS, error: `max-age-days="${value}" is invalid; using ${DEFAULT_MAX_AGE_DAYS}` };
  }
  if (days > MAX_AGE_DAYS_CAP) {
    return { days: MAX_AGE_DAYS_CAP, error: `max-age-days="${value}" capped at ${MAX_AGE_DAYS_CAP}` };
  }
  return { days };
}

/** `revision` as a positive whole number; anything else falls back to 1. */
export function parseRevision(value: string | null | undefined): { revision: number; error?: string } {
  if (value == null || value === '') return { revision: 1 };
  return /^[1-9]\d{0,8}$/.test(value.trim())
    ? { revision: Number(value) }
    : { revision: 1, error: `revision="${value}" is invalid; using 1` };
}

/**
 * The worker's memory of a ticket's data class across restarts: each panel
 * records the class it was computed for (`panel.ticket.dataClass`), and a
 * lowering seen from one panel to the next is carried in the panel
 * (`panel.ticket.classLowered`) until the policy's cool-down ends. The panel
 * lives on the ticket, so neither a restarted worker nor an emptied Redis
 * forgets a lowering; src/handoff/class-lowering.ts reads it at pickup,
 * besides sys_audit (docs/boundary.md, "Lowering the class").
 */
import type { ClassLowering } from '../domain/panel.js';
import { DATA_CLASSES, type DataClass } from '../domain/ticket.js';
import { memoByText } from '../util/text-memo.js';

export function classRank(c: DataClass): number {
  return DATA_CLASSES.indexOf(c);
}

function isClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

export interface RecordedClass {
  /** The class the panel was computed for; null when unknown or the panel is older than schema 2. */
  readonly dataClass: DataClass | null;
  /** The lowering the panel carries, when valid; its cool-down is not checked here. */
  readonly lowered: ClassLowering | null;
}

const NONE: RecordedClass = Object.freeze({ dataClass: null, lowered: null });

/**
 * What a panel field (the JSON text on the ticket) records of the class; never
 * throws. Remembered by text (panelFieldFacts).
 */
export function recordedClass(panelText: string | null | undefined): RecordedClass {
  return panelText === null || panelText === undefined || panelText === '' ? NONE : panelFieldFacts(panelText).recorded;
}

/** What a panel field's text holds that the worker reads: the panel's digest, and the class it records. */
export interface PanelFieldFacts {
  /** The panel's digest; null when the text is not a panel with one. */
  readonly digest: string | null;
  readonly recorded: RecordedClass;
}

/**
 * What a panel field's text holds, parsed once for both readers (the panel
 * writer's "did it change?" and the class lowering); never throws. Remembered
 * by text: every panel computation reads the previous panel, a few KB of
 * JSON, and the same text comes back on every read of the ticket until the
 * panel changes (issue 13's profile). The panel writer records the text it
 * writes (`rememberPanelField`), so the next read of its own panel parses
 * nothing.
 */
export const panelFieldFacts = memoByText((panelText: string): PanelFieldFacts => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(panelText);
  } catch {
    return Object.freeze({ digest: null, recorded: NONE });
  }
  const panel = parsed !== null && typeof parsed === 'object' ? (parsed as { ticket?: unknown; digest?: unknown }) : {};
  return Object.freeze({ digest: typeof panel.digest === 'string' ? panel.digest : null, recorded: recordedIn(panel.ticket) });
}, 1024);

/** Records what a panel text the caller made holds (the panel it was made from: its digest, `recordedIn(panel.ticket)`). */
export function rememberPanelField(panelText: string, facts: PanelFieldFacts): void {
  panelFieldFacts.remember(panelText, Object.freeze(facts));
}

/** What a panel's `ticket` member records of the class (the parsed field, or a panel the writer just built). */
export function recordedIn(ticket: unknown): RecordedClass {
  const t = ticket !== null && typeof ticket === 'object' ? (ticket as { dataClass?: unknown; classLowered?: unknown }) : {};
  const l = t.classLowered !== null && typeof t.classLowered === 'object' ? (t.classLowered as { from?: unknown; to?: unknown; at?: unknown }) : null;
  const lowered = l !== null && isClass(l.from) && isClass(l.to) && typeof l.at === 'string' && Number.isFinite(Date.parse(l.at)) ? Object.freeze({ from: l.from, to: l.to, at: l.at }) : null;
  return Object.freeze({ dataClass: isClass(t.dataClass) ? t.dataClass : null, lowered });
}

/** Whether a lowering seen at `at` is still within the cool-down at `now`. */
export function withinCoolDown(at: string, now: Date, coolDownMs: number): boolean {
  return coolDownMs > 0 && now.getTime() - Date.parse(at) < coolDownMs;
}

/**
 * The lowering the next panel carries: the previous panel's class (or the
 * class it still carried as lowered from, within the cool-down) above the
 * current class. Null when there is none, or the cool-down is off.
 */
export function carryLowering(previousPanel: string | null | undefined, current: DataClass | null, now: Date, coolDownMs: number): ClassLowering | null {
  if (coolDownMs <= 0) return null;
  const previous = recordedClass(previousPanel);
  const active = previous.lowered !== null && withinCoolDown(previous.lowered.at, now, coolDownMs) ? previous.lowered : null;
  if (current === null) return active;
  let top: DataClass | null = previous.dataClass;
  if (active !== null && (top === null || classRank(active.from) > classRank(top))) top = active.from;
  if (top === null || classRank(current) >= classRank(top)) return null;
  return { from: top, to: current, at: active !== null && active.from === top ? active.at : now.toISOString() };
}

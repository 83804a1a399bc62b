/**
 * What the panel shows an approver about a hand-off, so they decide without
 * scrolling to the note (issue 12, "The page and the app's form"): the first
 * lines of the draft as it was written to the work notes, and the requester's
 * note, each on bounded lines. The note is already masked and neutralised (it
 * is what the ticket shows); the requester's note was masked at pickup and is
 * neutralised here as the note does, since the dialogs render it as text but
 * a copy may travel further.
 */
import { neutralise } from '../ai/index.js';
import { PANEL_EXCERPT_MAX, PANEL_NAME_MAX, PANEL_NOTE_MAX } from '../domain/panel.js';

/** How many lines of the draft's body the excerpt keeps at most. */
const EXCERPT_LINES = 8;
/** The line the note opens its body with when the requester wrote a note: the panel shows that note on its own. */
const ASKED_LINE = / asked: “.*” \(it orders the facts; it changes nothing the AI may do\)$/;

/** `text` cut to `max` characters at a word boundary, with an ellipsis where it was cut. */
function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = head.search(/\s\S*$/);
  return `${(cut > max / 2 ? head.slice(0, cut) : head.slice(0, max - 1)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The draft's body from the rendered note: after the header (up to the first
 * blank line), before the sources, without the requester's note line; at most
 * EXCERPT_LINES lines and PANEL_EXCERPT_MAX characters, whole lines where
 * they fit. Empty when the note has no body.
 */
export function draftExcerpt(note: string): string {
  const lines = note.split('\n');
  const start = lines.indexOf('');
  const body: string[] = [];
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (line === '' || line === 'Sources') break;
    if (body.length === 0 && ASKED_LINE.test(line)) continue;
    body.push(line);
    if (body.length === EXCERPT_LINES) break;
  }
  let out = '';
  for (const line of body) {
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length > PANEL_EXCERPT_MAX) return out === '' ? bounded(line, PANEL_EXCERPT_MAX) : out;
    out = next;
  }
  return out;
}

/** A person's name or a requester's note for the panel: neutralised, on one line, bounded; undefined when empty. */
export function panelLine(text: string | null | undefined, kind: 'name' | 'note'): string | undefined {
  const flat = neutralise(text ?? '').replace(/\s+/g, ' ').trim();
  return flat === '' ? undefined : bounded(flat, kind === 'name' ? PANEL_NAME_MAX : PANEL_NOTE_MAX);
}

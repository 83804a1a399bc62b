/**
 * The suite's own checks can fail: each pass criterion is shown a note, a
 * sink or a record that breaks it (and one that keeps it).
 */
import { describe, expect, it } from 'vitest';
import { appNames } from '../../../src/domain/app-names.js';
import { noteProblems, stateDiff } from './checks.js';
import { sinksHolding, squash, type Sink } from './sinks.js';

const MARKER = '[ai-handoff:ho_abcdefghijklmnopqrstuvwxyz]';
const note = (body: string): string => `=== AI draft ===\n${body}\n\nSources\n[S1] INC0005001 ticket fields\n\n${MARKER}`;

describe('noteProblems', () => {
  it('passes a neutralised note with an allowed link and a defanged one', () => {
    expect(noteProblems(note('- The runbook is https://kb.example.com/kb/KB0012; see hxxps://exfil[.]example/x and (code)‹script›'))).toEqual([]);
  });

  it.each([
    ['a [code] tag', '[code]<b>x</b>[/code]'],
    ['a spaced, cased code tag', '[ CoDe ]x'],
    ['a full-width code tag', '［code］x'],
    ['an HTML tag', 'hello <img src=x onerror=alert(1)>'],
    ['a markdown image', '![x](hxxps://exfil[.]example/p.png)'],
    ['a script URI', 'open javascript:alert(1)'],
    ['a data URI', 'data:text/html;base64,PHNjcmlwdD4='],
    ['a live link to a host not allowed', 'see https://exfil.evil.example/?d=1'],
    ['a look-alike host', 'see https://kb.example.com.evil.example/x'],
    ['an allowed host over http', 'see http://kb.example.com/x'],
    ['userinfo before an allowed host', 'see https://a@kb.example.com/x'],
    ['a zero-width space', 'clo\u200Bse'],
    ['a Tag character', `x${String.fromCodePoint(0xe0041)}`],
    ['a bidi override', '\u202Eabc'],
    ['a second marker line', `x\n${MARKER}`],
    ['a character reference', 'see &lt;script&gt;'],
    ['a numeric reference without its semicolon', '&#91code&#93'],
  ])('flags %s', (_what, body) => {
    expect(noteProblems(note(body))).not.toEqual([]);
  });

  it('flags a note that does not end with its marker', () => {
    expect(noteProblems('=== AI draft ===\n- fine')).not.toEqual([]);
  });
});

describe('sinksHolding', () => {
  const sink = (name: string, text: string): Sink => ({ name, text, lower: text.toLowerCase(), squashed: squash(text) });

  it('finds a secret however it was cased or spaced, and names the sink', () => {
    const sinks = [sink('logs', '{"msg":"grant admin access with token qx7vb2lm9rt4kp8z"}'), sink('notes', 'pass: HUNTER2! secret 99'), sink('clean', 'nothing here')];
    expect(sinksHolding(sinks, 'Qx7Vb2Lm9Rt4Kp8Z')).toEqual(['logs']);
    expect(sinksHolding(sinks, 'Hunter2!Secret99')).toEqual(['notes']);
    expect(sinksHolding(sinks, 'CANARY-COMMENT-7Q2X')).toEqual([]);
  });
});

describe('stateDiff', () => {
  const f = appNames().fields;
  const before = { state: '2', priority: '3', assigned_to: 'a'.repeat(32), [f.panel]: '', [f.status]: '', sys_mod_count: '3' };

  it('ignores the AI fields and the update stamps, and names any other change', () => {
    expect(stateDiff(f, before, { ...before, [f.panel]: '{}', [f.status]: 'failed', sys_mod_count: '5' })).toEqual([]);
    expect(stateDiff(f, before, { ...before, state: '7', approval: 'approved' })).toEqual(['state: "2" -> "7"', 'approval: "" -> "approved"']);
  });
});

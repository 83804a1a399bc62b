/**
 * The files the evidence report ships with: the JSON Schema is the one the
 * code generates (regenerate with `ai-handoff evidence --print-schema >
 * config/evidence/evidence-report.schema.json`), and the control map is
 * validated strictly, naming the key and the fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isHandoffError } from '../../../src/errors.js';
import { CONTROL_IDS, DEFAULT_CONTROL_MAP, loadControlMap } from '../../../src/evidence/control-map.js';
import { evidenceJsonSchema } from '../../../src/evidence/report-schema.js';
import { parseDateFlag } from '../../../src/cli/commands/evidence.js';
import { fromRoot } from '../../../src/util/paths.js';

const problemOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (isHandoffError(error)) return `${error.code}: ${error.message} | ${error.remedy ?? ''}`;
    throw error;
  }
  return 'no error';
};

describe('the evidence report files', () => {
  it('ships the JSON Schema the code generates', () => {
    const shipped = JSON.parse(readFileSync(fromRoot('config', 'evidence', 'evidence-report.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(evidenceJsonSchema());
  });

  it('loads the shipped control map: every control, each clause naming a listed framework', () => {
    const { map } = loadControlMap();
    expect(map.controls.map((c) => c.id).sort()).toEqual([...CONTROL_IDS].sort());
    expect(map.controls.find((c) => c.id === 'logging')!.clauses.map((c) => c.ref)).toEqual(['Art. 12', 'A.6.2.8']);
    expect(map.controls.find((c) => c.id === 'scope')!.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['LLM01', 'LLM02', 'LLM06']));
  });

  it('refuses a control map with a missing control, an unknown framework or an unknown key, naming each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aih-controls-'));
    const base = loadControlMap().map;
    const write = (value: unknown): string => {
      const file = join(dir, `c-${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(file, stringify(value));
      return file;
    };
    expect(problemOf(() => loadControlMap(write({ ...base, controls: base.controls.slice(1) })))).toContain('controls: list each of the 5 controls once');
    const unknownFramework = { ...base, controls: base.controls.map((c, i) => (i === 0 ? { ...c, clauses: [{ framework: 'sox', ref: '404', title: 'x' }] } : c)) };
    expect(problemOf(() => loadControlMap(write(unknownFramework)))).toContain("controls[0].clauses[0].framework: framework 'sox' is not under frameworks");
    expect(problemOf(() => loadControlMap(write({ ...base, owner: 'grc' })))).toContain("unknown key 'owner'");
    expect(problemOf(() => loadControlMap(join(dir, 'absent.yaml')))).toContain('CONFIG_INVALID: cannot read the control map');
    expect(DEFAULT_CONTROL_MAP).toMatch(/config\/evidence\/controls\.yaml$/);
  });

  it('reads --from and --to as UTC days (--to inclusive) or ISO times, and names a bad one', () => {
    expect(parseDateFlag('--from', '2026-11-01', false).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseDateFlag('--to', '2026-11-30', true).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseDateFlag('--to', '2026-11-30T12:00:00Z', true).toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(problemOf(() => parseDateFlag('--from', '2026-02-30', false))).toContain("--from '2026-02-30' is not a date");
    expect(problemOf(() => parseDateFlag('--to', 'last month', true))).toContain('pass --to as YYYY-MM-DD');
    expect(problemOf(() => parseDateFlag('--from', undefined, false))).toContain('INPUT_INVALID: --from is required');
  });
});

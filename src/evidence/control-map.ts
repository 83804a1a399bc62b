/**
 * The control map (config/evidence/controls.yaml): the governance controls
 * the evidence report covers, the framework clauses each is evidence for, and
 * the event types whose absence is a gap. Data, so a compliance team can adapt
 * it; validated strictly at load, and the report names its version.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYamlText } from '../config/yaml-text.js';
import { HandoffError } from '../errors.js';
import { fromRoot } from '../util/paths.js';
import { formatIssues } from '../util/zod-issues.js';

/** The controls the product computes figures for (src/evidence/controls.ts). */
export const CONTROL_IDS = ['logging', 'oversight', 'scope', 'retention', 'policy'] as const;
export const ControlId = z.enum(CONTROL_IDS);
export type ControlId = z.infer<typeof ControlId>;

export const DEFAULT_CONTROL_MAP = fromRoot('config', 'evidence', 'controls.yaml');

const Clause = z.strictObject({
  /** A key of `frameworks`. */
  framework: z.string().min(1),
  /** The clause as the framework numbers it: "Art. 12", "A.6.2.8", "LLM01". */
  ref: z.string().min(1),
  title: z.string().min(1),
});

export const ControlMap = z
  .strictObject({
    /** Raise it with every change; each report names it. */
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/, 'use a version such as 2026.12.1'),
    frameworks: z.record(z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and -'), z.strictObject({ title: z.string().min(1) })),
    controls: z
      .array(
        z.strictObject({
          id: ControlId,
          title: z.string().min(1),
          description: z.string().min(1),
          clauses: z.array(Clause),
          /** Event types whose absence over the period is a gap for this control. */
          events: z.array(z.string().regex(/^[a-z_]+$/)),
        }),
      )
      .length(CONTROL_IDS.length, `list each of the ${CONTROL_IDS.length} controls once: ${CONTROL_IDS.join(', ')}`),
  })
  .superRefine((map, ctx) => {
    const seen = new Set<string>();
    map.controls.forEach((control, i) => {
      if (seen.has(control.id)) ctx.addIssue({ code: 'custom', path: ['controls', i, 'id'], message: `control '${control.id}' is listed twice: list each of ${CONTROL_IDS.join(', ')} once` });
      seen.add(control.id);
      control.clauses.forEach((clause, j) => {
        if (!Object.hasOwn(map.frameworks, clause.framework)) {
          ctx.addIssue({ code: 'custom', path: ['controls', i, 'clauses', j, 'framework'], message: `framework '${clause.framework}' is not under frameworks: add it there or fix the name` });
        }
      });
    });
  });
export type ControlMap = z.infer<typeof ControlMap>;

export interface LoadedControlMap {
  readonly file: string;
  readonly map: ControlMap;
}

export function loadControlMap(file: string = DEFAULT_CONTROL_MAP): LoadedControlMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new HandoffError('CONFIG_INVALID', `cannot read the control map ${file}`, { cause, remedy: 'pass --controls with a file like config/evidence/controls.yaml' });
  }
  const yaml = parseYamlText(text, file);
  if (!yaml.ok) throw new HandoffError('CONFIG_INVALID', yaml.problem, { remedy: 'fix the YAML syntax at that line' });
  const parsed = ControlMap.safeParse(yaml.data);
  if (!parsed.success) {
    const problems = formatIssues(file, parsed.error);
    throw new HandoffError('CONFIG_INVALID', `control map ${file} is invalid:\n  ${problems.join('\n  ')}`, { details: { file, problems }, remedy: 'fix each listed key' });
  }
  return { file, map: parsed.data };
}

/**
 * Parses the YAML of a config or policy file with duplicate keys refused (a
 * second `forbid.x:` would silently replace the first), and turns a syntax
 * error into one line naming the file and the line.
 */
import { parse, YAMLParseError } from 'yaml';

export type YamlResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly problem: string };

export function parseYamlText(text: string, file: string): YamlResult {
  try {
    return { ok: true, data: parse(text, { prettyErrors: true, uniqueKeys: true }) as unknown };
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : '';
    return { ok: false, problem: `${file}:${where}: not valid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}` };
  }
}

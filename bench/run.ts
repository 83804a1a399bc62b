/**
 * `npm run bench`: runs every benchmark (or those named on the command line)
 * and prints its figures. Exit code 0 even when a target is missed: the
 * figures are the output; the closing notes quote them.
 */
import { benches } from './index.js';
import { formatResult } from './harness.js';

const wanted = process.argv.slice(2);
const selected = wanted.length === 0 ? benches : benches.filter((b) => wanted.includes(b.name));
if (selected.length === 0) {
  console.error(`no benchmark named ${wanted.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
console.log(`# ai-handoff benchmarks (node ${process.version}, ${new Date().toISOString()})`);
for (const bench of selected) {
  const result = await bench.run();
  console.log(formatResult(result));
}

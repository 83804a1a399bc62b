#!/usr/bin/env node
// The installed command. It runs the compiled program (npm run build); during
// development `npx tsx src/cli/main.ts` runs the sources directly.
import { main } from '../dist/src/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ai-handoff: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
// The installed command. It runs the compiled program (npm run build); during
// development `npx tsx src/cli/main.ts` runs the sources directly.
import { finish, main } from '../dist/src/cli/main.js';

main(process.argv).then(finish, (error) => {
  process.stderr.write(`ai-handoff: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(1);
});

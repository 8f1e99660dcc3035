// Benchmarks print their figure as a ratio against a baseline measured in the same run.
// `npm run bench` builds first; this file runs the compiled benchmarks one after another.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.js') && (!only || file.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n# ${file}`);
  const { run } = await import(new URL(file, import.meta.url));
  await run();
}
process.exit(0);

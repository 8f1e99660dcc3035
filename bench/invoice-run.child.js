// One variant of the invoice-run bench in a process of its own (see invoice-run.bench.js).
import { measureVariant } from './invoice-run.bench.js';

const result = await measureVariant(process.argv[2]);
process.send(result, () => process.exit(0));

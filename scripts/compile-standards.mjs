// Compiles the e-invoice rule sets (XSLT of the official Schematron) to SEF JSON once, gzipped beside them,
// so tests run them with saxon-js without the 1–1.5 minutes of compiling each file on every CI run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const folder = resolve('test/fixtures/standards/einvoice');
const ruleSets = ['si-ubl-2.0', 'CEN-EN16931-UBL', 'PEPPOL-EN16931-UBL'];
const only = process.argv.slice(2);
const xslt3 = resolve('node_modules/xslt3/xslt3.js');
const scratch = mkdtempSync(join(tmpdir(), 'standards-'));

try {
  for (const name of ruleSets.filter((ruleSet) => only.length === 0 || only.includes(ruleSet))) {
    const sef = join(scratch, `${name}.sef.json`);
    const started = Date.now();
    // The EN 16931 file nests deeply enough to overflow Node's default stack while compiling.
    execFileSync(process.execPath, ['--stack-size=30000', xslt3, `-xsl:${join(folder, `${name}.xsl`)}`, `-export:${sef}`, '-nogo'], {
      stdio: 'inherit',
    });
    const gzipped = gzipSync(readFileSync(sef), { level: 9 });
    writeFileSync(join(folder, `${name}.sef.json.gz`), gzipped);
    console.log(`${name}: ${(gzipped.length / 1e6).toFixed(1)} MB gzipped in ${Math.round((Date.now() - started) / 1000)} s`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

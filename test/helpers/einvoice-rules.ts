import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/** saxon-js ships no types; this is the one call the rules need. */
interface SaxonJs {
  transform(options: { stylesheetText: string; sourceText: string; destination: 'serialized' }, mode: 'sync'): { principalResult: string };
}
const saxon = createRequire(import.meta.url)('saxon-js') as SaxonJs;

/** The rule sets in test/fixtures/standards/einvoice/, compiled by `npm run standards:compile`. */
export type EInvoiceRuleSet = 'si-ubl-2.0' | 'CEN-EN16931-UBL' | 'PEPPOL-EN16931-UBL';

export interface FailedAssert {
  /** Empty for the asserts that carry none, such as SI-UBL's check of the CustomizationID. */
  id: string;
  flag: string;
  location: string;
  text: string;
}

const stylesheets = new Map<EInvoiceRuleSet, string>();

function stylesheetOf(ruleSet: EInvoiceRuleSet): string {
  let text = stylesheets.get(ruleSet);
  if (!text) {
    text = gunzipSync(readFileSync(new URL(`../fixtures/standards/einvoice/${ruleSet}.sef.json.gz`, import.meta.url))).toString('utf8');
    stylesheets.set(ruleSet, text);
  }
  return text;
}

function attribute(attributes: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

/** Runs a rule set over a UBL document and returns every failed assert of its SVRL report, warnings included. */
export function failedAsserts(xml: string, ruleSet: EInvoiceRuleSet): FailedAssert[] {
  const svrl = saxon.transform(
    { stylesheetText: stylesheetOf(ruleSet), sourceText: xml, destination: 'serialized' },
    'sync',
  ).principalResult;
  if (!svrl.includes('schematron-output')) throw new Error(`${ruleSet} produced no SVRL report`);
  return [...svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)].map(([, attributes, body]) => ({
    id: attribute(attributes!, 'id'),
    flag: attribute(attributes!, 'flag'),
    location: attribute(attributes!, 'location'),
    text: (/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(body!)?.[1] ?? '').trim(),
  }));
}

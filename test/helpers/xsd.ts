import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';

/**
 * The schema's complaints about a document (none when it passes), from the copies under
 * test/fixtures/standards. The parsed documents live in WASM memory and are disposed here.
 */
export function xsdErrors(schemaFile: string, xml: string): string[] {
  const schema = XmlDocument.fromBuffer(readFileSync(fileURLToPath(new URL(`../fixtures/standards/${schemaFile}`, import.meta.url))));
  const validator = XsdValidator.fromDoc(schema);
  const document = XmlDocument.fromString(xml);
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    return [(error as Error).message];
  } finally {
    document.dispose();
    validator.dispose();
    schema.dispose();
  }
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ErrorDetail, XmlDocument, XsdValidator } from 'libxml2-wasm';
import { DomainError } from '../../common/errors/domain-error.js';
import { BANK_STATEMENTS_ERRORS } from './bank-statements.errors.js';
import { CAMT_NAMESPACES, type CamtVersion } from './camt.js';

/** Read from the source tree, so the compiled app finds them too (as the web templates are found). */
const SCHEMAS_DIR = fileURLToPath(new URL('../../../src/modules/bank-statements/schemas/', import.meta.url));

/** A camt.053 file names no DTD; one that does could ask the parser to expand entities. */
const DOCTYPE = /<!DOCTYPE/i;

/** libxml2's messages end in a newline; the first one says enough. */
function firstOf(details: ErrorDetail[], fallback: string): { reason: string; line: number } {
  const first = details[0];
  return { reason: (first?.message ?? fallback).trim(), line: first?.line ?? 0 };
}

/** libxml2 (WebAssembly) is loaded with the first statement, not at boot. */
type Libxml2 = typeof import('libxml2-wasm');

/**
 * Checks an uploaded statement against the XSD of its version before anything reads it. The two
 * schemas are parsed once, when first needed, and freed with the module.
 */
@Injectable()
export class CamtSchemas implements OnModuleDestroy {
  private readonly validators = new Map<CamtVersion, { schema: XmlDocument; validator: XsdValidator }>();

  /** The version of a valid statement; a file that is not one is a validation error with the reason. */
  async validate(file: Buffer): Promise<CamtVersion> {
    if (DOCTYPE.test(file.subarray(0, 4096).toString('utf8'))) throw new DomainError(BANK_STATEMENTS_ERRORS.statement_doctype);
    const { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } = await import('libxml2-wasm');
    let document: XmlDocument;
    try {
      document = XmlDocument.fromBuffer(file);
    } catch (error) {
      if (!(error instanceof XmlParseError)) throw error;
      throw new DomainError(BANK_STATEMENTS_ERRORS.statement_not_xml, firstOf(error.details, error.message));
    }
    try {
      const namespace = document.root.namespaceUri;
      const version = (Object.keys(CAMT_NAMESPACES) as CamtVersion[]).find((candidate) => CAMT_NAMESPACES[candidate] === namespace);
      if (!version) throw new DomainError(BANK_STATEMENTS_ERRORS.statement_not_camt053, { namespace: namespace || '(none)' });
      try {
        this.validatorOf({ XmlDocument, XsdValidator }, version).validate(document);
      } catch (error) {
        if (!(error instanceof XmlValidateError)) throw error;
        throw new DomainError(BANK_STATEMENTS_ERRORS.statement_schema_invalid, { version, ...firstOf(error.details, error.message) });
      }
      return version;
    } finally {
      document.dispose();
    }
  }

  onModuleDestroy(): void {
    for (const { schema, validator } of this.validators.values()) {
      validator.dispose();
      schema.dispose();
    }
    this.validators.clear();
  }

  private validatorOf(libxml2: Pick<Libxml2, 'XmlDocument' | 'XsdValidator'>, version: CamtVersion): XsdValidator {
    let loaded = this.validators.get(version);
    if (!loaded) {
      const schema = libxml2.XmlDocument.fromBuffer(readFileSync(`${SCHEMAS_DIR}camt.053.001.${version}.xsd`));
      loaded = { schema, validator: libxml2.XsdValidator.fromDoc(schema) };
      this.validators.set(version, loaded);
    }
    return loaded.validator;
  }
}

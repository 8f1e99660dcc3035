import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMON_ERRORS } from './common.errors.js';
import { RuleError } from './domain-error.js';
import { type DeclaredError, declaredErrorCodes, declareErrorCodes, LANGUAGES, messageOf, placeholdersOf } from './error-codes.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(directory = SRC): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every `*.errors.ts` of the source, with the declaration lists it exports by name (`LEASES_ERRORS` …). */
async function declarationFiles(): Promise<{ file: string; lists: Map<string, Record<string, DeclaredError>> }[]> {
  const files = sourceFiles().filter((file) => file.endsWith('.errors.ts'));
  return Promise.all(
    files.map(async (file) => {
      const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const lists = new Map(
        Object.entries(exported).filter((entry): entry is [string, Record<string, DeclaredError>] => entry[0].endsWith('_ERRORS')),
      );
      return { file: relative(SRC, file), lists };
    }),
  );
}

describe('declared error codes', () => {
  let files: Awaited<ReturnType<typeof declarationFiles>>;
  let declared: DeclaredError[];
  beforeAll(async () => {
    files = await declarationFiles();
    declared = files.flatMap(({ lists }) => [...lists.values()].flatMap((list) => Object.values(list)));
  });

  it('come from every module’s errors file, each exporting one list', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const { file, lists } of files) expect([file, lists.size]).toEqual([file, 1]);
  });

  it('are unique across modules, and the registry holds exactly them', () => {
    const codes = declared.map((entry) => entry.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
    expect(
      declaredErrorCodes()
        .map((entry) => entry.code)
        .sort(),
    ).toEqual([...codes].sort());
  });

  it('refuses a code that another module declared already', () => {
    expect(() => declareErrorCodes('elsewhere', { lease_overlap: { kind: 'conflict', en: 'x', nl: 'y' } })).toThrow(
      'error code lease_overlap of elsewhere is already declared by leases',
    );
  });

  it('have a snake_case code and a message in English and in Dutch with the same placeholders', () => {
    for (const entry of declared) {
      expect(entry.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      for (const language of LANGUAGES)
        expect([entry.code, language, entry.messages[language].trim().length > 0]).toEqual([entry.code, language, true]);
      expect([entry.code, placeholdersOf(entry.messages.nl).sort()]).toEqual([entry.code, placeholdersOf(entry.messages.en).sort()]);
      expect([entry.code, entry.messages.nl]).not.toEqual([entry.code, entry.messages.en]);
    }
  });

  it('fill placeholders in the language asked for, and an error speaks both', () => {
    const prefixTaken = declared.find((entry) => entry.code === 'invoice_prefix_taken')!;
    expect(messageOf(prefixTaken, 'nl', { prefix: 'VKG' })).toBe('Het factuurvoorvoegsel VKG wordt al door een ander gebouw gebruikt');
    const error = new RuleError(COMMON_ERRORS.rule_violated);
    expect([error.code, error.kind, error.message, error.messageIn('nl')]).toEqual([
      'rule_violated',
      'rule',
      'A rule does not allow this request',
      'Een regel staat dit verzoek niet toe',
    ]);
  });
});

/**
 * The type system lets an error be built only from a declaration; this holds the source to it as text too,
 * so a cast or a new error class cannot slip an undeclared code past it.
 */
describe('codes the source throws', () => {
  const DOMAIN_ERROR_CLASSES = ['DomainError', 'NotFoundError', 'ConflictError', 'RuleError', 'ForbiddenError', 'UnauthorizedError'];
  const files = sourceFiles().map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }));
  let lists: Map<string, Record<string, DeclaredError>>;
  beforeAll(async () => {
    lists = new Map((await declarationFiles()).flatMap(({ lists }) => [...lists]));
  });

  it('define their error classes only in errors files', () => {
    const declaredClasses = new Set([
      ...DOMAIN_ERROR_CLASSES,
      ...files
        .filter(({ file }) => file.endsWith('.errors.ts'))
        .flatMap(({ text }) => [...text.matchAll(/class (\w+) extends/g)].map(([, name]) => name!)),
    ]);
    const outside = files
      .filter(({ file }) => !file.endsWith('.errors.ts') && file !== join('common', 'errors', 'domain-error.ts'))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/class (\w+) extends (\w+)/g)]
          .filter(([, , base]) => declaredClasses.has(base!))
          .map(([, name]) => `${file}: ${name}`),
      );
    expect(outside).toEqual([]);
  });

  it('build every domain error and id check from a code of a declaration list', () => {
    // IdParam passes on the code it was constructed with; those constructions are checked here too.
    const passesOnItsCode = join('common', 'validation', 'id-param.ts');
    const constructions = files
      .filter(({ file }) => file !== passesOnItsCode)
      .flatMap(({ file, text }) =>
        [
          ...text.matchAll(/new (DomainError|NotFoundError|ConflictError|RuleError|UnauthorizedError|ForbiddenError|IdParam)\(([^)]*)/g),
        ].map(([, className, args]) => ({ file, className: className!, firstArgument: args!.split(',')[0]!.trim() })),
      );
    expect(constructions.length).toBeGreaterThan(100);
    const undeclared = constructions.filter(({ className, firstArgument }) => {
      if (className === 'ForbiddenError' && firstArgument === '') return false;
      const [, list, code] = /^(\w+_ERRORS)\.(\w+)$/.exec(firstArgument) ?? [];
      return !list || !code || !lists.get(list)?.[code];
    });
    expect(undeclared).toEqual([]);
  });

  it('super() every declared error class with a declared code', () => {
    const supers = files
      .filter(({ file }) => file.endsWith('.errors.ts'))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/super\(\s*(\w+_ERRORS)\.(\w+)/g)].map(([, list, code]) => ({ file, list: list!, code: code! })),
      );
    expect(supers.length).toBeGreaterThan(10);
    expect(supers.filter(({ list, code }) => !lists.get(list)?.[code])).toEqual([]);
  });

  it('declare no code that nothing answers', () => {
    // Listing a code in the OpenAPI document (@ApiErrors) is not answering it.
    const text = files.map((file) => file.text.replace(/@ApiErrors\([^)]*\)/g, '')).join('\n');
    const unused = [...lists].flatMap(([list, codes]) => Object.keys(codes).filter((code) => !text.includes(`${list}.${code}`)));
    expect(unused).toEqual([]);
  });
});

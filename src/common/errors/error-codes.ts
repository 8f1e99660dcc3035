/**
 * Every error code the API can answer is declared once, by the module it belongs to, with its kind and
 * its message in each language the product speaks, so a client can show any code in English or Dutch.
 */
export type ErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule' | 'rate_limited';

/** `framework`: a code only the HTTP layer answers (405, 413, a bare 500 …), with the status the framework chose. */
export type DeclaredKind = ErrorKind | 'framework';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a module writes for a code; `{name}` in a message is filled in from the error's parameters. */
export interface ErrorCodeDeclaration {
  kind: DeclaredKind;
  en: string;
  nl: string;
}

/** `'Level {level} is used'` → `'level'`. */
export type Placeholders<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type MessageParams<Name extends string> = { readonly [Key in Name]: string | number };

declare const declaredByModule: unique symbol;

/** A declared code; only `declareErrorCodes` makes these, so an error can only be built from one. */
export interface DeclaredError<Kind extends DeclaredKind = DeclaredKind, Param extends string = string> {
  readonly code: string;
  readonly kind: Kind;
  readonly module: string;
  readonly messages: Readonly<Record<Language, string>>;
  readonly placeholders: readonly Param[];
  readonly [declaredByModule]: true;
}

type DeclaredErrors<Declarations extends Record<string, ErrorCodeDeclaration>> = {
  readonly [Code in keyof Declarations]: DeclaredError<Declarations[Code]['kind'], Placeholders<Declarations[Code]['en']>>;
};

const registry = new Map<string, DeclaredError>();

export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * Declares a module's codes and enters them in the registry. A code declared twice (by any two modules)
 * stops the process when the second module loads, so a code means one thing everywhere.
 */
export function declareErrorCodes<const Declarations extends Record<string, ErrorCodeDeclaration>>(
  module: string,
  declarations: Declarations,
): DeclaredErrors<Declarations> {
  const declared: Record<string, DeclaredError> = {};
  for (const [code, { kind, en, nl }] of Object.entries(declarations)) {
    const existing = registry.get(code);
    if (existing) throw new Error(`error code ${code} of ${module} is already declared by ${existing.module}`);
    const entry = { code, kind, module, messages: { en, nl }, placeholders: placeholdersOf(en) } as unknown as DeclaredError;
    registry.set(code, entry);
    declared[code] = entry;
  }
  return declared as DeclaredErrors<Declarations>;
}

/** Every code declared by the modules loaded so far. */
export function declaredErrorCodes(): DeclaredError[] {
  return [...registry.values()];
}

export function findDeclaredError(code: string): DeclaredError | undefined {
  return registry.get(code);
}

/** The code's message in a language, its placeholders filled in (a missing parameter stays `{name}`). */
export function messageOf(declared: DeclaredError, language: Language, params: Readonly<Record<string, string | number>> = {}): string {
  return declared.messages[language].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

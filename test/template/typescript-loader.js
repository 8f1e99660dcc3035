/**
 * Lets plain Node import the TypeScript sources the way ts-jest compiles them (one file at a time,
 * with decorator metadata), so jest's global setup can migrate the template database with the app's
 * own data source and migrations. `node --import ./test/template/typescript-loader.js file.ts`.
 */
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import ts from 'typescript';

// Imported by --import on the main thread, this file registers itself; Node then loads it again,
// off the main thread, as the hooks below.
if (isMainThread) register(import.meta.url);

const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const { options } = ts.parseJsonConfigFileContent(
  ts.readConfigFile(tsconfig, ts.sys.readFile).config,
  ts.sys,
  fileURLToPath(new URL('../..', import.meta.url)),
);
const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, sourceMap: false, inlineSourceMap: true, noEmit: false };

/** The sources import each other as `./x.js`, as the compiled files will be named. */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.startsWith('.') || !specifier.endsWith('.js')) throw error;
    return next(`${specifier.slice(0, -'.js'.length)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), { compilerOptions, fileName });
  return { format: 'module', source: outputText, shortCircuit: true };
}

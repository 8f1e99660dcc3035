import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's own start-up chatter (every module and route, one line each), which hides what the app says. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Readable lines on a terminal; one JSON object per line otherwise, for whatever collects the logs. */
class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }

  /** On a terminal a structured entry reads as one line, `message key=value …`, not as a printed object. */
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (message === null || typeof message !== 'object' || Array.isArray(message) || message instanceof Error) {
      return super.stringifyMessage(message, logLevel);
    }
    const { message: text, ...fields } = message as Record<string, unknown>;
    const pairs = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    return this.colorize([typeof text === 'string' ? text : undefined, ...pairs].filter(Boolean).join(' '), logLevel);
  }
}

export function createLogger(levels?: LogLevel[], terminal = process.stdout.isTTY === true): ConsoleLogger {
  return new AppLogger({ json: !terminal, colors: terminal, logLevels: levels ?? ['log', 'warn', 'error', 'fatal'] });
}

import { type ArgumentsHost, HttpException, HttpStatus } from '@nestjs/common';
import { AllErrorsFilter } from './all-errors.filter.js';
import { TooManyLoginAttemptsError } from '../../modules/auth/auth.errors.js';

/** What the filter sent: status, headers and body, through a stand-in for Fastify's reply. */
function answer(error: unknown): { status: number; headers: Record<string, string>; body: unknown } {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'r1', headers: {} }) }),
  } as unknown as ArgumentsHost;
  new AllErrorsFilter().catch(error, host);
  return sent;
}

describe('AllErrorsFilter', () => {
  it('keeps a 503 as 503 with its own body (the health check)', () => {
    const health = { status: 'degraded', database: 'up', queue: 'down' };
    expect(answer(new HttpException(health, HttpStatus.SERVICE_UNAVAILABLE))).toEqual({ status: 503, headers: {}, body: health });
  });

  it('sends Retry-After with a rate-limited answer', () => {
    const sent = answer(new TooManyLoginAttemptsError(15, 840));
    expect(sent.status).toBe(429);
    expect(sent.headers).toEqual({ 'Retry-After': '840' });
    expect(sent.body).toEqual({
      statusCode: 429,
      code: 'too_many_login_attempts',
      message: 'Too many failed sign-ins for this address; try again within 15 minutes',
      details: [],
    });
  });
});

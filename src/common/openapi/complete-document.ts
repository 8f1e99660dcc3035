import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { PUBLIC_ROUTE, REQUIRED_CAPABILITY } from '../auth/decorators.js';
import { COMMON_ERRORS } from '../errors/common.errors.js';
import type { DeclaredError } from '../errors/error-codes.js';
import { ErrorResponseDto } from '../errors/error-response.js';
import { IdParam } from '../validation/id-param.js';
import { API_ERRORS } from './api-docs.decorators.js';

/**
 * How the OpenAPI document at /docs-json gets its error answers. Nothing here invents a summary or a
 * description: each route writes `@ApiOperation({ summary, description })` itself (test/openapi.e2e.ts
 * fails for a route without one). What follows from the route's own metadata is added to every operation:
 *
 * - not `@Public()`: 401 (`token_missing`, `token_invalid`) and the bearer scheme;
 * - `@Can(...)` on the route or its controller: 403 (`forbidden`);
 * - a path parameter through `IdParam`: `format: uuid` and 404 with the pipe's not-found code;
 * - a `@Body()`: 400 (`validation_failed`, `body_too_deep`, `malformed_json`), 413 and 415;
 * - `@ApiErrors(...codes)` on the route or its controller: each code under the status of its kind.
 *
 * Each error answer has the one error shape (`ErrorResponseDto`) with the codes it can carry as an enum.
 * Operations are matched to their controller method by Nest's default operationId (`Controller_method`).
 */
export function completeOpenApiDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const routes = routesOf(app);
  document.components ??= {};
  document.components.schemas ??= {};
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const route = routes.get(operation.operationId);
      if (route) completeOperation(operation, route);
    }
  }
  return document;
}

interface Route {
  controller: Type;
  key: string;
  handler: (...args: unknown[]) => unknown;
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const PARAM_TYPE = { body: 3, param: 5 } as const;

const STATUS_BY_KIND: Record<string, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
};

const SUCCESS_BY_STATUS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': "Accepted: queued; poll the answer's resource for its status",
  '204': 'Done; no content',
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in, or the token is invalid',
  403: 'Your role may not do this',
  404: 'Not found (an id that is not a UUID names nothing either)',
  409: 'Conflicts with the current state',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not JSON',
  422: 'A rule does not allow this',
  429: 'Too many requests; wait the Retry-After seconds',
};

function routesOf(app: INestApplication): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = Object.getOwnPropertyDescriptor(prototype, key)?.value as Route['handler'] | undefined;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        routes.set(`${controller.name}_${key}`, { controller, key, handler });
      }
    }
  }
  return routes;
}

function completeOperation(operation: OperationObject, { controller, key, handler }: Route): void {
  const reflector = new Reflector();
  const targets = [handler, controller];
  const errors: DeclaredError[] = [];

  if (!reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
    errors.push(COMMON_ERRORS.token_missing, COMMON_ERRORS.token_invalid);
    operation.security ??= [{ bearer: [] }];
  }
  if (reflector.getAllAndOverride<string>(REQUIRED_CAPABILITY, targets)) errors.push(COMMON_ERRORS.forbidden);

  const args = Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) as Record<string, RouteArgument> | undefined) ?? {},
  );
  const argumentsOf = (type: number) => args.filter(([key]) => key.split(':')[0] === String(type)).map(([, argument]) => argument);
  for (const argument of argumentsOf(PARAM_TYPE.param)) {
    const pipe = argument.pipes?.find((candidate): candidate is IdParam => candidate instanceof IdParam);
    if (!pipe) continue;
    const parameter = operation.parameters?.find(
      (candidate): candidate is ParameterObject => 'in' in candidate && candidate.in === 'path' && candidate.name === argument.data,
    );
    if (parameter) parameter.schema = { type: 'string', format: 'uuid' };
    errors.push(pipe.notFound);
  }
  const hasBody = argumentsOf(PARAM_TYPE.body).length > 0;
  if (hasBody) errors.push(COMMON_ERRORS.validation_failed, COMMON_ERRORS.body_too_deep, COMMON_ERRORS.malformed_json);

  errors.push(
    ...((Reflect.getMetadata(API_ERRORS, controller) as DeclaredError[] | undefined) ?? []),
    ...((Reflect.getMetadata(API_ERRORS, handler) as DeclaredError[] | undefined) ?? []),
  );

  const byStatus = new Map<number, DeclaredError[]>();
  const add = (status: number, error: DeclaredError) => {
    const list = byStatus.get(status) ?? [];
    if (!list.includes(error)) list.push(error);
    byStatus.set(status, list);
  };
  for (const error of errors) {
    const status = error === COMMON_ERRORS.malformed_json ? 400 : STATUS_BY_KIND[error.kind];
    if (status) add(status, error);
  }
  if (hasBody) {
    add(413, COMMON_ERRORS.payload_too_large);
    add(415, COMMON_ERRORS.unsupported_media_type);
  }

  operation.responses ??= {};
  for (const [status, codes] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = errorResponse(status, codes);
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response && 'description' in response && !response.description) response.description = SUCCESS_BY_STATUS[status] ?? 'Done';
  }
  // An error answer declared by hand (@ApiResponse({ status: 4xx })) keeps its words but gets the error shape.
  for (const [status, response] of Object.entries(operation.responses)) {
    const code = Number(status);
    if (code < 400 || code >= 500 || byStatus.has(code) || !response || !('description' in response)) continue;
    operation.responses[status] = { ...errorResponse(code, []), description: response.description || (TITLE_BY_STATUS[code] ?? 'Refused') };
  }
}

function errorResponse(status: number, codes: DeclaredError[]): ResponseObject {
  const schema: SchemaObject = {
    allOf: [
      { $ref: `#/components/schemas/${ErrorResponseDto.name}` },
      {
        type: 'object',
        properties: {
          statusCode: { type: 'integer', enum: [status] },
          code: codes.length > 0 ? { type: 'string', enum: codes.map((error) => error.code) } : { type: 'string' },
        },
      },
    ],
  };
  const response: ResponseObject = {
    description: [TITLE_BY_STATUS[status] ?? 'Refused', ...codes.map((error) => `\`${error.code}\`: ${error.messages.en}`)].join('\n\n'),
    content: { 'application/json': { schema } },
  };
  if (status === 429) {
    response.headers = {
      'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
    };
  }
  return response;
}

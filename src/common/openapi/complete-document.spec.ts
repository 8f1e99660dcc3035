import 'reflect-metadata';
import { Body, Controller, Get, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiProperty, DocumentBuilder, type OpenAPIObject, type OperationObject, SwaggerModule } from '@nestjs/swagger';
import { Can, Public } from '../auth/decorators.js';
import { COMMON_ERRORS } from '../errors/common.errors.js';
import { declareErrorCodes } from '../errors/error-codes.js';
import { ErrorResponseDto } from '../errors/error-response.js';
import { IdParam } from '../validation/id-param.js';
import { ApiErrors, ApiFile, FILE_TYPES } from './api-docs.decorators.js';
import { completeOpenApiDocument } from './complete-document.js';

const SAMPLE_ERRORS = declareErrorCodes('openapi-sample', {
  sample_not_found: { kind: 'not_found', en: 'No sample {id}', nl: 'Geen monster {id}' },
  sample_taken: { kind: 'conflict', en: 'Taken', nl: 'Bezet' },
  sample_refused: { kind: 'rule', en: 'Refused', nl: 'Geweigerd' },
});

class SampleDto {
  @ApiProperty() name!: string;
}

@Controller('samples')
@ApiErrors(SAMPLE_ERRORS.sample_taken)
class SampleController {
  @Get('open')
  @Public()
  @ApiOkResponse({ type: SampleDto })
  open(): SampleDto {
    return { name: 'x' };
  }

  @Post(':id')
  @Can('buildings.write')
  @ApiErrors(SAMPLE_ERRORS.sample_refused)
  @ApiOkResponse({ type: SampleDto })
  change(@Param('id', new IdParam(SAMPLE_ERRORS.sample_not_found)) _id: string, @Body() body: SampleDto): SampleDto {
    return body;
  }

  @Get(':id/file')
  @ApiFile('The file', FILE_TYPES.pdf)
  file(@Param('id', new IdParam(SAMPLE_ERRORS.sample_not_found)) id: string): string {
    return id;
  }
}

@Module({ controllers: [SampleController] })
class SampleModule {}

describe('completeOpenApiDocument', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const codes = (operation: OperationObject, status: number): string[] => {
    const response = operation.responses[String(status)] as {
      content?: Record<string, { schema: { allOf: { properties?: { code?: { enum?: string[] } } }[] } }>;
    };
    return response?.content?.['application/json']?.schema.allOf[1]?.properties?.code?.enum ?? [];
  };

  beforeAll(async () => {
    app = await NestFactory.create(SampleModule, new FastifyAdapter(), { logger: false });
    const raw = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build(), { extraModels: [ErrorResponseDto] });
    document = completeOpenApiDocument(app, raw);
  });
  afterAll(() => app.close());

  it('adds no 401 to a public route, and the controller-wide codes to it as to every route', () => {
    const open = document.paths['/samples/open']!.get!;
    expect(open.responses['401']).toBeUndefined();
    expect(open.security).toBeUndefined();
    expect(codes(open, 409)).toEqual(['sample_taken']);
  });

  it('derives 401, 403, 404, 400, 413 and 415 from the route and adds its own codes', () => {
    const change = document.paths['/samples/{id}']!.post!;
    expect(codes(change, 401)).toEqual([COMMON_ERRORS.token_missing.code, COMMON_ERRORS.token_invalid.code]);
    expect(codes(change, 403)).toEqual(['forbidden']);
    expect(codes(change, 404)).toEqual(['sample_not_found']);
    expect(codes(change, 400)).toEqual(['validation_failed', 'body_too_deep', 'malformed_json']);
    expect(codes(change, 413)).toEqual(['payload_too_large']);
    expect(codes(change, 415)).toEqual(['unsupported_media_type']);
    expect(codes(change, 409)).toEqual(['sample_taken']);
    expect(codes(change, 422)).toEqual(['sample_refused']);
    expect(change.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } })]);
    expect(change.security).toEqual([{ bearer: [] }]);
  });

  it('gives a file route its media type and keeps its refusals JSON', () => {
    const file = document.paths['/samples/{id}/file']!.get!;
    expect(file.responses['200']).toEqual({
      description: 'The file',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    });
    expect(codes(file, 403)).toEqual([]);
    expect(codes(file, 404)).toEqual(['sample_not_found']);
    expect(file.responses['400']).toBeUndefined();
  });
});

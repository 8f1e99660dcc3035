import { Controller, Get, Header, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Public } from '../common/auth/decorators.js';

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const require = createRequire(import.meta.url);

function load(path: string, type: string): Asset {
  const body = readFileSync(path);
  return { type, body, gzipped: gzipSync(body, { level: 9 }) };
}

/**
 * The pages' own files, read on first use and served from memory, gzipped when the browser takes it:
 * htmx from its npm package (never a CDN: the app works offline) and our stylesheet.
 */
const ASSETS: Record<string, () => Asset> = {
  'htmx.min.js': () => load(require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'),
  'app.css': () => load(fileURLToPath(new URL('../../src/web/assets/app.css', import.meta.url)), 'text/css; charset=utf-8'),
};

@Controller('assets')
@Public()
@ApiExcludeController()
export class AssetsController {
  private readonly loaded = new Map<string, Asset>();

  @Get(':name')
  @Header('cache-control', 'public, max-age=3600')
  @Header('vary', 'accept-encoding')
  file(
    @Param('name') name: string,
    @Headers('accept-encoding') encoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Buffer {
    const asset = this.asset(name);
    void reply.type(asset.type);
    if (/\bgzip\b/.test(encoding ?? '')) {
      void reply.header('content-encoding', 'gzip');
      return asset.gzipped;
    }
    return asset.body;
  }

  private asset(name: string): Asset {
    const make = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!make) throw new NotFoundException();
    let asset = this.loaded.get(name);
    if (!asset) {
      asset = make();
      this.loaded.set(name, asset);
    }
    return asset;
  }
}

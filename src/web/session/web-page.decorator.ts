import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { WebErrorsFilter } from './web-errors.filter.js';
import { WebSessionGuard } from './web-session.guard.js';

/**
 * A controller of pages: the API's bearer guard lets it through (it is "public" to that guard), the
 * session guard reads the cookie instead, checks the CSRF token of every form and applies the same
 * access policy (@Can) as the API; errors come back as pages, not JSON. Not part of the OpenAPI document.
 */
export const WebPages = () => applyDecorators(Public(), UseGuards(WebSessionGuard), UseFilters(WebErrorsFilter), ApiExcludeController());

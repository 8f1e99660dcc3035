import { Injectable, Module, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule, FEATURES, loadAppConfig } from '../src/app.module.js';
import { FeatureModule, featureParts } from '../src/common/feature/feature-module.js';
import { StoredDocument } from '../src/documents/document.entity.js';
import { DocumentsModule } from '../src/documents/documents.module.js';
import { HandlesJob, type JobHandler } from '../src/jobs/job-handler.js';
import type { JobName } from '../src/jobs/job-names.js';
import { isolatedEnvironment } from './helpers/test-app.js';

// Names no feature declares a payload for: the casts keep them out of the app's JobPayloads.
const UNHANDLED = 'test.unhandled' as JobName;
const UNREGISTERED = 'test.unregistered' as JobName;

@FeatureModule({ jobs: [UNHANDLED] })
class UnhandledJobFeature {}

@Injectable()
@HandlesJob(UNREGISTERED)
class UnregisteredJobHandler implements JobHandler<JobName> {
  async handle(): Promise<void> {}
}

@Module({ providers: [UnregisteredJobHandler] })
class UnregisteredJobModule {}

/** Boots the whole app with one extra module, as main.ts would, and returns why the boot failed. */
async function bootFailureWith(extra: Type): Promise<Error> {
  const environment = await isolatedEnvironment();
  const app = await Test.createTestingModule({ imports: [AppModule.forRoot(loadAppConfig(environment.env)), extra] }).compile();
  try {
    await app.init();
  } catch (error) {
    return error as Error;
  } finally {
    await app.close();
    await environment.release();
  }
  throw new Error('the app booted');
}

describe('a feature registers itself', () => {
  it('stops the boot, naming the job, when a feature registers a job name without a handler', async () => {
    const error = await bootFailureWith(UnhandledJobFeature);
    expect(error.message).toContain('job test.unhandled (registered by UnhandledJobFeature) has no @HandlesJob provider');
  });

  it('stops the boot, naming the job, when a handler handles a name no feature registers', async () => {
    const error = await bootFailureWith(UnregisteredJobModule);
    expect(error.message).toContain('job test.unregistered has a handler, but no feature registers it');
  });

  it('maps the entities of a feature that is reached only as another feature’s import', () => {
    expect(FEATURES).not.toContain(DocumentsModule);
    expect(featureParts(FEATURES).entities).toContain(StoredDocument);
  });
});

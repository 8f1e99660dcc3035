import { applyDecorators, type DynamicModule, Module, type ModuleMetadata, SetMetadata, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ConfigSection } from '../../config/config.js';
import type { JobName } from '../../jobs/job-names.js';

export type EntityClass = NonNullable<Parameters<typeof TypeOrmModule.forFeature>[0]>[number];

/** What a feature brings with its module folder, besides its controllers and providers. */
export interface FeatureRegistration {
  /** The tables it maps (and owns); its providers may inject their repositories. */
  entities?: EntityClass[];
  /** The job names it queues, declared in its `<module>.jobs.ts`; each needs a @HandlesJob provider. */
  jobs?: readonly JobName[];
  /** Its section of AppConfig, read and validated by src/config. */
  config?: ConfigSection;
}

const FEATURE = 'feature:registration';

/**
 * `@Module` for a feature: the same metadata plus its registration. The entities become the
 * module's `TypeOrmModule.forFeature`, and `featureParts` finds the rest, so the app, the job
 * queue and the migration CLI all learn about a feature from its module alone.
 */
export function FeatureModule({ entities = [], jobs = [], config, ...metadata }: FeatureRegistration & ModuleMetadata): ClassDecorator {
  const registration: FeatureRegistration = { entities, jobs, config };
  return applyDecorators(
    Module({ ...metadata, imports: [...(entities.length > 0 ? [TypeOrmModule.forFeature(entities)] : []), ...(metadata.imports ?? [])] }),
    SetMetadata(FEATURE, registration),
  );
}

export function featureRegistrationOf(module: object): FeatureRegistration | undefined {
  return Reflect.getMetadata(FEATURE, module) as FeatureRegistration | undefined;
}

export interface FeatureParts {
  entities: EntityClass[];
  configSections: ConfigSection[];
}

/**
 * The entities and config sections of these modules and of every module they import, found the way
 * Nest finds the modules themselves (through their `imports`): a feature reached only as another's
 * import, such as documents, is part of the app all the same.
 */
export function featureParts(modules: readonly ModuleImport[]): FeatureParts {
  const entities = new Set<EntityClass>();
  const configSections = new Set<ConfigSection>();
  const seen = new Set<ModuleImport>();
  const visit = (imported: ModuleImport): void => {
    if (seen.has(imported)) return;
    seen.add(imported);
    if (isDynamicModule(imported)) {
      visit(imported.module);
      (imported.imports as ModuleImport[] | undefined)?.forEach(visit);
      return;
    }
    const registration = featureRegistrationOf(imported);
    registration?.entities?.forEach((entity) => entities.add(entity));
    if (registration?.config) configSections.add(registration.config);
    (Reflect.getMetadata('imports', imported) as ModuleImport[] | undefined)?.forEach(visit);
  };
  modules.forEach(visit);
  return { entities: [...entities], configSections: [...configSections] };
}

type ModuleImport = Type | DynamicModule;

function isDynamicModule(imported: ModuleImport): imported is DynamicModule {
  return 'module' in imported;
}

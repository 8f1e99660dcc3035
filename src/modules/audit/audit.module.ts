import { FeatureModule } from '../../common/feature/feature-module.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditLogService } from './audit-log.service.js';

/** Reads no other module: everything it knows comes from the domain events it consumes. */
@FeatureModule({
  entities: [AuditEntry],
  controllers: [AuditController],
  providers: [AuditRepository, AuditLogService],
})
export class AuditModule {}

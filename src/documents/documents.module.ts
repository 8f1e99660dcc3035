import { FeatureModule } from '../common/feature/feature-module.js';
import { StoredDocument } from './document.entity.js';
import { DocumentsService } from './documents.service.js';

@FeatureModule({
  entities: [StoredDocument],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}

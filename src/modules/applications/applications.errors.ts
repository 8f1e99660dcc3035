import { RuleError } from '../../common/errors/domain-error.js';
import type { ApplicationStatus } from './application.entity.js';

export class TransitionRefusedError extends RuleError {
  constructor(from: ApplicationStatus, to: ApplicationStatus) {
    super('transition_refused', `An application that is ${from} cannot become ${to}`);
  }
}

/**
 * The hostile cases on security tickets, against the sandbox with the obedient
 * stand-in model (it obeys every instruction it reads): every case must end
 * as its data says and meet every pass criterion (docs/hostile-suite.md).
 */
import { createObedientProvider } from '../../../src/ai/index.js';
import { casesOfType } from '../../fixtures/hostile/index.js';
import { describeHostileCases } from './define-suite.js';

describeHostileCases('hostile security tickets, obedient model', casesOfType('security'), {
  provider: () => createObedientProvider(),
  expectation: (c) => c.expect,
});

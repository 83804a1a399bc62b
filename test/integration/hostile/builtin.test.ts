/**
 * The subset of hostile cases marked `builtin`, with the built-in grounded
 * provider (the default): it must pass cleanly. Every case that is not
 * refused at pickup ends with one note, which may quote the payload only
 * neutralised, and shows what the case names (a `made inert` flag, a
 * defanged link, a masked value, the flag that a source addresses the AI).
 */
import { createBuiltinProvider } from '../../../src/ai/index.js';
import { BUILTIN_CASES, written } from '../../fixtures/hostile/index.js';
import { describeHostileCases } from './define-suite.js';

describeHostileCases('hostile tickets, built-in provider', BUILTIN_CASES, {
  provider: () => createBuiltinProvider(),
  expectation: (c) => (c.expect.outcome === 'refused' ? c.expect : written),
  noteMustShow: (c) => c.builtinShows,
});

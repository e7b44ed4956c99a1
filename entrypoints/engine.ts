/**
 * The highlighter's script (page/engine.ts), with the built-in glossary's prepared matcher: the
 * background puts it into a frame when the content script's first look finds a candidate there
 * (page/first-look.ts), and it hands its start over through a global of the isolated world.
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEngine } from '../page/engine';
import { ENGINE_GLOBAL, type EngineFactory } from '../page/first-look';

export default defineUnlistedScript(() => {
  const factory: EngineFactory = (ctx) => startEngine(ctx, preparedMatcher);
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = factory;
});

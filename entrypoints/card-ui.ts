/**
 * The card's script, loaded at the card's first use (page/card-loader.ts): the background puts
 * it into the frame's isolated world, where it hands the card's factory to the content script
 * through a global of that world. The page's own scripts cannot see it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCard } from '../components/card/Card';
import { CARD_FACTORY_GLOBAL, type CardFactory } from '../page/card-loader';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_FACTORY_GLOBAL] = createCard satisfies CardFactory;
});

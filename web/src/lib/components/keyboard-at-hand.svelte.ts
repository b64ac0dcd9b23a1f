import { MediaQuery } from 'svelte/reactivity';

/**
 * The device's main pointer is a mouse or trackpad (it hovers and is precise): a desk PC, where
 * a keyboard is at hand and shortcut hints help. A touch tablet — even one that also has a
 * stylus or a keyboard case — gets neither the hints on screen nor their text read out with the
 * search box. Reactive: a tablet docked to a mouse changes it.
 */
export const keyboardAtHand = new MediaQuery('(hover: hover) and (pointer: fine)', false);

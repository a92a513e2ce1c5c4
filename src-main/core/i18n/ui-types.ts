import type { uiEn } from './ui-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** The shape every language must provide for the app's screens. */
export type UiTexts = Texts<typeof uiEn>;

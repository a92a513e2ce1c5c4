import { memo2En, type Memo2Texts } from './memo2-en.js';
export const memo2Ja: Memo2Texts = memo2En;

/** The law fitted from the user's pilot runs in this session, offered as a model family. */
import type { CoefficientsDocument } from '../../src-main/core/law/coefficients-file.js';

class CustomLaw {
  document = $state<CoefficientsDocument | null>(null);
}

export const customLaw = new CustomLaw();

/** The law fitted from the user's pilot runs in this session, offered as a model family; and stopping a running fit. */
import type { CoefficientsDocument } from '../../src-main/core/law/coefficients-file.js';
import { call } from './api.js';

class CustomLaw {
  document = $state<CoefficientsDocument | null>(null);
}

export const customLaw = new CustomLaw();

/** Stops the fit this window started; false when none was running. */
export async function cancelFit(): Promise<boolean> {
  return (await call('cancelFit', {})).cancelled;
}

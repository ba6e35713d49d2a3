/**
 * YunPian v2 (single_send, tpl_single_send, batch_send, user/get, tpl/get) as a provider of the
 * duanxin emulator: the package's `./emulator` entry. It checks the apikey, signatures and
 * template matching, numbers, balance and flow control, answers YunPian's codes, and delivers to
 * the inbox (docs/providers.md §3).
 */
export { yunpianProvider } from './provider.js';
export { yunpianDefaultAccount, yunpianEmulatorConfig } from './account.js';
export { readYunpianNumber } from '../src/number.js';

import { describe, expect, it } from 'vitest';

import { FlowControl } from './flow-control.js';
import type { FlowWindow } from './types.js';

const windows: FlowWindow[] = [
  { seconds: 30, max: 1, code: 'same-content', perKey: true },
  { seconds: 3600, max: 5, code: 'hourly' },
];

describe('FlowControl', () => {
  it('counts same-content windows per number and content', () => {
    const flow = new FlowControl();
    expect(flow.check('p', windows, '+8613800138000', 'code 1', 0)).toBeUndefined();
    expect(flow.check('p', windows, '+8613800138000', 'code 1', 1000)?.code).toBe('same-content');
    expect(flow.check('p', windows, '+8613800138000', 'code 2', 1000)).toBeUndefined();
    expect(flow.check('p', windows, '+8613800138000', 'code 1', 31_000)).toBeUndefined();
  });

  it('counts per-number windows whatever the content: every code differs', () => {
    const flow = new FlowControl();
    for (let code = 0; code < 5; code++) {
      expect(
        flow.check('p', windows, '+8613800138000', `code ${code}`, code * 1000)
      ).toBeUndefined();
    }
    expect(flow.check('p', windows, '+8613800138000', 'code 5', 6000)?.code).toBe('hourly');
    expect(flow.check('p', windows, '+8613900139000', 'code 5', 6000)).toBeUndefined();
  });

  it('does not count refused messages, and can be off', () => {
    const flow = new FlowControl();
    flow.check('p', windows, 'n', 'k', 0);
    flow.check('p', windows, 'n', 'k', 1);
    expect(flow.check('p', windows, 'n', 'k', 30_000)).toBeUndefined();
    expect(flow.check('p', false, 'n', 'k', 30_001)).toBeUndefined();
  });
});

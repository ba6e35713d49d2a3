import { describe, expect, it } from 'vitest';

import { stripEchoedRequest } from './echoed-request.js';

describe('stripEchoedRequest', () => {
  it('drops the string to sign Aliyun echoes back', () => {
    expect(
      stripEchoedRequest(
        'Specified signature does not match our calculation. server string to sign is:POST&%2F&...'
      )
    ).toBe('Specified signature does not match our calculation.');
  });
});

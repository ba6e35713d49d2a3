import { describe, expect, it } from 'vitest';

import { formatRequest, redactRequest } from './dry-run.js';

describe('redactRequest', () => {
  const hidden = { secrets: ['s3cret/with+chars'], phoneNumber: '+85291234567', code: '739164' };

  it('hides secrets and credential fields, masks the number and code, in every encoding', () => {
    const shown = redactRequest(
      {
        url: new URL('http://127.0.0.1:8080/?PhoneNumbers=%2B85291234567&SecurityToken=tok'),
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-tc-token': 'tok',
          authorization: 'Signature=abc',
        },
        body: `apikey=key&mobile=%2B85291234567&text=${encodeURIComponent('code 739164')}&echo=${encodeURIComponent('s3cret/with+chars')}`,
      },
      hidden
    );
    const text = formatRequest(shown);
    expect(text).not.toMatch(/s3cret|tok\b|apikey=key|739164|91234567/);
    expect(shown.url).toBe('http://127.0.0.1:8080/?PhoneNumbers=%2B852****4567&SecurityToken=***');
    expect(shown.headers).toMatchObject({ 'x-tc-token': '***', authorization: 'Signature=abc' });
    expect(text).toContain('#   mobile = +852****4567');
    expect(text).toContain('#   text = code ******');
  });
});

import { describe, expect, it } from 'vitest';

import { groupIssues } from './validation.js';

describe("the server's settings issues, per field", () => {
  it('joins the messages of one field, and puts an issue of no shown field under the first', () => {
    const grouped = groupIssues(
      [
        { field: 'templates', message: '#1 › content: Required' },
        { field: 'templates', message: '#2 › usageType: Required' },
        { field: '', message: 'Settings must be an object' },
        { field: 'timeout', message: 'Expected number, received string' },
      ],
      ['apikey', 'templates', 'timeout']
    );
    expect(Object.fromEntries(grouped)).toEqual({
      templates: '#1 › content: Required; #2 › usageType: Required',
      apikey: 'Settings must be an object',
      timeout: 'Expected number, received string',
    });
  });
});

/** Small Markdown helpers for the report. */
export const table = (header: string[], rows: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? '---' : '--:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

export const us = (value: number): string =>
  Number.isFinite(value) ? `${Math.round(value)}` : '–';

export const ms = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

export const ratio = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';

export const signedMs = (value: number): string =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(2)}` : '–';

export const percent = (share: number): string => `${(share * 100).toFixed(0)}%`;

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

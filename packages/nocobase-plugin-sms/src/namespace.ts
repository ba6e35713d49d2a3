/** NocoBase's i18n namespace of a plugin is its package name (docs/nocobase.md §1). */
export const namespace = '@duanxin/nocobase-plugin-sms';

// NocoBase requires the package and takes `default` (docs/nocobase.md §1).
export { PluginDuanxinSmsServer as default } from './plugin.js';

/**
 * A connector's or the plugin's text in the admin's language, from the plugin's locale files;
 * the text itself when it has no translation. A text naming a placeholder (`{{code}}`) is shown
 * as it is: i18next would fill it in.
 */
export const translateText = (t: (key: string) => string, text: string): string =>
  text.includes('{{') ? text : t(text);

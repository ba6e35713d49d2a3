/**
 * How a provider reads a number it receives, for emulations (`read…Number` in each provider's
 * package, which its emulation applies, docs/providers.md §1.1–§4.1).
 */

/** The number a provider would deliver to, or undefined when it refuses the form. */
export type ProviderReading = {
  /** `+8613800138000` */
  e164: string;
  /** A domestic (mainland China) number to the provider. */
  mainland: boolean;
};

export const mainlandReading = (national: string): ProviderReading => ({
  e164: `+86${national}`,
  mainland: true,
});

/** Country code + number; `86…` is refused, since the provider reads it as no mainland number. */
export const internationalReading = (digits: string): ProviderReading | undefined =>
  digits.startsWith('86') ? undefined : { e164: `+${digits}`, mainland: false };

export type SignatureCheck =
  { ok: true } | { ok: false; reason: string; stringToSign?: string; canonicalRequest?: string };

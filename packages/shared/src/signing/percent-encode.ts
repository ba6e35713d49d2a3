const aliyunReserved = /[!'()*]/;
const aliyunReservedAll = /[!'()*]/g;

/**
 * Aliyun's percent-encoding (providers.md §0.1 item 2, §A.2 step 3): only `A-Z a-z 0-9 - _ . ~`
 * stay literal. `encodeURIComponent` already does that except for `! ' ( ) *`, which Aliyun
 * encodes too. A space becomes %20, never `+`.
 */
export const percentEncode = (value: string): string => {
  const encoded = encodeURIComponent(value);
  // Tested first: a replace() that finds nothing still costs more than the encoding (benchmarks).
  return aliyunReserved.test(encoded)
    ? encoded.replace(
        aliyunReservedAll,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
      )
    : encoded;
};

/** yunpian-sdk 1.0.0 ships no types: what the tests use of it. */
declare module 'yunpian-sdk' {
  type Answer = Record<string, unknown>;
  type Call = (params: Record<string, string>, timeoutMs?: number) => Promise<Answer>;
  type Api<Names extends string> = new (options: { apikey: string }) => Record<Names, Call>;

  const yunpian: {
    SMS: Api<'singleSend' | 'batchSend'>;
    USER: Api<'get'>;
    TPL: Api<'get'>;
  };
  export default yunpian;
}

// Logto's official connectors ship no type declarations; they export a CreateConnector.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module '@logto/connector-aliyun-sms' {
  const createConnector: import('@logto/connector-kit').CreateConnector<
    import('@logto/connector-kit').SmsConnector
  >;
  export default createConnector;
}
declare module '@logto/connector-tencent-sms' {
  const createConnector: import('@logto/connector-kit').CreateConnector<
    import('@logto/connector-kit').SmsConnector
  >;
  export default createConnector;
}
declare module '@logto/connector-yunpian-sms' {
  const createConnector: import('@logto/connector-kit').CreateConnector<
    import('@logto/connector-kit').SmsConnector
  >;
  export default createConnector;
}

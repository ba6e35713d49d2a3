/**
 * The connector core: what every duanxin connector does, written once. A provider's package
 * hands over its facts (how to build and sign its request, how to read its answer, its error
 * table) and gets Logto's default export and its operator object.
 */
import {
  ConnectorType,
  type SendMessageData,
  type SendMessageFunction,
} from '@logto/connector-kit';

import { createConfigCache } from '../config.js';
import { badInput } from '../errors/index.js';
import { callProvider, defaultTimeoutMs } from '../http.js';
import {
  checkItem,
  describeRegional,
  listTemplateChoices,
  readStatusQuery,
  type PreparedSend,
  type StatusQuery,
} from '../operator.js';
import { parsePhoneNumberForSms } from '../phone/index.js';
import {
  formPlaceholders,
  pickRegional,
  pickTemplate,
  readSendData,
  usableTemplates,
  type Regional,
} from '../templates.js';

import { resultOf } from './answer.js';
import type {
  BaseConfig,
  Prepared,
  SmsConnectorFacts,
  SmsOperator,
  SmsSendResult,
} from './types.js';

/**
 * Everything a request needs that depends only on the config, computed once per distinct config:
 * Logto creates the connector anew for every code, so per-instance work would be redone per SMS.
 */
const prepareWith = <Input extends BaseConfig, Config extends BaseConfig>(
  facts: SmsConnectorFacts<Input, Config>
) => {
  const placeholders = formPlaceholders(facts.metadata);
  return (input: Input): Prepared<Config> => {
    const config = facts.prepare ? facts.prepare(input) : (input as unknown as Config);
    const { defaultEndpoint } = facts;
    const origin =
      config.endpoint ??
      (typeof defaultEndpoint === 'string' ? defaultEndpoint : defaultEndpoint(config));
    // A template left as the form's placeholder is none: its usage type falls back to Generic.
    const templates = usableTemplates(config.templates, placeholders, facts.provider);
    return { ...config, templates, origin };
  };
};

/** Validate config → read number and code → pick template → the request, signed per attempt. */
const sendPreparer = <Input extends BaseConfig, Config extends BaseConfig>(
  facts: SmsConnectorFacts<Input, Config>,
  readConfig: (input: unknown) => Prepared<Config>
) => {
  const { provider } = facts;
  return (data: SendMessageData, input: unknown): PreparedSend => {
    const config = readConfig(input);
    const { to, type, code } = readSendData(data, provider);
    const phone = parsePhoneNumberForSms(to, {
      provider,
      strict: facts.strictNumbers?.(config),
      allowedCountries: config.allowedCountries,
    });
    const refusal = facts.refuseNumber?.(phone, config);
    if (refusal) {
      throw badInput(provider, 'InvalidRequestParameters', refusal.message, 'to', refusal.hint);
    }
    const { template, fellBack } = pickTemplate(config.templates, type, provider);
    const phoneNumber = facts.formatNumber(phone);
    const regional = <T>(value: Regional<T>) => pickRegional(value, phone.isMainlandChina);
    const plan = facts.request({ config, template, phone, phoneNumber, code, regional });
    return {
      call: {
        provider,
        build: plan.build,
        timeout: config.timeout ?? defaultTimeoutMs,
        maxRetries: config.maxRetries ?? 1,
        proxy: config.proxy,
        sensitive: [...facts.secrets(config), code, phoneNumber],
      },
      template: plan.template,
      fellBackToGeneric: fellBack,
      phoneNumber,
    };
  };
};

/**
 * A provider's connector from its facts: Logto's `CreateConnector` (the package's default export,
 * `createConnector`) and the operator surface, in one object.
 */
export const defineSmsConnector = <Input extends BaseConfig, Config extends BaseConfig = Input>(
  facts: SmsConnectorFacts<Input, Config>
): SmsOperator => {
  const { provider, metadata, configGuard, checkConfig, queryStatus } = facts;
  const readConfig = createConfigCache(provider, configGuard, prepareWith(facts));
  const buildSendRequest = sendPreparer(facts, readConfig);

  const sendMessage: SendMessageFunction = async (data, input) => {
    const send = buildSendRequest(data, input);
    const reply = await callProvider(send.call);
    return resultOf(facts, facts.readAnswer(reply), reply, send);
  };

  const createConnector: SmsOperator['createConnector'] = async ({ getConfig }) => ({
    metadata,
    type: ConnectorType.Sms,
    configGuard,
    sendMessage: async (data, input) => sendMessage(data, input ?? (await getConfig(metadata.id))),
  });

  const readStatus = (input: unknown, statusQuery: StatusQuery) => {
    const config = readConfig(input);
    // The id and day first: a blank or malformed id would match every message of the day.
    const query = readStatusQuery(statusQuery, provider);
    const phone = parsePhoneNumberForSms(query.to, {
      provider,
      strict: facts.strictNumbers?.(config),
      allowedCountries: config.allowedCountries,
    });
    return { config, query: { ...query, phone } };
  };

  return {
    provider,
    title: facts.title,
    metadata,
    configGuard,
    errorTable: facts.errorTable,
    messageIdName: facts.messageIdName,
    hints: facts.hints ?? {},
    checks: facts.checks,
    noStatusQuery: facts.noStatusQuery,
    createConnector,
    send: async (data, config) => {
      const connector = await createConnector({ getConfig: async () => config });
      return (await connector.sendMessage(data, config)) as SmsSendResult;
    },
    buildSendRequest,
    templateChoices: (input) =>
      listTemplateChoices(
        readConfig(input).templates,
        (template) => describeRegional(facts.describeTemplate(template)),
        provider
      ),
    checkConfig: async (input) => {
      const config = readConfig(input);
      return checkConfig
        ? checkConfig(config)
        : [checkItem('config', 'unverified', `the ${provider} connector has no check`)];
    },
    ...(queryStatus && {
      queryStatus: async (input: unknown, statusQuery: StatusQuery) => {
        const { config, query } = readStatus(input, statusQuery);
        return queryStatus(config, query);
      },
    }),
  };
};

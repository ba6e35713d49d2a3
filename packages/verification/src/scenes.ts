import { SmsVerificationError } from './errors.js';

/** Logto's `TemplateType`s, as the strings a connector receives. */
export type TemplateTypeName =
  | 'SignIn'
  | 'Register'
  | 'ForgotPassword'
  | 'OrganizationInvitation'
  | 'Generic'
  | 'UserPermissionValidation'
  | 'BindNewIdentifier'
  | 'MfaVerification'
  | 'BindMfa';

/**
 * What a code is for, and so which template the connector picks. Each scene has its own code:
 * a sign-in code cannot bind a number.
 */
export const defaultSceneTemplateTypes = {
  'sign-in': 'SignIn',
  register: 'Register',
  'forgot-password': 'ForgotPassword',
  /** `bind()`: the code sent to the number being bound. */
  'bind-phone': 'BindNewIdentifier',
  /** `unbind()`: the code sent to a number already bound, proving it is the user. */
  'unbind-phone': 'UserPermissionValidation',
  'verify-identity': 'UserPermissionValidation',
  mfa: 'MfaVerification',
  'bind-mfa': 'BindMfa',
  generic: 'Generic',
} as const satisfies Record<string, TemplateTypeName>;

export type BuiltinScene = keyof typeof defaultSceneTemplateTypes;
export type VerificationScene = BuiltinScene | (string & {});

export const bindScene = 'bind-phone' satisfies BuiltinScene;
export const unbindScene = 'unbind-phone' satisfies BuiltinScene;

// Scenes are parts of store keys: no separators, bounded length.
const sceneShape = /^[a-z][a-z0-9-]{0,39}$/;

export const templateTypeForScene = (
  scenes: Readonly<Record<string, TemplateTypeName>>,
  scene: unknown
): TemplateTypeName => {
  const type =
    typeof scene === 'string' && sceneShape.test(scene) && Object.hasOwn(scenes, scene)
      ? scenes[scene]
      : undefined;
  if (!type) {
    throw new SmsVerificationError('INVALID_SCENE');
  }
  return type;
};

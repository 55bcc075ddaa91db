import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, DECORATORS } from '@nestjs/swagger';
import { BrowserSessionResponse } from './browser-session.dto';
import { SESSION_COOKIE, SESSION_COOKIE_PATH } from './session-cookie';

/** The session cookie as an `in: cookie` parameter of the operation (@nestjs/swagger has no decorator for it). */
export const ApiSessionCookie =
  (description: string): MethodDecorator =>
  (_target, _key, descriptor) => {
    const parameters = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, descriptor.value as object) ??
      []) as unknown[];
    Reflect.defineMetadata(
      DECORATORS.API_PARAMETERS,
      [
        ...parameters,
        { name: SESSION_COOKIE, in: 'cookie', required: false, description, schema: { type: 'string' } },
      ],
      descriptor.value as object,
    );
    return descriptor;
  };

const SET_COOKIE_SESSION =
  `${SESSION_COOKIE}=<refresh token>; Max-Age=<sessionExpiresIn>; Path=${SESSION_COOKIE_PATH}; ` +
  'HttpOnly; SameSite=Strict, and Secure when the request came over https';

/** 200 with a BrowserSessionResponse and the Set-Cookie that carries the refresh token. */
export const ApiBrowserSessionAnswer = (description: string): MethodDecorator =>
  applyDecorators(
    ApiOkResponse({
      type: BrowserSessionResponse,
      description,
      headers: {
        'set-cookie': { description: SET_COOKIE_SESSION, schema: { type: 'string' } },
      },
    }),
  );

/** The Set-Cookie header of answers that end the browser session. */
export const CLEARING_SET_COOKIE = {
  'set-cookie': {
    description: `${SESSION_COOKIE}=; Max-Age=0; Path=${SESSION_COOKIE_PATH} (the browser drops the cookie)`,
    schema: { type: 'string' as const },
  },
};

import fastifyCookie from '@fastify/cookie';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Parses the Cookie header of every request into `request.cookies` and lets handlers set cookies on
 * the reply (`reply.setCookie`). Unsigned: the one cookie of the API, the browser session's
 * (libs/iam/src/http/session-cookie.ts), holds an opaque random token that the node looks up, so a
 * signature would add nothing.
 */
export async function acceptCookies(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
}

import { HttpException } from '@nestjs/common';

/** RFC 9457 problem details, the only error body this API sends. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
  rule?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemType(slug: string): string {
  return `https://nrm.example.org/problems/${slug}`;
}

export function problem(status: number, detail: string, extensions: Partial<ProblemBody> = {}): ProblemBody {
  return {
    type:
      extensions.type ?? (status === 422 && extensions.rule ? problemType(extensions.rule) : 'about:blank'),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extensions,
  };
}

/** Thrown by application code to answer with a given problem. */
export class ProblemException extends HttpException {
  constructor(
    readonly body: ProblemBody,
    /** Response headers that belong to the problem (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(body, body.status);
  }

  static tooManyRequests(retryAfterSeconds: number, detail = 'Too many requests; try again later') {
    return new ProblemException(problem(429, detail), { 'retry-after': String(retryAfterSeconds) });
  }

  static badRequest(detail: string, errors: { field: string; message: string }[] = []) {
    return new ProblemException(problem(400, detail, { errors }));
  }
  static notFound(detail = 'No such case') {
    return new ProblemException(problem(404, detail));
  }
  static conflict(detail: string, extensions: Partial<ProblemBody> = {}) {
    return new ProblemException(problem(409, detail, extensions));
  }
  static forbidden(detail = 'Your role does not allow this') {
    return new ProblemException(problem(403, detail));
  }
  static unauthorized(detail = 'A valid bearer token is required') {
    return new ProblemException(problem(401, detail));
  }
}

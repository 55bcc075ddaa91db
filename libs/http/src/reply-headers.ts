/** The one thing a route needs of Fastify's reply to set a header (Location, Content-Disposition). */
export interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

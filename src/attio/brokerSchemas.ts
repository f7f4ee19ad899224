/**
 * What a team's sign-in broker answers (broker/ in this repository: a small service in front of Attio's OAuth that
 * holds the app's client secret). Not Attio's API, but its OAuth seen through the broker; part of the lazily loaded
 * schemas bundle through schemas.ts, so zod stays out of the sign-in bundle.
 */
import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.minLength(1));

/** `GET <broker>/.well-known/attio-explorer`: the one document a user's single setting leads to. */
export const brokerMetadataSchema = z.looseObject({
  version: z.literal(1),
  name: nonEmpty,
  client_id: nonEmpty,
  authorization_endpoint: nonEmpty,
  token_endpoint: nonEmpty,
  scopes: z.array(z.string()),
});
export type BrokerMetadataDocument = z.infer<typeof brokerMetadataSchema>;

/** `POST <broker>/token`: a token, or an OAuth-style error. */
export const brokerTokenSchema = z.looseObject({ access_token: nonEmpty, token_type: z.optional(z.string()) });
export const brokerErrorSchema = z.looseObject({ error: z.string(), error_description: z.optional(z.string()) });

import * as assert from 'assert';
import {
  InvalidPathError,
  AttioError,
  AuthError,
  CancelledError,
  InvalidRequestError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  OriginMismatchError,
  RateLimitedError,
  RedirectError,
  SchemaError,
  ServerError,
  TimeoutError,
} from '../../../src/attio';
import { errorText, modelErrorView, personErrorView } from '../../../src/common/errorWording';
import { NotAMemberError, NotSignedInError, FilterBuildError } from '../../../src/data';

const EP = 'GET /v2/objects/{object}';
const same = (t: string): string => t;

suite('Errors in words for people', () => {
  const table: [string, unknown, RegExp][] = [
    ['network, with the system code', new NetworkError(EP, 'ECONNREFUSED'), /^Could not reach Attio \(ECONNREFUSED\)\./],
    ['network', new NetworkError(EP), /^Could not reach Attio\./],
    ['timeout', new TimeoutError(EP, 15_000), /^Attio did not answer within 15 seconds\.$/],
    ['rate limit', new RateLimitedError(EP, new Date(Date.now() + 3_000)), /try again in [1-3] seconds?\.$/],
    ['a path that is not a slug or id', new InvalidPathError(EP, 'record_id'), /^Not sent: the address names something that is not an Attio ID or slug\.$/],
    ['rate limit asking for more than a minute', new RateLimitedError(EP, new Date(Date.now() + 3_600_000)), /asks to wait for more than a minute; try again later\.$/],
    ['server', new ServerError(EP, 503), /^Attio server error \(HTTP 503\)/],
    ['no token', new AuthError(EP, 'missing'), /^No Attio access token/],
    ['revoked token', new AuthError(EP, 'inactive'), /no longer active/],
    ['refused token', new AuthError(EP, 'rejected'), /^Attio rejected the access token/],
    ['one missing scope', new MissingScopeError(EP, ['task:read'], ['task:read']), /^The access token lacks the scope task:read\.$/],
    ['two missing scopes', new MissingScopeError(EP, ['a:read', 'b:read'], []), /lacks the scopes a:read, b:read\.$/],
    ['forbidden', new AttioError('forbidden', EP, 'x', { status: 403 }), /^Attio refused the request \(HTTP 403\)\.$/],
    ['not found', new NotFoundError(EP), /HTTP 404/],
    ['invalid request with Attio\'s words', new InvalidRequestError(EP, 400, 'Unknown attribute "x"', { code: 'filter_error' }), /^Attio rejected the request \(HTTP 400, filter_error\): Unknown attribute "x"$/],
    ['schema', new SchemaError(EP, '', 'valid JSON'), /unexpected response shape at \(root\) \(valid JSON\)/],
    ['redirect', new RedirectError(EP, 302, 'evil.test'), /redirect to evil\.test; requests carrying your token never follow redirects/],
    ['origin', new OriginMismatchError(EP, 'https://api.attio.com', 'https://other.test'), /belongs to https:\/\/api\.attio\.com, not https:\/\/other\.test/],
    ['other HTTP status', new AttioError('http', EP, 'x', { status: 418 }), /^Attio answered with HTTP 418\.$/],
    ['signed out (data layer)', new NotSignedInError(), /^Not signed in to Attio\.$/],
    ['comments without a member', new NotAMemberError(), /workspace member/],
    ['a filter without a value', new FilterBuildError('noValue', 'Stage'), /^The condition on "Stage" needs a value\.$/],
    ['"is me" without a member', new FilterBuildError('noMember', 'Owner'), /"Owner is me" needs a signed-in workspace member/],
    ['anything else, by its message', new Error('the editor did not take the link'), /^the editor did not take the link$/],
  ];
  for (const [name, e, expected] of table) {
    test(name, () => {
      const text = errorText(e);
      assert.match(text, expected);
      assert.ok(!text.includes(EP), `no endpoint template for people: ${text}`);
    });
  }

  test('a view for people: scope (singular and plural), signed out, cancelled, other (redacted)', () => {
    const one = personErrorView(new MissingScopeError(EP, ['task:read'], []), 'Tasks', 'Acme', same);
    assert.deepStrictEqual(one, { kind: 'scope', missing: ['task:read'], message: 'Tasks needs the task:read scope, which this token lacks.' });
    const two = personErrorView(new MissingScopeError(EP, ['a:read', 'b:read'], []), 'Lists', 'Acme', same);
    assert.strictEqual(two.kind === 'scope' && two.message, 'Lists needs the a:read, b:read scopes, which this token lacks.');
    assert.deepStrictEqual(personErrorView(new AuthError(EP, 'inactive'), 'Tasks', 'Acme', same), { kind: 'signedOut', message: 'The token for Acme is no longer active. Sign in again.' });
    assert.deepStrictEqual(personErrorView(new CancelledError(EP), 'Tasks', 'Acme', same), { kind: 'cancelled' });
    const other = personErrorView(new Error('token abc123 leaked'), 'Tasks', 'Acme', t => t.replace('abc123', '«redacted»'));
    assert.deepStrictEqual(other, { kind: 'other', message: 'token «redacted» leaked' });
  });

  test('the view for a language model stays English and keeps the log message (endpoint included)', () => {
    const v = modelErrorView(new ServerError(EP, 502), 'Tasks', 'Acme', same);
    assert.deepStrictEqual(v, { kind: 'other', message: `${EP}: Attio server error (HTTP 502)` });
  });
});

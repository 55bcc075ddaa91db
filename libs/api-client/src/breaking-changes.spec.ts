import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOCUMENT_FILE } from '../../../tools/openapi/document';
import { breakingChanges, majorOf, oasdiffBinary } from '../../../tools/openapi/oasdiff';
import { explainRefusal, versionVerdict } from '../../../tools/openapi/versioning';

/** A small document with one command and one read, a required field, an optional one and an enum. */
const BASE = {
  openapi: '3.0.0',
  info: { title: 'fixture', version: '1.0.0' },
  paths: {
    '/api/cases': {
      post: {
        operationId: 'register',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } },
        },
        responses: { '201': { description: 'registered' } },
      },
    },
    '/api/cases/{id}': {
      get: {
        operationId: 'detail',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'the case' } },
      },
    },
  },
  components: {
    schemas: {
      Registration: {
        type: 'object',
        required: ['referralSource'],
        properties: {
          referralSource: { type: 'string', enum: ['police', 'ngo', 'labour_inspectorate'] },
          notes: { type: 'string', maxLength: 2000 },
        },
      },
    },
  },
};
type Fixture = typeof BASE;

/** BASE changed by `change`, at `version`, as JSON text. */
function revision(change: (doc: Fixture) => void, version = '1.0.0'): string {
  const doc = structuredClone(BASE);
  change(doc);
  doc.info.version = version;
  return JSON.stringify(doc, null, 2);
}
const base = JSON.stringify(BASE, null, 2);
const registration = (doc: Fixture) =>
  doc.components.schemas.Registration as Fixture['components']['schemas']['Registration'] & {
    properties: Record<string, object>;
  };

const removedOperation = (doc: Fixture) => {
  delete (doc.paths as Partial<Fixture['paths']>)['/api/cases/{id}'];
};
const newRequiredField = (doc: Fixture) => {
  registration(doc).required.push('notes');
};
const narrowedEnum = (doc: Fixture) => {
  registration(doc).properties.referralSource.enum = ['police', 'labour_inspectorate'];
};
const addedOptionalField = (doc: Fixture) => {
  registration(doc).properties.countryOfExploitation = { type: 'string', pattern: '^[A-Z]{2}$' };
};

/**
 * What the version check relies on: oasdiff (a pinned release, built from the Go module proxy) finds
 * each kind of breaking change the issue names, and leaves an addition alone; the policy lets a breaking
 * change through only with a higher major.
 */
describe('breaking changes of the OpenAPI document (oasdiff)', () => {
  beforeAll(() => void oasdiffBinary(), 10 * 60_000);

  it.each([
    ['a removed operation', removedOperation, 'api-path-removed-without-deprecation', 'GET /api/cases/{id}'],
    ['a new required request field', newRequiredField, 'request-property-became-required', 'POST /api/cases'],
    ['a narrowed enum', narrowedEnum, 'request-property-enum-value-removed', 'POST /api/cases'],
  ])('%s is breaking', (_what, change, id, operation) => {
    const changes = breakingChanges(base, revision(change));
    expect(changes).toEqual([expect.stringContaining(`[${id}]`)]);
    expect(changes[0].startsWith(`${operation}: `)).toBe(true);
  });

  it('an added optional field is not', () => {
    expect(breakingChanges(base, revision(addedOptionalField))).toEqual([]);
    expect(versionVerdict(base, revision(addedOptionalField, '1.1.0')).allowed).toBe(true);
  });

  it('a breaking change passes only with a higher major', () => {
    for (const change of [removedOperation, newRequiredField, narrowedEnum]) {
      expect(versionVerdict(base, revision(change, '1.1.0'))).toMatchObject({ allowed: false });
      expect(versionVerdict(base, revision(change, '1.0.1'))).toMatchObject({ allowed: false });
      expect(versionVerdict(base, revision(change, '2.0.0'))).toMatchObject({ allowed: true });
    }
    const refused = versionVerdict(base, revision(narrowedEnum, '1.1.0'));
    expect(explainRefusal(refused, 'base', 'revision')).toContain('removed the enum value `ngo`');
    expect(() => majorOf('1')).toThrow('not a semantic version');
  });

  it('catches the same on the node’s own document: a command removed and a consent purpose dropped', () => {
    const committed = readFileSync(DOCUMENT_FILE, 'utf8');
    const doc = JSON.parse(committed) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { enum: string[] }> }> };
    };
    delete doc.paths['/api/cases/{id}/closure'];
    const purpose = doc.components.schemas.ConsentDto.properties.purpose;
    purpose.enum = purpose.enum.filter((value) => value !== 'return');
    const verdict = versionVerdict(committed, JSON.stringify(doc));
    expect(verdict.allowed).toBe(false);
    expect(verdict.breaking).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^POST \/api\/cases\/\{id\}\/closure: .*\[api-path-removed-without-deprecation\]$/,
        ),
        expect.stringMatching(/^POST \/api\/cases\/\{id\}\/consents: removed the enum value `return`/),
      ]),
    );
  });

  /**
   * Regenerating the committed document cannot hide a break either: every committed revision of it
   * (the last 20, as far as this clone's history goes) keeps the promises of its parent commits'
   * document, or raises the major.
   */
  it('every committed revision of libs/api-client/openapi.json keeps the previous one’s promises, or raises the major', () => {
    const root = join(__dirname, '../../..');
    const file = relative(root, DOCUMENT_FILE);
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: 'pipe' });
    let commits: string[];
    try {
      commits = git('log', '--format=%H', '-n', '20', '--', file).split('\n').filter(Boolean);
    } catch {
      return; // not a git checkout (an unpacked release): nothing to compare
    }
    const refusals: string[] = [];
    // Each revision against its own parents: work merged from a branch is judged against the branch it
    // was written on and the line it joins, never against an unrelated commit that happens to be older.
    for (const commit of commits) {
      const parents = git('rev-list', '--parents', '-n', '1', commit).trim().split(' ').slice(1);
      for (const parent of parents) {
        let before: string;
        try {
          before = git('show', `${parent}:${file}`);
        } catch {
          continue; // the parent has no document yet (or lies beyond a shallow clone)
        }
        const verdict = versionVerdict(before, git('show', `${commit}:${file}`));
        if (!verdict.allowed)
          refusals.push(
            explainRefusal(verdict, `${file} at ${parent.slice(0, 10)}`, `commit ${commit.slice(0, 10)}`),
          );
      }
    }
    expect(refusals).toEqual([]);
  });
});

import { NrmClient, RequestBody, Schema } from '@nrm/api-client';
import { eventually, NodeClient } from './node-client';

/** A presumed victim from Moldova, identified in Germany (the same person the end-to-end tests use). */
export const REGISTRATION: RequestBody<'/api/cases', 'post'> = {
  referralSource: 'labour_inspectorate',
  person: {
    givenName: 'Ileana',
    familyName: 'Vrabie',
    sex: 'female',
    dateOfBirth: '1996-03-02',
    citizenship: 'MD',
  },
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
  indicators: ['withheld-documents'],
};

/** The messages the walk sends, in order: what both handover histories must end up holding. */
export const EXPECTED_KINDS = [
  'handover.proposed',
  'handover.accepted',
  'return.travel-started',
  'return.arrival-confirmed',
  'return.reception-confirmed',
  'reintegration.plan-adopted',
  'reintegration.progress-recorded',
];

/** Both nodes and what the walk learnt so far. */
export interface WalkContext {
  de: NodeClient;
  md: NodeClient;
  /** The case in the country of destination (DE). */
  deCaseId?: string;
  /** The case the country of origin (MD) opened from the proposal: its own id, never DE's. */
  mdCaseId?: string;
  handoverId?: string;
}

type Side = 'de' | 'md';

export interface WalkStep {
  title: string;
  /** The node where an operator acts. */
  by: Side;
  act(ctx: WalkContext): Promise<void>;
  /** When the step sends a message: what the partner node shows once the message was applied there. */
  arrival?: {
    what: string;
    /** A value once arrived (undefined: not yet); `seen` notes what it saw, for a timeout's message. */
    check(ctx: WalkContext, seen: (note: string) => void): Promise<unknown>;
  };
}

/** A case as GET /api/cases/:id shows it, and a handover in it (the document's schemas). */
type CaseView = Schema<'CaseView'>;
type HandoverView = Schema<'HandoverView'>;

const id = (value: string | undefined, what: string): string => {
  if (!value) throw new Error(`the walk has no ${what} yet`);
  return value;
};
/** The path parameters of the case on each side, and of the handover in it. */
const deCase = (ctx: WalkContext) => ({ id: id(ctx.deCaseId, 'DE case') });
const mdCase = (ctx: WalkContext) => ({ id: id(ctx.mdCaseId, 'MD case') });
const mdHandover = (ctx: WalkContext) => ({ ...mdCase(ctx), handoverId: id(ctx.handoverId, 'handover') });
const deHandover = (ctx: WalkContext) => ({ ...deCase(ctx), handoverId: id(ctx.handoverId, 'handover') });

/** The case `caseId` as `node`'s return officer reads it. */
const caseDetail = (node: NodeClient, caseId: string): Promise<CaseView> =>
  node.call('return_officer', (api: NrmClient) =>
    api.GET('/api/cases/{id}', { params: { path: { id: caseId } } }),
  );

/** The handover `ctx.handoverId` as `node` shows it in case `caseId`, once it has `status`. */
async function handoverWithStatus(
  node: NodeClient,
  caseId: string,
  ctx: WalkContext,
  status: HandoverView['status'],
  seen: (note: string) => void,
): Promise<HandoverView | undefined> {
  const detail = await caseDetail(node, caseId);
  const found = detail.return.handovers.find((h) => h.handoverId === ctx.handoverId);
  seen(`handover ${found ? `status ${found.status}` : 'not there'} in ${node.label}`);
  return found?.status === status ? found : undefined;
}

/**
 * The case from registration in the country of destination to reintegration in the country of
 * origin. Each step is one operator's action on one node, through the API; the steps that send a
 * message say what the partner node shows once it arrived.
 */
export const HANDOVER_WALK: readonly WalkStep[] = [
  {
    title: 'register the presumed victim',
    by: 'de',
    act: async (ctx) => {
      const body = await ctx.de.call(
        'identification_officer',
        (api) => api.POST('/api/cases', { body: REGISTRATION }),
        201,
      );
      ctx.deCaseId = body.caseId;
    },
  },
  {
    title: 'record consent to share data with MD',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call(
        'identification_officer',
        (api) =>
          api.POST('/api/cases/{id}/consents', {
            params: { path: deCase(ctx) },
            body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
          }),
        201,
      );
    },
  },
  {
    title: 'record the return request (early return)',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/return-request', {
            params: { path: deCase(ctx) },
            body: { statedBy: 'victim', earlyReturnRequested: true },
          }),
        201,
      );
    },
  },
  {
    title: 'assess the return risk',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/risk-assessments', {
            params: { path: deCase(ctx) },
            body: { kind: 'return', level: 'low', notes: 'mother supportive', familyAssessed: true },
          }),
        201,
      );
    },
  },
  {
    title: 'record the passport the person holds (the journey needs a valid travel document)',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/documents', {
            params: { path: deCase(ctx) },
            body: { kind: 'passport', status: 'held', validUntil: '2099-12-31' },
          }),
        201,
      );
    },
  },
  {
    title: 'propose the handover to MD',
    by: 'de',
    act: async (ctx) => {
      const body = await ctx.de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers', { params: { path: deCase(ctx) }, body: { toCountry: 'MD' } }),
        201,
      );
      ctx.handoverId = body.handoverId;
    },
    arrival: {
      what: 'MD to open a case from the proposal',
      check: async (ctx, seen) => {
        const list = await ctx.md.call('return_officer', (api) =>
          api.GET('/api/cases', { params: { query: { stage: 'handover_proposed' } } }),
        );
        seen(`${list.items.length} case(s) awaiting an answer in MD`);
        for (const item of list.items) {
          const detail = await caseDetail(ctx.md, item.caseId);
          if (detail.return.handovers.some((h) => h.handoverId === ctx.handoverId)) {
            ctx.mdCaseId = item.caseId;
            return item.caseId;
          }
        }
        return undefined;
      },
    },
  },
  {
    title: 'accept the handover',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers/{handoverId}/acceptance', {
            params: { path: mdHandover(ctx) },
            body: { receivingAgency: 'md-reception', reasons: 'shelter place ready' },
          }),
        201,
      );
    },
    arrival: {
      what: 'DE to see the acceptance',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx).id, ctx, 'accepted', seen),
    },
  },
  {
    title: 'record the departure',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers/{handoverId}/departure', {
            params: { path: deHandover(ctx) },
            body: {},
          }),
        201,
      );
    },
    arrival: {
      what: 'MD to see the person travelling',
      check: (ctx, seen) => handoverWithStatus(ctx.md, mdCase(ctx).id, ctx, 'in_transit', seen),
    },
  },
  {
    title: 'confirm the arrival',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers/{handoverId}/arrival', {
            params: { path: mdHandover(ctx) },
            body: {},
          }),
        201,
      );
    },
    arrival: {
      what: 'DE to see the arrival',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx).id, ctx, 'arrived', seen),
    },
  },
  {
    title: 'confirm the reception',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers/{handoverId}/reception', {
            params: { path: mdHandover(ctx) },
            body: { receivingAgency: 'md-reception' },
          }),
        201,
      );
    },
    arrival: {
      what: 'DE to see the reception',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx).id, ctx, 'received', seen),
    },
  },
  {
    title: 'record consent to share back with DE',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'identification_officer',
        (api) =>
          api.POST('/api/cases/{id}/consents', {
            params: { path: mdCase(ctx) },
            body: { purpose: 'data_sharing', recipient: 'DE', granted: true },
          }),
        201,
      );
    },
  },
  {
    title: 'adopt the reintegration plan',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'case_manager',
        (api) =>
          api.POST('/api/cases/{id}/reintegration-plan', {
            params: { path: mdCase(ctx) },
            body: { services: [{ kind: 'employment' }] },
          }),
        201,
      );
    },
    arrival: {
      what: 'DE to see the reintegration plan',
      check: async (ctx, seen) => {
        const detail = await caseDetail(ctx.de, deCase(ctx).id);
        seen(`DE ${detail.return.reintegrationPlan ? 'has' : 'has no'} reintegration plan`);
        return detail.return.reintegrationPlan;
      },
    },
  },
  {
    title: 'record reintegration progress',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call(
        'case_manager',
        (api) =>
          api.POST('/api/cases/{id}/reintegration-progress', {
            params: { path: mdCase(ctx) },
            body: { status: 'on_track', notes: 'started vocational training' },
          }),
        201,
      );
    },
    arrival: {
      what: 'DE to see the reintegration progress',
      check: async (ctx, seen) => {
        const detail = await caseDetail(ctx.de, deCase(ctx).id);
        const status = detail.return.reintegrationProgress?.status;
        seen(`DE progress ${status ?? 'none'}`);
        return status === 'on_track' ? status : undefined;
      },
    },
  },
];

/** What one step took: the action on its node, then (for a message) until the partner showed it. */
export interface StepTiming {
  actMs: number;
  arrivalMs?: number;
}

/** Waits until `step`'s message shows on the partner node, or fails after `timeoutMs` saying what it saw. */
export async function awaitArrival(step: WalkStep, ctx: WalkContext, timeoutMs: number): Promise<void> {
  if (!step.arrival) return;
  const { arrival } = step;
  let note: string | undefined;
  await eventually(arrival.what, () => arrival.check(ctx, (n) => (note = n)), {
    timeoutMs,
    lastSeen: () => note,
  });
}

/** Runs `steps` in order: each action, then (for a message) its arrival on the other node. */
export async function walk(
  steps: readonly WalkStep[],
  ctx: WalkContext,
  options: { timeoutMs: number; onStep?: (step: WalkStep, timing: StepTiming) => void },
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    await step.act(ctx);
    const acted = Date.now();
    await awaitArrival(step, ctx, options.timeoutMs);
    options.onStep?.(step, {
      actMs: acted - started,
      ...(step.arrival ? { arrivalMs: Date.now() - acted } : {}),
    });
  }
}

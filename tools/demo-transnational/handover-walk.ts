import { eventually, Json, NodeClient } from './node-client';

/** A presumed victim from Moldova, identified in Germany (the same person the end-to-end tests use). */
export const REGISTRATION = {
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

interface HandoverView {
  handoverId: string;
  status: string;
  recordedBy?: string;
}
interface CaseDetail {
  caseId: string;
  stage: string;
  return: {
    handovers: HandoverView[];
    reintegrationPlan?: Json;
    reintegrationProgress?: { status: string };
  };
}

const id = (value: string | undefined, what: string): string => {
  if (!value) throw new Error(`the walk has no ${what} yet`);
  return value;
};
const deCase = (ctx: WalkContext, path = '') => `/api/cases/${id(ctx.deCaseId, 'DE case')}${path}`;
const mdCase = (ctx: WalkContext, path = '') => `/api/cases/${id(ctx.mdCaseId, 'MD case')}${path}`;
const handover = (ctx: WalkContext) => id(ctx.handoverId, 'handover');

/** The handover `ctx.handoverId` as `node` shows it in `path`'s case, once it has `status`. */
async function handoverWithStatus(
  node: NodeClient,
  path: string,
  ctx: WalkContext,
  status: string,
  seen: (note: string) => void,
): Promise<HandoverView | undefined> {
  const detail = await node.call<CaseDetail>('GET', path, { as: 'return_officer' });
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
      const body = await ctx.de.call<{ caseId: string }>('POST', '/api/cases', {
        as: 'identification_officer',
        body: REGISTRATION,
      });
      ctx.deCaseId = body.caseId;
    },
  },
  {
    title: 'record consent to share data with MD',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call('POST', deCase(ctx, '/consents'), {
        as: 'identification_officer',
        body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
      });
    },
  },
  {
    title: 'record the return request (early return)',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call('POST', deCase(ctx, '/return-request'), {
        as: 'return_officer',
        body: { statedBy: 'victim', earlyReturnRequested: true },
      });
    },
  },
  {
    title: 'assess the return risk',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call('POST', deCase(ctx, '/risk-assessments'), {
        as: 'return_officer',
        body: { kind: 'return', level: 'low', notes: 'mother supportive', familyAssessed: true },
      });
    },
  },
  {
    title: 'propose the handover to MD',
    by: 'de',
    act: async (ctx) => {
      const body = await ctx.de.call<{ handoverId: string }>('POST', deCase(ctx, '/handovers'), {
        as: 'return_officer',
        body: { toCountry: 'MD' },
      });
      ctx.handoverId = body.handoverId;
    },
    arrival: {
      what: 'MD to open a case from the proposal',
      check: async (ctx, seen) => {
        const list = await ctx.md.call<{ items: { caseId: string }[] }>(
          'GET',
          '/api/cases?stage=handover_proposed',
          { as: 'return_officer' },
        );
        seen(`${list.items.length} case(s) awaiting an answer in MD`);
        for (const item of list.items) {
          const detail = await ctx.md.call<CaseDetail>('GET', `/api/cases/${item.caseId}`, {
            as: 'return_officer',
          });
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
      await ctx.md.call('POST', mdCase(ctx, `/handovers/${handover(ctx)}/acceptance`), {
        as: 'return_officer',
        body: { receivingAgency: 'md-reception', reasons: 'shelter place ready' },
      });
    },
    arrival: {
      what: 'DE to see the acceptance',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx), ctx, 'accepted', seen),
    },
  },
  {
    title: 'record the departure',
    by: 'de',
    act: async (ctx) => {
      await ctx.de.call('POST', deCase(ctx, `/handovers/${handover(ctx)}/departure`), {
        as: 'return_officer',
        body: {},
      });
    },
    arrival: {
      what: 'MD to see the person travelling',
      check: (ctx, seen) => handoverWithStatus(ctx.md, mdCase(ctx), ctx, 'in_transit', seen),
    },
  },
  {
    title: 'confirm the arrival',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call('POST', mdCase(ctx, `/handovers/${handover(ctx)}/arrival`), {
        as: 'return_officer',
        body: {},
      });
    },
    arrival: {
      what: 'DE to see the arrival',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx), ctx, 'arrived', seen),
    },
  },
  {
    title: 'confirm the reception',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call('POST', mdCase(ctx, `/handovers/${handover(ctx)}/reception`), {
        as: 'return_officer',
        body: { receivingAgency: 'md-reception' },
      });
    },
    arrival: {
      what: 'DE to see the reception',
      check: (ctx, seen) => handoverWithStatus(ctx.de, deCase(ctx), ctx, 'received', seen),
    },
  },
  {
    title: 'record consent to share back with DE',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call('POST', mdCase(ctx, '/consents'), {
        as: 'identification_officer',
        body: { purpose: 'data_sharing', recipient: 'DE', granted: true },
      });
    },
  },
  {
    title: 'adopt the reintegration plan',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call('POST', mdCase(ctx, '/reintegration-plan'), {
        as: 'case_manager',
        body: { services: [{ kind: 'employment' }] },
      });
    },
    arrival: {
      what: 'DE to see the reintegration plan',
      check: async (ctx, seen) => {
        const detail = await ctx.de.call<CaseDetail>('GET', deCase(ctx), { as: 'return_officer' });
        seen(`DE ${detail.return.reintegrationPlan ? 'has' : 'has no'} reintegration plan`);
        return detail.return.reintegrationPlan;
      },
    },
  },
  {
    title: 'record reintegration progress',
    by: 'md',
    act: async (ctx) => {
      await ctx.md.call('POST', mdCase(ctx, '/reintegration-progress'), {
        as: 'case_manager',
        body: { status: 'on_track', notes: 'started vocational training' },
      });
    },
    arrival: {
      what: 'DE to see the reintegration progress',
      check: async (ctx, seen) => {
        const detail = await ctx.de.call<CaseDetail>('GET', deCase(ctx), { as: 'return_officer' });
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

// Source: OSCE/ODIHR National Referral Mechanisms handbook (2nd ed., 2022), the victim-centred approach
// (the victim's informed wishes steer the case), and the OSCE/ODIHR TRM guidelines on victims' needs.
/** What the victim wants; a statement names the whole set they want now. */
export const VICTIM_WISHES = [
  'placed_in_safety',
  /** Stay in the country of destination, with a residence and work permit. */
  'stay_in_destination',
  'return_to_origin',
  'no_law_enforcement_cooperation',
  /** Keep the case secret (to avoid stigma): partners and published statistics receive less. */
  'keep_case_secret',
  'not_face_trafficker',
  'quick_court_procedures',
  /** Compensation, and the wages the exploiter owes. */
  'compensation_and_wages',
  'recover_identity_documents',
  'vocational_training_employment',
  /** Keep or rebuild family relations. */
  'family_relations',
  /** Not barred from re-entering the country of destination after return. */
  'no_reentry_ban',
] as const;
export type VictimWish = (typeof VICTIM_WISHES)[number];

/** Wishes a statement cannot hold together. */
export const EXCLUSIVE_WISHES: readonly (readonly [VictimWish, VictimWish])[] = [
  ['stay_in_destination', 'return_to_origin'],
];

/** What was done about a wish. */
export const WISH_ACTIONS = ['done', 'in_progress', 'referred', 'not_possible'] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

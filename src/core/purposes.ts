/** The purposes a vendor can serve. `necessary` is always granted and has no toggle. */
export const PURPOSES = ['necessary', 'functional', 'analytics', 'advertising', 'embeds'] as const;

export type PurposeId = (typeof PURPOSES)[number];

export const isPurpose = (value: string): value is PurposeId =>
  (PURPOSES as readonly string[]).includes(value);

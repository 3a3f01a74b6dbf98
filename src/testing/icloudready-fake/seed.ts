import type { ICloudReadyFakeState } from './model.js';
import { newSequence as sequence } from './routes.js';

/** Three demo sequences; the first is the docs' example (`6650c1f2a4e5b3d2c1a09f87`). */
export function initialState(seed: boolean): ICloudReadyFakeState {
  const sequences = seed
    ? [
        sequence('6650c1f2a4e5b3d2c1a09f85', '2024-05-20T09:00:00.000Z', {
          name: 'Renewal reminder',
          code: 'RENEWAL',
          status: 'active',
          type: 'email',
          priority: 'normal',
          tags: ['renewal'],
          steps: [{ order: 1, type: 'email', delayDays: 0, template: 'renewal' }],
          contacts: [],
        }),
        sequence('6650c1f2a4e5b3d2c1a09f86', '2024-05-28T09:00:00.000Z', {
          name: 'Win-back',
          code: 'WIN-BACK',
          status: 'paused',
          type: 'email',
          tags: ['churn'],
          steps: [],
          contacts: [],
        }),
        sequence('6650c1f2a4e5b3d2c1a09f87', '2024-06-01T09:00:00.000Z', {
          name: 'Trial onboarding',
          code: 'TRIAL-ONBOARD',
          schedule: { timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
          priority: 'high',
          owner: { id: '6650c0e1f2a3b4c5d6e7f809', name: 'Ada Lovelace' },
          type: 'email',
          emailFrom: { name: 'Ada at Acme', email: 'ada@acme.example' },
          maxContacts: 500,
          tags: ['onboarding', 'trial'],
          status: 'active',
          steps: [{ order: 1, type: 'email', delayDays: 0, template: 'welcome' }],
          contacts: [],
          template: 'welcome',
          startDate: '2024-06-01',
        }),
      ]
    : [];
  return { sequences, activities: [] };
}

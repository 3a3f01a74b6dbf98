import { describe, expect, it } from 'vitest';
import { AMEX, EMERGENCY, MANUAL_RULE, platformWithFake, SAVINGS } from './platform-mock.js';

// `simulation: true` is the README's recipe for testing a money flow: the same calls, answers and statuses as a
// live run, marked SIMULATION, and no money moves. Lists show live records unless asked (`executionMode`).

const balances = (state: {
  accounts: Array<{ id: string; balance: { balanceInCents: number | null } | null }>;
}) => Object.fromEntries(state.accounts.map((a) => [a.id, a.balance?.balanceInCents]));
const fast = { intervalMs: 1 };

describe('dry runs', () => {
  it('a simulated transfer completes, marked SIMULATION, and moves no money', async () => {
    const { fake, client } = platformWithFake();
    const before = balances(fake.state);
    const transfer = await client.transfers.create({
      sourceAccountId: EMERGENCY,
      destinationAccountId: AMEX,
      amountInCents: 50_000,
      simulation: true,
    });
    expect(transfer).toMatchObject({
      executionMode: 'SIMULATION',
      status: 'PROCESSING',
      direction: 'MONEY_OUT',
    });
    const settled = await client.transfers.waitForTransfer(transfer.id, fast);
    expect(settled).toMatchObject({ status: 'COMPLETE', executionMode: 'SIMULATION' });
    expect(balances(fake.state)).toEqual(before);
  });

  it('the same transfer live moves the money (a liability owes less)', async () => {
    const { fake, client } = platformWithFake();
    const before = balances(fake.state);
    const transfer = await client.transfers.create({
      sourceAccountId: EMERGENCY,
      destinationAccountId: AMEX,
      amountInCents: 50_000,
    });
    await client.transfers.waitForTransfer(transfer.id, fast);
    expect(balances(fake.state)).toEqual({
      ...before,
      [EMERGENCY]: before[EMERGENCY]! - 50_000,
      [AMEX]: before[AMEX]! - 50_000,
    });
  });

  it('a simulated trigger runs the rule, its execution and transfers marked SIMULATION, and moves nothing', async () => {
    const { fake, client } = platformWithFake();
    const before = balances(fake.state);
    const { executionId } = await client.rules.trigger(MANUAL_RULE, { simulation: true });
    const execution = await client.rules.executions.waitForExecution(MANUAL_RULE, executionId, fast);
    expect(execution).toMatchObject({
      status: 'EXECUTED',
      executionMode: 'SIMULATION',
      transfersCompleted: 1,
    });
    const moved = await client.transfers.list({
      accountIds: [SAVINGS],
      rule_execution_id: executionId,
      executionMode: 'SIMULATION',
    });
    expect(moved.data).toEqual([
      expect.objectContaining({ amountInCents: 2_500, executionMode: 'SIMULATION' }),
    ]);
    expect(balances(fake.state)).toEqual(before);
  });

  it('lists show live records by default; executionMode SIMULATION or ALL shows the dry runs', async () => {
    const { client } = platformWithFake();
    const live = await client.rules.trigger(MANUAL_RULE);
    const dry = await client.rules.trigger(MANUAL_RULE, { simulation: true });
    const ids = async (mode?: 'LIVE' | 'SIMULATION' | 'ALL') =>
      (
        await client.rules.executions
          .list(MANUAL_RULE, mode ? { executionMode: mode } : {})
          .toArray({ max: 100 })
      ).map((e) => e.id);
    expect(await ids()).toContain(live.executionId);
    expect(await ids()).not.toContain(dry.executionId);
    expect(await ids('SIMULATION')).toContain(dry.executionId);
    expect(await ids('SIMULATION')).not.toContain(live.executionId);
    expect(await ids('ALL')).toEqual(expect.arrayContaining([live.executionId, dry.executionId]));
    const transfers = async (mode?: 'SIMULATION' | 'ALL') =>
      (
        await client.accounts.transfers
          .list(SAVINGS, mode ? { executionMode: mode } : {})
          .toArray({ max: 500 })
      ).map((t) => t.executionMode);
    expect(new Set(await transfers())).toEqual(new Set(['LIVE']));
    expect(new Set(await transfers('SIMULATION'))).toEqual(new Set(['SIMULATION']));
    expect(new Set(await transfers('ALL'))).toEqual(new Set(['LIVE', 'SIMULATION']));
  });
});

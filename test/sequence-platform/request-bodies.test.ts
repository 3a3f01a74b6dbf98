import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { rejectionOf } from '../helpers/rejection.js';
import { AMEX, AUTO_SAVE, EMERGENCY, testPlatformClient, usePlatformMock } from './platform-mock.js';

// Every body the document describes can be sent as written; every rule it states about them is checked before
// anything goes on the wire, with the document's own explanation.

const { answer, seen } = usePlatformMock();
const transfer = { sourceAccountId: EMERGENCY, destinationAccountId: AMEX, amountInCents: 50_000 };

describe('rules.trigger bodies', () => {
  it.each([
    [{}],
    [{ executeAmount: 0 }],
    [{ executeAmount: 150_000 }],
    [{ simulation: true }],
    [{ simulation: false, executeAmount: 1 }],
  ])('sends %j as written', async (body) => {
    answer('triggerRule');
    await testPlatformClient().rules.trigger(AUTO_SAVE, body);
    expect(seen[0]!.body).toEqual(body);
  });

  it('sends {} when no body is given (the body is required, its fields are not)', async () => {
    answer('triggerRule');
    await testPlatformClient().rules.trigger(AUTO_SAVE);
    expect(seen[0]!.body).toEqual({});
  });

  it.each([
    [{ executeAmount: -1 }, 'executeAmount: must be a whole number of cents, 0 or more'],
    [{ executeAmount: 1.5 }, 'executeAmount: must be a whole number of cents'],
    [{ executeAmount: 2 ** 53 }, 'executeAmount: must be a whole number of cents'],
    [{ executeAmount: '5000' }, 'executeAmount: must be a whole number of cents'],
    [{ simulation: 'yes' }, 'simulation: must be true or false'],
    [{ manual_execute_amount: 5000 }, 'manual_execute_amount: unknown option; did you mean executeAmount?'],
  ])('refuses %j before sending', async (body, message) => {
    const error = await rejectionOf(testPlatformClient().rules.trigger(AUTO_SAVE, body as never));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain(message);
    expect(seen).toEqual([]);
  });
});

describe('transfers.create bodies', () => {
  it.each([
    [transfer],
    [{ ...transfer, amountInCents: 100 }],
    [{ ...transfer, description: 'Rent May' }],
    [{ ...transfer, description: '' }],
    [{ ...transfer, description: 'ABCDE 1234', simulation: true }],
    [{ ...transfer, simulation: false }],
  ])('sends %j as written', async (body) => {
    answer('createTransfer');
    await testPlatformClient().transfers.create(body);
    expect(seen[0]!.body).toEqual(body);
  });

  const cents = 'amountInCents: must be a whole number of cents, at least 100 ($1.00';
  const label = 'description: must be at most 10 letters, digits or spaces';
  it.each([
    [{ ...transfer, amountInCents: 99 }, cents],
    [{ ...transfer, amountInCents: 0 }, cents],
    [{ ...transfer, amountInCents: -100 }, cents],
    [{ ...transfer, amountInCents: 100.5 }, cents],
    [{ ...transfer, amountInCents: 2 ** 53 }, cents],
    [{ ...transfer, amountInCents: Number.NaN }, cents],
    [{ ...transfer, amountInCents: '100' }, cents],
    [{ ...transfer, description: 'Rent May 24' }, label],
    [{ ...transfer, description: 'Rent-May' }, label],
    [{ ...transfer, description: 'Hyra maj å' }, label],
    [{ sourceAccountId: EMERGENCY, amountInCents: 500 }, 'destinationAccountId: must be an account id'],
    [{ ...transfer, amount_in_cents: 500 }, 'amount_in_cents: unknown option; did you mean amountInCents?'],
  ])('refuses %j before sending', async (body, message) => {
    const error = await rejectionOf(testPlatformClient().transfers.create(body as never));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain(message);
    expect(seen).toEqual([]);
  });

  it('explains a description that breaks two rules once', async () => {
    const error = await rejectionOf(
      testPlatformClient().transfers.create({ ...transfer, description: 'Rent for May!' }),
    );
    expect((error as Error).message.split(label)).toHaveLength(2);
  });
});

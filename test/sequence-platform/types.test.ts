import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CreateTransferBody,
  ListTransfersParams,
  SequencePlatformErrorCodes,
  Transfer,
  TransferErrorCode,
  TriggerRuleBody,
} from '../../src/sequence-platform/index.js';
import type { Json } from '../helpers/spec-document.js';
import { AUTO_SAVE, EMERGENCY, platformV1, SAVINGS, testPlatformClient } from './platform-mock.js';

// Types derived from the generated schemas: what the document allows compiles, what it does not is a type error
// (each @ts-expect-error fails the typecheck if the line compiles).

/** The codes the document's "Errors" section lists under each status, and the ones its examples use. */
const DOCUMENTED = {
  400: [
    'INVALID_PARAMETERS',
    'TRANSFER_SOURCE_NOT_FOUND',
    'TRANSFER_DESTINATION_NOT_FOUND',
    'IDEMPOTENCY_KEY_MISMATCH',
  ],
  401: ['UNAUTHORIZED'],
  403: ['ACCESS_DENIED', 'MAXIMUM_AMOUNT_EXCEEDED', 'RULE_DEACTIVATED', 'INVALID_RULE'],
  404: ['ACCOUNT_NOT_FOUND', 'RULE_NOT_FOUND', 'RULE_EXECUTION_NOT_FOUND', 'TRANSFER_NOT_FOUND'],
  409: ['TRANSFER_IN_PROGRESS', 'RULE_EXECUTION_IN_PROGRESS'],
  429: ['RATE_LIMIT_EXCEEDED'],
  500: ['UNEXPECTED_ERROR'],
} satisfies { [S in keyof SequencePlatformErrorCodes]: SequencePlatformErrorCodes[S][] };

type Listed<S extends keyof typeof DOCUMENTED> = (typeof DOCUMENTED)[S][number];

describe('types', () => {
  it('type the error codes per status exactly as the document lists them', () => {
    expectTypeOf<Exclude<SequencePlatformErrorCodes[400], Listed<400>>>().toBeNever();
    expectTypeOf<Exclude<SequencePlatformErrorCodes[403], Listed<403>>>().toBeNever();
    expectTypeOf<Exclude<SequencePlatformErrorCodes[404], Listed<404>>>().toBeNever();
    expectTypeOf<Exclude<SequencePlatformErrorCodes[409], Listed<409>>>().toBeNever();
    const description = (platformV1.doc.info as Json).description as string;
    const prose = description.split('## Errors')[1]!.split('\n## ')[0]!;
    const sections = [400, 401, 403, 404, 429, 500] as const;
    for (const status of sections) {
      const codes: readonly string[] = DOCUMENTED[status];
      const section = prose.split(`**\`${status} `)[1]!.split('**`')[0]!;
      const inProse = [...section.matchAll(/`([A-Z_]{4,})`/g)].map((m) => m[1]);
      for (const code of inProse) expect(codes, `${status} ${code}`).toContain(code);
    }
    const fromExamples = platformV1.operations().flatMap((op) =>
      Object.entries(op.responseExamples)
        .filter(([status]) => /^[45]/.test(status))
        .flatMap(([status, examples]) =>
          Object.values(examples).map((e) => [status, ((e as Json).error as Json).code as string]),
        ),
    );
    for (const [status, code] of fromExamples) {
      expect(DOCUMENTED[Number(status) as keyof typeof DOCUMENTED], `${status} ${code}`).toContain(code);
    }
  });

  it("type Transfer.errorCode with the document's 14 codes, still accepting new ones", () => {
    expectTypeOf<'INSUFFICIENT_FUNDS'>().toExtend<TransferErrorCode>();
    expectTypeOf<'RESOURCE_DELETED'>().toExtend<Transfer['errorCode']>();
    expectTypeOf<'A_CODE_FROM_NEXT_YEAR'>().toExtend<Transfer['errorCode']>();
    expectTypeOf<Transfer['status']>().toEqualTypeOf<
      'PENDING_APPROVAL' | 'PROCESSING' | 'PENDING' | 'COMPLETE' | 'INCOMPLETE' | 'ERROR' | 'CANCELLED'
    >();
  });

  it('derive inputs from the generated schemas: required where the document requires, exact everywhere', async () => {
    expectTypeOf<ListTransfersParams['accountIds']>().toEqualTypeOf<string[]>();
    expectTypeOf<CreateTransferBody['amountInCents']>().toEqualTypeOf<number>();
    expectTypeOf<TriggerRuleBody>().toEqualTypeOf<{
      executeAmount?: number | undefined;
      simulation?: boolean | undefined;
    }>();
    const client = testPlatformClient();
    const snakeCase = { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amount_in_cents: 500 };
    const refused: PromiseLike<unknown>[] = [];
    // @ts-expect-error accountIds is required
    refused.push(client.transfers.list({}));
    // @ts-expect-error accountId is required
    refused.push(client.cardTransactions.list({ cardId: EMERGENCY }));
    // @ts-expect-error API v1's snake_case name instead of amountInCents
    refused.push(client.transfers.create(snakeCase));
    // @ts-expect-error statuses are spelled as the document spells them
    refused.push(client.transfers.list({ accountIds: [EMERGENCY], status: 'complete' }));
    // @ts-expect-error a misspelt option
    refused.push(client.rules.trigger(AUTO_SAVE, { simulaton: true }));
    // @ts-expect-error pageSize is a number
    refused.push(client.rules.list({ pageSize: '100' }));
    for (const call of refused) await expect(call).rejects.toThrow();
  });
});

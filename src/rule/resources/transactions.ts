import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateInput } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import { zSendTransactionResponse } from '../generated/v2/zod.gen.js';
import { type TransactionInput, transactionInput } from '../input/transaction.js';
import { type NumericIds, withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';

/** What Rule's answer can tell: `transaction_id`, when it carries one. */
const sentAnswer = z.partial(zSendTransactionResponse);
const sentSchema = withNumericIds(sentAnswer);

/** What `transactions.send` resolves with: `transaction_id` when Rule's answer carries it. */
export type SentTransaction = NumericIds<z.output<typeof sentAnswer>>;

/** Transactional e-mails and text messages (`/transactionals`). */
export class Transactions extends RuleResource {
  /**
   * Sends one transactional message: an e-mail with your own `html` and `plain` bodies (base64-encoded by the SDK,
   * UTF-8 safe), an e-mail built from a custom template (`template_id` plus block content), or a text message
   * (0.40 SEK each). An `attachment` must be a PDF of at most 50 KB. Input is checked before anything is sent.
   * Resolves with Rule's `transaction_id`; an answer without one still means the message was accepted.
   * `POST /transactionals`
   */
  send(input: TransactionInput, options?: RequestOptions): APIPromise<SentTransaction, RuleError> {
    return this.acknowledged(
      'transactions.send',
      () => ({
        method: 'POST',
        path: 'transactionals',
        body: validateInput(transactionInput, input, 'transactions.send'),
      }),
      zSendTransactionResponse,
      sentSchema,
      options,
    );
  }
}

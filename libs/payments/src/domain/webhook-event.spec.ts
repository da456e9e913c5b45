import { ValidationFailedError } from '@congocart/shared/kernel';
import { parseWebhookEvent } from './webhook-event';

const paymentId = '8a0a3c52-5a64-4a67-9a2e-0b0f0e6f7d11';
const orderId = '3f6c2a9e-1d4b-4c8e-8f7a-2b5d9e0c1a22';
const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const fieldsOf = (value: unknown) => {
  try {
    parseWebhookEvent(raw(value));
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors.map((e) => e.field);
  }
};

describe('webhook event', () => {
  it('parses a well-formed event', () => {
    const event = { id: 'evt_1', type: 'payment.succeeded', createdAt: '2026-11-24T10:00:00Z', data: { paymentId, orderId } };
    expect(parseWebhookEvent(raw(event))).toEqual(event);
  });

  it('refuses malformed JSON and events missing their parts', () => {
    expect(fieldsOf('{not json')).toEqual(['']);
    expect(fieldsOf([])).toEqual(['id', 'type', 'createdAt', 'data.paymentId', 'data.orderId']);
    expect(fieldsOf({ id: 'evt_1', type: 'payment.exploded', createdAt: 'yesterday', data: { paymentId: 'x', orderId } })).toEqual([
      'type',
      'createdAt',
      'data.paymentId',
    ]);
  });
});

import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of, throwError } from 'rxjs';
import { ConflictError, ValidationFailedError } from '../errors/domain-error';
import type { Reflector } from '@nestjs/core';
import { IDEMPOTENCY_MODE, IDEMPOTENCY_SCOPE, IDEMPOTENCY_SEALED } from './idempotency-mode';
import { bearerResourceScope } from './idempotent.decorator';
import { PlatformConfig } from '../config/platform.config';
import { SealedBox } from '../signing/sealed-box';

import type { TransactionHost } from '@nestjs-cls/transactional';
import { EnvReader } from '../config/env';
import { IdempotencyConfig } from './idempotency.config';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import type { ClaimOutcome, IdempotencyStore, StoredResponse } from './idempotency.store';

const sealedBox = new SealedBox(new PlatformConfig(new EnvReader({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) })));

class FakeStore {
  outcome: ClaimOutcome = { kind: 'claimed', token: 'claim-1' };
  calls: string[] = [];
  completed?: StoredResponse;
  async claim(scope: string, key: string, hash: string): Promise<ClaimOutcome> {
    this.calls.push(`claim ${scope} ${key} ${hash.length}`);
    return this.outcome;
  }
  async complete(_scope: string, _key: string, token: string, response: StoredResponse): Promise<void> {
    this.calls.push(`complete ${token}`);
    this.completed = response;
  }
  async release(_scope: string, _key: string, token: string): Promise<void> {
    this.calls.push(`release ${token}`);
  }
  async recordOutcome(_scope: string, _key: string, _hash: string, response: StoredResponse): Promise<void> {
    this.calls.push('record');
    this.completed = response;
  }
}

function http(headers: Record<string, string> = { 'idempotency-key': 'key-12345' }) {
  const replyHeaders: Record<string, string> = {};
  const reply = {
    statusCode: 201,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    header(name: string, value: string) {
      replyHeaders[name.toLowerCase()] = value;
      return this;
    },
    getHeader: (name: string) => replyHeaders[name.toLowerCase()],
  };
  const request = { headers, method: 'POST', url: '/api/v1/checkout?x=1', body: { a: 1 }, id: 'trace-1', user: { userId: 'user-1' } };
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
    getHandler: () => undefined,
  } as unknown as ExecutionContext;
  return { context, reply, replyHeaders };
}

const handler = (run: () => unknown): CallHandler => ({ handle: () => (run as () => ReturnType<typeof of>)() });

describe('IdempotencyInterceptor', () => {
  let store: FakeStore;
  let interceptor: IdempotencyInterceptor;
  beforeEach(() => {
    store = new FakeStore();
    const txHost = { withTransaction: (work: () => Promise<unknown>) => work() } as unknown as TransactionHost;
    const reflector = { get: (key: string) => (key === IDEMPOTENCY_MODE ? 'transaction' : undefined) } as unknown as Reflector;
    interceptor = new IdempotencyInterceptor(
      store as unknown as IdempotencyStore,
      txHost,
      reflector,
      new IdempotencyConfig(new EnvReader({})),
      sealedBox,
    );
  });

  it('claims the key for the caller, runs the handler and stores its status, Location and body', async () => {
    const { context, reply } = http();
    reply.header('Location', '/api/v1/orders/1');
    const result = await lastValueFrom(
      await interceptor.intercept(
        context,
        handler(() => of({ id: 1 })),
      ),
    );
    expect(result).toEqual({ id: 1 });
    expect(store.calls).toEqual(['claim user-1 key-12345 64', 'complete claim-1']);
    expect(store.completed).toEqual({
      status: 201,
      headers: { location: '/api/v1/orders/1', 'content-type': 'application/json; charset=utf-8' },
      body: '{"id":1}',
    });
  });

  it('replays a stored response without running the handler', async () => {
    store.outcome = {
      kind: 'replay',
      response: { status: 201, headers: { location: '/x', 'content-type': 'application/json' }, body: '{"id":1}' },
    };
    const { context, reply, replyHeaders } = http();
    const run = jest.fn(() => of({ id: 2 }));
    const result = await lastValueFrom(await interceptor.intercept(context, handler(run)));
    expect(run).not.toHaveBeenCalled();
    expect(result).toBe('{"id":1}');
    expect(reply.statusCode).toBe(201);
    expect(replyHeaders).toEqual({ location: '/x', 'content-type': 'application/json', 'idempotent-replayed': 'true' });
  });

  it('stores a 4xx problem so that a retry gets the same answer, and still fails the request', async () => {
    const { context } = http();
    const error = new ConflictError('INSUFFICIENT_STOCK', 'Not enough.', { lines: [] });
    await expect(
      interceptor.intercept(
        context,
        handler(() => throwError(() => error)),
      ),
    ).rejects.toBe(error);
    expect(store.calls.at(-1)).toBe('record');
    expect(store.completed!.status).toBe(409);
    expect(store.completed!.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(JSON.parse(store.completed!.body)).toMatchObject({
      status: 409,
      code: 'INSUFFICIENT_STOCK',
      instance: '/api/v1/checkout',
      traceId: 'trace-1',
      lines: [],
    });
  });

  it('stores nothing after an unexpected failure or an invalid body (the rollback frees the key), so a retry runs afresh', async () => {
    for (const error of [new Error('database went away'), new ValidationFailedError([{ field: 'x', message: 'bad' }])]) {
      store.calls = [];
      const { context } = http();
      await expect(
        interceptor.intercept(
          context,
          handler(() => throwError(() => error)),
        ),
      ).rejects.toBe(error);
      expect(store.calls).toEqual(['claim user-1 key-12345 64']);
    }
  });

  it('refuses a request without a key before claiming anything', async () => {
    const { context } = http({});
    await expect(
      interceptor.intercept(
        context,
        handler(() => of({})),
      ),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(store.calls).toEqual([]);
  });

  it('claims under the route’s scope when it has one: a bearer-held resource and the hash of its token, not the caller', async () => {
    const scope = bearerResourceScope('guest-cart', 'id', 'x-cart-token');
    const reflector = { get: (key: string) => (key === IDEMPOTENCY_MODE ? 'transaction' : key === IDEMPOTENCY_SCOPE ? scope : undefined) };
    const scoped = new IdempotencyInterceptor(
      store as unknown as IdempotencyStore,
      { withTransaction: (work: () => Promise<unknown>) => work() } as unknown as TransactionHost,
      reflector as unknown as Reflector,
      new IdempotencyConfig(new EnvReader({})),
      sealedBox,
    );
    const { context } = http({ 'idempotency-key': 'key-12345', 'x-cart-token': 'secret-token' });
    const request = context.switchToHttp().getRequest<{ params?: unknown }>();
    request.params = { id: 'cart-1' };
    await lastValueFrom(
      await scoped.intercept(
        context,
        handler(() => of({ id: 1 })),
      ),
    );
    expect(store.calls[0]).toMatch(/^claim guest-cart:cart-1:[A-Za-z0-9_-]{43} key-12345 64$/);
    expect(store.calls[0]).not.toContain('secret-token');
    expect(scope({ params: { id: 'cart-1' }, headers: { 'x-cart-token': 'another' } })).not.toBe(
      scope({ params: { id: 'cart-1' }, headers: { 'x-cart-token': 'secret-token' } }),
    );
  });

  it('stores the answer of a sealResponse route sealed, and replays it in the clear', async () => {
    const reflector = { get: (key: string) => (key === IDEMPOTENCY_MODE ? 'transaction' : key === IDEMPOTENCY_SEALED ? true : undefined) };
    const sealing = new IdempotencyInterceptor(
      store as unknown as IdempotencyStore,
      { withTransaction: (work: () => Promise<unknown>) => work() } as unknown as TransactionHost,
      reflector as unknown as Reflector,
      new IdempotencyConfig(new EnvReader({})),
      sealedBox,
    );
    await lastValueFrom(
      await sealing.intercept(
        http().context,
        handler(() => of({ orderToken: 'secret-order-token' })),
      ),
    );
    const stored = store.completed!;
    expect(stored.body).toMatch(/^sealed:/);
    expect(stored.body).not.toContain('secret-order-token');

    store.outcome = { kind: 'replay', response: stored };
    const replayed = await lastValueFrom(
      await sealing.intercept(
        http().context,
        handler(() => of({})),
      ),
    );
    expect(replayed).toBe('{"orderToken":"secret-order-token"}');
  });
});

import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { WebhookSender } from '../application/webhook-sender.port';
import type { AttemptResult } from '../domain/webhook-delivery';
import { isPrivateAddress } from '../domain/webhook-url';
import { WebhooksConfig } from '../webhooks.config';

/**
 * POST over node:http(s): redirects are never followed (a 3xx is a failure), the whole attempt
 * is bounded by WEBHOOK_TIMEOUT_MS, at most a few KiB of the answer are read, and where private
 * addresses are refused the check is repeated on the address actually connected to (DNS rebinding).
 */
@Injectable()
export class NodeHttpWebhookSender extends WebhookSender {
  constructor(private readonly config: WebhooksConfig) {
    super();
  }

  post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, 'utf8');
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const finish = (result: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(payload.length) },
          lookup: this.config.guardsPrivateAddresses ? publicOnlyLookup : undefined,
          agent: false,
        },
        (res) => readBounded(res, this.config.responseBodyLimitBytes, () => finish(outcomeOf(res.statusCode ?? 0))),
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish({ ok: false, statusCode: null, error: `timed out after ${this.config.timeoutMs} ms` });
      }, this.config.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, error: describe(error) }));
      req.end(payload);
    });
  }
}

function outcomeOf(statusCode: number): AttemptResult {
  if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
  return { ok: false, statusCode, error: `HTTP ${statusCode}` };
}

/** Reads up to `limit` bytes (discarded), then stops: a receiver cannot make us buffer a large answer. */
function readBounded(res: IncomingMessage, limit: number, done: () => void): void {
  let read = 0;
  res.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > limit) {
      res.destroy();
      done();
    }
  });
  res.on('end', done);
  res.on('close', done);
  res.on('error', done);
}

function describe(error: NodeJS.ErrnoException): string {
  return (error.code ? `${error.code}: ` : '') + error.message.slice(0, 200);
}

const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused || addresses.length === 0) {
      return callback(Object.assign(new Error('the host resolves to a private address'), { code: 'EPRIVATEADDRESS' }), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

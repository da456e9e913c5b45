import { isPrivateAddress, webhookUrlProblem } from './webhook-url';

describe('webhook URLs', () => {
  it('wants https in production, allows http elsewhere, never credentials', () => {
    expect(webhookUrlProblem('https://hooks.example.com/x', true)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/x', true)).toBe('must use https');
    expect(webhookUrlProblem('http://hooks.example.com/x', false)).toBeNull();
    expect(webhookUrlProblem('ftp://hooks.example.com/x', false)).toBe('must use https or http');
    expect(webhookUrlProblem('https://u:p@hooks.example.com/x', false)).toBe('must not carry credentials');
    expect(webhookUrlProblem('not a url', false)).toBe('must be an absolute URL');
  });

  it.each([
    '127.0.0.1',
    '127.255.0.1',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    'fd00:ec2::254',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'treats %s as public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

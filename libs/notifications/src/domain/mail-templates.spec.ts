import { renderNotification } from './mail-templates';

const store = { storeName: 'CongoCart', storefrontUrl: 'http://localhost:3000/' };
const order = {
  id: 'o-1',
  number: 'CC-7',
  lines: [{ name: '<b>Tee</b>', quantity: 1, lineTotal: { amount: 100, currency: 'JPY' } }],
  total: { amount: 100, currency: 'JPY' },
};

describe('mail templates', () => {
  it('escapes what goes into the HTML part', () => {
    const mail = renderNotification({ template: 'order_confirmation', order }, store);
    expect(mail.html).not.toContain('<b>Tee</b>');
    expect(mail.html).toContain('&#60;b&#62;Tee&#60;/b&#62;');
    expect(mail.text).toContain('1 × <b>Tee</b>');
  });

  it('formats money in the currency’s own minor units', () => {
    expect(renderNotification({ template: 'order_confirmation', order }, store).text).toContain('¥100');
  });

  it('puts each link whole on its own line, without a doubled slash', () => {
    const mail = renderNotification({ template: 'password_reset', token: 'a+b/c' }, store);
    expect(mail.text.split('\n')).toContain('http://localhost:3000/reset-password?token=a%2Bb%2Fc');
  });

  it('links a guest order’s confirmation with its token, the link whole on its own line', () => {
    const mail = renderNotification({ template: 'order_confirmation', order, orderToken: 'Ab_9-x' }, store);
    expect(mail.subject).toBe('CongoCart: order CC-7 confirmed');
    expect(mail.text.split('\n')).toContain('http://localhost:3000/orders/o-1?token=Ab_9-x');
    expect(renderNotification({ template: 'order_confirmation', order }, store).text).not.toContain('?token=');
  });
});

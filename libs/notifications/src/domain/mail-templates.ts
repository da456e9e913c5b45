import { renderMail } from './mail-layout';
import { formatMoney } from './money-format';
import type { Notification, OrderSummary, RenderedMail, StoreIdentity } from './notification';

/** Renders any notification; subjects name the store (and the order number where there is one). */
export function renderNotification(notification: Notification, store: StoreIdentity): RenderedMail {
  const base = store.storefrontUrl.replace(/\/+$/, '');
  const orderLink = (order: OrderSummary) => ({ label: 'Your order', url: `${base}/orders/${encodeURIComponent(order.id)}` });
  const guestOrderLink = (order: OrderSummary, orderToken: string) => ({
    label: 'Your order',
    url: `${base}/orders/${encodeURIComponent(order.id)}?token=${encodeURIComponent(orderToken)}`,
  });
  const keepPrivate = 'Follow, pay or cancel your order with this link. Keep it private: it works without signing in.';
  const common = { storeName: store.storeName };
  switch (notification.template) {
    case 'order_confirmation':
      return renderMail({
        ...common,
        subject: `${store.storeName}: order ${notification.order.number} confirmed`,
        heading: `Thank you for your order ${notification.order.number}`,
        paragraphs: [
          'We have received your order. We will let you know when your payment arrives and when it ships.',
          ...(notification.orderToken ? [keepPrivate] : []),
        ],
        rows: orderRows(notification.order),
        links: [notification.orderToken ? guestOrderLink(notification.order, notification.orderToken) : orderLink(notification.order)],
      });
    case 'payment_received':
      return renderMail({
        ...common,
        subject: `${store.storeName}: payment received for order ${notification.order.number}`,
        heading: `Payment received for order ${notification.order.number}`,
        paragraphs: [`We have received your payment of ${formatMoney(notification.order.total)}. We are preparing your parcel.`],
        links: [orderLink(notification.order)],
      });
    case 'order_shipped':
      return renderMail({
        ...common,
        subject: `${store.storeName}: order ${notification.order.number} has shipped`,
        heading: `Order ${notification.order.number} is on its way`,
        paragraphs: [`Carrier: ${notification.carrier}`, `Tracking number: ${notification.trackingNumber}`],
        links: [orderLink(notification.order)],
      });
    case 'order_cancelled':
      return renderMail({
        ...common,
        subject: `${store.storeName}: order ${notification.order.number} cancelled`,
        heading: `Order ${notification.order.number} has been cancelled`,
        paragraphs: ['Your order has been cancelled. If you had paid for it, the payment is refunded.'],
        links: [orderLink(notification.order)],
      });
    case 'order_refunded':
      return renderMail({
        ...common,
        subject: `${store.storeName}: order ${notification.order.number} refunded`,
        heading: `Order ${notification.order.number} has been refunded`,
        paragraphs: [`We have refunded ${formatMoney(notification.order.total)} to your original payment method.`],
        links: [orderLink(notification.order)],
      });
    case 'password_reset':
      return renderMail({
        ...common,
        subject: `${store.storeName}: reset your password`,
        heading: 'Reset your password',
        paragraphs: [
          `${greeting(notification.name)}someone asked to reset the password of your ${store.storeName} account.`,
          'If it was not you, ignore this e-mail: your password stays as it is.',
        ],
        links: [{ label: 'Choose a new password', url: `${base}/reset-password?token=${encodeURIComponent(notification.token)}` }],
      });
    case 'email_verification':
      return renderMail({
        ...common,
        subject: `${store.storeName}: verify your e-mail address`,
        heading: 'Verify your e-mail address',
        paragraphs: [`${greeting(notification.name)}please confirm that this address belongs to your ${store.storeName} account.`],
        links: [{ label: 'Verify your e-mail address', url: `${base}/verify-email?token=${encodeURIComponent(notification.token)}` }],
      });
    case 'guest_order_link':
      return renderMail({
        ...common,
        subject: `${store.storeName}: your order ${notification.order.number}`,
        heading: `Your order ${notification.order.number}`,
        paragraphs: [keepPrivate],
        rows: orderRows(notification.order),
        links: [guestOrderLink(notification.order, notification.orderToken)],
      });
  }
}

function orderRows(order: OrderSummary): [string, string][] {
  return [
    ...order.lines.map((line): [string, string] => [
      `${line.quantity} × ${line.name}${line.variantName ? ` (${line.variantName})` : ''}`,
      formatMoney(line.lineTotal),
    ]),
    ...(order.subtotal ? [['Subtotal', formatMoney(order.subtotal)] as [string, string]] : []),
    ...(order.shippingFee ? [['Shipping', formatMoney(order.shippingFee)] as [string, string]] : []),
    ['Total', formatMoney(order.total)],
  ];
}

function greeting(name: string | undefined): string {
  return name ? `Hello ${name}, ` : 'Hello, ';
}

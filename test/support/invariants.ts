import { Client } from 'pg';

/**
 * The invariants every fault test checks afterwards, straight in the database: each returns the
 * rows that break it, so an empty list is the pass.
 */
const CHECKS: Record<string, string> = {
  'every order has lines and its totals add up': `
    SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
    GROUP BY o.id HAVING count(l.order_id) = 0 OR o.subtotal_amount <> sum(l.line_total_amount)
                      OR o.total_amount <> o.subtotal_amount + o.shipping_fee_amount`,
  'the ledger sums to on-hand': `
    SELECT s.variant_id FROM stock_levels s LEFT JOIN stock_movements m ON m.variant_id = s.variant_id
    GROUP BY s.variant_id, s.on_hand, s.reserved
    HAVING s.on_hand <> coalesce(sum(m.delta), 0) OR s.reserved <> coalesce(sum(m.reserved_delta), 0)`,
  'reserved equals the open orders’ quantities': `
    SELECT s.variant_id FROM stock_levels s
    LEFT JOIN (SELECT l.variant_id, sum(l.quantity) AS quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
               WHERE o.status IN ('pending_payment', 'paid') GROUP BY l.variant_id) open ON open.variant_id = s.variant_id
    WHERE s.reserved <> coalesce(open.quantity, 0)`,
  'at most one successful charge per order': `
    SELECT order_id FROM payments WHERE status IN ('succeeded', 'refunded') GROUP BY order_id HAVING count(*) > 1
    UNION ALL
    SELECT order_id FROM sandbox_provider_charges WHERE status = 'succeeded' GROUP BY order_id HAVING count(*) > 1`,
  'history is a chain ending in the status': `
    SELECT o.id FROM orders o
    JOIN LATERAL (SELECT array_agg(h.from_status ORDER BY h.id) AS froms, array_agg(h.to_status ORDER BY h.id) AS tos
                  FROM order_history h WHERE h.order_id = o.id) h ON true
    WHERE h.tos IS NULL OR h.froms[1] IS NOT NULL OR h.tos[array_length(h.tos, 1)] <> o.status
       OR EXISTS (SELECT 1 FROM generate_subscripts(h.tos, 1) i WHERE i > 1 AND h.froms[i] IS DISTINCT FROM h.tos[i - 1])`,
};

/** Runs every check against `databaseUrl`; resolves to the broken ones (by name) with offending ids. */
export async function brokenInvariants(databaseUrl: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const broken: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CHECKS)) {
      const { rows } = await client.query(sql);
      if (rows.length) broken[name] = rows;
    }
    return broken;
  } finally {
    await client.end();
  }
}

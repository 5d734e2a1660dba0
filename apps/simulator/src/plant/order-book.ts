import type { Random } from "@gemba/domain/simulation/random";
import type { SimulatedOrder } from "@gemba/domain/simulation/work-center-profile";

// Sized like the seed's order book (packages/db/src/seed/plan-orders.ts): 0.6–2.2 shifts of work
// at the efficiency planners assume, so a live machine changes over about as often as its history.
const PLANNING_EFFICIENCY = 0.7;
const SHIFT_WORK_MINUTES = 435;

export type TLiveOrder = SimulatedOrder & { productSku: string };
export type TProduct = { sku: string; idealCycleTimeSeconds: number };

/**
 * An endless order book for one work center, handed out in batches: the domain's machine model
 * takes a finite order list, so the live machine asks for the next batch when one runs out.
 */
export function createOrderBook(workCenterCode: string, products: readonly TProduct[], random: Random) {
  if (products.length === 0) throw new Error(`Work center ${workCenterCode} makes no product`);
  let number = 0;
  let previousSku = "";

  const nextOrder = (): TLiveOrder => {
    const candidates = products.filter((product) => product.sku !== previousSku);
    const pool = candidates.length > 0 ? candidates : products;
    const product = pool[random.integer(0, pool.length - 1)] ?? products[0];
    if (product === undefined) throw new Error(`Work center ${workCenterCode} makes no product`);
    previousSku = product.sku;
    number += 1;
    const targetMinutes = random.between(0.6, 2.2) * SHIFT_WORK_MINUTES;
    const quantity = Math.max(
      1,
      Math.round((targetMinutes * 60 * PLANNING_EFFICIENCY) / product.idealCycleTimeSeconds),
    );
    return {
      externalId: `${workCenterCode}-${String(number).padStart(5, "0")}`,
      productSku: product.sku,
      idealCycleTimeSeconds: product.idealCycleTimeSeconds,
      quantity,
    };
  };

  return {
    nextBatch: (size: number): TLiveOrder[] => Array.from({ length: size }, nextOrder),
  };
}
export type TOrderBook = ReturnType<typeof createOrderBook>;

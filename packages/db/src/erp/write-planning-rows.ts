import type { OrderStatus } from "../generated/prisma/enums";
import type { Tx } from "../tenant-scope";

/** Rows per statement: bounds message size while keeping a sync of thousands to a handful of round trips. */
const WRITE_CHUNK = 1_000;

export type TProductInsert = { sku: string; name: string; idealCycleTimeSeconds: number };
export type TProductUpdate = { id: string; name: string; idealCycleTimeSeconds: number };

export type TOrderValues = {
  productId: string;
  workCenterId: string | null;
  quantity: number;
  status: OrderStatus;
  plannedStart: Date | null;
  dueAt: Date;
  releasedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
};
export type TOrderInsert = TOrderValues & { externalId: string };
export type TOrderUpdate = TOrderValues & { id: string };

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) out.push(rows.slice(start, start + WRITE_CHUNK));
  return out;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export async function insertProducts(
  tx: Tx,
  tenantId: string,
  rows: readonly TProductInsert[],
): Promise<{ id: string; sku: string }[]> {
  const created: { id: string; sku: string }[] = [];
  for (const chunk of chunks(rows)) {
    created.push(
      ...(await tx.product.createManyAndReturn({
        data: chunk.map((row) => ({ tenantId, ...row })),
        select: { id: true, sku: true },
      })),
    );
  }
  return created;
}

// Prisma has no bulk update with a different value per row; unnest() turns parallel arrays into
// one UPDATE per chunk. Raw SQL skips Prisma's @updatedAt, so it is set here. Row-level security
// still applies: only rows of the transaction's tenant can match.
export async function updateProducts(tx: Tx, rows: readonly TProductUpdate[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "Product" AS p
      SET "name" = u."name", "idealCycleTimeSeconds" = u."ideal", "updatedAt" = now()
      FROM unnest(
        ${chunk.map((row) => row.id)}::uuid[],
        ${chunk.map((row) => row.name)}::text[],
        ${chunk.map((row) => row.idealCycleTimeSeconds)}::float8[]
      ) AS u("id", "name", "ideal")
      WHERE p."tenantId" = gemba_current_tenant() AND p."id" = u."id"`;
  }
}

export async function insertOrders(tx: Tx, tenantId: string, rows: readonly TOrderInsert[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.productionOrder.createMany({ data: chunk.map((row) => ({ tenantId, ...row })) });
  }
}

export async function updateOrders(tx: Tx, rows: readonly TOrderUpdate[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "ProductionOrder" AS o
      SET "productId" = u."productId",
          "workCenterId" = u."workCenterId",
          "quantity" = u."quantity",
          "status" = u."status"::"OrderStatus",
          "plannedStart" = u."plannedStart",
          "dueAt" = u."dueAt",
          "releasedAt" = u."releasedAt",
          "startedAt" = u."startedAt",
          "completedAt" = u."completedAt",
          "updatedAt" = now()
      FROM unnest(
        ${chunk.map((row) => row.id)}::uuid[],
        ${chunk.map((row) => row.productId)}::uuid[],
        ${chunk.map((row) => row.workCenterId)}::uuid[],
        ${chunk.map((row) => row.quantity)}::int[],
        ${chunk.map((row) => row.status)}::text[],
        ${chunk.map((row) => iso(row.plannedStart))}::timestamptz[],
        ${chunk.map((row) => row.dueAt.toISOString())}::timestamptz[],
        ${chunk.map((row) => iso(row.releasedAt))}::timestamptz[],
        ${chunk.map((row) => iso(row.startedAt))}::timestamptz[],
        ${chunk.map((row) => iso(row.completedAt))}::timestamptz[]
      ) AS u("id", "productId", "workCenterId", "quantity", "status", "plannedStart", "dueAt", "releasedAt", "startedAt", "completedAt")
      WHERE o."tenantId" = gemba_current_tenant() AND o."id" = u."id"`;
  }
}

import { checkHealth } from "~/server/health";

export const dynamic = "force-dynamic";

/** For load balancers and the start script: 200 when Postgres and Redis answer, 503 otherwise. */
export async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
}

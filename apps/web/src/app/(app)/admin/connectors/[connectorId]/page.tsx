import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConnectorDetail } from "~/components/connectors/connector-detail";

export const metadata: Metadata = { title: "Connector" };

type TConnectorPageProps = {
  params: Promise<{ connectorId: string }>;
  searchParams: Promise<{ created?: string }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ConnectorPage({ params, searchParams }: TConnectorPageProps) {
  const [{ connectorId }, { created }] = await Promise.all([params, searchParams]);
  // Not an id at all (a mistyped URL): the plain 404 rather than an API error.
  if (!UUID.test(connectorId)) notFound();
  return <ConnectorDetail connectorId={connectorId} created={created === "1"} />;
}

import type { Metadata } from "next";
import { NewConnector } from "~/components/connectors/new-connector";

export const metadata: Metadata = { title: "Add connector" };

type TNewConnectorPageProps = { searchParams: Promise<{ kind?: string | string[] }> };

export default async function NewConnectorPage({ searchParams }: TNewConnectorPageProps) {
  const { kind } = await searchParams;
  return <NewConnector kind={typeof kind === "string" ? kind : null} />;
}

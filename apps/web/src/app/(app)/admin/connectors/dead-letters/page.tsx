import type { Metadata } from "next";
import { PlantDeadLetters } from "~/components/connectors/plant-dead-letters";

export const metadata: Metadata = { title: "Dead letters" };

type TDeadLettersPageProps = { searchParams: Promise<{ connector?: string | string[] }> };

export default async function DeadLettersPage({ searchParams }: TDeadLettersPageProps) {
  const { connector } = await searchParams;
  return <PlantDeadLetters connectorId={typeof connector === "string" ? connector : null} />;
}

import { prepareTemplateDatabase } from "./test-database";

/** Migrates the template database once, before any integration test file runs. */
export default async function setup(): Promise<void> {
  await prepareTemplateDatabase();
}

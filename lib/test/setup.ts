import { beforeEach } from "vitest";
import { useFreshDatabase } from "./db";

// Every test starts from a fresh in-memory database migrated by the real migrations.
beforeEach(() => {
  useFreshDatabase();
});

import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDefaultData } from "@/db/seed/seed";
import { systemActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { groupIdOf, refusal } from "@/lib/test/actors";
import { describeChanges, diffFields } from "./changes";
import { refuseIfStale } from "./conflict";
import { idList, jsonList } from "./fields";
import { reorder } from "./reorder";
import { slugify, uniqueSlug } from "./slug";
import { z } from "zod";

describe("reorder", () => {
  const rows = [
    { id: 1, position: 0 },
    { id: 2, position: 1 },
    { id: 3, position: 2 },
  ];

  it("swaps a record with its neighbour and returns only the rows that moved", () => {
    expect(reorder(rows, 2, "up")).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 1 },
    ]);
    expect(reorder(rows, 2, "down")).toEqual([
      { id: 3, position: 1 },
      { id: 2, position: 2 },
    ]);
  });

  it("does nothing at either end or for an unknown record", () => {
    expect(reorder(rows, 1, "up")).toBeNull();
    expect(reorder(rows, 3, "down")).toBeNull();
    expect(reorder(rows, 9, "up")).toBeNull();
  });

  it("renumbers duplicate positions (imported plans) in their shown order", () => {
    const shown = [
      { id: 5, position: 0 },
      { id: 4, position: 0 },
      { id: 6, position: 0 },
    ];
    // Moving 6 up shows 5, 6, 4.
    expect(reorder(shown, 6, "up")).toEqual([
      { id: 6, position: 1 },
      { id: 4, position: 2 },
    ]);
  });
});

describe("slugs", () => {
  it("makes lower-case hyphenated ASCII keys", () => {
    expect(slugify("Café & Bakery Network — Fresno!")).toBe("cafe-and-bakery-network-fresno");
    expect(slugify("   ")).toBe("item");
  });

  it("adds a number when the slug is taken", () => {
    const taken = new Set(["energy", "energy-2"]);
    expect(uniqueSlug("energy", (s) => taken.has(s))).toBe("energy-3");
    expect(uniqueSlug("water", (s) => taken.has(s))).toBe("water");
  });
});

describe("field rules", () => {
  it("reads id lists from a comma-separated field or an array, without duplicates", () => {
    expect(idList.parse("3, 7,,3")).toEqual([3, 7]);
    expect(idList.parse([4, "5"])).toEqual([4, 5]);
    expect(idList.parse(undefined)).toEqual([]);
    expect(idList.safeParse("3,x").success).toBe(false);
  });

  it("reads a JSON list and refuses text that is not JSON", () => {
    const list = jsonList(z.object({ a: z.number() }), "unreadable");
    expect(list.parse('[{"a":1}]')).toEqual([{ a: 1 }]);
    expect(list.parse("")).toEqual([]);
    expect(list.safeParse("{oops").error?.issues[0]?.message).toBe("unreadable");
  });
});

describe("diffFields", () => {
  it("returns only what differs, with arrays compared by value", () => {
    expect(diffFields({ a: 1, b: "x", c: [1, 2], d: null }, { a: 1, b: "y", c: [1, 2], d: undefined })).toEqual({ before: { b: "x" }, after: { b: "y" } });
    expect(diffFields({ a: 1 }, { a: 1 })).toBeNull();
  });
});

describe("stale versions", () => {
  it("name who changed the record, when, and what, with ids shown as names", () => {
    seedDefaultData();
    const db = getDb();
    const energy = groupIdOf("energy-wg");
    db.transaction((tx) => recordAudit(tx, systemActor("Ada Admin"), { action: "thing.update", entityType: "thing", entityId: 7, before: { title: "Old", workGroupId: null, isPriority: false }, after: { title: "New", workGroupId: energy, isPriority: true } }));
    // A move does not bump the version, so it is not reported as the other change.
    db.transaction((tx) => recordAudit(tx, systemActor("Mo Mover"), { action: "thing.move", entityType: "thing", entityId: 7, before: { position: 1 }, after: { position: 2 } }));

    const error = refusal(() => db.transaction((tx) => refuseIfStale(tx, { entityType: "thing", entityId: 7, noun: "thing", stored: 2, expected: 1, current: { title: "New" }, labels: { title: "Title", workGroupId: "Work group" } })));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^This thing was changed by Ada Admin at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it\./);
    expect(error.conflict).toMatchObject({ by: "Ada Admin", version: 2, current: { title: "New" }, changes: ["Title: “Old” → “New”", "Work group: (none) → Energy Work Group", "isPriority: no → yes"] });
  });

  it("pass when the version matches", () => {
    expect(getDb().transaction((tx) => refuseIfStale(tx, { entityType: "thing", entityId: 1, noun: "thing", stored: 3, expected: 3, current: {}, labels: {} }))).toBeUndefined();
  });

  it("describe a diff even when the audit entry is unreadable", () => {
    expect(getDb().transaction((tx) => describeChanges(tx, "not json", {}))).toEqual([]);
  });
});

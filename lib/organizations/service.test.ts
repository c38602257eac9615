import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actionChampions, organizations } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { organizationOptions } from "@/lib/editing/options";
import { auditOf, makeActor, refusal, tablesSnapshot } from "@/lib/test/actors";
import { listOrganizations, organizationFiltersSchema } from "./queries";
import { createOrganization, setOrganizationRetired, updateOrganization } from "./service";

let admin: ReturnType<typeof makeActor>;

beforeEach(() => {
  seedDefaultData();
  admin = makeActor("admin", "Ada Admin");
});

const org = (id: number) => getDb().select().from(organizations).where(eq(organizations.id, id)).get()!;
const list = (q: Record<string, string>) => listOrganizations(organizationFiltersSchema.parse(q)).rows.map((o) => o.name);

describe("createOrganization", () => {
  it("makes a unique slug from the name and audits it", () => {
    const a = createOrganization(admin, { name: "Valley Water Partners", acronym: "VWP", type: "nonprofit", website: "https://vwp.example.org" });
    expect(a).toMatchObject({ slug: "valley-water-partners", acronym: "VWP", website: "https://vwp.example.org" });
    expect(createOrganization(admin, { name: "Valley Water Partners!", type: "other" }).slug).toBe("valley-water-partners-2");
    expect(auditOf("organization", a.id)[0]).toMatchObject({ action: "organization.create" });
  });

  it("refuses a name already in the list in any case, and a website that is not http(s)", () => {
    const existing = getDb().select().from(organizations).limit(1).get()!;
    const before = tablesSnapshot();
    expect(refusal(() => createOrganization(admin, { name: existing.name.toUpperCase(), type: "other" })).fieldErrors?.name?.[0]).toBe(`“${existing.name}” is already in the list.`);
    expect(() => createOrganization(admin, { name: "Sneaky", type: "other", website: "javascript:alert(1)" })).toThrow(/https:\/\//);
    expect(tablesSnapshot()).toBe(before);
  });

  it("is refused to non-admins", () => {
    expect(refusal(() => createOrganization(makeActor("lead", "Lee", ["energy-wg"]), { name: "X", type: "other" })).code).toBe("FORBIDDEN");
  });
});

describe("updateOrganization", () => {
  it("edits fields but keeps the slug, and refuses a stale version naming the other change", () => {
    const a = createOrganization(admin, { name: "Fresno Growers", type: "business" });
    updateOrganization(admin, { organizationId: a.id, version: 1, name: "Fresno Growers Co-op", acronym: "FGC", type: "business", website: "" });
    expect(org(a.id)).toMatchObject({ slug: "fresno-growers", name: "Fresno Growers Co-op", acronym: "FGC", version: 2 });
    const error = refusal(() => updateOrganization(makeActor("admin", "Late Admin"), { organizationId: a.id, version: 1, name: "Fresno Growers", type: "nonprofit" }));
    expect(error.message).toMatch(/changed by Ada Admin at/);
    expect(error.conflict?.changes).toEqual(["Name: “Fresno Growers” → “Fresno Growers Co-op”", "Acronym: (none) → “FGC”"]);
  });
});

describe("setOrganizationRetired", () => {
  it("hides a retired organization from the list and pickers but keeps its champion links", () => {
    const champion = getDb().select().from(actionChampions).limit(1).get()!;
    const o = org(champion.organizationId);
    setOrganizationRetired(admin, { organizationId: o.id, version: o.version, retired: "true" });
    expect(org(o.id).retiredAt).not.toBeNull();
    expect(list({ q: o.name })).toEqual([]);
    expect(list({ q: o.name, retired: "1" })).toEqual([o.name]);
    expect(organizationOptions().some((x) => x.value === String(o.id))).toBe(false);
    // Offered again only where a record already points at it.
    expect(organizationOptions([o.id]).find((x) => x.value === String(o.id))?.label).toMatch(/\(retired\)$/);
    expect(getDb().select().from(actionChampions).where(eq(actionChampions.organizationId, o.id)).all().length).toBeGreaterThan(0);
    setOrganizationRetired(admin, { organizationId: o.id, version: o.version + 1, retired: "false" });
    expect(org(o.id).retiredAt).toBeNull();
  });
});

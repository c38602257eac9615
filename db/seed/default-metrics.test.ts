import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { addDefaultMetrics, seedDefaultData } from "./seed";

// A database seeded before metrics existed gets the SJV plan's default
// metrics once; a plan that has ever had a metric is left alone.
describe("addDefaultMetrics", () => {
  const count = () => (getDb().$client.prepare("select count(*) as n from metrics m join plans p on p.id = m.plan_id where p.slug = 'sjv-2012'").get() as { n: number }).n;

  it("adds the 11 defaults to an SJV plan without metrics, once", () => {
    seedDefaultData();
    getDb().$client.prepare("delete from metrics").run();
    expect(addDefaultMetrics()).toEqual({ added: 11 });
    expect(count()).toBe(11);
    expect(addDefaultMetrics()).toEqual({ added: 0 });
    expect(count()).toBe(11);
    const audit = getDb().$client.prepare("select action from audit_log where action = 'plan.default_metrics'").all();
    expect(audit).toHaveLength(1);
  });

  it("leaves a plan alone that has a metric, even a retired one, and a database without the plan", () => {
    seedDefaultData();
    getDb().$client.prepare("update metrics set retired_at = '2026-01-01T00:00:00.000Z' where key = 'valley-gdp'").run();
    getDb().$client.prepare("delete from metrics where key <> 'valley-gdp'").run();
    expect(addDefaultMetrics()).toEqual({ added: 0 });
    expect(count()).toBe(1);
  });

  it("does nothing in a database without the SJV plan", () => {
    expect(addDefaultMetrics()).toEqual({ added: 0 });
  });
});

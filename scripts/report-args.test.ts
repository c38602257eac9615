import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseReportArgs } from "./report-args";

const fails = (argv: string[]) => {
  try {
    parseReportArgs(argv);
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") return error.message;
    throw error;
  }
  throw new Error(`parsed: ${argv.join(" ")}`);
};

describe("parseReportArgs", () => {
  it("defaults to the current period and text output", () => {
    expect(parseReportArgs(["draft", "--plan", "sjv-2012"])).toEqual({ command: "draft", plan: "sjv-2012", period: "current", json: false });
  });

  it("takes a period label with spaces, and --json, in any order", () => {
    expect(parseReportArgs(["draft", "--json", "--period", "2014 Q2", "--plan", "sjv-2012"])).toEqual({ command: "draft", plan: "sjv-2012", period: "2014 Q2", json: true });
  });

  it("answers --help whatever else is given", () => {
    expect(parseReportArgs(["draft", "--help"])).toEqual({ command: "help" });
    expect(parseReportArgs(["-h"])).toEqual({ command: "help" });
  });

  it("refuses a missing or unknown command", () => {
    expect(fails([])).toMatch(/Usage/);
    expect(fails(["publish", "--plan", "x"])).toMatch(/Unknown command "publish"/);
  });

  it("refuses a missing plan, a missing value and stray arguments", () => {
    expect(fails(["draft"])).toMatch(/--plan <slug>/);
    expect(fails(["draft", "--plan"])).toMatch(/--plan needs a value/);
    expect(fails(["draft", "--plan", "--json"])).toMatch(/--plan needs a value/);
    expect(fails(["draft", "--plan", "a", "--period", " "])).toMatch(/--period needs a value/);
    expect(fails(["draft", "--plan", "a", "--plan", "b"])).toMatch(/given twice/);
    expect(fails(["draft", "--plan", "a", "2014"])).toMatch(/Unexpected argument "2014"/);
  });
});

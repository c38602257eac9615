import { describe, expect, it } from "vitest";
import { dedupeCodes, findOverlaps, isNaicsCode, isWithin, naicsAncestors, naicsChildCandidates, naicsLevel, naicsParent, naicsSectorCodes, normalizeNaicsCode, unionCodes } from "./naics";

describe("NAICS codes", () => {
  it("writes a range sector's 2-digit codes as BLS does", () => {
    expect(normalizeNaicsCode("31")).toBe("31-33");
    expect(normalizeNaicsCode("33")).toBe("31-33");
    expect(normalizeNaicsCode(" 45 ")).toBe("44-45");
    expect(normalizeNaicsCode("48")).toBe("48-49");
    expect(normalizeNaicsCode("31-33")).toBe("31-33");
    expect(normalizeNaicsCode("3111")).toBe("3111");
  });

  it("refuses BLS's aggregates and anything else that is not NAICS", () => {
    for (const bad of ["10", "101", "1011", "1", "1234567", "00", "31-32", "abc", ""]) {
      expect(isNaicsCode(bad)).toBe(false);
      expect(() => normalizeNaicsCode(bad)).toThrow(/not a NAICS code/);
    }
  });

  it("knows each code's level, parent and ancestors", () => {
    expect(naicsLevel("31-33")).toBe(2);
    expect(naicsLevel("111110")).toBe(6);
    expect(naicsParent("1111")).toBe("111");
    expect(naicsParent("311")).toBe("31-33");
    expect(naicsParent("11")).toBeNull();
    expect(naicsParent("31-33")).toBeNull();
    expect(naicsAncestors("311111")).toEqual(["31111", "3111", "311", "31-33"]);
    expect(isWithin("3111", "31-33")).toBe(true);
    expect(isWithin("3111", "3111")).toBe(true);
    expect(isWithin("3112", "3111")).toBe(false);
  });

  it("lists every code that could sit one level below a code, each with that code as its parent", () => {
    expect(naicsChildCandidates("111")).toEqual(["1110", "1111", "1112", "1113", "1114", "1115", "1116", "1117", "1118", "1119"]);
    expect(naicsChildCandidates("31-33")).toHaveLength(30);
    for (const code of ["11", "31-33", "44-45", "3111", "31111"]) for (const child of naicsChildCandidates(code)) expect(naicsParent(child)).toBe(code);
    expect(naicsChildCandidates("31")).toEqual([]);
    expect(naicsChildCandidates("311111")).toEqual([]);
    expect(naicsSectorCodes()).toEqual(expect.arrayContaining(["11", "31", "31-33", "92"]));
  });
});

describe("dedupeCodes", () => {
  it("drops a code whose ancestor is listed, whichever comes first", () => {
    // 1111 is inside 111; 311 is inside 31 = 31-33; 111 twice counts once.
    expect(dedupeCodes(["1111", "111", "311", "31", "111", "1121"])).toEqual({
      codes: ["111", "31-33", "1121"],
      dropped: [
        { code: "1111", coveredBy: "111" },
        { code: "311", coveredBy: "31-33" },
        { code: "111", coveredBy: "111" },
      ],
    });
  });

  it("unions lists counting every industry once", () => {
    expect(unionCodes([["1111", "3114"], ["111", "3115"]])).toEqual(["3114", "111", "3115"]);
  });
});

describe("findOverlaps", () => {
  it("finds equal, ancestor and descendant codes between two clusters", () => {
    expect(findOverlaps(["111", "3114", "4244"], ["1113", "31", "4245"])).toEqual([
      { a: "111", b: "1113", shared: "1113" },
      { a: "3114", b: "31-33", shared: "3114" },
    ]);
    expect(findOverlaps(["4244"], ["4244"])).toEqual([{ a: "4244", b: "4244", shared: "4244" }]);
    expect(findOverlaps(["4244"], ["4245"])).toEqual([]);
  });
});

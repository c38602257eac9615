import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsvBlocks } from "./csv-blocks";

// The fast path (udsv) and the careful one (csv-parse) must agree on rows and lines.

async function rowsAndLines(chunks: string[]) {
  const out: [number, string[]][] = [];
  for await (const block of readCsvBlocks(Readable.from(chunks))) block.rows.forEach((row, i) => out.push([block.lines?.[i] ?? block.firstLine + i, row]));
  return out;
}

describe("readCsvBlocks", () => {
  it("numbers well-formed lines, across chunks cut anywhere", async () => {
    expect(await rowsAndLines(['"a","b"\r\n"1","x', 'y"\r\n2,', "z\r\n"])).toEqual([[1, ["a", "b"]], [2, ["1", "xy"]], [3, ["2", "z"]]]);
  });

  it("skips empty lines and keeps counting them", async () => {
    expect(await rowsAndLines(["\na,b\n\n1,2\n\n3,4"])).toEqual([[2, ["a", "b"]], [4, ["1", "2"]], [6, ["3", "4"]]]);
  });

  it("reads a quoted value spanning lines, even across chunks, and numbers the lines after it", async () => {
    expect(await rowsAndLines(['a,b\n1,"two\n', 'lines"\n3,4\n'])).toEqual([[1, ["a", "b"]], [3, ["1", "two\nlines"]], [4, ["3", "4"]]]);
  });

  it("keeps an empty last value, and refuses a short or long row in the middle at its line", async () => {
    expect(await rowsAndLines(["a,b\n1,\n2,3\n"])).toEqual([[1, ["a", "b"]], [2, ["1", ""]], [3, ["2", "3"]]]);
    await expect(rowsAndLines(["a,b,c\n1,2,3\n4,5\n6,7,8\n"])).rejects.toMatchObject({ code: "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH", lines: 3 });
    await expect(rowsAndLines(['"a","b"\n"1","2"\n"3","4",5\n'])).rejects.toMatchObject({ code: "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH", lines: 3 });
  });
});

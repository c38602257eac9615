import { AppError } from "@/lib/errors";

// A refused employment file. AppError has no slot for a position, so this
// subclass carries where the problem is as data (for a UI that points at the
// cell) as well as in the message (for a CLI or a log). The message also goes
// under the "file" field, as the spreadsheet readers do, so a form shows it.

export interface FilePosition {
  file: string;
  /** The line as a text editor numbers it: the header is line 1. */
  line: number;
  /** The column's header name, when the problem is in one column. */
  column?: string;
}

export class EmploymentFileError extends AppError {
  readonly position: FilePosition;

  constructor(position: FilePosition, problem: string) {
    const where = position.column === undefined ? `line ${position.line}` : `line ${position.line}, column "${position.column}"`;
    const message = `${position.file}, ${where}: ${problem}`;
    super("INVALID_INPUT", message, { file: [message] });
    this.name = "EmploymentFileError";
    this.position = position;
  }
}

/** A value shown in a message: quoted, and cut short so one bad cell cannot flood a log. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

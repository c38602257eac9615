import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export function isSmtpConfigured(): boolean {
  return Boolean(process.env.SMTP_HOST);
}

// Sends through the SMTP server in SMTP_HOST/SMTP_PORT/SMTP_USER/SMTP_PASSWORD
// when one is configured; returns false when none is, so callers show the link instead.
export async function sendMail(mail: Mail): Promise<boolean> {
  if (!isSmtpConfigured()) return false;
  const port = Number(process.env.SMTP_PORT ?? 587);
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port,
    secure: port === 465,
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
  });
  await transport.sendMail({ from: process.env.SMTP_FROM ?? "Cluster Action Tracker <no-reply@localhost>", ...mail });
  return true;
}

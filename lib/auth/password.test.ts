import { describe, expect, it } from "vitest";
import { generateOneTimePassword, hashPassword, isCommonPassword, passwordSchema, verifyPassword } from "./password";

describe("password policy", () => {
  it("accepts 8 to 128 characters with no composition rules", () => {
    expect(passwordSchema.safeParse("plain lowercase words").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(7) + "q").success).toBe(true);
    expect(passwordSchema.safeParse("short").success).toBe(false);
    expect(passwordSchema.safeParse("y".repeat(129)).success).toBe(false);
    expect(passwordSchema.safeParse("z".repeat(128)).success).toBe(true);
  });

  it("rejects the most common passwords, whatever their case", () => {
    expect(isCommonPassword("Password1")).toBe(true);
    const result = passwordSchema.safeParse("QWERTY123");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too common/);
  });
});

describe("hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const h = await hashPassword("correct horse battery staple");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(h).toContain("m=19456,t=2,p=1");
    expect(await verifyPassword(h, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(h, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("generates distinct one-time passwords that pass the policy", () => {
    const a = generateOneTimePassword();
    const b = generateOneTimePassword();
    expect(a).toHaveLength(20);
    expect(a).not.toBe(b);
    expect(passwordSchema.safeParse(a).success).toBe(true);
  });
});

import { z } from "zod";
import { USER_ROLES } from "@/db/schema/enums";
import { passwordSchema } from "@/lib/auth/password";

// Shared by the forms (field errors) and the services (the real check).
export const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address."));
export const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
export const roleSchema = z.enum(USER_ROLES, { message: "Choose a role." });
const idList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).max(500));

export const inviteUserSchema = z.object({ email: emailSchema, role: roleSchema, workGroupIds: idList });
export const createUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, workGroupIds: idList });
export const acceptInvitationSchema = z.object({ token: z.string().min(10).max(200), name: nameSchema, password: passwordSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const setUserActiveSchema = z.object({ userId: z.coerce.number().int().positive(), isActive: z.enum(["true", "false"]).transform((v) => v === "true") });
export const changeRoleSchema = z.object({ userId: z.coerce.number().int().positive(), role: roleSchema });
export const userIdSchema = z.object({ userId: z.coerce.number().int().positive() });
export const updateProfileSchema = z.object({ name: nameSchema });
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(128), newPassword: passwordSchema, confirmPassword: z.string().max(128) })
  .refine((d) => d.newPassword === d.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." });
export const membershipSchema = z.object({
  workGroupId: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
  role: z.enum(["lead", "member", "none"]),
});

export type InviteUserInput = z.input<typeof inviteUserSchema>;

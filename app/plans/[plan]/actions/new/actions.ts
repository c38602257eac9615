"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/actions/service";
import { formAction } from "@/lib/forms/form-action";

export const createActionAction = formAction((input, actor) => {
  const row = createAction(actor, input);
  revalidatePath("/plans/[plan]", "layout");
  redirect(`/actions/${row.id}`);
});

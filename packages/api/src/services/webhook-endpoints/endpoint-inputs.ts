import { z } from "zod";

export const ENDPOINT_NAME_MAX_LENGTH = 80;

/** Where rule webhooks are POSTed: http(s) only, no credentials in the address (the signature authenticates). */
export const ZEndpointUrl = z
  .string()
  .trim()
  .min(1, "Enter the address the webhook is sent to, e.g. https://hooks.example.com/gemba.")
  .max(2000, "Keep the address to 2000 characters or fewer.")
  .superRefine((text, context) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      context.addIssue({
        code: "custom",
        message: "Enter a full address starting with https:// (or http:// inside the plant network).",
      });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      context.addIssue({ code: "custom", message: "Only https:// and http:// addresses can receive webhooks." });
    }
    if (url.username || url.password) {
      context.addIssue({
        code: "custom",
        message: "Leave user name and password out of the address: the receiver checks the signature instead.",
      });
    }
  });

export const ZCreateEndpointInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the endpoint a name, e.g. “Maintenance system”.")
    .max(ENDPOINT_NAME_MAX_LENGTH, `Keep the name to ${ENDPOINT_NAME_MAX_LENGTH} characters or fewer.`),
  url: ZEndpointUrl,
});
export type TCreateEndpointInput = z.infer<typeof ZCreateEndpointInput>;

export const ZEndpointRefInput = z.object({ endpointId: z.uuid() });
export const ZSetEndpointEnabledInput = z.object({ endpointId: z.uuid(), enabled: z.boolean() });

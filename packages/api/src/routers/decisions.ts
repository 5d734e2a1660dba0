import { router } from "../trpc";

export const decisionsRouter = router({});

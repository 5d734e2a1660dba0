import { router } from "../trpc";

export const reasonsRouter = router({});

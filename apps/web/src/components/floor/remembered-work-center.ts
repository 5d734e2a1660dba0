/** The work center this tablet stands at, kept across reloads and sign-ins (it is the device's, not the person's). */
const KEY = "gemba.floor.workCenterId";

export function rememberedWorkCenter(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberWorkCenter(workCenterId: string): void {
  try {
    window.localStorage.setItem(KEY, workCenterId);
  } catch {
    // Storage refused (private mode, quota): the tablet simply asks again next time.
  }
}

export function forgetWorkCenter(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

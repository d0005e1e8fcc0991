/** The number a user is reached at: the `phone` attribute or the custom user field the admin chose. */
export interface PhoneFacts {
  phone?: string | null;
  user_fields?: Record<string, unknown> | null;
}

export const SYSTEM_PHONE_FIELD = 'phone';

export function phoneOf(user: PhoneFacts, phoneField: string): string | undefined {
  const value = phoneField === SYSTEM_PHONE_FIELD ? user.phone : user.user_fields?.[phoneField];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

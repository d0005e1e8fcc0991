import { problem, type TemplateRule } from './problem';
import { SMS_MAX_CHARACTERS, smsPreview } from './smsPreview';

/** Twilio refuses bodies over 1,600 characters; counted as the SMS preview counts them, samples in place. */
export const smsBodyLength: TemplateRule = (draft) => {
  const length = smsPreview(draft.body).characters;
  return length > SMS_MAX_CHARACTERS ? [problem('sms-body-too-long', 'body', { length, max: SMS_MAX_CHARACTERS })] : [];
};

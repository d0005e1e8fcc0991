import { SegmentedMessage } from 'sms-segments-calculator';
import { fillSamples } from './placeholders';

/**
 * What an SMS costs and holds. A segment carries 140 bytes: 160 GSM-7 characters, or 70 UCS-2
 * ones as soon as one character is outside GSM-7 (an emoji, `ł`); a long message loses 6 bytes
 * per segment to the header that joins the parts (153 / 67). GSM-7's extension characters
 * (`€ [ ] { } ^ ~ \ |`) take two places. The segment calculator is Twilio's.
 */
export interface SmsPreview {
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  characters: number;
  /** What still fits in the last segment before another one starts. */
  charactersLeft: number;
  /** Each character that forces UCS-2, once, in the order they appear. */
  nonGsmCharacters: string[];
}

/** Twilio's cap on an SMS body. */
export const SMS_MAX_CHARACTERS = 1600;

const BITS_PER_UNIT = { 'GSM-7': 7, 'UCS-2': 16 } as const;

export function smsPreview(body: string, values?: readonly (string | undefined)[]): SmsPreview {
  const text = fillSamples(body, values);
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName;
  const lastSegment = message.segments.at(-1);
  const freeBits = lastSegment ? lastSegment.freeSizeInBits() : 0;
  return {
    text,
    encoding,
    // An empty message is not sent: it costs nothing.
    segments: text === '' ? 0 : message.segmentsCount,
    characters: message.numberOfCharacters,
    charactersLeft: Math.floor(freeBits / BITS_PER_UNIT[encoding]),
    nonGsmCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

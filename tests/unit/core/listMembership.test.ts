import { describe, expect, it } from 'vitest';
import { canUnlist, entriesToUnlist, entryToList, listMembership, listStanding, type ListEntryIdentity } from '../../../src/core/contact/listMembership';

const person = { userId: 42, phone: '+33612345678' };

const entries: ListEntryIdentity[] = [
  { list: 'block', userId: 42, phone: null },
  { list: 'block', userId: null, phone: '+33612345678' },
  { list: 'block', userId: 7, phone: '+33699999999' },
  { list: 'allow', userId: 8, phone: '+33612345678' },
];

describe('listMembership', () => {
  it("tells the user's own entry from their number's and from another user's entry with the same number", () => {
    expect(listMembership(entries, 'block', person)).toEqual({ byUser: true, byPhone: true, byOtherUsersEntry: false });
    // Another user's entry that holds the same number lists this person too, as eligibility reads it.
    expect(listMembership(entries, 'allow', person)).toEqual({ byUser: false, byPhone: false, byOtherUsersEntry: true });
    expect(listMembership(entries, 'allow', { userId: 42, phone: undefined })).toEqual({ byUser: false, byPhone: false, byOtherUsersEntry: false });
  });

  it('never matches a person without a number through entries without a number', () => {
    expect(listMembership([{ list: 'block', userId: null, phone: null }], 'block', { userId: 1, phone: undefined })).toEqual({
      byUser: false,
      byPhone: false,
      byOtherUsersEntry: false,
    });
  });
});

describe('listStanding', () => {
  it('lets the allow list win over the block list', () => {
    expect(listStanding({ blocked: true, allowed: true })).toBe('allowed');
    expect(listStanding({ blocked: false, allowed: true })).toBe('allowed');
    expect(listStanding({ blocked: true, allowed: false })).toBe('blocked');
    expect(listStanding({ blocked: false, allowed: false })).toBe('none');
  });
});

describe('changing the lists for one person', () => {
  it("removes the person's own entries, by user or by their number alone, and never another user's", () => {
    expect(entriesToUnlist(entries, 'block', person)).toEqual([entries[0], entries[1]]);
    expect(entriesToUnlist(entries, 'allow', person)).toEqual([]);
    expect(entriesToUnlist(entries, 'block', { userId: 99, phone: undefined })).toEqual([]);
  });

  it("cannot take the person off a list that holds them through another user's entry", () => {
    expect(canUnlist(listMembership(entries, 'block', person))).toBe(true);
    expect(canUnlist(listMembership(entries, 'allow', person))).toBe(false);
  });

  it('adds them by user id only, so that other users of the same number stay as they are', () => {
    expect(entryToList('block', person)).toEqual({ list: 'block', userId: 42, phone: null });
  });
});

import { DAY, isoSeconds } from './time';

/** The few organizations end users belong to, and their JSON as the Support API returns it. */

export interface OrganizationRecord {
  id: number;
  name: string;
  domainNames: string[];
  tags: string[];
  details: string;
  createdAt: number;
  updatedAt: number;
}

const SEEDED: ReadonlyArray<Omit<OrganizationRecord, 'createdAt' | 'updatedAt'> & { ageDays: number }> = [
  { id: 360000000101, name: 'Boulangerie Lemoine', domainNames: ['lemoine.example.fr'], tags: ['retail'], details: 'Chaîne de boulangeries, Lyon', ageDays: 1200 },
  { id: 360000000102, name: 'Atelier Mistral', domainNames: ['mistral.example.fr'], tags: ['b2b', 'vip'], details: 'Ateliers de couture, Marseille', ageDays: 1100 },
  { id: 360000000103, name: 'Nordwind GmbH', domainNames: ['nordwind.example.de'], tags: ['b2b'], details: 'Logistik, Hamburg', ageDays: 950 },
  { id: 360000000104, name: 'Sol y Mar SL', domainNames: ['solymar.example.es'], tags: ['travel'], details: 'Agencia de viajes, Valencia', ageDays: 700 },
  { id: 360000000105, name: 'Harbor & Co', domainNames: ['harbor.example.com'], tags: ['retail'], details: 'Outdoor gear, Boston', ageDays: 400 },
];

export function seedOrganizations(now: number): OrganizationRecord[] {
  return SEEDED.map(({ ageDays, ...organization }) => ({
    ...organization,
    domainNames: [...organization.domainNames],
    tags: [...organization.tags],
    createdAt: now - ageDays * DAY,
    updatedAt: now - Math.floor(ageDays / 3) * DAY,
  }));
}

export function organizationJson(organization: OrganizationRecord, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/organizations/${organization.id}.json`,
    id: organization.id,
    name: organization.name,
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    created_at: isoSeconds(organization.createdAt),
    updated_at: isoSeconds(organization.updatedAt),
    domain_names: [...organization.domainNames],
    details: organization.details,
    notes: '',
    group_id: null,
    tags: [...organization.tags],
    organization_fields: {},
  };
}

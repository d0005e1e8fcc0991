/**
 * Who the seeded end users are, per country: plausible names, the Zendesk locale they would pick,
 * their time zone (Rails name as `time_zone`, IANA name as `iana_time_zone`) and the share of the
 * customer base. The phone formats live in `phones.ts`.
 */

export type CountryCode = 'FR' | 'BE' | 'CH' | 'DE' | 'ES' | 'GB' | 'US' | 'BR' | 'IN' | 'MA';

export interface LocaleChoice {
  locale: string;
  localeId: number;
}

export interface TimeZoneChoice {
  /** Zendesk (Rails) time zone name. */
  name: string;
  iana: string;
}

export interface CountryProfile {
  code: CountryCode;
  /** Relative share of the end users. */
  weight: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  locales: readonly LocaleChoice[];
  /** Used unless the phone number says otherwise (US area codes carry their own zone). */
  timeZone: TimeZoneChoice;
  emailDomains: readonly string[];
}

const FR_LOCALE: LocaleChoice = { locale: 'fr', localeId: 16 };
const DE_LOCALE: LocaleChoice = { locale: 'de', localeId: 8 };

export const COUNTRIES: Readonly<Record<CountryCode, CountryProfile>> = {
  FR: {
    code: 'FR',
    weight: 40,
    firstNames: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Julie', 'Emma', 'Louise', 'Clarice', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Théo', 'Mathis', 'Antoine', 'Maxime', 'Thomas', 'Nicolas', 'Élodie', 'Amandine'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Girard', 'Bonnet'],
    locales: [FR_LOCALE],
    timeZone: { name: 'Paris', iana: 'Europe/Paris' },
    emailDomains: ['example.fr', 'mail.example.fr', 'example.com'],
  },
  BE: {
    code: 'BE',
    weight: 8,
    firstNames: ['Lotte', 'Emma', 'Louise', 'Olivia', 'Noor', 'Arthur', 'Noah', 'Jules', 'Lucas', 'Victor', 'Elise', 'Wout'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Dupont', 'Lambert', 'Dumont', 'Wouters'],
    locales: [FR_LOCALE, { locale: 'nl', localeId: 9 }],
    timeZone: { name: 'Brussels', iana: 'Europe/Brussels' },
    emailDomains: ['example.be', 'example.com'],
  },
  CH: {
    code: 'CH',
    weight: 5,
    firstNames: ['Mia', 'Lara', 'Elena', 'Anna', 'Noah', 'Liam', 'Luca', 'Gabriel', 'Leon', 'Matteo', 'Nina', 'Céline'],
    lastNames: ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Favre', 'Rochat'],
    locales: [DE_LOCALE, FR_LOCALE],
    timeZone: { name: 'Bern', iana: 'Europe/Zurich' },
    emailDomains: ['example.ch', 'example.com'],
  },
  DE: {
    code: 'DE',
    weight: 8,
    firstNames: ['Sophie', 'Marie', 'Hannah', 'Lena', 'Lea', 'Anna', 'Ben', 'Paul', 'Jonas', 'Felix', 'Maximilian', 'Finn', 'Jan', 'Lukas'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'],
    locales: [DE_LOCALE],
    timeZone: { name: 'Berlin', iana: 'Europe/Berlin' },
    emailDomains: ['example.de', 'example.com'],
  },
  ES: {
    code: 'ES',
    weight: 7,
    firstNames: ['Lucía', 'Sofía', 'Martina', 'María', 'Paula', 'Julia', 'Hugo', 'Martín', 'Pablo', 'Alejandro', 'Daniel', 'Álvaro'],
    lastNames: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz'],
    locales: [{ locale: 'es', localeId: 2 }],
    timeZone: { name: 'Madrid', iana: 'Europe/Madrid' },
    emailDomains: ['example.es', 'example.com'],
  },
  GB: {
    code: 'GB',
    weight: 8,
    firstNames: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Grace', 'Oliver', 'George', 'Harry', 'Jack', 'Charlie', 'Oscar'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker'],
    locales: [{ locale: 'en-GB', localeId: 1176 }],
    timeZone: { name: 'London', iana: 'Europe/London' },
    emailDomains: ['example.co.uk', 'example.com'],
  },
  US: {
    code: 'US',
    weight: 10,
    firstNames: ['Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Liam', 'Noah', 'James', 'William', 'Ethan', 'Mason', 'Logan', 'Harper'],
    lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Clark', 'Lewis'],
    locales: [{ locale: 'en-US', localeId: 1 }],
    timeZone: { name: 'Eastern Time (US & Canada)', iana: 'America/New_York' },
    emailDomains: ['example.com', 'example.net'],
  },
  BR: {
    code: 'BR',
    weight: 5,
    firstNames: ['Ana', 'Beatriz', 'Júlia', 'Mariana', 'Larissa', 'Gabriela', 'João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Matheus'],
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro'],
    locales: [{ locale: 'pt-BR', localeId: 19 }],
    timeZone: { name: 'Brasilia', iana: 'America/Sao_Paulo' },
    emailDomains: ['example.com.br', 'example.com'],
  },
  IN: {
    code: 'IN',
    weight: 5,
    firstNames: ['Aarav', 'Vivaan', 'Aditya', 'Arjun', 'Rohan', 'Ishaan', 'Ananya', 'Diya', 'Priya', 'Saanvi', 'Kavya', 'Meera'],
    lastNames: ['Sharma', 'Verma', 'Gupta', 'Patel', 'Singh', 'Kumar', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Joshi', 'Rao'],
    locales: [{ locale: 'en-US', localeId: 1 }, { locale: 'en-GB', localeId: 1176 }],
    timeZone: { name: 'New Delhi', iana: 'Asia/Kolkata' },
    emailDomains: ['example.in', 'example.com'],
  },
  MA: {
    code: 'MA',
    weight: 4,
    firstNames: ['Yasmine', 'Salma', 'Imane', 'Khadija', 'Nour', 'Rania', 'Youssef', 'Mehdi', 'Omar', 'Amine', 'Hamza', 'Karim'],
    lastNames: ['Alaoui', 'Benali', 'El Amrani', 'Bennani', 'Tazi', 'Idrissi', 'Chraibi', 'Berrada', 'Lahlou', 'Fassi', 'Haddad', 'Naciri'],
    locales: [FR_LOCALE, { locale: 'ar', localeId: 66 }],
    timeZone: { name: 'Casablanca', iana: 'Africa/Casablanca' },
    emailDomains: ['example.ma', 'example.com'],
  },
};

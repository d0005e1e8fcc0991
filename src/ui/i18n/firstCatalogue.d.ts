// The first namespaces of a catalogue (firstNamespaces.ts), made by the build (vite.config.ts).
declare module 'virtual:herald/firstCatalogue-*' {
  const catalogue: Record<string, unknown>;
  export default catalogue;
}

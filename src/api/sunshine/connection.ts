/** Where the app's Sunshine Conversations API lives: base URL (without version) and app id. */
export interface SunshineConnection {
  baseUrl: string;
  appId: string;
}

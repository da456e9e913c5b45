/** Where an order ships: an ISO 3166-1 alpha-2 country and, optionally, a region (state, county). */
export interface Destination {
  country: string;
  region: string | null;
}

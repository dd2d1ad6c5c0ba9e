/** A valid app profile as the settings file holds it, for the settings tests. */
export const PROFILE = {
  id: 'events-sg',
  label: 'Events SG',
  sdkAppId: 1400123456,
  identifier: 'administrator',
  region: 'singapore',
};

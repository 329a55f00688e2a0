import { expect } from '@open-wc/testing';
import { consentSignals } from '../src/standards/consent-mode.js';
import type { Vendor } from '../src/core/vendor.js';

const vendor = (id: string, purpose: Vendor['purpose'], consentMode?: string[]): Vendor => ({ id, name: id, purpose, hosts: [], cookies: [], consentMode });

describe('Google Consent Mode signals', () => {
  it('maps purposes to signals; a signal needs every vendor that drives it', () => {
    const vendors = [vendor('ga', 'analytics'), vendor('chartbeat', 'analytics'), vendor('ads', 'advertising')];
    const signals = consentSignals(vendors, { ga: true, chartbeat: false, ads: true });
    expect(signals).to.deep.equal({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
  });

  it('a vendor\'s own mapping replaces its purpose\'s', () => {
    const vendors = [vendor('ga', 'analytics', ['analytics_storage']), vendor('chartbeat', 'analytics', [])];
    expect(consentSignals(vendors, { ga: true, chartbeat: false }).analytics_storage).to.equal('granted');
    expect(consentSignals(vendors, { ga: false, chartbeat: true }).analytics_storage).to.equal('denied');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { loadSettings, saveSettings, settingsItem } from '../../lib/storage';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('settings storage', () => {
  it('saves and loads the settings, repairing what storage holds', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, firstMentionOnly: true });
    expect((await loadSettings()).firstMentionOnly).toBe(true);
    await fakeBrowser.storage.sync.set({ settings: { firstMentionOnly: 'yes', hoverDelayMs: 400 } });
    const repaired = await loadSettings();
    expect(repaired.firstMentionOnly).toBe(false);
    expect(repaired.hoverDelayMs).toBe(400);
  });

  it('explains a full sync quota instead of failing silently', async () => {
    vi.spyOn(settingsItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(/too large for browser sync/);
  });
});

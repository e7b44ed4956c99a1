import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode must not try to download or open a browser on these machines.
export default defineWebExtConfig({ disabled: true });

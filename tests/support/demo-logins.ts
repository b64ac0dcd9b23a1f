/** The demo clinic's front-desk login (seeded by `main.ts --demo`; demo only). */
export const FRONT_DESK = { username: 'frontdesk', password: 'demo-frontdesk-2026' };
export const OFFICE_MANAGER = { username: 'manager', password: 'demo-manager-2026' };
export const ADMIN = { username: 'admin', password: 'demo-admin-2026' };

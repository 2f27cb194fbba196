// A module imported by the module-level fixture.
export const SSH: u16 = 22;

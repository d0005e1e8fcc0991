import styled from 'styled-components';

/** The compact column every sidebar location renders into; its height drives the iframe resize. */
export const SidebarRoot = styled.main`
  padding: ${(p) => p.theme.space.sm};
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

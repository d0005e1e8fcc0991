import { getColor } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';

/** One part of the user sidebar, set apart by a rule: tight spacing, as the sidebar is narrow. */
export const SidebarBlock = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
  padding-top: ${(p) => p.theme.space.sm};
  border-top: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
  min-width: 0;
`;

/** The block's title: a real heading, for screen-reader navigation, at sidebar size. */
export function SidebarHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <MD tag="h2" isBold id={id} style={{ margin: 0 }}>
      {children}
    </MD>
  );
}

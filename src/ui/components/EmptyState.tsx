import { getColor } from '@zendeskgarden/react-theming';
import { MD, Paragraph } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';

const Box = styled.div`
  border: 1px dashed ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
  text-align: center;
`;

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box>
      <MD isBold>{title}</MD>
      {children && <Paragraph>{children}</Paragraph>}
    </Box>
  );
}

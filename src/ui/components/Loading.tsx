import { getColor } from '@zendeskgarden/react-theming';
import { Dots } from '@zendeskgarden/react-loaders';
import styled from 'styled-components';

const Row = styled.div`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm} 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

/** A loading line that screen readers announce. */
export function Loading({ label }: { label: string }) {
  return (
    <Row role="status" aria-live="polite">
      <Dots size={20} aria-hidden="true" />
      <span>{label}</span>
    </Row>
  );
}

import { LG, Paragraph } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';

const Wrapper = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  margin-bottom: ${(p) => p.theme.space.lg};
`;

/** A titled block of a page; the title is a real heading for screen-reader navigation. */
export function Section({ title, intro, children, level = 2 }: { title: string; intro?: string; children: ReactNode; level?: 2 | 3 }) {
  return (
    <Wrapper aria-label={title}>
      <LG tag={`h${level}`} isBold>
        {title}
      </LG>
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </Wrapper>
  );
}

import { LG, Paragraph } from '@zendeskgarden/react-typography';
import { useEffect, useRef, type ReactNode } from 'react';
import styled from 'styled-components';

const Wrapper = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  margin-bottom: ${(p) => p.theme.space.lg};
`;

interface SectionProps {
  title: string;
  intro?: string;
  children: ReactNode;
  level?: 2 | 3;
  /**
   * When the content of a page is replaced (a view opened, a setup done), the control that was used
   * is gone and the focus would fall back to the document: give a number here, and the title takes
   * the focus when the section appears with it or whenever it changes (0 leaves the focus alone).
   */
  focusKey?: number;
}

/** A titled block of a page; the title is a real heading for screen-reader navigation. */
export function Section({ title, intro, children, level = 2, focusKey }: SectionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey) heading.current?.focus();
  }, [focusKey]);
  return (
    <Wrapper aria-label={title}>
      <LG tag={`h${level}`} isBold ref={heading} tabIndex={focusKey === undefined ? undefined : -1}>
        {title}
      </LG>
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </Wrapper>
  );
}

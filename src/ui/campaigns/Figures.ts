import styled from 'styled-components';

/** A campaign's figures side by side, each term over its number: a real `<dl>` for screen readers. */
export const Figures = styled.dl`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
  gap: ${(p) => p.theme.space.sm};
  margin: 0;

  & dd {
    margin: 0;
    font-size: ${(p) => p.theme.fontSizes.lg};
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`;

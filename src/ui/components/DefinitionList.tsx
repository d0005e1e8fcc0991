import styled from 'styled-components';

/** Terms and their values side by side (a summary of a campaign, a plan): a real `<dl>` for screen readers. */
export const DefinitionList = styled.dl`
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.md};
  margin: 0;

  & dt {
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }

  & dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

import styled from 'styled-components';

/** Tags and a short text on one line, wrapping in a narrow sidebar. */
export const TagLine = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
`;

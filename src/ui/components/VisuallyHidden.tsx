import styled from 'styled-components';

/** Text for screen readers only (a column header whose cells are buttons, for example). */
export const VisuallyHidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

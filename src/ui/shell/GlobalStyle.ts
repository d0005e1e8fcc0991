import { getColor } from '@zendeskgarden/react-theming';
import { createGlobalStyle } from 'styled-components';

export const GlobalStyle = createGlobalStyle`
  html, body {
    margin: 0;
    font-family: ${(p) => p.theme.fonts.system};
    font-size: ${(p) => p.theme.fontSizes.md};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
    background: transparent;
  }
`;

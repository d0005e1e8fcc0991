import type { IGardenTheme } from '@zendeskgarden/react-theming';
import 'styled-components';

// Styled components read Garden's theme (spacing, palette, fonts) through `props.theme`.
declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}

import type { ReactNode } from 'react';
import type { FormattedNode } from '../../core/template/formatting';

/** WhatsApp formatting as elements: text is only ever text, never parsed as HTML. */
export function FormattedText({ nodes }: { nodes: readonly FormattedNode[] }): ReactNode {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'mono':
        return <code key={index}>{node.text}</code>;
      case 'bold':
        return (
          <strong key={index}>
            <FormattedText nodes={node.children} />
          </strong>
        );
      case 'italic':
        return (
          <em key={index}>
            <FormattedText nodes={node.children} />
          </em>
        );
      case 'strike':
        return (
          <s key={index}>
            <FormattedText nodes={node.children} />
          </s>
        );
    }
  });
}

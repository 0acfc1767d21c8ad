/** TEMPORARY: today's /accusations/network JSON as cytoscape elements.

Delete this file once `format=cytoscape` is merged (branch apiclients): the API then answers
NetworkElements itself and `networkElements` only passes them through.
*/

import type { AccusationNetwork, NetworkElements } from './types';

export function networkElements(answer: AccusationNetwork | NetworkElements): NetworkElements {
  if ('elements' in answer) return answer;
  return {
    truncated: answer.truncated,
    elements: {
      nodes: answer.nodes.map((node) => ({ data: { ...node, label: node.name } })),
      edges: answer.edges.map((edge) => ({ data: { ...edge, id: `${edge.source}->${edge.target}` } })),
    },
  };
}

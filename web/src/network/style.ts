/** How the accusation network looks: size by activity, width by count, mutual accusations in red. */

import type cytoscape from 'cytoscape';

export const MUTUAL_COLOUR = '#c2410c';
const EDGE_COLOUR = '#64748b';

/** The style; `large` graphs draw straight edges (no curve fitting per edge). */
export function networkStyle(maxCount: number, large: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        color: '#1f2937',
        'background-color': '#94a3b8',
        width: 'data(size)',
        height: 'data(size)',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[kind = "state"]', style: { 'background-color': '#2563eb' } },
    { selector: 'node[kind = "intergovernmental_org"]', style: { 'background-color': '#0d9488' } },
    { selector: 'node[kind = "person"]', style: { 'background-color': '#a855f7' } },
    {
      selector: 'edge',
      style: {
        width: maxCount > 1 ? `mapData(accusation_count, 1, ${maxCount}, 1.5, 9)` : 2,
        // bezier separates the two directions of a mutual pair; straight is cheaper for big graphs.
        'curve-style': large ? 'straight' : 'bezier',
        'line-color': EDGE_COLOUR,
        'target-arrow-color': EDGE_COLOUR,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        opacity: 0.85,
      },
    },
    {
      selector: 'edge[?mutual]',
      style: { 'line-color': MUTUAL_COLOUR, 'target-arrow-color': MUTUAL_COLOUR, 'line-style': 'solid' },
    },
    { selector: '.chosen', style: { 'border-width': 3, 'border-color': '#1d4ed8', 'font-weight': 'bold' } },
    { selector: 'edge:selected, edge.shown', style: { 'line-color': '#111827', 'target-arrow-color': '#111827', 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}

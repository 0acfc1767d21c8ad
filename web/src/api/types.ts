/** The API's answers the workbench reads, mirroring schema/*.py (tests/browser/test_api_types.py checks the names). */

import type { DateInfo } from '../dates/format';

export interface ActorRef {
  id: string;
  name: string;
  kind: string;
}

export interface ActorRole extends ActorRef {
  role: string | null;
}

export interface PlaceRef {
  id: string;
  name: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface SourceRef {
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: string | null;
}

export interface Evidence {
  sources: SourceRef[];
  quote: string | null;
}

export interface NodeRef {
  id: string;
  label: string;
  name: string | null;
  date: DateInfo | null;
}

export interface TimelineItem {
  id: string;
  kind: 'event' | 'statement';
  date: DateInfo | null;
  approximate: boolean;
  title: string | null;
  summary: string | null;
  quote: string | null;
  type: string | null;
  stance: string | null;
  verbatim: boolean | null;
  fatalities_best: number | null;
  actors: ActorRole[];
  place: PlaceRef | null;
  sources: SourceRef[];
}

export interface TimelinePage {
  items: TimelineItem[];
  next_cursor: string | null;
}

export interface VisItem {
  id: string;
  content: string;
  start: string;
  end?: string | null;
  type: string;
  group: string;
  title?: string | null;
  className: string;
}

export interface VisTimeline {
  items: VisItem[];
  groups: { id: string; content: string }[];
}

export interface Participant {
  actor: ActorRef;
  role: string | null;
  relationship_id: string;
  evidence: Evidence;
}

export interface RelatedNode {
  relationship: string;
  direction: string;
  node: NodeRef;
  relationship_id: string;
  evidence: Evidence;
}

export interface StatementAbout {
  relationship: string;
  statement: NodeRef;
  stance: string | null;
  speakers: ActorRef[];
  relationship_id: string;
  evidence: Evidence;
}

/** Another provider's report of the same incident, with why it was linked (GET /events/{id}). */
export interface IncidentReport {
  dataset: string | null;
  id: string;
  title: string | null;
  link: { score: number; reasons: string[] };
}

export interface EventDetail extends TimelineItem {
  fatalities_low: number | null;
  fatalities_high: number | null;
  dataset: string | null;
  provider_id: string | null;
  source_url: string | null;
  participants: Participant[];
  related: RelatedNode[];
  statements: StatementAbout[];
  incident?: { id: string; other_reports: IncidentReport[] } | null;
}

export interface Target {
  relationship: string;
  actor: ActorRef;
  charge: string | null;
  relationship_id: string;
  evidence: Evidence;
}

export interface Verdict {
  by: ActorRef;
  rating: string | null;
  rating_normalized: string | null;
  date: DateInfo | null;
  relationship_id: string;
  evidence: Evidence;
}

export interface StatementDetail extends TimelineItem {
  dataset: string | null;
  provider_id: string | null;
  targets: Target[];
  subjects: RelatedNode[];
  responses: RelatedNode[];
  verdicts: Verdict[];
  supports: RelatedNode[];
  supported_by: RelatedNode[];
  contradicts: RelatedNode[];
  contradicted_by: RelatedNode[];
}

export interface ActorSummary extends ActorRef {
  aliases: string[];
  country: string | null;
  description: string | null;
}

export interface ActorPage {
  items: ActorSummary[];
  next_cursor: string | null;
}

export interface Affiliation {
  actor: ActorRef;
  role: string;
  title: string | null;
  valid: DateInfo | null;
  relationship_id: string;
  evidence: Evidence;
}

export interface ActorProfile extends ActorSummary {
  affiliations: Affiliation[];
  affiliates: Affiliation[];
  evidence: Evidence;
}

export interface Relation {
  actor: ActorRef;
  type: string;
  direction: string;
  relationship_id: string;
  evidence: Evidence;
}

export interface AccusationLink {
  actor: ActorRef;
  statement: NodeRef;
  charge: string | null;
  relationship_id: string;
  evidence: Evidence;
}

export interface ActorRelations {
  actor: ActorRef;
  backers: Relation[];
  backs: Relation[];
  allies: Relation[];
  adversaries: Relation[];
  accusations_made: AccusationLink[];
  accusations_received: AccusationLink[];
  truncated: string[];
}

export interface AccusationStatement {
  id: string;
  summary: string | null;
  text: string | null;
  verbatim: boolean | null;
  quote: string | null;
}

export interface Accusation {
  id: string;
  accuser: ActorRef;
  accused: ActorRef;
  speakers: ActorRef[];
  charge: string | null;
  date: DateInfo;
  statement: AccusationStatement;
  sources: SourceRef[];
  quote: string | null;
}

export interface AccusationPage {
  items: Accusation[];
  next_cursor: string | null;
}

export interface NetworkNodeData {
  id: string;
  label: string;
  kind?: string;
  [key: string]: unknown;
}

export interface NetworkEdgeData {
  id: string;
  source: string;
  target: string;
  /** Accusations accuser → accused (one statement naming three parties counts once per party). */
  accusation_count: number;
  /** Statements behind the edge. */
  statement_count: number;
  mutual: boolean;
  charges: string[];
  /** The edge's dates in words ("November 2019 – February 2020"). */
  dates?: string;
  [key: string]: unknown;
}

export interface NetworkElements {
  elements: { nodes: { data: NetworkNodeData }[]; edges: { data: NetworkEdgeData }[] };
  truncated?: boolean;
}

export interface PathNode {
  id: string;
  labels: string[];
  name: string | null;
}

export interface PathRelationship {
  id: string | null;
  type: string;
  start: string;
  end: string;
  [property: string]: unknown;
}

export interface Paths {
  source: string;
  target: string;
  max_hops: number;
  paths: { length: number; nodes: PathNode[]; relationships: PathRelationship[] }[];
  truncated?: boolean;
}

/** A GeoJSON FeatureCollection of placed events (`/events?format=geojson`), the item as properties. */
export interface EventFeatures {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Partial<TimelineItem> & { id: string };
  }[];
}

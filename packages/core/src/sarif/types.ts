/**
 * The parts of the SARIF 2.1.0 object model that this suite reads and writes. Names follow
 * the OASIS SARIF 2.1.0 specification. Every field is optional because files from other
 * tools omit most of them; the reader checks types before it trusts a value.
 */

export type PropertyBag = Record<string, unknown>;

export interface SarifMessage {
  text?: string;
  markdown?: string;
  /** Key into a rule's `messageStrings`, or into the driver's `globalMessageStrings`. */
  id?: string;
  arguments?: string[];
}

export interface MultiformatMessageString {
  text?: string;
  markdown?: string;
}

export interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  /** Index into `run.artifacts`; -1 means "not set". */
  index?: number;
  description?: SarifMessage;
}

export interface Artifact {
  location?: ArtifactLocation;
  parentIndex?: number;
  mimeType?: string;
}

export interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
  snippet?: { text?: string };
}

export interface PhysicalLocation {
  artifactLocation?: ArtifactLocation;
  region?: Region;
  contextRegion?: Region;
}

export interface SarifLocation {
  id?: number;
  physicalLocation?: PhysicalLocation;
  message?: SarifMessage;
}

export interface ThreadFlowLocation {
  location?: SarifLocation;
}

export interface ThreadFlow {
  locations?: ThreadFlowLocation[];
}

export interface CodeFlow {
  message?: SarifMessage;
  threadFlows?: ThreadFlow[];
}

export type SuppressionStatus = 'accepted' | 'underReview' | 'rejected';

export interface SarifSuppression {
  kind?: 'inSource' | 'external';
  status?: SuppressionStatus;
  justification?: string;
}

export interface ToolComponentReference {
  name?: string;
  index?: number;
  guid?: string;
}

export interface ReportingDescriptorReference {
  id?: string;
  index?: number;
  toolComponent?: ToolComponentReference;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export type SarifKind = 'notApplicable' | 'pass' | 'fail' | 'review' | 'open' | 'informational';

export interface ReportingDescriptor {
  id?: string;
  name?: string;
  shortDescription?: MultiformatMessageString;
  fullDescription?: MultiformatMessageString;
  help?: MultiformatMessageString;
  helpUri?: string;
  messageStrings?: Record<string, MultiformatMessageString>;
  defaultConfiguration?: { level?: SarifLevel; enabled?: boolean; rank?: number };
  relationships?: Array<{ target?: ReportingDescriptorReference; kinds?: string[] }>;
  properties?: PropertyBag;
}

export interface ToolComponent {
  name?: string;
  fullName?: string;
  version?: string;
  semanticVersion?: string;
  informationUri?: string;
  rules?: ReportingDescriptor[];
  globalMessageStrings?: Record<string, MultiformatMessageString>;
  properties?: PropertyBag;
}

export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  rule?: ReportingDescriptorReference;
  kind?: SarifKind;
  level?: SarifLevel;
  message?: SarifMessage;
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  codeFlows?: CodeFlow[];
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  suppressions?: SarifSuppression[];
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  properties?: PropertyBag;
}

export interface SarifRun {
  tool?: { driver?: ToolComponent; extensions?: ToolComponent[] };
  originalUriBaseIds?: Record<string, ArtifactLocation>;
  artifacts?: Artifact[];
  results?: SarifResult[];
  automationDetails?: { id?: string; guid?: string };
  columnKind?: 'utf16CodeUnits' | 'unicodeCodePoints';
  properties?: PropertyBag;
}

export interface SarifLog {
  $schema?: string;
  version?: string;
  runs?: SarifRun[];
}

// Templates: parsing placeholders and branches for each syntax, and figures as ranges.
export * from './types';
export { parseTemplate, detectSyntax, isTemplateSyntax } from './parse';
export { applyFilters, escapeHtml } from './values';
export { VARIABLE_DEFAULTS, type VariableMeta, type VariableDefaults, type TemplateVariablesConfig, type VariableCharset, type AssumedField } from './variables';
export {
  templateFigures,
  type FigureOptions,
  type FigureCount,
  type Figure,
  type ValueChoice,
  type VariantFigures,
  type VariableReport,
  type Assumption,
  type AssumptionCode,
  type Widening,
  type TemplateFigures,
} from './figures';

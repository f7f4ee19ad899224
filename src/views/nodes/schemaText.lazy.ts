/** Attribute and option texts of the Attributes section, loaded when one is first expanded (dist/schemaText.lazy.js). */
export * from './schemaText';

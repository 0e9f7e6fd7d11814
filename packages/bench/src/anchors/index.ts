export * from './lai-chau.js';
export { jsonLogicAnchor, fromJsonLogicText } from './json-logic.js';
export { celAnchor, fromCelText } from './cel.js';
export { zenAnchor, fromZenText } from './zen.js';
export { jreAnchor, fromJreText } from './json-rules-engine.js';

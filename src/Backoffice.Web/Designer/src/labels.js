// Labels of the domain's codes, from GET /api/designer/reference (the label catalogue): outcomes on
// connections and handles, and the choices of choice properties.
let labels = {};

const choiceSets = { action: 'applicantAction', channel: 'channel', to: 'recipient', event: 'workflowEvent', result: 'endResult' };

export function setLabels(next) { labels = next ?? {}; }

export const outcomeLabel = (outcome) => labels.outcome?.[outcome] ?? outcome;

export const choiceLabel = (property, value) => labels[choiceSets[property]]?.[value] ?? value;

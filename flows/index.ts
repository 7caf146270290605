export { createFlowRunner, FLOW_VERSION } from './runner.ts';
export { createRootMachine } from './root.machine.ts';
export type { FlowDeps, DialogueTree, DialogueNode, CountryChoice } from './dialogue.ts';
